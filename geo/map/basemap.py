"""Country shapes light enough to draw in a browser, detailed where the story happens."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from geo.data.countries import REGION, country_name
from geo.text.escape import compact_json
from geo.text.i18n import LANGUAGES

WORLD_TOLERANCE_DEG = 0.15
REGION_TOLERANCE_DEG = 0.005
MIN_ISLAND_DEG2 = 0.2
# Antarctica would only stretch the map; nothing in the data happens there.
LEFT_OUT = ("ATA",)
SEAM_DEG = 0.05


def without_small_islands(shape, min_area: float = MIN_ISLAND_DEG2):
    """`shape` without the parts smaller than `min_area`; its largest part always stays."""
    parts = shapely.get_parts(shape)
    if len(parts) < 2:
        return shape
    keep = [part for part in parts if part.area >= min_area] or [max(parts, key=lambda p: p.area)]
    return shapely.MultiPolygon(keep) if len(keep) > 1 else keep[0]


def east_of_the_antimeridian(geometries: np.ndarray) -> np.ndarray:
    """`geometries` with each part that crosses the antimeridian moved whole to its east (longitudes
    past 180).

    The country shapes keep such parts (Russia's north and Chukotka, Fiji) within -180..180 by
    wrapping their longitudes, so an edge runs straight across the world: cut as they are, they
    became bands over Canada and the Atlantic."""
    parts, owner = shapely.get_parts(geometries, return_index=True)
    points, ring = shapely.get_coordinates(shapely.get_exterior_ring(parts), return_index=True)
    jumps = (np.abs(np.diff(points[:, 0])) > 180) & (ring[1:] == ring[:-1])
    crossing = np.isin(np.arange(len(parts)), ring[1:][jumps])
    # Moved, a part may cross itself where the wrapped edges met: make_valid mends it.
    parts[crossing] = shapely.make_valid(
        shapely.transform(parts[crossing], lambda xy: np.where(xy[:, :1] < 0, xy + np.array([360, 0]), xy))
    )
    whole = np.asarray(geometries).copy()
    for index in np.unique(owner[crossing]):
        # The moved parts miss their neighbours by a hair: a closing joins them without a seam.
        joined = shapely.union_all(parts[owner == index])
        whole[index] = joined.buffer(SEAM_DEG, quad_segs=2).buffer(-SEAM_DEG, quad_segs=2)
    return whole


def display_shapes(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """iso3, a name in each language (`name_en`, `name_fr`, ...) and a geometry simplified for
    display, with a `detailed` flag.

    Simplification is done on the whole coverage at once, so neighbours keep a common border;
    the region's countries get a finer pass of their own and are drawn above the rest."""
    frame = countries[~countries["iso3"].isin(LEFT_OUT)].reset_index(drop=True)
    coarse = np.array([without_small_islands(shape) for shape in frame.geometry.values])
    coarse = shapely.coverage_simplify(coarse, WORLD_TOLERANCE_DEG)
    detailed = frame["iso3"].isin(REGION).to_numpy()
    fine = shapely.coverage_simplify(frame.geometry.values[detailed], REGION_TOLERANCE_DEG)
    shapes = frame[["iso3", "name_en"]].copy()
    # Named as everywhere else in the app; areas without a code keep the name of their shape.
    for lang in LANGUAGES:
        shapes[f"name_{lang}"] = [country_name(c, lang) if c else n for c, n in zip(shapes["iso3"], shapes["name_en"])]
    geometry = coarse.copy()
    geometry[detailed] = fine
    shapes = gpd.GeoDataFrame(shapes, geometry=list(east_of_the_antimeridian(geometry)), crs=countries.crs)
    shapes["detailed"] = detailed
    shapes["coarse"] = gpd.GeoSeries(list(east_of_the_antimeridian(coarse)), crs=countries.crs)
    return shapes


def _rounded(coordinates, digits: int):
    if isinstance(coordinates[0], (int, float)):
        return [round(value, digits) for value in coordinates]
    return [_rounded(part, digits) for part in coordinates]


def feature(shape, properties: dict, digits: int = 3) -> dict:
    """A GeoJSON feature with coordinates rounded to `digits` decimals."""
    geometry = shapely.geometry.mapping(shape)
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"], digits)},
    }


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def basemap_collections(shapes: gpd.GeoDataFrame) -> tuple[str, str]:
    """The whole world coarsely (2 decimals, ~1 km) and the region in detail (4 decimals), as
    JSON text: written once, not on every map drawn."""
    world = collection([feature(shape, {}, 2) for shape in shapes["coarse"]])
    region = shapes[shapes["detailed"]]
    detail = collection([feature(shape, {}, 4) for shape in region.geometry])
    return compact_json(world), compact_json(detail)

"""Regenerate data/countries.geojson from Natural Earth (world-atlas@2 on the npm registry).

Usage: python scripts/build_countries.py [PATH_TO_world-atlas.tgz]

Without a path the tarball is fetched with `npm pack world-atlas@2`. Arcs that touch a
country of the region keep full 1:10m detail so the Ferghana valley enclaves survive;
all other arcs are simplified. Because TopoJSON arcs are shared, simplifying arc by arc
keeps neighbours' borders identical on both sides.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely import make_valid
from shapely.geometry import LineString, MultiPolygon, Polygon

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo.data.countries import country_name, iso3_from_numeric

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "countries.geojson"
DETAILED_ISO3 = {"KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG"}
COARSE_TOLERANCE_DEG = 0.04
COORD_DECIMALS = 4
# Natural Earth shapes without an ISO numeric code that still are a country the data can name.
UNNUMBERED_ISO3 = {"Kosovo": "XKX"}


def fetch_topojson(tarball: Path | None) -> dict:
    """Read countries-10m.json out of the world-atlas tarball."""
    with tempfile.TemporaryDirectory() as tmp:
        if tarball is None:
            name = (
                subprocess.run(["npm", "pack", "world-atlas@2"], cwd=tmp, check=True, capture_output=True, text=True)
                .stdout.strip()
                .splitlines()[-1]
            )
            tarball = Path(tmp) / name
        with tarfile.open(tarball) as archive:
            member = archive.extractfile("package/countries-10m.json")
            return json.load(member)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Undo the quantisation and delta encoding of every arc."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify_arcs(arcs, detailed_arc_ids: set[int]):
    """Simplify arcs not bordering the detailed countries; endpoints always stay."""
    out = []
    for index, points in enumerate(arcs):
        if index in detailed_arc_ids or len(points) < 3:
            out.append(points)
            continue
        simplified = list(LineString(points).simplify(COARSE_TOLERANCE_DEG).coords)
        out.append(simplified)
    return out


def ring(arc_refs, arcs):
    points = []
    for ref in arc_refs:
        part = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        points.extend(part if not points else part[1:])
    return [(round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)) for x, y in points]


def polygon(rings_refs, arcs):
    rings = [ring(refs, arcs) for refs in rings_refs]
    rings = [r for r in rings if len(r) >= 4]
    if not rings:
        return None
    return Polygon(rings[0], rings[1:])


def build(topology: dict) -> gpd.GeoDataFrame:
    """Turn the TopoJSON countries into a valid GeoDataFrame with ISO and names."""
    geometries = topology["objects"]["countries"]["geometries"]
    detailed_arc_ids: set[int] = set()
    for geom in geometries:
        if iso3_from_numeric(geom.get("id")) in DETAILED_ISO3:
            detailed_arc_ids.update(_arc_ids(geom["arcs"]))
    arcs = simplify_arcs(decode_arcs(topology), detailed_arc_ids)
    rows = []
    for geom in geometries:
        parts = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        polys = [p for p in (polygon(rings, arcs) for rings in parts) if p is not None]
        shape = make_valid(MultiPolygon(polys), method="structure", keep_collapsed=False)
        natural_earth_name = geom["properties"]["name"]
        iso3 = iso3_from_numeric(geom.get("id")) or UNNUMBERED_ISO3.get(natural_earth_name, "")
        rows.append(
            {
                "iso3": iso3,
                "iso_n3": geom.get("id", ""),
                "name_en": country_name(iso3, "en") if iso3 else natural_earth_name,
                "name_fr": country_name(iso3, "fr") if iso3 else natural_earth_name,
                "geometry": shape,
            }
        )
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    frame = frame[~frame.geometry.is_empty]
    return merge_same_country(frame)


def merge_same_country(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row per ISO code: Natural Earth splits a few countries (e.g. Ashmore Reef from Australia)."""
    coded = frame[frame["iso3"] != ""]
    merged = coded.dissolve(by="iso3", aggfunc="first", as_index=False)
    merged["geometry"] = merged.geometry.map(lambda g: make_valid(g, method="structure"))
    uncoded = frame[frame["iso3"] == ""]
    return gpd.GeoDataFrame(pd.concat([merged, uncoded], ignore_index=True), crs=frame.crs)


def _arc_ids(nested) -> set[int]:
    if isinstance(nested, int):
        return {nested if nested >= 0 else ~nested}
    ids: set[int] = set()
    for item in nested:
        ids |= _arc_ids(item)
    return ids


def main(argv: list[str]) -> int:
    tarball = Path(argv[1]) if len(argv) > 1 else None
    frame = build(fetch_topojson(tarball))
    invalid = frame[~frame.geometry.is_valid]
    if len(invalid):
        print(f"invalid geometries: {list(invalid.name_en)}", file=sys.stderr)
        return 1
    OUTPUT.write_text(frame.to_json(drop_id=True), encoding="utf-8")
    print(f"{len(frame)} countries, {OUTPUT.stat().st_size / 1e6:.2f} MB -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Altair charts of the analysis pages: titled, colour-blind-safe, each exportable as PNG and SVG."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable

import altair as alt
import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

from geo.data.countries import REGION
from geo.data.vocab import EVENT_KINDS
from geo.map.basemap import east_of_the_antimeridian

# Its yellow nearly vanishes on the cream page as a thin line, a point or text: fills only.
MARK_COLORS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#000000", "#56b4e9")
# Shapes to pair with the colours: 7 colours by 8 shapes stay distinct for more kinds than the vocabulary has.
MARK_SHAPES = (
    "circle",
    "square",
    "triangle-up",
    "diamond",
    "triangle-down",
    "cross",
    "triangle-right",
    "triangle-left",
)
INSIDE_OUTSIDE = ("#0072b2", "#e69f00")
BACKGROUND = "#fbfaf7"
INK = "#222222"
# 4.7:1 on the background: names of the groups outside the highlighted family stay legible.
FADED_INK = "#707070"
LINK_STYLES = {  # kind: (colour, dash)
    "split": ("#d55e00", [1, 0]),
    "merger": ("#000000", [1, 0]),
    "successor": ("#000000", [6, 2]),
    "pledge": ("#0072b2", [6, 3]),
    "alliance": ("#009e73", [2, 3]),
    "rivalry": ("#cc79a7", [8, 3, 2, 3]),
}
STATUS_COLORS = {
    "member": "#0072b2",
    "associate": "#56b4e9",
    "observer": "#009e73",
    "dialogue_partner": "#f0e442",
    "partner": "#e69f00",
    "suspended": "#cc79a7",
    "left": "#d55e00",
}
NOT_A_MEMBER = "#e8e8e8"
WIDTH = 760
TITLE_SIZE, SUBTITLE_SIZE = 15, 11
# Vega does not wrap titles: lines are cut to the plot width, with this many pixels per character.
CHAR_WIDTH = 0.56
# Wide enough for the longest group name (about 330 px): names are never cut in a legend.
LEGEND_LABEL_LIMIT = 400


def country_colors(codes: Iterable[str]) -> dict[str, str]:
    """A colour for each country code, keyed on the code so that no language moves it.

    The region's countries always keep the same colour; other countries take the rest of the
    palette in code order."""
    present = set(codes)
    fixed = {code: MARK_COLORS[i] for i, code in enumerate(REGION) if code in present}
    others = sorted(present - set(REGION))
    return {**fixed, **{code: MARK_COLORS[i % len(MARK_COLORS)] for i, code in enumerate(others)}}


def event_styles(kinds: Iterable[str]) -> dict[str, tuple[str, str]]:
    """(colour, shape) of each event kind present, in the vocabulary's order, keyed on the kind."""
    present = set(kinds)
    return {
        kind: (MARK_COLORS[i % len(MARK_COLORS)], MARK_SHAPES[i % len(MARK_SHAPES)])
        for i, kind in enumerate(EVENT_KINDS)
        if kind in present
    }


def keyed_scale(ids: pd.Series, labels: pd.Series, values: dict[str, object]) -> alt.Scale:
    """A scale from each id's label to its value in `values`, in the order of `values`."""
    label_of = dict(zip(ids, labels))
    domain = [label_of[key] for key in values if key in label_of]
    return alt.Scale(domain=domain, range=[values[key] for key in values if key in label_of])


def numbers_for_browser(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with 64-bit integers as floats: they reach the browser as BigInt, which Vega cannot add up."""
    wide = [c for c in frame.columns if pd.api.types.is_integer_dtype(frame[c])]
    return frame.astype({c: "float64" for c in wide})


def wrapped(lines: str | list[str], width: int, font_size: float) -> list[str]:
    """`lines` broken at spaces so that none runs wider than `width` pixels."""
    chars = max(24, int(width / (CHAR_WIDTH * font_size)))
    return [part for line in ([lines] if isinstance(lines, str) else lines) for part in textwrap.wrap(line, chars)]


def titled(chart: alt.Chart, title: str, subtitle: str | list[str] = "") -> alt.Chart:
    """`chart` with a title and a subtitle (period, filters, source and date) for exports.

    Padding autosize keeps the plot at its own height: the default fit would squeeze it
    to make room for the title and the legend."""
    # Lines wider than the chart would run into the chart beside it on the page.
    width = chart.width if isinstance(chart.width, int) else WIDTH
    lines, sublines = wrapped(title, width, TITLE_SIZE), wrapped(subtitle, width, SUBTITLE_SIZE)
    # Sizes and line heights set here, not left to the theme, so that lines never overlap.
    heading = alt.Title(
        lines[0] if len(lines) == 1 else lines,
        subtitle=sublines or alt.Undefined,
        anchor="start",
        fontSize=TITLE_SIZE,
        lineHeight=TITLE_SIZE + 4,
        subtitleFontSize=SUBTITLE_SIZE,
        subtitleLineHeight=SUBTITLE_SIZE + 4,
        subtitlePadding=4,
    )
    # The description becomes the chart's accessible name for screen readers.
    return chart.properties(
        title=heading, description=title, autosize=alt.AutoSizeParams(type="pad", contains="content")
    )


ERA_SHADES = ("#f0f0f0", "#e2e2e2", "#d3d3d3")


def era_bands(eras: pd.DataFrame, x: alt.X) -> alt.LayerChart:
    """The essay's periods as pale grey bands with their names along the top."""
    shaded = eras.assign(shade=[ERA_SHADES[i % len(ERA_SHADES)] for i in range(len(eras))])
    bands = (
        alt.Chart(numbers_for_browser(shaded))
        .mark_rect()
        .encode(x=x, x2="end:Q", color=alt.Color("shade:N", scale=None))
    )
    names = (
        alt.Chart(numbers_for_browser(shaded))
        .mark_text(align="left", baseline="top", dx=4, dy=4, fontSize=11, color="#444")
        .encode(x=x, y=alt.value(0), text="era:N")
    )
    return bands + names


def yearly_chart(
    table: pd.DataFrame, colors: dict[str, str], eras: pd.DataFrame, span: tuple[int, int], labels: dict[str, str]
) -> alt.LayerChart:
    """Stacked bars per year (low estimate), with the periods behind and the attacks on hover."""
    # Each bar spans its year centred on the tick; the periods' edges fall between years.
    domain = list(colors)
    data = table.assign(
        start=table["year"] - 0.5,
        end=table["year"] + 0.5,
        range=[f"{lo}" if lo == hi else f"{lo}–{hi}" for lo, hi in zip(table["low"], table["high"])],
        rank=table["label"].map({label: i for i, label in enumerate(domain)}),
    )
    x = alt.X(
        "start:Q",
        title=labels["year"],
        scale=alt.Scale(domain=[span[0] - 0.5, span[1] + 0.5], nice=False),
        axis=alt.Axis(format="d", tickMinStep=1),
    )
    bars = (
        alt.Chart(numbers_for_browser(data))
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=x,
            x2="end:Q",
            y=alt.Y("sum(low):Q", title=labels["value"]),
            color=alt.Color(
                "label:N",
                title=labels["by"],
                scale=alt.Scale(domain=domain, range=[colors[k] for k in domain]),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=LEGEND_LABEL_LIMIT),
            ),
            # Stacked in the series' order, which follows ids, not in the labels' alphabetical order.
            order=alt.Order("rank:Q"),
            tooltip=[
                alt.Tooltip("year:O", title=labels["year"]),
                alt.Tooltip("label:N", title=labels["by"]),
                alt.Tooltip("range:N", title=labels["value"]),
                alt.Tooltip("events:N", title=labels["events"]),
            ],
        )
    )
    shown = eras.assign(
        start=(eras["start"] - 0.5).clip(lower=span[0] - 0.5), end=(eras["end"] - 0.5).clip(upper=span[1] + 0.5)
    )
    shown = shown[shown["start"] < shown["end"]]
    return alt.layer(era_bands(shown, x), bars).resolve_scale(color="independent").properties(width=WIDTH, height=300)


def inside_outside_chart(table: pd.DataFrame, span: tuple[int, int], labels: dict[str, str]) -> alt.Chart:
    """Attacks per year in Central Asia and elsewhere, side by side."""
    return (
        alt.Chart(numbers_for_browser(table))
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=labels["year"], scale=alt.Scale(domain=list(range(span[0], span[1] + 1)))),
            xOffset="where:N",
            y=alt.Y("attacks:Q", title=labels["attacks"]),
            color=alt.Color(
                "where:N",
                title=None,
                legend=alt.Legend(orient="top", labelLimit=LEGEND_LABEL_LIMIT),
                scale=keyed_scale(table["inside"], table["where"], dict(zip((True, False), INSIDE_OUTSIDE))),
            ),
            tooltip=[
                alt.Tooltip("year:O", title=labels["year"]),
                alt.Tooltip("where:N", title=" "),
                alt.Tooltip("attacks:Q", title=labels["attacks"]),
            ],
        )
        .properties(width=WIDTH, height=220)
    )


def events_chart(events: pd.DataFrame, span: tuple[int, int], labels: dict[str, str]) -> alt.Chart:
    """Key events on the same time axis, one row per kind."""
    data = events.assign(when=events["date"].dt.year - 0.5 + (events["date"].dt.day_of_year - 1) / 366)
    styles = event_styles(events["kind"])
    colors = keyed_scale(events["kind"], events["kind_label"], {k: color for k, (color, _) in styles.items()})
    shapes = keyed_scale(events["kind"], events["kind_label"], {k: shape for k, (_, shape) in styles.items()})
    return (
        alt.Chart(numbers_for_browser(data))
        .mark_point(filled=True, size=70, opacity=0.85)
        .encode(
            x=alt.X(
                "when:Q",
                title=labels["year"],
                scale=alt.Scale(domain=[span[0] - 0.5, span[1] + 0.5], nice=False),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            y=alt.Y("kind_label:N", title=None, sort=None, axis=alt.Axis(labelLimit=LEGEND_LABEL_LIMIT)),
            color=alt.Color("kind_label:N", legend=None, scale=colors),
            shape=alt.Shape("kind_label:N", legend=None, scale=shapes),
            tooltip=[
                alt.Tooltip("date:T", title=labels["date"], format="%Y-%m-%d"),
                alt.Tooltip("kind_label:N", title=labels["kind"]),
                alt.Tooltip("title:N", title=labels["event"]),
            ],
        )
        .properties(width=WIDTH, height=max(120, 22 * events["kind"].nunique()))
    )


def lineage_chart(nodes: pd.DataFrame, edges: pd.DataFrame, labels: dict[str, str]) -> alt.LayerChart:
    """Groups placed by founding year; links drawn with one colour and dash per kind."""
    colors = keyed_scale(edges["kind"], edges["kind_label"], {k: color for k, (color, _) in LINK_STYLES.items()})
    dashes = keyed_scale(edges["kind"], edges["kind_label"], {k: dash for k, (_, dash) in LINK_STYLES.items()})
    x = alt.X("x:Q", title=labels["founded"], axis=alt.Axis(format="d"), scale=alt.Scale(zero=False, padding=40))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(padding=20))
    # One legend of line samples in each kind's colour and dash: the colour legend draws its symbols
    # with the dash scale (Vega-Lite's own merging of the two legends differs between versions).
    # Below the graph: at its right the legend ran past the page's column, cutting longer kinds.
    legend = alt.Legend(
        orient="bottom",
        direction="horizontal",
        symbolType="stroke",
        symbolStrokeWidth=2.2,
        symbolSize=500,
        symbolOpacity=1,
        labelLimit=LEGEND_LABEL_LIMIT,
        symbolDash=alt.ExprRef("scale('strokeDash', datum.value)"),
    )
    lines = (
        alt.Chart(numbers_for_browser(edges))
        .mark_rule(strokeWidth=2.2)
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            color=alt.Color("kind_label:N", title=labels["link"], scale=colors, legend=legend),
            strokeDash=alt.StrokeDash("kind_label:N", scale=dashes, legend=None),
            opacity=alt.condition("datum.on_path", alt.value(0.95), alt.value(0.2)),
            tooltip=[
                alt.Tooltip("from_name:N", title=labels["from"]),
                alt.Tooltip("kind_label:N", title=labels["link"]),
                alt.Tooltip("to_name:N", title=labels["to"]),
                alt.Tooltip("since:N", title=labels["since"]),
            ],
        )
    )
    # Groups outside the highlighted family are paler but keep a dark enough outline and name:
    # dimming by opacity left them unreadable on a slide.
    other = "datum.role === 'other'"
    dots = (
        alt.Chart(numbers_for_browser(nodes))
        .mark_circle(size=260, strokeWidth=1, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color("color:N", scale=None),
            fillOpacity=alt.condition(other, alt.value(0.35), alt.value(1)),
            stroke=alt.condition(other, alt.value(FADED_INK), alt.value(INK)),
            tooltip=[alt.Tooltip("name:N", title=labels["group"]), alt.Tooltip("founded:N", title=labels["founded"])],
        )
    )
    names = (
        alt.Chart(numbers_for_browser(nodes))
        .mark_text(align="left", dx=11, fontSize=12)
        .encode(x=x, y=y, text="short:N", color=alt.condition(other, alt.value(FADED_INK), alt.value(INK)))
    )
    return alt.layer(lines, dots, names).properties(width=WIDTH, height=max(260, 26 * len(nodes)))


def group_years_chart(table: pd.DataFrame, color: str, span: tuple[int, int], labels: dict[str, str]) -> alt.Chart:
    """One group's attacks and killed per year."""
    long = table.melt(id_vars=["year"], value_vars=["attacks", "killed"], var_name="measure", value_name="value")
    long["measure"] = long["measure"].map({"attacks": labels["attacks"], "killed": labels["killed"]})
    return (
        alt.Chart(numbers_for_browser(long))
        .mark_bar(color=color)
        .encode(
            x=alt.X("year:O", title=labels["year"], scale=alt.Scale(domain=list(range(span[0], span[1] + 1)))),
            y=alt.Y("value:Q", title=None),
            row=alt.Row("measure:N", title=None),
            tooltip=["year:O", "measure:N", "value:Q"],
        )
        .properties(width=WIDTH - 80, height=110)
        .resolve_scale(y="independent")
    )


# Two decimals (about 1 km), what a chart of a region needs.
PRECISION_DEG = 0.01


def region_shapes(
    shapes: gpd.GeoDataFrame, box: tuple[float, float, float, float], column: str = "geometry"
) -> gpd.GeoDataFrame:
    """Country shapes (from `column`) cut to `box` (west, south, east, north), without those left empty."""
    whole = east_of_the_antimeridian(np.asarray(shapes[column].values))
    cut = shapely.clip_by_rect(whole, *box)
    west, south, east, north = box
    beyond = shapely.transform(
        shapely.clip_by_rect(whole, west + 360, south, east + 360, north), lambda xy: xy - [360, 0]
    )
    wraps = ~shapely.is_empty(beyond)
    cut[wraps] = shapely.union(cut[wraps], beyond[wraps])
    # The cut edges run along parallels; Vega draws edges as great circles, so they get extra points.
    clipped = shapes.assign(geometry=shapely.segmentize(cut, 1.0))
    return clipped[~clipped.geometry.is_empty]


def geo_data(geometries, properties: list[dict], grid: float = PRECISION_DEG) -> alt.Data:
    """Shapes for Vega as one GeoJSON text on a `grid`, exteriors wound clockwise, empty ones left out.

    Vega's spherical maths reads a counter-clockwise ring, and a ring flattened to no area, as
    'the whole globe but this'. Snapping to the grid drops the slivers that rounding each
    coordinate would have flattened (a cut sliver of Canada once filled the whole globe).
    One text, parsed by Vega, because Altair copies and checks nested inline values item by
    item, which took seconds for a map's land."""
    shapes = shapely.orient_polygons(shapely.set_precision(np.asarray(geometries), grid), exterior_cw=True)
    kept = ~shapely.is_empty(shapes)
    kept_properties = [props for props, keep in zip(properties, kept) if keep]
    features = ",".join(
        f'{{"type":"Feature","properties":{json.dumps(props, ensure_ascii=False)},"geometry":{shape}}}'
        for shape, props in zip(shapely.to_geojson(shapes[kept]), kept_properties)
    )
    return alt.Data(
        values=f'{{"type":"FeatureCollection","features":[{features}]}}',
        format=alt.DataFormat(type="json", property="features"),
    )


def membership_map(
    shapes: gpd.GeoDataFrame, statuses: pd.DataFrame, lang: str, labels: dict[str, str], status_labels: dict[str, str]
) -> alt.LayerChart:
    """Countries coloured by their status in one organisation in one year."""
    region = region_shapes(shapes, (30, 25, 110, 60))
    by_country = dict(zip(statuses["country_iso3"], statuses["status"]))
    region = region.assign(
        status=region["iso3"].map(lambda c: status_labels.get(by_country.get(c), labels["none"])),
        country=region[f"name_{lang}"],
    )
    present = [s for s in STATUS_COLORS if s in set(by_country.values())]
    domain = [status_labels[s] for s in present] + [labels["none"]]
    colors = [STATUS_COLORS[s] for s in present] + [NOT_A_MEMBER]
    values = geo_data(
        region.geometry.values, [{"country": c, "status": s} for c, s in zip(region["country"], region["status"])]
    )
    countries = (
        alt.Chart(values)
        .mark_geoshape(stroke="#666", strokeWidth=0.5)
        .encode(
            color=alt.Color(
                "properties.status:N",
                title=labels["status"],
                scale=alt.Scale(domain=domain, range=colors),
                # Below the map, as at its right it ran past the page's column.
                legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=LEGEND_LABEL_LIMIT),
            ),
            tooltip=[
                alt.Tooltip("properties.country:N", title=labels["country"]),
                alt.Tooltip("properties.status:N", title=labels["status"]),
            ],
        )
    )
    # The organisation's countries outlined darker. Its own data also keeps the shapes in the layers:
    # Streamlit turns a chart's top-level inline values into a table, which a JSON text is not.
    involved = region[region["iso3"].isin(by_country)]
    outlines = alt.Chart(geo_data(involved.geometry.values, [{}] * len(involved))).mark_geoshape(
        filled=False, stroke=INK, strokeWidth=1.1, aria=False
    )
    return alt.layer(countries, outlines).project(type="mercator").properties(width=WIDTH, height=380)


BASE_NAME_WRAP = 42


def bases_chart(periods: pd.DataFrame, labels: dict[str, str]) -> alt.Chart:
    """Foreign military bases as bars from opening to closing (or to now)."""
    # Long names wrap onto lines of their own rather than being cut at the axis' label limit.
    wrapped = periods["name"].map(lambda name: "\n".join(textwrap.wrap(name, BASE_NAME_WRAP)))
    data = periods.assign(end_bar=periods["end"] + 1, axis_name=wrapped)
    lines = max((name.count("\n") + 1 for name in wrapped), default=1)
    return (
        alt.Chart(numbers_for_browser(data))
        .mark_bar(height=14)
        .encode(
            x=alt.X("start:Q", title=labels["year"], axis=alt.Axis(format="d"), scale=alt.Scale(zero=False)),
            x2="end_bar:Q",
            y=alt.Y(
                "axis_name:N", title=None, sort=None, axis=alt.Axis(labelLimit=0, labelExpr="split(datum.label, '\\n')")
            ),
            color=alt.Color(
                "operator:N",
                title=labels["operator"],
                scale=keyed_scale(
                    periods["operator_iso3"], periods["operator"], country_colors(periods["operator_iso3"])
                ),
                legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=LEGEND_LABEL_LIMIT),
            ),
            opacity=alt.condition("datum.open", alt.value(1), alt.value(0.75)),
            tooltip=[
                alt.Tooltip("name:N", title=labels["base"]),
                alt.Tooltip("operator:N", title=labels["operator"]),
                alt.Tooltip("country:N", title=labels["country"]),
                alt.Tooltip("start:Q", title=labels["from"], format="d"),
                alt.Tooltip("end:Q", title=labels["to"], format="d"),
            ],
        )
        .properties(width=WIDTH - 200, height=max(120, (10 + 12 * lines) * len(periods)))
    )


GEOD = pyproj.Geod(ellps="WGS84")
ARC_STEPS = 48
LAND = "#e2dccf"
SEA = "#e3ecf0"


def geodesic(start: tuple[float, float], end: tuple[float, float], steps: int = ARC_STEPS) -> shapely.LineString:
    """The shortest path on the Earth between two (lon, lat) points, as a line of `steps` segments."""
    if tuple(start) == tuple(end):
        return shapely.LineString([start, end])
    return shapely.LineString(GEOD.npts(*start, *end, steps + 1, initial_idx=0, terminus_idx=0))


def shown_area(lines: list[shapely.LineString], margin: float = 0.06, least: float = 3.0) -> tuple[float, ...]:
    """(west, south, east, north) around `lines`, with a margin so no arc ends on the frame."""
    west, south, east, north = shapely.total_bounds(lines)
    pad_x, pad_y = max(least, margin * (east - west)), max(least, margin * (north - south))
    return max(west - pad_x, -180), max(south - pad_y, -89), min(east + pad_x, 180), min(north + pad_y, 89)


def fit_points(box: tuple[float, ...]) -> list[list[float]]:
    """The points of `box` whose projections span its Equal Earth image: its corners, and where
    it crosses the equator (parallels are straight lines there, widest at the equator)."""
    west, south, east, north = (round(float(v), 2) for v in box)
    lats = [south, north] + ([0.0] if south < 0 < north else [])
    return [[lon, lat] for lon in (west, east) for lat in lats]


def map_frame(
    box: tuple[float, ...], width: int, lon_0: float, heights: tuple[int, int] = (300, 480)
) -> tuple[int, tuple[float, ...]]:
    """The height of a `width` px Equal Earth map centred on `lon_0` and fitted to `box`, as near
    the box's shape as `heights` allow, and the (west, south, east, north) all that frame shows:
    it may be taller than the box, and the box's meridians lean in towards the poles."""
    # A sphere, as Vega's projections take the Earth to be.
    to_map = pyproj.Proj(f"+proj=eqearth +lon_0={lon_0} +R=1")
    edge = np.asarray(shapely.segmentize(shapely.box(*box), 1.0).exterior.coords)
    x, y = to_map(edge[:, 0], edge[:, 1])
    (x0, x1), (y0, y1) = (x.min(), x.max()), (y.min(), y.max())
    height = int(np.clip(width * (y1 - y0) / (x1 - x0), *heights))
    scale = max((x1 - x0) / width, (y1 - y0) / height)
    half_x, half_y = scale * width / 2, scale * height / 2
    grid_x, grid_y = np.meshgrid(
        np.linspace((x0 + x1) / 2 - half_x, (x0 + x1) / 2 + half_x, 41),
        np.linspace((y0 + y1) / 2 - half_y, (y0 + y1) / 2 + half_y, 41),
    )
    lons, lats = to_map(grid_x.ravel(), grid_y.ravel(), inverse=True)
    inside = np.isfinite(lons) & np.isfinite(lats) & (np.abs(lons) <= 180)
    if not inside.all():  # the frame reaches past the edge of the world: every longitude shows
        return height, (-180.0, max(lats[inside].min(), -90), 180.0, min(lats[inside].max(), 90))
    return height, (lons.min(), lats.min(), lons.max(), lats.max())


def abroad_map(
    shapes: gpd.GeoDataFrame, trips: pd.DataFrame, lang: str, labels: dict[str, str], width: int = WIDTH
) -> alt.LayerChart:
    """Arcs from the perpetrators' country of origin to each attack site abroad, one colour per origin.

    The map is fitted to the arcs; the land sent is the coarse world cut to what the frame shows."""
    paths = [geodesic((r.origin_lon, r.origin_lat), (r.lon, r.lat)) for r in trips.itertuples(index=False)]
    area = shown_area(paths)
    lon_0 = round((area[0] + area[2]) / 2, 1)
    column = "coarse" if "coarse" in shapes else "geometry"
    height, shown = map_frame(area, width, lon_0)
    land = region_shapes(shapes, shown, column).geometry.values
    # Points along the area's edge: unlike a polygon, they cannot be read as the rest of the globe.
    outline = {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": fit_points(area)}}
    # The land is backdrop, not data: hidden from screen readers, which would find an unnamed shape.
    base = alt.Chart(geo_data(land, [{}] * len(land))).mark_geoshape(
        fill=LAND, stroke="#ffffff", strokeWidth=0.5, aria=False, clip=True
    )
    arcs = geo_data(
        paths,
        [
            {"origin": r.origin_name, "place": r.place, "date": r.date, "destination": r.destination_name}
            for r in trips.itertuples(index=False)
        ],
        0.001,
    )
    color = alt.Color(
        "properties.origin:N",
        title=labels["origin"],
        scale=keyed_scale(trips["origin"], trips["origin_name"], country_colors(trips["origin"])),
    )
    lines = (
        alt.Chart(arcs)
        .mark_geoshape(filled=False, strokeWidth=1.6, opacity=0.85, clip=True)
        .encode(
            stroke=color,
            tooltip=[
                alt.Tooltip("properties.origin:N", title=labels["origin"]),
                alt.Tooltip("properties.place:N", title=labels["place"]),
                alt.Tooltip("properties.date:N", title=labels["date"]),
            ],
        )
    )
    sites = (
        alt.Chart(numbers_for_browser(trips))
        .mark_circle(size=45, color=INK, opacity=0.9, clip=True)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            tooltip=[
                alt.Tooltip("place:N", title=labels["place"]),
                alt.Tooltip("date:N", title=labels["date"]),
                alt.Tooltip("origin_name:N", title=labels["origin"]),
            ],
        )
    )
    return (
        alt.layer(base, lines, sites)
        .project(type="equalEarth", rotate=[-lon_0, 0, 0], fit=outline)
        .properties(width=width, height=height, view=alt.ViewBackground(fill=SEA, stroke=None))
    )


def count_bars(table: pd.DataFrame, name_column: str, title: str, color: str) -> alt.Chart:
    """Horizontal bars of attacks per country, most first."""
    return (
        alt.Chart(numbers_for_browser(table))
        .mark_bar(color=color)
        .encode(
            x=alt.X("attacks:Q", title=title, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y(f"{name_column}:N", title=None, sort="-x"),
            tooltip=[f"{name_column}:N", "attacks:Q"],
        )
        .properties(width=300, height=max(80, 24 * len(table)))
    )


def yearly_runs(rows: pd.DataFrame, key: str) -> pd.Series:
    """A run number for each row of `rows` (one series per `key`): a new run starts after a missing year."""
    ordered = rows.sort_values([key, "year"])
    gap = ordered.groupby(key)["year"].diff().fillna(1) > 1
    return gap.groupby(ordered[key]).cumsum().reindex(rows.index)


def context_chart(rows: pd.DataFrame, labels: dict[str, str], notes: bool = True) -> alt.LayerChart:
    """An indicator over the years, one colour per country; a bar spans each range sources give.

    The line joins consecutive years only: drawn across a gap it would invent the years between.
    The rows' notes are written in English only: `notes` leaves them out of the hover text of a
    chart in another language (the table below the chart keeps them)."""
    data = numbers_for_browser(rows.assign(value=(rows["low"] + rows["high"]) / 2))
    color = alt.Color(
        "country:N",
        title=labels["country"],
        scale=keyed_scale(rows["country_iso3"], rows["country"], country_colors(rows["country_iso3"])),
    )
    x = alt.X(
        "year:Q",
        title=labels["year"],
        axis=alt.Axis(format="d", tickMinStep=1),
        scale=alt.Scale(zero=False, padding=12),
    )
    unit = rows["unit"].iloc[0] if len(rows) else ""
    tooltip = [
        alt.Tooltip("country:N", title=labels["country"]),
        alt.Tooltip("year:Q", title=labels["year"], format="d"),
        alt.Tooltip("low:Q", title=labels["low"]),
        alt.Tooltip("high:Q", title=labels["high"]),
        *([alt.Tooltip("notes:N", title=labels["notes"])] if notes else []),
    ]
    ranges = (
        alt.Chart(data)
        .mark_rule(strokeWidth=3, opacity=0.6)
        .encode(
            x=x,
            y=alt.Y("low:Q", title=unit),
            y2=alt.Y2("high:Q", title=labels["high"]),
            color=color,
            tooltip=tooltip,
        )
    )
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=60)
        .encode(x=x, y=alt.Y("value:Q", title=unit), color=color, tooltip=tooltip)
    )
    per_year = data.groupby(["country_iso3", "country", "year"], as_index=False)["value"].mean()
    per_year["run"] = yearly_runs(per_year, "country_iso3")
    lines = (
        alt.Chart(numbers_for_browser(per_year))
        .mark_line(opacity=0.7, strokeWidth=1.5)
        .encode(x=x, y=alt.Y("value:Q", title=unit), color=color, detail=alt.Detail("run:N"))
    )
    return alt.layer(lines, ranges, points).properties(width=WIDTH - 120, height=260)

"""The analysis charts as a reader sees them: colours tied to ids, legends in full, readable on a
slide, maps that fill their frame; checked on the specs and on renders by vl-convert."""

from __future__ import annotations

import io
import json
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import vl_convert
from PIL import Image

from geo import keys
from geo.analysis.cooperation import base_periods, indicator_rows, status_in_year
from geo.analysis.lineage import lineage_graph
from geo.analysis.trends import abroad, counts_by, eras, inside_outside, key_events, stack_keys, yearly
from geo.data.countries import country_name
from geo.data.vocab import MEMBERSHIP_STATUSES
from geo.map.basemap import east_of_the_antimeridian
from geo.render.charts import (
    BACKGROUND,
    LAND,
    SEA,
    WIDTH,
    abroad_map,
    bases_chart,
    context_chart,
    count_bars,
    events_chart,
    geodesic,
    inside_outside_chart,
    lineage_chart,
    map_frame,
    membership_map,
    region_shapes,
    titled,
    yearly_chart,
)
from geo.text.captions import export_subtitle
from geo.text.i18n import chart_labels, t, value_label
from geo.text.labels import group_table
from tests.apptest import chart_spec, start

LANGS = ("en", "fr")
SPAN = (1991, 2025)


# ---------- reading a Vega-Lite spec ----------


def layers(spec: dict, data: dict | None = None) -> list[dict]:
    """The single-mark charts in `spec`, however deeply layered, each with the data it draws."""
    data = spec.get("data", data)
    if "layer" not in spec:
        return [{**spec, "data": data}]
    return [unit for layer in spec["layer"] for unit in layers(layer, data)]


def rows_of(spec: dict, layer: dict) -> list[dict]:
    """The data rows a layer draws, inline, named or as GeoJSON text."""
    data = layer.get("data") or spec.get("data")
    if "name" in data:
        return spec["datasets"][data["name"]]
    values = data["values"]
    return json.loads(values)["features"] if isinstance(values, str) else values


def field_value(row: dict, field: str):
    for part in field.split("."):
        row = row[part]
    return row


def scale_mapping(spec: dict, channel: str) -> dict:
    """label -> value of `channel`'s scale, as Vega maps it: an explicit domain in order, else the
    labels sorted (Vega's default for a nominal field)."""
    for layer in layers(spec):
        encoding = layer.get("encoding", {}).get(channel)
        if encoding and "field" in encoding and "range" in (encoding.get("scale") or {}):
            scale = encoding["scale"]
            domain = scale.get("domain") or sorted({field_value(r, encoding["field"]) for r in rows_of(spec, layer)})
            return {label: scale["range"][i % len(scale["range"])] for i, label in enumerate(domain)}
    raise AssertionError(f"no {channel} scale with a range")


def by_id(mapping: dict, ids: dict) -> dict:
    return {ids[label]: value for label, value in mapping.items()}


# ---------- colours and shapes follow ids, not labels ----------


def yearly_by(by):
    def build(data, shapes, lang):
        keys, colors = stack_keys(data.attacks, data.groups, by, lang)
        chart = yearly_chart(
            yearly(data.attacks, keys, "attacks"),
            colors,
            eras(2025, lang),
            SPAN,
            {**chart_labels(lang), "value": "n", "by": "by"},
        )
        if by == "group":
            ids = list(dict.fromkeys(data.attacks["group_id"]))
            labels = {label: gid for gid, (label, _) in zip(ids, group_table(ids, data.groups, lang))}
        else:
            labels = {country_name(c, lang): c for c in data.attacks["country_iso3"]}
            labels[t("other_countries", lang)] = "other"
        return chart, labels

    return build


def inside_outside_case(data, shapes, lang):
    chart = inside_outside_chart(inside_outside(data.attacks, lang), SPAN, chart_labels(lang))
    return chart, {t("inside_region", lang): "inside", t("outside_region", lang): "outside"}


def events_case(data, shapes, lang):
    chart = events_chart(key_events(data.events, lang), SPAN, chart_labels(lang))
    return chart, {value_label("event_kind", k, lang): k for k in data.events["kind"]}


def lineage_case(data, shapes, lang):
    nodes, edges = lineage_graph(data.groups, data.group_links, 2024, lang, "iskp")
    return lineage_chart(nodes, edges, chart_labels(lang)), {
        value_label("link_kind", k, lang): k for k in data.group_links["kind"]
    }


def membership_case(data, shapes, lang):
    statuses = {s: value_label("membership_status", s, lang) for s in MEMBERSHIP_STATUSES}
    chart = membership_map(shapes, status_in_year(data.memberships, "csto", 2015), lang, chart_labels(lang), statuses)
    return chart, {**{label: s for s, label in statuses.items()}, chart_labels(lang)["none"]: "none"}


def bases_case(data, shapes, lang):
    return (
        bases_chart(base_periods(data.bases, 2025, lang), chart_labels(lang)),
        {country_name(c, lang): c for c in data.bases["operator"].dropna()},
    )


def context_case(data, shapes, lang):
    return (
        context_chart(indicator_rows(data.context, "remittances_gdp", lang), chart_labels(lang)),
        {"—": "", **{country_name(c, lang): c for c in data.context["country_iso3"] if c}},
    )


def abroad_case(data, shapes, lang):
    trips = abroad(data.attacks, data.countries, lang)
    return abroad_map(shapes, trips, lang, chart_labels(lang)), dict(zip(trips["origin_name"], trips["origin"]))


SCALES = [
    ("yearly by group", yearly_by("group"), "color"),
    ("yearly by country", yearly_by("country"), "color"),
    ("inside and outside", inside_outside_case, "color"),
    ("key events", events_case, "color"),
    ("key events", events_case, "shape"),
    ("lineage links", lineage_case, "color"),
    ("lineage links", lineage_case, "strokeDash"),
    ("membership", membership_case, "color"),
    ("foreign bases", bases_case, "color"),
    ("context", context_case, "color"),
    ("attacks abroad", abroad_case, "stroke"),
]


@pytest.mark.parametrize("name,build,channel", SCALES, ids=[f"{n}-{c}" for n, _, c in SCALES])
def test_each_id_keeps_its_colour_and_shape_in_both_languages(data, shapes, name, build, channel):
    mappings = []
    for lang in LANGS:
        chart, ids = build(data, shapes, lang)
        mappings.append(by_id(scale_mapping(chart.to_dict(), channel), ids))
    assert mappings[0] and mappings[0] == mappings[1]


THIN_MARKS = ("point", "circle", "line", "rule", "text", "tick", "trail")
YELLOW = "#f0e442"


@pytest.mark.parametrize("name,build,channel", SCALES, ids=[f"{n}-{c}" for n, _, c in SCALES])
def test_the_faint_yellow_never_colours_a_thin_mark(data, shapes, name, build, channel):
    spec = build(data, shapes, "en")[0].to_dict()
    for layer in layers(spec):
        mark = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        filled = not (isinstance(layer["mark"], dict) and layer["mark"].get("filled") is False)
        if mark in THIN_MARKS or (mark == "geoshape" and not filled):
            for key in ("color", "stroke", "fill"):
                scale = layer.get("encoding", {}).get(key, {}).get("scale") or {}
                assert YELLOW not in scale.get("range", [])


# ---------- legends show names in full ----------


def legend_labels(svg: str) -> list[str]:
    return re.findall(r'role-legend-label"[^>]*><text[^>]*>([^<]*)</text>', svg)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "name,build",
    [
        ("yearly by group", yearly_by("group")),
        ("membership", membership_case),
        ("foreign bases", bases_case),
        ("lineage links", lineage_case),
    ],
)
def test_legends_show_every_name_in_full(data, shapes, lang, name, build):
    chart, _ids = build(data, shapes, lang)
    # In the app's theme legend labels are 14 px, larger than vl-convert's default.
    labels = legend_labels(vl_convert.vegalite_to_svg(chart.configure_legend(labelFontSize=14).to_json()))
    assert labels and not [label for label in labels if label.endswith("…")]


# ---------- the lineage graph on a slide ----------


def luminance(hex_color: str) -> float:
    rgb = np.array([int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blended(color: str, opacity: float, background: str = BACKGROUND) -> str:
    mix = [opacity * int(color[i : i + 2], 16) + (1 - opacity) * int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(v):02x}" for v in mix)


def encoded_values(encoding: dict | None, default):
    """Every value a channel can take: a constant, or both sides of a condition."""
    if encoding is None:
        return [default]
    return [encoding.get("value", default)] + [encoding["condition"]["value"]] * ("condition" in encoding)


@pytest.fixture(scope="module")
def lineage_spec(data):
    nodes, edges = lineage_graph(data.groups, data.group_links, 2024, "en", "iskp")
    assert (nodes["role"] == "other").any()
    return lineage_chart(nodes, edges, chart_labels("en")).to_dict()


def test_group_names_outside_the_family_stay_readable(lineage_spec):
    names = next(layer for layer in layers(lineage_spec) if layer["mark"]["type"] == "text")
    colors = encoded_values(names["encoding"].get("color"), names["mark"].get("color", "#000000"))
    opacities = encoded_values(names["encoding"].get("opacity"), names["mark"].get("opacity", 1))
    for color in colors:
        for opacity in opacities:
            assert contrast(blended(color, opacity), BACKGROUND) >= 4.5


def test_the_lineage_legend_shows_each_link_kind_as_its_line(lineage_spec):
    legends = vl_convert.vegalite_to_vega(json.dumps(lineage_spec))["legends"]
    lines = [legend for legend in legends if legend.get("stroke") == "color"]
    assert len(lines) == 1 and lines[0]["symbolType"] == "stroke"
    assert "strokeDash" in json.dumps(lines[0].get("symbolDash", lines[0].get("strokeDash")))


# ---------- context lines stop at missing years ----------


def test_context_lines_never_bridge_a_missing_year(data):
    spec = context_chart(indicator_rows(data.context, "remittances_gdp", "en"), chart_labels("en")).to_dict()
    line = next(layer for layer in layers(spec) if layer["mark"]["type"] == "line")
    keys = [line["encoding"]["color"]["field"]] + [
        d["field"] for d in np.atleast_1d(line["encoding"].get("detail", []))
    ]
    rows = pd.DataFrame(rows_of(spec, line))
    gaps = rows.sort_values("year").groupby(keys)["year"].diff().dropna()
    assert len(rows) > 3 and (gaps <= 1).all()


@pytest.mark.parametrize(
    "lang,notes,titles",
    [
        ("en", True, ["Country", "Year", "Lowest figure", "Highest figure", "Notes"]),
        ("fr", False, ["Pays", "Année", "Chiffre le plus bas", "Chiffre le plus haut"]),
        ("ru", False, ["Страна", "Год", "Наименьшая цифра", "Наибольшая цифра"]),
    ],
)
def test_context_hover_text_is_in_the_language_and_leaves_english_notes_to_english(data, lang, notes, titles):
    rows = indicator_rows(data.context, "remittances_gdp", lang)
    spec = context_chart(rows, chart_labels(lang), notes=notes).to_dict()
    for layer in layers(spec):
        if "tooltip" in layer["encoding"]:
            assert [tip["title"] for tip in layer["encoding"]["tooltip"]] == titles
        # Every axis and range end is titled: an untitled field shows its column name in the chart's description.
        for channel in ("y", "y2"):
            if channel in layer["encoding"]:
                assert layer["encoding"][channel].get("title") not in (None, "value", "high", "low")


# ---------- subtitles ----------


@pytest.mark.parametrize(
    "page,query,chart,year",
    [
        ("pages/cooperation.py", {"org": "csto", "year": "2015"}, keys.CHART_MEMBERSHIP, "2015"),
        ("pages/groups.py", {"group": "iskp", "year": "2020"}, keys.CHART_LINEAGE, "2020"),
    ],
)
def test_a_chart_of_one_year_names_that_year_not_the_sidebar_span(page, query, chart, year):
    subtitle = chart_spec(start(page, **query), chart)["title"]["subtitle"]
    assert subtitle == [year, t("export_source", "en", today=pd.Timestamp.today().date().isoformat())]


def png_size(chart) -> tuple[int, int]:
    return Image.open(io.BytesIO(vl_convert.vegalite_to_png(chart.to_json()))).size


def test_long_subtitles_wrap_within_a_narrow_chart(data):
    trips = abroad(data.attacks, data.countries, "fr")
    bars = count_bars(counts_by(trips, "origin", "origin_name"), "origin_name", "Attentats", "#0072b2")
    long = export_subtitle("1991–2025 · Groupes : MIO, UJI, EI-K · sans les complots déjoués", "fr")
    short = titled(bars, "Par pays", "1991")
    wrapped = titled(bars, "Attentats à l'étranger par pays des auteurs", long)
    assert png_size(wrapped)[0] == png_size(short)[0]
    lines = json.loads(wrapped.to_json())["title"]["subtitle"]
    assert len(lines) > len(long) and " ".join(lines) == " ".join(long)


# ---------- the attacks-abroad map ----------


@pytest.fixture(scope="module")
def trips(data):
    return abroad(data.attacks, data.countries, "en")


@pytest.fixture(scope="module")
def abroad_spec(shapes, trips):
    return abroad_map(shapes, trips, "en", chart_labels("en")).to_dict()


def polygons(features: list[dict]) -> list[shapely.Polygon]:
    return [
        part
        for f in features
        for part in shapely.get_parts(shapely.geometry.shape(f["geometry"]))
        if part.geom_type == "Polygon"
    ]


def test_no_land_shape_is_read_as_the_whole_globe(abroad_spec):
    land = rows_of(abroad_spec, layers(abroad_spec)[0])
    for polygon in polygons(land):
        # Vega reads a counter-clockwise or flattened ring as everything but its inside.
        assert polygon.is_valid and polygon.area > 0 and not polygon.exterior.is_ccw


def test_each_arc_runs_from_the_origin_to_the_attack_site(abroad_spec, trips):
    arcs = rows_of(abroad_spec, layers(abroad_spec)[1])
    for arc, trip in zip(arcs, trips.itertuples(index=False)):
        coords = arc["geometry"]["coordinates"]
        assert coords[0] == pytest.approx([trip.origin_lon, trip.origin_lat], abs=1e-3)
        assert coords[-1] == pytest.approx([trip.lon, trip.lat], abs=1e-3)


def test_the_map_sends_only_the_land_it_shows(abroad_spec):
    # Before: the whole of Eurasia in detail, 2.2 MB of JSON, seconds to build and to draw.
    assert len(json.dumps(abroad_spec)) < 400_000
    fit = abroad_spec["projection"]["fit"]["geometry"]["coordinates"]
    land = shapely.MultiPolygon(polygons(rows_of(abroad_spec, layers(abroad_spec)[0])))
    west, south, east, _ = land.bounds
    # Arcs to North America cross the Arctic, north of the last land: the frame may reach the pole.
    assert shapely.box(west, south, east, 90).contains(shapely.MultiPoint(fit))


def test_the_map_is_filled_with_land_and_sea_to_its_edges(abroad_spec):
    plain = {**abroad_spec, "layer": abroad_spec["layer"][:1]}
    image = np.asarray(Image.open(io.BytesIO(vl_convert.vegalite_to_png(json.dumps(plain)))).convert("RGB")).astype(int)
    inset = 5 + 3  # Vega's padding, and a little more
    frame = image[inset : abroad_spec["height"] + 10 - inset, inset : WIDTH + 10 - inset]

    def share(color: str) -> float:
        rgb = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])
        return float((np.abs(frame - rgb).sum(axis=2) < 12).mean())

    assert 0.3 < share(LAND) < 0.8 and share(LAND) + share(SEA) > 0.9


def test_a_geodesic_is_a_line_of_points_on_the_way():
    line = geodesic((69.24, 41.3), (-74.0, 40.7), steps=10)
    assert len(line.coords) == 11
    assert line.coords[0] == pytest.approx((69.24, 41.3)) and line.coords[-1] == pytest.approx((-74.0, 40.7))


def test_the_frame_shows_at_least_the_area_asked_for():
    box = (-83.0, 26.6, 84.0, 74.0)
    height, shown = map_frame(box, WIDTH, 0.5)
    assert 300 <= height <= 480
    assert shown[0] <= box[0] and shown[1] <= box[1] and shown[2] >= box[2] and shown[3] >= box[3]


# A part whose longitudes wrap past 180, as Russia's north and Chukotka are stored: drawn flat it
# would run from -170 to 170, over the Atlantic, instead of over the Bering Strait.
WRAPPED = shapely.Polygon([(170, 60), (-170, 60), (-170, 70), (170, 70)])


def test_a_part_across_the_antimeridian_is_moved_whole_to_its_east():
    moved = east_of_the_antimeridian(np.array([WRAPPED, shapely.box(0, 0, 1, 1)]))
    assert moved[0].bounds == (170, 60, 190, 70) and moved[1].equals(shapely.box(0, 0, 1, 1))


@pytest.mark.parametrize(
    "box,expected",
    [
        ((150, 50, 180, 80), (170, 60, 180, 70)),
        ((-180, 50, -150, 80), (-180, 60, -170, 70)),
        ((-100, 50, 100, 80), None),
    ],
)
def test_a_cut_keeps_each_side_of_the_antimeridian(box, expected):
    shapes = gpd.GeoDataFrame({"iso3": ["RUS"]}, geometry=[WRAPPED], crs="EPSG:4326")
    cut = region_shapes(shapes, box)
    assert (cut.geometry.iloc[0].bounds if len(cut) else None) == expected

"""The contract between the map's Python side and static/map/layers.js, kept in step with
static/map/README.md: every name Python sends is read in layers.js and documented, every
factory is documented, and the browser writes tolls and sizes circles as Python does."""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path

import numpy as np
import pytest

from geo import params
from geo.data.paths import ROOT
from geo.map import cells, eventpack
from geo.map.basemap import basemap_collections
from geo.map.elements import JsonLayer, basemap, feature_group, new_map
from geo.map.events import DETAIL_UP_TO, event_layer, event_payload, focus_option, map_payload
from geo.map.labels import KINDS, label_payload
from geo.map.markers import marker_casualties, marker_radius
from geo.map.overlays import TILES, Timeline, bases_map, overlay_specs, page_keys_spec
from geo.map.standalone import standalone_html
from geo.map.timebar import TIMEBAR_CHANNEL, timebar_payload
from geo.state.urlstate import state_defaults
from geo.text.escape import compact_json
from geo.text.i18n import t
from geo.text.numbers import toll_text
from geo.text.sources import who_says_what
from tests.journeys.harness import CHROMIUM
from tests.samples import ATTACKS, attack, frame

LAYERS_JS = (ROOT / "static" / "map" / "layers.js").read_text(encoding="utf-8")
README = (ROOT / "static" / "map" / "README.md").read_text(encoding="utf-8")
EVERY_LAYER = ["attacks", "heatmap", "borders", "bases", "foreign_bases", "choropleth"]


# ---------- the checks ----------


def without_comments(js: str) -> str:
    """`js` without its block comments and whole-line comments: a name only mentioned there is not read."""
    return re.sub(r"^\s*//.*$", "", re.sub(r"/\*.*?\*/", "", js, flags=re.DOTALL), flags=re.MULTILINE)


def unread(names, js: str) -> list[str]:
    """The names `js` never reads, as a property (`.name`) or a string (`"name"`)."""
    code = without_comments(js)
    return sorted(
        name for name in set(names) if not re.search(rf"\.{re.escape(name)}\b|[\"']{re.escape(name)}[\"']", code)
    )


def code_words(markdown: str) -> set[str]:
    """The words written as code (between backticks) in `markdown`."""
    return {word for span in re.findall(r"`([^`\n]+)`", markdown) for word in re.findall(r"\w+", span)}


def undocumented(names, markdown: str) -> list[str]:
    """The names `markdown` never writes as code."""
    return sorted(set(names) - code_words(markdown))


def defined_factories(js: str) -> set[str]:
    """The layer factories `js` defines on Leaflet's `L`."""
    return set(re.findall(r"\bL\.(cajn\w+)\s*=\s*function", without_comments(js)))


def factory_section(factory: str, markdown: str) -> str:
    """The part of `markdown` under the heading that names `factory`, up to the next heading."""
    match = re.search(rf"^### [^\n]*\b{re.escape(factory)}\b[^\n]*\n(.*?)(?=^#|\Z)", markdown, re.M | re.S)
    return match.group(1) if match else ""


def keys(objects, skip=()) -> set[str]:
    """The keys of every dict in `objects`, but `skip`."""
    return {key for item in objects for key in item} - set(skip)


# ---------- what Python sends ----------


@pytest.fixture(scope="module")
def layers(data, shapes) -> list[tuple[str, str, dict]]:
    """(factory, payload, options) of every layer the Python side can put on a map."""
    view = {
        **state_defaults((1991, 2025)),
        params.LAYERS: EVERY_LAYER,
        params.ONLINE_TILES: True,
    }
    payload = compact_json(event_payload(data.attacks, data.groups, data.sources, "en"))
    specs = overlay_specs(data, data.attacks, payload, view, shapes, "en", "k", "credit", ["Title", "2026-01-01"])
    bar = compact_json(timebar_payload(data.attacks["date"], (1991, 2025), (2010, 2015), "en", "all"))
    scrubbed = overlay_specs(
        data, data.attacks, payload, view, shapes, "en", "k", "credit", timeline=Timeline(bar, len(data.attacks), "all")
    )
    found = [(spec.factory, spec.payload, spec.options) for spec in [*specs, *scrubbed, page_keys_spec(("ArrowLeft",))]]
    collections = basemap_collections(shapes)
    labels = compact_json(label_payload(shapes, "en"))
    for fmap in (
        basemap(collections, "en", labels=labels),
        bases_map(collections, data.bases, "imu", data.groups, data.sources, "en", labels=labels),
    ):
        for child in fmap._children.values():
            if isinstance(child, JsonLayer):
                found.append((child.factory, child.payload, json.loads(child.options)))
    return found


def payloads(layers, factory: str) -> list:
    return [json.loads(payload) for name, payload, _ in layers if name == factory]


def shown_toll_fields(payload: dict) -> set[str]:
    """The fields of who says what that layers.js reads through `labels.toll_columns`, not by name."""
    columns = payload["labels"]["toll_columns"]
    return {column["name"] for column in columns} | {column["link"] for column in columns if "link" in column}


def event_names(payload: dict) -> set[str]:
    """Every name of the event payload's contract that layers.js reads by name: its keys, its
    schema's, its objects' fields, and the fields of who says what that no column shows."""
    schema = payload["schema"]
    return (
        set(payload)
        | set(schema)
        | keys(schema["layout"])
        | {column["name"] for column in schema["layout"]}
        | set(schema["flags"])
        | keys(schema["flags"].values())
        | set(schema["radius"])
        | set(schema["radius"]["sized_by"])
        | keys(payload["groups"])
        | keys(payload["details"])
        | keys(row for detail in payload["details"] for row in detail["rows"])
        | keys(payload["sources"])
        | set(payload["labels"])
        | keys(payload["labels"]["toll_columns"])
        | (set(schema["toll_fields"]) - shown_toll_fields(payload))
    )


def documented_names(payload: dict) -> set[str]:
    """Every name of the event payload the README must write: those read by name, every field of
    who says what, and the values of the flags."""
    flag_values = {value for flag in eventpack.FLAGS for value in flag.values or ()}
    return event_names(payload) | set(payload["schema"]["toll_fields"]) | flag_values


def feature_names(collections: list[dict]) -> set[str]:
    """Every property of a feature and field of a popup that layers.js takes (styles are Leaflet's)."""
    properties = [feature["properties"] for collection in collections for feature in collection["features"]]
    popups = [p["popup"] for p in properties if "popup" in p]
    return (
        keys(properties)
        | keys(popups)
        | keys(row for popup in popups for row in popup.get("rows", []))
        | keys(source for popup in popups for source in popup.get("sources", []))
    )


def legend_names(sections: list[list[dict]]) -> set[str]:
    return keys(section for legend in sections for section in legend) | keys(
        item for legend in sections for section in legend for item in section["items"]
    )


BAJAUR = "2023-07-30-bajaur-jui-f-rally-bombing"


def tolls_of(data, attack_id: str, new_id: str):
    """The committed figures of `attack_id`, given to the sample attack `new_id`."""
    return data.tolls[data.tolls["attack_id"] == attack_id].assign(attack_id=new_id)


@pytest.fixture(scope="module")
def small_payload(data) -> dict:
    """A selection small enough to carry its details, imported text citations included, one
    attack with figures by source."""
    cited = frame(attack("x", citations="GTD · export.csv\nhttps://example.org/report"), *ATTACKS.to_dict("records"))
    return event_payload(cited, data.groups, data.sources, "en", tolls=tolls_of(data, BAJAUR, "a"))


# ---------- layers.js reads what Python sends, and the README says what it is ----------


def test_every_name_of_the_event_payload_is_read_in_layers_js(small_payload):
    assert {"tolls", "toll_fields", "toll_columns", "who_says_what", "link", "latest"} <= event_names(small_payload)
    assert unread(event_names(small_payload), LAYERS_JS) == []


def test_every_name_of_the_event_payload_is_documented(small_payload):
    assert undocumented(documented_names(small_payload), README) == []


def test_who_says_what_names_fields_of_its_rows(small_payload):
    fields = small_payload["schema"]["toll_fields"]
    assert shown_toll_fields(small_payload) <= set(fields)
    assert list(small_payload["tolls"]) == ["1"]
    assert {len(row) for row in small_payload["tolls"]["1"]} == {len(fields)}


def test_every_column_type_of_the_layout_has_a_typed_array_in_layers_js(small_payload):
    types = {column["type"] for column in small_payload["schema"]["layout"]}
    table = re.search(r"var ARRAY_TYPES = \{(.*?)\}", LAYERS_JS, re.S).group(1)
    assert types - set(re.findall(r"(\w+): \w+Array", table)) == set()


def test_every_feature_and_popup_field_is_read_in_layers_js_and_documented(layers):
    names = feature_names(payloads(layers, "cajnFeatures"))
    assert {"popup", "rows", "sources", "point", "radius_m"} <= names
    assert unread(names, LAYERS_JS) == []
    assert undocumented(names, factory_section("cajnFeatures", README)) == []


def test_every_legend_field_is_read_in_layers_js_and_documented(layers):
    names = legend_names(payloads(layers, "cajnLegend"))
    assert {"title", "items", "shape", "label", "dash"} <= names
    assert unread(names, LAYERS_JS) == []
    assert undocumented(names, factory_section("cajnLegend", README)) == []


def timebar_names(payload: dict) -> set[str]:
    return set(payload) | set(payload["labels"])


def test_every_name_of_the_timebar_payload_is_read_in_layers_js_and_documented(layers):
    (payload,) = payloads(layers, "cajnTimebar")
    names = timebar_names(payload)
    assert {"counts", "window", "speeds", "back_month", "months"} <= names
    assert unread(names, LAYERS_JS) == []
    assert undocumented(names, factory_section("cajnTimebar", README)) == []


@pytest.mark.parametrize(
    "text,name",
    [
        (LAYERS_JS.replace("p.counts", "p.bars"), "counts"),
        (LAYERS_JS.replace("l.back_month", "l.previous"), "back_month"),
        (LAYERS_JS.replace("_p.rate", "_p.pace"), "rate"),
    ],
)
def test_the_timebar_check_reports_a_name_that_is_not_read(layers, text, name):
    (payload,) = payloads(layers, "cajnTimebar")
    assert name in unread(timebar_names(payload), text) and name not in unread(timebar_names(payload), LAYERS_JS)


def payload_section(title: str, markdown: str) -> str:
    """The part of `markdown` under the second-level heading `title`, up to the next one."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    return match.group(1) if match else ""


@pytest.fixture(scope="module")
def cell_layers(data, shapes) -> list[tuple[str, str, dict]]:
    """(factory, payload, options) of the layers of a map whose selection is past the threshold
    (lowered to the sample's size), with and without the time bar."""
    view = {**state_defaults((1991, 2025)), params.LAYERS: EVERY_LAYER}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cells, "AGGREGATE_ABOVE", len(ATTACKS) - 1)
        payload = compact_json(map_payload(ATTACKS, data.groups, data.sources, "en"))
        bar = compact_json(timebar_payload(ATTACKS["date"], (1991, 2025), (2010, 2015), "en", "all"))
        specs = [
            *overlay_specs(data, ATTACKS, payload, view, shapes, "en", "k", "credit"),
            *overlay_specs(
                data, ATTACKS, payload, view, shapes, "en", "k", "credit", timeline=Timeline(bar, len(ATTACKS), "all")
            ),
        ]
    return [(spec.factory, spec.payload, spec.options) for spec in specs]


def cell_names(payload: dict) -> set[str]:
    """Every name of the cells payload that layers.js reads by name: its keys, its row and cell
    fields, the grid's, the radius's parameters and the labels."""
    return (
        set(payload)
        | set(payload["fields"])
        | set(payload["cell_fields"])
        | set(payload["grid"])
        | set(payload["radius"])
        | set(payload["labels"])
    )


def test_every_name_of_the_cell_payload_is_read_in_layers_js_and_documented(cell_layers):
    (payload, *_) = payloads(cell_layers, "cajnCells")
    names = cell_names(payload)
    assert {"rows", "fields", "row_count", "cell", "incidents", "foiled", "per_root", "notes", "popup_note"} <= names
    assert {"cells", "cell_count", "cell_fields", "row", "column", "grid", "degrees", "zoom", "titles"} <= names
    assert unread(names, LAYERS_JS) == []
    assert undocumented(names, payload_section("The cells payload", README)) == []


@pytest.mark.parametrize(
    "check,text,name",
    [
        ("read", LAYERS_JS.replace("m = payload.row_count,", "m = payload.count,"), "row_count"),
        ("read", LAYERS_JS.replace("payload.cell_fields.forEach", "payload.grid_fields.forEach"), "cell_fields"),
        ("read", LAYERS_JS.replace("l.popup_note", "l.footer"), "popup_note"),
        ("documented", README.replace("## The cells payload", "## Cells"), "row_count"),
    ],
)
def test_the_cell_checks_report_a_name_that_is_missing(cell_layers, check, text, name):
    (payload, *_) = payloads(cell_layers, "cajnCells")
    if check == "read":
        assert name in unread(cell_names(payload), text) and name not in unread(cell_names(payload), LAYERS_JS)
    else:
        assert name in undocumented(cell_names(payload), payload_section("The cells payload", text))


def test_the_cell_layer_replaces_the_events_and_its_options_are_documented(cell_layers):
    factories = [factory for factory, _, _ in cell_layers]
    assert factories.count("cajnCells") == 2 and "cajnEvents" not in factories
    options = {name for factory, _, found in cell_layers if factory == "cajnCells" for name in found}
    assert {"points", "heat", "id", "pane"} <= options
    assert unread(options, LAYERS_JS) == []
    assert undocumented(options, factory_section("cajnCells", README)) == []
    assert "cajnCells" in defined_factories(LAYERS_JS)


def test_the_zoom_button_reads_its_label_and_option_and_both_are_documented(layers):
    specs = [(payload, options) for factory, payload, options in layers if factory == "cajnZoomTo"]
    assert specs, "no zoom button on a map with attacks"
    names = {name for payload, options in specs for name in (*json.loads(payload), *options)}
    assert names == {"label", "follow"}
    assert unread(names, LAYERS_JS) == []
    assert undocumented(names, factory_section("cajnZoomTo", README)) == []


def test_attacks_draw_above_bases_and_areas(layers):
    """A base drawn over an attack takes the click meant for it (Khar, in Bajaur)."""
    bases = [options for factory, payload, options in layers if factory == "cajnFeatures" and '"point"' in payload]
    events = [options for factory, _, options in layers if factory == "cajnEvents"]
    assert bases and events
    assert min(options["paneZ"] for options in events) > max(options.get("paneZ", 600) for options in bases)
    assert "pane: this.options.pane" in without_comments(LAYERS_JS)


def test_every_name_of_the_label_payload_is_read_in_layers_js_and_documented(layers):
    (payload, *_) = payloads(layers, "cajnLabels")
    names = set(payload)
    assert names == {"kinds", "places"} and payload["kinds"] == list(KINDS)
    assert unread(names, LAYERS_JS) == []
    assert undocumented(names | set(KINDS), factory_section("cajnLabels", README)) == []
    # [lon, lat, from, to, kind, name], as the README and layers.js read them.
    assert {len(place) for place in payload["places"]} == {6}
    assert all(isinstance(place[5], str) and 0 <= place[4] < len(KINDS) for place in payload["places"])


@pytest.mark.parametrize(
    "check,text",
    [
        ("read", LAYERS_JS.replace("_payload.places", "_payload.names")),
        ("documented", README.replace("| `places` |", "| the places |")),
    ],
)
def test_the_label_check_reports_a_name_that_is_missing(layers, check, text):
    (payload, *_) = payloads(layers, "cajnLabels")
    if check == "read":
        assert "places" in unread(set(payload), text)
    else:
        assert "places" in undocumented(set(payload), factory_section("cajnLabels", text))


def test_the_dated_features_carry_their_years(layers):
    properties = [f["properties"] for c in payloads(layers, "cajnFeatures") for f in c["features"]]
    assert any("years" in p for p in properties) and any("periods" in p for p in properties)
    for period in (period for p in properties for period in p.get("periods", [])):
        assert set(period) == {"years", "style"} and len(period["years"]) == 2


def test_the_window_channel_is_documented_where_it_is_used():
    for text in (LAYERS_JS, README):
        assert "__GLOBAL_DATA__" in text and TIMEBAR_CHANNEL in text
    assert "key:firstYear:lastYear:stamp" in LAYERS_JS and "years_to_follow" in README


def test_every_factory_python_uses_is_defined_in_layers_js(layers):
    used = {factory for factory, _, _ in layers} - {TILES}
    assert used >= {"cajnEvents", "cajnFeatures", "cajnLegend", "cajnStamp", "cajnPageKeys", "cajnTimebar"}
    assert used - defined_factories(LAYERS_JS) == set()


def test_every_factory_of_layers_js_has_its_section_in_the_readme():
    assert defined_factories(LAYERS_JS), "no factory found: the pattern no longer matches layers.js"
    assert [f for f in sorted(defined_factories(LAYERS_JS) | {TILES}) if not factory_section(f, README)] == []


def test_every_option_python_passes_is_documented_under_its_factory(layers):
    missing = {
        factory: undocumented(options, factory_section(factory, README))
        for factory, _, options in layers
        if factory != TILES
    }
    assert {factory: names for factory, names in missing.items() if names} == {}


def test_the_focus_of_the_events_layer_is_read_in_layers_js_and_documented():
    focus = focus_option(3, 1)
    assert set(focus) == {"index", "zoom", "fly"}
    assert unread([*focus, "focus", "hues", "hue"], LAYERS_JS) == []
    assert undocumented([*focus, "focus"], factory_section("cajnEvents", README)) == []


def test_the_click_channel_is_documented_where_it_is_used():
    for text in (LAYERS_JS, README):
        assert "__GLOBAL_DATA__" in text and "last_object_clicked_tooltip" in text
        assert "selectionKey:index" in text and "clicked_index" in text


@pytest.mark.parametrize(
    "check,text,name",
    [
        ("read", LAYERS_JS.replace("vague_places", "pale_places"), "vague_places"),
        ("read", LAYERS_JS.replace(".sized_by", ".counted"), "sized_by"),
        ("read", LAYERS_JS.replace('"responsibility"', '"claim"'), "responsibility"),
        ("documented", README.replace("`coordinate_scale`", "the scale"), "coordinate_scale"),
        ("documented", README.replace("`locale`", "the locale"), "locale"),
        ("read", LAYERS_JS.replace("at.latest", "at.newest"), "latest"),
        ("read", LAYERS_JS.replace("column.link", "column.href"), "link"),
        ("read", LAYERS_JS.replace(".toll_columns", ".columns"), "toll_columns"),
        ("read", LAYERS_JS.replace("p.tolls", "p.figures"), "tolls"),
        ("documented", README.replace("`given_by`", "who gives it"), "given_by"),
        ("factory", README.replace("### `L.cajnStamp(lines, options)`", "### The stamp"), "cajnStamp"),
        ("defined", LAYERS_JS.replace("L.cajnPageKeys = function", "var pageKeys = function"), "cajnPageKeys"),
    ],
)
def test_the_checks_report_a_name_that_is_missing(small_payload, check, text, name):
    if check == "read":
        assert name in unread(event_names(small_payload), text)
    elif check == "documented":
        assert name in undocumented(documented_names(small_payload), text)
    elif check == "factory":
        assert factory_section(name, text) == "" and factory_section(name, README) != ""
    else:
        assert name not in defined_factories(text) and name in defined_factories(LAYERS_JS)


# ---------- the schema describes the buffer it is sent with ----------


def test_the_flag_fields_fit_their_bits_and_the_byte_without_overlapping():
    width = np.dtype(dict(eventpack.LAYOUT)["flags"]).itemsize * 8
    taken = 0
    for flag in eventpack.FLAGS:
        field = ((1 << flag.bits) - 1) << flag.shift
        assert taken & field == 0 and field < 1 << width, flag.name
        assert len(flag.values or (False, True)) <= 1 << flag.bits, flag.name
        taken |= field


def test_each_column_starts_at_a_multiple_of_its_item_size_whatever_the_count():
    sizes = [np.dtype(dtype).itemsize for _, dtype in eventpack.LAYOUT]
    assert sizes == sorted(sizes, reverse=True)


def test_the_schema_reads_the_buffer_back(small_payload):
    schema, n = small_payload["schema"], small_payload["n"]
    buffer = gzip.decompress(base64.b64decode(small_payload["columns"]))
    offset, read = 0, {}
    for column in schema["layout"]:
        read[column["name"]] = np.frombuffer(
            buffer, dtype=np.dtype(column["type"]).newbyteorder("<"), count=n, offset=offset
        )
        offset += read[column["name"]].nbytes
    assert offset == len(buffer)
    flag = schema["flags"]["location_precision"]
    places = [flag["values"][(f >> flag["shift"]) & ((1 << flag["bits"]) - 1)] for f in read["flags"]]
    assert places[-4] == "country" and read["lat"][0] / schema["coordinate_scale"] == 40.5
    assert np.datetime64(schema["epoch"]) + int(read["day"][-2]) == np.datetime64("2024-03-22")


# ---------- in the browser: the same tolls and the same circles as Python ----------

EMPTY = compact_json({"type": "FeatureCollection", "features": []})
# Tolls past a thousand, one estimate missing, or both.
LARGE_TOLLS = frame(
    attack("big", killed=(1200, 1500), wounded=(2345, 2345)),
    attack("open", country="RUS", killed=(None, 3000), wounded=(12000, None), precision="province"),
    *ATTACKS.to_dict("records"),
)
# Each circle's index, radius, tooltip lines, popup rows and who says what, after hovering and clicking it.
READ_MARKERS = """async () => {
  const events = Object.values(window).find(v => v instanceof L.CajnEvents);
  await events.ready;
  const read = [];
  for (const marker of events.getLayers()) {
    const at = {latlng: marker.getLatLng()};
    marker.fire('mouseover', at, true);
    const tip = document.querySelector('.leaflet-tooltip > div');
    marker.fire('click', at, true);
    // A circle sharing its place with others spreads them out first; a second click opens it.
    const stacked = events.spreadOut() !== null;
    if (stacked) { marker.fire('click', {latlng: marker.getLatLng()}, true); }
    // The popup just opened: a closed one fades out for a moment before it leaves the page.
    const popup = events._map._popup.getElement();
    const rows = [...popup.querySelectorAll('.cajn-popup > table tr')];
    const figures = popup.querySelector('.cajn-figures table');
    read.push({
      index: marker._cajnIndex,
      stacked,
      radius: marker.getRadius(),
      tip: [...tip.children].map(line => line.textContent),
      rows: Object.fromEntries(rows.map(row => [row.cells[0].textContent, row.cells[1].textContent])),
      figures: figures && {
        caption: figures.caption.textContent,
        head: [...figures.tHead.rows[0].cells].map(cell => cell.textContent),
        body: [...figures.tBodies[0].rows].map(row => [...row.cells].map(cell => cell.textContent)),
        bold: [...figures.tBodies[0].rows].map(row => getComputedStyle(row.cells[0]).fontWeight === '700'),
        links: [...figures.querySelectorAll('a')].map(a => a.getAttribute('href')),
      },
    });
    marker.fire('mouseout', at, true);
    events._map.closePopup();
    events._unspread();
  }
  return read.sort((a, b) => a.index - b.index);
}"""


def drawn_markers(browser, tmp_path: Path, data, lang: str, detail_up_to: int = DETAIL_UP_TO) -> list[dict]:
    """The attack circles of `LARGE_TOLLS` as the browser draws them, in an offline HTML file; the
    first has Bajaur's figures by source."""
    tolls = tolls_of(data, BAJAUR, "big")
    payload = compact_json(event_payload(LARGE_TOLLS, data.groups, data.sources, lang, detail_up_to, tolls))
    layer = event_layer(payload, len(LARGE_TOLLS), points=True, heat=False, key="k")
    path = tmp_path / f"map-{lang}.html"
    path.write_text(standalone_html(new_map(EMPTY, EMPTY), [feature_group("attacks", layer)]), encoding="utf-8")
    page = browser.new_page(viewport={"width": 900, "height": 700})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    try:
        return page.evaluate(READ_MARKERS)
    finally:
        page.close()


needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("detail_up_to", [DETAIL_UP_TO, 0], ids=["with details", "without details"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_popups_and_tooltips_write_tolls_as_python_does(browser, tmp_path, data, lang, detail_up_to):
    drawn = drawn_markers(browser, tmp_path, data, lang, detail_up_to)
    assert [marker["index"] for marker in drawn] == list(range(len(LARGE_TOLLS)))
    killed, wounded = t("killed", lang), t("wounded", lang)
    for marker, row in zip(drawn, LARGE_TOLLS.itertuples(index=False)):
        tolls = toll_text(row.killed_low, row.killed_high, lang), toll_text(row.wounded_low, row.wounded_high, lang)
        assert (marker["rows"][killed], marker["rows"][wounded]) == tolls, row.id
        # A circle on a place it shares says so last, under its tolls.
        tip = marker["tip"][:-1] if marker["stacked"] else marker["tip"]
        assert marker["stacked"] == (marker["tip"][-1] == t("spread_hint", lang)), row.id
        assert tip[-1] == f"{killed}: {tolls[0]} · {wounded}: {tolls[1]}", row.id
    big = drawn[0]["rows"][killed]
    assert big == ("1,200–1,500" if lang == "en" else "1\u202f200–1\u202f500")


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("detail_up_to", [DETAIL_UP_TO, 0], ids=["with details", "without details"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_popup_shows_who_says_what_as_the_card_does(browser, tmp_path, data, lang, detail_up_to):
    drawn = drawn_markers(browser, tmp_path, data, lang, detail_up_to)
    card = who_says_what(BAJAUR, data.tolls, data.sources, lang)
    figures = drawn[0]["figures"]
    assert figures["caption"] == t("who_says_what", lang)
    assert (figures["head"], figures["body"]) == (list(card.columns), card.to_numpy().tolist())
    status = card.iloc[:, -1]
    assert figures["bold"] == (status == t("toll_latest_official", lang)).tolist()
    assert figures["links"] and all(href.startswith("https://") for href in figures["links"])
    assert [marker["figures"] for marker in drawn[1:]] == [None] * (len(drawn) - 1)


@pytest.mark.browser
@needs_chromium
def test_circles_have_the_radius_python_gives(browser, tmp_path, data):
    drawn = drawn_markers(browser, tmp_path, data, "en")
    expected = [marker_radius(float(n)) for n in marker_casualties(LARGE_TOLLS)]
    assert [marker["radius"] for marker in drawn] == pytest.approx(expected)
    assert len(set(expected)) > 3 and max(expected) == marker_radius(1e9)

"""The map's pure parts: selection, packing, layers, legend, assets and clicks."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
import shapely
from babel.units import format_unit

from geo import params
from geo.analysis.filters import select_attacks, step_years, with_lineage
from geo.analysis.totals import attack_totals
from geo.data.paths import ROOT
from geo.map import eventpack
from geo.map.basemap import basemap_collections
from geo.map.card import attack_card, clicked_index
from geo.map.choropleth import CHOROPLETH_COLORS, choropleth_collection, class_labels, color_of, nice_breaks
from geo.map.elements import (
    ASSETS_CSS,
    ASSETS_JS,
    DRAWN_CHANNEL,
    SCALE_UNITS,
    basemap,
    map_drawn,
    scale_units,
    static_url,
    with_drawn_report,
)
from geo.map.events import CLUSTER_ABOVE, event_details, event_layer, event_payload
from geo.map.features import border_collection
from geo.map.legend import legend_sections
from geo.map.overlays import overlays
from geo.state.criteria import attack_criteria, selection_key
from geo.state.urlstate import state_defaults
from geo.text.captions import view_caption
from geo.text.escape import compact_json
from geo.text.numbers import range_text, toll_text
from tests.samples import ATTACKS, LINKS, attack, frame


@pytest.mark.parametrize(
    "groups,expected",
    [
        (["imu"], ["imu", "iju", "jamaat_ansarullah", "iskp"]),
        (["ttp"], ["ttp", "iskp"]),
        (["iskp"], ["iskp"]),
        (["iju"], ["iju"]),
        (["hizb", "ttp"], ["hizb", "ttp", "akramiya", "iskp"]),
        ([], []),
    ],
)
def test_lineage_brings_splinters_and_successors_but_not_allies(groups, expected):
    assert with_lineage(groups, LINKS) == expected


def test_lineage_on_the_committed_links_reaches_iskp_from_the_imu(data):
    assert {"iju", "jamaat_ansarullah", "iskp"} <= set(with_lineage(["imu"], data.group_links))
    assert "taliban" not in with_lineage(["imu"], data.group_links)


@pytest.mark.parametrize(
    "criteria,expected",
    [
        ({}, "abcdef"),
        ({"years": (2015, 2024)}, "cdef"),
        ({"groups": ("iskp",)}, "cef"),
        ({"countries": ("UZB", "RUS")}, "abe"),
        ({"attack_types": ("suicide_bombing",)}, "c"),
        ({"target_types": ("civilians",)}, "b"),
        ({"nationalities": ("TJK",)}, "e"),
        ({"min_casualties": 20}, "ade"),
        ({"min_casualties": 100}, "ae"),
        ({"location_precisions": ("exact", "city", "province")}, "abdef"),
        ({"include_foiled": False}, "abcde"),
        ({"years": (2024, 2024), "include_foiled": False}, "e"),
    ],
)
def test_attack_filters_combine(criteria, expected):
    assert "".join(select_attacks(ATTACKS, **criteria)["id"]) == expected


@pytest.mark.parametrize(
    "years,step,expected",
    [
        ((1991, 2025), 1, (1991, 1991)),
        ((1991, 2025), -1, (2025, 2025)),
        ((2000, 2002), 1, (2001, 2003)),
        ((2000, 2002), -1, (1999, 2001)),
        ((2023, 2025), 1, None),
        ((1991, 1991), -1, None),
    ],
)
def test_stepping_moves_the_window_and_stops_at_the_ends(years, step, expected):
    assert step_years(years, (1991, 2025), step) == expected


def test_totals_keep_ranges_and_count_plots_apart():
    totals = attack_totals(ATTACKS)
    assert totals["attacks"] == 5 and totals["foiled"] == 1 and totals["countries"] == 5
    # a 9-20, b unknown, c 1-2, d 5, e 145, f 0 killed; a 15-120, d 14-15, e 551 wounded.
    assert totals["killed"] == (9 + 1 + 5 + 145, 20 + 2 + 5 + 145)
    assert totals["wounded"] == (15 + 14 + 551, 120 + 15 + 551)


@pytest.mark.parametrize(
    "low,high,expected",
    [
        (9, 20, "9–20"),
        (4, 4, "4"),
        (4, None, "4"),
        (None, 7, "≤ 7"),
        (None, None, "unknown"),
        (1200, 1500, "1,200–1,500"),
    ],
)
def test_counts_read_as_ranges(low, high, expected):
    assert toll_text(pd.NA if low is None else low, pd.NA if high is None else high, "en") == expected


@pytest.mark.parametrize(
    "span,lang,expected",
    [
        ((1182, 1470), "en", "1,182–1,470"),
        ((1182, 1470), "fr", "1\u202f182–1\u202f470"),
        ((7, 7), "fr", "7"),
    ],
)
def test_totals_use_each_languages_number_format(span, lang, expected):
    assert range_text(span, lang) == expected


@pytest.mark.parametrize("column", [name for name, _ in eventpack.LAYOUT])
def test_packed_columns_come_back_as_the_browser_reads_them(column):
    order_groups, order_countries = ["imu", "iju", "iskp", "unknown"], ["UZB", "AFG", "SWE", "RUS", "BEL"]
    expected = eventpack.columns(ATTACKS, order_groups, order_countries)[column]
    unpacked = eventpack.unpack(eventpack.pack(ATTACKS, order_groups, order_countries), len(ATTACKS))
    np.testing.assert_array_equal(unpacked[column], expected)


def test_packing_keeps_coordinates_dates_flags_and_unknown_counts():
    packed = eventpack.columns(ATTACKS, ["imu", "iju", "iskp", "unknown"], ["UZB", "AFG", "SWE", "RUS", "BEL"])
    assert packed["lat"][0] == 4050000 and packed["lon"][0] == 7280000
    assert (np.datetime64("1900-01-01") + int(packed["day"][4])) == np.datetime64("2024-03-22")
    assert packed["killed_low"][1] == eventpack.MISSING and packed["killed_high"][0] == 20
    assert packed["flags"][5] >> 4 & 1 == 1 and packed["flags"][2] >> 2 & 3 == 3
    assert list(packed["group"]) == [0, 1, 2, 3, 2, 2]


def test_an_order_missing_a_value_is_refused():
    with pytest.raises(ValueError):
        eventpack.indices(pd.Series(["imu", "nobody"]), ["imu"])


def test_small_selections_carry_text_and_sources_large_ones_do_not(data):
    small = event_payload(ATTACKS, data.groups, data.sources, "fr")
    assert small["n"] == 6 and small["details"][4]["summary"] == "Résumé de e"
    assert small["groups"][-1] == {"label": "Inconnu ou non attribué", "color": "#999999"}
    large = event_payload(ATTACKS, data.groups, data.sources, "en", detail_up_to=5)
    assert large["details"] is None and large["sources"] == []


def test_markup_in_data_cannot_close_the_script_it_is_embedded_in(data):
    hostile = frame(attack("x", summary_en="</script><img src=x onerror=alert(1)>"))
    text = compact_json(event_payload(hostile, data.groups, data.sources, "en"))
    assert "</script>" not in text and "<img" not in text
    assert json.loads(text)["details"][0]["summary"] == "</script><img src=x onerror=alert(1)>"


@pytest.mark.parametrize(
    "summary,evaluated",
    [
        ("{{ 7 * 7 }}", "49"),
        ("{% if true %}ran{% endif %}", "ran"),
        ("a{# hidden #}b", "ab"),
    ],
)
def test_template_syntax_in_data_stays_text_in_the_rendered_map(data, shapes, summary, evaluated):
    hostile = frame(attack("x", summary_en=summary))
    payload = compact_json(event_payload(hostile, data.groups, data.sources, "en"))
    fmap = basemap(basemap_collections(shapes), "en")
    event_layer(payload, 1, True, False, "k").add_to(fmap)
    script = fmap.get_root().render().split("cajnEvents(", 1)[1]
    assert json.loads(script[: script.rindex(', {"points"')])["details"][0]["summary"] == summary
    assert f'"{evaluated}"' not in script


@pytest.mark.parametrize(
    "maximum,expected",
    [
        (1, [1]),
        (4, [1, 2]),
        (9, [1, 2, 5]),
        (100, [1, 2, 10, 20, 100]),
        (551, [1, 5, 20, 50, 200]),
    ],
)
def test_choropleth_classes_are_round_numbers(maximum, expected):
    assert nice_breaks(maximum) == expected


@pytest.mark.parametrize("value,expected", [(1, 0), (4, 1), (20, 3), (10_000, 4)])
def test_values_take_the_colour_of_their_class(value, expected):
    assert color_of(value, [1, 2, 10, 20, 100]) == CHOROPLETH_COLORS[expected]


def test_class_labels_read_as_ranges():
    assert class_labels([1, 2, 10, 20, 100]) == ["1", "2–9", "10–19", "20–99", "100+"]


@pytest.mark.parametrize(
    "metric,country,expected,shaded_count",
    [
        ("attacks", "Russia", "Number of attacks: 1", 5),
        ("casualties", "Russia", "Killed and wounded: 696", 4),
        ("casualties", "Uzbekistan", "Killed and wounded: 140", 4),  # the foiled plot in Belgium hurt no one
    ],
)
def test_countries_are_shaded_by_the_chosen_measure(shapes, metric, country, expected, shaded_count):
    shaded, _ = choropleth_collection(ATTACKS, shapes, metric, "en")
    tips = {f["properties"]["tip"][0]: f["properties"]["tip"][1] for f in shaded["features"]}
    assert tips[country] == expected and len(tips) == shaded_count


@pytest.mark.parametrize(
    "years,pair,gravest",
    [
        ((1999, 2001), "Tajikistan – Uzbekistan", "Mined"),
        ((2021, 2024), "Kyrgyzstan – Tajikistan", "Armed clashes"),
    ],
)
def test_borders_take_the_style_of_their_gravest_status_in_the_period(data, years, pair, gravest):
    lines, _statuses = border_collection(data.borders, years, data.sources, "en")
    by_pair = {f["properties"]["popup"]["title"]: f["properties"] for f in lines["features"]}
    assert by_pair[pair]["tip"][1].startswith(gravest)
    assert by_pair[pair]["popup"]["sources"]


def test_the_legend_lists_only_what_is_drawn():
    imu = {"label": "IMU · Islamic Movement of Uzbekistan", "color": "#e69f00"}
    sections = legend_sections("en", [imu], ["mined"], breaks=[1, 2])
    titles = [s["title"] for s in sections]
    assert titles == [
        "Attacks by group",
        "Circle size: killed + wounded (low estimate)",
        "Number of attacks",
        "Borders in the period",
    ]
    assert legend_sections("fr") == []


@pytest.mark.parametrize(
    "base_path,expected",
    [
        ("", "/app/static/map/layers.js"),
        ("dash", "/dash/app/static/map/layers.js"),
        ("/a/b/", "/a/b/app/static/map/layers.js"),
    ],
)
def test_assets_are_served_by_the_app_under_its_base_path(base_path, expected):
    assert static_url("map/layers.js", base_path) == expected


@pytest.mark.parametrize("name,path", ASSETS_JS + ASSETS_CSS)
def test_every_asset_is_in_the_repository(name, path):
    assert (ROOT / "static" / path).stat().st_size > 500


def external_urls(html: str) -> list[str]:
    """Every absolute http(s) URL a page would load (scripts, styles, images)."""
    return re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html)


def test_the_check_for_outside_urls_catches_folium_defaults():
    import folium

    assert any("cdn.jsdelivr.net" in url for url in external_urls(folium.Map().get_root().render()))


def test_the_map_loads_nothing_from_outside(data, shapes):
    fmap = basemap(basemap_collections(shapes), "en")
    state = state_defaults((1991, 2025))
    state[params.LAYERS] = ["attacks", "bases", "foreign_bases", "borders", "choropleth", "heatmap"]
    payload = compact_json(event_payload(data.attacks, data.groups, data.sources, "en"))
    for group in overlays(data, data.attacks, payload, state, shapes, "en", "k", "credit"):
        group.add_to(fmap)
    html = fmap.get_root().render()
    assert external_urls(html) == []
    assert "/app/static/vendor/leaflet/leaflet.js" in html and "cajnEvents" in html


@pytest.mark.parametrize(
    "value,expected",
    [
        ("abc123:4", 4),
        ("other:4", None),
        ("abc123:x", None),
        (None, None),
        ("", None),
    ],
)
def test_a_click_counts_only_for_the_selection_it_was_made_in(value, expected):
    assert clicked_index(value, "abc123") == expected


def test_selection_keys_differ_with_the_criteria(data):
    state = state_defaults((1991, 2025))
    first = selection_key(attack_criteria(state, data.group_links))
    state[params.YEARS] = (2000, 2001)
    assert selection_key(attack_criteria(state, data.group_links)) != first


def test_criteria_expand_lineage_only_when_asked(data):
    state = {**state_defaults((1991, 2025)), params.GROUPS: ["imu"]}
    assert attack_criteria(state, data.group_links)["groups"] == ("imu",)
    state[params.LINEAGE] = True
    assert "iskp" in attack_criteria(state, data.group_links)["groups"]


def test_the_caption_names_period_and_filters(data):
    state = {**state_defaults((1991, 2025)), params.YEARS: (2015, 2024), params.GROUPS: ["iskp"], params.FOILED: False}
    labels = {params.GROUPS: {"iskp": "ISKP"}}
    caption = view_caption(attack_criteria(state, data.group_links), labels, "en")
    assert caption == "2015–2024 · Groups: ISKP · foiled plots excluded"


def test_the_card_gives_ranges_precisions_and_sources(data):
    row = data.attacks.set_index("id", drop=False).loc["1999-02-16-tashkent-bombings"]
    card = attack_card(row, data.groups, data.sources, "en")
    facts = dict(card["facts"])
    killed = f"{int(row['killed_low'])}–{int(row['killed_high'])}"
    assert row["killed_low"] < row["killed_high"]
    assert facts["Killed"] == killed and facts["Date"] == "1999-02-16 (exact day)"
    assert card["title"] == "Bombing — Tashkent" and len(card["sources"]) >= 3


@pytest.mark.parametrize(
    "lang,title,place",
    [
        ("ru", "Взрыв — Ташкент", "Ташкент, Узбекистан"),
        ("fr", "Attentat à l'explosif — Tachkent", "Tachkent, Ouzbékistan"),
        ("en", "Bombing — Tashkent", "Tashkent, Uzbekistan"),
    ],
)
def test_the_card_and_the_popup_name_the_place_in_the_language(data, lang, title, place):
    row = data.attacks.set_index("id", drop=False).loc["1999-02-16-tashkent-bombings"]
    card = attack_card(row, data.groups, data.sources, lang)
    assert card["title"] == title and card["facts"][1][1].startswith(f"{place} (")
    details, _ = event_details(data.attacks[data.attacks["id"] == row["id"]], data.sources, lang)
    assert details[0]["place"] == place.split(",")[0]


@pytest.mark.parametrize(
    "lang,units",
    [
        ("en", {"m": "{0} m", "km": "{0} km", "ft": "{0} ft", "mi": "{0} mi"}),
        ("ru", {"m": "{0} м", "km": "{0} км", "ft": "{0} фт", "mi": "{0} ми"}),
        ("fr", {"m": "{0}\u202fm", "km": "{0}\u202fkm", "ft": "{0}\u202fpi", "mi": "{0}\u202fmi"}),
    ],
)
def test_the_scale_bar_writes_its_units_in_the_language(lang, units):
    assert scale_units(lang) == units
    # Leaflet's scale shows round numbers: CLDR writes each with the one pattern, whatever its plural.
    for key, unit in SCALE_UNITS.items():
        for number in (1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500):
            assert units[key].replace("{0}", str(number)) == format_unit(number, unit, length="short", locale=lang)


def test_the_map_draws_its_own_scale_bar_not_leaflet_s_english_one(shapes):
    html = basemap(basemap_collections(shapes), "ru").get_root().render()
    assert "L.control.scale()" not in html
    assert re.search(r'L\.cajnScale\(\{[^)]*"km":"\{0\} км"', html)


@pytest.mark.parametrize(
    "citation,link",
    [
        ("BBC, https://www.bbc.com/news/world-asia-36191883.", "(<https://www.bbc.com/news/world-asia-36191883>)"),
        ("(see https://example.org/a_b-c?x=1&y=2)", "(<https://example.org/a_b-c?x=1&y=2>)"),
    ],
)
def test_citation_addresses_in_the_card_link_to_themselves(data, citation, link):
    row = data.attacks.iloc[0].copy()
    row["citations"] = f"{citation}\nA *plain* line"
    lines = attack_card(row, data.groups, data.sources, "en")["sources"]
    # The one link of the line, and its address exactly as written.
    assert re.findall(r"\(<[^>]*>\)", lines[-2]) == [link]
    assert lines[-1] == "A \\*plain\\* line"


@pytest.mark.parametrize("n,cluster", [(10, False), (CLUSTER_ABOVE, False), (CLUSTER_ABOVE + 1, True)])
def test_large_selections_are_clustered(n, cluster):
    layer = event_layer("{}", n, points=True, heat=False, key="k")
    assert json.loads(layer.options)["cluster"] is cluster


def test_no_displayed_country_runs_across_the_world(shapes):
    # Russia and Fiji are stored with longitudes wrapped round the antimeridian; drawn as they are,
    # they become bands across Europe and the Atlantic on every map.
    for column in ("geometry", "coarse"):
        widths = [part.bounds[2] - part.bounds[0] for shape in shapes[column] for part in shapely.get_parts(shape)]
        assert max(widths) < 180, column


@pytest.mark.parametrize(
    "returned,drawn",
    [
        (None, False),
        ({}, False),
        ({DRAWN_CHANNEL: None, "last_object_clicked_tooltip": "k:1:2"}, False),
        ({DRAWN_CHANNEL: ""}, False),
        ({DRAWN_CHANNEL: "drawn:1764662400000"}, True),
    ],
)
def test_the_map_is_drawn_once_its_returned_value_says_so(returned, drawn):
    assert map_drawn(returned) is drawn


def test_a_map_reports_being_drawn_through_the_channel_it_names(shapes):
    page = with_drawn_report(basemap(basemap_collections(shapes), "en")).get_root().render()
    assert f'L.cajnDrawnReport("{DRAWN_CHANNEL}", {{}})' in page
    assert "cajnDrawnReport" not in basemap(basemap_collections(shapes), "en").get_root().render()


@pytest.mark.parametrize("scripts", [ASSETS_JS, (("map", "build/map.js?v=0123456789ab"),)])
def test_a_map_loads_the_scripts_it_is_given_and_nothing_else(shapes, scripts):
    page = basemap(basemap_collections(shapes), "en", scripts=scripts).get_root().render()
    assert re.findall(r'<script src="/app/static/([^"]+)"', page) == [path for _, path in scripts]

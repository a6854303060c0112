"""The analysis pages' aggregations, counted by hand on small tables, and their charts."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from geo.analysis.cooperation import base_periods, indicator_rows, indicators, status_in_year
from geo.analysis.lineage import (
    ancestors,
    descendants,
    family_order,
    group_profile,
    group_years,
    lineage_graph,
    links_in,
)
from geo.analysis.trends import abroad, counts_by, eras, inside_outside, key_events, stack_keys, yearly
from geo.data.vocab import MEMBERSHIP_STATUSES
from geo.render.charts import (
    abroad_map,
    bases_chart,
    context_chart,
    events_chart,
    geodesic,
    inside_outside_chart,
    lineage_chart,
    membership_map,
    numbers_for_browser,
    titled,
    yearly_chart,
)
from geo.render.exports import chart_png, chart_svg
from geo.text.captions import export_subtitle
from geo.text.i18n import chart_labels, value_label
from tests.samples import ATTACKS, LINKS, attack, frame

LABELS = chart_labels("en")


@pytest.mark.parametrize(
    "measure,expected",
    [
        # a 1999 imu 9-20 killed; b 2004 iju unknown; c 2015 iskp 1-2; d 2017 unknown 5; e 2024 iskp 145; f 2024 plot
        (
            "attacks",
            {
                (1999, "imu"): (1, 1),
                (2004, "iju"): (1, 1),
                (2015, "iskp"): (1, 1),
                (2017, "unknown"): (1, 1),
                (2024, "iskp"): (1, 1),
            },
        ),
        (
            "killed",
            {
                (1999, "imu"): (9, 20),
                (2004, "iju"): (0, 0),
                (2015, "iskp"): (1, 2),
                (2017, "unknown"): (5, 5),
                (2024, "iskp"): (145, 145),
            },
        ),
        (
            "wounded",
            {
                (1999, "imu"): (15, 120),
                (2004, "iju"): (0, 0),
                (2015, "iskp"): (0, 0),
                (2017, "unknown"): (14, 15),
                (2024, "iskp"): (551, 551),
            },
        ),
    ],
)
def test_yearly_totals_keep_both_estimates(measure, expected):
    table = yearly(ATTACKS, ATTACKS["group_id"], measure)
    got = {
        (r.year, r.label): (r.low, r.high)
        for r in table.itertuples()
        if (r.low, r.high) != (0, 0) or measure != "attacks"
    }
    assert {k: v for k, v in got.items() if k in expected} == expected
    assert table.set_index(["year", "label"]).loc[(2024, "iskp"), "count"] == 2


def test_hover_lists_the_attacks_behind_a_bar():
    table = yearly(ATTACKS, ATTACKS["group_id"], "attacks").set_index(["year", "label"])
    assert table.loc[(2024, "iskp"), "events"] == "2024-03-22 Osh (RUS); 2024-07-25 Osh (BEL)"


def test_attacks_are_counted_inside_and_outside_central_asia():
    table = inside_outside(ATTACKS, "en")
    counts = {(r.year, r.where): r.attacks for r in table.itertuples()}
    assert counts == {
        (1999, "In Central Asia"): 1,
        (2004, "In Central Asia"): 1,
        (2015, "Outside Central Asia"): 1,
        (2017, "Outside Central Asia"): 1,
        (2024, "Outside Central Asia"): 1,
    }


def test_attacks_abroad_pair_each_central_asian_origin_with_the_site(data):
    many = frame(attack("g", "2017-10-31", country="USA", nationalities="UZB;KGZ;DEU", killed=(8, 8)))
    trips = abroad(pd.concat([ATTACKS, many], ignore_index=True), data.countries, "en")
    assert sorted(zip(trips["id"], trips["origin"])) == [
        ("c", "UZB"),
        ("d", "UZB"),
        ("e", "TJK"),
        ("g", "KGZ"),
        ("g", "UZB"),
    ]
    assert counts_by(trips, "origin", "origin_name")["attacks"].tolist() == [3, 1, 1]
    assert counts_by(trips, "destination", "destination_name").iloc[0]["attacks"] == 1


@pytest.mark.parametrize(
    "by,expected_labels",
    [
        (
            "group",
            {
                "IMU · Islamic Movement of Uzbekistan",
                "IJU · Islamic Jihad Union",
                "ISKP (ISIS-K) · Islamic State – Khorasan Province",
                "Unknown or unattributed",
            },
        ),
        ("country", {"Uzbekistan", "Afghanistan", "Sweden", "Russia", "Belgium"}),
    ],
)
def test_series_take_group_colours_or_a_palette(data, by, expected_labels):
    keys, colors = stack_keys(ATTACKS, data.groups, by, "en")
    assert set(keys) == expected_labels and set(colors) == expected_labels


def test_countries_beyond_the_top_share_one_grey_series(data):
    keys, colors = stack_keys(ATTACKS, data.groups, "country", "en", top=2)
    assert "Other countries" in set(keys) and colors["Other countries"] == "#bbbbbb"
    assert keys.value_counts()["Uzbekistan"] == 2


def test_the_essays_periods_cover_the_span():
    bands = eras(2025, "fr")
    assert bands["start"].tolist() == [1991, 2001, 2015] and bands["end"].tolist() == [2001, 2015, 2026]
    assert bands["era"].iloc[2] == "Ère de l'EI-K"


def test_key_events_can_be_limited_to_kinds(data):
    chosen = key_events(data.events, "en", ("treaty",))
    assert set(chosen["kind"]) == {"treaty"} and chosen["date"].is_monotonic_increasing


@pytest.mark.parametrize(
    "group,up,down",
    [
        ("iskp", ["imu", "ttp"], []),
        ("imu", [], ["iju", "jamaat_ansarullah", "iskp"]),
        ("taliban", [], []),
    ],
)
def test_ancestors_and_descendants_follow_splits_and_mergers(group, up, down):
    assert ancestors(group, LINKS) == up and descendants(group, LINKS) == down


@pytest.mark.parametrize(
    "year,expected", [(2001, {"l3", "l6"}), (2006, {"l0", "l1", "l3", "l6"}), (2014, {"l0", "l1", "l3", "l4", "l6"})]
)
def test_links_appear_from_their_first_year(year, expected):
    assert set(links_in(LINKS, year)["id"]) == expected


def test_families_sit_together_in_the_graph():
    assert family_order(["imu", "ttp", "hizb", "iju", "akramiya", "iskp"], LINKS) == [
        "imu",
        "iju",
        "iskp",
        "ttp",
        "hizb",
        "akramiya",
    ]


def test_the_lineage_graph_shows_groups_founded_by_the_year_and_highlights_a_family(data):
    nodes, edges = lineage_graph(data.groups, data.group_links, 2010, "en", focus="imu")
    assert "iskp" not in set(nodes["id"]) and "iju" in set(nodes["id"])
    roles = dict(zip(nodes["id"], nodes["role"]))
    assert roles["imu"] == "focus" and roles["iju"] == "descendant" and roles["taliban"] == "other"
    assert edges[(edges["from"] == "imu") & (edges["to"] == "iju")]["on_path"].all()
    assert not edges[edges["kind"] == "alliance"]["on_path"].any()


def test_a_profile_gives_names_years_leaders_and_sources(data):
    profile = group_profile(data.groups, "imu", data.sources, "fr")
    assert profile["names"][1] == "FR: Mouvement islamique d'Ouzbékistan (MIO)"
    assert profile["years"] == "1998–en cours" and "Juma Namangani (1998-2001)" in profile["leaders"]
    assert len(profile["sources"]) >= 3


def test_a_groups_yearly_record_leaves_out_plots():
    table = group_years(ATTACKS, "iskp", (1991, 2025))
    assert table.to_dict("list") == {"year": [2015, 2024], "attacks": [1, 1], "killed": [1, 145]}


@pytest.mark.parametrize(
    "org,year,expected",
    [
        ("csto", 2010, {"KAZ": "member", "KGZ": "member", "RUS": "member", "TJK": "member", "UZB": "member"}),
        ("csto", 2013, {"KAZ": "member", "KGZ": "member", "RUS": "member", "TJK": "member", "UZB": "suspended"}),
        ("cst", 2000, {"KAZ": "member", "KGZ": "member", "RUS": "member", "TJK": "member", "UZB": "left"}),
        ("csto", 1995, {}),
    ],
)
def test_membership_in_a_year_is_the_latest_status_that_held(data, org, year, expected):
    statuses = status_in_year(data.memberships, org, year)
    assert dict(zip(statuses["country_iso3"], statuses["status"])) == expected


def test_open_foreign_bases_run_to_the_last_year(data):
    periods = base_periods(data.bases, 2025, "en")
    assert len(periods) == (data.bases["kind"] == "foreign_military_base").sum()
    assert (periods.loc[periods["open"], "end"] == 2025).all() and (periods["start"] <= periods["end"]).all()


def test_context_indicators_and_their_ranges(data):
    options = indicators(data.context, "labour_migration", "en")
    assert next(iter(options)) == "remittances_gdp"
    rows = indicator_rows(data.context, "remittances_gdp", "en")
    assert (rows["low"] <= rows["high"]).all() and {"Tajikistan", "Kyrgyzstan"} <= set(rows["country"])


def test_the_route_to_new_york_bends_north_as_on_a_globe():
    line = geodesic((69.24, 41.3), (-74.0, 40.7))
    lats = [y for _, y in line.coords]
    assert line.coords[0] == pytest.approx((69.24, 41.3)) and line.coords[-1] == pytest.approx((-74.0, 40.7))
    assert max(lats) > 70


def test_integers_reach_the_browser_as_plain_numbers():
    table = numbers_for_browser(pd.DataFrame({"year": [2024], "n": pd.array([3], dtype="Int64"), "name": ["x"]}))
    assert table.dtypes.to_dict() == {"year": "float64", "n": "float64", "name": table.dtypes["name"]}


@pytest.fixture(scope="module")
def charts(data, shapes):
    table = yearly(data.attacks, data.attacks["group_id"], "attacks")
    colors = {label: "#777777" for label in table["label"]}
    statuses = status_in_year(data.memberships, "sco", 2005)
    status_labels = {s: value_label("membership_status", s, "en") for s in MEMBERSHIP_STATUSES}
    nodes, edges = lineage_graph(data.groups, data.group_links, 2020, "en", "iskp")
    trips = abroad(data.attacks, data.countries, "en")
    return {
        "yearly": yearly_chart(table, colors, eras(2025, "en"), (1991, 2025), {**LABELS, "value": "Attacks"}),
        "inside_outside": inside_outside_chart(inside_outside(data.attacks, "en"), (1991, 2025), LABELS),
        "events": events_chart(key_events(data.events, "en"), (1991, 2025), LABELS),
        "lineage": lineage_chart(nodes, edges, LABELS),
        "membership": membership_map(shapes, statuses, "en", LABELS, status_labels),
        "bases": bases_chart(base_periods(data.bases, 2025, "en"), LABELS),
        "context": context_chart(indicator_rows(data.context, "remittances_gdp", "en"), LABELS),
        "abroad": abroad_map(shapes, trips, "en", LABELS),
    }


@pytest.mark.parametrize(
    "name", ["yearly", "inside_outside", "events", "lineage", "membership", "bases", "context", "abroad"]
)
def test_every_chart_exports_as_a_titled_png_and_svg(charts, name):
    chart = titled(charts[name], "A title", export_subtitle("2015–2024", "en"))
    spec = chart.to_json()
    assert json.loads(spec)["title"]["text"] == "A title"
    png = chart_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    svg = chart_svg(spec)
    assert svg.lstrip().startswith("<svg") and "A title" in svg and "Source: Jihadist networks" in svg

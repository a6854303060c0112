"""The view survives the trip to the URL and back; bad values fall back to defaults."""

from __future__ import annotations

import pytest

from geo import params
from geo.state.urlstate import (
    MORE_FILTERS,
    allowed_values,
    checked,
    decode,
    encode,
    more_filters_set,
    restored_ids,
    share_url,
    state_defaults,
    widget_labels,
)
from geo.text.i18n import LANGUAGES

DEFAULTS = state_defaults((1991, 2025))
ALLOWED = allowed_values(["imu", "iskp"], ["AFG", "UZB", "RUS"], ["attacks", "groups"], ["csto", "sco"])


@pytest.mark.parametrize(
    "changes",
    [
        {params.LANG: "fr"},
        {params.YEARS: (2015, 2024)},
        {params.GROUPS: ["iskp", "imu"], params.LINEAGE: True},
        {params.COUNTRIES: ["AFG"], params.NATIONALITIES: ["UZB", "RUS"]},
        {params.ATTACK_TYPES: ["bombing"], params.TARGET_TYPES: ["police", "civilians"]},
        {params.MIN_CASUALTIES: 50, params.FOILED: False},
        {params.REGION: "outside", params.COUNTRIES: ["AFG"], params.COUNTRY_MODE: "exclude"},
        {params.KILLED: (10, 500)},
        {params.KILLED: (0, 5)},
        {params.PLACE_PRECISIONS: ["exact", "city"], params.DATE_PRECISIONS: ["day"]},
        {params.LAYERS: ["heatmap", "choropleth"], params.CHOROPLETH: "casualties", params.ONLINE_TILES: True},
        {params.FIT_TO_SELECTION: True},
        {params.LAYERS: []},
        {params.DATASET: "groups", params.SEARCH: "Tachkent", params.APPLY_FILTERS: False},
        {params.STACK_BY: "country", params.MEASURE: "killed", params.PROFILE: "iskp"},
        {params.ORGANIZATION: "sco", params.YEAR: 2001},
        {params.STEP: 4, params.PRESENT: True},
    ],
)
def test_every_state_round_trips_through_the_url(changes):
    state = {**DEFAULTS, **changes}
    query = {k: v if isinstance(v, list) else [v] for k, v in encode(state, DEFAULTS).items()}
    assert decode(query, DEFAULTS, ALLOWED) == state


def test_defaults_leave_the_url_empty():
    assert encode(DEFAULTS, DEFAULTS) == {}


@pytest.mark.parametrize(
    "query,key,expected",
    [
        ({"lang": ["xx"]}, params.LANG, "en"),
        ({"lang": ["FR"]}, params.LANG, "fr"),
        ({"years": ["abc", "2020"]}, params.YEARS, (1991, 2025)),
        ({"years": ["1900", "1995"]}, params.YEARS, (1991, 1995)),
        ({"years": ["2030", "2040"]}, params.YEARS, (1991, 2025)),
        ({"groups": ["nobody", "iskp", "iskp"]}, params.GROUPS, ["iskp"]),
        ({"countries": ["XYZ", "AFG"]}, params.COUNTRIES, ["AFG"]),
        ({"layers": ["attacks", "satellite"]}, params.LAYERS, ["attacks"]),
        ({"mincas": ["-5"]}, params.MIN_CASUALTIES, 0),
        ({"mincas": ["99999"]}, params.MIN_CASUALTIES, 500),
        ({"foiled": ["maybe"]}, params.FOILED, True),
        ({"choro": ["deaths"]}, params.CHOROPLETH, "attacks"),
        ({"dataset": ["secrets"]}, params.DATASET, "attacks"),
        ({"year": ["1850"]}, params.YEAR, 1991),
        ({"year": ["2099"]}, params.YEAR, 2025),
        ({"org": ["nato"]}, params.ORGANIZATION, "csto"),
        ({"group": ["nobody"]}, params.PROFILE, "imu"),
        ({"stack": ["city"]}, params.STACK_BY, "group"),
        ({"step": ["99"]}, params.STEP, 9),
        ({"step": ["0"]}, params.STEP, 1),
        ({"present": ["yes"]}, params.PRESENT, False),
        ({"region": ["mars"]}, params.REGION, "all"),
        ({"cmode": ["both"]}, params.COUNTRY_MODE, "include"),
        ({"killed": ["7", "50"]}, params.KILLED, (0, 500)),  # not a stop of the slider
        ({"killed": ["10"]}, params.KILLED, (0, 500)),
        ({"killed": ["500", "10"]}, params.KILLED, (10, 500)),
        ({"place": ["street", "city"]}, params.PLACE_PRECISIONS, ["city"]),
        ({"dateprec": ["hour"]}, params.DATE_PRECISIONS, []),
    ],
)
def test_bad_values_fall_back_to_defaults(query, key, expected):
    assert decode(query, DEFAULTS, ALLOWED)[key] == expected


@pytest.mark.parametrize(
    "query,expected",
    [
        # Older links hid the places known only by their country with one flag.
        ({"precise": ["1"]}, ["exact", "city", "province"]),
        ({"precise": ["0"]}, []),
        ({"precise": ["1"], "place": ["exact"]}, ["exact"]),  # the newer parameter wins
        ({}, []),
    ],
)
def test_an_older_link_hiding_vague_places_asks_for_the_precise_levels(query, expected):
    state = decode(query, DEFAULTS, ALLOWED)
    assert state[params.PLACE_PRECISIONS] == expected
    assert params.HIDE_VAGUE_PLACES not in encode(state, DEFAULTS)


@pytest.mark.parametrize(
    "page_url,page_path,query,expected",
    [
        ("http://127.0.0.1:8501/", "map", {"lang": "fr"}, "http://127.0.0.1:8501/map?lang=fr"),
        (
            "http://host:8501/timeline",
            "groups",
            {"group": "iskp", "years": ["2015", "2024"]},
            "http://host:8501/groups?group=iskp&years=2015&years=2024",
        ),
        ("https://example.org/dash/data", "story", {}, "https://example.org/dash/story"),
        ("https://example.org/dash/", "", {}, "https://example.org/dash/"),
    ],
)
def test_share_links_keep_the_server_and_base_path(page_url, page_path, query, expected):
    assert share_url(page_url, page_path, query) == expected


LABELS = {
    "attacks": ["Number of attacks", "Nombre d'attentats"],
    "casualties": ["Killed and wounded", "Tués et blessés"],
}


@pytest.mark.parametrize(
    "value,expected",
    [
        ("casualties", "casualties"),  # an id stays
        ("Number of attacks", "attacks"),  # an English label left by a widget
        ("Tués et blessés", "casualties"),  # a French one
        (["attacks", "Tués et blessés"], ["attacks", "casualties"]),
        ("unheard of", "unheard of"),  # anything else is left for the widget to refuse
        ("Tués et blessés (42)", "casualties"),  # a label shown with a count that has since changed
        ("Number of attacks (1\u202f234)", "attacks"),
        ("Number of attacks (n)", "Number of attacks (n)"),
    ],
)
def test_a_label_left_in_place_of_an_id_is_turned_back_into_it(value, expected):
    assert restored_ids(value, LABELS) == expected


def test_every_widget_shown_by_label_knows_every_id_in_every_language(data):
    labels = widget_labels(data.groups, data.organizations, list(data.countries["iso3"]))
    assert labels[params.PROFILE].keys() == set(data.groups["id"])
    assert all(len(names) == len(LANGUAGES) and all(names) for table in labels.values() for names in table.values())


@pytest.mark.parametrize(
    "state,expected",
    [
        # A key Streamlit dropped (its widget was not drawn in a run that stopped early).
        ({key: value for key, value in DEFAULTS.items() if key != params.PRESENT}, {params.PRESENT: False}),
        ({**DEFAULTS, params.CHOROPLETH: "Number of attacks"}, {params.CHOROPLETH: "attacks"}),
        ({**DEFAULTS, params.DATASET: "Attacks and foiled plots"}, {params.DATASET: "attacks"}),
        ({**DEFAULTS, params.GROUPS: ["IMU", "iskp"]}, {params.GROUPS: ["iskp"]}),
        ({**DEFAULTS, params.YEARS: (2024, 2016)}, {params.YEARS: (2016, 2024)}),
        ({**DEFAULTS, params.YEARS: 2016, params.YEAR: None}, {params.YEARS: (1991, 2025), params.YEAR: 2025}),
        ({**DEFAULTS, params.PROFILE: "iskp", params.PRESENT: True}, {params.PROFILE: "iskp", params.PRESENT: True}),
    ],
)
def test_checked_keeps_ids_and_puts_defaults_for_the_rest(state, expected):
    result = checked(state, DEFAULTS, ALLOWED)
    assert set(result) == set(DEFAULTS)
    assert {key: result[key] for key in expected} == expected


@pytest.mark.parametrize(
    "query,expected",
    [
        ({params.LANG: ["FR"]}, {params.LANG: "fr"}),
        ({params.PROFILE: ["ISKP"]}, {params.PROFILE: "iskp"}),
        (
            {params.ORGANIZATION: ["SCO"], params.DATASET: ["Groups"]},
            {params.ORGANIZATION: "sco", params.DATASET: "groups"},
        ),
    ],
)
def test_a_choice_in_another_case_decodes_to_its_id(query, expected):
    state = decode(query, DEFAULTS, ALLOWED)
    assert {key: state[key] for key in expected} == expected


@pytest.mark.parametrize(
    "changes,expected",
    [
        ({}, False),
        ({params.COUNTRIES: ["AFG"]}, True),
        ({params.REGION: "outside"}, True),
        ({params.KILLED: (10, 50)}, True),
        ({params.KILLED: [0, DEFAULTS[params.KILLED][1]]}, False),
        ({params.FOILED: False}, True),
        # Filters outside the box, drawn always, do not open it.
        ({params.GROUPS: ["iskp"], params.YEARS: (2015, 2024)}, False),
    ],
)
def test_the_more_filters_box_opens_when_one_of_its_filters_is_set(changes, expected):
    assert more_filters_set({**DEFAULTS, **changes}, DEFAULTS) is expected


def test_every_filter_of_the_box_has_a_default_that_leaves_it_closed():
    assert set(MORE_FILTERS) <= set(DEFAULTS) and not more_filters_set(DEFAULTS, DEFAULTS)
    assert not more_filters_set({}, DEFAULTS)

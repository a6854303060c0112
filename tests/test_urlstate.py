"""The view survives the trip to the URL and back; bad values fall back to defaults."""
from __future__ import annotations

import pytest

from geo import params
from geo.urlstate import allowed_values, decode, encode, state_defaults

DEFAULTS = state_defaults((1991, 2025))
ALLOWED = allowed_values(["imu", "iskp"], ["AFG", "UZB", "RUS"], ["attacks", "groups"], ["csto", "sco"])


@pytest.mark.parametrize("changes", [
    {params.LANG: "fr"},
    {params.YEARS: (2015, 2024)},
    {params.GROUPS: ["iskp", "imu"], params.LINEAGE: True},
    {params.COUNTRIES: ["AFG"], params.NATIONALITIES: ["UZB", "RUS"]},
    {params.ATTACK_TYPES: ["bombing"], params.TARGET_TYPES: ["police", "civilians"]},
    {params.MIN_CASUALTIES: 50, params.HIDE_VAGUE_PLACES: True, params.FOILED: False},
    {params.LAYERS: ["heatmap", "choropleth"], params.CHOROPLETH: "casualties", params.ONLINE_TILES: True},
    {params.LAYERS: []},
    {params.DATASET: "groups", params.SEARCH: "Tachkent", params.APPLY_FILTERS: False},
    {params.STACK_BY: "country", params.MEASURE: "killed", params.PROFILE: "iskp"},
    {params.ORGANIZATION: "sco", params.YEAR: 2001},
])
def test_every_state_round_trips_through_the_url(changes):
    state = {**DEFAULTS, **changes}
    query = {k: v if isinstance(v, list) else [v] for k, v in encode(state, DEFAULTS).items()}
    assert decode(query, DEFAULTS, ALLOWED) == state


def test_defaults_leave_the_url_empty():
    assert encode(DEFAULTS, DEFAULTS) == {}


@pytest.mark.parametrize("query,key,expected", [
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
])
def test_bad_values_fall_back_to_defaults(query, key, expected):
    assert decode(query, DEFAULTS, ALLOWED)[key] == expected

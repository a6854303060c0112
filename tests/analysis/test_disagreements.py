"""Linked records of one incident that disagree, each aspect against its stated threshold."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.analysis.disagreements import PLACE_KM, compared, disagreeing, tolls_differ

BASE = {
    "id": "curated",
    "date": "2020-01-10",
    "date_precision": "day",
    "lat": 34.5,
    "lon": 69.2,
    "location_precision": "city",
    "city": "Kabul",
    "country_iso3": "AFG",
    "group_id": "iskp",
    "killed_low": 10,
    "killed_high": 12,
    "wounded_low": 20,
    "wounded_high": 20,
}


def pair(**record) -> tuple[str, ...]:
    """What one imported record differing from BASE by `record` disagrees on."""
    records = pd.DataFrame([BASE, {**BASE, "id": "gtd-1", **record}])
    pairs = pd.DataFrame({"record_id": ["gtd-1"], "linked_to": ["curated"], "score": [0.9]})
    return compared(pairs, records).at[0, "differs"]


@pytest.mark.parametrize(
    "record,differs",
    [
        ({}, ()),
        # Within the thresholds: tolls overlapping or a person apart, a few km, the same day.
        ({"killed_low": 13, "killed_high": 13, "lat": 34.55}, ()),
        ({"killed_low": 40, "killed_high": 40}, ("toll",)),
        ({"wounded_low": 60, "wounded_high": ""}, ("toll",)),
        # No figure on one side is not a disagreement on the figure.
        ({"killed_low": "", "killed_high": ""}, ()),
        ({"date": "2020-01-11"}, ("date",)),
        # A date known only to the month is not a day apart from any day in it.
        ({"date": "2020-01-01", "date_precision": "month"}, ()),
        ({"lat": 34.5 + (PLACE_KM + 2) / 111}, ("place",)),
        # A place known only to the province is not a distance to compare.
        ({"lat": 35.5, "location_precision": "province"}, ()),
        ({"group_id": "unknown"}, ("group",)),
        ({"group_id": "taliban", "date": "2020-01-11", "killed_low": 1, "killed_high": 1}, ("toll", "date", "group")),
    ],
)
def test_each_aspect_differs_beyond_its_threshold_only(record, differs):
    assert pair(**record) == differs


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ((3, 3), (4, 4), False),
        ((3, 3), (6, 6), True),
        ((100, 110), (118, 125), False),
        ((100, 110), (125, 125), True),
        ((5, None), (5, 9), False),
        ((None, None), (50, 50), False),
    ],
)
def test_tolls_differ_by_people_and_by_share(a, b, expected):
    assert tolls_differ([a[0]], [a[1]], [b[0]], [b[1]])[0] == expected


def test_the_most_disagreeing_pairs_come_first_and_agreeing_ones_are_left_out():
    records = pd.DataFrame(
        [
            BASE,
            {**BASE, "id": "gtd-1", "date": "2020-01-11"},
            {**BASE, "id": "gtd-2", "group_id": "unknown", "killed_low": 50, "killed_high": 50},
            {**BASE, "id": "gtd-3"},
        ]
    )
    pairs = pd.DataFrame(
        {"record_id": ["gtd-1", "gtd-2", "gtd-3"], "linked_to": ["curated"] * 3, "score": [0.8, 0.7, 0.9]}
    )
    shown = disagreeing(compared(pairs, records))
    assert shown["record_id"].tolist() == ["gtd-2", "gtd-1"]
    assert shown["days_apart"].tolist() == [0, 1]

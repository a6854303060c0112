"""The attack filters analysts reach for: region, countries in or out, precisions, a killed range."""

from __future__ import annotations

import pytest

from geo.analysis.filters import select_attacks, with_imports
from geo.state.criteria import attack_counts, counted_choices
from tests.samples import ATTACKS, attack, frame

# a 1999 IMU UZB 9–20 killed · b 2004 IJU UZB toll unknown · c 2015 ISKP AFG 1–2, placed by country
# d 2017 SWE 5 · e 2024 ISKP RUS 145 · f 2024 ISKP BEL 0, foiled. Dates: a, b to the day, c, d to
# the month, e, f to the year.
SAMPLE = ATTACKS.assign(date_precision=["day", "day", "month", "month", "year", "year"])


@pytest.mark.parametrize(
    "criteria,expected",
    [
        ({}, "abcdef"),
        ({"region": "inside"}, "ab"),
        ({"region": "outside"}, "cdef"),
        # The analyst's question: ISKP attacks 2015–2024 outside Central Asia.
        ({"region": "outside", "years": (2015, 2024), "groups": ("iskp",)}, "cef"),
        ({"countries": ("AFG", "RUS")}, "ce"),
        ({"countries": ("AFG", "RUS"), "country_mode": "exclude"}, "abdf"),
        ({"countries": (), "country_mode": "exclude"}, "abcdef"),  # nothing to leave out
        ({"countries": ("SWE",), "country_mode": "exclude", "region": "outside"}, "cef"),
        ({"countries": ("AFG",), "region": "inside"}, ""),
        ({"location_precisions": ("country",)}, "c"),
        ({"location_precisions": ("exact", "city", "province")}, "abdef"),
        ({"date_precisions": ("day",)}, "ab"),
        ({"date_precisions": ("month", "year")}, "cdef"),
        ({"date_precisions": ("month",), "location_precisions": ("city",)}, "d"),
        # A range keeps a toll whose estimates reach into it; an unknown toll (b) is in none.
        ({"killed_min": 10}, "ae"),
        ({"killed_min": 1}, "acde"),
        ({"killed_max": 2}, "cf"),
        ({"killed_min": 5, "killed_max": 5}, "d"),
        ({"killed_min": 10, "killed_max": 20}, "a"),
        ({"killed_min": 0, "killed_max": None}, "abcdef"),
        ({"min_casualties": 20, "killed_max": 10}, "ad"),
    ],
)
def test_the_new_attack_filters_combine(criteria, expected):
    assert "".join(select_attacks(SAMPLE, **criteria)["id"]) == expected


IMPORTED = frame(
    attack("g", "2016-07-23", group="iskp", country="AFG", killed=(80, 97)),
    attack("h", "2016-08-01", group="iskp", country="TJK", killed=(None, None)),
).assign(id=["gtd-g", "gtd-h"], origin="GTD · export.csv")


@pytest.mark.parametrize(
    "criteria,expected",
    [
        ({"region": "outside", "groups": ("iskp",), "years": (2015, 2024)}, ["c", "e", "f", "gtd-g"]),
        ({"region": "inside", "origin": "imported"}, ["gtd-h"]),
        ({"countries": ("AFG",), "country_mode": "exclude", "killed_min": 50}, ["e"]),
    ],
)
def test_the_filters_apply_to_imported_records_as_to_curated_ones(criteria, expected):
    merged = with_imports(ATTACKS, [IMPORTED])
    assert list(select_attacks(merged, **criteria)["id"]) == expected


def test_the_lists_offer_what_the_data_has_with_its_counts():
    counts = attack_counts(with_imports(ATTACKS, [IMPORTED]))
    labels = {"UZB": "Uzbekistan", "AFG": "Afghanistan", "KAZ": "Kazakhstan", "SWE": "Sweden", "TJK": "Tajikistan"}
    # Kazakhstan has no attack: it is offered only while a view has it chosen.
    assert counted_choices(labels, counts["countries"], [], "en") == {
        "UZB": "Uzbekistan (2)",
        "AFG": "Afghanistan (2)",
        "SWE": "Sweden (1)",
        "TJK": "Tajikistan (1)",
    }
    assert counted_choices(labels, counts["countries"], ["KAZ"], "en")["KAZ"] == "Kazakhstan (0)"
    assert counts["groups"]["iskp"] == 5


@pytest.mark.parametrize("lang,expected", [("en", "Pakistan (1,234)"), ("fr", "Pakistan (1\u202f234)")])
def test_a_count_is_written_as_the_language_writes_numbers(lang, expected):
    assert counted_choices({"PAK": "Pakistan"}, {"PAK": 1234}, [], lang) == {"PAK": expected}

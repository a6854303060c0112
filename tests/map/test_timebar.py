"""The time bar's payload: bars per month or year, the window of the sidebar's years, and the
reports that the page follows once."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.map.timebar import (
    LABEL_KEYS,
    SPEEDS,
    bar_unit,
    histogram,
    month_index,
    reported_window,
    timebar_payload,
    window_months,
    window_years,
    years_to_follow,
)
from geo.text.i18n import month_names, t


def dates(*texts: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(texts)))


@pytest.mark.parametrize(
    "span,unit",
    [((2000, 2000), "month"), ((2001, 2020), "month"), ((2001, 2021), "year"), ((1991, 2025), "year")],
)
def test_bars_count_months_up_to_twenty_years_then_years(span, unit):
    assert bar_unit(span) == unit


@pytest.mark.parametrize(
    "given,span,unit,expected",
    [
        # One bar a month: January first, December last.
        (("2010-01-05", "2010-01-31", "2010-12-31"), (2010, 2010), "month", [2] + [0] * 10 + [1]),
        # A second year's months follow the first's.
        (("2011-02-01",), (2010, 2011), "month", [0] * 13 + [1] + [0] * 10),
        # One bar a year.
        (("1991-03-01", "1993-07-04", "1993-12-31"), (1991, 1993), "year", [1, 0, 2]),
        # Dates outside the span are left out, and no date makes empty bars.
        (("1989-05-01", "2026-01-01"), (1991, 1992), "year", [0, 0]),
        ((), (1991, 1992), "year", [0, 0]),
    ],
)
def test_the_histogram_counts_each_bar(given, span, unit, expected):
    assert histogram(dates(*given), span, unit) == expected


@pytest.mark.parametrize(
    "years,months,back",
    [((2010, 2012), [2010 * 12, 2012 * 12 + 11], (2010, 2012)), ((1991, 1991), [23892, 23903], (1991, 1991))],
)
def test_a_window_covers_its_years_and_gives_them_back(years, months, back):
    assert window_months(years) == months
    assert window_years(months) == back
    assert month_index(years[0], 3) == months[0] + 2


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_payload_holds_the_bars_the_window_and_the_words(lang):
    payload = timebar_payload(dates("2000-06-01", "2003-01-01"), (1999, 2003), (2000, 2001), lang, "abc")
    assert payload["span"] == [1999, 2003] and payload["unit"] == "month" and len(payload["counts"]) == 60
    assert sum(payload["counts"]) == 2 and payload["counts"][17] == 1
    assert payload["window"] == window_months((2000, 2001))
    assert payload["speeds"] == list(SPEEDS) == [0.5, 1, 2, 5, 10]
    assert payload["key"] == "abc"
    assert payload["labels"]["play"] == t("timebar_play", lang)
    assert payload["labels"]["months"] == list(month_names(lang))
    assert set(payload["labels"]) == set(LABEL_KEYS) | {"months"}


def test_the_window_stays_within_the_span():
    assert timebar_payload(dates(), (1991, 2025), (1980, 2030), "en", "k")["window"] == window_months((1991, 2025))


@pytest.mark.parametrize(
    "value,expected",
    [
        ("k:2001:2004:1700000000000", ((2001, 2004), "1700000000000")),
        ("other:2001:2004:1", None),
        ("k:2004:2001:1", None),
        ("k:2001:2004", None),
        ("k:2001:x:1", None),
        ("", None),
        (None, None),
    ],
)
def test_a_report_is_read_only_for_its_selection(value, expected):
    assert reported_window(value, "k") == expected


@pytest.mark.parametrize(
    "value,handled,years,expected",
    [
        # A new report moves the page to its years.
        ("k:2001:2004:2", "k:1999:2000:1", (1991, 2025), (2001, 2004)),
        # The same report, seen again on a later rerun, does nothing.
        ("k:2001:2004:2", "k:2001:2004:2", (1995, 1996), None),
        # A report of the years shown does nothing: no loop.
        ("k:2001:2004:3", None, (2001, 2004), None),
        # Another selection's report does nothing.
        ("j:2001:2004:3", None, (1991, 2025), None),
        # Years past the data's span are brought within it.
        ("k:1980:1995:4", None, (2001, 2004), (1991, 1995)),
        (None, None, (2001, 2004), None),
    ],
)
def test_the_page_follows_each_report_once(value, handled, years, expected):
    assert years_to_follow(value, "k", handled, years, (1991, 2025)) == expected

"""Filters: years, groups, search, and folding text for matching."""

from __future__ import annotations

import pytest

from geo.analysis.filters import fold, in_years, matching, of_groups, select, with_imports, year_span


@pytest.mark.parametrize(
    "name,years,expected_ids",
    [
        ("attacks", (1999, 1999), ["1999-02-16-tashkent"]),
        ("attacks", (1999, 2000), ["1999-02-16-tashkent", "2000-08-01-surkhandarya"]),
        ("attacks", (2018, 2025), []),
        ("events", (2001, 2001), ["sco-founded"]),
        ("bases", (2000, 2005), ["b-tavildara"]),
        ("bases", (2001, 2005), []),
        ("borders", (2020, 2020), ["br-01"]),  # no end year: still in force
        ("group_links", (2010, 2014), []),
        (
            "sources",
            (1991, 1991),
            [
                "wiki_tashkent_1999",
                "wiki_stockholm_2017",
                "wiki_imu",
                "wiki_sco",
                "boquerat_2024",
                "news_tashkent_1999",
                "news_stockholm_2017",
            ],
        ),
    ],
)
def test_year_filter_keeps_rows_dated_or_active_in_the_period(fixture_data, name, years, expected_ids):
    assert list(in_years(getattr(fixture_data, name), name, years)["id"]) == expected_ids


@pytest.mark.parametrize(
    "name,groups,expected_ids",
    [
        ("attacks", ["imu"], ["1999-02-16-tashkent", "2000-08-01-surkhandarya"]),
        ("attacks", ["iskp"], []),
        ("attacks", [], ["1999-02-16-tashkent", "2017-04-07-stockholm", "2000-08-01-surkhandarya"]),
        ("events", ["imu"], ["imu-founded"]),
        ("group_links", ["iskp"], ["gl-01"]),
        ("groups", ["iskp"], ["iskp"]),
        ("organizations", ["imu"], ["sco"]),  # no group column: untouched
    ],
)
def test_group_filter_keeps_rows_that_involve_a_chosen_group(fixture_data, name, groups, expected_ids):
    assert list(of_groups(getattr(fixture_data, name), name, groups)["id"]) == expected_ids


@pytest.mark.parametrize(
    "query,expected_ids",
    [
        ("tashkent", ["1999-02-16-tashkent"]),
        ("TACHKENT", ["1999-02-16-tashkent"]),  # French summary, any case
        ("batiments", ["1999-02-16-tashkent"]),  # "bâtiments": accents ignored
        ("truck crowd", ["2017-04-07-stockholm"]),  # every word must match
        ("truck tashkent", []),
        ("", ["1999-02-16-tashkent", "2017-04-07-stockholm", "2000-08-01-surkhandarya"]),
    ],
)
def test_search_matches_every_word_in_any_column(fixture_data, query, expected_ids):
    assert list(matching(fixture_data.attacks, query)["id"]) == expected_ids


def test_select_combines_years_groups_and_search(fixture_data):
    assert list(select(fixture_data.attacks, "attacks", (1991, 2025), ["imu"], "incursion")["id"]) == [
        "2000-08-01-surkhandarya"
    ]


def test_year_span_starts_in_1991_at_the_latest(fixture_data):
    assert year_span(fixture_data.attacks, fixture_data.events) == (1991, 2017)


@pytest.mark.parametrize("text,expected", [("Ouzbékistan", "ouzbekistan"), ("ÉTAT", "etat"), ("Kyiv", "kyiv")])
def test_fold_drops_case_and_accents(text, expected):
    assert fold(text) == expected


def test_an_imported_record_repeating_another_row_is_listed_on_it_not_counted(fixture_data):
    imported = fixture_data.attacks.iloc[:2].assign(id=["gtd-1", "gtd-2"], origin="GTD · export.csv")
    merged = with_imports(fixture_data.attacks, [imported], {"gtd-1": "1999-02-16-tashkent"})
    assert list(merged["id"]) == [*fixture_data.attacks["id"], "gtd-2"]
    assert merged.set_index("id").at["1999-02-16-tashkent", "records"] == "gtd-1"
    assert merged.set_index("id").at["gtd-2", "records"] == ""

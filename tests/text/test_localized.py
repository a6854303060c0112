"""Data columns read in the session's language, English where that language has no column or an
empty cell."""

from __future__ import annotations

from collections import namedtuple

import pandas as pd
import pytest

from geo.text.labels import group_labels
from geo.text.localized import language_of, localized, localized_cell

FRAME = pd.DataFrame(
    {
        "name_en": ["Tashkent", "Bukhara", "Termez"],
        "name_fr": ["Tachkent", "", None],
        "acronym_en": ["T", "B", ""],
        "acronym_fr": ["", "", ""],
    }
)


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("en", ["Tashkent", "Bukhara", "Termez"]),
        ("fr", ["Tachkent", "Bukhara", "Termez"]),  # empty and missing cells read English
        ("ru", ["Tashkent", "Bukhara", "Termez"]),  # no name_ru column yet
    ],
)
def test_a_column_reads_its_language_or_english(lang, expected):
    assert list(localized(FRAME, "name", lang)) == expected


Row = namedtuple("Row", FRAME.columns)


@pytest.mark.parametrize(
    "as_row", [lambda i: FRAME.iloc[i], lambda i: Row(*FRAME.iloc[i]), lambda i: FRAME.iloc[i].to_dict()]
)
@pytest.mark.parametrize(
    "index,lang,expected,language",
    [(0, "fr", "Tachkent", "fr"), (1, "fr", "Bukhara", "en"), (2, "fr", "Termez", "en"), (0, "ru", "Tashkent", "en")],
)
def test_a_cell_reads_its_language_or_english(as_row, index, lang, expected, language):
    row = as_row(index)
    assert localized_cell(row, "name", lang) == expected
    # A row without a name of its own in `lang` takes its acronym from English too.
    assert language_of(row, "name", lang) == language


def test_group_names_follow_a_language_once_its_columns_exist(fixture_data):
    groups = fixture_data.groups.drop(columns=["name_ru", "acronym_ru"], errors="ignore")
    assert group_labels(groups, "ru") == group_labels(groups, "en")
    named = groups.assign(name_ru="", acronym_ru="")
    named.loc[named["id"] == "imu", ["name_ru", "acronym_ru"]] = ["Исламское движение Узбекистана", "ИДУ"]
    labels = group_labels(named, "ru")
    assert labels["imu"] == "ИДУ · Исламское движение Узбекистана"
    assert labels["iskp"] == group_labels(groups, "en")["iskp"]

"""Words and numbers: tolls as ranges, units, escaping, sources, translations, country and group names."""

from __future__ import annotations

from string import Formatter

import pandas as pd
import pytest

from geo.analysis.cooperation import indicator_rows
from geo.data.countries import country_name, is_iso3
from geo.data.paths import COMMITTED_DATA_DIR
from geo.text.escape import escape_markdown
from geo.text.i18n import LANGUAGES, VALUE_LABELS, catalogue, t
from geo.text.labels import group_labels
from geo.text.numbers import metric_help, metric_text, range_text, toll_text
from geo.text.sources import source_entries, source_markdown


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


@pytest.mark.parametrize(
    "low,high,lang,expected",
    [
        (9, 20, "en", "9–20"),
        (4, 4, "en", "4"),
        (4, pd.NA, "en", "4"),
        (pd.NA, 3, "en", "≤ 3"),
        (pd.NA, pd.NA, "en", "unknown"),
        (pd.NA, pd.NA, "fr", "inconnu"),
        (1200, 1500, "en", "1,200–1,500"),
        (1200, 1500, "fr", "1\u202f200–1\u202f500"),
        (1200, 1500, "ru", "1\u00a0200–1\u00a0500"),
        (pd.NA, 12000, "ru", "≤ 12\u00a0000"),
        (pd.NA, pd.NA, "ru", "неизвестно"),
    ],
)
def test_tolls_read_as_ranges(low, high, lang, expected):
    assert toll_text(low, high, lang) == expected


@pytest.mark.parametrize(
    "span,lang,shown,exact_in_help",
    [
        ((2437, 2969), "en", "2,437–2,969", False),
        ((2437, 2969), "fr", "2\u202f437–2\u202f969", False),
        ((7, 7), "ru", "7", False),
        ((2_001_074, 2_303_382), "en", "2–2.3M", True),
        ((2_001_074, 2_003_382), "en", "≈ 2M", True),
        ((2_001_074, 2_303_382), "fr", "2–2,3\u00a0M", True),
        ((2_001_074, 2_303_382), "ru", "2–2,3\u00a0млн", True),
        ((125_000, 3_003_382), "en", "125K–3M", True),
        ((40_123, 60_321), "ru", "40–60\u00a0тыс.", True),
        ((40_123, 40_149), "fr", "≈ 40,1\u00a0k", True),
    ],
)
def test_a_range_too_wide_for_a_metric_is_shortened_and_given_whole_in_its_help(span, lang, shown, exact_in_help):
    assert metric_text(span, lang) == shown
    assert (range_text(span, lang) in metric_help(span, lang)) is exact_in_help
    assert metric_help(span, lang).startswith(t("range_help", lang))


def test_context_units_are_written_in_the_language(fixture_data):
    rows = indicator_rows(fixture_data.context, "remittances_gdp", "fr")
    assert set(rows["unit"]) == {"% du PIB"}


def test_every_unit_of_the_committed_context_figures_has_a_label():
    units = set(pd.read_csv(COMMITTED_DATA_DIR / "context.csv", dtype=str)["unit"])
    assert units - set(VALUE_LABELS["unit"]) == set()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert\(1\)\>"),
        ("[click](javascript:x)", r"\[click\]\(javascript:x\)"),
        ("**bold**", r"\*\*bold\*\*"),
    ],
)
def test_markdown_escaping_shows_markup_as_text(text, expected):
    assert escape_markdown(text) == expected


def test_sources_render_as_links_or_references(fixture_data):
    entries = source_entries("wiki_imu;boquerat_2024;missing", fixture_data.sources)
    assert [e["id"] for e in entries] == ["wiki_imu", "boquerat_2024"]
    assert source_markdown(entries[0]).startswith("[Islamic Movement of Uzbekistan](<https://en.wikipedia.org/")
    assert "Gilles Boqu" in source_markdown(entries[1]) and "](" not in source_markdown(entries[1])


def test_every_english_text_has_a_french_one():
    entries = list(catalogue())
    assert all(texts.get("en", "").strip() for _, texts in entries)
    assert [where for where, texts in entries if not texts.get("fr", "").strip()] == []


def test_each_language_names_the_same_values():
    differing = [
        where for where, texts in catalogue() if len({frozenset(placeholders(texts[lang])) for lang in LANGUAGES}) > 1
    ]
    assert differing == []


def test_translation_fills_placeholders():
    assert t("rows_shown", "fr", shown=2, total=5) == "2 lignes affichées sur 5"


@pytest.mark.parametrize(
    "iso3,lang,expected",
    [
        ("UZB", "en", "Uzbekistan"),
        ("UZB", "fr", "Ouzbékistan"),
        ("KGZ", "fr", "Kirghizistan"),
        ("RUS", "fr", "Russie"),
        ("IRN", "en", "Iran"),
        ("TJK", "fr", "Tadjikistan"),
        ("XXX", "fr", "XXX"),
        ("XKX", "en", "Kosovo"),
        ("XKX", "fr", "Kosovo"),
        # Any language CLDR knows, with the few short forms kept over its formal ones.
        ("XKX", "ru", "Косово"),
        ("KGZ", "ru", "Кыргызстан"),
        ("AFG", "ru", "Афганистан"),
        ("USA", "ru", "США"),
        ("HKG", "en", "Hong Kong"),
        ("PSE", "fr", "Palestine"),
        ("TUR", "en", "Turkey"),
        ("DEU", "ru", "Германия"),
        ("XXX", "ru", "XXX"),
    ],
)
def test_country_names(iso3, lang, expected):
    assert country_name(iso3, lang) == expected


@pytest.mark.parametrize(
    "code,expected", [("UZB", True), ("XKX", True), ("uzb", False), ("UZ", False), ("XXX", False), (None, False)]
)
def test_iso3_codes(code, expected):
    assert is_iso3(code) is expected


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("en", {"imu": "IMU · Islamic Movement of Uzbekistan", "iskp": "ISKP · Islamic State Khorasan Province"}),
        ("fr", {"imu": "MIO · Mouvement islamique d'Ouzbékistan", "iskp": "EI-K · État islamique au Khorassan"}),
    ],
)
def test_group_labels_follow_the_language(fixture_data, lang, expected):
    assert group_labels(fixture_data.groups, lang) == expected

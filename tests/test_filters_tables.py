"""Selections, display tables, CSV safety, labels and country names."""

from __future__ import annotations

from datetime import date
from string import Formatter

import pandas as pd
import pytest

from geo.analysis.cooperation import indicator_rows
from geo.analysis.filters import fold, in_years, matching, of_groups, select, with_imports, year_span
from geo.data.countries import country_name, is_iso3
from geo.data.paths import COMMITTED_DATA_DIR
from geo.render.tables import attack_table, citation, dataset_table, for_display, row_counts, to_csv_bytes
from geo.text.escape import defuse_formula, escape_markdown
from geo.text.i18n import LANGUAGES, VALUE_LABELS, catalogue, t
from geo.text.labels import group_labels
from geo.text.numbers import toll_text
from geo.text.sources import source_entries, source_markdown


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
            ["wiki_tashkent_1999", "wiki_stockholm_2017", "wiki_imu", "wiki_sco", "boquerat_2024"],
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


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Tashkent", "Tashkent"),
        (12, 12),
        ("", ""),
    ],
)
def test_formula_cells_are_defused(value, expected):
    assert defuse_formula(value) == expected


def test_csv_export_has_no_geometry_and_defuses_text(fixture_data):
    frame = fixture_data.attacks.copy()
    frame.loc[0, "summary_en"] = "=cmd|' /C calc'!A0"
    exported = pd.read_csv(pd.io.common.BytesIO(to_csv_bytes(frame)), dtype=str)
    assert "geometry" not in exported.columns
    assert exported.loc[0, "summary_en"].startswith("'=")


def test_display_table_gives_first_source_url_and_text_dates(fixture_data):
    table = for_display(fixture_data.attacks, fixture_data.sources)
    assert table.loc[0, "source_url"] == "https://en.wikipedia.org/wiki/1999_Tashkent_bombings"
    assert table.loc[0, "date"] == "1999-02-16"
    assert "geometry" not in table


ATTACK_COLUMNS = [
    "date",
    "place",
    "country",
    "group",
    "killed",
    "wounded",
    "date_precision",
    "location_precision",
    "source",
    "other_sources",
    "id",
]


@pytest.mark.parametrize(
    "lang,labels",
    [
        (
            "en",
            [
                "Date",
                "Place",
                "Country",
                "Group",
                "Killed",
                "Wounded",
                "Date precision",
                "Place precision",
                "Source",
                "Other sources",
                "Id",
            ],
        ),
        (
            "fr",
            [
                "Date",
                "Lieu",
                "Pays",
                "Groupe",
                "Tués",
                "Blessés",
                "Précision de la date",
                "Précision du lieu",
                "Source",
                "Autres sources",
                "Id",
            ],
        ),
    ],
)
def test_the_attack_table_leads_with_when_where_and_who_and_ends_with_the_id(fixture_data, lang, labels):
    # Imported rows bring the internal origin, citations and doubt columns: none is shown.
    imported = fixture_data.attacks.iloc[:1].assign(id="gtd-1", origin="GTD · export.csv", citations="x", doubt=True)
    table, columns = attack_table(
        with_imports(fixture_data.attacks, [imported]), fixture_data.groups, fixture_data.sources, lang
    )
    assert list(table.columns) == ATTACK_COLUMNS
    assert [columns[c].label for c in table.columns] == labels
    assert (columns["source"].kind, columns["other_sources"].kind) == ("link", "list")


@pytest.mark.parametrize(
    "lang,event,column,expected",
    [
        ("fr", "1999-02-16-tashkent", "date", "1999-02-16"),
        ("fr", "2000-08-01-surkhandarya", "date", "2000-08"),
        ("fr", "1999-02-16-tashkent", "place", "Tashkent"),
        ("en", "1999-02-16-tashkent", "country", "Uzbekistan"),
        ("fr", "1999-02-16-tashkent", "country", "Ouzbékistan"),
        ("fr", "2017-04-07-stockholm", "country", "Suède"),
        ("en", "1999-02-16-tashkent", "group", "IMU · Islamic Movement of Uzbekistan"),
        ("fr", "1999-02-16-tashkent", "group", "MIO · Mouvement islamique d'Ouzbékistan"),
        ("fr", "2017-04-07-stockholm", "group", "Inconnu ou non attribué"),
        ("fr", "1999-02-16-tashkent", "killed", "13–16"),
        ("fr", "1999-02-16-tashkent", "wounded", "100–128"),
        ("fr", "2017-04-07-stockholm", "killed", "5"),
        ("fr", "2000-08-01-surkhandarya", "wounded", "inconnu"),
        ("en", "1999-02-16-tashkent", "date_precision", "exact day"),
        ("fr", "1999-02-16-tashkent", "date_precision", "jour exact"),
        ("fr", "2000-08-01-surkhandarya", "date_precision", "mois seulement"),
        ("fr", "1999-02-16-tashkent", "location_precision", "ville"),
        ("en", "2000-08-01-surkhandarya", "location_precision", "province"),
        ("fr", "1999-02-16-tashkent", "source", "https://en.wikipedia.org/wiki/1999_Tashkent_bombings"),
        ("fr", "1999-02-16-tashkent", "other_sources", []),
    ],
)
def test_the_attack_table_writes_each_value_in_the_language(fixture_data, lang, event, column, expected):
    table, _ = attack_table(fixture_data.attacks, fixture_data.groups, fixture_data.sources, lang)
    assert table.set_index("id").loc[event, column] == expected


def test_the_attack_table_links_the_first_source_and_names_the_others(fixture_data):
    attacks = fixture_data.attacks.assign(source_ids="boquerat_2024;wiki_tashkent_1999;wiki_imu;missing")
    imported = fixture_data.attacks.iloc[:1].assign(id="gtd-1", source_ids="", origin="GTD · export.csv")
    table, _ = attack_table(with_imports(attacks, [imported]), fixture_data.groups, fixture_data.sources, "en")
    curated, from_gtd = table.iloc[0], table.set_index("id").loc["gtd-1"]
    assert curated["source"] == "https://en.wikipedia.org/wiki/1999_Tashkent_bombings"
    assert curated["other_sources"] == ["IFRI", "en.wikipedia.org"]
    assert (from_gtd["source"], from_gtd["other_sources"]) == ("", ["GTD · export.csv"])


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
    ],
)
def test_tolls_read_as_ranges(low, high, lang, expected):
    assert toll_text(low, high, lang) == expected


@pytest.mark.parametrize(
    "name,lang,column,expected",
    [
        ("events", "fr", "date_precision", {"jour exact", "année seulement"}),
        ("events", "en", "kind", {"Founding"}),
        ("context", "fr", "unit", {"% du PIB", "tonnes"}),
        ("memberships", "fr", "status", {"Membre", "Observateur"}),
        ("bases", "fr", "kind", {"Refuge"}),
        ("borders", "fr", "status", {"Minée"}),
        ("group_links", "fr", "kind", {"Allégeance"}),
    ],
)
def test_the_data_page_writes_vocabulary_values_in_the_language(fixture_data, name, lang, column, expected):
    table, columns = dataset_table(for_display(fixture_data.tables()[name], fixture_data.sources), name, lang)
    assert set(table[column]) == expected
    assert columns["source_url"].kind == "link"


@pytest.mark.parametrize(
    "name,derived", [("events", "year"), ("memberships", "start"), ("organizations", "founded_year")]
)
def test_the_data_page_shows_only_the_files_columns(fixture_data, name, derived):
    assert derived in fixture_data.tables()[name]
    table, _ = dataset_table(for_display(fixture_data.tables()[name], fixture_data.sources), name, "en")
    assert derived not in table


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


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("en", "dataset 'Attacks and foiled plots' (3 rows), consulted 2025-01-31"),
        ("fr", "jeu de données « Attentats et projets déjoués » (3 lignes), consulté le 2025-01-31"),
    ],
)
def test_citation_names_dataset_rows_and_date(lang, expected):
    assert expected in citation("attacks", 3, lang, date(2025, 1, 31))


def test_row_counts_cover_every_dataset(fixture_data):
    counts = row_counts(fixture_data.tables(), "en")
    assert counts["Rows"].tolist() == [3, 2, 5, 2, 1, 1, 1, 1, 2, 2, 2, 5]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


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
    ],
)
def test_country_names(iso3, lang, expected):
    assert country_name(iso3, lang) == expected


@pytest.mark.parametrize("code,expected", [("UZB", True), ("uzb", False), ("UZ", False), ("XXX", False), (None, False)])
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

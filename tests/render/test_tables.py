"""Tables as shown and exported: columns, languages, links, safe CSV, citations, row counts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from geo.analysis.filters import with_imports
from geo.render.tables import (
    attack_table,
    citation,
    dataset_table,
    decisions_made,
    for_display,
    listed_rows,
    row_counts,
    rows_left_out_note,
    to_csv_bytes,
)
from geo.text.escape import defuse_formula
from geo.text.i18n import t

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
    "value,expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        (" =1+1", "' =1+1"),
        ("\t=1+1", "'\t=1+1"),
        ("\r\n+1", "'\r\n+1"),
        ("\n-2", "'\n-2"),
        ("\u00a0\u3000@SUM(A1)", "'\u00a0\u3000@SUM(A1)"),
        ("\tTashkent", "'\tTashkent"),
        ("  Tashkent", "  Tashkent"),
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
        ("fr", "1999-02-16-tashkent", "place", "Tachkent"),
        ("ru", "1999-02-16-tashkent", "place", "Ташкент"),
        ("en", "1999-02-16-tashkent", "place", "Tashkent"),
        ("fr", "2017-04-07-stockholm", "place", "Stockholm"),
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
        ("fr", "1999-02-16-tashkent", "other_sources", ["news.example.org"]),
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
    assert counts["Rows"].tolist() == [3, 2, 7, 2, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 5]


REVIEWED = pd.DataFrame(
    {"record_id": ["gtd-1", "gtd-2", "gtd-3"], "linked_to": ["a", "b", "gtd-1"], "decision": ["", "rejected", ""]}
)


@pytest.mark.parametrize(
    "decisions,shown,labels,expected",
    [
        # Nothing changed: the decisions stay as they were.
        ({("gtd-2", "b"): "rejected"}, [0, 1], ["proposed", "rejected"], {("gtd-2", "b"): "rejected"}),
        # A link confirmed, one set back to proposed.
        ({("gtd-2", "b"): "rejected"}, [0, 1], ["confirmed", "proposed"], {("gtd-1", "a"): "confirmed"}),
        # Links not shown keep their decisions whatever the table says of the others.
        ({("gtd-2", "b"): "rejected"}, [2], ["rejected"], {("gtd-2", "b"): "rejected", ("gtd-3", "gtd-1"): "rejected"}),
    ],
)
def test_decisions_follow_the_edited_table_and_keep_the_rows_not_shown(decisions, shown, labels, expected):
    rows = REVIEWED.iloc[shown]
    edited = pd.DataFrame({"decision": [t(f"link_{label}", "fr") for label in labels]})
    assert decisions_made(decisions, edited, rows, "fr") == expected


@pytest.mark.parametrize(
    "rows,limit,listed,note",
    [
        (3, 5, 3, None),
        (5, 5, 5, None),
        (12_345, 10_000, 10_000, "This table lists the first 10,000 of the 12,345 attacks of the selection"),
    ],
)
def test_a_long_table_lists_its_first_rows_and_says_where_the_others_are(rows, limit, listed, note):
    frame = pd.DataFrame({"id": [f"a{i}" for i in range(rows)]})
    shown = listed_rows(frame, limit)
    assert list(shown["id"]) == list(frame["id"][:listed])
    said = rows_left_out_note(len(shown), rows, "en")
    assert said == note if note is None else said.startswith(note)
    if note:
        assert "12 345" in rows_left_out_note(len(shown), rows, "ru").replace("\xa0", " ")

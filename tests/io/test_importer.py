"""Importing analysts' exports: every format, every malformed file with its message, and the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geo.data.paths import ROOT
from geo.io import sniff
from geo.io.importer import import_bytes
from geo.io.messages import ImportFailure, Message
from geo.io.sniff import encoding_of
from geo.text.i18n import STRINGS
from tests.samples import PROJECT_ROW, SKIPS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def run(data, name: str, fmt: str = "auto", folder: Path = FIXTURES):
    return import_bytes((folder / name).read_bytes(), name, data, fmt)


@pytest.mark.parametrize(
    "name,fmt,imported,skipped",
    [
        ("gtd_sample_latin1.csv", "gtd", 5, 4),
        ("ucdp_sample.csv", "ucdp", 3, 1),
        ("acled_current.csv", "acled", 2, 0),
        ("acled_old.csv", "acled", 2, 1),
        ("project_sample.csv", "project", 2, 0),
    ],
)
def test_each_format_is_recognised_and_read(data, name, fmt, imported, skipped):
    result = run(data, name)
    assert (result.format, len(result.attacks), result.skipped_count) == (fmt, imported, skipped)
    assert set(result.attacks["origin"]) == {f"{fmt.upper()} · {name}"}


@pytest.mark.parametrize(
    "name,event,column,expected",
    [
        ("gtd_sample_latin1.csv", "gtd-201001010001", "city", "Khujand, old town"),
        ("gtd_sample_latin1.csv", "gtd-201001010001", "attack_type", "suicide_bombing"),
        ("gtd_sample_latin1.csv", "gtd-201001010001", "group_id", "imu"),
        ("gtd_sample_latin1.csv", "gtd-201001010001", "responsibility", "suspected"),
        (
            "gtd_sample_latin1.csv",
            "gtd-201001010001",
            "summary_en",
            'Fixture: a "test" car bomb, with commas, near a police station; café owner quoted.',
        ),
        ("gtd_sample_latin1.csv", "gtd-201100000002", "date_precision", "year"),
        ("gtd_sample_latin1.csv", "gtd-201100000002", "location_precision", "province"),
        ("gtd_sample_latin1.csv", "gtd-201100000002", "doubt", True),
        ("gtd_sample_latin1.csv", "gtd-201700000003", "date_precision", "month"),
        ("gtd_sample_latin1.csv", "gtd-201700000003", "group_id", "unknown"),
        ("gtd_sample_latin1.csv", "gtd-201900000005", "country_iso3", "DEU"),
        ("gtd_sample_latin1.csv", "gtd-201900000005", "group_id", "Some Local Cell"),
        ("ucdp_sample.csv", "ucdp-900001", "group_id", "iskp"),
        ("ucdp_sample.csv", "ucdp-900001", "killed_low", 10),
        ("ucdp_sample.csv", "ucdp-900001", "killed_high", 20),
        ("ucdp_sample.csv", "ucdp-900001", "location_precision", "exact"),
        ("ucdp_sample.csv", "ucdp-900002", "target_type", "civilians"),
        ("ucdp_sample.csv", "ucdp-900003", "group_id", "islamic_state"),
        ("ucdp_sample.csv", "ucdp-900003", "date_precision", "year"),
        ("acled_current.csv", "acled-AFG90001", "group_id", "iskp"),
        ("acled_current.csv", "acled-TJK90002", "date_precision", "month"),
        ("acled_current.csv", "acled-TJK90002", "country_iso3", "TJK"),
        ("acled_old.csv", "acled-AFG80001", "attack_type", "suicide_bombing"),
        ("acled_old.csv", "acled-AFG80001", "group_id", "Islamic State (Khorasan Province)"),
        ("acled_old.csv", "acled-PAK80002", "group_id", "ttp"),
        ("project_sample.csv", "my-2023-01", "perpetrator_nationalities", "KGZ"),
        ("project_sample.csv", "my-2023-01", "summary_ru", "Fixture analyst row."),
        (
            "gtd_sample_latin1.csv",
            "gtd-201001010001",
            "summary_ru",
            'Fixture: a "test" car bomb, with commas, near a police station; café owner quoted.',
        ),
    ],
)
def test_fields_map_to_the_attacks_schema(data, name, event, column, expected):
    row = run(data, name).attacks.set_index("id").loc[event]
    value = row[column]
    assert (value.item() if hasattr(value, "item") else value) == expected


@pytest.mark.parametrize(
    "name,event,date",
    [
        ("gtd_sample_latin1.csv", "gtd-201100000002", "2011-01-01"),
        ("ucdp_sample.csv", "ucdp-900002", "2020-03-25"),
        ("acled_current.csv", "acled-TJK90002", "2024-11-01"),
        ("acled_old.csv", "acled-AFG80001", "2020-03-21"),
    ],
)
def test_dates_in_every_spelling(data, name, event, date):
    assert run(data, name).attacks.set_index("id").loc[event, "date"] == pd.Timestamp(date)


@pytest.mark.parametrize(
    "name,fmt,message",
    [
        ("empty.csv", "auto", "empty.csv is empty: there is no header row and no data."),
        ("header_only.csv", "auto", "header_only.csv has a header but no data rows."),
        (
            "binary.csv",
            "auto",
            "The file holds binary data, not CSV text. Export it as CSV (UTF-8 or Latin-1) or XLSX.",
        ),
        (
            "broken.xlsx",
            "auto",
            "broken.xlsx looks like a spreadsheet but cannot be opened (File is not a zip file). "
            "Save it again as XLSX or CSV.",
        ),
        (
            "unknown_header.csv",
            "auto",
            "unknown_header.csv: the header matches no known format. Closest is GTD, which also "
            "needs the columns eventid, iyear, imonth, iday, country_txt, latitude, longitude, "
            "specificity, gname, nkill, nwound. Export all columns, or use the project's attacks columns.",
        ),
        (
            "gtd_missing_columns.csv",
            "gtd",
            "gtd_missing_columns.csv is missing the GTD columns specificity, gname, nkill, "
            "nwound. Export the full column set.",
        ),
    ],
)
def test_each_malformed_file_says_what_is_wrong(data, name, fmt, message):
    with pytest.raises(ImportFailure) as failure:
        run(data, name, fmt, FIXTURES / "bad")
    assert str(failure.value) == message


def test_a_file_whose_rows_are_all_bad_imports_nothing_and_says_why(data):
    result = run(data, "all_rows_bad.csv", folder=FIXTURES / "bad")
    assert len(result.attacks) == 0
    assert result.skipped_reasons() == {"date missing or not a date": [2], "no coordinates": [3]}


PLACEHOLDER = re.compile(r"\{\w+\}")


def import_second_row(data, tmp_path, **changes):
    """A project-format file of two rows, the second with `changes`, imported."""
    rows = pd.DataFrame([PROJECT_ROW, {**PROJECT_ROW, "id": "my-2023-02", **changes}])
    rows.to_csv(tmp_path / "rows.csv", index=False)
    return run(data, "rows.csv", folder=tmp_path)


def written_in_french(text: Message) -> bool:
    french = text.text("fr")
    return bool(french.strip()) and french != text.text("en") and not PLACEHOLDER.search(french)


def test_the_skip_table_names_every_skip_reason():
    assert sorted(key for _, key in SKIPS) == sorted(key for key in STRINGS if key.startswith("skip_"))


@pytest.mark.parametrize("changes,key", SKIPS)
def test_every_skip_reason_is_written_in_each_language(data, tmp_path, changes, key):
    result = import_second_row(data, tmp_path, **changes)
    assert [(reason.key, rows) for reason, rows in result.skipped.items()] == [(key, [3])]
    assert all(written_in_french(reason) for reason in result.skipped)


# Rows with a usable date and place are kept whatever else is wrong, with what was read told.
@pytest.mark.parametrize(
    "changes,column,expected,warning",
    [
        ({"killed_low": "", "killed_high": "", "wounded_low": "", "wounded_high": ""}, "killed_high", pd.NA, None),
        ({"attack_type": "drone strike"}, "attack_type", "other", "import_read_as"),
        ({"target_type": "nobody"}, "target_type", "other", "import_read_as"),
        ({"responsibility": "rumoured"}, "responsibility", "unknown", "import_read_as"),
        ({"date_precision": "week"}, "date_precision", "year", "import_read_as"),
        ({"location_precision": "street"}, "location_precision", "country", "import_read_as"),
        ({"group_id": "A cell nobody knows"}, "group_id", "A cell nobody knows", None),
        ({"killed_low": "5", "killed_high": "1"}, "killed_low", 1, "import_range_widened"),
        ({"wounded_low": "9", "wounded_high": "3"}, "wounded_high", 9, "import_range_widened"),
        ({"id": ""}, "date", pd.Timestamp("2023-06-01"), "import_ids_made"),
    ],
)
def test_a_row_that_can_be_placed_and_dated_is_kept(data, tmp_path, changes, column, expected, warning):
    result = import_second_row(data, tmp_path, **changes)
    assert (result.skipped, len(result.attacks)) == ({}, 2)
    value = result.attacks.iloc[1][column]
    assert value is pd.NA if expected is pd.NA else value == expected
    assert [w.key for w in result.warnings] == ([warning] if warning else [])
    assert all(written_in_french(w) for w in result.warnings)


def test_an_event_without_an_id_gets_one_from_its_file_and_row(data, tmp_path):
    first = import_second_row(data, tmp_path, id="")
    made = first.attacks.iloc[1]["id"]
    assert made.startswith("project-") and made.endswith("-row3")
    assert import_second_row(data, tmp_path, id="").attacks.iloc[1]["id"] == made
    assert import_second_row(data, tmp_path, id="", city="Jalal-Abad").attacks.iloc[1]["id"] != made


@pytest.mark.parametrize(
    "name,fmt,french",
    [
        ("empty.csv", "auto", "empty.csv est vide : il n'a ni ligne d'en-tête ni données."),
        ("header_only.csv", "auto", "header_only.csv a un en-tête mais aucune ligne de données."),
        (
            "gtd_missing_columns.csv",
            "gtd",
            "Il manque à gtd_missing_columns.csv les colonnes GTD specificity, gname, "
            "nkill, nwound. Exportez toutes les colonnes.",
        ),
    ],
)
def test_a_failure_is_written_in_french_too(data, name, fmt, french):
    with pytest.raises(ImportFailure) as failure:
        run(data, name, fmt, FIXTURES / "bad")
    assert failure.value.message.text("fr") == french


def test_skipped_rows_are_listed_by_reason(data):
    # Row 6 repeats row 5's id, but row 5 has no coordinates: row 6 is the one kept.
    assert run(data, "gtd_sample_latin1.csv").skipped_reasons() == {
        "no coordinates": [5],
        "date missing or not a date": [8],
        "coordinates out of range (latitude -90..90, longitude -180..180)": [9],
        "duplicate event id (an earlier row with it was kept)": [10],
    }


def test_formula_cells_are_reported_and_markup_kept_as_text(data):
    result = run(data, "gtd_sample_latin1.csv")
    assert [w.text("en") for w in result.warnings] == [
        "1 text cell starts with =, +, - or @; CSV downloads prefix it with a quote so a spreadsheet shows it "
        "as text instead of running it."
    ]
    assert [w.text("fr") for w in result.warnings] == [
        "1 cellule de texte commence par =, +, - ou @ ; les téléchargements CSV la font précéder d'une "
        "apostrophe pour qu'un tableur l'affiche comme du texte au lieu de l'exécuter."
    ]
    summaries = set(result.attacks["summary_en"])
    assert "<img src=x onerror=alert(1)> fixture markup" in summaries


def test_a_file_over_the_limit_is_refused(data, monkeypatch):
    monkeypatch.setattr(sniff, "MAX_BYTES", 1000)
    with pytest.raises(ImportFailure, match="over the 0 MB limit"):
        run(data, "gtd_sample_latin1.csv")


def test_an_xlsx_export_reads_like_its_csv(data, tmp_path):
    frame = pd.read_csv(FIXTURES / "gtd_sample_latin1.csv", encoding="latin-1", dtype=str, keep_default_na=False)
    path = tmp_path / "gtd.xlsx"
    frame.to_excel(path, index=False)
    from_xlsx = run(data, "gtd.xlsx", folder=tmp_path)
    from_csv = run(data, "gtd_sample_latin1.csv")
    assert from_xlsx.format == "gtd"
    assert list(from_xlsx.attacks["id"]) == list(from_csv.attacks["id"])


def test_an_unbalanced_quote_is_a_clear_failure(data, tmp_path):
    text = (FIXTURES / "acled_current.csv").read_text(encoding="utf-8") + 'X3,"2020-01-01,\n'
    (tmp_path / "broken.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailure, match="cannot be read as ACLED rows"):
        run(data, "broken.csv", folder=tmp_path)


@pytest.mark.parametrize(
    "name,code,last",
    [
        ("gtd_sample_latin1.csv", 0, "format=gtd imported=5 skipped=4 matched=1"),
        ("bad/all_rows_bad.csv", 1, "format=acled imported=0 skipped=2 matched=0"),
        ("bad/empty.csv", 1, "format=auto imported=0 skipped=0 matched=0"),
    ],
)
def test_the_command_line_reports_and_exits(name, code, last):
    done = subprocess.run(
        [sys.executable, "-m", "geo.importer", str(FIXTURES / name)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == code
    assert done.stdout.strip().splitlines()[-1] == last


def test_a_ucdp_row_whose_low_exceeds_its_high_is_kept_with_its_range_widened(data, tmp_path):
    text = (FIXTURES / "ucdp_sample.csv").read_text()
    assert ",12,20,10," in text  # best, high, low of the first event
    (tmp_path / "inverted.csv").write_text(text.replace(",12,20,10,", ",12,5,10,", 1))
    result = run(data, "inverted.csv", folder=tmp_path)
    row = result.attacks.set_index("id").loc["ucdp-900001"]
    assert (row["killed_low"], row["killed_high"]) == (5, 12)
    assert row["notes"] == "UCDP gives a low estimate (10) above its high one (5): the range spans low, best and high"
    assert result.skipped_count == run(data, "ucdp_sample.csv").skipped_count


CYRILLIC_ROW = "1,2020-05-01,Хорог,Таджикистан\n"


@pytest.mark.parametrize(
    "encoding,raw",
    [
        ("utf-8", ("id,date,city,country\n" + CYRILLIC_ROW).encode("utf-8")),
        ("utf-8-sig", ("id,date,city,country\n" + CYRILLIC_ROW).encode("utf-8-sig")),
        ("utf-16", ("id,date,city,country\n" + CYRILLIC_ROW).encode("utf-16")),
        ("cp1251", ("id,date,city,country\n" + CYRILLIC_ROW * 20).encode("cp1251")),
        ("cp1252", ("id,date,city,country\n" + "1,2011-05-01,Qaléh café,Afghanistan\n" * 20).encode("cp1252")),
        # Accents only after two megabytes of plain ASCII rows.
        (
            "cp1252",
            (
                "id,date,city,country\n"
                + "1,2020-05-01,Kabul,Afghanistan\n" * 70_000
                + "1,2011-05-01,Qaléh café — Hérat,Afghanistan\n" * 20
            ).encode("cp1252"),
        ),
    ],
)
def test_the_encoding_of_an_export_is_recognised(encoding, raw):
    found = encoding_of(raw, "export.csv")
    assert raw.decode(found) == raw.decode(encoding)


def test_text_no_encoding_reads_cleanly_is_refused_with_the_file_named():
    # Windows-1251 Cyrillic bytes mixed with C1 control codes: no encoding reads this as text.
    raw = b"id,city\n" + bytes(range(0x80, 0xA0)) * 40 + "\n1,Хорог\n".encode("cp1251")
    with pytest.raises(ImportFailure) as refused:
        encoding_of(raw, "export.csv")
    assert refused.value.message.text("fr").startswith("Le texte de export.csv ne se lit proprement")

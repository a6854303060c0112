"""Each cell held to a plausibility rule: a broken rule is reported with its row, column, value and
rule in the reader's language; only a row that cannot be dated or placed is left out."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geo.data.paths import ROOT
from geo.io.columns import MAX_TOLL
from geo.io.importer import import_bytes
from geo.map.eventpack import MISSING

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
PLACEHOLDER = re.compile(r"\{\w+\}")
# Each format's fixture (its first row has a usable date and place) and the columns of its killed.
FORMATS = {
    "gtd": ("gtd_sample_latin1.csv", "latin-1", "nkill"),
    "ucdp": ("ucdp_sample.csv", "utf-8", "low", "best", "high"),
    "acled": ("acled_current.csv", "utf-8", "fatalities"),
    "project": ("project_sample.csv", "utf-8", "killed_low"),
}


def one_row(fmt: str, **cells: str) -> bytes:
    """The first row of `fmt`'s fixture with `cells` changed, as a file of its own."""
    name, encoding = FORMATS[fmt][:2]
    rows = pd.read_csv(FIXTURES / name, encoding=encoding, dtype=str, keep_default_na=False).head(1)
    for column, value in cells.items():
        rows[column] = value
    return rows.to_csv(index=False).encode("utf-8")


def imported(data, raw: bytes, name: str = "cells.csv"):
    return import_bytes(raw, name, data)


def reported(result) -> list[tuple]:
    return [(c.row, c.column, c.value, c.rule.key) for c in result.cells.itertuples()]


def test_the_toll_ceiling_is_one_the_map_carries():
    # Above it the map's 16-bit counts would cap a popup's toll while the totals add it in full.
    assert MAX_TOLL < MISSING


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("value", ["inf", "-inf", "1e20", "1e308", "1e12", str(MAX_TOLL + 1), "-1", "lots", "nan"])
def test_an_implausible_toll_is_read_as_unknown_and_reported(data, fmt, value):
    columns = FORMATS[fmt][2:]
    result = imported(data, one_row(fmt, **dict.fromkeys(columns, value)))
    assert (len(result.attacks), result.skipped) == (1, {})
    assert result.attacks["killed_low"].isna().all()
    assert reported(result) == [(2, column, value, "cell_toll") for column in columns]


@pytest.mark.parametrize("value,expected", [("", pd.NA), ("3", 3), ("3.0", 3), (str(MAX_TOLL), MAX_TOLL)])
def test_a_plausible_toll_is_read_without_a_notice(data, value, expected):
    result = imported(data, one_row("gtd", nkill=value))
    killed = result.attacks["killed_low"].iloc[0]
    assert (killed is pd.NA) if expected is pd.NA else killed == expected
    assert reported(result) == []


@pytest.mark.parametrize("year", ["0", "-5", "1", "1e3", "1969", "20155", "2015.5", "MMXV"])
def test_a_gtd_year_outside_the_span_leaves_the_row_out(data, year):
    result = imported(data, one_row("gtd", iyear=year))
    assert len(result.attacks) == 0
    assert result.skipped_reasons() == {"date missing or not a date": [2]}
    assert reported(result) == [(2, "iyear", year, "cell_year")]


@pytest.mark.parametrize(
    "cells,precision,date,rule",
    [
        ({"imonth": "-1"}, "year", "2010-01-01", ("imonth", "-1", "cell_month")),
        ({"imonth": "13"}, "year", "2010-01-01", ("imonth", "13", "cell_month")),
        ({"imonth": "1.5"}, "year", "2010-01-01", ("imonth", "1.5", "cell_month")),
        ({"iday": "-1"}, "month", "2010-09-01", ("iday", "-1", "cell_day")),
        ({"iday": "32"}, "month", "2010-09-01", ("iday", "32", "cell_day")),
        ({"imonth": "2", "iday": "31"}, "month", "2010-02-01", ("iday", "31", "cell_day_of_month")),
        ({"imonth": "0", "iday": "0"}, "year", "2010-01-01", None),
        ({"iday": "0"}, "month", "2010-09-01", None),
        ({"iyear": "2010.0"}, "day", "2010-09-03", None),
    ],
)
def test_an_unknown_or_implausible_month_or_day_dates_the_row_less_precisely(data, cells, precision, date, rule):
    result = imported(data, one_row("gtd", **cells))
    row = result.attacks.iloc[0]
    assert (row["date_precision"], row["date"]) == (precision, pd.Timestamp(date))
    assert reported(result) == ([(2, *rule)] if rule else [])


@pytest.mark.parametrize(
    "fmt,cells,rule",
    [
        ("project", {"date": "0005-06-01"}, ("date", "0005-06-01", "cell_year")),
        ("project", {"date": "yesterday"}, ("date", "yesterday", "cell_date")),
        ("ucdp", {"date_start": "1066-10-14"}, ("date_start", "1066-10-14", "cell_year")),
        ("acled", {"event_date": "{{7*7}}"}, ("event_date", "{{7*7}}", "cell_date")),
    ],
)
def test_a_written_date_outside_the_span_leaves_the_row_out(data, fmt, cells, rule):
    result = imported(data, one_row(fmt, **cells))
    assert len(result.attacks) == 0
    assert reported(result) == [(2, *rule)]


@pytest.mark.parametrize(
    "fmt,column,value",
    [
        ("gtd", "latitude", "inf"),
        ("gtd", "longitude", "1e308"),
        ("gtd", "latitude", "north"),
        ("ucdp", "longitude", "-181"),
        ("acled", "latitude", "nan"),
        ("project", "lat", "91"),
    ],
)
def test_a_coordinate_not_finite_or_out_of_range_leaves_the_row_out(data, fmt, column, value):
    result = imported(data, one_row(fmt, **{column: value}))
    assert len(result.attacks) == 0 and result.skipped_count == 1
    assert reported(result) == [(2, column, value, "cell_coordinate")]


def test_each_rule_is_written_in_french_with_the_cells_table(data):
    raw = one_row("gtd", nkill="1e12", imonth="13", latitude="999")
    raw += one_row("gtd", eventid="2", iyear="0").split(b"\n", 1)[1]
    result = imported(data, raw)
    table = result.cell_table("fr")
    assert list(table.columns) == ["Ligne", "Colonne", "Valeur", "Problème"]
    assert list(table["Ligne"]) == [2, 2, 2, 3]
    for rule in result.cells["rule"]:
        french = rule.text("fr")
        assert french != rule.text("en") and not PLACEHOLDER.search(french)
    assert "pas un nombre entier de 0 à 50\u202f000 : lu comme inconnu" in set(table["Problème"])


def test_a_long_value_is_quoted_shortened(data):
    result = imported(data, one_row("gtd", nkill="9" * 500))
    assert result.cells["value"].iloc[0] == "9" * 40 + "…"


def cli(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geo.importer", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_command_line_reports_a_bad_toll_cell_without_a_traceback(tmp_path):
    path = tmp_path / "inf.csv"
    path.write_bytes(one_row("gtd", nkill="inf", nwound="1e20"))
    done = cli(path)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0
    assert "row 2, nkill = 'inf': not a whole number from 0 to 50,000: read as unknown" in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("format=gtd imported=1 skipped=0")


def broken_sheet_xlsx() -> bytes:
    """A workbook whose sheet XML is cut in the middle of a tag."""
    import zipfile

    good = io.BytesIO()
    pd.read_csv(io.BytesIO(one_row("gtd")), dtype=str).to_excel(good, index=False)
    out = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename.startswith("xl/worksheets/"):
                content = content[: len(content) // 2]
            target.writestr(member, content)
    return out.getvalue()


def test_a_workbook_with_broken_sheet_xml_is_refused_clearly(data, tmp_path):
    from geo.io.messages import ImportFailure

    with pytest.raises(ImportFailure) as refused:
        imported(data, broken_sheet_xlsx(), "broken.xlsx")
    assert refused.value.message.key == "import_bad_xlsx"
    path = tmp_path / "broken.xlsx"
    path.write_bytes(broken_sheet_xlsx())
    done = cli(path)
    assert "Traceback" not in done.stderr and "cannot be opened" in done.stderr
    assert (done.returncode, done.stdout.strip().splitlines()[-1]) == (1, "format=auto imported=0 skipped=0 matched=0")

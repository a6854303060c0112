"""Generated files against the importer: whatever the bytes, the result is rows with a reason for
each cell or row left out, or one ImportFailure, never another exception.

The examples are fixed (derandomized) and few, so a run stays under a minute. A longer search:
    FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/io/test_fuzz.py -q
(with FUZZ_EXAMPLES the search is random too, so each long run looks somewhere new)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.data.paths import ROOT
from geo.io.importer import import_bytes
from geo.io.messages import ImportFailure
from geo.io.sniff import EXTRA_COLUMNS, SIGNATURES

LONG = int(os.environ.get("FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=LONG or 12,
    derandomize=not LONG,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

HOSTILE = [
    "{{7*7}}",
    "${7*7}",
    "{% raw %}",
    '=HYPERLINK("http://x")',
    "+1+1",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "</td></tr>",
    "'; DROP TABLE attacks; --",
    "\u202eevil",
    "Душанбе",
    "",
]
EXTREME = [
    "inf",
    "-inf",
    "nan",
    "1e20",
    "1e308",
    "-1e308",
    "1e-320",
    "0",
    "-0",
    "99999999999999999999",
    "0x10",
    "1,5",
    "٣",
]


def cell_text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(HOSTILE + EXTREME), st.text(max_size=30))


@st.composite
def export(draw) -> bytes:
    """A CSV in one format's columns, each cell from a hostile or extreme pool, in some encoding,
    perhaps cut short or with bytes flipped."""
    fmt = draw(st.sampled_from(["gtd", "ucdp", "acled", "project"]))
    columns = list(dict.fromkeys(SIGNATURES[fmt] + EXTRA_COLUMNS[fmt]))
    rows = draw(st.lists(st.lists(cell_text(), min_size=len(columns), max_size=len(columns)), min_size=1, max_size=6))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "latin-1"]))
    raw = out.getvalue().encode(encoding, errors="replace")
    cut = draw(st.one_of(st.none(), st.integers(0, len(raw))))
    raw = raw if cut is None else raw[:cut]
    for position, value in draw(
        st.lists(st.tuples(st.integers(0, max(len(raw) - 1, 0)), st.integers(0, 255)), max_size=3)
    ):
        if raw:
            raw = raw[:position] + bytes([value]) + raw[position + 1 :]
    return raw


def assert_clean(data, raw: bytes, name: str) -> None:
    try:
        result = import_bytes(raw, name, data)
    except ImportFailure as failure:
        assert failure.message.text("en") and failure.message.text("fr")
        return
    assert len(result.attacks) + result.skipped_count >= 0
    assert set(result.cells.columns) == {"row", "column", "value", "rule"}
    for rule in result.cells["rule"]:
        assert rule.text("fr")
    result.report()
    result.cell_table("fr")
    result.skipped_table("fr")


@FUZZ
@given(raw=export())
def test_a_generated_export_imports_or_fails_clearly(data, raw):
    assert_clean(data, raw, "generated.csv")


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_random_bytes_import_or_fail_clearly(data, raw):
    assert_clean(data, raw, "random.csv")


def workbook(cells: list[list[str]]) -> bytes:
    columns = list(dict.fromkeys(SIGNATURES["gtd"] + EXTRA_COLUMNS["gtd"]))
    out = io.BytesIO()
    pd.DataFrame(cells, columns=columns).to_excel(out, index=False)
    return out.getvalue()


GTD_WIDTH = len(dict.fromkeys(SIGNATURES["gtd"] + EXTRA_COLUMNS["gtd"]))


@settings(FUZZ, max_examples=LONG or 6)
@given(
    cells=st.lists(
        st.lists(st.sampled_from(HOSTILE + EXTREME), min_size=GTD_WIDTH, max_size=GTD_WIDTH), min_size=1, max_size=3
    ),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_a_generated_workbook_imports_or_fails_clearly(data, cells, cut):
    raw = workbook([[c.replace("\u202e", "") for c in row] for row in cells])
    assert_clean(data, raw if cut is None else raw[: int(len(raw) * cut)], "generated.xlsx")


CLI_CASES = [
    b"\xff\xfe\x00\x00garbage",
    b"eventid,iyear,imonth,iday,country_txt,latitude,longitude,specificity,gname,nkill,nwound\n"
    b"1,{{7*7}},=1+1,<b>,Tajikistan,inf,1e308,1,=cmd,1e20,-inf\n",
    b"PK\x03\x04" + b"\x00" * 100,
]


@pytest.mark.parametrize("raw", CLI_CASES, ids=["bom-garbage", "hostile-gtd", "fake-zip"])
def test_the_command_line_never_prints_a_traceback(tmp_path, raw):
    path = tmp_path / "case.csv"
    path.write_bytes(raw)
    done = subprocess.run(
        [sys.executable, "-m", "geo.importer", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("format=")

"""Reading big or hostile files: rows in chunks with progress, XLSX within limits, encodings that
change mid-file, binary data past the head."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from geo.data.paths import ROOT
from geo.io import sniff
from geo.io.importer import import_bytes
from geo.io.messages import ImportFailure
from tests.io.test_plausibility import one_row

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
GTD = FIXTURES / "gtd_sample_latin1.csv"


def refusal(data, raw: bytes, name: str = "file.csv") -> ImportFailure:
    with pytest.raises(ImportFailure) as refused:
        import_bytes(raw, name, data)
    return refused.value


def test_rows_read_in_chunks_give_the_same_result_with_progress(data, monkeypatch):
    whole = import_bytes(GTD.read_bytes(), GTD.name, data)
    monkeypatch.setattr(sniff, "CHUNK_ROWS", 2)
    told = []
    chunked = import_bytes(GTD.read_bytes(), GTD.name, data, progress=lambda done, total: told.append((done, total)))
    assert told == [(2, 9), (4, 9), (6, 9), (8, 9), (9, 9)]
    assert list(chunked.attacks["id"]) == list(whole.attacks["id"])
    # Row 10 repeats row 2's event, four chunks later.
    assert chunked.skipped == whole.skipped and chunked.skipped_reasons()[
        "duplicate event id (an earlier row with it was kept)"
    ] == [10]
    assert chunked.cells.equals(whole.cells) and chunked.warnings == whole.warnings


def test_ids_made_in_several_chunks_are_counted_once(data, monkeypatch, tmp_path):
    monkeypatch.setattr(sniff, "CHUNK_ROWS", 1)
    raw = one_row("project", id="") + one_row("project", id="", city="Osh").split(b"\n", 1)[1]
    result = import_bytes(raw, "ids.csv", data)
    assert [(w.key, dict(w.values)["n"]) for w in result.warnings] == [("import_ids_made", 2)]


def test_the_command_line_shows_progress_on_stderr_and_keeps_its_last_line():
    done = subprocess.run(
        [sys.executable, "-m", "geo.importer", str(GTD)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "read 9 of about 9 rows (100%)" in done.stderr
    assert done.stdout.strip().splitlines()[-1] == "format=gtd imported=5 skipped=4 matched=1"


@pytest.mark.parametrize(
    "raw,key,line",
    [
        # UTF-8 Cyrillic, then a Latin-1 accent.
        ("id,city\n1,Душанбе\n".encode() + "2,Qaléh\n".encode("latin-1"), "import_mixed_encoding", (2, 3)),
        # A Latin-1 part first, then UTF-8.
        ("id,city\n1,Qaléh\n".encode("latin-1") + "2,Душанбе\n".encode(), "import_mixed_encoding", (3, 2)),
    ],
)
def test_a_file_mixing_utf8_with_another_encoding_is_refused(data, raw, key, line):
    refused = refusal(data, raw)
    assert refused.message.key == key
    assert (dict(refused.message.values)["utf8"], dict(refused.message.values)["other"]) == line
    assert "mêle plusieurs encodages" in refused.message.text("fr")


def test_a_single_byte_export_is_not_taken_for_a_mixed_one():
    raw = ("id,city\n" + "1,Душанбе, Хорог\n" * 50).encode("cp1251")
    assert raw.decode(sniff.encoding_of(raw, "export.csv")) == raw.decode("cp1251")


def test_a_nul_byte_past_the_head_is_refused_with_its_line(data):
    raw = GTD.read_bytes() + b"x" * 70_000 + b"\n1,\x00\x00\n"
    refused = refusal(data, raw)
    assert refused.message.key == "import_nul"
    # The file's lines, then one of x, then the one with the NUL bytes.
    assert dict(refused.message.values)["line"] == GTD.read_bytes().count(b"\n") + 2


def test_a_utf8_file_cut_inside_a_character_keeps_its_rows(data):
    raw = one_row("project", city="Душанбе")
    result = import_bytes(raw[: raw.index("Душанбе".encode()) + 3], "cut.csv", data)
    # Its one row, cut short, cannot be placed: it is reported like any other, not the file refused.
    assert (result.format, result.skipped_reasons()) == ("project", {"no coordinates": [2]})


def workbook(rows: int, columns: int = 3) -> bytes:
    frame = pd.DataFrame({f"c{i}": [f"v{i}"] * rows for i in range(columns)})
    out = io.BytesIO()
    frame.to_excel(out, index=False)
    return out.getvalue()


def zip_bomb(unpacked_mb: int) -> bytes:
    """A workbook-shaped zip whose sheet unpacks to `unpacked_mb` MB of repeated cells."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook(1))) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in source.infolist():
            if member.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(member, source.read(member))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for _ in range(unpacked_mb * 2**20 // len(row)):
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def test_a_zip_bomb_is_refused_in_seconds(data):
    bomb = zip_bomb(sniff.MAX_XLSX_XML // 2**20 + 50)
    assert len(bomb) < 2 * 2**20
    start = time.perf_counter()
    refused = refusal(data, bomb, "bomb.xlsx")
    assert time.perf_counter() - start < 5
    assert refused.message.key == "import_xlsx_unpacked"
    assert "Enregistrez-le en CSV" in refused.message.text("fr")


def gtd_workbook() -> bytes:
    out = io.BytesIO()
    pd.read_csv(GTD, encoding="latin-1", dtype=str, keep_default_na=False).to_excel(out, index=False)
    return out.getvalue()


def test_a_workbook_over_the_cell_limit_is_refused_as_it_is_read(data, monkeypatch):
    width = len(pd.read_csv(GTD, encoding="latin-1", nrows=0).columns)
    monkeypatch.setattr(sniff, "MAX_XLSX_CELLS", width * 4 + 1)
    refused = refusal(data, gtd_workbook(), "cells.xlsx")
    # Rows 2 to 5 hold four rows' cells; row 6 passes the limit.
    assert (refused.message.key, dict(refused.message.values)["row"]) == ("import_xlsx_cells", 6)


def test_a_workbook_is_read_in_chunks_with_its_sheet_row_numbers(data, monkeypatch):
    monkeypatch.setattr(sniff, "CHUNK_ROWS", 4)
    told = []
    result = import_bytes(gtd_workbook(), "gtd.xlsx", data, progress=lambda done, total: told.append((done, total)))
    assert told == [(4, 9), (8, 9), (9, 9)]
    assert result.skipped == import_bytes(GTD.read_bytes(), GTD.name, data).skipped

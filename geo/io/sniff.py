"""Reading an uploaded file's head: encoding, format signature, and the rows needed."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime

import charset_normalizer
import openpyxl
import pandas as pd

from geo.io.columns import ATTACK_COLUMNS
from geo.io.messages import ImportFailure

FORMATS = ("gtd", "ucdp", "acled", "project")


MAX_BYTES = 400 * 2**20


XLSX_MAGIC = b"PK\x03\x04"
# A workbook's XML is 10 to 30 times its zipped size, and each of its cells costs a few microseconds
# to parse: a few megabytes of zip can hold a gigabyte of XML and tie the server up for minutes. A
# workbook over either limit is refused before it is parsed, or as soon as its rows pass the cell
# limit; a CSV of the same rows has neither limit. 2 million cells are 15,000 rows of a full GTD
# export, and far more of ACLED's or UCDP's narrower ones.
MAX_XLSX_XML = 128 * 2**20
MAX_XLSX_CELLS = 2_000_000
# Rows read and checked at a time: the memory of one import grows with the rows it keeps, not with
# the text of the whole file, and a page can show how far it has got.
CHUNK_ROWS = 50_000


# The columns that tell each format apart; a file must have all of them.
SIGNATURES = {
    "gtd": (
        "eventid",
        "iyear",
        "imonth",
        "iday",
        "country_txt",
        "latitude",
        "longitude",
        "specificity",
        "gname",
        "nkill",
        "nwound",
    ),
    "ucdp": (
        "id",
        "relid",
        "year",
        "side_a",
        "side_b",
        "where_prec",
        "latitude",
        "longitude",
        "country",
        "date_prec",
        "date_start",
        "best",
        "high",
        "low",
    ),
    "acled": (
        "event_id_cnty",
        "event_date",
        "latitude",
        "longitude",
        "geo_precision",
        "time_precision",
        "actor1",
        "country",
        "fatalities",
    ),
    "project": ATTACK_COLUMNS,
}


# Columns read beyond the signature (when present): the rest of a 135-column GTD row is never loaded.
EXTRA_COLUMNS = {
    "gtd": (
        "city",
        "provstate",
        "summary",
        "attacktype1_txt",
        "targtype1_txt",
        "suicide",
        "claimed",
        "guncertain1",
        "doubtterr",
        "scite1",
        "scite2",
        "scite3",
    ),
    "ucdp": (
        "type_of_violence",
        "dyad_name",
        "where_description",
        "adm_1",
        "source_headline",
        "source_article",
        "date_end",
        "country_id",
    ),
    "acled": (
        "iso",
        "iso3",
        "admin1",
        "location",
        "event_type",
        "sub_event_type",
        "civilian_targeting",
        "notes",
        "source",
        "inter1",
    ),
    "project": (),
}


# Encodings an export is read in: UTF-8 first (it decodes cleanly or not at all), then the
# single-byte ones of the region's and Western spreadsheets, as charset-normalizer judges them.
SINGLE_BYTE = ("cp1251", "cp1252", "latin_1")
SAMPLE_BYTES = 2**20
NON_ASCII = re.compile(rb"[\x80-\xff]")
# One well-formed UTF-8 character of two to four bytes. A line of a single-byte export almost never
# has only such sequences among its non-ASCII bytes: one that has is UTF-8 text.
UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
LINES_TRIED = 1000
UTF8_TAIL = 4 * 2**20
UTF8_WINDOWS = 16
UTF8_WINDOW = 2**18
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
HEAD_BYTES = 65536
DECODE_STEP = 16 * 2**20


def line_of(raw: bytes, position: int) -> int:
    return raw.count(b"\n", 0, position) + 1


def utf8_error(raw: bytes) -> UnicodeDecodeError | None:
    """The first place `raw` is not UTF-8 (its `start` counted from the file's first byte), read a
    step at a time so that a large file is never held twice as text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(raw)
    for offset in range(0, len(raw), DECODE_STEP):
        step = view[offset : offset + DECODE_STEP]
        try:
            decoder.decode(step, final=offset + len(step) >= len(raw))
        except UnicodeDecodeError as error:
            # The decoder counts from the bytes it holds: those of this step and any it carried over.
            before = offset + len(step) - len(error.object)
            return UnicodeDecodeError("utf-8", raw, before + error.start, before + error.end, error.reason)
    return None


def whole_characters(raw: bytes) -> bytes:
    """`raw` without a UTF-8 character cut short at its very end, as a truncated download leaves it:
    its last row is then checked like any other, where the whole file would be refused."""
    if not raw or raw[-1] < 0x80:
        return raw
    error = utf8_error(raw)
    if error is not None and error.end == len(raw) and error.reason == "unexpected end of data":
        return raw[: error.start]
    return raw


def utf8_line(raw: bytes, start: int = 0, stop: int | None = None) -> int | None:
    """The first line between `start` and `stop` with non-ASCII text that reads as UTF-8 (looking at
    LINES_TRIED at most)."""
    position = start
    stop = len(raw) if stop is None else stop
    for _ in range(LINES_TRIED):
        found = UTF8_CHARACTER.search(raw, position, stop)
        if found is None:
            return None
        start = raw.rfind(b"\n", 0, found.start()) + 1
        end = raw.find(b"\n", found.end())
        end = len(raw) if end < 0 else end
        try:
            raw[start:end].decode("utf-8")
        except UnicodeDecodeError:
            position = end
            continue
        return line_of(raw, start)
    return None


def utf8_text(raw: bytes, first_error: int) -> int | None:
    """A line of UTF-8 text in a file that is not UTF-8 throughout: non-ASCII text before its first
    error (which then read as UTF-8), or a UTF-8 line in its last part or in windows spread over
    the rest, where a second export pasted after the first, or into it, would be. The windows keep
    a 400 MB file from being scanned byte by byte."""
    head = raw[:first_error]
    if not head.isascii():
        start = NON_ASCII.search(head).start()
        return line_of(raw, start)
    windows = [(max(len(raw) - UTF8_TAIL, first_error), len(raw))]
    step = max((len(raw) - first_error) // UTF8_WINDOWS, 1)
    windows += [(at, at + UTF8_WINDOW) for at in range(first_error, len(raw), step)]
    for start, stop in windows:
        found = utf8_line(raw, start, min(stop, len(raw)))
        if found is not None:
            return found
    return None


def encoding_of(raw: bytes, name: str) -> str:
    """The text encoding of an export; ImportFailure when no known encoding reads it cleanly, when
    it holds binary data, or when part of it is UTF-8 and the rest is not."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return encoding
    nul = raw.find(b"\x00")
    if 0 <= nul < HEAD_BYTES:
        raise ImportFailure("import_binary")
    if nul >= 0:
        raise ImportFailure("import_nul", name=name, line=line_of(raw, nul))
    error = utf8_error(raw)
    if error is None:
        return "utf-8"
    utf8 = utf8_text(raw, error.start)
    if utf8 is not None:
        raise ImportFailure(
            "import_mixed_encoding",
            name=name,
            utf8=utf8,
            other=line_of(raw, error.start),
            byte=f"0x{raw[error.start]:02X}",
        )
    # A megabyte from the first byte that is not ASCII holds thousands of rows: enough to judge, where
    # an ASCII-only head would tell nothing, and a 400 MB file is not read twice.
    start = NON_ASCII.search(raw).start()
    best = charset_normalizer.from_bytes(raw[start : start + SAMPLE_BYTES], cp_isolation=list(SINGLE_BYTE)).best()
    if best is None:
        raise ImportFailure("import_encoding", name=name)
    return best.encoding


def first_line(raw: bytes, encoding: str) -> str:
    """The header line of a text export."""
    # A multi-byte character cut at the end of the sample is not an encoding error.
    text = raw[:HEAD_BYTES].decode(encoding, errors="ignore")
    return text.splitlines()[0] if text.strip() else ""


def header(raw: bytes, name: str) -> tuple[list[str], str]:
    """The column names and how to read the rest ('xlsx' or a text encoding)."""
    if not raw.strip():
        raise ImportFailure("import_empty", name=name)
    if len(raw) > MAX_BYTES:
        raise ImportFailure("import_too_large", name=name, size=round(len(raw) / 2**20), limit=MAX_BYTES // 2**20)
    if raw.startswith(XLSX_MAGIC):
        return [str(c).strip() for c in next(xlsx_rows(raw, name), (1, ()))[1]], "xlsx"
    encoding = encoding_of(raw, name)
    try:
        columns = pd.read_csv(io.StringIO(first_line(raw, encoding)), nrows=0).columns
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise ImportFailure("import_unreadable", name=name, fmt="CSV", error=str(error).strip()) from error
    return columns.str.strip().tolist(), encoding


def detect(columns: list[str], name: str) -> str:
    """The format whose signature columns are all in `columns`."""
    present = set(columns)
    for fmt in FORMATS:
        if set(SIGNATURES[fmt]) <= present:
            return fmt
    closest = max(FORMATS, key=lambda fmt: len(set(SIGNATURES[fmt]) & present))
    missing = [c for c in SIGNATURES[closest] if c not in present]
    raise ImportFailure("import_unknown_header", name=name, closest=closest.upper(), missing=", ".join(missing))


def checked_zip(raw: bytes, name: str) -> None:
    """Refuse a workbook whose members would unpack to more than MAX_XLSX_XML, from the sizes its
    zip declares: Python's zipfile never unpacks a member past its declared size."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as book:
            declared = sum(member.file_size for member in book.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise ImportFailure("import_bad_xlsx", name=name, error=str(error) or type(error).__name__) from error
    if declared > MAX_XLSX_XML:
        raise ImportFailure(
            "import_xlsx_unpacked", name=name, size=round(declared / 2**20), limit=MAX_XLSX_XML // 2**20
        )


def cell_text(value) -> str:
    """A workbook cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value == datetime.combine(value.date(), datetime.min.time())
            else value.isoformat(sep=" ")
        )
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_rows(raw: bytes, name: str, width: int | None = None) -> Iterator[tuple[int, tuple]]:
    """(row number, values) of the first sheet, streamed; the header alone when `width` is None, else
    the rows after it cut to `width` cells. ImportFailure once MAX_XLSX_CELLS cells are read."""
    checked_zip(raw, name)
    cells = 0
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
        try:
            sheet = book.worksheets[0]
            if width is None:
                rows = sheet.iter_rows(min_row=1, max_row=1, values_only=True)
            else:
                rows = sheet.iter_rows(min_row=2, max_col=max(width, 1), values_only=True)
            for number, values in enumerate(rows, start=1 if width is None else 2):
                cells += max(len(values), 1)
                if cells > MAX_XLSX_CELLS:
                    raise ImportFailure("import_xlsx_cells", name=name, limit=MAX_XLSX_CELLS, row=number)
                yield number, values
        finally:
            book.close()
    except ImportFailure:
        raise
    # openpyxl parses a file of the reader's choosing: whatever a malformed workbook makes it raise
    # (bad XML, a corrupt deflate stream, a missing part, a wrong type) means the same to the reader.
    except Exception as error:
        raise ImportFailure("import_bad_xlsx", name=name, error=f"{type(error).__name__}: {error}"[:200]) from error


def expected_rows(raw: bytes, how: str) -> int:
    """About how many data rows a file has, for a progress bar (line breaks inside quotes count too)."""
    if how == "xlsx":
        try:
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
            rows = book.worksheets[0].max_row or 0
            book.close()
        except Exception:  # the rows themselves report a broken workbook, in their words
            return 0
        return max(rows - 1, 0)
    return max(raw.count(b"\n") - 1, 1)


def xlsx_chunks(raw: bytes, name: str, columns: list[str], wanted: tuple[str, ...]) -> Iterator[pd.DataFrame]:
    positions = {c: i for i, c in enumerate(columns) if c in wanted}
    numbers: list[int] = []
    cells: dict[str, list[str]] = {c: [] for c in positions}
    for number, values in xlsx_rows(raw, name, width=len(columns)):
        if not any(v is not None and str(v).strip() for v in values):
            continue
        numbers.append(number)
        for c, i in positions.items():
            cells[c].append(cell_text(values[i]) if i < len(values) else "")
        if len(numbers) == CHUNK_ROWS:
            yield pd.DataFrame(cells, index=pd.Index(numbers) - 2, dtype=str)
            numbers, cells = [], {c: [] for c in positions}
    if numbers:
        yield pd.DataFrame(cells, index=pd.Index(numbers) - 2, dtype=str)


def chunks(raw: bytes, how: str, columns: list[str], wanted: tuple[str, ...], name: str) -> Iterator[pd.DataFrame]:
    """The wanted columns of every row, as text, CHUNK_ROWS rows at a time; each row's index is its
    row number in the file less 2 (the header being row 1)."""
    if how == "xlsx":
        yield from xlsx_chunks(raw, name, columns, wanted)
        return
    reader = pd.read_csv(
        io.BytesIO(raw),
        encoding=how,
        usecols=lambda c: c.strip() in wanted,
        dtype=str,
        keep_default_na=False,
        na_values=[],
        skipinitialspace=False,
        chunksize=CHUNK_ROWS,
    )
    with reader:
        for frame in reader:
            frame.columns = frame.columns.str.strip()
            yield frame

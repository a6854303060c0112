"""Reading an uploaded file's head: encoding, format signature, and the rows needed."""

from __future__ import annotations

import codecs
import io
import re
import zipfile

import charset_normalizer
import pandas as pd

from geo.io.columns import ATTACK_COLUMNS
from geo.io.messages import ImportFailure

FORMATS = ("gtd", "ucdp", "acled", "project")


MAX_BYTES = 400 * 2**20


XLSX_MAGIC = b"PK\x03\x04"


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
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def encoding_of(raw: bytes, name: str) -> str:
    """The text encoding of an export; ImportFailure when no known encoding reads it cleanly."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return encoding
    if b"\x00" in raw[:65536]:
        raise ImportFailure("import_binary")
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
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
    text = raw[:65536].decode(encoding, errors="ignore")
    return text.splitlines()[0] if text.strip() else ""


def header(raw: bytes, name: str) -> tuple[list[str], str]:
    """The column names and how to read the rest ('xlsx' or a text encoding)."""
    if not raw.strip():
        raise ImportFailure("import_empty", name=name)
    if len(raw) > MAX_BYTES:
        raise ImportFailure("import_too_large", name=name, size=round(len(raw) / 2**20), limit=MAX_BYTES // 2**20)
    if raw.startswith(XLSX_MAGIC):
        try:
            columns = pd.read_excel(io.BytesIO(raw), nrows=0, engine="openpyxl").columns
        except (ValueError, zipfile.BadZipFile, KeyError) as error:
            raise ImportFailure("import_bad_xlsx", name=name, error=str(error)) from error
        return [str(c).strip() for c in columns], "xlsx"
    encoding = encoding_of(raw, name)
    columns = pd.read_csv(io.StringIO(first_line(raw, encoding)), nrows=0).columns.str.strip().tolist()
    return columns, encoding


def detect(columns: list[str], name: str) -> str:
    """The format whose signature columns are all in `columns`."""
    present = set(columns)
    for fmt in FORMATS:
        if set(SIGNATURES[fmt]) <= present:
            return fmt
    closest = max(FORMATS, key=lambda fmt: len(set(SIGNATURES[fmt]) & present))
    missing = [c for c in SIGNATURES[closest] if c not in present]
    raise ImportFailure("import_unknown_header", name=name, closest=closest.upper(), missing=", ".join(missing))


def read_rows(raw: bytes, how: str, columns: list[str], wanted: tuple[str, ...]) -> pd.DataFrame:
    """The wanted columns of every row, as text."""
    usecols = [c for c in columns if c in wanted]
    if how == "xlsx":
        frame = pd.read_excel(io.BytesIO(raw), dtype=str, engine="openpyxl")
        frame.columns = [str(c).strip() for c in frame.columns]
        return frame[usecols].fillna("").astype(str)
    return pd.read_csv(
        io.BytesIO(raw),
        encoding=how,
        usecols=usecols,
        dtype=str,
        keep_default_na=False,
        na_values=[],
        skipinitialspace=False,
    )

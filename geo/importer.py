"""Bring your own data: GTD, UCDP GED, ACLED and project-schema exports, read into the attacks schema.

Usage: python -m geo.importer FILE [--format auto|gtd|ucdp|acled|project]

The format is recognised from the header. Rows that cannot be placed on the map or in time
are skipped and reported, grouped by reason; the good rows are kept. Nothing is ever written
to the committed data.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pycountry

from geo.countries import SHORT_NAMES
from geo.i18n import t
from geo.load import typed_attacks
from geo.schema import SPECS
from geo.tables import FORMULA_PREFIXES
from geo import vocab
from geo.vocab import UNKNOWN_GROUP

FORMATS = ("gtd", "ucdp", "acled", "project")
MAX_BYTES = 400 * 2**20
XLSX_MAGIC = b"PK\x03\x04"
# The columns that tell each format apart; a file must have all of them.
SIGNATURES = {
    "gtd": ("eventid", "iyear", "imonth", "iday", "country_txt", "latitude", "longitude", "specificity", "gname",
            "nkill", "nwound"),
    "ucdp": ("id", "relid", "year", "side_a", "side_b", "where_prec", "latitude", "longitude", "country",
             "date_prec", "date_start", "best", "high", "low"),
    "acled": ("event_id_cnty", "event_date", "latitude", "longitude", "geo_precision", "time_precision", "actor1",
              "country", "fatalities"),
    "project": tuple(SPECS["attacks"].columns),
}
# Columns read beyond the signature (when present): the rest of a 135-column GTD row is never loaded.
EXTRA_COLUMNS = {
    "gtd": ("city", "provstate", "summary", "attacktype1_txt", "targtype1_txt", "suicide", "claimed", "guncertain1",
            "doubtterr", "scite1", "scite2", "scite3"),
    "ucdp": ("type_of_violence", "dyad_name", "where_description", "adm_1", "source_headline", "source_article",
             "date_end"),
    "acled": ("iso", "iso3", "admin1", "location", "event_type", "sub_event_type", "civilian_targeting", "notes",
              "source", "inter1"),
    "project": (),
}
ATTACK_COLUMNS = tuple(SPECS["attacks"].columns)

GTD_ATTACK_TYPES = {
    "Bombing/Explosion": "bombing", "Armed Assault": "armed_assault", "Assassination": "assassination",
    "Hostage Taking (Kidnapping)": "hostage_taking", "Hostage Taking (Barricade Incident)": "hostage_taking",
    "Hijacking": "hostage_taking", "Facility/Infrastructure Attack": "arson",
}
GTD_TARGET_TYPES = {
    "Private Citizens & Property": "civilians", "Government (General)": "government",
    "Government (Diplomatic)": "diplomatic", "Military": "military", "Police": "police",
    "Religious Figures/Institutions": "religious", "Transportation": "transport", "Airports & Aircraft": "transport",
    "Maritime": "transport", "Business": "business", "Educational Institution": "education", "Tourists": "tourists",
    "Journalists & Media": "journalists",
}
# GTD specificity: 1 the city itself, 2-4 a district or province, 5 the country.
GTD_PLACE = {"1": "city", "2": "province", "3": "province", "4": "province", "5": "country"}
# UCDP where_prec: 1 exact, 2 within 25 km, 3 second-order region, 4 first-order region, 5 linear feature,
# 6 country, 7 international waters or airspace; date_prec: 1 day, 2-4 within a week or month, 5 longer.
UCDP_PLACE = {"1": "exact", "2": "city", "3": "province", "4": "province", "5": "province", "6": "country", "7": "country"}
UCDP_DATE = {"1": "day", "2": "month", "3": "month", "4": "month", "5": "year"}
# ACLED geo_precision: 1 the town, 2 near it or its district, 3 the region; time_precision: 1 day, 2 week, 3 month.
ACLED_PLACE = {"1": "city", "2": "province", "3": "province"}
ACLED_DATE = {"1": "day", "2": "month", "3": "month"}


@dataclass(frozen=True)
class Message:
    """A text for the reader, kept as its key in geo.i18n and the values it names, so that each
    page shows it in its session's language (and the command line in English)."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "en") -> str:
        return t(self.key, lang, **dict(self.values))


def message(key: str, **values) -> Message:
    return Message(key, tuple(sorted(values.items())))


class ImportFailure(Exception):
    """A file that cannot be imported at all: what is wrong, where, and how to fix it."""

    def __init__(self, key: str, **values):
        self.message = message(key, **values)
        super().__init__(self.message.text())


@dataclass
class ImportResult:
    """The events read from one file, and the rows left out with their reasons."""

    name: str
    format: str
    attacks: gpd.GeoDataFrame
    skipped: dict[Message, list[int]] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)

    @property
    def skipped_count(self) -> int:
        return sum(len(rows) for rows in self.skipped.values())

    def skipped_reasons(self, lang: str = "en") -> dict[str, list[int]]:
        """The file's row numbers left out, by reason written in `lang`."""
        return {reason.text(lang): rows for reason, rows in self.skipped.items()}

    def skipped_table(self, lang: str, shown: int = 30) -> pd.DataFrame:
        """One line per reason with the first `shown` row numbers, for a page to list."""
        return pd.DataFrame({t("reason", lang): [reason.text(lang) for reason in self.skipped],
                             t("rows_label", lang): [", ".join(map(str, rows[:shown])) for rows in self.skipped.values()]})

    def report(self) -> str:
        """What a person reading a terminal needs: format, counts, reasons with their rows."""
        lines = [f"{self.name}: {self.format.upper()} export", f"imported {len(self.attacks)} rows"]
        if self.skipped:
            lines.append(f"skipped {self.skipped_count} rows:")
            for reason, rows in sorted(self.skipped.items(), key=lambda item: -len(item[1])):
                shown = ", ".join(str(r) for r in rows[:10]) + (" ..." if len(rows) > 10 else "")
                lines.append(f"  {len(rows)} x {reason.text()} (rows {shown})")
        lines += [f"warning: {w.text()}" for w in self.warnings]
        lines.append(f"format={self.format} imported={len(self.attacks)} skipped={self.skipped_count}")
        return "\n".join(lines)


# ---------- reading ----------

def _decode_head(raw: bytes) -> tuple[str, str]:
    """The file's text encoding and its first line."""
    head = raw[:65536]
    if b"\x00" in head:
        raise ImportFailure("import_binary")
    for encoding in ("utf-8-sig", "latin-1"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        # A cut multi-byte character at the end of the sample is not an encoding error.
        return encoding, text.splitlines()[0] if text.strip() else ""
    raise ImportFailure("import_encoding")


def _utf8_or_latin1(raw: bytes) -> str:
    try:
        raw.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "latin-1"


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
    _, first = _decode_head(raw)
    columns = pd.read_csv(io.StringIO(first), nrows=0).columns.str.strip().tolist()
    return columns, _utf8_or_latin1(raw)


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
    return pd.read_csv(io.BytesIO(raw), encoding=how, usecols=usecols, dtype=str, keep_default_na=False,
                       na_values=[], skipinitialspace=False)


# ---------- shared mapping helpers ----------

def _numbers(series: pd.Series) -> pd.Series:
    """Whole non-negative numbers from text such as '3' or '3.0'; anything else is unknown."""
    values = pd.to_numeric(series, errors="coerce")
    values = values.where(values >= 0)
    return values.round().astype("Int64")


def country_index(countries: gpd.GeoDataFrame) -> dict[str, str]:
    """Lowercased country names (ISO, Natural Earth and the short forms we show) to ISO3 codes."""
    index = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index[value.lower()] = country.alpha_3
    for code, name in SHORT_NAMES["en"].items():
        index[name.lower()] = code
    for code, name in zip(countries["iso3"], countries["name_en"]):
        if code:
            index[str(name).lower()] = code
    return index


def iso3_codes(names: pd.Series, lat: pd.Series, lon: pd.Series, countries: gpd.GeoDataFrame) -> pd.Series:
    """ISO3 code of each row: from the country name, else from the country the point falls in."""
    index = country_index(countries)
    unique = pd.Series(names.unique())
    by_name = dict(zip(unique, unique.str.strip().str.lower().map(index)))
    codes = names.map(by_name)
    unknown = codes.isna() & lat.notna() & lon.notna()
    if unknown.any():
        points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon[unknown], lat[unknown]), index=lat[unknown].index,
                                  crs="EPSG:4326")
        shapes = countries.loc[countries["iso3"] != "", ["iso3", "geometry"]]
        found = gpd.sjoin(points, shapes, how="left", predicate="within")
        found = found[~found.index.duplicated()]
        codes.loc[unknown] = found["iso3"]
    return codes.fillna("")


def _iso_numeric(series: pd.Series) -> pd.Series:
    """ISO 3166 numeric codes (ACLED's `iso`) to alpha-3."""
    def convert(value: str) -> str | None:
        digits = str(value).split(".")[0].strip()
        country = pycountry.countries.get(numeric=digits.zfill(3)) if digits.isdigit() else None
        return country.alpha_3 if country else None
    unique = series.unique()
    return series.map(dict(zip(unique, map(convert, unique))))


def group_ids(names: pd.Series, codes: pd.Series, aliases: pd.DataFrame, dataset: str) -> pd.Series:
    """Project group ids for the dataset's actor names; unknown names keep their own name as their id."""
    own = aliases[aliases["dataset"] == dataset]
    general = dict(zip(own.loc[own["country_iso3"] == "", "name"], own.loc[own["country_iso3"] == "", "group_id"]))
    by_country = {(n, c): g for n, c, g in zip(own["name"], own["country_iso3"], own["group_id"]) if c}
    cleaned = names.fillna("").str.strip()
    mapped = [by_country.get((n, c)) or general.get(n) or (UNKNOWN_GROUP if n.lower() in ("", "unknown") else n)
              for n, c in zip(cleaned, codes)]
    return pd.Series(mapped, index=names.index)


def _first_day(year: pd.Series, month: pd.Series, day: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates from year, month and day numbers where 0 or empty means unknown, and their precision."""
    y = pd.to_numeric(year, errors="coerce")
    m = pd.to_numeric(month, errors="coerce").fillna(0)
    d = pd.to_numeric(day, errors="coerce").fillna(0)
    precision = np.where(m == 0, "year", np.where(d == 0, "month", "day"))
    frame = pd.DataFrame({"year": y, "month": m.where(m > 0, 1), "day": d.where(d > 0, 1)})
    dates = pd.to_datetime(frame, errors="coerce")
    return dates, pd.Series(precision, index=year.index)


def _text(*parts: pd.Series) -> pd.Series:
    """The first non-empty text among `parts`, row by row."""
    result = parts[0].fillna("").astype(str)
    for part in parts[1:]:
        result = result.where(result.str.strip() != "", part.fillna("").astype(str))
    return result


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series("", index=frame.index)


# ---------- one mapper per format: text rows in, attacks columns out ----------

def from_gtd(rows: pd.DataFrame) -> pd.DataFrame:
    dates, precision = _first_day(rows["iyear"], rows["imonth"], rows["iday"])
    suicide = _column(rows, "suicide") == "1"
    attack_type = _column(rows, "attacktype1_txt").map(GTD_ATTACK_TYPES).fillna("other")
    claimed = _column(rows, "claimed") == "1"
    uncertain = _column(rows, "guncertain1") == "1"
    killed, wounded = _numbers(rows["nkill"]), _numbers(rows["nwound"])
    citations = _column(rows, "scite1").str.cat([_column(rows, "scite2"), _column(rows, "scite3")], sep="\n")
    return pd.DataFrame({
        "id": "gtd-" + rows["eventid"].str.strip(), "date": dates, "date_precision": precision,
        "city": _text(_column(rows, "city").replace("Unknown", ""), _column(rows, "provstate")),
        "country_name": rows["country_txt"], "lat": rows["latitude"], "lon": rows["longitude"],
        "location_precision": rows["specificity"].str.strip().map(GTD_PLACE).fillna("country"),
        "actor": rows["gname"], "responsibility": np.where(claimed, "claimed", np.where(uncertain, "suspected", "attributed")),
        "perpetrator_nationalities": "",
        "attack_type": attack_type.where(~(suicide & (attack_type == "bombing")), "suicide_bombing"),
        "target_type": _column(rows, "targtype1_txt").map(GTD_TARGET_TYPES).fillna("other"),
        "killed_low": killed, "killed_high": killed, "wounded_low": wounded, "wounded_high": wounded,
        "foiled": False, "summary": _column(rows, "summary"), "citations": citations.str.strip(),
        "doubt": _column(rows, "doubtterr") == "1",
    }, index=rows.index)


def from_ucdp(rows: pd.DataFrame) -> pd.DataFrame:
    one_sided = _column(rows, "type_of_violence").str.strip() == "3"
    low, best, high = _numbers(rows["low"]), _numbers(rows["best"]), _numbers(rows["high"])
    dates = pd.to_datetime(rows["date_start"].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    summary = _text(_column(rows, "source_headline"),
                    _column(rows, "dyad_name") + ": " + _column(rows, "where_description"))
    return pd.DataFrame({
        "id": "ucdp-" + rows["id"].str.strip(), "date": dates,
        "date_precision": rows["date_prec"].str.strip().map(UCDP_DATE).fillna("year"),
        "city": _text(_column(rows, "where_description"), _column(rows, "adm_1")), "country_name": rows["country"],
        "lat": rows["latitude"], "lon": rows["longitude"],
        "location_precision": rows["where_prec"].str.strip().map(UCDP_PLACE).fillna("country"),
        "actor": rows["side_a"].where(one_sided, rows["side_b"]), "responsibility": "attributed",
        "perpetrator_nationalities": "", "attack_type": "other",
        "target_type": np.where(one_sided, "civilians", "other"),
        "killed_low": low.fillna(best), "killed_high": high.fillna(best), "wounded_low": pd.NA, "wounded_high": pd.NA,
        "foiled": False, "summary": summary, "citations": _column(rows, "source_article"), "doubt": False,
    }, index=rows.index)


def _acled_dates(text: pd.Series) -> pd.Series:
    """ACLED dates, written '2020-03-21' in current exports and '21 March 2020' in older ones."""
    iso = pd.to_datetime(text.str.strip(), format="%Y-%m-%d", errors="coerce")
    spelled = pd.to_datetime(text.str.strip(), format="%d %B %Y", errors="coerce")
    return iso.fillna(spelled)


def from_acled(rows: pd.DataFrame) -> pd.DataFrame:
    sub = _column(rows, "sub_event_type").str.strip()
    event = _column(rows, "event_type").str.strip()
    attack_type = np.select([sub == "Suicide bomb", event == "Explosions/Remote violence",
                             event.isin(["Battles", "Violence against civilians"])],
                            ["suicide_bombing", "bombing", "armed_assault"], "other")
    civilians = (event == "Violence against civilians") | (_column(rows, "civilian_targeting").str.strip() != "")
    killed = _numbers(rows["fatalities"])
    codes = _column(rows, "iso3") if "iso3" in rows else _iso_numeric(_column(rows, "iso"))
    return pd.DataFrame({
        "id": "acled-" + rows["event_id_cnty"].str.strip(), "date": _acled_dates(rows["event_date"]),
        "date_precision": rows["time_precision"].str.strip().map(ACLED_DATE).fillna("month"),
        "city": _text(_column(rows, "location"), _column(rows, "admin1")),
        "country_name": rows["country"], "iso3_given": codes,
        "lat": rows["latitude"], "lon": rows["longitude"],
        "location_precision": rows["geo_precision"].str.strip().map(ACLED_PLACE).fillna("province"),
        "actor": rows["actor1"], "responsibility": "attributed", "perpetrator_nationalities": "",
        "attack_type": attack_type, "target_type": np.where(civilians, "civilians", "other"),
        "killed_low": killed, "killed_high": killed, "wounded_low": pd.NA, "wounded_high": pd.NA,
        "foiled": False, "summary": _column(rows, "notes"), "citations": _column(rows, "source"), "doubt": False,
    }, index=rows.index)


def from_project(rows: pd.DataFrame) -> pd.DataFrame:
    out = rows.rename(columns={"group_id": "group_given"}).copy()
    out["date"] = pd.to_datetime(rows["date"], format="%Y-%m-%d", errors="coerce")
    out["country_name"] = rows["country_iso3"]
    out["actor"] = rows["group_id"]
    out["summary"] = rows["summary_en"]
    for column in ("killed_low", "killed_high", "wounded_low", "wounded_high"):
        out[column] = _numbers(rows[column])
    out["foiled"] = rows["foiled"].str.strip().str.lower() == "true"
    out["citations"] = rows["source_ids"]
    out["doubt"] = False
    return out


MAPPERS = {"gtd": from_gtd, "ucdp": from_ucdp, "acled": from_acled, "project": from_project}


# ---------- checks on the mapped rows ----------

VOCABULARIES = {"date_precision": vocab.DATE_PRECISIONS, "location_precision": vocab.LOCATION_PRECISIONS,
                "responsibility": vocab.RESPONSIBILITIES, "attack_type": vocab.ATTACK_TYPES,
                "target_type": vocab.TARGET_TYPES}


def problems(mapped: pd.DataFrame) -> pd.Series:
    """The reason each row cannot be kept (None when it can), first problem first."""
    vocabulary = [(~mapped[column].isin(values), message("skip_vocabulary", column=column, values=", ".join(values)))
                  for column, values in VOCABULARIES.items()]
    lat = pd.to_numeric(mapped["lat"], errors="coerce")
    lon = pd.to_numeric(mapped["lon"], errors="coerce")
    checks = [
        (mapped["id"].str.strip().isin(["", "gtd-", "ucdp-", "acled-"]), message("skip_no_id")),
        (mapped["date"].isna(), message("skip_no_date")),
        (mapped["date"] > pd.Timestamp.now(), message("skip_future_date")),
        (lat.isna() | lon.isna(), message("skip_no_coordinates")),
        (~lat.between(-90, 90) | ~lon.between(-180, 180), message("skip_coordinates_range")),
        ((mapped["killed_low"] > mapped["killed_high"]).fillna(False), message("skip_killed_order")),
        *vocabulary,
    ]
    reason = pd.Series(None, index=mapped.index, dtype=object)
    for failed, why in reversed(checks):
        reason = reason.mask(failed.fillna(False).astype(bool), why)
    kept = reason.isna()
    repeated = mapped.loc[kept, "id"].duplicated()
    return reason.mask(repeated.reindex(mapped.index, fill_value=False), message("skip_duplicate_id"))


def formula_cells(mapped: pd.DataFrame) -> int:
    """How many text cells would run as a spreadsheet formula if exported as they are."""
    text = mapped[["city", "summary", "actor", "citations"]].fillna("").astype(str)
    return int(sum(text[c].str.startswith(FORMULA_PREFIXES).sum() for c in text))


def finish(mapped: pd.DataFrame, fmt: str, name: str, aliases: pd.DataFrame,
           countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Kept rows in the attacks schema, typed as the curated attacks are, with their origin."""
    lat = pd.to_numeric(mapped["lat"], errors="coerce")
    lon = pd.to_numeric(mapped["lon"], errors="coerce")
    if "country_iso3" in mapped and fmt == "project":
        codes = mapped["country_iso3"]
    else:
        codes = iso3_codes(mapped["country_name"], lat, lon, countries)
        if "iso3_given" in mapped:
            codes = mapped["iso3_given"].where(mapped["iso3_given"].fillna("") != "", codes)
    groups = mapped["group_given"] if fmt == "project" else group_ids(mapped["actor"], codes, aliases, fmt)
    text = pd.DataFrame({
        "id": mapped["id"], "date": mapped["date"].dt.strftime("%Y-%m-%d"), "date_precision": mapped["date_precision"],
        "city": mapped["city"].fillna(""), "country_iso3": codes, "lat": lat.astype(str), "lon": lon.astype(str),
        "location_precision": mapped["location_precision"], "group_id": groups,
        "responsibility": mapped["responsibility"], "perpetrator_nationalities": mapped["perpetrator_nationalities"],
        "attack_type": mapped["attack_type"], "target_type": mapped["target_type"],
        **{c: mapped[c].astype("Int64").astype(str).replace("<NA>", "") for c in
           ("killed_low", "killed_high", "wounded_low", "wounded_high")},
        "foiled": mapped["foiled"].map({True: "true", False: "false"}),
        "summary_en": mapped["summary"].fillna(""), "summary_fr": mapped["summary"].fillna(""),
        "source_ids": "", "notes": "",
    })
    typed = typed_attacks(text.reset_index(drop=True), countries)
    typed["origin"] = f"{fmt.upper()} · {name}"
    typed["citations"] = mapped["citations"].fillna("").to_numpy()
    typed["doubt"] = mapped["doubt"].astype(bool).to_numpy()
    return typed


def import_bytes(raw: bytes, name: str, aliases: pd.DataFrame, countries: gpd.GeoDataFrame,
                 fmt: str = "auto") -> ImportResult:
    """Read one export; raises ImportFailure when nothing in it can be used."""
    columns, how = header(raw, name)
    if fmt == "auto":
        fmt = detect(columns, name)
    elif fmt not in FORMATS:
        raise ImportFailure("import_unknown_format", fmt=fmt, formats=", ".join(FORMATS))
    missing = [c for c in SIGNATURES[fmt] if c not in columns]
    if missing:
        raise ImportFailure("import_missing_columns", name=name, fmt=fmt.upper(), missing=", ".join(missing))
    try:
        rows = read_rows(raw, how, columns, SIGNATURES[fmt] + EXTRA_COLUMNS[fmt])
    except (pd.errors.ParserError, ValueError, UnicodeDecodeError) as error:
        raise ImportFailure("import_unreadable", name=name, fmt=fmt.upper(), error=str(error)) from error
    if not len(rows):
        raise ImportFailure("import_no_rows", name=name)
    mapped = MAPPERS[fmt](rows)
    reasons = problems(mapped)
    mapped_ok = mapped[reasons.isna()]
    kept = finish(mapped_ok, fmt, name, aliases, countries) if len(mapped_ok) else None
    no_country = kept["country_iso3"] == "" if kept is not None else pd.Series(dtype=bool)
    skipped: dict[Message, list[int]] = {}
    for index, reason in reasons.dropna().items():
        skipped.setdefault(reason, []).append(int(index) + 2)
    if kept is not None and no_country.any():
        rows_without = [int(i) + 2 for i, bad in zip(mapped_ok.index, no_country) if bad]
        skipped[message("skip_no_country")] = rows_without
        kept = kept[~no_country.to_numpy()].reset_index(drop=True)
    warnings = []
    formulas = formula_cells(mapped_ok) if len(mapped_ok) else 0
    if formulas:
        warnings.append(message("import_formulas", n=formulas))
    empty = kept.iloc[0:0] if kept is not None else typed_attacks(pd.DataFrame(columns=ATTACK_COLUMNS), countries)
    return ImportResult(name, fmt, kept if kept is not None else empty, skipped, warnings)


def digest(raw: bytes) -> str:
    """A short fingerprint of a file's bytes, to cache and recognise an import."""
    return hashlib.sha256(raw).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.importer", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", default="auto", choices=("auto",) + FORMATS)
    args = parser.parse_args(argv)
    from geo.load import load_dataset
    data = load_dataset()
    try:
        result = import_bytes(args.file.read_bytes(), args.file.name, data.group_aliases, data.countries, args.format)
    except (ImportFailure, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        print(f"format={args.format} imported=0 skipped=0")
        return 1
    print(result.report())
    return 0 if len(result.attacks) else 1


if __name__ == "__main__":
    sys.exit(main())

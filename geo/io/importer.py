"""One import from bytes to typed attacks, with every skipped row reported."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import geopandas as gpd
import pandas as pd

from geo.data.load import Dataset, typed_attacks
from geo.io.acled import from_acled
from geo.io.checks import formula_cells, problems, repaired
from geo.io.columns import ATTACK_COLUMNS, joined, no_problems, row_number
from geo.io.gtd import from_gtd
from geo.io.linking import Link, links
from geo.io.messages import ImportFailure, Message, message
from geo.io.places import gazetteer, group_ids, iso3_codes
from geo.io.project import from_project
from geo.io.sniff import (
    EXTRA_COLUMNS,
    FORMATS,
    SIGNATURES,
    XLSX_MAGIC,
    chunks,
    detect,
    expected_rows,
    header,
    whole_characters,
)
from geo.io.ucdp import from_ucdp
from geo.text.i18n import t


@dataclass
class ImportResult:
    """The events read from one file, and the rows left out with their reasons."""

    name: str
    format: str
    attacks: gpd.GeoDataFrame
    skipped: dict[Message, list[int]] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)
    # Imported rows that are the same event as a curated attack (see `linked_to`).
    links: list[Link] = field(default_factory=list)
    # Each cell that broke a plausibility rule: its row, the file's column, its value (shortened)
    # and the rule, a Message that also says what became of the cell or its row.
    cells: pd.DataFrame = field(default_factory=no_problems)

    @property
    def matched(self) -> int:
        return len(self.links)

    @property
    def skipped_count(self) -> int:
        return sum(len(rows) for rows in self.skipped.values())

    def skipped_reasons(self, lang: str = "en") -> dict[str, list[int]]:
        """The file's row numbers left out, by reason written in `lang`."""
        return {reason.text(lang): rows for reason, rows in self.skipped.items()}

    def skipped_table(self, lang: str, shown: int = 30) -> pd.DataFrame:
        """One line per reason with the first `shown` row numbers, for a page to list."""
        return pd.DataFrame(
            {
                t("reason", lang): [reason.text(lang) for reason in self.skipped],
                t("rows_label", lang): [", ".join(map(str, rows[:shown])) for rows in self.skipped.values()],
            }
        )

    def cell_table(self, lang: str, shown: int = 500) -> pd.DataFrame:
        """The first `shown` cells that broke a rule, one line each, for a page to list."""
        cells = self.cells.head(shown)
        return pd.DataFrame(
            {
                t("cell_row", lang): cells["row"].to_numpy(),
                t("cell_column", lang): cells["column"].to_numpy(),
                t("cell_value", lang): cells["value"].to_numpy(),
                t("cell_rule", lang): [rule.text(lang) for rule in cells["rule"]],
            }
        )

    def report(self, cells_shown: int = 20) -> str:
        """What a person reading a terminal needs: format, counts, reasons with their rows, and the
        first `cells_shown` cells that broke a rule."""
        lines = [f"{self.name}: {self.format.upper()} export", f"imported {len(self.attacks)} rows"]
        if self.skipped:
            lines.append(f"skipped {self.skipped_count} rows:")
            for reason, rows in sorted(self.skipped.items(), key=lambda item: -len(item[1])):
                shown = ", ".join(str(r) for r in rows[:10]) + (" ..." if len(rows) > 10 else "")
                lines.append(f"  {len(rows)} x {reason.text()} (rows {shown})")
        if len(self.cells):
            lines.append(t("import_cells", n=len(self.cells)))
            for cell in self.cells.head(cells_shown).itertuples():
                lines.append(f"  row {cell.row}, {cell.column} = {cell.value!r}: {cell.rule.text()}")
            if len(self.cells) > cells_shown:
                lines.append(f"  ... {len(self.cells) - cells_shown} more")
        lines += [f"warning: {w.text()}" for w in self.warnings]
        if self.links:
            lines.append(f"matched {self.matched} rows to curated attacks")
        lines.append(
            f"format={self.format} imported={len(self.attacks)} skipped={self.skipped_count} matched={self.matched}"
        )
        return "\n".join(lines)


def linked_to(result: ImportResult, curated: pd.DataFrame) -> ImportResult:
    """`result` with each imported row that is the same event as a curated attack linked to it."""
    return replace(result, links=links(curated, result.attacks))


MAPPERS = {"gtd": from_gtd, "ucdp": from_ucdp, "acled": from_acled, "project": from_project}


def finish(mapped: pd.DataFrame, fmt: str, name: str, data: Dataset) -> gpd.GeoDataFrame:
    """Kept rows in the attacks schema, typed as the curated attacks are, with their origin."""
    lat = pd.to_numeric(mapped["lat"], errors="coerce")
    lon = pd.to_numeric(mapped["lon"], errors="coerce")
    if "country_iso3" in mapped and fmt == "project":
        codes = mapped["country_iso3"]
    else:
        places = gazetteer(fmt, data.countries, data.country_names, data.gleditsch_ward)
        codes = iso3_codes(mapped["country_name"], lat, lon, places, mapped.get("country_code"))
        if "iso3_given" in mapped:
            codes = mapped["iso3_given"].where(mapped["iso3_given"].fillna("") != "", codes)
    groups = mapped["group_given"] if fmt == "project" else group_ids(mapped["actor"], codes, data.group_aliases, fmt)
    text = pd.DataFrame(
        {
            "id": mapped["id"],
            "date": mapped["date"].dt.strftime("%Y-%m-%d"),
            "date_precision": mapped["date_precision"],
            "city": mapped["city"].fillna(""),
            "country_iso3": codes,
            "lat": lat.astype(str),
            "lon": lon.astype(str),
            "location_precision": mapped["location_precision"],
            "group_id": groups,
            "responsibility": mapped["responsibility"],
            "perpetrator_nationalities": mapped["perpetrator_nationalities"],
            "attack_type": mapped["attack_type"],
            "target_type": mapped["target_type"],
            **{
                c: mapped[c].astype("Int64").astype(str).replace("<NA>", "")
                for c in ("killed_low", "killed_high", "wounded_low", "wounded_high")
            },
            "foiled": mapped["foiled"].map({True: "true", False: "false"}),
            "summary_en": mapped["summary"].fillna(""),
            "summary_fr": mapped["summary"].fillna(""),
            "summary_ru": mapped["summary"].fillna(""),
            "source_ids": "",
            "notes": mapped["notes"].fillna("") if "notes" in mapped else "",
        }
    )
    typed = typed_attacks(text.reset_index(drop=True), data.countries)
    typed["origin"] = f"{fmt.upper()} · {name}"
    typed["citations"] = mapped["citations"].fillna("").to_numpy()
    typed["doubt"] = mapped["doubt"].astype(bool).to_numpy()
    return typed


Progress = Callable[[int, int], None]


def read_chunks(raw: bytes, how: str, columns: list[str], fmt: str, name: str) -> Iterator[pd.DataFrame]:
    """The rows of `fmt`'s columns a chunk at a time, a reader's error being the file's ImportFailure."""
    rows = chunks(raw, how, columns, SIGNATURES[fmt] + EXTRA_COLUMNS[fmt], name)
    while True:
        try:
            chunk = next(rows)
        except StopIteration:
            return
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, UnicodeDecodeError) as error:
            raise ImportFailure("import_unreadable", name=name, fmt=fmt.upper(), error=str(error).strip()) from error
        yield chunk


def merged(warnings: list[Message]) -> list[Message]:
    """One warning per kind, its counts `n` added up over the chunks and its first example kept."""
    totals: dict[tuple, dict] = {}
    for warning in warnings:
        values = dict(warning.values)
        kind = (warning.key, tuple((k, v) for k, v in warning.values if k not in ("n", "example")))
        if kind in totals:
            totals[kind]["n"] += values.get("n", 0)
        else:
            totals[kind] = values
    return [message(key, **values) for (key, _), values in totals.items()]


def import_bytes(
    raw: bytes, name: str, data: Dataset, fmt: str = "auto", progress: Progress | None = None
) -> ImportResult:
    """Read one export against `data` (its group names, country names and codes, and shapes); raises
    ImportFailure when nothing in it can be used. `progress`, when given, is told the rows read so far
    and about how many there are, after each chunk."""
    if not raw.startswith(XLSX_MAGIC):
        raw = whole_characters(raw)
    columns, how = header(raw, name)
    if fmt == "auto":
        fmt = detect(columns, name)
    elif fmt not in FORMATS:
        raise ImportFailure("import_unknown_format", fmt=fmt, formats=", ".join(FORMATS))
    missing = [c for c in SIGNATURES[fmt] if c not in columns]
    if missing:
        raise ImportFailure("import_missing_columns", name=name, fmt=fmt.upper(), missing=", ".join(missing))
    expected = expected_rows(raw, how)
    fingerprint = digest(raw)
    kept: list[gpd.GeoDataFrame] = []
    skipped: dict[Message, list[int]] = {}
    warnings: list[Message] = []
    cells: list[pd.DataFrame] = []
    ids: set[str] = set()
    read = formulas = 0
    for rows in read_chunks(raw, how, columns, fmt, name):
        read += len(rows)
        mapped, found = MAPPERS[fmt](rows)
        cells.append(found.sort_values("row", kind="stable"))
        mapped, repairs = repaired(mapped, fmt, fingerprint)
        warnings += repairs
        reasons = problems(mapped, ids)
        for index, reason in reasons.dropna().items():
            skipped.setdefault(reason, []).append(row_number(index))
        usable = mapped[reasons.isna()]
        ids.update(usable["id"])
        if len(usable):
            typed = finish(usable, fmt, name, data)
            no_country = (typed["country_iso3"] == "").to_numpy()
            if no_country.any():
                skipped.setdefault(message("skip_no_country"), []).extend(
                    row_number(i) for i in usable.index[no_country]
                )
            kept.append(typed[~no_country])
            formulas += formula_cells(usable)
        if progress is not None:
            progress(read, max(expected, read))
    if not read:
        raise ImportFailure("import_no_rows", name=name)
    if formulas:
        warnings.append(message("import_formulas", n=formulas))
    attacks = (
        pd.concat(kept, ignore_index=True)
        if kept
        else typed_attacks(pd.DataFrame(columns=ATTACK_COLUMNS), data.countries)
    )
    skipped = {reason: sorted(rows) for reason, rows in skipped.items()}
    return ImportResult(name, fmt, attacks, skipped, merged(warnings), cells=joined(cells))


def digest(raw: bytes) -> str:
    """A short fingerprint of a file's bytes, to cache and recognise an import."""
    return hashlib.sha256(raw).hexdigest()[:16]

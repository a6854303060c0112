"""The data contract: one declared schema per CSV file, checked cell by cell with pandera.

Every column is read as text so a problem can quote the cell exactly as written.
Rules that need other rows or other files live in `geo.rules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import pandera.pandas as pa

from geo.data import vocab
from geo.data.countries import is_iso3

ID_PATTERN = r"[a-z0-9][a-z0-9_.\-]*"
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FIRST_YEAR, LAST_YEAR = 1900, date.today().year


def _blank(series: pd.Series) -> pd.Series:
    return series.str.len() == 0


def _parse_day(text: str) -> date | None:
    if not DAY.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_partial(text: str) -> date | None:
    if not PARTIAL_DATE.match(text):
        return None
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def _is_int(text: str, low: int, high: int) -> bool:
    return bool(re.fullmatch(r"-?\d+", text)) and low <= int(text) <= high


def _is_float(text: str, low: float, high: float) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return low <= value <= high


def rule(message: str, ok, *, optional: bool = False) -> pa.Check:
    """A cell-wise check whose failure message is `message`; blank cells pass when optional."""

    def check(series: pd.Series) -> pd.Series:
        passed = series.map(ok).astype(bool)
        return passed | _blank(series) if optional else passed

    return pa.Check(check, error=message)


def required() -> pa.Check:
    return pa.Check(lambda s: ~_blank(s), error="must not be empty")


def identifier() -> list[pa.Check]:
    return [
        required(),
        rule("must be a lowercase id (a-z, 0-9, '_', '-', '.')", lambda v: bool(re.fullmatch(ID_PATTERN, v))),
    ]


def one_of(values, *, optional: bool = False) -> pa.Check:
    return rule(f"must be one of: {', '.join(values)}", lambda v: v in values, optional=optional)


def whole_number(low: int = 0, high: int = 10**7, *, optional: bool = True) -> pa.Check:
    return rule(f"must be a whole number from {low} to {high}", lambda v: _is_int(v, low, high), optional=optional)


def year(*, optional: bool = False) -> pa.Check:
    return whole_number(FIRST_YEAR, LAST_YEAR, optional=optional)


def non_negative_number(*, optional: bool = False) -> list[pa.Check]:
    checks = [rule("must be a number of 0 or more", lambda v: _is_float(v, 0, 1e15), optional=optional)]
    return checks if optional else [required(), *checks]


def latitude() -> list[pa.Check]:
    return [required(), rule("must be a latitude from -90 to 90", lambda v: _is_float(v, -90, 90))]


def longitude() -> list[pa.Check]:
    return [required(), rule("must be a longitude from -180 to 180", lambda v: _is_float(v, -180, 180))]


def positive_number(*, optional: bool = True) -> pa.Check:
    return rule("must be a number above 0", lambda v: _is_float(v, 1e-9, 1e6), optional=optional)


def day_date(*, optional: bool = False) -> list[pa.Check]:
    checks = [
        rule("must be a date written YYYY-MM-DD", lambda v: _parse_day(v) is not None, optional=True),
        rule("must not be in the future", lambda v: (_parse_day(v) or date.min) <= date.today(), optional=True),
    ]
    return checks if optional else [required(), *checks]


def partial_date(*, optional: bool = False) -> list[pa.Check]:
    checks = [
        rule(
            "must be a date written YYYY, YYYY-MM or YYYY-MM-DD", lambda v: _parse_partial(v) is not None, optional=True
        ),
        rule("must not be in the future", lambda v: (_parse_partial(v) or date.min) <= date.today(), optional=True),
    ]
    return checks if optional else [required(), *checks]


def iso3(*, optional: bool = False) -> list[pa.Check]:
    check = rule("must be an ISO 3166-1 alpha-3 country code", is_iso3, optional=True)
    return [check] if optional else [required(), check]


def iso3_list(*, optional: bool = True) -> list[pa.Check]:
    check = rule(
        "must be ISO 3166-1 alpha-3 codes separated by ';'",
        lambda v: all(is_iso3(code) for code in v.split(";")),
        optional=True,
    )
    return [check] if optional else [required(), check]


def id_list(*, optional: bool = True) -> list[pa.Check]:
    check = rule(
        "must be ids separated by ';' without spaces",
        lambda v: all(re.fullmatch(ID_PATTERN, part) for part in v.split(";")),
        optional=True,
    )
    return [check] if optional else [required(), check]


def vocabulary_list(values, *, optional: bool = True) -> list[pa.Check]:
    check = rule(
        f"must be one or more of {', '.join(values)}, separated by ';' without spaces",
        lambda v: all(part in values for part in v.split(";")),
        optional=True,
    )
    return [check] if optional else [required(), check]


def colour() -> list[pa.Check]:
    return [required(), rule("must be a colour written #rrggbb", lambda v: bool(re.fullmatch(r"#[0-9a-fA-F]{6}", v)))]


def url_or_empty() -> pa.Check:
    return rule("must be an http(s) URL", lambda v: v.startswith(("https://", "http://")), optional=True)


def text(*, optional: bool = True) -> list[pa.Check]:
    return [] if optional else [required()]


@dataclass(frozen=True)
class FileSpec:
    """One CSV of the contract: its name, its id column and the checks of each column."""

    name: str
    columns: dict[str, list[pa.Check] | pa.Check]
    id_column: str = "id"
    optional_columns: tuple[str, ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def schema(self) -> pa.DataFrameSchema:
        cols = {}
        for column, checks in self.columns.items():
            checks = checks if isinstance(checks, list) else [checks]
            cols[column] = pa.Column(str, checks=checks, nullable=False, unique=column == self.id_column, required=True)
        return pa.DataFrameSchema(cols, strict=False, coerce=False)


SPECS: dict[str, FileSpec] = {
    spec.name: spec
    for spec in (
        FileSpec(
            "sources",
            {
                "id": identifier(),
                "title": text(optional=False),
                "author": text(),
                "publisher": text(),
                "date": partial_date(optional=True),
                "url": url_or_empty(),
                "language": rule(
                    "must be an ISO 639 language code (2 or 3 lowercase letters)",
                    lambda v: bool(re.fullmatch(r"[a-z]{2,3}", v)),
                ),
                "kind": one_of(vocab.SOURCE_KINDS),
                "mirrors": text(),
            },
        ),
        FileSpec(
            "groups",
            {
                "id": identifier(),
                "name_en": text(optional=False),
                "name_fr": text(optional=False),
                "name_ru": text(optional=False),
                "acronym_en": text(),
                "acronym_fr": text(),
                "acronym_ru": text(),
                "founded_year": year(optional=True),
                "end_year": year(optional=True),
                "leaders": text(),
                "description_en": text(optional=False),
                "description_fr": text(optional=False),
                "description_ru": text(optional=False),
                "color": colour(),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
        FileSpec(
            "attacks",
            {
                "id": identifier(),
                "date": day_date(),
                "date_precision": one_of(vocab.DATE_PRECISIONS),
                "city": text(),
                "country_iso3": iso3(),
                "lat": latitude(),
                "lon": longitude(),
                "location_precision": one_of(vocab.LOCATION_PRECISIONS),
                "group_id": identifier(),
                "responsibility": one_of(vocab.RESPONSIBILITIES),
                "perpetrator_nationalities": iso3_list(),
                "attack_type": one_of(vocab.ATTACK_TYPES),
                "target_type": one_of(vocab.TARGET_TYPES),
                "killed_low": whole_number(),
                "killed_high": whole_number(),
                "wounded_low": whole_number(),
                "wounded_high": whole_number(),
                "foiled": one_of(vocab.BOOLEANS),
                "summary_en": text(optional=False),
                "summary_fr": text(optional=False),
                "summary_ru": text(optional=False),
                "source_ids": id_list(optional=False),
                "notes": text(),
                "scope": vocabulary_list(vocab.SCOPES, optional=False),
            },
        ),
        FileSpec(
            "events",
            {
                "id": identifier(),
                "date": day_date(),
                "date_precision": one_of(vocab.DATE_PRECISIONS),
                "kind": one_of(vocab.EVENT_KINDS),
                "title_en": text(optional=False),
                "title_fr": text(optional=False),
                "title_ru": text(optional=False),
                "countries": iso3_list(),
                "group_ids": id_list(),
                "org_ids": id_list(),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
        FileSpec(
            "group_links",
            {
                "id": identifier(),
                "from_group": identifier(),
                "to_group": identifier(),
                "kind": one_of(vocab.LINK_KINDS),
                "start_year": year(optional=True),
                "end_year": year(optional=True),
                "description_en": text(),
                "description_fr": text(),
                "description_ru": text(),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
        FileSpec(
            "bases",
            {
                "id": identifier(),
                "group_id": id_list(),
                "operator": iso3(optional=True),
                "name_en": text(optional=False),
                "name_fr": text(optional=False),
                "name_ru": text(optional=False),
                "kind": one_of(vocab.BASE_KINDS),
                "country_iso3": iso3(),
                "lat": latitude(),
                "lon": longitude(),
                "radius_km": positive_number(optional=False),
                "start_year": year(optional=True),
                "end_year": year(optional=True),
                "location_precision": one_of(vocab.LOCATION_PRECISIONS),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
        FileSpec(
            "borders",
            {
                "id": identifier(),
                "country_a": iso3(),
                "country_b": iso3(),
                "status": one_of(vocab.BORDER_STATUSES),
                "start_year": year(optional=True),
                "end_year": year(optional=True),
                "description_en": text(optional=False),
                "description_fr": text(optional=False),
                "description_ru": text(optional=False),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
        FileSpec(
            "organizations",
            {
                "id": identifier(),
                "name_en": text(optional=False),
                "name_fr": text(optional=False),
                "name_ru": text(optional=False),
                "acronym_en": text(),
                "acronym_fr": text(),
                "acronym_ru": text(),
                "kind": one_of(vocab.ORG_KINDS),
                "founded": partial_date(),
                "dissolved": partial_date(optional=True),
                "hq_city": text(),
                "description_en": text(optional=False),
                "description_fr": text(optional=False),
                "description_ru": text(optional=False),
                "source_ids": id_list(optional=False),
            },
        ),
        FileSpec(
            "group_aliases",
            {
                "id": identifier(),
                "dataset": one_of(vocab.ALIAS_DATASETS),
                "name": text(optional=False),
                "country_iso3": iso3(optional=True),
                "group_id": identifier(),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
        FileSpec(
            "country_names",
            {
                "name": text(optional=False),
                "country_iso3": iso3(),
                "successors": iso3_list(),
                "datasets": vocabulary_list(vocab.IMPORT_DATASETS, optional=True),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
            id_column="name",
        ),
        FileSpec(
            "place_names",
            {
                "place": text(optional=False),
                "country_iso3": iso3(),
                "lang": one_of(vocab.TRANSLATED_LANGUAGES),
                "name": text(optional=False),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
            # One row per place, country and language: checked across columns in `geo.data.rules`.
            id_column="",
        ),
        FileSpec(
            "gleditsch_ward",
            {
                "gw_code": [required(), whole_number(1, 999, optional=False)],
                "name": text(optional=False),
                "country_iso3": iso3(),
                "successors": iso3_list(),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
            id_column="gw_code",
        ),
        FileSpec(
            "context",
            {
                "id": identifier(),
                "topic": one_of(vocab.CONTEXT_TOPICS),
                "indicator": identifier(),
                "country_iso3": iso3(optional=True),
                "year": year(),
                "value_low": non_negative_number(),
                "value_high": non_negative_number(),
                "unit": text(optional=False),
                "label_en": text(optional=False),
                "label_fr": text(optional=False),
                "label_ru": text(optional=False),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
        FileSpec(
            "tolls",
            {
                "attack_id": identifier(),
                "source_id": identifier(),
                # Empty only when the page carries no date at all.
                "as_of": partial_date(optional=True),
                "killed": whole_number(),
                "wounded": whole_number(),
                "given_by": text(optional=False),
                "kind": one_of(vocab.TOLL_KINDS),
                "excluded": text(),
                "note": text(),
            },
            # One row per figure a source gives: no id of its own.
            id_column="",
        ),
        FileSpec(
            "memberships",
            {
                "id": identifier(),
                "org_id": identifier(),
                "country_iso3": iso3(),
                "status": one_of(vocab.MEMBERSHIP_STATUSES),
                "start_date": partial_date(),
                "end_date": partial_date(optional=True),
                "source_ids": id_list(optional=False),
                "notes": text(),
            },
        ),
    )
}


def parse_day(text: str) -> date | None:
    """A YYYY-MM-DD date, or None when the text is not one."""
    return _parse_day(text)


def parse_partial_date(text: str) -> date | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date (first day of the period), or None."""
    return _parse_partial(text)

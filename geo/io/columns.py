"""Column helpers shared by the format readers, and the plausibility rules each cell is held to."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import numpy as np
import pandas as pd

from geo.data.schema import SPECS
from geo.io.messages import Message, message

# An export in the project's own columns needs every column but `scope` and `summary_ru`: why a row
# belongs to the curated data says nothing of an analyst's own records, and such an export carries
# English and French summaries only.
CURATED_ONLY_COLUMNS = ("scope", "summary_ru")
ATTACK_COLUMNS = tuple(c for c in SPECS["attacks"].columns if c not in CURATED_ONLY_COLUMNS)

# GTD, the oldest of the datasets read here, starts in 1970; a year before it is a typing error
# (0, 1, 1e3 for 2013...), not an event of this dashboard's period.
FIRST_YEAR = 1970
# More people than any single event of GTD, UCDP GED or ACLED is counted with is a slip of the
# keyboard (1e12) or a sum pasted into the wrong cell. It also stays under the map's 16-bit
# per-event count (geo.map.eventpack), so a popup and a total never disagree on one event.
MAX_TOLL = 50_000
# How much of an offending cell a report quotes: enough to recognise it, never a whole pasted page.
QUOTED = 40
PROBLEM_COLUMNS = ("row", "column", "value", "rule")


def row_number(index) -> int:
    """The row of the file a mapped row came from, the header being row 1."""
    return int(index) + 2


class Read(NamedTuple):
    """Values read from a file's cells, and the cells that broke a rule (see `flagged`)."""

    values: pd.Series
    problems: pd.DataFrame


def no_problems() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object if c != "row" else "int64") for c in PROBLEM_COLUMNS})


def flagged(text: pd.Series, name: str, bad: pd.Series, rule: Message) -> pd.DataFrame:
    """One line per cell of `text` (the file's column `name`) where `bad` holds: its row, column,
    value as written, and the rule it broke."""
    bad = bad.fillna(False).astype(bool)
    if not bad.any():
        return no_problems()
    values = text[bad].astype(str)
    quoted = values.where(values.str.len() <= QUOTED, values.str.slice(0, QUOTED) + "…")
    return pd.DataFrame(
        {"row": bad.index[bad].to_numpy() + 2, "column": name, "value": quoted.to_numpy(), "rule": rule}
    )


def stripped(rows: pd.DataFrame, name: str) -> pd.Series:
    return column(rows, name).fillna("").astype(str).str.strip()


def tolls(rows: pd.DataFrame, name: str) -> Read:
    """A count of people from column `name`: a whole number from 0 to MAX_TOLL ('3' or '3.0'); empty
    is unknown, anything else is unknown too and reported."""
    text = stripped(rows, name)
    values = pd.to_numeric(text, errors="coerce")
    fine = values.between(0, MAX_TOLL)
    rule = message("cell_toll", limit=MAX_TOLL)
    return Read(values.where(fine).round().astype("Int64"), flagged(text, name, (text != "") & ~fine, rule))


def plausible_year(year: pd.Series) -> pd.Series:
    return year.between(FIRST_YEAR, date.today().year) & (year == year.round())


def year_rule() -> Message:
    return message("cell_year", first=str(FIRST_YEAR), last=str(date.today().year))


def first_day(rows: pd.DataFrame, year: str, month: str, day: str) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Dates from year, month and day columns where 0 or empty means unknown, their precision, and
    the cells that broke a rule: a year outside FIRST_YEAR..this year cannot be dated; a month
    outside 1-12, or a day outside 1-31 or past its month's end, is read as unknown."""
    texts = {name: stripped(rows, name) for name in (year, month, day)}
    y, m, d = (pd.to_numeric(texts[name], errors="coerce") for name in (year, month, day))
    bad_year = ~plausible_year(y)
    bad_month = (texts[month] != "") & ~m.isin(range(13))
    bad_day = (texts[day] != "") & ~d.isin(range(32))
    y = y.where(~bad_year)
    m = m.where(~bad_month).fillna(0)
    # A day of an unknown month dates nothing: the event is dated to its year, from its first day.
    d = d.where(~bad_day & (m > 0)).fillna(0)
    frame = pd.DataFrame({"year": y, "month": m.where(m > 0, 1), "day": d.where(d > 0, 1)})
    dates = pd.to_datetime(frame, errors="coerce")
    past_end = dates.isna() & y.notna() & (d > 0)
    if past_end.any():
        d = d.mask(past_end, 0)
        dates = dates.mask(past_end, pd.to_datetime(frame[past_end].assign(day=1), errors="coerce"))
    precision = np.where(m == 0, "year", np.where(d == 0, "month", "day"))
    problems = [
        flagged(texts[year], year, bad_year, year_rule()),
        # A row without a year is not dated at all: what its month or day would change is moot.
        flagged(texts[month], month, bad_month & ~bad_year, message("cell_month")),
        flagged(texts[day], day, bad_day & ~bad_year, message("cell_day")),
        flagged(texts[day], day, past_end, message("cell_day_of_month")),
    ]
    return dates, pd.Series(precision, index=rows.index), joined(problems)


def written_dates(rows: pd.DataFrame, name: str, parsed: pd.Series) -> Read:
    """`parsed`, the dates of column `name`, without those before FIRST_YEAR, and the cells that
    are not a date or whose year is outside FIRST_YEAR..this year."""
    text = stripped(rows, name)
    year = parsed.dt.year
    early = year < FIRST_YEAR
    problems = [
        flagged(text, name, (text != "") & parsed.isna(), message("cell_date")),
        flagged(text, name, parsed.notna() & ~plausible_year(year), year_rule()),
    ]
    return Read(parsed.mask(early), joined(problems))


def coordinates(rows: pd.DataFrame, lat: str, lon: str) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Latitude and longitude as numbers, and the written cells that are not a finite number in
    range (the rows are then left out, as they cannot be placed)."""
    found = []
    values = []
    for name, limit in ((lat, 90), (lon, 180)):
        text = stripped(rows, name)
        number = pd.to_numeric(text, errors="coerce")
        bad = (text != "") & ~number.between(-limit, limit)
        found.append(flagged(text, name, bad, message("cell_coordinate", low=-limit, high=limit)))
        values.append(number)
    return values[0], values[1], joined(found)


def joined(problems: list[pd.DataFrame]) -> pd.DataFrame:
    found = [p for p in problems if len(p)]
    return pd.concat(found, ignore_index=True) if found else no_problems()


def joined_text(*parts: pd.Series) -> pd.Series:
    """The first non-empty text among `parts`, row by row."""
    result = parts[0].fillna("").astype(str)
    for part in parts[1:]:
        result = result.where(result.str.strip() != "", part.fillna("").astype(str))
    return result


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series("", index=frame.index)

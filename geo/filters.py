"""Pure selections over the datasets: years, groups and free-text search."""
from __future__ import annotations

import unicodedata

import pandas as pd

# Which columns place each dataset in time: one year, or a period [start, end].
YEAR_COLUMN = {"attacks": "year", "events": "year"}
PERIOD_COLUMNS = {
    "groups": ("founded_year", "end_year"),
    "group_links": ("start_year", "end_year"),
    "bases": ("start_year", "end_year"),
    "borders": ("start_year", "end_year"),
}
# Which column of each dataset names groups; list columns hold ';'-separated ids.
GROUP_COLUMNS = {
    "attacks": ("group_id",), "events": ("group_ids",), "groups": ("id",),
    "group_links": ("from_group", "to_group"), "bases": ("group_id",),
}


def year_span(attacks: pd.DataFrame, events: pd.DataFrame, first: int = 1991) -> tuple[int, int]:
    """The full span of the data in years, starting no later than `first`."""
    years = pd.concat([attacks["year"], events["year"]]).dropna()
    return min(first, int(years.min())), int(years.max())


def in_years(frame: pd.DataFrame, name: str, years: tuple[int, int]) -> pd.DataFrame:
    """Rows dated within `years`, or whose period overlaps them; other datasets untouched."""
    low, high = years
    if name in YEAR_COLUMN:
        year = frame[YEAR_COLUMN[name]]
        return frame[(year >= low) & (year <= high)]
    if name in PERIOD_COLUMNS:
        start, end = PERIOD_COLUMNS[name]
        starts = frame[start].fillna(low)
        ends = frame[end].fillna(high)
        return frame[(starts <= high) & (ends >= low)]
    return frame


def _mentions(cell: str, wanted: set[str]) -> bool:
    return bool(wanted.intersection(cell.split(";")))


def of_groups(frame: pd.DataFrame, name: str, groups: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Rows that involve any of `groups`; every row when no group is chosen."""
    if not groups or name not in GROUP_COLUMNS:
        return frame
    wanted = set(groups)
    keep = pd.Series(False, index=frame.index)
    for column in GROUP_COLUMNS[name]:
        keep |= frame[column].fillna("").map(lambda cell: _mentions(cell, wanted))
    return frame[keep]


def fold(text: str) -> str:
    """Lowercase without accents, so 'Tachkent' finds 'TACHKENT' and 'ouzbek' finds 'Ouzbek'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matching(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows where any text column contains every word of `query`, ignoring case and accents."""
    words = [fold(w) for w in query.split()]
    if not words:
        return frame
    text_columns = [c for c in frame.columns if c != "geometry"]
    haystack = pd.Series("", index=frame.index)
    for column in text_columns:
        haystack = haystack + " " + frame[column].astype(str).fillna("")
    haystack = haystack.map(fold)
    keep = pd.Series(True, index=frame.index)
    for word in words:
        keep &= haystack.str.contains(word, regex=False)
    return frame[keep]


def select(frame: pd.DataFrame, name: str, years: tuple[int, int] | None = None,
           groups: list[str] | tuple[str, ...] = (), query: str = "") -> pd.DataFrame:
    """The rows of dataset `name` that pass every filter given."""
    if years is not None:
        frame = in_years(frame, name, years)
    return matching(of_groups(frame, name, groups), query)

"""Column helpers shared by the format readers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.data.schema import SPECS

# An export in the project's own columns needs every column but `scope` and `summary_ru`: why a row
# belongs to the curated data says nothing of an analyst's own records, and such an export carries
# English and French summaries only.
CURATED_ONLY_COLUMNS = ("scope", "summary_ru")
ATTACK_COLUMNS = tuple(c for c in SPECS["attacks"].columns if c not in CURATED_ONLY_COLUMNS)


def numbers(series: pd.Series) -> pd.Series:
    """Whole non-negative numbers from text such as '3' or '3.0'; anything else is unknown."""
    values = pd.to_numeric(series, errors="coerce")
    values = values.where(values >= 0)
    return values.round().astype("Int64")


def first_day(year: pd.Series, month: pd.Series, day: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates from year, month and day numbers where 0 or empty means unknown, and their precision."""
    y = pd.to_numeric(year, errors="coerce")
    m = pd.to_numeric(month, errors="coerce").fillna(0)
    d = pd.to_numeric(day, errors="coerce").fillna(0)
    precision = np.where(m == 0, "year", np.where(d == 0, "month", "day"))
    frame = pd.DataFrame({"year": y, "month": m.where(m > 0, 1), "day": d.where(d > 0, 1)})
    dates = pd.to_datetime(frame, errors="coerce")
    return dates, pd.Series(precision, index=year.index)


def joined_text(*parts: pd.Series) -> pd.Series:
    """The first non-empty text among `parts`, row by row."""
    result = parts[0].fillna("").astype(str)
    for part in parts[1:]:
        result = result.where(result.str.strip() != "", part.fillna("").astype(str))
    return result


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series("", index=frame.index)

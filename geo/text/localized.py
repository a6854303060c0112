"""Data columns written once per language (`name_en`, `name_fr`, ...), read in the session's.

A language whose column the data does not have yet, or a row it leaves empty, reads English:
a new language works as soon as its catalogue does, and its data columns can follow."""

from __future__ import annotations

import pandas as pd

from geo.text.i18n import SOURCE_LANGUAGE


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def localized(frame: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """`frame`'s `{column}_{lang}`, English where it is absent or empty."""
    english = frame[f"{column}_{SOURCE_LANGUAGE}"]
    own = frame.get(f"{column}_{lang}")
    if own is None:
        return english
    return own.where(~own.map(_missing), english)


def localized_cell(row, column: str, lang: str):
    """One row's `{column}_{lang}`, English where it is absent or empty; `row` is a Series, a dict
    or a named tuple from `itertuples`."""
    read = row.get if hasattr(row, "get") else lambda name, default=None: getattr(row, name, default)
    own = read(f"{column}_{lang}", None)
    return read(f"{column}_{SOURCE_LANGUAGE}", "") if _missing(own) else own


def language_of(row, column: str, lang: str) -> str:
    """`lang` when `row` has its own `{column}_{lang}`, else English: the language to read a
    row's related columns in together (a name with its acronym, which may rightly be empty)."""
    read = row.get if hasattr(row, "get") else lambda name, default=None: getattr(row, name, default)
    return SOURCE_LANGUAGE if _missing(read(f"{column}_{lang}", None)) else lang

"""The map's time bar: the selection's attacks counted per month (per year over long spans),
the window the sidebar's years make, and the window the browser reports back.

Months are counted as `year * 12 + month - 1`, so the browser turns one into a year and a
month with a division. static/map/README.md describes the payload (`L.cajnTimebar`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.text.i18n import month_names, t
from geo.text.numbers import NUMBER_LOCALES

# The field of streamlit-folium's returned state that carries the time bar's reports (see the
# window channel in static/map/README.md): the map binds no popup whose text would fill it.
TIMEBAR_CHANNEL = "last_object_clicked_popup"
# Up to this many years the bars count months; past it a month's bar would be too thin to read.
MONTHLY_UP_TO_YEARS = 20
SPEEDS = (0.5, 1, 2, 5, 10)
# At 1× the window moves a year in 1.5 s, as the page's Play stepped.
MONTHS_PER_SECOND = 8
# The words of the bar's buttons and readout, keyed as the payload's `labels` names them.
LABEL_KEYS = {
    "bar": "timebar",
    "histogram": "timebar_histogram",
    "window": "timebar_window",
    "play": "timebar_play",
    "pause": "timebar_pause",
    "speed": "timebar_speed",
    "back_year": "timebar_back_year",
    "back_month": "timebar_back_month",
    "forward_month": "timebar_forward_month",
    "forward_year": "timebar_forward_year",
}


def month_index(year: int, month: int = 1) -> int:
    """The month's number: `year * 12 + month - 1`."""
    return int(year) * 12 + int(month) - 1


def window_months(years: tuple[int, int]) -> list[int]:
    """The first and last month of `years`, both included."""
    low, high = years
    return [month_index(low, 1), month_index(high, 12)]


def window_years(window: tuple[int, int]) -> tuple[int, int]:
    """The years a window of months touches: the sidebar's years for it."""
    low, high = window
    return int(low) // 12, int(high) // 12


def bar_unit(span: tuple[int, int]) -> str:
    """ "month" for spans up to `MONTHLY_UP_TO_YEARS` years, else "year"."""
    return "month" if span[1] - span[0] + 1 <= MONTHLY_UP_TO_YEARS else "year"


def histogram(dates: pd.Series, span: tuple[int, int], unit: str) -> list[int]:
    """The number of `dates` in each month (or year) of `span`, oldest first; dates outside it are left out."""
    first, last = span
    stamps = pd.to_datetime(pd.Series(dates)).dropna()
    years = stamps.dt.year.to_numpy(dtype=np.int64)
    if unit == "month":
        bins = (years - first) * 12 + stamps.dt.month.to_numpy(dtype=np.int64) - 1
        size = (last - first + 1) * 12
    else:
        bins = years - first
        size = last - first + 1
    bins = bins[(bins >= 0) & (bins < size)]
    return np.bincount(bins, minlength=size).astype(int).tolist()


def timebar_labels(lang: str) -> dict:
    """The bar's accessible names and words in `lang`."""
    return {name: t(key, lang) for name, key in LABEL_KEYS.items()} | {"months": list(month_names(lang))}


def timebar_payload(dates: pd.Series, span: tuple[int, int], years: tuple[int, int], lang: str, key: str) -> dict:
    """What `L.cajnTimebar` draws: the bars of `dates` over `span`, the window of the sidebar's
    `years`, the speeds, and the words, for the selection fingerprinted `key`."""
    unit = bar_unit(span)
    low, high = max(years[0], span[0]), min(years[1], span[1])
    return {
        "span": [int(span[0]), int(span[1])],
        "unit": unit,
        "counts": histogram(dates, span, unit),
        "window": window_months((low, high)),
        "speeds": list(SPEEDS),
        "rate": MONTHS_PER_SECOND,
        "key": key,
        "locale": NUMBER_LOCALES[lang],
        "labels": timebar_labels(lang),
    }


def reported_window(value: str | None, key: str) -> tuple[tuple[int, int], str] | None:
    """The years a report of the time bar asks for, and the report's stamp, if it belongs to the
    selection `key`: reports read `key:first_year:last_year:stamp`."""
    parts = (value or "").split(":")
    if len(parts) != 4 or parts[0] != key or not all(part.isdigit() for part in parts[1:]):
        return None
    low, high = int(parts[1]), int(parts[2])
    return ((low, high), parts[3]) if low <= high else None


def years_to_follow(
    value: str | None, key: str, handled: str | None, years: tuple[int, int], span: tuple[int, int]
) -> tuple[int, int] | None:
    """The years the page moves to on the time bar's report `value`: None when the report was
    `handled` already, belongs to another selection, or asks for the years shown (no loop)."""
    if not value or value == handled:
        return None
    found = reported_window(value, key)
    if found is None:
        return None
    (low, high), _ = found
    wanted = (max(low, span[0]), min(high, span[1]))
    if wanted[0] > wanted[1] or wanted == tuple(years):
        return None
    return wanted

"""Numbers and dates as text: thousands separators, ranges of estimates, partial dates."""

from __future__ import annotations

import re

import pandas as pd
from babel.numbers import format_compact_decimal, format_decimal

from geo.text.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

# The locale whose Intl.NumberFormat writes numbers in the browser as `number_text` does here,
# from the same CLDR data (fr: U+202F between thousands, ru: U+00A0).
NUMBER_LOCALES = {"en": "en-US", "fr": "fr-FR", "ru": "ru-RU"}


def number_text(value: int, lang: str) -> str:
    """An integer with the thousands separator of `lang`, as CLDR writes it."""
    return format_decimal(value, locale=lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def range_text(span: tuple[int, int], lang: str = "en") -> str:
    """'9–20', or '4' when both ends agree."""
    low, high = (number_text(v, lang) for v in span)
    return low if low == high else f"{low}–{high}"


# The widest range a metric shows whole in a quarter of the page on a 1280-pixel projector,
# '2,437–2,969' (the curated tolls); a wider one is cut off with an ellipsis.
METRIC_CHARACTERS = 11


def metric_text(span: tuple[int, int], lang: str = "en") -> str:
    """`range_text` when it fits in a metric; else its ends in CLDR's short form, the unit written
    once ('2–2.3M', '40–60 тыс.'), or '≈ 2M' when both ends round alike: the exact range then goes
    in the metric's help."""
    exact = range_text(span, lang)
    if len(exact) <= METRIC_CHARACTERS:
        return exact
    locale = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for digits in (1, 0):
        low, high = (
            format_compact_decimal(v, format_type="short", locale=locale, fraction_digits=digits) for v in span
        )
        unit = re.search(r"\D*$", low).group()
        if low == high:
            text = f"≈ {low}"
        elif unit and high.endswith(unit):
            text = f"{low.removesuffix(unit)}–{high}"
        else:
            text = f"{low}–{high}"
        if len(text) <= METRIC_CHARACTERS:
            break
    return text


def metric_help(span: tuple[int, int], lang: str = "en") -> str:
    """What a range metric means, with the exact range when `metric_text` rounds it."""
    exact = range_text(span, lang)
    shown = t("range_help", lang)
    return shown if metric_text(span, lang) == exact else f"{shown}\n\n{exact}"


def toll_text(low, high, lang: str) -> str:
    """A toll as '9–20', '4', '≤ 3' or 'unknown' from its two estimates, either of which may be missing."""
    if pd.isna(low) and pd.isna(high):
        return t("unknown", lang)
    if pd.isna(low):
        return f"≤ {number_text(int(high), lang)}"
    low, high = int(low), int(low if pd.isna(high) else high)
    return number_text(low, lang) if low == high else f"{number_text(low, lang)}–{number_text(high, lang)}"


# A date known to the month only is written without a day, so the table never implies one.
DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def date_text(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """Each date written to its precision: '1999-02-16', '1997-12' or '2011'."""
    text = dates.dt.strftime("%Y-%m-%d")
    for precision, spelling in DATE_FORMATS.items():
        known = precisions == precision
        text[known] = dates[known].dt.strftime(spelling)
    return text.fillna("")

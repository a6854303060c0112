"""The headline figures of a selection: attacks, foiled plots, countries, tolls, sources."""

from __future__ import annotations

import pandas as pd


def _span(low: pd.Series, high: pd.Series) -> tuple[int, int]:
    low_total = int(low.fillna(0).sum())
    return low_total, int(high.fillna(low).fillna(0).sum())


def attack_totals(attacks: pd.DataFrame) -> dict[str, int | tuple[int, int]]:
    """Attacks, foiled plots, countries, and killed and wounded as (low, high) sums."""
    return {
        "attacks": int((~attacks["foiled"]).sum()),
        "foiled": int(attacks["foiled"].sum()),
        "countries": int(attacks["country_iso3"].nunique()),
        "killed": _span(attacks["killed_low"], attacks["killed_high"]),
        "wounded": _span(attacks["wounded_low"], attacks["wounded_high"]),
    }


def sources_cited(attacks: pd.DataFrame) -> int:
    """How many distinct sources the selected attacks cite."""
    return int(attacks["source_ids"].fillna("").str.split(";").explode().replace("", None).nunique())

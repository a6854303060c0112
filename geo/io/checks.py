"""Row checks on imported attacks: vocabularies, dates, places, spreadsheet formulas."""

from __future__ import annotations

import pandas as pd

from geo.data import vocab
from geo.io.messages import message
from geo.text.escape import FORMULA_PREFIXES

VOCABULARIES = {
    "date_precision": vocab.DATE_PRECISIONS,
    "location_precision": vocab.LOCATION_PRECISIONS,
    "responsibility": vocab.RESPONSIBILITIES,
    "attack_type": vocab.ATTACK_TYPES,
    "target_type": vocab.TARGET_TYPES,
}


def problems(mapped: pd.DataFrame) -> pd.Series:
    """The reason each row cannot be kept (None when it can), first problem first."""
    vocabulary = [
        (~mapped[column].isin(values), message("skip_vocabulary", column=column, values=", ".join(values)))
        for column, values in VOCABULARIES.items()
    ]
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

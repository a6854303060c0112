"""Row checks on imported attacks: what is repaired, what cannot be dated or placed, spreadsheet formulas."""

from __future__ import annotations

import pandas as pd

from geo.data import vocab
from geo.io.columns import row_number
from geo.io.messages import Message, message
from geo.text.escape import FORMULA_PREFIXES

VOCABULARIES = {
    "date_precision": vocab.DATE_PRECISIONS,
    "location_precision": vocab.LOCATION_PRECISIONS,
    "responsibility": vocab.RESPONSIBILITIES,
    "attack_type": vocab.ATTACK_TYPES,
    "target_type": vocab.TARGET_TYPES,
}


# What a value outside its vocabulary is read as: the vaguest one, so that no row claims more than its file says.
READ_AS = {
    "date_precision": "year",
    "location_precision": "country",
    "responsibility": "unknown",
    "attack_type": "other",
    "target_type": "other",
}
RANGES = (("killed_low", "killed_high"), ("wounded_low", "wounded_high"))
ID_PREFIXES = ("", "gtd-", "ucdp-", "acled-")


def repaired(mapped: pd.DataFrame, fmt: str, fingerprint: str) -> tuple[pd.DataFrame, list[Message]]:
    """`mapped` with what does not stop a row being dated and placed put right, and a warning for each
    kind of repair: values outside a vocabulary read as its vaguest value, low estimates above high
    ones swapped so the range spans both, and missing event ids made from the file and the row."""
    out = mapped.copy()
    warnings = []
    for column, values in VOCABULARIES.items():
        outside = ~out[column].isin(values)
        if outside.any():
            out[column] = out[column].mask(outside, READ_AS[column])
            warnings.append(
                message(
                    "import_read_as",
                    n=int(outside.sum()),
                    column=column,
                    values=", ".join(values),
                    default=READ_AS[column],
                )
            )
    widened = pd.Series(False, index=out.index)
    for low, high in RANGES:
        inverted = (out[low] > out[high]).fillna(False).astype(bool)
        out.loc[inverted, [low, high]] = out.loc[inverted, [high, low]].to_numpy()
        widened |= inverted
    if widened.any():
        warnings.append(message("import_range_widened", n=int(widened.sum())))
    missing = out["id"].fillna("").str.strip().isin(ID_PREFIXES)
    if missing.any():
        # The file's fingerprint keeps ids apart across files and the same across imports of one file.
        made = [f"{fmt}-{fingerprint[:8]}-row{row_number(i)}" for i in out.index[missing]]
        out.loc[missing, "id"] = made
        warnings.append(message("import_ids_made", n=len(made), example=made[0]))
    return out, warnings


def problems(mapped: pd.DataFrame, kept_before: set[str] | frozenset[str] = frozenset()) -> pd.Series:
    """Why each row cannot be kept (None when it can), first problem first: only a row that cannot
    be dated, or placed, is left out, and a repeat of an event already kept (here, or among the ids
    `kept_before` in the file's earlier rows)."""
    lat = pd.to_numeric(mapped["lat"], errors="coerce")
    lon = pd.to_numeric(mapped["lon"], errors="coerce")
    checks = [
        (mapped["date"].isna(), message("skip_no_date")),
        (mapped["date"] > pd.Timestamp.now(), message("skip_future_date")),
        (lat.isna() | lon.isna(), message("skip_no_coordinates")),
        (~lat.between(-90, 90) | ~lon.between(-180, 180), message("skip_coordinates_range")),
    ]
    reason = pd.Series(None, index=mapped.index, dtype=object)
    for failed, why in reversed(checks):
        reason = reason.mask(failed.fillna(False).astype(bool), why)
    kept = reason.isna()
    ids = mapped.loc[kept, "id"]
    # A set's membership, row by row: `isin` would copy all the ids kept so far at every chunk.
    before = pd.Series([i in kept_before for i in ids], index=ids.index, dtype=bool)
    repeated = ids.duplicated() | before
    return reason.mask(repeated.reindex(mapped.index, fill_value=False), message("skip_duplicate_id"))


def formula_cells(mapped: pd.DataFrame) -> int:
    """How many text cells would run as a spreadsheet formula if exported as they are."""
    text = mapped[["city", "summary", "actor", "citations"]].fillna("").astype(str)
    return int(sum(text[c].str.startswith(FORMULA_PREFIXES).sum() for c in text))

"""Display names of groups in the current language."""

from __future__ import annotations

import pandas as pd

from geo.palette import UNKNOWN_COLOR
from geo.text.i18n import t


def group_labels(groups: pd.DataFrame, lang: str) -> dict[str, str]:
    """Group id -> 'ACRONYM · Name' in `lang`, ordered by founding year."""
    ordered = groups.sort_values(["founded_year", "id"], na_position="last")
    labels = {}
    for row in ordered.itertuples(index=False):
        name, acronym = getattr(row, f"name_{lang}"), getattr(row, f"acronym_{lang}")
        labels[row.id] = f"{acronym} · {name}" if acronym else name
    return labels


def group_table(group_ids: list[str], groups: pd.DataFrame, lang: str) -> list[list[str]]:
    """[label, colour] for each id; ids without a row (imported names) keep their own name, in grey."""
    rows = groups.set_index("id")
    table = []
    for group_id in group_ids:
        if group_id in rows.index:
            row = rows.loc[group_id]
            acronym, name = row[f"acronym_{lang}"], row[f"name_{lang}"]
            table.append([f"{acronym} · {name}" if acronym else name, row["color"] or UNKNOWN_COLOR])
        else:
            table.append([t("unknown_group", lang) if group_id == "unknown" else group_id, UNKNOWN_COLOR])
    return table

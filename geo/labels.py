"""Display names of groups in the current language."""
from __future__ import annotations

import pandas as pd


def group_labels(groups: pd.DataFrame, lang: str) -> dict[str, str]:
    """Group id -> 'ACRONYM · Name' in `lang`, ordered by founding year."""
    ordered = groups.sort_values(["founded_year", "id"], na_position="last")
    labels = {}
    for row in ordered.itertuples(index=False):
        name, acronym = getattr(row, f"name_{lang}"), getattr(row, f"acronym_{lang}")
        labels[row.id] = f"{acronym} · {name}" if acronym else name
    return labels


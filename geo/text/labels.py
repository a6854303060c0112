"""Display names of groups in the current language."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.palette import UNKNOWN_COLOR
from geo.text.i18n import t
from geo.text.localized import language_of


@dataclass(frozen=True)
class GroupName:
    """A group's names in one language: `short` where a list names several groups, `full` where it
    names one."""

    short: str
    full: str


def group_name(name: str, acronym: str) -> GroupName:
    """The acronym (the name when there is none) and 'ACRONYM · Name'."""
    return GroupName(acronym, f"{acronym} · {name}") if acronym else GroupName(name, name)


def group_names(groups: pd.DataFrame, lang: str) -> dict[str, GroupName]:
    """Group id -> its names in `lang`, ordered by founding year."""
    ordered = groups.sort_values(["founded_year", "id"], na_position="last")
    names = {}
    for row in ordered.itertuples(index=False):
        code = language_of(row, "name", lang)
        names[row.id] = group_name(getattr(row, f"name_{code}"), getattr(row, f"acronym_{code}"))
    return names


def group_labels(groups: pd.DataFrame, lang: str) -> dict[str, str]:
    """Group id -> 'ACRONYM · Name' in `lang`, ordered by founding year."""
    return {group_id: name.full for group_id, name in group_names(groups, lang).items()}


def group_acronyms(groups: pd.DataFrame, lang: str) -> dict[str, str]:
    """Group id -> its acronym in `lang` (its name when it has none), ordered by founding year."""
    return {group_id: name.short for group_id, name in group_names(groups, lang).items()}


def group_table(group_ids: list[str], groups: pd.DataFrame, lang: str) -> list[list[str]]:
    """[label, colour] for each id; ids without a row (imported names) keep their own name, in grey."""
    rows = groups.set_index("id")
    table = []
    for group_id in group_ids:
        if group_id in rows.index:
            row = rows.loc[group_id]
            code = language_of(row, "name", lang)
            label = group_name(row[f"name_{code}"], row[f"acronym_{code}"]).full
            table.append([label, row["color"] or UNKNOWN_COLOR])
        else:
            table.append([t("unknown_group", lang) if group_id == "unknown" else group_id, UNKNOWN_COLOR])
    return table

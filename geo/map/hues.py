"""The colour of an attack's circle: its group's own colour, or one of the Okabe-Ito colours for
the value of another field. The map's circles and its legend take both from `hues`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.analysis.filters import CURATED
from geo.data.vocab import ATTACK_TYPES, LOCATION_PRECISIONS, TARGET_TYPES
from geo.palette import OKABE_ITO, OTHER_COLOR
from geo.text.i18n import t, value_label
from geo.text.labels import group_table

# The column each field but "group" reads (the fields are `COLOR_FIELDS` of geo/state/urlstate.py),
# and the vocabulary that orders its values (None: the data's own).
FIELD_COLUMNS = {
    "attack_type": ("attack_type", ATTACK_TYPES),
    "target": ("target_type", TARGET_TYPES),
    "location_precision": ("location_precision", LOCATION_PRECISIONS),
    "dataset": ("origin", None),
}
# Precision is an order, not a set of kinds: its colours follow the vocabulary, not the counts.
ORDINAL = ("location_precision",)


def field_values(attacks: pd.DataFrame, field: str) -> pd.Series:
    """The value of `field` for each attack; an attack without an origin is curated."""
    column, _ = FIELD_COLUMNS[field]
    if column not in attacks:
        return pd.Series(CURATED, index=attacks.index, dtype=object)
    return attacks[column].fillna("").astype(str)


def value_text(field: str, value: str, lang: str) -> str:
    """A value of `field` as the legend writes it in `lang`; an imported dataset keeps its own name."""
    if field == "dataset":
        return t("curated", lang) if value == CURATED else value
    return value_label(FIELD_COLUMNS[field][0], value, lang)


def ordered_values(values: pd.Series, field: str) -> list[str]:
    """The distinct values, the most frequent first (ties, and an ordinal field, in vocabulary order)."""
    vocabulary = FIELD_COLUMNS[field][1] or ()
    rank = {value: position for position, value in enumerate(vocabulary)}
    counts = values.value_counts(sort=False)
    first = {value: position for position, value in enumerate(pd.unique(values.to_numpy(dtype=object)))}

    def order(value: str) -> tuple:
        known = rank.get(value, len(rank) + first[value])
        return (known,) if field in ORDINAL else (-counts[value], known)

    return sorted(counts.index, key=order)


def hues(
    attacks: pd.DataFrame, field: str, groups: pd.DataFrame, lang: str, among: pd.DataFrame | None = None
) -> tuple[np.ndarray, list[dict]]:
    """For each attack the position of its colour in the list of `{label, color}` returned with it.

    By group, each group keeps the colour groups.csv gives it. By another field, each value of
    `among` (the attacks themselves by default; the map's selection over every year for a legend
    of some years) takes an Okabe-Ito colour, the most frequent first; past as many values as there
    are colours, the rarest share one grey entry, so that no two values share a colour unsaid."""
    if field == "group":
        order = pd.unique(attacks["group_id"].to_numpy(dtype=object)).tolist()
        codes = pd.Index(order).get_indexer(attacks["group_id"])
        entries = [{"label": label, "color": color} for label, color in group_table(order, groups, lang)]
        return codes.astype(np.uint16), entries
    values = field_values(attacks, field)
    order = ordered_values(field_values(attacks if among is None else among, field), field)
    coloured = order if len(order) <= len(OKABE_ITO) else order[: len(OKABE_ITO) - 1]
    entries = [{"label": value_text(field, value, lang), "color": color} for value, color in zip(coloured, OKABE_ITO)]
    if len(coloured) < len(order) or not set(values) <= set(order):
        entries.append({"label": t("legend_other_values", lang), "color": OTHER_COLOR})
    position = {value: k for k, value in enumerate(coloured)}
    codes = values.map(position).fillna(len(entries) - 1).to_numpy(dtype=np.uint16)
    return codes, entries


def hue_legend(
    attacks: pd.DataFrame, field: str, groups: pd.DataFrame, lang: str, among: pd.DataFrame | None = None
) -> list[dict]:
    """The `{label, color}` of the colours `attacks` show, in the order `hues` gives them."""
    codes, entries = hues(attacks, field, groups, lang, among)
    return [entries[code] for code in sorted(set(codes.tolist()))]

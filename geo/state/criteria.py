"""The selection a view asks for, as plain values: criteria, their fingerprint, filter options."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import pandas as pd

from geo import params
from geo.analysis.filters import KILLED_STOPS, with_lineage
from geo.data.countries import country_name
from geo.data.vocab import ATTACK_TYPES, TARGET_TYPES
from geo.text.escape import compact_json
from geo.text.i18n import value_label
from geo.text.labels import group_labels
from geo.text.numbers import number_text

# Session key of the imported files: (source, name, format, modification time) for each; the source
# is a path, or an upload's fingerprint (see geo.io.userfiles.upload_source).
IMPORTS_KEY = "imports"
# Session key of the uploaded files' bytes by source, for as long as the session imports them.
UPLOADS_KEY = "uploads"
# Session key of the configured or saved files that failed to import: (entry, why) for each.
BROKEN_IMPORTS_KEY = "broken_imports"
# Session key of the links a person confirmed or rejected: (record, target) to decision.
DECISIONS_KEY = "link_decisions"


# Session key of a year window that playing asks for; the frame applies it before drawing the slider.
PENDING_YEARS_KEY = "pending_years"


def attack_criteria(state: Mapping, group_links: pd.DataFrame) -> dict:
    """Keyword arguments of `select_attacks` for the view in `state` (plain values only)."""
    return {
        "years": tuple(int(y) for y in state[params.YEARS]),
        "groups": tuple(attack_groups(state, group_links)),
        "countries": tuple(state[params.COUNTRIES]),
        "country_mode": state[params.COUNTRY_MODE],
        "region": state[params.REGION],
        "attack_types": tuple(state[params.ATTACK_TYPES]),
        "target_types": tuple(state[params.TARGET_TYPES]),
        "nationalities": tuple(state[params.NATIONALITIES]),
        "min_casualties": int(state[params.MIN_CASUALTIES]),
        **killed_range(state[params.KILLED]),
        "location_precisions": tuple(state[params.PLACE_PRECISIONS]),
        "date_precisions": tuple(state[params.DATE_PRECISIONS]),
        "include_foiled": bool(state[params.FOILED]),
        "origin": state[params.ORIGIN],
        "hide_doubtful": bool(state[params.HIDE_DOUBTFUL]),
        **incident_criteria(state),
    }


def incident_criteria(state: Mapping) -> dict:
    """The imports of the session and the decisions on their links, as plain values."""
    return {
        "imports": tuple(tuple(item) for item in state.get(IMPORTS_KEY, ())),
        "decisions": tuple(sorted((*pair, decision) for pair, decision in state.get(DECISIONS_KEY, {}).items())),
    }


def killed_range(values) -> dict:
    """The killed range of the sidebar as `select_attacks` takes it: the top stop means no upper bound."""
    low, high = (int(v) for v in values)
    return {"killed_min": low, "killed_max": None if high >= KILLED_STOPS[-1] else high}


# The criteria that say which records make the incidents, not which incidents are selected.
INCIDENT_CRITERIA = ("imports", "decisions")


def filter_arguments(criteria: Mapping) -> dict:
    """The criteria `select_attacks` takes: all but the imports and the decisions on their links."""
    return {key: value for key, value in criteria.items() if key not in INCIDENT_CRITERIA}


def every_year(criteria: Mapping) -> dict:
    """The same selection over every year: what the map's time bar scrubs through in the browser."""
    return {**criteria, "years": None}


def selection_key(criteria: Mapping) -> str:
    """A short fingerprint of a selection, so a click is never applied to another selection."""
    return hashlib.sha1(compact_json(criteria).encode()).hexdigest()[:10]


def filter_options(attacks: pd.DataFrame, groups: pd.DataFrame, lang: str) -> dict[str, dict[str, str]]:
    """For each list filter, the ids it offers (those found in the data) and their labels."""
    countries = sorted(set(attacks["country_iso3"]), key=lambda c: country_name(c, lang))
    nationals = {n for cell in attacks["perpetrator_nationalities"].fillna("") for n in cell.split(";") if n}
    return {
        params.GROUPS: group_labels(groups, lang),
        params.COUNTRIES: {c: country_name(c, lang) for c in countries},
        params.NATIONALITIES: {
            c: country_name(c, lang) for c in sorted(nationals, key=lambda c: country_name(c, lang))
        },
        params.ATTACK_TYPES: {
            v: value_label("attack_type", v, lang) for v in ATTACK_TYPES if v in set(attacks["attack_type"])
        },
        params.TARGET_TYPES: {
            v: value_label("target_type", v, lang) for v in TARGET_TYPES if v in set(attacks["target_type"])
        },
    }


def attack_counts(attacks: pd.DataFrame) -> dict[str, dict[str, int]]:
    """How many attacks each group and each country has in `attacks`."""
    return {
        params.GROUPS: attacks["group_id"].value_counts().to_dict(),
        params.COUNTRIES: attacks["country_iso3"].value_counts().to_dict(),
    }


def counted_choices(labels: Mapping[str, str], counts: Mapping[str, int], chosen, lang: str) -> dict[str, str]:
    """The ids of `labels` the data has (those in `counts`) or the view has chosen, in the order
    of `labels`, each labelled with its count: 'Afghanistan (42)'."""
    return {
        key: f"{label} ({number_text(int(counts.get(key, 0)), lang)})"
        for key, label in labels.items()
        if counts.get(key) or key in chosen
    }


# The parts of the view the map layers depend on.
VIEW_KEYS = (
    params.LAYERS,
    params.YEARS,
    params.CHOROPLETH,
    params.COLOR_BY,
    params.SIZE_BY,
    params.ONLINE_TILES,
    params.FIT_TO_SELECTION,
    params.GROUPS,
    params.LINEAGE,
)


def map_view(state: Mapping) -> dict:
    """The plain values of `state` the map layers depend on (a cache key)."""
    return {key: tuple(state[key]) if isinstance(state[key], (list, tuple)) else state[key] for key in VIEW_KEYS}


def attack_groups(state: Mapping, group_links: pd.DataFrame) -> list[str]:
    """The groups chosen in `state`, with their splinters and successors when asked."""
    groups = list(state[params.GROUPS])
    return with_lineage(groups, group_links) if state[params.LINEAGE] and groups else groups

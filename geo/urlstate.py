"""The view's state as URL query parameters and back, with every value checked.

Values travel as ids (group ids, dataset names, language codes), never as display
labels, so a link keeps working whatever language it is opened in.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from geo import params
from geo.i18n import LANGUAGES

LIST_PARAMS = (params.GROUPS,)


def state_defaults(year_span: tuple[int, int]) -> dict:
    """The view a URL without parameters shows."""
    return {params.LANG: "en", params.YEARS: year_span, params.GROUPS: [], params.DATASET: "attacks",
            params.SEARCH: "", params.APPLY_FILTERS: True}


def decode(query: Mapping[str, Sequence[str]], defaults: dict, group_ids: Sequence[str],
           datasets: Sequence[str]) -> dict:
    """State from query parameters (each a list of strings); bad values fall back to defaults."""
    state = dict(defaults)
    first = {key: values[0] for key, values in query.items() if values}
    if first.get(params.LANG, "").lower() in LANGUAGES:
        state[params.LANG] = first[params.LANG].lower()
    years = query.get(params.YEARS, [])
    if len(years) == 2 and all(y.lstrip("-").isdigit() for y in years):
        low, high = sorted(int(y) for y in years)
        span_low, span_high = defaults[params.YEARS]
        state[params.YEARS] = (max(low, span_low), min(high, span_high))
    state[params.GROUPS] = [g for g in dict.fromkeys(query.get(params.GROUPS, [])) if g in group_ids]
    if first.get(params.DATASET) in datasets:
        state[params.DATASET] = first[params.DATASET]
    if params.SEARCH in first:
        state[params.SEARCH] = first[params.SEARCH][:200]
    if first.get(params.APPLY_FILTERS) in ("0", "1"):
        state[params.APPLY_FILTERS] = first[params.APPLY_FILTERS] == "1"
    return state


def encode(state: Mapping, defaults: Mapping) -> dict[str, str | list[str]]:
    """Query parameters for every value of `state` that differs from its default."""
    query: dict[str, str | list[str]] = {}
    for key, value in state.items():
        if key not in defaults or value is None or _same(value, defaults[key]):
            continue
        if key == params.YEARS:
            query[key] = [str(v) for v in value]
        elif key in LIST_PARAMS:
            query[key] = list(value)
        elif isinstance(value, bool):
            query[key] = "1" if value else "0"
        else:
            query[key] = str(value)
    return query


def _same(value, default) -> bool:
    if isinstance(value, (list, tuple)) and isinstance(default, (list, tuple)):
        return list(value) == list(default)
    return value == default

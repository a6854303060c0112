"""The view's state as URL query parameters and back, with every value checked.

Values travel as ids (group ids, dataset names, language codes), never as display
labels, so a link keeps working whatever language it is opened in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit

import pandas as pd

from geo import params
from geo.analysis.cooperation import organization_labels
from geo.analysis.filters import COUNTRY_MODES, KILLED_ANY, KILLED_STOPS, REGIONS
from geo.analysis.story import STEPS
from geo.data.countries import country_name
from geo.data.vocab import ATTACK_TYPES, DATE_PRECISIONS, LOCATION_PRECISIONS, TARGET_TYPES
from geo.text.i18n import DATASET_LABELS, LANGUAGES, dataset_label, t, value_label
from geo.text.labels import group_labels

MAP_LAYERS = ("attacks", "bases", "foreign_bases", "borders", "choropleth", "heatmap")
DEFAULT_LAYERS = ("attacks", "bases", "borders")
CHOROPLETH_METRICS = ("attacks", "casualties")
# What the map's circles may be coloured and sized by: `geo.map.hues` and `geo.map.markers` say
# what each means.
COLOR_FIELDS = ("group", "attack_type", "target", "location_precision", "dataset")
SIZE_FIELDS = ("both", "killed", "wounded", "fixed")
STACK_BY = ("group", "country")
MEASURES = ("attacks", "killed", "wounded")
ORIGINS = ("all", "curated", "imported")
MAX_CASUALTY_FILTER = 500
# The url_path of every page, so a link can tell a page's path from the server's base path.
PAGE_PATHS = ("map", "story", "timeline", "groups", "cooperation", "abroad", "data", "import")

# How each parameter is read back: a closed choice, a list of allowed ids, a flag, a number, text.
CHOICES = {
    params.LANG: LANGUAGES,
    params.CHOROPLETH: CHOROPLETH_METRICS,
    params.COLOR_BY: COLOR_FIELDS,
    params.SIZE_BY: SIZE_FIELDS,
    params.STACK_BY: STACK_BY,
    params.MEASURE: MEASURES,
    params.ORIGIN: ORIGINS,
    params.REGION: REGIONS,
    params.COUNTRY_MODE: COUNTRY_MODES,
}
LISTS = (
    params.GROUPS,
    params.COUNTRIES,
    params.ATTACK_TYPES,
    params.TARGET_TYPES,
    params.NATIONALITIES,
    params.LAYERS,
    params.PLACE_PRECISIONS,
    params.DATE_PRECISIONS,
)
# What an older link's `precise=1` (hide the places known only by their country) asks for now.
PRECISE_PLACES = tuple(p for p in LOCATION_PRECISIONS if p != "country")
FLAGS = (
    params.LINEAGE,
    params.FOILED,
    params.APPLY_FILTERS,
    params.ONLINE_TILES,
    params.FIT_TO_SELECTION,
    params.PRESENT,
    params.HIDE_DOUBTFUL,
)
# Choices a link may ask for but only the person who opens it may make: each sends requests
# off this machine. The frame keeps here which of them the opened link asked for.
ASK_FIRST = (params.ONLINE_TILES,)
ASKED_KEY = "asked_by_link"


def state_defaults(year_span: tuple[int, int]) -> dict:
    """The view a URL without parameters shows."""
    return {
        params.LANG: "en",
        params.YEARS: year_span,
        params.GROUPS: [],
        params.LINEAGE: False,
        params.COUNTRIES: [],
        params.ATTACK_TYPES: [],
        params.TARGET_TYPES: [],
        params.NATIONALITIES: [],
        params.REGION: "all",
        params.COUNTRY_MODE: "include",
        params.MIN_CASUALTIES: 0,
        params.KILLED: KILLED_ANY,
        params.PLACE_PRECISIONS: [],
        params.DATE_PRECISIONS: [],
        params.FOILED: True,
        params.DATASET: "attacks",
        params.SEARCH: "",
        params.APPLY_FILTERS: True,
        params.LAYERS: list(DEFAULT_LAYERS),
        params.CHOROPLETH: "attacks",
        params.COLOR_BY: "group",
        params.SIZE_BY: "both",
        params.ONLINE_TILES: False,
        params.FIT_TO_SELECTION: False,
        params.STACK_BY: "group",
        params.MEASURE: "attacks",
        params.PROFILE: "imu",
        params.ORGANIZATION: "csto",
        params.YEAR: year_span[1],
        params.STEP: 1,
        params.PRESENT: False,
        params.ORIGIN: "all",
        params.HIDE_DOUBTFUL: False,
    }


def allowed_values(
    group_ids: Sequence[str], country_ids: Sequence[str], datasets: Sequence[str], org_ids: Sequence[str] = ()
) -> dict:
    """The ids each list or choice parameter may hold, given the loaded data."""
    return {
        params.GROUPS: group_ids,
        params.PROFILE: group_ids,
        params.ORGANIZATION: org_ids,
        params.COUNTRIES: country_ids,
        params.NATIONALITIES: country_ids,
        params.ATTACK_TYPES: ATTACK_TYPES,
        params.TARGET_TYPES: TARGET_TYPES,
        params.LAYERS: MAP_LAYERS,
        params.DATASET: datasets,
        params.PLACE_PRECISIONS: LOCATION_PRECISIONS,
        params.DATE_PRECISIONS: DATE_PRECISIONS,
        **CHOICES,
    }


def _years(values: Sequence[str], span: tuple[int, int]):
    if len(values) != 2 or not all(v.lstrip("-").isdigit() for v in values):
        return None
    low, high = sorted(int(v) for v in values)
    low, high = max(low, span[0]), min(high, span[1])
    return (low, high) if low <= high else None


def _allowed_id(value: str, ids: Sequence[str]) -> str | None:
    """The id of `ids` that `value` names, whatever its case ("FR" and "IMU" name "fr", "imu")."""
    return {id_.lower(): id_ for id_ in ids}.get(value.lower())


def _killed(values: Sequence[str]):
    stops = {str(stop): stop for stop in KILLED_STOPS}
    if len(values) != 2 or not all(v in stops for v in values):
        return None
    return tuple(sorted(stops[v] for v in values))


def decode(query: Mapping[str, Sequence[str]], defaults: dict, allowed: Mapping[str, Sequence[str]]) -> dict:
    """State from query parameters (each a list of strings); bad values fall back to defaults."""
    state = dict(defaults)
    first = {key: values[0] for key, values in query.items() if values}
    for key, values in query.items():
        if key == params.YEARS:
            state[key] = _years(values, defaults[key]) or defaults[key]
        elif key == params.KILLED:
            state[key] = _killed(values) or defaults[key]
        elif key in LISTS:
            state[key] = [v for v in dict.fromkeys(values) if v in allowed[key]]
        elif key in FLAGS and first.get(key) in ("0", "1"):
            state[key] = first[key] == "1"
        elif key == params.MIN_CASUALTIES and first.get(key, "").isdigit():
            state[key] = min(int(first[key]), MAX_CASUALTY_FILTER)
        elif key == params.STEP and first.get(key, "").isdigit():
            state[key] = min(max(int(first[key]), 1), len(STEPS))
        elif key == params.YEAR and first.get(key, "").isdigit():
            low, high = defaults[params.YEARS]
            state[key] = min(max(int(first[key]), low), high)
        elif key == params.SEARCH and key in first:
            state[key] = first[key][:200]
        elif key in allowed and (found := _allowed_id(first.get(key, ""), allowed[key])) is not None:
            state[key] = found
    if first.get(params.HIDE_VAGUE_PLACES) == "1" and params.PLACE_PRECISIONS not in query:
        state[params.PLACE_PRECISIONS] = list(PRECISE_PLACES)
    return state


def held_back(decoded: Mapping, defaults: Mapping) -> tuple[dict, list[str]]:
    """`decoded` with every choice of ASK_FIRST at its default, and the ones the link asked for."""
    asked = [key for key in ASK_FIRST if not same(decoded.get(key), defaults[key])]
    return {**decoded, **{key: defaults[key] for key in ASK_FIRST}}, asked


def encode(state: Mapping, defaults: Mapping) -> dict[str, str | list[str]]:
    """Query parameters for every value of `state` that differs from its default."""
    query: dict[str, str | list[str]] = {}
    for key, value in state.items():
        if key not in defaults or value is None or same(value, defaults[key]):
            continue
        if key in (params.YEARS, params.KILLED):
            query[key] = [str(v) for v in value]
        elif key in LISTS:
            # An empty list must still reach the URL when the default is not empty.
            query[key] = list(value) or [""]
        elif isinstance(value, bool):
            query[key] = "1" if value else "0"
        else:
            query[key] = str(value)
    return query


def checked(state: Mapping, defaults: dict, allowed: Mapping[str, Sequence[str]]) -> dict:
    """Every view value of `state` as the URL would bring it back: allowed ids only, and a
    default for anything missing or not an id (a display label, a value from another language).

    Pages look their values up among ids; one stray label or one missing key would stop every
    later run of the session."""
    query: dict[str, str | list[str]] = {}
    for key in defaults:
        try:
            query.update(encode({key: state.get(key)}, defaults))
        except (TypeError, ValueError):
            continue
    return decode(
        {key: value if isinstance(value, list) else [value] for key, value in query.items()}, defaults, allowed
    )


# The sidebar's filters in its "More filters" box, whose widgets are drawn only while it is open.
MORE_FILTERS = (
    params.REGION,
    params.COUNTRY_MODE,
    params.COUNTRIES,
    params.ATTACK_TYPES,
    params.TARGET_TYPES,
    params.NATIONALITIES,
    params.MIN_CASUALTIES,
    params.KILLED,
    params.PLACE_PRECISIONS,
    params.DATE_PRECISIONS,
    params.FOILED,
    params.ORIGIN,
    params.HIDE_DOUBTFUL,
)


def more_filters_set(state: Mapping, defaults: Mapping) -> bool:
    """Whether a filter of the "More filters" box is set (not its default): the box then opens by
    itself, so that no filter narrows the view unseen, from a shared link say."""
    return any(key in state and not same(state[key], defaults[key]) for key in MORE_FILTERS)


def same(value, default) -> bool:
    if isinstance(value, (list, tuple)) and isinstance(default, (list, tuple)):
        return list(value) == list(default)
    return value == default


def share_url(page_url: str, page_path: str, query: Mapping[str, str | list[str]]) -> str:
    """The link to this view: the server's address, the page's path and the view's parameters."""
    parts = urlsplit(page_url)
    base = parts.path.rstrip("/")
    last = base.rsplit("/", 1)[-1]
    if last in PAGE_PATHS:
        base = base[: -len(last)].rstrip("/")
    path = f"{base}/{page_path}" if page_path else f"{base}/"
    text = urlencode(query, doseq=True)
    return f"{parts.scheme}://{parts.netloc}{path}" + (f"?{text}" if text else "")


def widget_labels(
    groups: pd.DataFrame, organizations: pd.DataFrame, countries: Sequence[str]
) -> dict[str, dict[str, list[str]]]:
    """For each URL parameter a widget shows by label: each id and its labels in every language."""

    def labelled(ids, label) -> dict[str, list[str]]:
        return {value: [label(value, lang) for lang in LANGUAGES] for value in ids if value}

    group_names = {lang: group_labels(groups, lang) for lang in LANGUAGES}
    org_names = {lang: organization_labels(organizations, lang) for lang in LANGUAGES}
    return {
        params.CHOROPLETH: labelled(CHOROPLETH_METRICS, lambda v, lang: value_label("choropleth", v, lang)),
        params.COLOR_BY: labelled(COLOR_FIELDS, lambda v, lang: value_label("color_by", v, lang)),
        params.SIZE_BY: labelled(SIZE_FIELDS, lambda v, lang: value_label("size_by", v, lang)),
        params.LAYERS: labelled(MAP_LAYERS, lambda v, lang: value_label("layer", v, lang)),
        params.STACK_BY: labelled(STACK_BY, lambda v, lang: t(f"stack_{v}", lang)),
        params.MEASURE: labelled(MEASURES, lambda v, lang: t(f"measure_{v}", lang)),
        params.ORIGIN: labelled(ORIGINS, lambda v, lang: t(f"origin_{v}", lang)),
        params.DATASET: labelled(DATASET_LABELS, dataset_label),
        params.PROFILE: labelled(groups["id"], lambda v, lang: group_names[lang][v]),
        params.GROUPS: labelled(groups["id"], lambda v, lang: group_names[lang][v]),
        params.COUNTRIES: labelled(countries, country_name),
        params.NATIONALITIES: labelled(countries, country_name),
        params.ATTACK_TYPES: labelled(ATTACK_TYPES, lambda v, lang: value_label("attack_type", v, lang)),
        params.TARGET_TYPES: labelled(TARGET_TYPES, lambda v, lang: value_label("target_type", v, lang)),
        params.REGION: labelled(REGIONS, lambda v, lang: t(f"region_{v}", lang)),
        params.COUNTRY_MODE: labelled(COUNTRY_MODES, lambda v, lang: t(f"country_mode_{v}", lang)),
        params.PLACE_PRECISIONS: labelled(
            LOCATION_PRECISIONS, lambda v, lang: value_label("location_precision", v, lang)
        ),
        params.DATE_PRECISIONS: labelled(DATE_PRECISIONS, lambda v, lang: value_label("date_precision", v, lang)),
        params.ORGANIZATION: labelled(organizations["id"], lambda v, lang: org_names[lang][v]),
    }


def restored_ids(value, labels: Mapping[str, Sequence[str]]):
    """`value` (an id or a list of ids) with any display label turned back into its id.

    A widget that keeps its value across pages hands back, once the language has changed, the
    label it showed rather than the id it was given; the URL and every page expect ids."""
    by_label = {label: id_ for id_, names in labels.items() for label in names}

    def restored(item):
        if item in labels:
            return item
        return by_label.get(item) or by_label.get(uncounted(item), item)

    return [restored(item) for item in value] if isinstance(value, (list, tuple)) else restored(value)


# A count after a label, as the sidebar's lists show how many attacks each choice has: "(42)",
# "(1 234)" with any thousands separator.
_COUNT = re.compile(r" \(\d[\d\s.,]*\)$")


def uncounted(label):
    """`label` without the count the sidebar shows after it: the count changes with the imports,
    and a widget may hand back the label it showed before."""
    return _COUNT.sub("", label) if isinstance(label, str) else label

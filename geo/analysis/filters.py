"""Pure selections over the datasets: years, groups and free-text search."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import pandas as pd

from geo.data.vocab import CENTRAL_ASIA

# Which columns place each dataset in time: one year, or a period [start, end].
YEAR_COLUMN = {"attacks": "year", "events": "year"}
PERIOD_COLUMNS = {
    "groups": ("founded_year", "end_year"),
    "group_links": ("start_year", "end_year"),
    "bases": ("start_year", "end_year"),
    "borders": ("start_year", "end_year"),
}
# Which column of each dataset names groups; list columns hold ';'-separated ids.
GROUP_COLUMNS = {
    "attacks": ("group_id",),
    "events": ("group_ids",),
    "groups": ("id",),
    "group_links": ("from_group", "to_group"),
    "bases": ("group_id",),
}


def year_span(attacks: pd.DataFrame, events: pd.DataFrame, first: int = 1991) -> tuple[int, int]:
    """The full span of the data in years, starting no later than `first`."""
    years = pd.concat([attacks["year"], events["year"]]).dropna()
    return min(first, int(years.min())), int(years.max())


def in_years(frame: pd.DataFrame, name: str, years: tuple[int, int]) -> pd.DataFrame:
    """Rows dated within `years`, or whose period overlaps them; other datasets untouched."""
    low, high = years
    if name in YEAR_COLUMN:
        year = frame[YEAR_COLUMN[name]]
        return frame[(year >= low) & (year <= high)]
    if name in PERIOD_COLUMNS:
        start, end = PERIOD_COLUMNS[name]
        starts = frame[start].fillna(low)
        ends = frame[end].fillna(high)
        return frame[(starts <= high) & (ends >= low)]
    return frame


def _mentions(cell: str, wanted: set[str]) -> bool:
    return bool(wanted.intersection(cell.split(";")))


def of_groups(frame: pd.DataFrame, name: str, groups: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Rows that involve any of `groups`; every row when no group is chosen."""
    if not groups or name not in GROUP_COLUMNS:
        return frame
    wanted = set(groups)
    keep = pd.Series(False, index=frame.index)
    for column in GROUP_COLUMNS[name]:
        keep |= frame[column].fillna("").map(lambda cell: _mentions(cell, wanted))
    return frame[keep]


def fold(text: str) -> str:
    """Lowercase without accents, so 'Tachkent' finds 'TACHKENT' and 'ouzbek' finds 'Ouzbek'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matching(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows where any text column contains every word of `query`, ignoring case and accents."""
    words = [fold(w) for w in query.split()]
    if not words:
        return frame
    text_columns = [c for c in frame.columns if c != "geometry"]
    haystack = pd.Series("", index=frame.index)
    for column in text_columns:
        haystack = haystack + " " + frame[column].astype(str).fillna("")
    haystack = haystack.map(fold)
    keep = pd.Series(True, index=frame.index)
    for word in words:
        keep &= haystack.str.contains(word, regex=False)
    return frame[keep]


def select(
    frame: pd.DataFrame,
    name: str,
    years: tuple[int, int] | None = None,
    groups: list[str] | tuple[str, ...] = (),
    query: str = "",
) -> pd.DataFrame:
    """The rows of dataset `name` that pass every filter given."""
    if years is not None:
        frame = in_years(frame, name, years)
    return matching(of_groups(frame, name, groups), query)


CURATED = "curated"

# Link kinds through which a group lives on in another: its splinters and its successors.
# A pledge of allegiance is left out: it binds a group to another without descending from it.
LINEAGE_KINDS = ("split", "merger", "successor")


def with_lineage(
    groups: list[str] | tuple[str, ...], links: pd.DataFrame, kinds: tuple[str, ...] = LINEAGE_KINDS
) -> list[str]:
    """`groups` plus every group descended from them through `kinds` of links, in order found."""
    children: dict[str, list[str]] = {}
    for row in links[links["kind"].isin(kinds)].itertuples(index=False):
        children.setdefault(row.from_group, []).append(row.to_group)
    found = list(dict.fromkeys(groups))
    for group in found:
        found.extend(child for child in children.get(group, []) if child not in found)
    return found


def casualties_high(attacks: pd.DataFrame) -> pd.Series:
    """Killed plus wounded at the upper estimate (the lower one where no upper is given)."""
    killed = attacks["killed_high"].fillna(attacks["killed_low"]).fillna(0)
    wounded = attacks["wounded_high"].fillna(attacks["wounded_low"]).fillna(0)
    return (killed + wounded).astype("int64")


# Where an attack happened, as the region filter names it: anywhere, in one of the five republics
# (geo.data.vocab.CENTRAL_ASIA) or outside them.
ALL_REGIONS, INSIDE, OUTSIDE = REGIONS = ("all", "inside", "outside")
# Whether the chosen countries are the only ones kept or the ones left out.
INCLUDE, EXCLUDE = COUNTRY_MODES = ("include", "exclude")

# The stops of the sidebar's killed range, closer together where most tolls are; the last means
# that many or more, so the full range filters nothing.
KILLED_STOPS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500)
KILLED_ANY = (KILLED_STOPS[0], KILLED_STOPS[-1])


def killed_in_range(attacks: pd.DataFrame, low: int, high: int | None) -> pd.Series:
    """Whether the estimates of the killed reach into `low`–`high` (None: no upper bound), so a
    toll the sources put at 3–12 is in 10–50 and in 0–5 alike. An attack whose toll no source gives
    is in no range."""
    upper = attacks["killed_high"].fillna(attacks["killed_low"])
    lower = attacks["killed_low"].fillna(attacks["killed_high"])
    inside = upper.ge(low).fillna(False)
    if high is not None:
        inside &= lower.le(high).fillna(False)
    return inside.astype(bool)


def _any_listed(cells: pd.Series, wanted: list[str] | tuple[str, ...]) -> pd.Series:
    return cells.fillna("").map(lambda cell: _mentions(cell, set(wanted)))


def select_attacks(
    attacks: pd.DataFrame,
    years: tuple[int, int] | None = None,
    groups: list[str] | tuple[str, ...] = (),
    countries: list[str] | tuple[str, ...] = (),
    attack_types: list[str] | tuple[str, ...] = (),
    target_types: list[str] | tuple[str, ...] = (),
    nationalities: list[str] | tuple[str, ...] = (),
    min_casualties: int = 0,
    include_foiled: bool = True,
    origin: str = "all",
    hide_doubtful: bool = False,
    region: str = "all",
    country_mode: str = "include",
    location_precisions: list[str] | tuple[str, ...] = (),
    date_precisions: list[str] | tuple[str, ...] = (),
    killed_min: int = 0,
    killed_max: int | None = None,
) -> pd.DataFrame:
    """Attacks passing every map filter; an empty list means no filter on that column.

    `origin` keeps the curated rows, the imported ones or both; `hide_doubtful` drops rows an
    imported dataset flags as possibly not terrorism (GTD's doubtterr). `region` keeps the attacks
    in the five republics or outside them; `country_mode` "exclude" drops `countries` rather than
    keeping only them. `killed_min`–`killed_max` (None: no upper bound) see `killed_in_range`."""
    frame = attacks if years is None else in_years(attacks, "attacks", years)
    keep = pd.Series(True, index=frame.index)
    for column, wanted in (
        ("group_id", groups),
        ("attack_type", attack_types),
        ("target_type", target_types),
        ("location_precision", location_precisions),
        ("date_precision", date_precisions),
    ):
        if wanted:
            keep &= frame[column].isin(wanted)
    if countries:
        listed = frame["country_iso3"].isin(countries)
        keep &= ~listed if country_mode == EXCLUDE else listed
    if region != ALL_REGIONS:
        keep &= frame["country_iso3"].isin(CENTRAL_ASIA) == (region == INSIDE)
    if nationalities:
        keep &= _any_listed(frame["perpetrator_nationalities"], nationalities)
    if min_casualties:
        keep &= casualties_high(frame) >= min_casualties
    if killed_min or killed_max is not None:
        keep &= killed_in_range(frame, killed_min, killed_max)
    if not include_foiled:
        keep &= ~frame["foiled"].astype(bool)
    if origin != "all" and "origin" in frame:
        keep &= (frame["origin"] == CURATED) == (origin == "curated")
    if hide_doubtful and "doubt" in frame:
        keep &= ~frame["doubt"].astype(bool)
    return frame[keep]


def with_imports(
    curated: pd.DataFrame, imported: list[pd.DataFrame], incident_of: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One row per incident: curated attacks beside imported ones, each row marked with its origin.

    An imported record that is the same event as another row (`incident_of` maps its id to that
    row's id) is not a row of its own: the incident's row lists it in `records`."""
    incident_of = incident_of or {}
    marked = curated.assign(origin=CURATED, citations="", doubt=False)
    frames = [marked] + [frame for frame in imported if len(frame)]
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else marked.copy()
    linked = combined["id"].isin(list(incident_of))
    records: dict[str, list[str]] = {}
    for record, incident in incident_of.items():
        records.setdefault(incident, []).append(record)
    kept = combined[~linked].reset_index(drop=True)
    kept["records"] = kept["id"].map(lambda i: ";".join(records.get(i, ()))).fillna("")
    return type(curated)(kept, geometry="geometry", crs=curated.crs) if hasattr(curated, "crs") else kept


def step_years(years: tuple[int, int], span: tuple[int, int], step: int) -> tuple[int, int] | None:
    """The window moved by `step` years keeping its width; a full-span window becomes its first
    (or last) year. None when the move would leave the span."""
    low, high = years
    if (low, high) == tuple(span):
        edge = span[0] if step > 0 else span[1]
        return (edge, edge)
    low, high = low + step, high + step
    return (low, high) if span[0] <= low and high <= span[1] else None

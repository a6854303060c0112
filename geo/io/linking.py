"""The same attack in two datasets is one incident: which records describe the same event.

Two records are candidates when their dates can be the same day (within a day, or overlapping
periods for a date known to the month or year), their places can be the same place (within
25 km, or within what the coarser record's location precision allows), and their perpetrators
are compatible (the same group once names are mapped through group_aliases.csv, or one of them
unknown). Each candidate gets a score and the reasons behind it; each record joins at most one
other dataset's record, its best candidate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyproj

from geo.data.vocab import UNKNOWN_GROUP

# The columns linking reads.
LINK_COLUMNS = ("id", "date", "date_precision", "lat", "lon", "location_precision", "country_iso3", "group_id")
GEOD = pyproj.Geod(ellps="WGS84")
KM_PER_DEGREE = 111.32
DAY_SLACK = 1
# How far apart two places may be and still be one place, by the coarser record's precision;
# a record placed only to its country matches anywhere in that country.
PLACE_KM = {"exact": 25.0, "city": 25.0, "province": 250.0}


@dataclass(frozen=True)
class Link:
    """`record` (an imported row) is the same event as `target` (a curated or earlier record)."""

    record: str
    target: str
    score: float
    reasons: tuple[str, ...]
    # "confirmed" or "rejected" when a person has decided on the link, "" while it is only proposed.
    decision: str = ""


CONFIRMED, REJECTED = "confirmed", "rejected"
# A decision on a link, keyed by (record, target).
Decisions = Mapping[tuple[str, str], str]


def periods(records: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """First and last day (days since 1970) each record's date may stand for: the day itself, or
    the whole month or year it is known to (the importers write those from their first day)."""
    dates = pd.to_datetime(records["date"])
    precision = records["date_precision"].to_numpy()
    last = dates.copy()
    last[precision == "month"] = dates[precision == "month"] + pd.offsets.MonthEnd(0)
    last[precision == "year"] = dates[precision == "year"] + pd.offsets.YearEnd(0)
    return _days(dates), _days(last)


def _days(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy(dtype="datetime64[D]").astype(np.int64)


# Places known to the city or better are bucketed in cells of half a degree, so that two places
# 25 km apart are always in the same or a neighbouring cell (up to 60° of latitude); coarser
# places are compared within their country.
CELL_DEG = 0.5
FINE_PLACES = ("exact", "city")
# Keys and days are packed in one integer, so one sorted search finds a key's days at once.
DAY_OFFSET, KEY_SHIFT = 50_000, 2**20


def sweep(left_keys, left_first, left_last, right_keys, right_first, right_last) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i, j) of the pairs with the same key whose periods come within a day.

    The right records sorted by key and first day are searched once per left record, so the work
    grows with the pairs found, not with the product; records dated to the day and coarser ones
    are searched apart, so that a few dates known only to the year do not widen every window."""
    found_i, found_j = [], []
    one_day = right_last == right_first
    for chosen in (np.flatnonzero(one_day), np.flatnonzero(~one_day)):
        if not len(chosen) or not len(left_keys):
            continue
        packed = right_keys[chosen] * KEY_SHIFT + right_first[chosen] + DAY_OFFSET
        order = np.argsort(packed, kind="stable")
        packed, positions = packed[order], chosen[order]
        longest = int((right_last[chosen] - right_first[chosen]).max())
        base = left_keys * KEY_SHIFT + DAY_OFFSET
        # A right record within a day of a left one starts at most `longest` days and the slack
        # before it, and no later than a day after its end.
        start = np.searchsorted(packed, base + left_first - longest - DAY_SLACK, side="left")
        stop = np.searchsorted(packed, base + left_last + DAY_SLACK, side="right")
        counts = stop - start
        i = np.repeat(np.arange(len(left_keys)), counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        j = positions[np.repeat(start, counts) + offsets]
        near = right_last[j] >= left_first[i] - DAY_SLACK
        found_i.append(i[near])
        found_j.append(j[near])
    if not found_i:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    return np.concatenate(found_i), np.concatenate(found_j)


def cells(records: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each record's cell column and row of the half-degree grid."""
    lat = pd.to_numeric(records["lat"], errors="coerce").fillna(0).to_numpy(float)
    lon = pd.to_numeric(records["lon"], errors="coerce").fillna(0).to_numpy(float)
    return np.floor(lon / CELL_DEG).astype(np.int64), np.floor(lat / CELL_DEG).astype(np.int64)


def candidate_pairs(left: pd.DataFrame, right: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i in left, j in right) of every pair whose dates come within a day and whose
    places are near enough to be compared: neighbouring cells when both places are known to the
    city, the same country otherwise."""
    if not len(left) or not len(right):
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    left_first, left_last = periods(left)
    right_first, right_last = periods(right)
    left_fine = left["location_precision"].isin(FINE_PLACES).to_numpy()
    right_fine = right["location_precision"].isin(FINE_PLACES).to_numpy()
    found_i, found_j = [], []
    # Both places known to the city: the right records in each of the 3 x 3 cells around.
    lx, ly = cells(left)
    rx, ry = cells(right)
    li, ri = np.flatnonzero(left_fine), np.flatnonzero(right_fine)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            keys_left = (ly[li] + 1000) * 4000 + lx[li] + 2000
            keys_right = (ry[ri] + dy + 1000) * 4000 + rx[ri] + dx + 2000
            i, j = sweep(keys_left, left_first[li], left_last[li], keys_right, right_first[ri], right_last[ri])
            found_i.append(li[i])
            found_j.append(ri[j])
    # A place known only to its province or country: the same country, once per pair.
    countries, _ = pd.factorize(pd.concat([left["country_iso3"], right["country_iso3"]], ignore_index=True))
    lc, rc = countries[: len(left)], countries[len(left) :]
    for left_rows, right_rows in (
        (np.flatnonzero(~left_fine), np.arange(len(right))),
        (li, np.flatnonzero(~right_fine)),
    ):
        i, j = sweep(
            lc[left_rows],
            left_first[left_rows],
            left_last[left_rows],
            rc[right_rows],
            right_first[right_rows],
            right_last[right_rows],
        )
        found_i.append(left_rows[i])
        found_j.append(right_rows[j])
    return np.concatenate(found_i), np.concatenate(found_j)


PRECISION_RANK = {"exact": 0, "city": 1, "province": 2, "country": 3}
# Place tolerance by rank of the coarser precision; NaN: the same country is enough.
RANK_KM = np.array([PLACE_KM["exact"], PLACE_KM["city"], PLACE_KM["province"], np.nan])


@dataclass(frozen=True)
class Columns:
    """The columns linking compares, as arrays; groups and countries as codes shared by both sides."""

    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    day: np.ndarray
    exact_day: np.ndarray
    rank: np.ndarray
    country: np.ndarray
    group: np.ndarray


def columns(left: pd.DataFrame, right: pd.DataFrame) -> tuple[Columns, Columns, np.ndarray, int]:
    """Both sides as `Columns`, the group names by code, and the code of the unknown group."""
    groups, names = pd.factorize(
        pd.concat([left["group_id"], right["group_id"]], ignore_index=True).fillna(UNKNOWN_GROUP)
    )
    countries, _ = pd.factorize(pd.concat([left["country_iso3"], right["country_iso3"]], ignore_index=True))
    names = np.asarray(names, dtype=object)
    unknown = int(np.flatnonzero(names == UNKNOWN_GROUP)[0]) if UNKNOWN_GROUP in set(names) else -1

    def side(frame: pd.DataFrame, part: slice) -> Columns:
        return Columns(
            ids=frame["id"].to_numpy(dtype=object),
            lat=pd.to_numeric(frame["lat"], errors="coerce").to_numpy(float),
            lon=pd.to_numeric(frame["lon"], errors="coerce").to_numpy(float),
            day=_days(pd.to_datetime(frame["date"])),
            exact_day=(frame["date_precision"] == "day").to_numpy(),
            rank=frame["location_precision"].map(PRECISION_RANK).fillna(3).to_numpy(dtype=np.int64),
            country=countries[part],
            group=groups[part],
        )

    return side(left, slice(0, len(left))), side(right, slice(len(left), None)), names, unknown


def best_links(
    left: pd.DataFrame, right: pd.DataFrame, i: np.ndarray, j: np.ndarray, rejected: frozenset = frozenset()
) -> list[Link]:
    """Of the candidate pairs, those that pass the place and perpetrator tests, scored; for each
    right record, its best left one that nobody has rejected (`rejected` holds (right id, left id)
    pairs). The rejected pairs that pass the tests come too, marked, so they can still be shown
    with their score and undone."""
    a, b, names, unknown = columns(left, right)
    allowed = RANK_KM[np.maximum(a.rank[i], b.rank[j])]
    by_country = np.isnan(allowed)
    # A flat-earth distance rules out most pairs cheaply (it errs by well under 2% at these
    # distances); the geodesic one decides for the rest.
    mean_lat = np.radians((a.lat[i] + b.lat[j]) / 2)
    km = KM_PER_DEGREE * np.hypot(a.lat[i] - b.lat[j], (a.lon[i] - b.lon[j]) * np.cos(mean_lat))
    close = ~by_country & (km <= np.nan_to_num(allowed) * 1.02)
    km[close] = GEOD.inv(a.lon[i][close], a.lat[i][close], b.lon[j][close], b.lat[j][close])[2] / 1000
    place_ok = np.where(by_country, a.country[i] == b.country[j], km <= np.nan_to_num(allowed))
    same_group = a.group[i] == b.group[j]
    either_unknown = (a.group[i] == unknown) | (b.group[j] == unknown)
    keep = place_ok & (same_group | either_unknown)
    i, j, km, allowed, by_country = i[keep], j[keep], km[keep], allowed[keep], by_country[keep]
    same_group, either_unknown = same_group[keep], either_unknown[keep]
    days = np.abs(a.day[i] - b.day[j])
    exact_day = a.exact_day[i] & b.exact_day[j]
    time_score = np.where(exact_day, 1 - days / (DAY_SLACK + 1), 0.5)
    place_score = np.where(by_country, 0.3, 1 - km / np.where(by_country, 1, allowed))
    known_same = same_group & ~either_unknown
    score = 0.4 * time_score + 0.4 * np.clip(place_score, 0, 1) + 0.2 * np.where(known_same, 1.0, 0.5)
    refused = np.zeros(len(i), dtype=bool)
    if rejected:
        suspect = np.flatnonzero(np.isin(b.ids[j], [record for record, _ in rejected]))
        refused[[k for k in suspect if (b.ids[j[k]], a.ids[i[k]]) in rejected]] = True
    # Best first for each right record: sort by record, then by score descending.
    allowed_pairs = np.flatnonzero(~refused)
    order = allowed_pairs[np.lexsort((-score[allowed_pairs], j[allowed_pairs]))]
    first = order[np.unique(j[order], return_index=True)[1]]

    def link(k: int, decision: str = "") -> Link:
        group = names[a.group[i[k]]] if a.group[i[k]] != unknown else names[b.group[j[k]]]
        why = reasons(
            int(days[k]), bool(exact_day[k]), float(km[k]), bool(by_country[k]), bool(known_same[k]), str(group)
        )
        return Link(str(b.ids[j[k]]), str(a.ids[i[k]]), round(float(score[k]), 3), why, decision)

    return [link(k) for k in first] + [link(k, REJECTED) for k in np.flatnonzero(refused)]


def reasons(days: int, exact_day: bool, km: float, by_country: bool, known_same: bool, group: str) -> tuple[str, ...]:
    """Why a pair is one incident, in words a reader can check."""
    when = ("same day" if days == 0 else f"{days} day apart") if exact_day else "overlapping periods"
    where = "same country" if by_country else f"{km:.0f} km apart"
    who = f"same group ({group})" if known_same else "perpetrator unknown in one record"
    return when, where, who


def links(targets: pd.DataFrame, records: pd.DataFrame, rejected: frozenset = frozenset()) -> list[Link]:
    """For each of `records`, its best candidate among `targets` that is not in `rejected`, if it has one."""
    if not len(targets) or not len(records):
        return []
    i, j = candidate_pairs(targets, records)
    return best_links(targets, records, i, j, rejected)


def incident_ids(record_ids: pd.Series, found: list[Link]) -> pd.Series:
    """Each record's incident: the record a chain of links leads back to (a curated attack, or the
    first import that has the event), the record itself when it has no link."""
    parent = {link.record: link.target for link in found}

    def root(record: str) -> str:
        seen = set()
        while record in parent and record not in seen:
            seen.add(record)
            record = parent[record]
        return record

    return record_ids.map(root)


def linked_across(curated: pd.DataFrame, imports: list[pd.DataFrame], decisions: Decisions | None = None) -> list[Link]:
    """Links of every imported record, each import matched against the curated attacks and the
    imports before it: an event in three datasets is one incident, whichever came first.

    A person's `decisions` win over the scores: a rejected pair is never linked (the record may
    then join its next best candidate; the pair is returned marked, see `effective`), and a
    confirmed one is kept even if the scores would now prefer another."""
    decisions = decisions or {}
    rejected = frozenset(pair for pair, decision in decisions.items() if decision == REJECTED)
    confirmed = {record: target for (record, target), decision in decisions.items() if decision == CONFIRMED}
    found: list[Link] = []
    earlier = [curated[list(LINK_COLUMNS)]]
    for frame in imports:
        if not len(frame):
            continue
        targets = pd.concat(earlier, ignore_index=True)
        known = set(targets["id"])
        found_here = links(targets, frame, rejected)
        proposed = {link.record: link for link in found_here if link.decision != REJECTED}
        found += [link for link in found_here if link.decision == REJECTED]
        for record in frame["id"]:
            target = confirmed.get(record)
            if target in known:
                link = proposed.get(record)
                same = link is not None and link.target == target
                proposed[record] = (
                    replace(link, decision=CONFIRMED) if same else Link(record, target, np.nan, (), CONFIRMED)
                )
        found += proposed.values()
        earlier.append(frame[list(LINK_COLUMNS)])
    return found


def effective(found: list[Link]) -> list[Link]:
    """The links that make incidents: all but those a person rejected."""
    return [link for link in found if link.decision != REJECTED]


DATASET_PREFIXES = ("gtd", "ucdp", "acled")
CROSSWALK_COLUMNS = (
    "incident_id",
    "curated_id",
    "record_id",
    "dataset",
    "dataset_id",
    "linked_to",
    "score",
    "reasons",
    "decision",
)


def crosswalk(found: list[Link], curated_ids: set[str]) -> pd.DataFrame:
    """One link a row: the incident it belongs to (its curated attack's id when it has one), the
    record, its dataset and the id that dataset gives it, the record it is linked to, the score and
    reasons, and a person's decision."""
    records = pd.Series([link.record for link in found], dtype=object)
    incident = incident_ids(records, effective(found))
    prefix = records.str.split("-", n=1).str[0]
    known = prefix.isin(DATASET_PREFIXES)
    table = pd.DataFrame(
        {
            "incident_id": incident,
            "curated_id": incident.where(incident.isin(curated_ids), ""),
            "record_id": records,
            "dataset": prefix.where(known, "project"),
            "dataset_id": records.str.split("-", n=1).str[1].where(known, records),
            "linked_to": [link.target for link in found],
            "score": [link.score for link in found],
            "reasons": ["; ".join(link.reasons) for link in found],
            "decision": [link.decision for link in found],
        },
        columns=list(CROSSWALK_COLUMNS),
    )
    return table

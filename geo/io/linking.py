"""The same attack in two datasets is one incident: which records describe the same event.

Two records are candidates when their dates can be the same day (within a day, or overlapping
periods for a date known to the month or year), their places can be the same place (within
25 km, or within what the coarser record's location precision allows), and their perpetrators
are compatible (the same group once names are mapped through group_aliases.csv, or one of them
unknown). Each candidate gets a score and the reasons behind it; each record joins at most one
other dataset's record, its best candidate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyproj

from geo.data.vocab import UNKNOWN_GROUP

GEOD = pyproj.Geod(ellps="WGS84")
DAY_SLACK = 1
# How far apart two places may be and still be one place, by the coarser record's precision;
# a record placed only to its country matches anywhere in that country.
PLACE_KM = {"exact": 25.0, "city": 25.0, "province": 250.0}
COLUMNS = ("id", "date", "date_precision", "lat", "lon", "location_precision", "country_iso3", "group_id")


@dataclass(frozen=True)
class Link:
    """`record` (an imported row) is the same event as `target` (a curated or earlier record)."""

    record: str
    target: str
    score: float
    reasons: tuple[str, ...]


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


def candidate_pairs(left: pd.DataFrame, right: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i in left, j in right) of every pair whose periods overlap.

    A sweep over the right records sorted by first day, so the work grows with the pairs found, not
    with the product; records dated to the day and coarser ones are swept apart, so that a few
    dates known only to the year do not widen every day's window to a year."""
    left_first, left_last = periods(left)
    right_first, right_last = periods(right)
    fine = right_last == right_first
    found_i, found_j = [], []
    for chosen in (np.flatnonzero(fine), np.flatnonzero(~fine)):
        if not len(chosen):
            continue
        order = chosen[np.argsort(right_first[chosen], kind="stable")]
        sorted_first = right_first[order]
        longest = int((right_last[chosen] - right_first[chosen]).max())
        # A right record within a day of a left one starts at most `longest` days and the slack
        # before it, and no later than a day after its end.
        start = np.searchsorted(sorted_first, left_first - longest - DAY_SLACK, side="left")
        stop = np.searchsorted(sorted_first, left_last + DAY_SLACK, side="right")
        counts = stop - start
        i = np.repeat(np.arange(len(left)), counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        j = order[np.repeat(start, counts) + offsets]
        overlap = right_last[j] >= left_first[i] - DAY_SLACK
        found_i.append(i[overlap])
        found_j.append(j[overlap])
    if not found_i:
        return np.array([], dtype=int), np.array([], dtype=int)
    return np.concatenate(found_i), np.concatenate(found_j)


def coarser(a: pd.Series, b: pd.Series) -> np.ndarray:
    """The coarser of two location precisions, pair by pair."""
    rank = {"exact": 0, "city": 1, "province": 2, "country": 3}
    ra, rb = a.map(rank).fillna(3).to_numpy(), b.map(rank).fillna(3).to_numpy()
    return np.where(ra >= rb, a.to_numpy(), b.to_numpy())


def scored(left: pd.DataFrame, right: pd.DataFrame, i: np.ndarray, j: np.ndarray) -> pd.DataFrame:
    """The candidate pairs that pass the place and perpetrator tests, with a score and reasons."""
    a, b = left.iloc[i].reset_index(drop=True), right.iloc[j].reset_index(drop=True)
    _, _, metres = GEOD.inv(
        a["lon"].to_numpy(float), a["lat"].to_numpy(float), b["lon"].to_numpy(float), b["lat"].to_numpy(float)
    )
    km = metres / 1000
    precision = coarser(a["location_precision"], b["location_precision"])
    allowed = pd.Series(precision).map(PLACE_KM).to_numpy(dtype=float)
    by_country = np.isnan(allowed)
    same_country = (a["country_iso3"] == b["country_iso3"]).to_numpy()
    place_ok = np.where(by_country, same_country, km <= np.nan_to_num(allowed))
    group_a, group_b = a["group_id"].fillna(UNKNOWN_GROUP), b["group_id"].fillna(UNKNOWN_GROUP)
    same_group = (group_a == group_b).to_numpy()
    unknown = ((group_a == UNKNOWN_GROUP) | (group_b == UNKNOWN_GROUP)).to_numpy()
    keep = place_ok & (same_group | unknown)
    days = np.abs((a["date"] - b["date"]).dt.days.to_numpy())
    exact_day = ((a["date_precision"] == "day") & (b["date_precision"] == "day")).to_numpy()
    time_score = np.where(exact_day, 1 - days / (DAY_SLACK + 1), 0.5)
    place_score = np.where(by_country, 0.3, 1 - km / np.where(by_country, 1, np.nan_to_num(allowed, nan=1)))
    group_score = np.where(same_group & ~unknown, 1.0, 0.5)
    frame = pd.DataFrame(
        {
            "record": b["id"],
            "target": a["id"],
            "score": (0.4 * time_score + 0.4 * place_score + 0.2 * group_score),
            "days": days,
            "exact_day": exact_day,
            "km": km,
            "by_country": by_country,
            "same_group": same_group & ~unknown,
            "group": group_a.where(group_a != UNKNOWN_GROUP, group_b),
        }
    )
    return frame[keep].reset_index(drop=True)


def reasons(row) -> tuple[str, ...]:
    """Why a pair is one incident, in words a reader can check."""
    when = ("same day" if row.days == 0 else f"{row.days} day apart") if row.exact_day else "overlapping periods"
    where = "same country" if row.by_country else f"{row.km:.0f} km apart"
    who = f"same group ({row.group})" if row.same_group else "perpetrator unknown in one record"
    return when, where, who


def links(targets: pd.DataFrame, records: pd.DataFrame) -> list[Link]:
    """For each of `records`, its best candidate among `targets`, if it has one."""
    if not len(targets) or not len(records):
        return []
    i, j = candidate_pairs(targets, records)
    pairs = scored(targets, records, i, j)
    best = pairs.sort_values(["record", "score"], ascending=[True, False], kind="stable").drop_duplicates("record")
    return [Link(row.record, row.target, round(float(row.score), 3), reasons(row)) for row in best.itertuples()]


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

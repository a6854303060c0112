"""Where the datasets disagree: the linked records of one incident whose date, place, perpetrator or
tolls differ by more than the thresholds below.

Linking already allows a day and up to 25 km between two records of one event; these thresholds are
what an analyst would want to check by hand, and the page states them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyproj

# Two records dated to the day differ when they are this many days apart or more.
DAYS_APART = 1
# Two places differ when they are farther apart than this, both known to the city or better.
PLACE_KM = 10.0
# Two tolls differ when the gap between their ranges exceeds both this many people and this share
# of the larger figure: 3 against 4 killed is a rounding, 30 against 60 is not.
TOLL_GAP = 2
TOLL_SHARE = 0.10
# What may differ, in the order a reader checks them.
ASPECTS = ("toll", "date", "place", "group")

GEOD = pyproj.Geod(ellps="WGS84")
FINE_PLACES = ("exact", "city")
SIDE_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "lat",
    "lon",
    "location_precision",
    "city",
    "country_iso3",
    "group_id",
    "killed_low",
    "killed_high",
    "wounded_low",
    "wounded_high",
)


def tolls_differ(low_a, high_a, low_b, high_b) -> np.ndarray:
    """Whether two toll ranges are apart by more than TOLL_GAP people and TOLL_SHARE of the larger;
    False when either side gives no figure."""
    low_a, high_a = _numbers(low_a), _numbers(high_a)
    low_b, high_b = _numbers(low_b), _numbers(high_b)
    high_a, high_b = np.where(np.isnan(high_a), low_a, high_a), np.where(np.isnan(high_b), low_b, high_b)
    gap = np.maximum(np.maximum(low_b - high_a, low_a - high_b), 0)
    allowed = np.maximum(TOLL_GAP, TOLL_SHARE * np.fmax(high_a, high_b))
    return np.nan_to_num(gap) > allowed


def _numbers(values) -> np.ndarray:
    return pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)


def compared(pairs: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """Each pair (`record_id` linked to `linked_to`) with both records' facts side by side (`_a` the
    record linked to, `_b` the linked one), their distance in days and km, and `differs`: the
    aspects of ASPECTS on which they disagree, as a tuple."""
    facts = records.loc[:, list(SIDE_COLUMNS)].drop_duplicates("id").set_index("id")
    facts["date"] = pd.to_datetime(facts["date"])
    a = facts.reindex(pairs["linked_to"]).add_suffix("_a").reset_index(drop=True)
    b = facts.reindex(pairs["record_id"]).add_suffix("_b").reset_index(drop=True)
    table = pd.concat([pairs.reset_index(drop=True), a, b], axis=1)
    both_days = (table["date_precision_a"] == "day") & (table["date_precision_b"] == "day")
    days = (table["date_b"] - table["date_a"]).dt.days.abs()
    table["days_apart"] = days.where(both_days)
    lat_a, lon_a = _numbers(table["lat_a"]), _numbers(table["lon_a"])
    lat_b, lon_b = _numbers(table["lat_b"]), _numbers(table["lon_b"])
    km = GEOD.inv(np.nan_to_num(lon_a), np.nan_to_num(lat_a), np.nan_to_num(lon_b), np.nan_to_num(lat_b))[2] / 1000
    both_fine = table["location_precision_a"].isin(FINE_PLACES) & table["location_precision_b"].isin(FINE_PLACES)
    placed = ~(np.isnan(lat_a) | np.isnan(lat_b) | np.isnan(lon_a) | np.isnan(lon_b))
    table["km_apart"] = pd.Series(km).where(both_fine & placed).round(1)
    differs = pd.DataFrame(
        {
            "toll": tolls_differ(
                table["killed_low_a"], table["killed_high_a"], table["killed_low_b"], table["killed_high_b"]
            )
            | tolls_differ(
                table["wounded_low_a"], table["wounded_high_a"], table["wounded_low_b"], table["wounded_high_b"]
            ),
            "date": (table["days_apart"] >= DAYS_APART).to_numpy(),
            "place": (table["km_apart"] > PLACE_KM).to_numpy(),
            "group": (table["group_id_a"].fillna("") != table["group_id_b"].fillna("")).to_numpy(),
        }
    )
    table["differs"] = [tuple(a for a in ASPECTS if row[a]) for row in differs.to_dict("records")]
    return table


def disagreeing(table: pd.DataFrame) -> pd.DataFrame:
    """The compared pairs that differ on at least one aspect, the most disagreeing first."""
    count = table["differs"].map(len)
    return table[count > 0].assign(_n=count).sort_values(["_n", "score"], ascending=[False, True]).drop(columns="_n")

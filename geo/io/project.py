"""Files already in this project's attacks schema."""

from __future__ import annotations

import pandas as pd

from geo.io.columns import coordinates, joined, tolls, written_dates

TOLL_COLUMNS = ("killed_low", "killed_high", "wounded_low", "wounded_high")


def from_project(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = rows.rename(columns={"group_id": "group_given"}).copy()
    dates = written_dates(rows, "date", pd.to_datetime(rows["date"], format="%Y-%m-%d", errors="coerce"))
    out["date"] = dates.values
    out["lat"], out["lon"], place_problems = coordinates(rows, "lat", "lon")
    out["country_name"] = rows["country_iso3"]
    out["actor"] = rows["group_id"]
    out["summary"] = rows["summary_en"]
    read = {name: tolls(rows, name) for name in TOLL_COLUMNS}
    for name, toll in read.items():
        out[name] = toll.values
    out["foiled"] = rows["foiled"].str.strip().str.lower() == "true"
    out["citations"] = rows["source_ids"]
    out["doubt"] = False
    return out, joined([dates.problems, place_problems, *(r.problems for r in read.values())])

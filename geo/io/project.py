"""Files already in this project's attacks schema."""

from __future__ import annotations

import pandas as pd

from geo.io.columns import numbers


def from_project(rows: pd.DataFrame) -> pd.DataFrame:
    out = rows.rename(columns={"group_id": "group_given"}).copy()
    out["date"] = pd.to_datetime(rows["date"], format="%Y-%m-%d", errors="coerce")
    out["country_name"] = rows["country_iso3"]
    out["actor"] = rows["group_id"]
    out["summary"] = rows["summary_en"]
    for column in ("killed_low", "killed_high", "wounded_low", "wounded_high"):
        out[column] = numbers(rows[column])
    out["foiled"] = rows["foiled"].str.strip().str.lower() == "true"
    out["citations"] = rows["source_ids"]
    out["doubt"] = False
    return out

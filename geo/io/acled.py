"""ACLED exports to the attacks schema."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.io.columns import column, coordinates, joined, joined_text, tolls, written_dates
from geo.io.places import iso_numeric

# ACLED geo_precision: 1 the town, 2 near it or its district, 3 the region; time_precision: 1 day, 2 week, 3 month.
ACLED_PLACE = {"1": "city", "2": "province", "3": "province"}


ACLED_DATE = {"1": "day", "2": "month", "3": "month"}


def _acled_dates(text: pd.Series) -> pd.Series:
    """ACLED dates, written '2020-03-21' in current exports and '21 March 2020' in older ones."""
    iso = pd.to_datetime(text.str.strip(), format="%Y-%m-%d", errors="coerce")
    spelled = pd.to_datetime(text.str.strip(), format="%d %B %Y", errors="coerce")
    return iso.fillna(spelled)


def from_acled(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    sub = column(rows, "sub_event_type").str.strip()
    event = column(rows, "event_type").str.strip()
    attack_type = np.select(
        [
            sub == "Suicide bomb",
            event == "Explosions/Remote violence",
            event.isin(["Battles", "Violence against civilians"]),
        ],
        ["suicide_bombing", "bombing", "armed_assault"],
        "other",
    )
    civilians = (event == "Violence against civilians") | (column(rows, "civilian_targeting").str.strip() != "")
    killed = tolls(rows, "fatalities")
    dates = written_dates(rows, "event_date", _acled_dates(rows["event_date"]))
    lat, lon, place_problems = coordinates(rows, "latitude", "longitude")
    codes = column(rows, "iso3") if "iso3" in rows else iso_numeric(column(rows, "iso"))
    mapped = pd.DataFrame(
        {
            "id": "acled-" + rows["event_id_cnty"].str.strip(),
            "date": dates.values,
            "date_precision": rows["time_precision"].str.strip().map(ACLED_DATE).fillna("month"),
            "city": joined_text(column(rows, "location"), column(rows, "admin1")),
            "country_name": rows["country"],
            "iso3_given": codes,
            "lat": lat,
            "lon": lon,
            "location_precision": rows["geo_precision"].str.strip().map(ACLED_PLACE).fillna("province"),
            "actor": rows["actor1"],
            "responsibility": "attributed",
            "perpetrator_nationalities": "",
            "attack_type": attack_type,
            "target_type": np.where(civilians, "civilians", "other"),
            "killed_low": killed.values,
            "killed_high": killed.values,
            "wounded_low": pd.NA,
            "wounded_high": pd.NA,
            "foiled": False,
            "summary": column(rows, "notes"),
            "citations": column(rows, "source"),
            "doubt": False,
        },
        index=rows.index,
    )
    return mapped, joined([dates.problems, place_problems, killed.problems])

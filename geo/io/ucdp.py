"""UCDP Georeferenced Event Dataset exports to the attacks schema."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.io.columns import column, coordinates, joined, joined_text, tolls, written_dates

# UCDP where_prec: 1 exact, 2 within 25 km, 3 second-order region, 4 first-order region, 5 linear feature,
# 6 country, 7 international waters or airspace; date_prec: 1 day, 2-4 within a week or month, 5 longer.
UCDP_PLACE = {
    "1": "exact",
    "2": "city",
    "3": "province",
    "4": "province",
    "5": "province",
    "6": "country",
    "7": "country",
}


UCDP_DATE = {"1": "day", "2": "month", "3": "month", "4": "month", "5": "year"}


def from_ucdp(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    one_sided = column(rows, "type_of_violence").str.strip() == "3"
    read = {name: tolls(rows, name) for name in ("low", "best", "high")}
    low, best, high = (read[name].values for name in ("low", "best", "high"))
    # UCDP's own low estimate sometimes exceeds its high one: the row is real, so the range is
    # widened to span all three estimates and the record says so.
    estimates = pd.concat([low.fillna(best), best, high.fillna(best)], axis=1)
    inverted = (low > high).fillna(False)
    dates = written_dates(
        rows, "date_start", pd.to_datetime(rows["date_start"].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    )
    lat, lon, place_problems = coordinates(rows, "latitude", "longitude")
    summary = joined_text(
        column(rows, "source_headline"), column(rows, "dyad_name") + ": " + column(rows, "where_description")
    )
    mapped = pd.DataFrame(
        {
            "id": "ucdp-" + rows["id"].str.strip(),
            "date": dates.values,
            "date_precision": rows["date_prec"].str.strip().map(UCDP_DATE).fillna("year"),
            "city": joined_text(column(rows, "where_description"), column(rows, "adm_1")),
            "country_name": rows["country"],
            # A Gleditsch-Ward code, read before the name (see geo.io.places.iso3_codes).
            "country_code": column(rows, "country_id"),
            "lat": lat,
            "lon": lon,
            "location_precision": rows["where_prec"].str.strip().map(UCDP_PLACE).fillna("country"),
            "actor": rows["side_a"].where(one_sided, rows["side_b"]),
            "responsibility": "attributed",
            "perpetrator_nationalities": "",
            "attack_type": "other",
            "target_type": np.where(one_sided, "civilians", "other"),
            "killed_low": estimates.min(axis=1),
            "killed_high": estimates.max(axis=1),
            "wounded_low": pd.NA,
            "wounded_high": pd.NA,
            "foiled": False,
            "summary": summary,
            "citations": column(rows, "source_article"),
            "doubt": False,
            "notes": np.where(
                inverted,
                "UCDP gives a low estimate ("
                + rows["low"].str.strip()
                + ") above its high one ("
                + rows["high"].str.strip()
                + "): the range spans low, best and high",
                "",
            ),
        },
        index=rows.index,
    )
    return mapped, joined([dates.problems, place_problems, *(r.problems for r in read.values())])

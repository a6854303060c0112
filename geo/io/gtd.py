"""Global Terrorism Database exports to the attacks schema."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.io.columns import column, coordinates, first_day, joined, joined_text, tolls

GTD_ATTACK_TYPES = {
    "Bombing/Explosion": "bombing",
    "Armed Assault": "armed_assault",
    "Assassination": "assassination",
    "Hostage Taking (Kidnapping)": "hostage_taking",
    "Hostage Taking (Barricade Incident)": "hostage_taking",
    "Hijacking": "hostage_taking",
    "Facility/Infrastructure Attack": "arson",
}


GTD_TARGET_TYPES = {
    "Private Citizens & Property": "civilians",
    "Government (General)": "government",
    "Government (Diplomatic)": "diplomatic",
    "Military": "military",
    "Police": "police",
    "Religious Figures/Institutions": "religious",
    "Transportation": "transport",
    "Airports & Aircraft": "transport",
    "Maritime": "transport",
    "Business": "business",
    "Educational Institution": "education",
    "Tourists": "tourists",
    "Journalists & Media": "journalists",
}


# GTD specificity: 1 the city itself, 2-4 a district or province, 5 the country.
GTD_PLACE = {"1": "city", "2": "province", "3": "province", "4": "province", "5": "country"}


def from_gtd(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    dates, precision, date_problems = first_day(rows, "iyear", "imonth", "iday")
    lat, lon, place_problems = coordinates(rows, "latitude", "longitude")
    suicide = column(rows, "suicide") == "1"
    attack_type = column(rows, "attacktype1_txt").map(GTD_ATTACK_TYPES).fillna("other")
    claimed = column(rows, "claimed") == "1"
    uncertain = column(rows, "guncertain1") == "1"
    killed, wounded = tolls(rows, "nkill"), tolls(rows, "nwound")
    citations = column(rows, "scite1").str.cat([column(rows, "scite2"), column(rows, "scite3")], sep="\n")
    mapped = pd.DataFrame(
        {
            "id": "gtd-" + rows["eventid"].str.strip(),
            "date": dates,
            "date_precision": precision,
            "city": joined_text(column(rows, "city").replace("Unknown", ""), column(rows, "provstate")),
            # The name, not GTD's numeric `country`: GTD writes both on every row, the name being its
            # own label for the code, so the name says as much. The names pycountry lacks are in
            # data/country_names.csv, each seen in a cited copy of GTD's values; no copy of the
            # codebook's list of codes is cited, and a code table without one would be a guess.
            "country_name": rows["country_txt"],
            "lat": lat,
            "lon": lon,
            "location_precision": rows["specificity"].str.strip().map(GTD_PLACE).fillna("country"),
            "actor": rows["gname"],
            "responsibility": np.where(claimed, "claimed", np.where(uncertain, "suspected", "attributed")),
            "perpetrator_nationalities": "",
            "attack_type": attack_type.where(~(suicide & (attack_type == "bombing")), "suicide_bombing"),
            "target_type": column(rows, "targtype1_txt").map(GTD_TARGET_TYPES).fillna("other"),
            "killed_low": killed.values,
            "killed_high": killed.values,
            "wounded_low": wounded.values,
            "wounded_high": wounded.values,
            "foiled": False,
            "summary": column(rows, "summary"),
            "citations": citations.str.strip(),
            "doubt": column(rows, "doubtterr") == "1",
        },
        index=rows.index,
    )
    return mapped, joined([date_problems, place_problems, killed.problems, wounded.problems])

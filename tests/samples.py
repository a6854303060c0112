"""Small hand-made attack tables whose counts the tests work out by hand, and exports written for
tests: GTD-layout rows of our own that repeat curated attacks, and look-alikes that must not be
linked."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from geo.io.sniff import EXTRA_COLUMNS, SIGNATURES


def attack(
    id,
    date="2015-06-01",
    group="imu",
    country="UZB",
    killed=(1, 2),
    wounded=(0, 0),
    precision="city",
    foiled=False,
    attack_type="bombing",
    target="police",
    nationalities="UZB",
    **extra,
):
    row = {
        "id": id,
        "date": pd.Timestamp(date),
        "date_precision": "day",
        "city": "Osh",
        "country_iso3": country,
        "lat": 40.5,
        "lon": 72.8,
        "location_precision": precision,
        "group_id": group,
        "responsibility": "claimed",
        "perpetrator_nationalities": nationalities,
        "attack_type": attack_type,
        "target_type": target,
        "killed_low": killed[0],
        "killed_high": killed[1],
        "wounded_low": wounded[0],
        "wounded_high": wounded[1],
        "foiled": foiled,
        "summary_en": f"Summary of {id}",
        "summary_fr": f"Résumé de {id}",
        "source_ids": "s1;s2",
        "notes": "",
    }
    row.update(extra)
    return row


def frame(*rows) -> pd.DataFrame:
    attacks = pd.DataFrame(rows)
    attacks["year"] = attacks["date"].dt.year
    for column in ("killed_low", "killed_high", "wounded_low", "wounded_high"):
        attacks[column] = attacks[column].astype("Int64")
    return attacks


ATTACKS = frame(
    attack("a", "1999-02-16", killed=(9, 20), wounded=(15, 120)),
    attack("b", "2004-03-29", group="iju", killed=(None, None), wounded=(None, None), target="civilians"),
    attack("c", "2015-08-01", group="iskp", country="AFG", precision="country", attack_type="suicide_bombing"),
    attack("d", "2017-04-07", group="unknown", country="SWE", killed=(5, 5), wounded=(14, 15), nationalities="UZB"),
    attack("e", "2024-03-22", group="iskp", country="RUS", killed=(145, 145), wounded=(551, 551), nationalities="TJK"),
    attack("f", "2024-07-25", group="iskp", country="BEL", killed=(0, 0), foiled=True, nationalities=""),
)


# imu -> iju, jamaat_ansarullah (splits), iskp (merger); ttp -> iskp (split); alliances and pledges do not descend.
LINKS = pd.DataFrame(
    {
        "id": [f"l{i}" for i in range(7)],
        "start_year": [2002, 2006, 2015, 1998, 2014, 2015, 1996],
        "end_year": pd.array([pd.NA] * 7, dtype="Int64"),
        "from_group": ["imu", "imu", "imu", "imu", "ttp", "iju", "hizb"],
        "to_group": ["iju", "jamaat_ansarullah", "iskp", "taliban", "iskp", "taliban", "akramiya"],
        "kind": ["split", "split", "merger", "alliance", "split", "pledge", "split"],
    }
)


# A row of an analyst's file in the project's attacks columns, and one change to it for each reason a
# row is left out: each means the row cannot be dated, or placed in a country.
PROJECT_ROW = dict(
    pd.read_csv(
        Path(__file__).parent / "fixtures" / "imports" / "project_sample.csv", dtype=str, keep_default_na=False
    ).iloc[0]
)
SKIPS = [
    ({"date": "not a date"}, "skip_no_date"),
    ({"date": "2999-01-01"}, "skip_future_date"),
    ({"lat": ""}, "skip_no_coordinates"),
    ({"lat": "95"}, "skip_coordinates_range"),
    ({"country_iso3": "", "lat": "0", "lon": "-30"}, "skip_no_country"),
    # Not a place or a date, but nothing is lost: the event is the earlier row, which is kept.
    ({"id": PROJECT_ROW["id"]}, "skip_duplicate_id"),
]

# (eventid, date, lat, lon, gname, nkill, the curated attack it repeats or None)
GTD_ROWS = [
    # Repeats: the same day or a day off, 5 to 15 km away, other tolls, GTD's group names.
    (
        "201504180001",
        "2015-04-18",
        34.48,
        70.50,
        "Khorasan Chapter of the Islamic State",
        35,
        "2015-04-18-jalalabad-kabul-bank-bombing",
    ),
    ("201009040001", "2010-09-04", 40.36, 69.70, "Unknown", 3, "2010-09-03-khujand-police-car-bombing"),
    # Tashkent had attacks on 29 and 30 March 2004: this is the second.
    (
        "200403300001",
        "2004-03-30",
        41.35,
        69.24,
        "Islamic Jihad Union (Uzbekistan)",
        4,
        "2004-03-30-tashkent-yalangach-checkpoint-siege",
    ),
    # Look-alikes: four days after an attack in the same city; the same day 90 km away; the same
    # day and place by another known group.
    ("201607270001", "2016-07-27", 34.53, 69.17, "Khorasan Chapter of the Islamic State", 2, None),
    ("201111120001", "2011-11-12", 42.10, 71.40, "Unknown", 1, None),
    ("201110310001", "2011-10-31", 47.12, 51.88, "Taliban", 0, None),
]


def gtd_export(rows) -> bytes:
    """A GTD-layout CSV of `rows`, with every column the reader needs."""
    columns = list(dict.fromkeys(SIGNATURES["gtd"] + EXTRA_COLUMNS["gtd"]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for event, day, lat, lon, gname, killed, _ in rows:
        year, month, date = day.split("-")
        writer.writerow(
            {
                **dict.fromkeys(columns, ""),
                "eventid": event,
                "iyear": year,
                "imonth": str(int(month)),
                "iday": str(int(date)),
                "country_txt": "",
                "latitude": lat,
                "longitude": lon,
                "specificity": "1",
                "gname": gname,
                "nkill": killed,
                "nwound": "0",
                "attacktype1_txt": "Bombing/Explosion",
                "targtype1_txt": "Police",
                "summary": "test row",
            }
        )
    return out.getvalue().encode()

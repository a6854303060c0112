"""Exports written for tests: GTD-layout rows of our own that repeat curated attacks, and
look-alikes that must not be linked."""

from __future__ import annotations

import csv
import io

from geo.io.sniff import EXTRA_COLUMNS, SIGNATURES

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

"""One event in two datasets is one incident: imported rows that repeat curated attacks are linked
to them, and look-alikes near in time or in place are not."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pandas as pd
import pytest

from geo.data.paths import ROOT
from geo.io.importer import crosswalk, import_bytes, linked_to
from geo.io.linking import candidate_pairs, incident_ids, links
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


@pytest.fixture(scope="module")
def linked(data):
    result = import_bytes(gtd_export(GTD_ROWS), "repeats.csv", data)
    return linked_to(result, data.attacks)


def test_an_import_links_exactly_the_rows_repeating_curated_attacks(linked):
    expected = {f"gtd-{event}": target for event, *_, target in GTD_ROWS if target}
    assert {link.record: link.target for link in linked.links} == expected
    assert linked.matched == 3
    assert linked.report().splitlines()[-1] == "format=gtd imported=6 skipped=0 matched=3"


@pytest.mark.parametrize(
    "record,reasons",
    [
        ("gtd-201504180001", ("same day", "7 km apart", "same group (iskp)")),
        ("gtd-201009040001", ("1 day apart", "10 km apart", "perpetrator unknown in one record")),
    ],
)
def test_each_link_says_why(linked, record, reasons):
    link = next(link for link in linked.links if link.record == record)
    assert link.reasons == reasons
    assert 0 < link.score <= 1


def test_the_crosswalk_lists_each_link_with_its_score_and_reasons(linked):
    table = crosswalk(linked)
    assert list(table.columns) == ["record_id", "curated_id", "dataset", "score", "reasons"]
    assert len(table) == 3 and set(table["dataset"]) == {"gtd"}
    assert table.set_index("record_id").at["gtd-201504180001", "reasons"].startswith("same day; ")


def frame(rows):
    return pd.DataFrame(
        rows, columns=["id", "date", "date_precision", "lat", "lon", "location_precision", "country_iso3", "group_id"]
    ).assign(date=lambda f: pd.to_datetime(f["date"]))


@pytest.mark.parametrize(
    "left,right,expected",
    [
        # A date known to the month overlaps every day of it, and a day's slack either side.
        ([("a", "2020-05-01", "month")], [("b", "2020-05-31", "day"), ("c", "2020-06-02", "day")], [("a", "b")]),
        # A year-precision record does not widen the window of the day-precision ones.
        (
            [("a", "2020-01-10", "day")],
            [("b", "2019-01-01", "year"), ("c", "2020-01-11", "day"), ("d", "2020-01-13", "day")],
            [("a", "c")],
        ),
        ([("a", "2020-01-10", "day")], [], []),
    ],
)
def test_candidates_are_the_pairs_whose_dates_can_meet(left, right, expected):
    def dated(rows):
        return frame([(i, d, p, 0, 0, "city", "AFG", "x") for i, d, p in rows])

    a, b = dated(left), dated(right)
    i, j = candidate_pairs(a, b)
    assert sorted(zip(a["id"].iloc[i], b["id"].iloc[j])) == expected


def test_a_record_placed_to_its_country_matches_anywhere_in_it_and_nowhere_else():
    curated = frame([("c", "2020-01-10", "day", 34.5, 69.2, "city", "AFG", "iskp")])
    imported = frame(
        [
            ("far", "2020-01-10", "day", 36.7, 67.1, "country", "AFG", "iskp"),
            ("abroad", "2020-01-10", "day", 34.0, 71.5, "country", "PAK", "iskp"),
        ]
    )
    assert [(link.record, link.reasons[1]) for link in links(curated, imported)] == [("far", "same country")]


def test_a_chain_of_links_leads_every_record_to_one_incident():
    found = [
        link
        for link in links(
            frame([("curated", "2020-01-10", "day", 34.5, 69.2, "city", "AFG", "iskp")]),
            frame([("gtd-1", "2020-01-10", "day", 34.52, 69.2, "city", "AFG", "iskp")]),
        )
    ]
    found += links(
        frame([("gtd-1", "2020-01-10", "day", 34.52, 69.2, "city", "AFG", "iskp")]),
        frame([("acled-1", "2020-01-11", "day", 34.5, 69.21, "city", "AFG", "unknown")]),
    )
    ids = pd.Series(["curated", "gtd-1", "acled-1", "ucdp-9"])
    assert incident_ids(ids, found).tolist() == ["curated", "curated", "curated", "ucdp-9"]


def test_the_command_line_writes_the_crosswalk(tmp_path):
    export = tmp_path / "repeats.csv"
    export.write_bytes(gtd_export(GTD_ROWS))
    out = tmp_path / "crosswalk.csv"
    done = subprocess.run(
        [sys.executable, "-m", "geo.importer", str(export), "--crosswalk", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.strip().splitlines()[-1] == "format=gtd imported=6 skipped=0 matched=3"
    assert len(pd.read_csv(out)) == 3

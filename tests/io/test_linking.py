"""One event in two datasets is one incident: imported rows that repeat curated attacks are linked
to them, and look-alikes near in time or in place are not."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from geo.data.paths import ROOT
from geo.io.importer import import_bytes, linked_to
from geo.io.linking import (
    CONFIRMED,
    CROSSWALK_COLUMNS,
    REJECTED,
    candidate_pairs,
    crosswalk,
    effective,
    incident_ids,
    linked_across,
    links,
)
from tests.samples import GTD_ROWS, gtd_export


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


def test_the_crosswalk_lists_each_link_with_its_score_and_reasons(linked, data):
    table = crosswalk(linked.links, set(data.attacks["id"]))
    assert list(table.columns) == list(CROSSWALK_COLUMNS)
    assert len(table) == 3 and set(table["dataset"]) == {"gtd"}
    row = table.set_index("record_id").loc["gtd-201504180001"]
    assert row["reasons"].startswith("same day; ")
    assert (row["dataset_id"], row["curated_id"], row["linked_to"]) == (
        "201504180001",
        row["incident_id"],
        row["incident_id"],
    )
    assert row["curated_id"] in set(data.attacks["id"])


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


CURATED = frame([("curated", "2020-01-10", "day", 34.5, 69.2, "city", "AFG", "iskp")])
# Two imports of the same attack: GTD first, then ACLED, each near the curated one and each other.
GTD = frame([("gtd-1", "2020-01-10", "day", 34.52, 69.2, "city", "AFG", "iskp")])
ACLED = frame([("acled-1", "2020-01-11", "day", 34.5, 69.21, "city", "AFG", "unknown")])


@pytest.mark.parametrize(
    "decisions,expected",
    [
        # Proposed only: both imports join the curated attack, the nearest candidate.
        ({}, {"gtd-1": ("curated", ""), "acled-1": ("curated", "")}),
        # Rejected: ACLED's record joins its next best candidate, the GTD record.
        ({("acled-1", "curated"): REJECTED}, {"gtd-1": ("curated", ""), "acled-1": ("gtd-1", "")}),
        # The GTD record rejected: it stands alone, and ACLED's joins the curated attack.
        ({("gtd-1", "curated"): REJECTED}, {"acled-1": ("curated", "")}),
        # Confirmed: kept and marked; a confirmed pair the scores would not choose still holds.
        (
            {("gtd-1", "curated"): CONFIRMED, ("acled-1", "gtd-1"): CONFIRMED},
            {"gtd-1": ("curated", CONFIRMED), "acled-1": ("gtd-1", CONFIRMED)},
        ),
        # A decision on a record that is not imported changes nothing.
        ({("ucdp-9", "curated"): REJECTED}, {"gtd-1": ("curated", ""), "acled-1": ("curated", "")}),
    ],
)
def test_a_persons_decisions_win_over_the_scores(decisions, expected):
    found = effective(linked_across(CURATED, [GTD, ACLED], decisions))
    assert {link.record: (link.target, link.decision) for link in found} == expected


def test_rejected_links_stay_listed_with_their_score_and_leave_their_record_its_own_incident():
    found = linked_across(CURATED, [GTD], {("gtd-1", "curated"): REJECTED})
    assert effective(found) == []
    table = crosswalk(found, {"curated"})
    assert table[["incident_id", "curated_id", "linked_to", "decision"]].values.tolist() == [
        ["gtd-1", "", "curated", REJECTED]
    ]
    assert table.at[0, "score"] > 0.9 and table.at[0, "reasons"].startswith("same day; ")

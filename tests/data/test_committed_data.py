"""The committed data: the contract holds, the minimum content is there, and it agrees
with an independent set of reference facts kept under tests/reference/."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.data.validate import check_data

REFERENCE = Path(__file__).parent / "reference"


def reference(name: str) -> list[dict]:
    return pd.read_csv(REFERENCE / f"{name}.csv", dtype=str, keep_default_na=False).to_dict("records")


def test_committed_data_passes_validation():
    assert [str(p) for p in check_data()[2]] == []


@pytest.mark.parametrize(
    "name,minimum",
    [
        ("attacks", 180),
        ("groups", 10),
        ("group_links", 15),
        ("bases", 20),
        ("events", 40),
    ],
)
def test_minimum_row_counts(data, name, minimum):
    assert len(getattr(data, name)) >= minimum


def test_at_least_ten_border_pairs(data):
    assert len(set(zip(data.borders["country_a"], data.borders["country_b"]))) >= 10


@pytest.mark.parametrize("country", ["KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "RUS", "CHN"])
def test_each_core_country_has_a_membership_history(data, country):
    assert len(data.memberships[data.memberships["country_iso3"] == country]) >= 2


def test_attacks_span_1991_to_2025(data):
    assert data.attacks["year"].min() <= 1999 and data.attacks["year"].max() >= 2024


def test_every_row_of_every_file_cites_a_source(data):
    for name, frame in data.tables().items():
        if "source_ids" in frame:
            assert (frame["source_ids"].str.len() > 0).all(), name


def test_every_source_resolves_to_a_url_or_a_reference(data):
    sources = data.sources
    has_url = sources["url"].str.startswith("http")
    has_reference = (sources["author"] != "") & (sources["publisher"] != "")
    assert (has_url | has_reference).all()


@pytest.mark.parametrize("fact", reference("attacks"), ids=lambda f: f["what"])
def test_attack_tolls_agree_with_reference_facts(data, fact):
    same = data.attacks[(data.attacks["date"] == fact["date"]) & (data.attacks["country_iso3"] == fact["country_iso3"])]
    assert len(same), f"no attack on {fact['date']} in {fact['country_iso3']}"
    killed = int(fact["killed"])
    assert ((same["killed_low"] <= killed) & (same["killed_high"] >= killed)).any(), (
        f"{fact['what']}: {killed} killed is outside {list(zip(same['killed_low'], same['killed_high']))}"
    )


@pytest.mark.parametrize("fact", reference("events"), ids=lambda f: f["what"])
def test_event_dates_agree_with_reference_facts(data, fact):
    same = data.events[data.events["date"] == fact["date"]]
    if fact["org_id"]:
        same = same[same["org_ids"].str.split(";").map(lambda ids: fact["org_id"] in ids)]
    assert len(same), f"no event on {fact['date']} for {fact['org_id'] or fact['what']}"


@pytest.mark.parametrize("fact", reference("memberships"), ids=lambda f: f["what"])
def test_memberships_agree_with_reference_facts(data, fact):
    rows = data.memberships
    same = rows[
        (rows["org_id"] == fact["org_id"])
        & (rows["country_iso3"] == fact["country_iso3"])
        & (rows["status"] == fact["status"])
        & (rows["start"].dt.year == int(fact["year"]))
    ]
    assert len(same), fact["what"]


def test_a_wrong_reference_toll_is_caught(data):
    crocus = data.attacks[data.attacks["date"] == "2024-03-22"]
    assert not ((crocus["killed_low"] <= 1450) & (crocus["killed_high"] >= 1450)).any()


ESSAY_EVENTS = [
    # date, country: events the founding essay names, each must be in attacks.csv
    ("1999-02-16", "UZB"),
    ("1999-08-22", "KGZ"),
    ("2016-02-29", "RUS"),
    ("2016-06-28", "TUR"),
    ("2017-04-03", "RUS"),
    ("2017-04-07", "SWE"),
    ("2024-01-03", "IRN"),
    ("2024-03-22", "RUS"),
]


@pytest.mark.parametrize("date,country", ESSAY_EVENTS)
def test_attacks_the_essay_names_are_present(data, date, country):
    assert ((data.attacks["date"] == date) & (data.attacks["country_iso3"] == country)).any()


@pytest.mark.parametrize("country", ["DEU", "AUT", "NLD"])
def test_foiled_plots_in_europe_are_flagged(data, country):
    plots = data.attacks[(data.attacks["country_iso3"] == country) & data.attacks["foiled"]]
    assert len(plots) >= 1

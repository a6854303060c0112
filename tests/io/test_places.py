"""Placing imported rows in a country: Gleditsch-Ward codes, historical names, points, and Kosovo."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.io.importer import import_bytes
from geo.io.places import gazetteer, group_ids, iso3_codes

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"

# Points well inside one country each on the committed shapes.
PRISTINA = (42.66, 21.17)
BELGRADE = (44.82, 20.46)
ZAGREB = (45.81, 15.98)
PODGORICA = (42.44, 19.26)
OSH = (40.53, 72.80)
MOSCOW = (55.75, 37.62)
HELSINKI = (60.17, 24.94)
KABUL = (34.55, 69.21)
JUBA = (4.85, 31.58)
# Tanusevci lies in North Macedonia, on the border: the shapes put its point in Kosovo.
TANUSEVCI = (42.27, 21.39)
ATLANTIC = (0.0, -30.0)
NOWHERE = (None, None)


def placed(data, dataset: str, rows: list[tuple]) -> list[str]:
    """The ISO3 code of each (name, code, point) row imported from `dataset`."""
    names = pd.Series([name for name, _, _ in rows])
    codes = pd.Series([code for _, code, _ in rows])
    lat = pd.Series([point[0] for _, _, point in rows], dtype=float)
    lon = pd.Series([point[1] for _, _, point in rows], dtype=float)
    places = gazetteer(dataset, data.countries, data.country_names, data.gleditsch_ward)
    return iso3_codes(names, lat, lon, places, codes).tolist()


@pytest.mark.parametrize(
    "code,expected",
    [
        ("700", "AFG"),
        ("770", "PAK"),
        ("704", "UZB"),
        ("702", "TJK"),
        ("703", "KGZ"),
        ("705", "KAZ"),
        ("701", "TKM"),
        ("365", "RUS"),
        ("640", "TUR"),
        ("630", "IRN"),
        ("750", "IND"),
        ("345", "SRB"),
        ("347", "XKX"),
        ("343", "MKD"),
        ("260", "DEU"),
        ("817", "VNM"),
        (" 704 ", "UZB"),
        ("704.0", "UZB"),
    ],
)
def test_a_ucdp_country_id_is_read_as_a_gleditsch_ward_code(data, code, expected):
    # A name no table knows and no point: only the code can place the row.
    assert placed(data, "ucdp", [("Renamed since", code, NOWHERE)]) == [expected]


@pytest.mark.parametrize(
    "name,code,expected",
    [
        # UCDP's name for 343 changed; the code did not.
        ("North Macedonia", "343", "MKD"),
        ("Somewhere UCDP renamed", "702", "TJK"),
        # An empty or unknown code leaves the name to decide.
        ("Kyrgyzstan", "", "KGZ"),
        ("Kyrgyzstan", "9999", "KGZ"),
    ],
)
def test_the_code_comes_before_the_name(data, name, code, expected):
    assert placed(data, "ucdp", [(name, code, NOWHERE)]) == [expected]


def test_gtd_country_codes_are_not_read_as_gleditsch_ward_codes(data):
    # GTD's 4 is Afghanistan; as a Gleditsch-Ward code it means nothing, and must not be looked up.
    assert placed(data, "gtd", [("Afghanistan", "4", NOWHERE), ("Uzbekistan", "705", NOWHERE)]) == ["AFG", "UZB"]


@pytest.mark.parametrize(
    "dataset,name,expected",
    [
        ("ucdp", "Serbia (Yugoslavia)", "SRB"),
        ("ucdp", "Macedonia, FYR", "MKD"),
        ("ucdp", "Russia (Soviet Union)", "RUS"),
        ("ucdp", "Soviet Union", "RUS"),
        ("ucdp", "DR Congo (Zaire)", "COD"),
        ("ucdp", "Cambodia (Kampuchea)", "KHM"),
        ("ucdp", "Zimbabwe (Rhodesia)", "ZWE"),
        ("ucdp", "Yemen (North Yemen)", "YEM"),
        ("ucdp", "Myanmar (Burma)", "MMR"),
        ("ucdp", "Kingdom of eSwatini (Swaziland)", "SWZ"),
        ("ucdp", "Bosnia-Herzegovina", "BIH"),
        ("ucdp", "  ivory coast ", "CIV"),
        ("gtd", "Yugoslavia", "SRB"),
        ("gtd", "Serbia-Montenegro", "SRB"),
        ("gtd", "Macedonia", "MKD"),
        ("gtd", "Kosovo", "XKX"),
        ("gtd", "West Germany (FRG)", "DEU"),
        ("gtd", "Zaire", "COD"),
        ("gtd", "Kyrgyz Republic", "KGZ"),
        ("gtd", "Türkiye", "TUR"),
        ("acled", "Kosovo", "XKX"),
    ],
)
def test_historical_and_dataset_names_are_recognised(data, dataset, name, expected):
    assert placed(data, dataset, [(name, "", NOWHERE)]) == [expected]


@pytest.mark.parametrize(
    "dataset,name,code,point,expected",
    [
        # Kosovo in 1999 under UCDP's name and code for Serbia: the point in Kosovo wins.
        ("ucdp", "Serbia (Yugoslavia)", "345", PRISTINA, "XKX"),
        ("ucdp", "Serbia (Yugoslavia)", "", PRISTINA, "XKX"),
        ("gtd", "Serbia-Montenegro", "", PRISTINA, "XKX"),
        ("gtd", "Yugoslavia", "", PRISTINA, "XKX"),
        ("gtd", "Serbia", "", PRISTINA, "XKX"),
        # North Macedonia is not Kosovo's parent: a point over the border is taken as imprecise.
        ("ucdp", "Macedonia, FYR", "343", TANUSEVCI, "MKD"),
        ("ucdp", "Macedonia, FYR", "", PRISTINA, "MKD"),
        ("gtd", "Macedonia", "", PRISTINA, "MKD"),
        # The parent's own territory stays the parent's.
        ("ucdp", "Serbia (Yugoslavia)", "345", BELGRADE, "SRB"),
        # Other republics that left Yugoslavia or the Soviet Union.
        ("gtd", "Yugoslavia", "", ZAGREB, "HRV"),
        ("gtd", "Serbia-Montenegro", "", PODGORICA, "MNE"),
        ("ucdp", "Russia (Soviet Union)", "365", OSH, "KGZ"),
        ("ucdp", "Russia (Soviet Union)", "365", MOSCOW, "RUS"),
        # Finland left the Russian Empire, not the Soviet Union: the name is kept.
        ("ucdp", "Russia (Soviet Union)", "365", HELSINKI, "RUS"),
        ("ucdp", "Sudan", "625", JUBA, "SSD"),
        # A country with no successors keeps its name whatever the point says.
        ("ucdp", "Afghanistan", "700", PRISTINA, "AFG"),
        # No name or code known: the point decides, Kosovo included.
        ("ucdp", "", "", PRISTINA, "XKX"),
        ("gtd", "International", "", KABUL, "AFG"),
    ],
)
def test_a_point_in_a_state_that_broke_away_from_the_named_one_wins(data, dataset, name, code, point, expected):
    assert placed(data, dataset, [(name, code, point)]) == [expected]


@pytest.mark.parametrize(
    "name,code,point",
    [
        ("", "", NOWHERE),
        ("Atlantis", "", NOWHERE),
        ("", "9999", ATLANTIC),
        ("International", "", ATLANTIC),
    ],
)
def test_a_row_that_names_no_country_and_has_no_point_in_one_gets_none(data, name, code, point):
    assert placed(data, "ucdp", [(name, code, point)]) == [""]


UCDP_SAMPLE = pd.read_csv(FIXTURES / "ucdp_sample.csv", dtype=str, keep_default_na=False)


def ucdp_export(rows: list[tuple]) -> bytes:
    """A UCDP GED export of the fixture's first event, once per (id, country, country_id, point)."""
    first = UCDP_SAMPLE.iloc[0].to_dict()
    events = [
        {
            **first,
            "id": str(event),
            "country": country,
            "country_id": country_id,
            "latitude": "" if point[0] is None else str(point[0]),
            "longitude": "" if point[1] is None else str(point[1]),
        }
        for event, country, country_id, point in rows
    ]
    return pd.DataFrame(events, columns=UCDP_SAMPLE.columns).to_csv(index=False).encode("utf-8")


def test_ucdp_rows_in_kosovo_are_kept_in_the_right_country_and_the_unplaceable_one_skipped(data):
    raw = ucdp_export(
        [
            (1, "Serbia (Yugoslavia)", "345", PRISTINA),
            (2, "Macedonia, FYR", "343", TANUSEVCI),
            (3, "Russia (Soviet Union)", "365", OSH),
            (4, "", "", ATLANTIC),
        ]
    )
    result = import_bytes(raw, "ged.csv", data)
    assert dict(zip(result.attacks["id"], result.attacks["country_iso3"])) == {
        "ucdp-1": "XKX",
        "ucdp-2": "MKD",
        "ucdp-3": "KGZ",
    }
    assert {reason.key: rows for reason, rows in result.skipped.items()} == {"skip_no_country": [5]}
    assert set(result.attacks.loc[result.attacks["country_iso3"] == "XKX", "country_en"]) == {"Kosovo"}


ALIASES = pd.DataFrame(
    {
        "dataset": ["gtd", "media_ru", "media_ru"],
        "name": ["Islamic Movement of Uzbekistan (IMU)", "ИДУ", "Islamic Jihad Union (Uzbekistan)"],
        "country_iso3": ["", "", ""],
        "group_id": ["imu", "imu", "imu"],
    }
)


@pytest.mark.parametrize(
    "dataset,name,expected",
    [
        ("gtd", "Islamic Movement of Uzbekistan (IMU)", "imu"),
        # A name Russian media use is a glossary entry: no import format maps it.
        ("gtd", "ИДУ", "ИДУ"),
        ("acled", "ИДУ", "ИДУ"),
        ("gtd", "Islamic Jihad Union (Uzbekistan)", "Islamic Jihad Union (Uzbekistan)"),
    ],
)
def test_only_the_aliases_of_the_import_format_map_a_group(dataset, name, expected):
    assert group_ids(pd.Series([name]), pd.Series([""]), ALIASES, dataset).tolist() == [expected]

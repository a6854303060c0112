"""Loading joins every dataset to the country shapes with the right types."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from geo.data.load import load_dataset, shared_border
from geo.data.problems import DataValidationError
from geo.data.rules import distance_km, km_outside
from tests.datafolder import set_cell


def test_attacks_are_points_with_typed_columns_and_country_names(fixture_data):
    row = fixture_data.attacks.set_index("id").loc["1999-02-16-tashkent"]
    assert (row.geometry.x, row.geometry.y) == (69.2797, 41.3111)
    assert row["year"] == 1999 and row["killed_high"] == 16 and not row["foiled"]
    assert (row["country_en"], row["country_fr"]) == ("Uzbekistan", "Ouzbékistan")
    assert row["in_central_asia"]
    assert not fixture_data.attacks.set_index("id").loc["2017-04-07-stockholm", "in_region"]


def test_unknown_tolls_stay_unknown_not_zero(fixture_data):
    row = fixture_data.attacks.set_index("id").loc["2000-08-01-surkhandarya"]
    assert row["killed_low"] is not None and str(row["killed_low"]) == "<NA>"


def test_border_lines_come_from_the_country_shapes(fixture_data):
    line = fixture_data.borders.geometry.iloc[0]
    kgz = fixture_data.countries.set_index("iso3").geometry["KGZ"]
    uzb = fixture_data.countries.set_index("iso3").geometry["UZB"]
    assert line.geom_type in ("LineString", "MultiLineString")
    assert line.length > 5
    assert line.distance(kgz) < 1e-6 and line.distance(uzb) < 1e-6


def test_countries_that_do_not_touch_share_no_border(fixture_data):
    shapes = fixture_data.countries.set_index("iso3").geometry
    assert shared_border(shapes["UZB"], shapes["SWE"]).is_empty


def test_memberships_get_dates_from_partial_dates(fixture_data):
    row = fixture_data.memberships.set_index("id").loc["m-002"]
    assert row["start"].isoformat().startswith("2012-06-01")


def test_loading_bad_data_raises_with_every_problem(data_dir):
    set_cell(data_dir, "attacks.csv", 0, "group_id", "nobody")
    with pytest.raises(DataValidationError, match=r"'nobody' is not an id in groups\.csv"):
        load_dataset(data_dir)


@pytest.mark.parametrize(
    "point,iso3,max_km",
    [
        (Point(69.2797, 41.3111), "UZB", 0.0),  # Tashkent, inside
        (Point(69.60, 40.28), "TJK", 0.0),  # Khujand, inside Tajikistan
        (Point(2.35, 48.86), "UZB", 10_000.0),  # Paris is far from Uzbekistan
    ],
)
def test_distance_outside_a_country(fixture_data, point, iso3, max_km):
    shape = fixture_data.countries.set_index("iso3").geometry[iso3]
    distance = km_outside(point, shape)
    assert distance <= max_km
    if max_km:
        assert distance > 3000


def test_haversine_matches_a_known_distance():
    tashkent, dushanbe = Point(69.2797, 41.3111), Point(68.7791, 38.5598)
    assert 300 < distance_km(tashkent, dushanbe) < 315


def test_every_country_shape_is_valid_and_polygonal(fixture_data):
    assert fixture_data.countries.is_valid.all()
    assert set(fixture_data.countries.geom_type) <= {"Polygon", "MultiPolygon"}


def test_ferghana_enclaves_survive_simplification(fixture_data):
    # Sokh, an Uzbek enclave inside Kyrgyzstan, must be its own polygon of Uzbekistan.
    uzb = fixture_data.countries.set_index("iso3").geometry["UZB"]
    assert uzb.contains(Point(71.10, 39.96))
    kgz = fixture_data.countries.set_index("iso3").geometry["KGZ"]
    assert not kgz.contains(Point(71.10, 39.96))

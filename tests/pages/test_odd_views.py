"""Views a link or a stale browser can bring: every page still runs and keeps ids in its state."""

from __future__ import annotations

import pytest

from geo import params
from tests.apptest import start

DATA_PAGE = "pages/data_sources.py"
# Shows none of the widgets below: AppTest, like the browser, then keeps whatever the state holds.
ELSEWHERE = "pages/abroad.py"


# (page, key, a value that is no id: a label shown in some language, or nothing known, expected id)
NOT_IDS = [
    ("pages/map.py", params.CHOROPLETH, "Number of attacks ", "attacks"),
    ("pages/map.py", params.LAYERS, ["Attack", "bases"], ["bases"]),
    ("pages/timeline.py", params.STACK_BY, "Groupe armé", "group"),
    ("pages/timeline.py", params.MEASURE, "Killed (upper)", "attacks"),
    (DATA_PAGE, params.DATASET, "Attacks and foiled plots ", "attacks"),
    ("pages/groups.py", params.PROFILE, "Islamic Movement", "imu"),
    ("pages/cooperation.py", params.ORGANIZATION, "CSTO (Collective)", "csto"),
]


@pytest.mark.parametrize("page,key,value,expected", NOT_IDS)
def test_a_value_that_is_no_id_gives_way_to_an_id(page, key, value, expected):
    app = start(ELSEWHERE)
    app.session_state[key] = value
    app.switch_page(page).run()
    assert not app.exception
    assert app.session_state[key] == expected
    assert str(value) not in str(dict(app.query_params))


@pytest.mark.parametrize(
    "page,years",
    [
        ("pages/groups.py", ["2016", "2016"]),
        ("pages/groups.py", ["2020", "2010"]),
        ("pages/cooperation.py", ["1991", "1991"]),
        ("pages/cooperation.py", ["2024", "2003"]),
        ("pages/timeline.py", ["2016", "2016"]),
        ("pages/story.py", ["1999", "1999"]),
        ("pages/abroad.py", ["2016", "2016"]),
        (DATA_PAGE, ["2016", "2016"]),
        (None, ["2016", "2016"]),
    ],
)
def test_a_one_year_or_reversed_window_shows_every_page(page, years):
    app = start(page, years=years)
    assert not app.exception
    low, high = sorted(int(y) for y in years)
    if page in ("pages/groups.py", "pages/cooperation.py"):
        assert low <= app.session_state[params.YEAR] <= high

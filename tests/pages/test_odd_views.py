"""Views a link or a stale browser can bring: every page still runs and keeps ids in its state."""

from __future__ import annotations

import pytest

from geo import keys, params
from geo.text.i18n import t
from tests.apptest import only, start

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


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_link_asking_for_online_tiles_waits_for_the_person_who_opens_it(lang):
    app = start(tiles="1", lang=lang)
    assert not app.exception
    assert app.toggle(key=params.ONLINE_TILES).value is False
    assert params.ONLINE_TILES not in app.query_params
    assert only(app.main.info).value == t("online_tiles_asked", lang)
    button = app.button(key=keys.TURN_ON_TILES)
    assert button.label == t("online_tiles_turn_on", lang)
    button.click().run()
    assert app.toggle(key=params.ONLINE_TILES).value is True
    assert app.query_params[params.ONLINE_TILES] == "1"
    assert not app.main.info and keys.TURN_ON_TILES not in [b.key for b in app.button]


def test_online_tiles_need_no_confirmation_when_never_asked_by_a_link():
    app = start()
    assert not app.main.info and keys.TURN_ON_TILES not in [b.key for b in app.button]
    app.toggle(key=params.ONLINE_TILES).set_value(True).run()
    assert app.query_params[params.ONLINE_TILES] == "1"
    assert keys.TURN_ON_TILES not in [b.key for b in app.button]

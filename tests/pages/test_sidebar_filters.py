"""The sidebar's attack filters as an analyst drives them (Streamlit AppTest, elements by key)."""

from __future__ import annotations

import pytest

from geo import keys, params
from geo.data.countries import country_name
from geo.data.load import load_dataset
from geo.data.vocab import CENTRAL_ASIA
from geo.text.i18n import t
from tests.apptest import open_more_filters, start, table

IMPORTS = "tests/fixtures/imports/gtd_sample_latin1.csv"


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def map_ids(app) -> set[str]:
    return set(table(app, keys.SELECTED_EVENTS)["id"])


def more_filters_drawn(app) -> bool:
    """Whether the widgets of the sidebar's "More filters" box are drawn."""
    return any(getattr(element, "key", None) == params.COUNTRIES for element in app.sidebar)


def test_the_more_filters_are_drawn_only_while_open_and_apply_while_closed(data):
    app = start()
    assert not more_filters_drawn(app)
    open_more_filters(app)
    app.multiselect(key=params.COUNTRIES).set_value(["AFG"]).run()
    afghan = set(data.attacks[data.attacks["country_iso3"] == "AFG"]["id"])
    assert map_ids(app) == afghan
    app.session_state[keys.MORE_FILTERS] = False
    app.run()
    app.run()
    assert not more_filters_drawn(app) and map_ids(app) == afghan
    assert app.query_params[params.COUNTRIES] == "AFG"
    assert open_more_filters(app).multiselect(key=params.COUNTRIES).value == ["AFG"]


@pytest.mark.parametrize(
    "query,opened",
    [({}, False), ({"countries": ["AFG"]}, True), ({"region": "outside"}, True), ({"groups": ["iskp"]}, False)],
)
def test_a_link_setting_one_of_the_more_filters_opens_their_box(query, opened):
    assert more_filters_drawn(start(**query)) is opened


def test_clearing_the_last_of_the_more_filters_leaves_their_box_open():
    app = start(countries=["AFG"])
    app.multiselect(key=params.COUNTRIES).set_value([]).run()
    assert more_filters_drawn(app) and more_filters_drawn(app.run())
    app.multiselect(key=params.COUNTRIES).set_value(["PAK"]).run()
    assert more_filters_drawn(app) and app.multiselect(key=params.COUNTRIES).value == ["PAK"]


@pytest.mark.parametrize(
    "key,options,label",
    [
        (params.REGION, ["all", "inside", "outside"], "region_filter"),
        (params.COUNTRY_MODE, ["include", "exclude"], "country_mode"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_region_and_country_mode_are_choices_of_ids_labelled_in_the_language(key, options, label, lang):
    app = open_more_filters(start(lang=lang))
    radio = app.radio(key=key)
    assert radio.label == t(label, lang) and radio.value == options[0]
    assert radio.options == [t(f"{label.removesuffix('_filter')}_{v}", lang) for v in options]


def test_iskp_outside_central_asia_takes_four_actions(data):
    app = start()
    app.slider(key=params.YEARS).set_value((2015, 2024))
    app.multiselect(key=params.GROUPS).set_value(["iskp"])
    open_more_filters(app)
    app.radio(key=params.REGION).set_value("outside").run()
    attacks = data.attacks
    expected = attacks[
        attacks["year"].between(2015, 2024)
        & (attacks["group_id"] == "iskp")
        & ~attacks["country_iso3"].isin(CENTRAL_ASIA)
    ]
    assert map_ids(app) == set(expected["id"]) and len(expected) > 10
    assert app.query_params[params.REGION] == "outside"
    assert "2015–2024 · outside Central Asia · Groups: ISKP (ISIS-K)" in [c.value for c in app.main.caption]


def test_leaving_countries_out_keeps_every_other(data):
    app = open_more_filters(start())
    app.radio(key=params.COUNTRY_MODE).set_value("exclude")
    app.multiselect(key=params.COUNTRIES).set_value(["AFG", "PAK"]).run()
    assert map_ids(app) == set(data.attacks[~data.attacks["country_iso3"].isin(["AFG", "PAK"])]["id"])


def test_the_precisions_and_the_killed_range_narrow_the_map(data):
    app = open_more_filters(start())
    app.multiselect(key=params.PLACE_PRECISIONS).set_value(["exact"])
    app.multiselect(key=params.DATE_PRECISIONS).set_value(["day"]).run()
    attacks = data.attacks
    precise = attacks[(attacks["location_precision"] == "exact") & (attacks["date_precision"] == "day")]
    assert map_ids(app) == set(precise["id"]) and 0 < len(precise) < len(attacks)
    app.multiselect(key=params.PLACE_PRECISIONS).set_value([])
    app.multiselect(key=params.DATE_PRECISIONS).set_value([])
    app.select_slider(key=params.KILLED).set_value((10, 50)).run()
    upper = attacks["killed_high"].fillna(attacks["killed_low"])
    lower = attacks["killed_low"].fillna(attacks["killed_high"])
    assert map_ids(app) == set(attacks[(upper >= 10) & (lower <= 50)]["id"])
    assert app.query_params[params.KILLED] == ["10", "50"]


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_the_country_and_group_lists_offer_what_the_data_has_with_counts(data, lang):
    app = open_more_filters(start(lang=lang))
    countries = app.multiselect(key=params.COUNTRIES)
    counts = data.attacks["country_iso3"].value_counts()
    assert len(countries.options) == len(counts)
    assert f"{country_name('AFG', lang)} ({counts['AFG']})" in countries.options
    groups = app.multiselect(key=params.GROUPS)
    # Attacks of no known group are not a group one can pick.
    assert len(groups.options) == len(set(data.attacks["group_id"]) & set(data.groups["id"]))
    assert any(o.endswith(f"({(data.attacks['group_id'] == 'iskp').sum()})") for o in groups.options)


def test_the_counts_take_the_imports_in_counting_each_incident_once(data, monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_IMPORTS", IMPORTS)
    monkeypatch.setattr("geo.io.userfiles.USER_DIR", tmp_path / "user")
    app = open_more_filters(start())
    counts = data.attacks["country_iso3"].value_counts()
    options = app.multiselect(key=params.COUNTRIES).options
    # Two imported attacks in Tajikistan are new; the Stockholm one repeats a curated attack.
    assert f"Tajikistan ({counts['TJK'] + 2})" in options and f"Sweden ({counts['SWE']})" in options
    app.radio(key=params.REGION).set_value("inside").run()
    assert {"gtd-201001010001", "gtd-201800000004"} <= map_ids(app)


@pytest.mark.parametrize("query", [{"precise": "1"}, {"precise": "1", "lang": "fr"}])
def test_an_older_share_link_hiding_vague_places_still_opens_on_them_hidden(query):
    app = start(**query)
    assert not app.exception
    assert app.multiselect(key=params.PLACE_PRECISIONS).value == ["exact", "city", "province"]
    assert list(app.query_params[params.PLACE_PRECISIONS]) == ["exact", "city", "province"]
    assert params.HIDE_VAGUE_PLACES not in app.query_params


def test_a_chosen_country_keeps_its_id_when_the_language_changes():
    app = start(countries=["AFG"], cmode="exclude", region="outside")
    app.radio(key=params.LANG).set_value("fr").run()
    app.radio(key=params.LANG).set_value("ru").run()
    assert not app.exception
    assert app.multiselect(key=params.COUNTRIES).value == ["AFG"]
    assert app.radio(key=params.COUNTRY_MODE).value == "exclude" and app.radio(key=params.REGION).value == "outside"

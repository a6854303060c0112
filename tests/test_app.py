"""The app as a user drives it, page by page and language by language (Streamlit AppTest)."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo import params
from geo.load import load_dataset
from geo.paths import ROOT

TIMEOUT = 60


@pytest.fixture(scope="module")
def data():
    return load_dataset()


def start(**query) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


@pytest.mark.parametrize("lang,title,dataset_label", [
    ("en", "Data & sources", "Dataset"),
    ("fr", "Données et sources", "Jeu de données"),
])
def test_data_page_renders_in_each_language(lang, title, dataset_label):
    app = start(lang=lang)
    assert not app.exception
    assert app.title[0].value == title
    assert app.selectbox(key=params.DATASET).label == dataset_label


@pytest.mark.parametrize("dataset", ["attacks", "events", "groups", "group_links", "bases", "borders",
                                     "organizations", "memberships", "sources"])
def test_every_dataset_shows_as_a_table_with_all_its_rows(data, dataset):
    app = start()
    app.selectbox(key=params.DATASET).set_value(dataset)
    app.toggle(key=params.APPLY_FILTERS).set_value(False).run()
    assert not app.exception
    table = app.dataframe[1].value
    assert len(table) == len(getattr(data, dataset))


def test_year_and_group_filters_narrow_the_attacks(data):
    app = start()
    app.slider(key=params.YEARS).set_value((1999, 2004))
    app.multiselect(key=params.GROUPS).set_value(["imu"]).run()
    shown = app.dataframe[1].value
    expected = data.attacks[(data.attacks["group_id"] == "imu") & data.attacks["year"].between(1999, 2004)]
    assert sorted(shown["id"]) == sorted(expected["id"])
    assert 0 < len(shown) < len(data.attacks)


def test_search_finds_rows_in_either_language():
    app = start()
    app.text_input(key=params.SEARCH).input("Tachkent").run()
    ids = list(app.dataframe[1].value["id"])
    assert "1999-02-16-tashkent-bombings" in ids


def test_the_url_restores_the_view(data):
    app = start(lang="fr", years=["2015", "2024"], groups=["iskp"], dataset="attacks")
    assert app.radio(key=params.LANG).value == "fr"
    assert app.slider(key=params.YEARS).value == (2015, 2024)
    assert app.multiselect(key=params.GROUPS).value == ["iskp"]
    assert set(app.dataframe[1].value["group_id"]) == {"iskp"}


def test_bad_url_values_are_ignored_not_fatal():
    app = start(lang="xx", years=["abc", "2020"], groups=["nobody"], dataset="secrets")
    assert not app.exception
    assert app.radio(key=params.LANG).value == "en"
    assert app.multiselect(key=params.GROUPS).value == []


def test_how_to_cite_names_the_dataset():
    app = start(lang="fr")
    assert any("Attentats et projets déjoués" in code.value for code in app.code)

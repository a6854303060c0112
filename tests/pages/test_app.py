"""The app as a user drives it, page by page and language by language (Streamlit AppTest)."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import keys, params
from geo.analysis.story import STEPS
from geo.data.load import load_dataset
from geo.data.paths import ROOT
from geo.io.linking import REJECTED
from geo.io.userfiles import save_decisions
from geo.text.escape import escape_markdown
from geo.text.i18n import t
from tests.apptest import chart_spec, drawn_report, only, open_more_filters, page_title, start, table
from tests.samples import GTD_ROWS, PROJECT_ROW, SKIPS, gtd_export


@pytest.fixture(scope="module")
def data():
    return load_dataset()


DATA_PAGE = "pages/data_sources.py"


@pytest.mark.parametrize(
    "lang,title,dataset_label",
    [
        ("en", "Data & sources", "Dataset"),
        ("fr", "Données et sources", "Jeu de données"),
    ],
)
def test_data_page_renders_in_each_language(lang, title, dataset_label):
    app = start(DATA_PAGE, lang=lang)
    assert not app.exception
    assert page_title(app) == title
    assert app.selectbox(key=params.DATASET).label == dataset_label


@pytest.mark.parametrize(
    "dataset",
    [
        "attacks",
        "events",
        "groups",
        "group_links",
        "bases",
        "borders",
        "organizations",
        "memberships",
        "context",
        "group_aliases",
        "country_names",
        "gleditsch_ward",
        "sources",
    ],
)
def test_every_dataset_shows_as_a_table_with_all_its_rows(data, dataset):
    app = start(DATA_PAGE)
    app.selectbox(key=params.DATASET).set_value(dataset)
    app.toggle(key=params.APPLY_FILTERS).set_value(False).run()
    assert not app.exception
    shown = app.dataframe(key=keys.DATA_TABLE).value
    assert len(shown) == len(getattr(data, dataset))


def test_year_and_group_filters_narrow_the_attacks(data):
    app = start(DATA_PAGE)
    app.slider(key=params.YEARS).set_value((1999, 2004))
    app.multiselect(key=params.GROUPS).set_value(["imu"]).run()
    shown = app.dataframe(key=keys.DATA_TABLE).value
    expected = data.attacks[(data.attacks["group_id"] == "imu") & data.attacks["year"].between(1999, 2004)]
    assert sorted(shown["id"]) == sorted(expected["id"])
    assert 0 < len(shown) < len(data.attacks)


def test_search_finds_rows_in_either_language():
    app = start(DATA_PAGE)
    app.text_input(key=params.SEARCH).input("Tachkent").run()
    ids = list(app.dataframe(key=keys.DATA_TABLE).value["id"])
    assert "1999-02-16-tashkent-bombings" in ids


def test_the_url_restores_the_view(data):
    app = start(DATA_PAGE, lang="fr", years=["2015", "2024"], groups=["iskp"], dataset="attacks")
    assert app.radio(key=params.LANG).value == "fr"
    assert app.slider(key=params.YEARS).value == (2015, 2024)
    assert app.multiselect(key=params.GROUPS).value == ["iskp"]
    assert set(app.dataframe(key=keys.DATA_TABLE).value["group"]) == {"EI-K · État islamique au Khorassan"}


def test_bad_url_values_are_ignored_not_fatal():
    app = start(lang="xx", years=["abc", "2020"], groups=["nobody"], dataset="secrets")
    assert not app.exception
    assert app.radio(key=params.LANG).value == "en"
    assert app.multiselect(key=params.GROUPS).value == []


@pytest.mark.parametrize(
    "lang,first,precisions",
    [
        (
            "en",
            {"date": "1999-02-16", "place": "Tashkent", "country": "Uzbekistan", "killed": "9–16", "wounded": "15–128"},
            {"exact day", "month only"},
        ),
        (
            "fr",
            {
                "date": "1999-02-16",
                "place": "Tachkent",
                "country": "Ouzbékistan",
                "killed": "9–16",
                "wounded": "15–128",
            },
            {"jour exact", "mois seulement"},
        ),
    ],
)
def test_the_data_page_lists_attacks_as_a_reader_reads_them(lang, first, precisions):
    app = start(DATA_PAGE, lang=lang, dataset="attacks")
    rows = app.dataframe(key=keys.DATA_TABLE).value
    assert list(rows.columns)[:6] == ["date", "place", "country", "group", "killed", "wounded"]
    assert list(rows.columns)[-1] == "id"
    assert not {"source_ids", "in_central_asia", "origin", "doubt", "source_url"} & set(rows.columns)
    row = rows.set_index("id").loc["1999-02-16-tashkent-bombings"]
    assert {column: row[column] for column in first} == first
    assert precisions <= set(rows["date_precision"])


def test_the_data_page_writes_event_precisions_in_french():
    app = start(DATA_PAGE, lang="fr", dataset="events")
    assert set(app.dataframe(key=keys.DATA_TABLE).value["date_precision"]) <= {
        "jour exact",
        "mois seulement",
        "année seulement",
    }


def test_the_context_chart_gives_its_unit_in_the_language():
    spec = json.dumps(chart_spec(start("pages/cooperation.py", lang="fr"), keys.CHART_CONTEXT), ensure_ascii=False)
    assert '"% du PIB"' in spec and "% of GDP" not in spec.replace("% du PIB", "")


def test_how_to_cite_names_the_dataset():
    app = start(DATA_PAGE, lang="fr")
    assert any("Attentats et projets déjoués" in code.value for code in app.code)


# ---------- the map page ----------


def map_ids(app: AppTest) -> set[str]:
    """The ids listed in the map page's table of selected events."""
    return set(table(app, keys.SELECTED_EVENTS)["id"])


def metric(app: AppTest, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


@pytest.mark.parametrize("lang,title,attacks_label", [("en", "Map", "Attacks"), ("fr", "Carte", "Attentats")])
def test_the_map_is_the_landing_page_in_each_language(data, lang, title, attacks_label):
    app = start(lang=lang)
    assert not app.exception
    assert page_title(app) == title
    assert metric(app, attacks_label) == str(int((~data.attacks["foiled"]).sum()))
    assert map_ids(app) == set(data.attacks["id"])


def below_the_map(app: AppTest) -> list[str]:
    """What the map page shows below its map: the record card, the exports, the events' table."""
    keyed = {key for key in (keys.RECORD_CARD, keys.SELECTED_EVENTS) if any(e.key == key for e in app.main)}
    return sorted(keyed) + [button.label for button in app.get("download_button")]


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_what_lies_below_the_map_comes_once_the_map_says_it_is_drawn(data, lang):
    app = start(lang=lang, map_drawn=False)
    assert not app.exception
    assert page_title(app) == t("page_map", lang) and metric(app, t("metric_attacks", lang))
    assert below_the_map(app) == []
    app.session_state[keys.MAP] = drawn_report()
    app.run()
    assert not app.exception
    shown = below_the_map(app)
    assert shown[:2] == sorted([keys.RECORD_CARD, keys.SELECTED_EVENTS]) and len(shown) == 2 + 4
    assert map_ids(app) == set(data.attacks["id"])


# The region, countries left out, precisions and killed range: tests/pages/test_sidebar_filters.py.
@pytest.mark.parametrize(
    "query,keep",
    [
        ({"years": ["2015", "2024"]}, lambda a: a["year"].between(2015, 2024)),
        ({"groups": ["iskp"]}, lambda a: a["group_id"] == "iskp"),
        ({"countries": ["AFG", "RUS"]}, lambda a: a["country_iso3"].isin(["AFG", "RUS"])),
        ({"atype": ["suicide_bombing"]}, lambda a: a["attack_type"] == "suicide_bombing"),
        ({"ttype": ["civilians"]}, lambda a: a["target_type"] == "civilians"),
        ({"nat": ["TJK"]}, lambda a: a["perpetrator_nationalities"].str.contains("TJK")),
        ({"foiled": "0"}, lambda a: ~a["foiled"]),
    ],
)
def test_each_filter_narrows_the_map_selection(data, query, keep):
    app = start(**query)
    assert not app.exception
    expected = set(data.attacks[keep(data.attacks)]["id"])
    assert map_ids(app) == expected and 0 < len(expected) < len(data.attacks)


def test_lineage_brings_the_imus_splinters_and_successors(data):
    app = start(groups=["imu"])
    alone = map_ids(app)
    app.checkbox(key=params.LINEAGE).check().run()
    with_lineage = map_ids(app)
    groups = set(data.attacks.set_index("id").loc[list(with_lineage), "group_id"])
    assert alone < with_lineage and {"imu", "iskp"} <= groups and "islamic_state" not in groups


def test_minimum_casualties_counts_the_upper_estimate(data):
    app = open_more_filters(start())
    app.number_input(key=params.MIN_CASUALTIES).set_value(100).run()
    killed = data.attacks["killed_high"].fillna(data.attacks["killed_low"]).fillna(0)
    wounded = data.attacks["wounded_high"].fillna(data.attacks["wounded_low"]).fillna(0)
    assert map_ids(app) == set(data.attacks[killed + wounded >= 100]["id"])


@pytest.mark.parametrize(
    "clicks,expected",
    [
        ([keys.STEP_FORWARD], (1991, 1991)),
        ([keys.STEP_FORWARD, keys.STEP_FORWARD], (1992, 1992)),
        ([keys.STEP_BACK], (2025, 2025)),
    ],
)
def test_stepping_walks_through_the_years(clicks, expected):
    app = start()
    span = app.slider(key=params.YEARS).value
    for key in clicks:
        app.button(key=key).click().run()
    expected = expected if expected != (2025, 2025) else (span[1], span[1])
    assert app.slider(key=params.YEARS).value == expected


def test_the_map_state_round_trips_through_the_url():
    query = {
        "lang": "fr",
        "years": ["2001", "2010"],
        "groups": ["imu"],
        "lineage": "1",
        "layers": ["attacks", "heatmap"],
        "choro": "casualties",
        "place": ["city", "province"],
    }
    app = start(**query)
    assert app.pills(key=params.LAYERS).value == ["attacks", "heatmap"]
    assert app.radio(key=params.CHOROPLETH).value == "casualties"
    assert app.checkbox(key=params.LINEAGE).value
    for key, value in query.items():
        written = app.query_params[key]
        as_list = list(written) if isinstance(written, (list, tuple)) else [written]
        assert as_list == (value if isinstance(value, list) else [value])


@pytest.mark.parametrize("lang,labels", [("en", ("Place precision", "Killed")), ("fr", ("Précision du lieu", "Tués"))])
def test_the_colour_and_the_size_of_the_circles_are_chosen_by_id_and_kept_in_the_url(lang, labels):
    app = start(lang=lang, colour="target", size="fixed")
    colour, size = app.selectbox(key=params.COLOR_BY), app.selectbox(key=params.SIZE_BY)
    assert (colour.value, size.value) == ("target", "fixed")
    colour.set_value("location_precision").run()
    app.selectbox(key=params.SIZE_BY).set_value("killed").run()
    assert not app.exception
    assert (app.query_params[params.COLOR_BY], app.query_params[params.SIZE_BY]) == ("location_precision", "killed")
    shown = app.selectbox(key=params.COLOR_BY).format_func("location_precision")
    assert (shown, app.selectbox(key=params.SIZE_BY).format_func("killed")) == labels


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_row_picked_in_the_map_s_table_fills_the_record_card(data, lang):
    app = start(lang=lang, years=["2024", "2024"])
    card = app.get_by_key(keys.RECORD_CARD)
    assert [caption.value for caption in card.caption] == [t("clicked_hint", lang)]
    rows = table(app, keys.SELECTED_EVENTS)
    assert pd.api.types.is_datetime64_any_dtype(rows["date"]) and pd.api.types.is_integer_dtype(rows["killed"])
    app.session_state[keys.MAP_TABLE] = {"selection": {"rows": [2], "columns": []}}
    app.run()
    assert not app.exception
    chosen = rows["id"].iloc[2]
    text = "\n".join(block.value for block in app.get_by_key(keys.RECORD_CARD).markdown)
    day = f"{data.attacks.set_index('id').loc[chosen, 'date']:%Y-%m-%d}"
    assert escape_markdown(chosen) in text and escape_markdown(day) in text
    app.session_state[keys.MAP_TABLE] = {"selection": {"rows": [], "columns": []}}
    app.run()
    assert [caption.value for caption in app.get_by_key(keys.RECORD_CARD).caption] == [t("clicked_hint", lang)]


@pytest.mark.parametrize(
    "lang,kabul,place", [("ru", "Кабул", "Кабул, Афганистан"), ("fr", "Kaboul", "Kaboul, Afghanistan")]
)
def test_the_map_s_table_and_card_name_the_place_in_the_language(data, lang, kabul, place):
    app = start(lang=lang, countries=["AFG"])
    rows = table(app, keys.SELECTED_EVENTS)
    row = int((rows["place"] == kabul).to_numpy().nonzero()[0][0])
    assert "Kabul" not in set(rows["place"])
    app.session_state[keys.MAP_TABLE] = {"selection": {"rows": [row], "columns": []}}
    app.run()
    assert not app.exception
    text = "\n".join(block.value for block in app.get_by_key(keys.RECORD_CARD).markdown)
    assert f"**{t('place', lang)}**: {escape_markdown(place)} \\(" in text


def test_an_empty_selection_says_so(data):
    app = start(years=["1991", "1991"], groups=["iskp"])
    assert not app.exception
    assert any("No attack matches" in info.value for info in app.info)


# ---------- the analysis pages ----------


def charts(app: AppTest) -> list:
    return app.get("vega_lite_chart")


@pytest.mark.parametrize(
    "page,lang,title,count",
    [
        ("pages/timeline.py", "en", "Timeline and trends", 3),
        ("pages/timeline.py", "fr", "Chronologie et tendances", 3),
        ("pages/groups.py", "en", "Groups and lineage", 2),
        ("pages/groups.py", "fr", "Groupes et filiations", 2),
        ("pages/cooperation.py", "en", "Regional cooperation", 4),
        ("pages/cooperation.py", "fr", "Coopération régionale", 4),
        ("pages/abroad.py", "en", "Attacks abroad", 4),
        ("pages/abroad.py", "fr", "Attentats à l'étranger", 4),
    ],
)
def test_each_analysis_page_renders_its_charts_in_each_language(page, lang, title, count):
    app = start(page, lang=lang)
    assert not app.exception
    assert page_title(app) == title
    assert len(charts(app)) == count
    assert len(app.get("download_button")) == 3 * count


@pytest.mark.parametrize(
    "query,expected_rows",
    [
        ({"years": ["2015", "2024"]}, lambda a: a["year"].between(2015, 2024)),
        ({"groups": ["imu"]}, lambda a: a["group_id"] == "imu"),
    ],
)
def test_the_timeline_follows_the_sidebar_filters(data, query, expected_rows):
    app = start("pages/timeline.py", **query)
    numbers = table(app, keys.CHART_YEARLY)
    chosen = data.attacks[expected_rows(data.attacks) & ~data.attacks["foiled"]]
    assert numbers["low"].sum() == len(chosen)


def test_stacking_by_country_and_counting_killed(data):
    app = start("pages/timeline.py", stack="country", measure="killed", years=["2024", "2024"])
    numbers = table(app, keys.CHART_YEARLY)
    chosen = data.attacks[data.attacks["year"] == 2024]
    assert numbers["low"].sum() == chosen["killed_low"].fillna(0).sum()
    assert "Russia" in set(numbers["label"])


def profile_title(app: AppTest) -> str:
    return only(app.get_by_key(keys.PROFILE).subheader).value


def test_choosing_a_group_shows_its_profile_and_lineage():
    app = start("pages/groups.py", group="iskp", year="2020")
    assert "ISKP" in profile_title(app)
    assert any("ancestors (IMU, TTP)" in caption.value for caption in app.caption)
    app.selectbox(key=params.PROFILE).set_value("imu").run()
    assert "IMU" in profile_title(app)
    assert any("descendants (IJU, JA, ISKP (ISIS-K))" in caption.value for caption in app.caption)


@pytest.mark.parametrize(
    "org,year,country,status",
    [
        ("csto", "2013", "Uzbekistan", "Suspended"),
        ("csto", "2008", "Uzbekistan", "Member"),
        ("sco", "2005", "Kazakhstan", "Member"),
    ],
)
def test_the_membership_table_follows_organisation_and_year(org, year, country, status):
    app = start("pages/cooperation.py", org=org, year=year)
    members = table(app, keys.CHART_MEMBERSHIP)
    assert dict(zip(members["country"], members["status"]))[country] == status


def test_stepping_the_cooperation_year():
    app = start("pages/cooperation.py", year="2012")
    app.button(key=keys.YEAR_FORWARD).click().run()
    assert app.slider(key=params.YEAR).value == 2013


def test_attacks_abroad_count_origins(data):
    app = start("pages/abroad.py")
    trips = table(app, keys.CHART_ABROAD_MAP)
    assert set(trips["origin"]) <= {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert not set(trips["destination"]) & {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


# ---------- the story, presentation mode and shareable views ----------


def step_title(app: AppTest) -> str:
    return only(app.get_by_key(keys.STORY_STEP).subheader).value


@pytest.mark.parametrize("number", range(1, len(STEPS) + 1))
def test_every_story_step_applies_its_view(number):
    step = STEPS[number - 1]
    app = start("pages/story.py", step=str(number))
    assert not app.exception
    assert step_title(app) == step.title["en"]
    assert app.slider(key=params.YEARS).value == step.years
    assert app.multiselect(key=params.GROUPS).value == list(step.groups)
    assert app.session_state[params.LAYERS] == list(step.layers)


def test_next_and_previous_walk_the_story_and_the_url_follows():
    app = start("pages/story.py", lang="fr")
    assert app.button(key=keys.STORY_BACK).disabled
    app.button(key=keys.STORY_NEXT).click().run()
    assert step_title(app) == STEPS[1].title["fr"]
    assert app.query_params[params.STEP] == "2"
    assert app.slider(key=params.YEARS).value == STEPS[1].years
    app.button(key=keys.STORY_BACK).click().run()
    assert step_title(app) == STEPS[0].title["fr"]


def test_the_last_step_cannot_go_further():
    app = start("pages/story.py", step=str(len(STEPS)))
    assert app.button(key=keys.STORY_NEXT).disabled and not app.button(key=keys.STORY_BACK).disabled


def test_presentation_mode_is_kept_in_the_url_and_can_be_left():
    app = start(present="1")
    assert app.toggle(key=params.PRESENT).value and app.query_params[params.PRESENT] == "1"
    app.button(key=keys.LEAVE_PRESENTATION).click().run()
    assert not app.toggle(key=params.PRESENT).value and params.PRESENT not in app.query_params


WIDGETS = {
    params.LANG: "radio",
    params.YEARS: "slider",
    params.GROUPS: "multiselect",
    params.LINEAGE: "checkbox",
    params.LAYERS: "pills",
    params.CHOROPLETH: "radio",
    params.STACK_BY: "radio",
    params.MEASURE: "radio",
    params.PROFILE: "selectbox",
    params.ORGANIZATION: "selectbox",
    params.YEAR: "slider",
    params.DATASET: "selectbox",
    params.SEARCH: "text_input",
    params.PRESENT: "toggle",
}


def widget_values(app: AppTest, keys) -> dict:
    return {key: getattr(app, WIDGETS[key])(key=key).value for key in keys}


@pytest.mark.parametrize(
    "page,query",
    [
        (
            None,
            {
                "lang": "fr",
                "years": ["2001", "2010"],
                "groups": ["imu"],
                "lineage": "1",
                "layers": ["attacks", "choropleth"],
                "choro": "casualties",
                "present": "1",
            },
        ),
        ("pages/story.py", {"step": "5", "lang": "fr"}),
        ("pages/timeline.py", {"stack": "country", "measure": "wounded", "years": ["2010", "2020"]}),
        ("pages/groups.py", {"group": "iju", "year": "2008", "lang": "fr"}),
        ("pages/cooperation.py", {"org": "sco", "year": "2003"}),
        ("pages/abroad.py", {"years": ["2016", "2024"], "groups": ["iskp"]}),
        (DATA_PAGE, {"dataset": "bases", "q": "Tavildara", "filtered": "0"}),
    ],
)
def test_every_page_round_trips_through_the_url(page, query):
    first = start(page, **query)
    assert not first.exception
    written = {key: first.query_params[key] for key in first.query_params}
    again = start(page, **written)
    keys = [key for key in WIDGETS if key in query and key != params.STEP]
    assert widget_values(again, keys) == widget_values(first, keys)
    assert {key: again.query_params[key] for key in again.query_params} == written
    if page == "pages/story.py":
        assert step_title(again) == step_title(first) == STEPS[4].title["fr"]


# ---------- the server ----------


def test_the_server_start_leaves_the_map_component_to_the_first_page_run():
    # scripts/serve.py imports navigation before the server runs any page: a component declared
    # then would never be registered, and every map's frame would answer 404.
    code = "import sys; sys.path.insert(0, '.'); import navigation; print('streamlit_folium' in sys.modules)"
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert run.stdout.split()[-1] == "False"


# ---------- imported data ----------

IMPORTS = ROOT / "tests" / "fixtures" / "imports"


@pytest.fixture
def configured_import(monkeypatch, tmp_path):
    """A GTD export named in the app's configuration, and an empty user folder."""
    monkeypatch.setenv("DASHBOARD_IMPORTS", str(IMPORTS / "gtd_sample_latin1.csv"))
    monkeypatch.setattr("geo.io.userfiles.USER_DIR", tmp_path / "user")


def test_configured_imports_appear_beside_the_curated_events_counted_once(data, configured_import):
    app = open_more_filters(start())
    ids = map_ids(app)
    # gtd-201700000003 is the Stockholm truck attack again: one incident, the curated row.
    assert "gtd-201001010001" in ids and "gtd-201700000003" not in ids and set(data.attacks["id"]) <= ids
    app.radio(key=params.ORIGIN).set_value("imported").run()
    assert all(i.startswith("gtd-") for i in map_ids(app)) and len(map_ids(app)) == 4
    app.toggle(key=params.HIDE_DOUBTFUL).set_value(True).run()
    assert "gtd-201100000002" not in map_ids(app) and len(map_ids(app)) == 3
    app.radio(key=params.ORIGIN).set_value("curated").run()
    assert map_ids(app) == set(data.attacks["id"])


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/abroad.py", "pages/story.py", "pages/imports.py"])
def test_every_page_runs_with_imported_events(configured_import, page):
    app = start(page)
    assert not app.exception


def test_the_import_page_speaks_the_session_language(configured_import):
    app = start("pages/imports.py", lang="fr")
    assert any(
        caption.value == "Déposez le fichier ici ou choisissez-le ; 200 Mo au plus par fichier."
        for caption in app.caption
    )
    sample = IMPORTS / "gtd_sample_latin1.csv"
    app.file_uploader(key=keys.UPLOAD).set_value((sample.name, sample.read_bytes(), "text/csv")).run()
    app.button(key=keys.IMPORT_BUTTON).click().run()
    assert not app.exception
    report = app.get_by_key(keys.IMPORT_REPORT)
    # The skipped rows by reason come first, then the implausible cells.
    reasons = report.dataframe[0].value
    assert list(reasons.columns) == ["Motif", "Lignes"]
    assert set(reasons["Motif"]) == {
        "pas de coordonnées",
        "date absente ou invalide",
        "coordonnées hors limites (latitude de -90 à 90, longitude de -180 à 180)",
        "identifiant d'événement en double (la ligne précédente qui le porte a été gardée)",
    }
    note = only(report.info).value
    assert "1 cellule de texte commence par" in note
    assert "pour qu'un tableur l'affiche comme du texte au lieu de l'exécuter" in note


def test_the_import_page_gives_every_skip_reason_in_french(configured_import):
    rows = [PROJECT_ROW] + [{**PROJECT_ROW, "id": f"row-{n}", **changes} for n, (changes, _) in enumerate(SKIPS)]
    raw = pd.DataFrame(rows).to_csv(index=False).encode()
    app = start("pages/imports.py", lang="fr")
    app.file_uploader(key=keys.UPLOAD).set_value(("reasons.csv", raw, "text/csv")).run()
    app.button(key=keys.IMPORT_BUTTON).click().run()
    assert not app.exception
    reasons = app.get_by_key(keys.IMPORT_REPORT).dataframe[0].value
    # The file's rows: the header, the kept row, then one row per reason.
    expected = {t(key, "fr"): str(row) for row, (_, key) in enumerate(SKIPS, start=3)}
    assert dict(zip(reasons["Motif"], reasons["Lignes"])) == expected
    assert not {t(key, "en") for _, key in SKIPS} & set(reasons["Motif"])


def test_the_import_page_lists_implausible_cells_in_the_session_language(configured_import):
    rows = pd.read_csv(IMPORTS / "gtd_sample_latin1.csv", encoding="latin-1", dtype=str, keep_default_na=False)
    rows.loc[0, "nkill"] = "1e12"
    app = start("pages/imports.py", lang="fr")
    app.file_uploader(key=keys.UPLOAD).set_value(("tolls.csv", rows.to_csv(index=False).encode(), "text/csv")).run()
    app.button(key=keys.IMPORT_BUTTON).click().run()
    assert not app.exception
    table = only(app.get_by_key(keys.IMPORT_CELLS).dataframe).value
    assert list(table.columns) == ["Ligne", "Colonne", "Valeur", "Problème"]
    assert ("nkill", "1e12") in set(zip(table["Colonne"], table["Valeur"]))
    # The bar is gone once the file is read: only the report is left.
    assert not app.get("progress")


def test_a_zip_bomb_is_refused_on_the_import_page(configured_import):
    from tests.io.test_streaming import zip_bomb

    app = start("pages/imports.py", lang="fr")
    app.file_uploader(key=keys.UPLOAD).set_value(("bomb.xlsx", zip_bomb(200), "application/octet-stream")).run()
    app.button(key=keys.IMPORT_BUTTON).click().run()
    assert "se décompresserait en" in only(app.main.error).value


def test_a_refused_file_says_why_in_the_session_language(configured_import):
    app = start("pages/imports.py", lang="fr")
    app.file_uploader(key=keys.UPLOAD).set_value(("empty.csv", b" ", "text/csv")).run()
    app.button(key=keys.IMPORT_BUTTON).click().run()
    assert "est vide : il n'a ni ligne d'en" in only(app.main.error).value


def test_the_import_page_lists_the_configured_file(configured_import):
    app = start("pages/imports.py")
    assert any("latin1" in m.value and "GTD" in m.value for m in app.markdown)
    app.button(key=f"{keys.SAVE_IMPORT}-0").click().run()
    assert any("Saved as" in s.value for s in app.success)


@pytest.fixture
def repeats(monkeypatch, tmp_path):
    """A GTD export of our own rows, three of them repeating curated attacks, and an empty user folder."""
    export = tmp_path / "repeats.csv"
    export.write_bytes(gtd_export(GTD_ROWS))
    monkeypatch.setenv("DASHBOARD_IMPORTS", str(export))
    monkeypatch.setattr("geo.io.userfiles.USER_DIR", tmp_path / "user")
    return tmp_path / "user"


REPEATS = {f"gtd-{row[0]}": row[-1] for row in GTD_ROWS if row[-1]}


def test_the_import_page_lists_the_links_where_the_datasets_disagree(repeats):
    app = start("pages/imports.py", lang="fr")
    review = app.get_by_key(keys.LINK_REVIEW)
    rows = only(review.dataframe).value
    assert dict(zip(rows["record_id"], rows["linked_to"])) == REPEATS
    assert set(rows["decision"]) == {t("link_proposed", "fr")}
    # Our rows give no wounded where the curated attacks give some: every link differs on the tolls.
    assert all(t("differs_toll", "fr") in differs for differs in rows["differs"])
    assert app.get_by_key(keys.DOWNLOAD_CROSSWALK) is not None
    assert not app.exception


def test_a_rejected_link_saved_in_the_user_folder_counts_its_record_apart_at_the_next_start(repeats):
    record = "gtd-201504180001"
    save_decisions({(record, REPEATS[record]): REJECTED}, "2026-12-01", repeats)
    app = start()
    assert record in map_ids(app) and not set(REPEATS) - {record} & map_ids(app)
    imports = start("pages/imports.py")
    rows = only(imports.get_by_key(keys.LINK_REVIEW).dataframe).value
    assert rows.set_index("record_id").at[record, "decision"] == t("link_rejected", "en")


def test_the_data_page_lists_tolls_by_source_with_their_links(data):
    app = start(DATA_PAGE, lang="fr", dataset="tolls")
    rows = app.dataframe(key=keys.DATA_TABLE).value
    assert len(rows) == len(data.tolls) and rows["source_url"].str.startswith("http").all()
    assert set(rows["kind"]) <= {"Officiel", "Presse", "Revendication", "ONG", "Tribunal", "Hôpital"}
    assert any(t("select_row_hint", "fr") in caption.value for caption in app.caption)

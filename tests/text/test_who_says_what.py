"""Who says what: every toll figure of an attack with its source, date and kind, in each language."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from geo.map.card import attack_card
from geo.render.tables import tolls_by_source
from geo.state.criteria import filter_arguments
from geo.text.sources import who_says_what

TASHKENT = "1999-02-16-tashkent"


@pytest.mark.parametrize(
    "lang,expected",
    [
        (
            "en",
            [
                ["1999-02-16", "Interior Ministry, via the press", "Example News", "Official", "13", "100", ""],
                ["1999-02-18", "Prosecutor General", "Example News", "Official", "16", "128", "latest official figure"],
                [
                    "2024-04",
                    "the essay",
                    "IFRI",
                    "Press",
                    "20",
                    "",
                    "left out of the range: later figure with no source given",
                ],
            ],
        ),
        (
            "fr",
            [
                ["1999-02-16", "Interior Ministry, via the press", "Example News", "Officiel", "13", "100", ""],
                [
                    "1999-02-18",
                    "Prosecutor General",
                    "Example News",
                    "Officiel",
                    "16",
                    "128",
                    "dernier chiffre officiel",
                ],
                [
                    "2024-04",
                    "the essay",
                    "IFRI",
                    "Presse",
                    "20",
                    "",
                    "écarté de la fourchette : later figure with no source given",
                ],
            ],
        ),
    ],
)
def test_each_figure_is_listed_oldest_first_with_the_latest_official_marked(fixture_data, lang, expected):
    table = who_says_what(TASHKENT, fixture_data.tolls, fixture_data.sources, lang)
    assert table.to_numpy().tolist() == expected


def test_the_table_is_headed_in_the_language(fixture_data):
    table = who_says_what(TASHKENT, fixture_data.tolls, fixture_data.sources, "fr")
    assert list(table.columns) == [
        "À la date du",
        "Donné par",
        "Publié dans",
        "Type",
        "Tués",
        "Blessés",
        "Pris en compte",
    ]


def test_the_card_carries_who_says_what(fixture_data):
    row = fixture_data.attacks.set_index("id", drop=False).loc[TASHKENT]
    card = attack_card(row, fixture_data.groups, fixture_data.sources, "en", fixture_data.tolls)
    assert len(card["tolls"]) == 3
    surkhandarya = fixture_data.attacks.set_index("id", drop=False).loc["2000-08-01-surkhandarya"]
    assert attack_card(surkhandarya, fixture_data.groups, fixture_data.sources, "en", fixture_data.tolls)["tolls"].empty


def test_the_csv_cell_lists_every_figure_with_its_source(fixture_data):
    cells = tolls_by_source(fixture_data.attacks["id"], fixture_data.tolls)
    assert cells.tolist()[0] == (
        "killed 13, wounded 100 (Interior Ministry, via the press; news_tashkent_1999; 1999-02-16); "
        "killed 16, wounded 128 (Prosecutor General; news_tashkent_1999; 1999-02-18); "
        "killed 20 (the essay; boquerat_2024; 2024-04; left out: later figure with no source given)"
    )
    assert cells.tolist()[2] == ""


def test_the_map_csv_export_carries_the_figures_by_source(data, shapes):
    from geo.analysis.filters import select_attacks, year_span
    from geo.map.basemap import basemap_collections
    from geo.render.exports import map_downloads
    from geo.state.criteria import attack_criteria, map_view
    from geo.state.urlstate import state_defaults

    state = state_defaults(year_span(data.attacks, data.events))
    criteria = attack_criteria(state, data.group_links)
    attacks = select_attacks(data.attacks, **filter_arguments(criteria))
    downloads = map_downloads(
        data,
        shapes,
        basemap_collections(shapes),
        attacks,
        "{}",
        map_view(state),
        criteria,
        "caption",
        "en",
        "key",
        "2026-12-01",
    )
    csv_bytes = next(contents for label, contents, name, _ in downloads if name.endswith(".csv"))()
    text = csv_bytes.decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(text[text.index("\n") + 1 :] if text.startswith("#") else text))
    bajaur = table.set_index("id").at["2023-07-30-bajaur-jui-f-rally-bombing", "tolls_by_source"]
    assert bajaur.startswith("killed 54, wounded 83 (CTD Additional IG Shaukat Abbas, via Dawn; dawn_bajaur_2023;")


def test_the_card_shows_an_incidents_records_side_by_side(fixture_data):
    row = fixture_data.attacks.set_index("id", drop=False).loc[TASHKENT].copy()
    row["records"] = "gtd-1"
    gtd = fixture_data.attacks.iloc[:1].assign(id="gtd-1", origin="GTD · export.csv", killed_low=15, killed_high=15)
    card = attack_card(row, fixture_data.groups, fixture_data.sources, "fr", records=gtd)
    table = card["records"]
    assert list(table.columns) == ["Jeu de données", "Enregistrement", "Date", "Lieu", "Groupe", "Tués", "Blessés"]
    assert table.iloc[:, :2].to_numpy().tolist() == [
        ["Données du tableau de bord", TASHKENT],
        ["GTD · export.csv", "gtd-1"],
    ]
    assert table["Tués"].tolist() == ["13–16", "15"]

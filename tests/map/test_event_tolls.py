"""Who says what in the event payload: the figures of each attack that has some, as the record
card lists them, keyed by the attack's position; nothing for the others."""

from __future__ import annotations

import pytest

from geo.map.events import TOLL_FIELDS, event_payload
from geo.text.sources import who_says_what

TASHKENT = "1999-02-16-tashkent"
STOCKHOLM = "2017-04-07-stockholm"
SURKHANDARYA = "2000-08-01-surkhandarya"
NEWS = "https://news.example.org/tashkent-1999"
LEFT_OUT = {"en": "left out of the range: ", "fr": "écarté de la fourchette : "}
LATEST = {"en": "latest official figure", "fr": "dernier chiffre officiel"}
KIND = {"en": ("Official", "Press"), "fr": ("Officiel", "Presse")}


def tashkent_rows(lang: str) -> list[list]:
    official, press = KIND[lang]
    return [
        ["1999-02-16", "Interior Ministry, via the press", "Example News", official, "13", "100", "", NEWS, False],
        ["1999-02-18", "Prosecutor General", "Example News", official, "16", "128", LATEST[lang], NEWS, True],
        [
            "2024-04",
            "the essay",
            "IFRI",
            press,
            "20",
            "",
            LEFT_OUT[lang] + "later figure with no source given",
            "",
            False,
        ],
    ]


def payload_of(data, ids: list[str], lang: str = "en", **options) -> dict:
    attacks = data.attacks.set_index("id", drop=False).loc[ids].reset_index(drop=True)
    return event_payload(attacks, data.groups, data.sources, lang, **options)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_attack_s_figures_are_its_card_s_rows_with_the_address_and_the_latest_official_mark(fixture_data, lang):
    payload = payload_of(fixture_data, [SURKHANDARYA, TASHKENT], lang, tolls=fixture_data.tolls)
    assert payload["schema"]["toll_fields"] == list(TOLL_FIELDS)
    assert payload["tolls"]["1"] == tashkent_rows(lang)
    card = who_says_what(TASHKENT, fixture_data.tolls, fixture_data.sources, lang)
    assert [row[: len(card.columns)] for row in payload["tolls"]["1"]] == card.to_numpy().tolist()


@pytest.mark.parametrize(
    "ids,options,expected",
    [
        ([SURKHANDARYA, TASHKENT, STOCKHOLM], {}, {"1": 3, "2": 2}),
        ([STOCKHOLM, SURKHANDARYA], {}, {"0": 2}),
        ([SURKHANDARYA], {}, {}),
        # Figures do not hang on the text of small selections: the figures file bounds their size.
        ([TASHKENT, STOCKHOLM], {"detail_up_to": 0}, {"0": 3, "1": 2}),
    ],
    ids=["in selection order", "first attack", "none has figures", "large selection"],
)
def test_only_attacks_with_figures_have_rows_keyed_by_their_position(fixture_data, ids, options, expected):
    payload = payload_of(fixture_data, ids, tolls=fixture_data.tolls, **options)
    assert {key: len(rows) for key, rows in payload["tolls"].items()} == expected


def test_without_figures_or_for_imported_records_the_payload_has_none(fixture_data):
    assert payload_of(fixture_data, [TASHKENT])["tolls"] == {}
    imported = fixture_data.attacks.assign(id=["gtd-1", "gtd-2", "gtd-3"], origin="GTD · export.csv")
    payload = event_payload(imported, fixture_data.groups, fixture_data.sources, "en", tolls=fixture_data.tolls)
    assert payload["tolls"] == {}


@pytest.mark.parametrize(
    "lang,caption,headings",
    [
        ("en", "Who says what", ["As of", "Given by", "Published in", "Kind", "Killed", "Wounded", "Counted"]),
        (
            "fr",
            "Qui dit quoi",
            ["À la date du", "Donné par", "Publié dans", "Type", "Tués", "Blessés", "Pris en compte"],
        ),
    ],
)
def test_the_columns_are_headed_in_the_language_and_the_source_links(fixture_data, lang, caption, headings):
    labels = payload_of(fixture_data, [TASHKENT], lang)["labels"]
    assert labels["who_says_what"] == caption
    assert [column["label"] for column in labels["toll_columns"]] == headings
    assert [column for column in labels["toll_columns"] if "link" in column] == [
        {"name": "source", "label": headings[2], "link": "url"}
    ]

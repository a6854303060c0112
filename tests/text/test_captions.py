"""The caption under the title names every filter of the view, in every language."""

from __future__ import annotations

import pytest

from geo import params
from geo.state.criteria import attack_criteria
from geo.state.urlstate import state_defaults
from geo.text.captions import view_caption
from tests.samples import LINKS

NAMES = {params.GROUPS: {"iskp": "ISKP"}, params.COUNTRIES: {"AFG": "Afghanistan", "PAK": "Pakistan"}}


def caption(lang: str, **changes) -> str:
    state = {**state_defaults((1991, 2025)), params.YEARS: (2015, 2024), **changes}
    return view_caption(attack_criteria(state, LINKS), NAMES, lang)


@pytest.mark.parametrize(
    "changes,lang,expected",
    [
        ({params.REGION: "outside", params.GROUPS: ["iskp"]}, "en", "2015–2024 · outside Central Asia · Groups: ISKP"),
        ({params.REGION: "outside"}, "fr", "2015–2024 · hors d'Asie centrale"),
        ({params.REGION: "inside"}, "ru", "2015–2024 · в Центральной Азии"),
        ({params.COUNTRIES: ["AFG", "PAK"]}, "en", "2015–2024 · Countries: Afghanistan, Pakistan"),
        (
            {params.COUNTRIES: ["AFG", "PAK"], params.COUNTRY_MODE: "exclude"},
            "en",
            "2015–2024 · All countries but: Afghanistan, Pakistan",
        ),
        (
            {params.COUNTRIES: ["AFG"], params.COUNTRY_MODE: "exclude"},
            "fr",
            "2015–2024 · Tous les pays sauf : Afghanistan",
        ),
        (
            {params.COUNTRIES: ["AFG"], params.COUNTRY_MODE: "exclude"},
            "ru",
            "2015–2024 · Все страны, кроме: Afghanistan",
        ),
        ({params.COUNTRY_MODE: "exclude"}, "en", "2015–2024"),  # nothing left out, nothing said
        ({params.PLACE_PRECISIONS: ["exact", "city"]}, "en", "2015–2024 · Place precision: exact place, city"),
        ({params.DATE_PRECISIONS: ["day"]}, "en", "2015–2024 · Date precision: exact day"),
        ({params.KILLED: (10, 500)}, "en", "2015–2024 · Killed: ≥ 10"),
        ({params.KILLED: (0, 5)}, "fr", "2015–2024 · Tués : ≤ 5"),
        ({params.KILLED: (10, 50)}, "ru", "2015–2024 · Убито: 10–50"),
        ({params.KILLED: (0, 500)}, "en", "2015–2024"),
    ],
)
def test_every_new_filter_is_named_in_the_caption(changes, lang, expected):
    assert caption(lang, **changes) == expected


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_every_filter_together_is_named_in_every_language(lang):
    text = caption(
        lang,
        **{
            params.REGION: "outside",
            params.COUNTRIES: ["AFG"],
            params.COUNTRY_MODE: "exclude",
            params.PLACE_PRECISIONS: ["city"],
            params.DATE_PRECISIONS: ["month"],
            params.KILLED: (5, 100),
        },
    )
    assert len(text.split(" · ")) == 6 and "Afghanistan" in text and "5–100" in text

"""The attacks' places in the page's language, from GeoNames and CLDR, or as the data writes them."""

from __future__ import annotations

import pytest

from geo.map.placenames import place_name, place_names, split_place


@pytest.mark.parametrize(
    "place,country,lang,name",
    [
        ("Kabul", "AFG", "ru", "Кабул"),
        ("Kabul", "AFG", "fr", "Kaboul"),  # CLDR's name of the zone's city
        ("Kabul", "AFG", "en", "Kabul"),
        ("Tashkent", "UZB", "ru", "Ташкент"),
        ("Tashkent", "UZB", "fr", "Tachkent"),
        ("Khujand", "TJK", "ru", "Худжанд"),  # not the older Ходжент, which a Latin alternate also spells
        ("Dushanbe", "TJK", "fr", "Douchanbé"),
        ("Moscow", "RUS", "fr", "Moscou"),
        ("Andijan", "UZB", "ru", "Андижан"),  # the English name draws the Russian, not the Uzbek Андижон
        ("Namangan", "UZB", "fr", "Namangan"),  # no French spelling of its own
        ("Mastung", "PAK", "ru", "Mastung"),  # GeoNames has no Russian name for it
        ("Nur-Sultan", "KAZ", "ru", "Нур-Султан"),  # found under GeoNames' Astana, named as the data names it
        ("Kabul (Dasht-e Barchi)", "AFG", "ru", "Кабул (Dasht-e Barchi)"),  # the city named, its detail kept
        ("Tashkent (Chorsu bazaar)", "UZB", "fr", "Tachkent (Chorsu bazaar)"),
        ("Batken Region", "KGZ", "ru", "Batken Region"),  # not a city of GeoNames
        ("Vahdat and Dushanbe", "TJK", "ru", "Vahdat and Dushanbe"),
        ("Osh", "AFG", "ru", "Osh"),  # Osh is in Kyrgyzstan: a name is sought in its own country only
        ("Kabul", None, "ru", "Kabul"),  # an imported record without a country
        ("", "AFG", "ru", ""),
    ],
)
def test_a_place_is_named_in_the_language_when_a_source_says_so(place, country, lang, name):
    assert place_name(place, country, lang) == name


@pytest.mark.parametrize(
    "place,parts",
    [
        ("Kabul", ("Kabul", "")),
        ("Kabul (Dasht-e Barchi)", ("Kabul", " (Dasht-e Barchi)")),
        ("Kabul (Qala-e-Najara, Khair Khana)", ("Kabul", " (Qala-e-Najara, Khair Khana)")),
        ("Isfara (Lakkon border post) and Batken Region", ("Isfara (Lakkon border post) and Batken Region", "")),
        ("(Kabul)", ("(Kabul)", "")),
    ],
)
def test_a_place_splits_into_its_city_and_the_detail_in_brackets(place, parts):
    assert split_place(place) == parts


def test_a_column_of_places_is_named_row_by_row_and_an_empty_one_stays_empty():
    places = ["Kabul", None, "Khujand", float("nan")]
    countries = ["AFG", "AFG", "TJK", "TJK"]
    assert place_names(places, countries, "ru") == ["Кабул", "", "Худжанд", ""]

"""The attacks' places in the page's language, from GeoNames and CLDR, or as the data writes them."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.map.placenames import committed_place_names, place_name, place_name_table, place_names, split_place


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


@pytest.mark.parametrize(
    "place,country,lang,name",
    [
        ("Quetta", "PAK", "ru", "Кветта"),  # GeoNames' Cyrillic alternate, Куета, is not the Russian press's
        ("Quetta (Hazarganji)", "PAK", "ru", "Кветта (Hazarganji)"),  # the city's name, its detail kept
        ("Quetta", "PAK", "fr", "Quetta"),  # no French name cited: GeoNames and CLDR as before
        ("Cologne", "DEU", "ru", "Кёльн"),  # not the Bulgarian Кьолн
        ("Eindhoven", "NLD", "ru", "Эйндховен"),  # not the Ukrainian Ейндговен
        ("Khanabad (Andijan Region)", "UZB", "ru", "Ханабад (Andijan Region)"),  # not the Uzbek Хонобод
        ("Jalal-Abad", "KGZ", "ru", "Джалал-Абад"),  # not the Kyrgyz Жалал-Абад
        ("Saint Petersburg", "RUS", "ru", "Санкт-Петербург"),
        ("Saint Petersburg", "RUS", "fr", "Saint-Pétersbourg"),
        ("Qurghonteppa (Bokhtar)", "TJK", "ru", "Курган-Тюбе (Бохтар)"),  # the whole place has its own row
        ("Almaty", "KAZ", "fr", "Almaty"),  # not the Soviet-era Alma Ata
        ("Herat", "AFG", "fr", "Hérat"),
        ("Quetta", "PAK", "en", "Quetta"),  # English is the data's own
        ("Kabul", "AFG", "ru", "Кабул"),  # no row: GeoNames
    ],
)
def test_a_cited_name_of_the_committed_data_comes_before_geonames(place, country, lang, name):
    assert place_name(place, country, lang) == name


def test_the_names_given_are_the_ones_consulted():
    names = place_name_table(
        pd.DataFrame({"place": ["Kabul"], "country_iso3": ["AFG"], "lang": ["fr"], "name": ["Caboul"]})
    )
    assert place_name("Kabul (Shash Darak)", "AFG", "fr", names) == "Caboul (Shash Darak)"
    assert place_name("Quetta", "PAK", "ru", names) == "Куета"  # without the committed rows, GeoNames' pick
    assert place_name("Kabul", "AFG", "ru", names) == "Кабул"


def test_every_committed_name_changes_what_geonames_gives():
    # A row that repeats GeoNames' own answer cites nothing the page needs.
    same = [key for key, name in committed_place_names().items() if place_name(*key, names={}) == name]
    assert same == []

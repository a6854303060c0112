"""Which places the map names, from which zoom, and in which language."""

from __future__ import annotations

import pytest

from geo.map.labels import (
    KINDS,
    city_min_zoom,
    city_name,
    country_min_zoom,
    french_name,
    label_payload,
    region_box,
    region_cities,
    russian_name,
)

TASHKENT = ("Tashkent", ("Tachkent", "Toshkent", "Ташкент", "Тошкент", "Ташкен", "Ташкент ош"), "Asia/Tashkent", "UZ")
JIZZAX = ("Jizzax", ("Dzhizak", "Djizak", "Jizzakh", "Джизак", "Жиззах", "Jizzax"), "Asia/Samarkand", "UZ")
SHYMKENT = ("Shymkent", ("Chimkent", "Chymkent", "Шимкент", "Шымкент", "Чимкент"), "Asia/Almaty", "KZ")
LAHORE = ("Lahore", ("Lakhor", "Lahor", "Лахор"), "Asia/Karachi", "PK")
NEW_DELHI = ("New Delhi", ("Nev Deli", "Нев Дели", "Nyu Deli"), "Asia/Kolkata", "IN")
NO_CYRILLIC = ("Yunusobod", ("Yunusabad",), "Asia/Tashkent", "UZ")


@pytest.mark.parametrize(
    "population,capital,zoom",
    [
        (4_434_550, False, 5),
        (1_000_000, False, 5),
        (999_999, False, 6),
        (300_000, False, 6),
        (150_000, False, 7),
        (100_000, False, 7),
        (60_000, False, 8),
        (15_000, False, 9),
        (14_999, False, None),
        (679_400, True, 5),  # Dushanbe, a capital
        (60_064, True, 5),
    ],
)
def test_the_population_a_city_needs_rises_as_one_zooms_out(population, capital, zoom):
    assert city_min_zoom(population, capital) == zoom


@pytest.mark.parametrize(
    "city,lang,name",
    [
        (TASHKENT, "en", "Tashkent"),
        (TASHKENT, "ru", "Ташкент"),  # CLDR's name of the zone's city
        (TASHKENT, "fr", "Tachkent"),
        (JIZZAX, "ru", "Джизак"),  # as Dzhizak reads, not the Uzbek Жиззах
        (JIZZAX, "fr", "Djizak"),  # the French spelling of Джизак
        (JIZZAX, "en", "Jizzax"),
        (SHYMKENT, "ru", "Шымкент"),
        (SHYMKENT, "fr", "Chymkent"),
        (LAHORE, "ru", "Лахор"),
        (LAHORE, "fr", "Lahore"),  # Lakhor spells the Russian name, but French does not name Pakistan's cities so
        (NEW_DELHI, "fr", "New Delhi"),
        (NO_CYRILLIC, "ru", "Yunusobod"),
        (NO_CYRILLIC, "fr", "Yunusobod"),
    ],
)
def test_a_city_is_named_in_the_language_when_a_source_says_so(city, lang, name):
    assert city_name(*city, lang) == name


@pytest.mark.parametrize(
    "name,alternates,russian",
    [
        ("Tashkent", ("Тошкент", "Ташкент"), "Ташкент"),
        ("Almaty", ("Алма-Ата", "Алмати", "Алматы"), "Алматы"),
        ("Herāt", ("Герат", "Херат"), "Герат"),  # a foreign h is written г
        ("Aktobe", ("Актөбе", "Ақтөбе"), None),  # Kazakh letters only
        ("Kabul", ("Kaboul", "Kabil"), None),
        ("Osh", ("Ош", "Өш"), "Ош"),
        ("Ust-Kamenogorsk", ("Усть-Каменогорск", "Өскемен"), "Усть-Каменогорск"),
    ],
)
def test_the_russian_name_is_the_cyrillic_one_in_russian_letters_that_reads_like_it(name, alternates, russian):
    assert russian_name(name, alternates) == russian


KHUJAND = ("Khujand", ("Khodzhent", "Khudzhand", "Leninabad", "Ходжент", "Худжанд", "Хуҷанд"))


@pytest.mark.parametrize(
    "name,alternates,english,russian",
    [
        # Both read as a Latin alternate name spells them: GeoNames' own name keeps the first...
        (*KHUJAND, False, "Ходжент"),
        # ...while the English name takes the one likest it.
        (*KHUJAND, True, "Худжанд"),
        ("Jalal-Abad", ("Dzhalal-Abad", "Җалал-Абад", "Джалал-Абад"), True, "Джалал-Абад"),  # Җ is Dungan, not Russian
        ("Köln", ("Koln", "Kyoln", "Кӧльн"), False, None),  # Ӧ is Komi, not Russian
    ],
)
def test_the_english_name_breaks_a_tie_between_two_russian_names(name, alternates, english, russian):
    assert russian_name(name, alternates, english=english) == russian


@pytest.mark.parametrize(
    "russian,alternates,french",
    [
        ("Душанбе", ("Dushanbe", "Douchanbe"), "Douchanbe"),
        ("Нукус", ("Nukus", "Noukous"), "Noukous"),
        ("Наманган", ("Namangan",), None),  # written alike in English: not told French
        ("Нев Дели", ("Nev Deli",), None),
        (None, ("Tachkent",), None),
    ],
)
def test_a_latin_name_is_french_only_when_it_spells_the_russian_one_the_french_way(russian, alternates, french):
    assert french_name(russian, alternates) == french


@pytest.mark.parametrize(
    "width,regional,zoom",
    [
        (60.0, False, 2),  # Russia-sized
        (20.0, False, 3),
        (4.0, False, 5),
        (0.5, False, 8),  # too small to name at the regional zooms
        (4.0, True, 4),  # the region's are named from the start
        (0.0, False, 8),
    ],
)
def test_a_country_is_named_once_it_is_wide_enough(width, regional, zoom):
    assert country_min_zoom(width, regional) == zoom


@pytest.fixture(scope="module")
def payloads(shapes) -> dict:
    return {lang: label_payload(shapes, lang) for lang in ("en", "fr", "ru")}


def named_at(payload: dict, zoom: int, kind: str | None = None) -> set[str]:
    return {
        name
        for _, _, start, end, k, name in payload["places"]
        if start <= zoom <= end and (kind is None or KINDS[k] == kind)
    }


@pytest.mark.parametrize(
    "lang,zoom,kind,present,absent",
    [
        ("en", 4, None, {"Uzbekistan", "Afghanistan", "Kazakhstan"}, {"Tashkent", "Kabul"}),
        ("en", 5, "capital", {"Tashkent", "Kabul", "Dushanbe", "Bishkek", "Ashgabat"}, set()),
        ("en", 5, "city", {"Almaty", "Shymkent", "Astana"}, {"Samarkand", "Namangan", "Osh"}),
        ("en", 6, "city", {"Samarkand", "Namangan", "Osh", "Taraz"}, {"Chirchiq"}),
        ("en", 7, "city", {"Chirchiq", "Kunduz", "Chust"}, {"Bekobod"}),
        ("en", 8, "city", {"Bekobod"}, {"Uzgen", "Kara-Balta"}),
        ("en", 9, "city", {"Uzgen", "Kara-Balta"}, set()),
        ("en", 8, "country", set(), {"Uzbekistan"}),  # close in, the cities take over
        ("ru", 5, None, {"Узбекистан", "Ташкент", "Кабул", "Алматы"}, {"Tashkent"}),
        ("ru", 8, "city", {"Чирчик", "Джизак"}, set()),
        ("fr", 5, None, {"Ouzbékistan", "Tachkent", "Kaboul", "Douchanbé"}, {"Tashkent", "Kabul"}),
    ],
)
def test_the_payload_names_each_place_from_its_zoom_in_the_language(payloads, lang, zoom, kind, present, absent):
    named = named_at(payloads[lang], zoom, kind)
    assert present <= named and not absent & named


def test_only_the_region_and_its_neighbours_cities_are_sent(shapes, payloads):
    west, south, east, north = region_box(shapes)
    cities = [p for p in payloads["en"]["places"] if KINDS[p[4]] != "country"]
    assert all(west <= lon <= east and south <= lat <= north for lon, lat, *_ in cities)
    assert not {"Moscow", "Istanbul", "Paris"} & {p[5] for p in cities}
    frame = region_cities(region_box(shapes))
    neighbours = frame[~frame["country"].isin(["UZ", "KZ", "KG", "TJ", "TM", "AF"])]
    assert len(neighbours) and neighbours["population"].min() >= 50_000


def test_capitals_then_countries_then_cities_claim_room_in_that_order(payloads):
    kinds = [KINDS[p[4]] for p in payloads["en"]["places"]]
    first = {kind: kinds.index(kind) for kind in KINDS}
    last = {kind: len(kinds) - 1 - kinds[::-1].index(kind) for kind in KINDS}
    assert last["capital"] < first["country"] and last["country"] < first["city"]
    populations = [p for p in payloads["en"]["places"] if KINDS[p[4]] == "city"]
    assert populations[0][2] == 5 and populations[-1][2] == 9


def test_the_payload_stays_small(payloads):
    from geo.text.escape import compact_json

    sizes = {lang: len(compact_json(payload).encode()) for lang, payload in payloads.items()}
    assert max(sizes.values()) < 60_000, sizes

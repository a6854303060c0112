"""Country codes from ISO 3166 via pycountry, and their names in any language from CLDR via Babel."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError

from geo.data.vocab import CENTRAL_ASIA

# CLDR's names are the general source; these are the short forms a map legend and a reader
# expect where CLDR writes a long or formal one ("Hong Kong SAR China", "Palestinian
# Territories", "Соединенные Штаты"), and the forms the regional press uses where CLDR differs
# (Kirghizistan in the French press, Кыргызстан in Central Asia's Russian-language media).
SHORT_NAMES = {
    "en": {
        "TUR": "Turkey",
        "PSE": "Palestine",
        "HKG": "Hong Kong",
        "MAC": "Macao",
        "MMR": "Myanmar",
        "COD": "DR Congo",
        "COG": "Congo",
    },
    "fr": {
        "KGZ": "Kirghizistan",
        "PSE": "Palestine",
        "HKG": "Hong Kong",
        "MAC": "Macao",
        "MMR": "Birmanie",
        "COD": "RD Congo",
        "COG": "Congo",
    },
    "ru": {
        "KGZ": "Кыргызстан",
        "USA": "США",
        "KOR": "Южная Корея",
        "PRK": "Северная Корея",
        "PSE": "Палестина",
        "HKG": "Гонконг",
        "MAC": "Макао",
        "MMR": "Мьянма",
        "COD": "ДР Конго",
        "COG": "Конго",
        "FSM": "Микронезия",
    },
}

# ISO 3166 has no code for Kosovo. XKX, the user-assigned code the World Bank among others writes,
# gives a point in Kosovo a country of its own instead of none.
USER_ASSIGNED = frozenset({"XKX"})

# The essay counts Afghanistan in the region because it has hosted the groups since the 1990s.
REGION = (*CENTRAL_ASIA, "AFG")


# CLDR writes Kosovo, which ISO 3166 lacks, as XK.
CLDR_CODES = {"XKX": "XK"}


@lru_cache(maxsize=16)
def _territories(lang: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(lang).territories)
    except (UnknownLocaleError, ValueError):
        return dict(Locale("en").territories)


def is_iso3(code: str) -> bool:
    """True when `code` is an ISO 3166-1 alpha-3 country code, or Kosovo's user-assigned XKX."""
    return (
        isinstance(code, str)
        and len(code) == 3
        and code.isupper()
        and (code in USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None)
    )


def iso3_from_numeric(numeric: str | None) -> str:
    """ISO alpha-3 for an ISO numeric id such as '860', or '' when there is none."""
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else ""


@lru_cache(maxsize=4096)
def country_name(iso3: str, lang: str = "en") -> str:
    """Short country name in `lang`, from CLDR; the code itself when unknown."""
    if iso3 in SHORT_NAMES.get(lang, {}):
        return SHORT_NAMES[lang][iso3]
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    alpha2 = CLDR_CODES.get(iso3) or (country.alpha_2 if country else None)
    if alpha2 is None:
        return iso3
    return _territories(lang).get(alpha2) or getattr(country, "common_name", None) or country.name

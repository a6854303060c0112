"""Country codes and names in English and French, from ISO 3166 via pycountry."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from geo.data.vocab import CENTRAL_ASIA

# ISO 3166 gives formal inverted names ("Russie, Fédération de"); a map legend needs the
# short names a reader expects.
SHORT_NAMES = {
    "en": {
        "RUS": "Russia",
        "IRN": "Iran",
        "SYR": "Syria",
        "KOR": "South Korea",
        "PRK": "North Korea",
        "LAO": "Laos",
        "MDA": "Moldova",
        "VEN": "Venezuela",
        "BOL": "Bolivia",
        "TZA": "Tanzania",
        "TWN": "Taiwan",
        "PSE": "Palestine",
        "FSM": "Micronesia",
        "VNM": "Vietnam",
        "BRN": "Brunei",
        "CZE": "Czechia",
        "GBR": "United Kingdom",
        "USA": "United States",
        "TUR": "Turkey",
        "XKX": "Kosovo",
    },
    "fr": {
        "RUS": "Russie",
        "IRN": "Iran",
        "SYR": "Syrie",
        "KOR": "Corée du Sud",
        "PRK": "Corée du Nord",
        "LAO": "Laos",
        "MDA": "Moldavie",
        "VEN": "Venezuela",
        "BOL": "Bolivie",
        "TZA": "Tanzanie",
        "TWN": "Taïwan",
        "PSE": "Palestine",
        "FSM": "Micronésie",
        "VIR": "Îles Vierges des États-Unis",
        "ALA": "Îles Åland",
        "SLB": "Îles Salomon",
        "FLK": "Îles Malouines",
        "MAF": "Saint-Martin",
        "SHN": "Sainte-Hélène",
        "TUR": "Turquie",
        "XKX": "Kosovo",
    },
}

# ISO 3166 has no code for Kosovo. XKX, the user-assigned code the World Bank among others writes,
# gives a point in Kosovo a country of its own instead of none.
USER_ASSIGNED = frozenset({"XKX"})

# The essay counts Afghanistan in the region because it has hosted the groups since the 1990s.
REGION = (*CENTRAL_ASIA, "AFG")


@lru_cache(maxsize=1)
def _french():
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


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


@lru_cache(maxsize=1024)
def country_name(iso3: str, lang: str = "en") -> str:
    """Short country name in English or French; the code itself when unknown."""
    if iso3 in SHORT_NAMES.get(lang, {}):
        return SHORT_NAMES[lang][iso3]
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    if country is None:
        return iso3
    english = getattr(country, "common_name", None) or country.name
    if lang == "fr":
        return _french().gettext(country.name)
    return english

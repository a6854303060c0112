"""Countries and groups of imported rows: names, numeric codes and coordinates to ids."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import pycountry

from geo.data.countries import SHORT_NAMES
from geo.data.vocab import UNKNOWN_GROUP


@dataclass(frozen=True)
class Place:
    """The country a dataset's name or code stands for, and the states that later broke away from it."""

    iso3: str
    successors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Gazetteer:
    """Everything one import needs to put its rows in a country: the dataset's country names and numeric
    codes, and the country shapes its points fall in."""

    countries: gpd.GeoDataFrame
    names: dict[str, Place]
    codes: dict[str, Place]


def country_index(countries: gpd.GeoDataFrame) -> dict[str, str]:
    """Lowercased country names (ISO, Natural Earth and the short forms we show) to ISO3 codes."""
    index = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index[value.lower()] = country.alpha_3
    for code, name in SHORT_NAMES["en"].items():
        index[name.lower()] = code
    for code, name in zip(countries["iso3"], countries["name_en"]):
        if code:
            index[str(name).lower()] = code
    return index


def _places(table: pd.DataFrame, key: str) -> dict[str, Place]:
    return {
        str(value).strip().lower(): Place(iso3, frozenset(filter(None, successors.split(";"))))
        for value, iso3, successors in zip(table[key], table["country_iso3"], table["successors"])
    }


def gazetteer(
    dataset: str, countries: gpd.GeoDataFrame, country_names: pd.DataFrame, gleditsch_ward: pd.DataFrame
) -> Gazetteer:
    """How `dataset`'s rows are placed: every known spelling of a country, the historical and
    dataset-specific names of country_names.csv last so that their successors count, and for UCDP,
    whose `country_id` is a Gleditsch-Ward code, the codes of gleditsch_ward.csv."""
    names = {name: Place(code) for name, code in country_index(countries).items()}
    names.update(_places(country_names, "name"))
    codes = _places(gleditsch_ward, "gw_code") if dataset == "ucdp" else {}
    return Gazetteer(countries, names, codes)


def _code_text(value) -> str:
    """'345' from 345, '345', ' 345 ' or '345.0' (a spreadsheet's number)."""
    return str(value).split(".")[0].strip()


def point_countries(lat: pd.Series, lon: pd.Series, countries: gpd.GeoDataFrame) -> pd.Series:
    """The ISO3 code of the country shape each point falls in, missing where it falls in none."""
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), index=lat.index, crs="EPSG:4326")
    shapes = countries.loc[countries["iso3"] != "", ["iso3", "geometry"]]
    found = gpd.sjoin(points, shapes, how="left", predicate="within")
    return found.loc[~found.index.duplicated(), "iso3"].reindex(lat.index)


def iso3_codes(
    names: pd.Series, lat: pd.Series, lon: pd.Series, places: Gazetteer, codes: pd.Series | None = None
) -> pd.Series:
    """ISO3 code of each row: from its numeric country code, else its country name, else the country
    its point falls in ('' when none of them says).

    A code comes before the name because it stays when a dataset renames a country (UCDP's 343 was
    "Macedonia, FYR" before "North Macedonia"). The point overrides the code or name only when it lies
    in a state that broke away from the named one: the dataset names the state of the day ("Serbia
    (Yugoslavia)" for Kosovo before 2008, "Russia (Soviet Union)" for a Soviet republic before 1991) and
    the point today's country. A point in any other neighbour is taken for an imprecise one, and the name kept
    ("Macedonia, FYR" with a point over the border in Kosovo stays in North Macedonia)."""
    unique = pd.Series(names.unique())
    by_name = dict(zip(unique, unique.astype(str).str.strip().str.lower().map(places.names)))
    found = names.map(by_name).astype(object)
    if codes is not None and places.codes:
        unique = pd.Series(codes.unique())
        by_code = dict(zip(unique, unique.map(lambda value: places.codes.get(_code_text(value)))))
        from_code = codes.map(by_code).astype(object)
        found = from_code.where(from_code.notna(), found)
    known = [isinstance(place, Place) for place in found]
    # Text even when no name is known at all: the codes found from the points are written into it.
    iso3 = pd.Series([place.iso3 if ok else None for place, ok in zip(found, known)], index=found.index, dtype=object)
    splits = pd.Series([place.successors if ok else frozenset() for place, ok in zip(found, known)], index=found.index)
    asked = lat.notna() & lon.notna() & (iso3.isna() | splits.map(bool))
    if asked.any():
        point = point_countries(lat[asked], lon[asked], places.countries)
        wins = [
            pd.notna(there) and (named is None or there in split)
            for there, named, split in zip(point, iso3[asked], splits[asked])
        ]
        iso3.loc[point.index[wins]] = point[wins]
    return iso3.fillna("")


def iso_numeric(series: pd.Series) -> pd.Series:
    """ISO 3166 numeric codes (ACLED's `iso`) to alpha-3."""

    def convert(value: str) -> str | None:
        digits = str(value).split(".")[0].strip()
        country = pycountry.countries.get(numeric=digits.zfill(3)) if digits.isdigit() else None
        return country.alpha_3 if country else None

    unique = series.unique()
    return series.map(dict(zip(unique, map(convert, unique))))


def group_ids(names: pd.Series, codes: pd.Series, aliases: pd.DataFrame, dataset: str) -> pd.Series:
    """Project group ids for the dataset's actor names; unknown names keep their own name as their id."""
    own = aliases[aliases["dataset"] == dataset]
    general = dict(zip(own.loc[own["country_iso3"] == "", "name"], own.loc[own["country_iso3"] == "", "group_id"]))
    by_country = {(n, c): g for n, c, g in zip(own["name"], own["country_iso3"], own["group_id"]) if c}
    cleaned = names.fillna("").str.strip()
    mapped = [
        by_country.get((n, c)) or general.get(n) or (UNKNOWN_GROUP if n.lower() in ("", "unknown") else n)
        for n, c in zip(cleaned, codes)
    ]
    return pd.Series(mapped, index=names.index)

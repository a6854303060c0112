"""Countries and groups of imported rows: names, numeric codes and coordinates to ids."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pycountry

from geo.data.countries import SHORT_NAMES
from geo.data.vocab import UNKNOWN_GROUP


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


def iso3_codes(names: pd.Series, lat: pd.Series, lon: pd.Series, countries: gpd.GeoDataFrame) -> pd.Series:
    """ISO3 code of each row: from the country name, else from the country the point falls in."""
    index = country_index(countries)
    unique = pd.Series(names.unique())
    by_name = dict(zip(unique, unique.str.strip().str.lower().map(index)))
    # Text even when no name is known at all: the codes found from the points are written into it.
    codes = names.map(by_name).astype(object)
    unknown = codes.isna() & lat.notna() & lon.notna()
    if unknown.any():
        points = gpd.GeoDataFrame(
            geometry=gpd.points_from_xy(lon[unknown], lat[unknown]), index=lat[unknown].index, crs="EPSG:4326"
        )
        shapes = countries.loc[countries["iso3"] != "", ["iso3", "geometry"]]
        found = gpd.sjoin(points, shapes, how="left", predicate="within")
        found = found[~found.index.duplicated()]
        codes.loc[unknown] = found["iso3"]
    return codes.fillna("")


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

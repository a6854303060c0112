"""One call that loads, validates and joins every dataset to the country shapes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import MultiLineString
from shapely.ops import linemerge

from geo.data.countries import CENTRAL_ASIA, REGION
from geo.data.paths import DATA_DIR
from geo.data.schema import parse_partial_date
from geo.data.validate import validated_tables

COUNT_COLUMNS = ("killed_low", "killed_high", "wounded_low", "wounded_high")


@dataclass(frozen=True)
class Dataset:
    """Every table of the contract, typed, with geometries where they have a place."""

    attacks: gpd.GeoDataFrame
    events: pd.DataFrame
    sources: pd.DataFrame
    groups: pd.DataFrame
    group_links: pd.DataFrame
    bases: gpd.GeoDataFrame
    borders: gpd.GeoDataFrame
    organizations: pd.DataFrame
    memberships: pd.DataFrame
    context: pd.DataFrame
    group_aliases: pd.DataFrame
    country_names: pd.DataFrame
    place_names: pd.DataFrame
    gleditsch_ward: pd.DataFrame
    tolls: pd.DataFrame
    countries: gpd.GeoDataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """Each dataset by its file name (without .csv), countries last."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _years(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    return frame


def _points(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    frame["lat"] = frame["lat"].astype(float)
    frame["lon"] = frame["lon"].astype(float)
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


def _with_country_names(frame: pd.DataFrame, countries: gpd.GeoDataFrame, column: str) -> pd.DataFrame:
    names = countries.loc[countries["iso3"] != "", ["iso3", "name_en", "name_fr"]]
    names = names.rename(columns={"iso3": column, "name_en": "country_en", "name_fr": "country_fr"})
    return frame.merge(names, on=column, how="left")


def typed_attacks(frame: pd.DataFrame, countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Attacks with dates, counts, flags, country names and points."""
    frame = frame.copy()
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    frame["year"] = frame["date"].dt.year.astype("Int64")
    for column in COUNT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    frame["foiled"] = frame["foiled"] == "true"
    frame["in_central_asia"] = frame["country_iso3"].isin(CENTRAL_ASIA)
    frame["in_region"] = frame["country_iso3"].isin(REGION)
    return _points(_with_country_names(frame, countries, "country_iso3"))


def typed_events(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    frame["year"] = frame["date"].dt.year.astype("Int64")
    return frame


def typed_context(frame: pd.DataFrame) -> pd.DataFrame:
    """Context figures with numeric years and values."""
    frame = _years(frame.copy(), "year")
    for column in ("value_low", "value_high"):
        frame[column] = pd.to_numeric(frame[column])
    return frame


def _partial_dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series.map(lambda v: parse_partial_date(v) if v else None))


def typed_tolls(frame: pd.DataFrame) -> pd.DataFrame:
    """Figures as nullable integers, and the day each was given (the first of its month when only
    the month is known), oldest first within each attack."""
    tolls = frame.copy()
    for column in ("killed", "wounded"):
        tolls[column] = pd.to_numeric(tolls[column]).astype("Int64")
    tolls["as_of_date"] = _partial_dates(tolls["as_of"])
    return tolls.sort_values(["attack_id", "as_of_date"], kind="stable", ignore_index=True)


def typed_memberships(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["start"] = _partial_dates(frame["start_date"])
    frame["end"] = _partial_dates(frame["end_date"])
    return frame


def shared_border(a, b):
    """The line two country shapes share; empty when they do not touch."""
    line = a.boundary.intersection(b.boundary)
    parts = getattr(line, "geoms", [line])
    lines = [g for g in parts if g.geom_type in ("LineString", "MultiLineString") and not g.is_empty]
    flat = [part for g in lines for part in getattr(g, "geoms", [g])]
    return linemerge(MultiLineString(flat)) if flat else MultiLineString()


def border_lines(frame: pd.DataFrame, countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Border status periods with the line derived from the two countries' shapes."""
    shapes = dict(zip(countries["iso3"], countries.geometry))
    frame = _years(frame.copy(), "start_year", "end_year")
    pairs = {(a, b) for a, b in zip(frame["country_a"], frame["country_b"])}
    lines = {pair: shared_border(shapes[pair[0]], shapes[pair[1]]) for pair in pairs}
    geometry = [lines[(a, b)] for a, b in zip(frame["country_a"], frame["country_b"])]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def build_dataset(tables: dict[str, pd.DataFrame], countries: gpd.GeoDataFrame) -> Dataset:
    """Typed, joined datasets from validated text tables."""
    bases = _years(tables["bases"].copy(), "start_year", "end_year")
    bases["radius_km"] = bases["radius_km"].astype(float)
    organizations = tables["organizations"].copy()
    organizations["founded_year"] = _partial_dates(organizations["founded"]).dt.year.astype("Int64")
    return Dataset(
        attacks=typed_attacks(tables["attacks"], countries),
        events=typed_events(tables["events"]),
        sources=tables["sources"].copy(),
        groups=_years(tables["groups"].copy(), "founded_year", "end_year"),
        group_links=_years(tables["group_links"].copy(), "start_year", "end_year"),
        bases=_points(bases),
        borders=border_lines(tables["borders"], countries),
        organizations=organizations,
        memberships=typed_memberships(tables["memberships"]),
        context=typed_context(tables["context"]),
        group_aliases=tables["group_aliases"].copy(),
        country_names=tables["country_names"].copy(),
        place_names=tables["place_names"].copy(),
        gleditsch_ward=tables["gleditsch_ward"].copy(),
        tolls=typed_tolls(tables["tolls"]),
        countries=countries,
    )


def load_dataset(data_dir: Path | str = DATA_DIR) -> Dataset:
    """Load, validate and join everything under `data_dir`; raises DataValidationError."""
    tables, countries = validated_tables(Path(data_dir))
    return build_dataset(tables, countries)

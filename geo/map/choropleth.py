"""Countries shaded by attacks or casualties: class breaks, colours and labels."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.analysis.filters import casualties_high
from geo.map.basemap import collection, feature
from geo.text.i18n import value_label

# Greys (ColorBrewer): light to mid grey, so shaded countries never compete with the groups'
# colours and read the same for every colour vision.
CHOROPLETH_COLORS = ("#ececec", "#cfcfcf", "#adadad", "#8a8a8a", "#636363")


NICE_STEPS = (1, 2, 5)


def nice_breaks(maximum: float, classes: int = len(CHOROPLETH_COLORS)) -> list[int]:
    """Lower bounds of up to `classes` classes on a 1-2-5 scale, the first being 1."""
    steps = [1]
    scale = 1
    while len(steps) < 40:
        for step in NICE_STEPS:
            value = step * scale
            if value > steps[-1]:
                steps.append(value)
        scale *= 10
    usable = [s for s in steps if s <= max(maximum, 1)]
    if len(usable) <= classes:
        return usable
    stride = len(usable) / classes
    return [usable[round(i * stride)] for i in range(classes)]


def country_totals(attacks: pd.DataFrame, metric: str) -> pd.Series:
    """Attacks (plots included) or killed plus wounded (upper estimate) per country code."""
    if metric == "casualties":
        return casualties_high(attacks).groupby(attacks["country_iso3"]).sum()
    return attacks.groupby("country_iso3").size()


def color_of(value: float, breaks: list[int]) -> str:
    """The choropleth colour of a value given the classes' lower bounds."""
    index = max(i for i, low in enumerate(breaks) if value >= low) if value >= breaks[0] else 0
    return CHOROPLETH_COLORS[index]


def class_labels(breaks: list[int]) -> list[str]:
    """'1–4', '5–9', ..., '100+' for each class."""
    labels = []
    for i, low in enumerate(breaks):
        high = breaks[i + 1] - 1 if i + 1 < len(breaks) else None
        labels.append(f"{low}+" if high is None else (str(low) if high == low else f"{low}–{high}"))
    return labels


def choropleth_collection(
    attacks: pd.DataFrame, shapes: gpd.GeoDataFrame, metric: str, lang: str
) -> tuple[dict, list[int]]:
    """Countries with at least one attack in the selection, shaded by `metric`."""
    totals = country_totals(attacks, metric)
    totals = totals[totals > 0]
    breaks = nice_breaks(float(totals.max()) if len(totals) else 1)
    metric_label = value_label("choropleth", metric, lang)
    features = []
    for row in shapes[shapes["iso3"].isin(totals.index)].itertuples(index=False):
        value = int(totals[row.iso3])
        style = {"fillColor": color_of(value, breaks), "fillOpacity": 0.75, "color": "#444444", "weight": 0.8}
        features.append(
            feature(
                row.geometry, {"style": style, "tip": [getattr(row, f"name_{lang}"), f"{metric_label}: {value}"]}, 3
            )
        )
    return collection(features), breaks

"""The map's overlays for a view, as layer specs (name, factory, JSON, options) and folium groups.

Each factory but `TILES` is a layer of static/map/layers.js; static/map/README.md says what
payload and options each takes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import NamedTuple

import folium
import geopandas as gpd
import pandas as pd

from geo import params
from geo.analysis.filters import in_years, of_groups
from geo.map.cells import aggregated
from geo.map.choropleth import choropleth_collection
from geo.map.elements import ASSETS_JS, JsonLayer, basemap, feature_group, online_tiles, pane_options
from geo.map.events import event_layer
from geo.map.features import base_collection, border_collection, border_statuses
from geo.map.hues import hue_legend
from geo.map.legend import cell_sections, legend_sections
from geo.state.criteria import attack_groups, map_view
from geo.text.escape import compact_json
from geo.text.i18n import t

# The one layer folium draws itself (OpenStreetMap tiles), not a layers.js factory.
TILES = "tiles"


class Timeline(NamedTuple):
    """A map scrubbed in the browser: the time bar's JSON payload, and the selection over every
    year (its count and fingerprint, and the attacks, which the legend's colours are given over)
    that the event payload then holds."""

    payload: str
    events: int
    key: str
    attacks: pd.DataFrame | None = None


class LayerSpec(NamedTuple):
    """One layer of the map: its feature group's name, the layers.js factory, its JSON payload, its options."""

    name: str
    factory: str
    payload: str
    options: dict


def overlay_specs(
    data,
    attacks: pd.DataFrame,
    payload_json: str,
    view: Mapping,
    shapes,
    lang: str,
    key: str,
    attribution: str,
    stamp: list[str] | tuple | None = None,
    legend_open: bool = True,
    timeline: Timeline | None = None,
) -> list[LayerSpec]:
    """A spec for each layer switched on, the legend last, then the stamp.

    With a `timeline`, the time bar comes first and the layers it filters in the browser hold every
    year: `payload_json` the selection's attacks over every year, borders and bases all of theirs
    (shaded countries and the legend stay those of the view's years)."""
    layers = set(view[params.LAYERS])
    years = tuple(view[params.YEARS])
    specs: list[LayerSpec] = []
    if timeline is not None:
        specs.append(LayerSpec("timebar", "cajnTimebar", timeline.payload, {}))
    shapes_years = None if timeline is not None else years
    if view[params.ONLINE_TILES]:
        specs.append(LayerSpec("tiles", TILES, "", {}))
    breaks = statuses = None
    if "choropleth" in layers:
        shaded, breaks = choropleth_collection(attacks, shapes, view[params.CHOROPLETH], lang)
        specs.append(LayerSpec("choropleth", "cajnFeatures", compact_json(shaded), pane_options("shade")))
    if "borders" in layers:
        lines, statuses = border_collection(data.borders, shapes_years, data.sources, lang)
        if timeline is not None:
            statuses = border_statuses(data.borders, years)
        specs.append(LayerSpec("borders", "cajnFeatures", compact_json(lines), {}))
    for layer, foreign in (("bases", False), ("foreign_bases", True)):
        if layer in layers:
            bases = data.bases if timeline is not None else in_years(data.bases, "bases", years)
            bases = bases[(bases["kind"] == "foreign_military_base") == foreign]
            if not foreign:
                bases = of_groups(bases, "bases", attack_groups(view, data.group_links))
            collection = compact_json(base_collection(bases, data.groups, data.sources, lang))
            specs.append(LayerSpec(layer, "cajnFeatures", collection, pane_options("bases")))
    points, heat = "attacks" in layers, "heatmap" in layers
    events, events_key = (timeline.events, timeline.key) if timeline is not None else (len(attacks), key)
    if (points or heat) and events:
        layer = event_layer(payload_json, events, points, heat, events_key)
        specs.append(LayerSpec("attacks", layer.factory, payload_json, json.loads(layer.options)))
        specs.append(zoom_spec(lang, view[params.FIT_TO_SELECTION]))
    color_by, size_by = view[params.COLOR_BY], view[params.SIZE_BY]
    among = timeline.attacks if timeline is not None else None
    cells = (points or heat) and aggregated(events)
    shown = hue_legend(attacks, color_by, data.groups, lang, among) if points and not cells else None
    legend = legend_sections(
        lang,
        shown,
        statuses,
        "bases" in layers,
        "foreign_bases" in layers,
        breaks,
        view[params.CHOROPLETH],
        heat and not cells,
        color_by,
        size_by,
    )
    if cells:
        legend = [*cell_sections(lang, heat, points), *legend]
    specs.append(
        LayerSpec(
            "legend",
            "cajnLegend",
            compact_json(legend),
            {"attribution": attribution, "title": t("legend", lang), "collapsed": not legend_open},
        )
    )
    if stamp:
        specs.append(LayerSpec("stamp", "cajnStamp", compact_json(list(stamp)), {}))
    return specs


def zoom_spec(lang: str, follow: bool) -> LayerSpec:
    """The button that fits the map to the attacks shown, and whether the map does so by itself
    each time the selection changes."""
    return LayerSpec("zoom", "cajnZoomTo", compact_json({"label": t("zoom_to_selection", lang)}), {"follow": follow})


def with_focus(specs: list[tuple], focus: dict | None) -> list[LayerSpec]:
    """`specs` with the events layer's `focus` option set (see `focus_option`): the same payload,
    so the browser keeps the layer it drew and only rings, and perhaps flies to, the attack."""
    return [
        spec._replace(options={**spec.options, "focus": focus}) if spec.factory == "cajnEvents" else spec
        for spec in map(LayerSpec._make, specs)
    ]


def page_keys_spec(keys: tuple[str, ...]) -> LayerSpec:
    """The layer spec that hands `keys` to the page even while the map has the focus."""
    return LayerSpec("page_keys", "cajnPageKeys", compact_json(list(keys)), {})


def feature_groups(specs: list[tuple]) -> list:
    """Folium feature groups from layer specs (cheap: the payloads are already JSON)."""
    return [
        online_tiles()
        if spec.factory == TILES
        else feature_group(spec.name, JsonLayer(spec.factory, spec.payload, spec.options))
        for spec in map(LayerSpec._make, specs)
    ]


def overlays(
    data,
    attacks: pd.DataFrame,
    payload_json: str,
    state: Mapping,
    shapes,
    lang: str,
    key: str,
    attribution: str,
    stamp: list[str] | None = None,
    legend_open: bool = True,
) -> list:
    """The feature groups for the layers switched on in `state`, the legend last, then the title stamp."""
    return feature_groups(
        overlay_specs(data, attacks, payload_json, map_view(state), shapes, lang, key, attribution, stamp, legend_open)
    )


def bases_map(
    collections: tuple[str, str],
    bases: gpd.GeoDataFrame,
    group_id: str,
    groups: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
    base_url_path: str = "",
    labels: str = "",
    scripts: tuple = ASSETS_JS,
) -> folium.Map | None:
    """A small map of one group's bases and areas over all years, with the place names of
    `labels`, loading `scripts` (see `basemap`); None when it has none."""
    own = bases[bases["group_id"].fillna("").str.split(";").map(lambda ids: group_id in ids)]
    if not len(own):
        return None
    fmap = basemap(collections, lang, base_url_path, labels=labels, scripts=scripts)
    JsonLayer("cajnFeatures", compact_json(base_collection(own, groups, sources, lang)), pane_options("bases")).add_to(
        fmap
    )
    legend = legend_sections(lang, bases=True)
    JsonLayer("cajnLegend", compact_json(legend), {"title": t("legend", lang), "collapsed": True}).add_to(fmap)
    margin = 1.5
    fmap.fit_bounds(
        [[own["lat"].min() - margin, own["lon"].min() - margin], [own["lat"].max() + margin, own["lon"].max() + margin]]
    )
    return fmap

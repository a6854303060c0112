"""Folium plumbing: the base map, JSON-fed layer elements, panes and the locally served assets."""

from __future__ import annotations

import html

import folium
from babel.units import format_unit
from branca.element import Element, MacroElement
from jinja2 import Template

from geo.data.paths import ROOT
from geo.text.escape import compact_json
from geo.text.i18n import t

# The folder the app serves at /app/static/.
STATIC_DIR = ROOT / "static"


# The map's scripts, in the order they must run.
ASSETS_JS = (
    ("leaflet", "vendor/leaflet/leaflet.js"),
    ("markercluster", "vendor/markercluster/leaflet.markercluster.js"),
    ("leaflet_heat", "vendor/leaflet-heat/leaflet-heat.js"),
    ("layers", "map/layers.js"),
)


ASSETS_CSS = (
    ("leaflet_css", "vendor/leaflet/leaflet.css"),
    ("markercluster_css", "vendor/markercluster/MarkerCluster.css"),
    ("markercluster_default_css", "vendor/markercluster/MarkerCluster.Default.css"),
)


START_VIEW = {"location": (40.5, 67.0), "zoom": 4}


MAX_ZOOM = 12


WORLD_STYLE = {"fillColor": "#f2efe9", "fillOpacity": 1, "color": "#9c9c9c", "weight": 0.6}


REGION_STYLE = {"fillColor": "#fffaf0", "fillOpacity": 1, "color": "#5a5a5a", "weight": 1.1}


# Panes stack the layers: the basemap under any online tiles (200), shaded countries under
# borders (400), place names, then bases and areas, attack circles on top of them all: a base
# drawn over an attack would take the click meant for it, and a name must never take one.
PANES = {
    "basemap": ("cajnBase", 150),
    "shade": ("cajnShade", 350),
    "labels": ("cajnLabels", 410),
    "bases": ("cajnBases", 420),
    "events": ("cajnEvents", 450),
}


SEA_COLOR = "#dce8f2"


def pane_options(layer: str) -> dict:
    """The pane options that put `layer` at its level of the stack."""
    name, z_index = PANES[layer]
    return {"pane": name, "paneZ": z_index}


def static_url(path: str, base_url_path: str = "") -> str:
    """The URL Streamlit serves a file of static/ at, under the server's base path."""
    prefix = "/".join(part for part in base_url_path.strip("/").split("/") if part)
    return f"/{prefix}/app/static/{path}" if prefix else f"/app/static/{path}"


class Verbatim(Element):
    """Text placed in the page as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class JsonLayer(MacroElement):
    """One layer of static/map/layers.js, built in the browser from a JSON payload."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.{{ this.factory }}({{ this.payload }}, {{ this.options }})
    .addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, factory: str, payload: str, options: dict | None = None):
        super().__init__()
        self._name = factory
        self.factory = factory
        self.payload = payload
        self.options = compact_json(options or {})

    def render(self, **kwargs) -> None:
        # branca would compile the script, payload included, as a Jinja template: text such
        # as "{{ ... }}" in a data file would run on the server, and the 480 KB basemap
        # would be parsed again on every rerun.
        self.get_root().script.add_child(Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())


def new_map(
    world: str, region: str, base_url_path: str = "", attribution: str = "", scripts: tuple = ASSETS_JS
) -> folium.Map:
    """A map with no tiles: the basemap is drawn from the country shapes, assets served locally,
    the scripts those of `scripts` ((name, path under static/) in their order: see geo/map/bundle.py)."""
    fmap = folium.Map(
        location=START_VIEW["location"],
        zoom_start=START_VIEW["zoom"],
        tiles=None,
        min_zoom=2,
        max_zoom=MAX_ZOOM,
        world_copy_jump=True,
    )
    fmap.options["maxZoom"] = MAX_ZOOM
    fmap.default_js = [(name, static_url(path, base_url_path)) for name, path in scripts]
    fmap.default_css = [(name, static_url(path, base_url_path)) for name, path in ASSETS_CSS]
    fmap.get_root().header.add_child(folium.Element(f"<style>.leaflet-container{{background:{SEA_COLOR}}}</style>"))
    JsonLayer(
        "cajnFeatures",
        world,
        {
            "style": WORLD_STYLE,
            "interactive": False,
            "canvas": True,
            **pane_options("basemap"),
            "attribution": html.escape(attribution),
        },
    ).add_to(fmap)
    JsonLayer(
        "cajnFeatures", region, {"style": REGION_STYLE, "interactive": False, "canvas": True, **pane_options("basemap")}
    ).add_to(fmap)
    return fmap


# CLDR's unit of each length Leaflet's scale bar writes.
SCALE_UNITS = {"m": "length-meter", "km": "length-kilometer", "ft": "length-foot", "mi": "length-mile"}


def scale_units(lang: str) -> dict[str, str]:
    """How `lang` writes each length of the scale bar, "{0}" standing for the number ("{0} км"):
    CLDR's short form, which a scale's round numbers (1, 2, 3, 5, 10...) do not inflect."""
    return {key: format_unit("{0}", unit, length="short", locale=lang) for key, unit in SCALE_UNITS.items()}


def basemap(
    collections: tuple[str, str],
    lang: str,
    base_url_path: str = "",
    attribution_key: str = "shapes_attribution_short",
    labels: str = "",
    scripts: tuple = ASSETS_JS,
) -> folium.Map:
    """The map frame with its country shapes and the Natural Earth credit, and the place names
    of `labels` (`label_payload` in geo/map/labels.py, as JSON) with GeoNames' credit; `scripts`
    as `new_map` takes them."""
    world, region = collections
    fmap = new_map(world, region, base_url_path, t(attribution_key, lang), scripts)
    JsonLayer("cajnScale", compact_json(scale_units(lang))).add_to(fmap)
    if labels:
        options = {**pane_options("labels"), "attribution": html.escape(t("places_attribution_short", lang))}
        JsonLayer("cajnLabels", labels, {**options, "lang": lang}).add_to(fmap)
    return fmap


# The field of streamlit-folium's returned value in which the live map says it is drawn
# (`L.cajnDrawnReport` in static/map/layers.js); its Draw plugin, which would fill it, is not used.
DRAWN_CHANNEL = "last_active_drawing"


def with_drawn_report(fmap: folium.Map) -> folium.Map:
    """`fmap`, reporting once drawn through `DRAWN_CHANNEL` whenever the page asks for that field."""
    JsonLayer("cajnDrawnReport", compact_json(DRAWN_CHANNEL)).add_to(fmap)
    return fmap


def map_drawn(returned: dict | None) -> bool:
    """Whether the live map's returned value (None before its first) says it has been drawn."""
    return bool((returned or {}).get(DRAWN_CHANNEL))


def feature_group(name: str, *layers: MacroElement) -> folium.FeatureGroup:
    """A feature group holding `layers`, as streamlit-folium adds and replaces without a re-render."""
    group = folium.FeatureGroup(name=name, control=False)
    for layer in layers:
        layer.add_to(group)
    return group


def online_tiles() -> folium.FeatureGroup:
    """OpenStreetMap tiles: the one layer that fetches from the internet, only when asked."""
    tiles = folium.TileLayer("OpenStreetMap", max_zoom=MAX_ZOOM, control=False)
    return feature_group("tiles", tiles)

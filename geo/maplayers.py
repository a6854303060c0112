"""The map's layers as folium elements fed with compact JSON, and the assets they need.

Each layer is one element whatever its size: the browser code in static/map/layers.js
builds the markers, so the HTML grows with the data, not with a template per event.
Every asset is served by the app itself; nothing is fetched from a CDN.
"""
from __future__ import annotations

import html

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from geo import eventpack
from geo.basemap import collection, compact_json, feature
from geo.countries import country_name
from geo.filters import casualties_high, in_years
from geo.i18n import MONTHS, t, value_label
from geo.tables import source_entries
from geo.vocab import BORDER_STATUSES, DATE_PRECISIONS, LOCATION_PRECISIONS, RESPONSIBILITIES

ASSETS_JS = (("leaflet", "vendor/leaflet/leaflet.js"),
             ("markercluster", "vendor/markercluster/leaflet.markercluster.js"),
             ("leaflet_heat", "vendor/leaflet-heat/leaflet-heat.js"),
             ("layers", "map/layers.js"))
ASSETS_CSS = (("leaflet_css", "vendor/leaflet/leaflet.css"),
              ("markercluster_css", "vendor/markercluster/MarkerCluster.css"),
              ("markercluster_default_css", "vendor/markercluster/MarkerCluster.Default.css"))
START_VIEW = {"location": (40.5, 67.0), "zoom": 4}
MAX_ZOOM = 12
# Above these sizes markers are clustered, and popups carry no per-event text (the card does).
CLUSTER_ABOVE = 1500
DETAIL_UP_TO = 3000
UNKNOWN_COLOR = "#999999"
# Okabe-Ito orange to vermillion: colour-blind-safe, and distinct from the groups' circles.
BORDER_STYLES = {
    "clashes": {"color": "#d55e00", "weight": 4, "dashArray": None},
    "mined": {"color": "#b2182b", "weight": 4, "dashArray": "2 6"},
    "closed": {"color": "#000000", "weight": 3, "dashArray": "10 6"},
    "fenced": {"color": "#555555", "weight": 3, "dashArray": "4 4"},
    "trafficking_route": {"color": "#6a3d9a", "weight": 3, "dashArray": "1 7"},
}
SEVERITY = ("clashes", "mined", "closed", "fenced", "trafficking_route")
# Greys (ColorBrewer): light to mid grey, so shaded countries never compete with the groups'
# colours and read the same for every colour vision.
CHOROPLETH_COLORS = ("#ececec", "#cfcfcf", "#adadad", "#8a8a8a", "#636363")
NICE_STEPS = (1, 2, 5)
# Viridis stops: ordered in lightness, so density reads without telling hues apart.
HEAT_GRADIENT = {"0.2": "#3b528b", "0.45": "#21918c", "0.7": "#5ec962", "1.0": "#fde725"}
BASE_SHAPES = {"base": "triangle", "safe_haven": "triangle", "training_camp": "triangle",
               "operating_area": "area", "foreign_military_base": "square"}
FOREIGN_BASE_COLOR = "#4d4d4d"
WORLD_STYLE = {"fillColor": "#f2efe9", "fillOpacity": 1, "color": "#9c9c9c", "weight": 0.6}
REGION_STYLE = {"fillColor": "#fffaf0", "fillOpacity": 1, "color": "#5a5a5a", "weight": 1.1}
# Panes stack the layers: the basemap under any online tiles (200), shaded countries under
# borders and bases (400), attack circles above them, base symbols (markers, 600) on top.
PANES = {"basemap": ("cajnBase", 150), "shade": ("cajnShade", 350), "events": ("cajnEvents", 450)}
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
var {{ this.get_name() }} = L.{{ this.factory }}({{ this.payload }}, {{ this.options }}).addTo({{ this._parent.get_name() }});
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


def new_map(world: str, region: str, base_url_path: str = "", attribution: str = "") -> folium.Map:
    """A map with no tiles: the basemap is drawn from the country shapes, assets served locally."""
    fmap = folium.Map(location=START_VIEW["location"], zoom_start=START_VIEW["zoom"], tiles=None,
                      min_zoom=2, max_zoom=MAX_ZOOM, control_scale=True, world_copy_jump=True)
    fmap.options["maxZoom"] = MAX_ZOOM
    fmap.default_js = [(name, static_url(path, base_url_path)) for name, path in ASSETS_JS]
    fmap.default_css = [(name, static_url(path, base_url_path)) for name, path in ASSETS_CSS]
    fmap.get_root().header.add_child(folium.Element(f"<style>.leaflet-container{{background:{SEA_COLOR}}}</style>"))
    JsonLayer("cajnFeatures", world, {"style": WORLD_STYLE, "interactive": False, "canvas": True,
                                                    **pane_options("basemap"),
                                                    "attribution": html.escape(attribution)}).add_to(fmap)
    JsonLayer("cajnFeatures", region, {"style": REGION_STYLE, "interactive": False, "canvas": True,
                                                     **pane_options("basemap")}).add_to(fmap)
    return fmap


def basemap(collections: tuple[str, str], lang: str, base_url_path: str = "",
            attribution_key: str = "shapes_attribution_short") -> folium.Map:
    """The map frame with its country shapes and the Natural Earth credit."""
    world, region = collections
    return new_map(world, region, base_url_path, t(attribution_key, lang))


# ---------- attacks ----------

def group_table(group_ids: list[str], groups: pd.DataFrame, lang: str) -> list[list[str]]:
    """[label, colour] for each id; ids without a row (imported names) keep their own name, in grey."""
    rows = groups.set_index("id")
    table = []
    for group_id in group_ids:
        if group_id in rows.index:
            row = rows.loc[group_id]
            acronym, name = row[f"acronym_{lang}"], row[f"name_{lang}"]
            table.append([f"{acronym} · {name}" if acronym else name, row["color"] or UNKNOWN_COLOR])
        else:
            table.append([t("unknown_group", lang) if group_id == "unknown" else group_id, UNKNOWN_COLOR])
    return table


def _nationalities(cell: str, lang: str) -> str:
    return ", ".join(country_name(code, lang) for code in filter(None, str(cell).split(";")))


def event_details(attacks: pd.DataFrame, sources: pd.DataFrame, lang: str) -> tuple[list, list]:
    """Per event [id, place, summary, title, source indices, extra rows], and the sources cited."""
    known = dict(zip(sources["id"], zip(sources["title"], sources["url"])))
    cited: dict[str, int] = {}
    source_rows: list[list[str]] = []
    details = []
    for row in attacks.itertuples(index=False):
        indices = []
        for source_id in filter(known.__contains__, str(row.source_ids or "").split(";")):
            if source_id not in cited:
                cited[source_id] = len(source_rows)
                source_rows.append(list(known[source_id]))
            indices.append(cited[source_id])
        # Imported rows cite what their dataset cites, as text.
        for citation in filter(None, (line.strip() for line in str(getattr(row, "citations", "") or "").split("\n"))):
            if citation not in cited:
                cited[citation] = len(source_rows)
                source_rows.append([citation, citation if citation.startswith(("http://", "https://")) else ""])
            indices.append(cited[citation])
        extra = [[t("attack_type", lang), value_label("attack_type", row.attack_type, lang)],
                 [t("target", lang), value_label("target_type", row.target_type, lang)]]
        if row.perpetrator_nationalities:
            extra.append([t("perpetrators", lang), _nationalities(row.perpetrator_nationalities, lang)])
        origin = getattr(row, "origin", "curated")
        if origin != "curated":
            extra.append([t("origin", lang), origin + (f" · {t('doubtful', lang)}" if getattr(row, "doubt", False) else "")])
        title = t("foiled", lang) if row.foiled else value_label("attack_type", row.attack_type, lang)
        details.append([row.id, row.city, getattr(row, f"summary_{lang}"), title, indices, extra])
    return details, source_rows


def popup_labels(lang: str) -> dict:
    """The words the browser needs to write popups and tooltips in `lang`."""
    return {
        "months": MONTHS[lang], "date": t("date", lang), "place": t("place", lang), "group": t("group", lang),
        "killed": t("killed", lang), "wounded": t("wounded", lang), "foiled": t("foiled", lang),
        "yes": t("yes", lang), "sources": t("sources", lang), "record": t("record", lang),
        "unknown": t("unknown", lang), "more": t("more_below", lang),
        "date_precisions": [value_label("date_precision", v, lang) for v in DATE_PRECISIONS],
        "location_precisions": [value_label("location_precision", v, lang) for v in LOCATION_PRECISIONS],
        "responsibilities": [value_label("responsibility", v, lang) for v in RESPONSIBILITIES],
    }


def event_payload(attacks: pd.DataFrame, groups: pd.DataFrame, sources: pd.DataFrame, lang: str,
                  detail_up_to: int = DETAIL_UP_TO) -> dict:
    """Everything the browser needs to draw `attacks`, with full text only for small selections."""
    group_order = eventpack.first_seen(attacks["group_id"])
    country_order = eventpack.first_seen(attacks["country_iso3"])
    payload = {
        "n": len(attacks),
        "columns": eventpack.pack(attacks, group_order, country_order),
        "groups": group_table(group_order, groups, lang),
        "countries": [country_name(code, lang) for code in country_order],
        "labels": popup_labels(lang),
        "details": None, "sources": [],
    }
    if len(attacks) <= detail_up_to:
        payload["details"], payload["sources"] = event_details(attacks, sources, lang)
    return payload


def event_layer(payload_json: str, n: int, points: bool, heat: bool, key: str) -> JsonLayer:
    """Attacks as circles (clustered when many), a heatmap, or both."""
    return JsonLayer("cajnEvents", payload_json,
                     {"points": points, "heat": heat, "cluster": n > CLUSTER_ABOVE, "key": key, "gradient": HEAT_GRADIENT,
                      **pane_options("events")})


# ---------- countries shaded ----------

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


def choropleth_collection(attacks: pd.DataFrame, shapes: gpd.GeoDataFrame, metric: str,
                          lang: str) -> tuple[dict, list[int]]:
    """Countries with at least one attack in the selection, shaded by `metric`."""
    totals = country_totals(attacks, metric)
    totals = totals[totals > 0]
    breaks = nice_breaks(float(totals.max()) if len(totals) else 1)
    metric_label = value_label("choropleth", metric, lang)
    features = []
    for row in shapes[shapes["iso3"].isin(totals.index)].itertuples(index=False):
        value = int(totals[row.iso3])
        style = {"fillColor": color_of(value, breaks), "fillOpacity": 0.75, "color": "#444444", "weight": 0.8}
        features.append(feature(row.geometry, {"style": style,
                                               "tip": [getattr(row, f"name_{lang}"), f"{metric_label}: {value}"]}, 3))
    return collection(features), breaks


# ---------- borders ----------

def _period(start, end, lang: str) -> str:
    start_text = "?" if pd.isna(start) else str(int(start))
    return f"{start_text}–{t('ongoing', lang) if pd.isna(end) else int(end)}"


def border_collection(borders: gpd.GeoDataFrame, years: tuple[int, int], sources: pd.DataFrame,
                      lang: str) -> tuple[dict, list[str]]:
    """One line per border pair, styled by its gravest status in `years`; the statuses shown."""
    active = in_years(borders, "borders", years)
    features, shown = [], set()
    for (a, b), rows in active.groupby(["country_a", "country_b"], sort=True):
        rows = rows.assign(rank=rows["status"].map(SEVERITY.index)).sort_values(["rank", "start_year"])
        gravest = rows.iloc[0]
        shown.update(rows["status"])
        title = f"{country_name(a, lang)} – {country_name(b, lang)}"
        statuses = [[value_label("status", r.status, lang), _period(r.start_year, r.end_year, lang)]
                    for r in rows.itertuples(index=False)]
        cited = [e for ids in rows["source_ids"] for e in source_entries(ids, sources)]
        popup = {"title": title, "rows": statuses, "text": gravest[f"description_{lang}"],
                 "sources": [[e["title"], e["url"]] for e in cited], "sourcesLabel": t("sources", lang)}
        style = {k: v for k, v in BORDER_STYLES[gravest["status"]].items() if v is not None}
        features.append(feature(gravest.geometry, {"style": style, "tip": [title] + [" ".join(s) for s in statuses],
                                                   "popup": popup}, 4))
    return collection(features), [s for s in SEVERITY if s in shown]


# ---------- bases ----------

def base_collection(bases: gpd.GeoDataFrame, groups: pd.DataFrame, sources: pd.DataFrame, lang: str) -> dict:
    """Bases, havens and camps as symbols, operating areas as circles of their radius."""
    colors = dict(zip(groups["id"], groups["color"]))
    labels = {gid: label for gid, (label, _) in zip(groups["id"], group_table(list(groups["id"]), groups, lang))}
    features = []
    for row in bases.itertuples(index=False):
        foreign = row.kind == "foreign_military_base"
        color = FOREIGN_BASE_COLOR if foreign else colors.get(row.group_id) or UNKNOWN_COLOR
        owner = row.operator if foreign else labels.get(row.group_id, row.group_id)
        name = getattr(row, f"name_{lang}")
        period = _period(row.start_year, row.end_year, lang)
        shape = BASE_SHAPES[row.kind]
        style = {"color": color, "fillColor": color, "weight": 1.5, "fillOpacity": 0.12, "dashArray": "6 4"}
        rows = [[t("kind", lang), value_label("kind", row.kind, lang)],
                [t("operator" if foreign else "group", lang), owner], [t("period", lang), period],
                [t("place", lang), f"{country_name(row.country_iso3, lang)} "
                                   f"({value_label('location_precision', row.location_precision, lang)})"]]
        if shape == "area" and not pd.isna(row.radius_km):
            rows.append([t("radius", lang), f"{row.radius_km:g} km"])
        popup = {"title": name, "color": color, "rows": rows, "sourcesLabel": t("sources", lang),
                 "sources": [[e["title"], e["url"]] for e in source_entries(row.source_ids, sources)]}
        properties = {"point": shape, "style": style, "tip": [name, f"{owner} · {period}"], "popup": popup}
        if shape == "area":
            properties["radius_m"] = float(row.radius_km if not pd.isna(row.radius_km) else 25) * 1000
        features.append(feature(row.geometry, properties, 4))
    return collection(features)


# ---------- legend ----------

def size_items(lang: str) -> list[dict]:
    """Circles for 1, 10 and 100 casualties, drawn at the size the map uses."""
    items = []
    for casualties in (0, 10, 100):
        radius = min(28, 3.5 + 1.6 * casualties ** 0.5)
        items.append({"shape": "circle", "size": round(2 * radius + 2), "color": "#bbbbbb",
                      "label": t("legend_casualties", lang, n=casualties)})
    return items


def legend_sections(lang: str, groups_shown: list[list[str]] | None = None, statuses: list[str] | None = None,
                    bases: bool = False, foreign_bases: bool = False, breaks: list[int] | None = None,
                    metric: str = "attacks", heat: bool = False) -> list[dict]:
    """The legend for the layers on the map, one section each."""
    sections = []
    if groups_shown is not None:
        items = [{"shape": "circle", "color": color, "label": label} for label, color in groups_shown]
        sections.append({"title": t("legend_groups", lang), "items": items})
        sections.append({"title": t("legend_size", lang), "items": size_items(lang) + [
            {"shape": "circle", "color": "#bbbbbb", "opacity": 0.3, "label": t("legend_vague_place", lang)},
            {"shape": "circle", "color": "#777777", "hollow": True, "dash": "3 2", "stroke": "#777777",
             "label": t("legend_foiled", lang)}]})
    if heat:
        sections.append({"title": t("legend_heat", lang), "items": [
            {"shape": "square", "color": HEAT_GRADIENT["0.2"], "label": t("legend_heat_low", lang)},
            {"shape": "square", "color": HEAT_GRADIENT["1.0"], "label": t("legend_heat_high", lang)}]})
    if breaks:
        labels = class_labels(breaks)
        sections.append({"title": value_label("choropleth", metric, lang), "items": [
            {"shape": "square", "color": color, "label": label} for color, label in zip(CHOROPLETH_COLORS, labels)]})
    if statuses:
        sections.append({"title": t("legend_borders", lang), "items": [
            {"shape": "line", "size": 26, "color": BORDER_STYLES[s]["color"], "weight": BORDER_STYLES[s]["weight"],
             "dash": BORDER_STYLES[s]["dashArray"], "label": value_label("status", s, lang)} for s in statuses]})
    if bases or foreign_bases:
        items = []
        if bases:
            items += [{"shape": "triangle", "color": "#bbbbbb", "label": t("legend_base", lang)},
                      {"shape": "circle", "color": "#dddddd", "dash": "4 2", "label": t("legend_area", lang)}]
        if foreign_bases:
            items.append({"shape": "square", "color": FOREIGN_BASE_COLOR, "label": value_label("kind", "foreign_military_base", lang)})
        sections.append({"title": t("legend_bases", lang), "items": items})
    return sections


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


def bases_map(collections: tuple[str, str], bases: gpd.GeoDataFrame, group_id: str, groups: pd.DataFrame,
              sources: pd.DataFrame, lang: str, base_url_path: str = "") -> folium.Map | None:
    """A small map of one group's bases and areas over all years; None when it has none."""
    own = bases[bases["group_id"].fillna("").str.split(";").map(lambda ids: group_id in ids)]
    if not len(own):
        return None
    fmap = basemap(collections, lang, base_url_path)
    JsonLayer("cajnFeatures", compact_json(base_collection(own, groups, sources, lang))).add_to(fmap)
    legend = legend_sections(lang, bases=True)
    JsonLayer("cajnLegend", compact_json(legend), {"title": t("legend", lang), "collapsed": True}).add_to(fmap)
    margin = 1.5
    fmap.fit_bounds([[own["lat"].min() - margin, own["lon"].min() - margin],
                     [own["lat"].max() + margin, own["lon"].max() + margin]])
    return fmap

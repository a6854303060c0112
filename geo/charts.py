"""Altair charts of the analysis pages: titled, colour-blind-safe, each exportable as PNG and SVG."""
from __future__ import annotations

import altair as alt
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.basemap import feature

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000")
INSIDE_OUTSIDE = ("#0072b2", "#e69f00")
LINK_STYLES = {  # kind: (colour, dash)
    "split": ("#d55e00", [1, 0]), "merger": ("#000000", [1, 0]), "successor": ("#000000", [6, 2]),
    "pledge": ("#0072b2", [6, 3]), "alliance": ("#009e73", [2, 3]), "rivalry": ("#cc79a7", [8, 3, 2, 3]),
}
STATUS_COLORS = {"member": "#0072b2", "associate": "#56b4e9", "observer": "#009e73", "dialogue_partner": "#f0e442",
                 "partner": "#e69f00", "suspended": "#cc79a7", "left": "#d55e00"}
NOT_A_MEMBER = "#e8e8e8"
WIDTH = 760


def numbers_for_browser(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with 64-bit integers as floats: they reach the browser as BigInt, which Vega cannot add up."""
    wide = [c for c in frame.columns if pd.api.types.is_integer_dtype(frame[c])]
    return frame.astype({c: "float64" for c in wide})


def titled(chart: alt.Chart, title: str, subtitle: str | list[str] = "") -> alt.Chart:
    """`chart` with a title and a subtitle (period, filters, source and date) for exports.

    Padding autosize keeps the plot at its own height: the default fit would squeeze it
    to make room for the title and the legend."""
    # The description becomes the chart's accessible name for screen readers.
    return chart.properties(title=alt.Title(title, subtitle=subtitle, anchor="start", fontSize=15),
                            description=title, autosize=alt.AutoSizeParams(type="pad", contains="content"))


ERA_SHADES = ("#f0f0f0", "#e2e2e2", "#d3d3d3")


def era_bands(eras: pd.DataFrame, x: alt.X) -> alt.LayerChart:
    """The essay's periods as pale grey bands with their names along the top."""
    shaded = eras.assign(shade=[ERA_SHADES[i % len(ERA_SHADES)] for i in range(len(eras))])
    bands = alt.Chart(numbers_for_browser(shaded)).mark_rect().encode(x=x, x2="end:Q", color=alt.Color("shade:N", scale=None))
    names = alt.Chart(numbers_for_browser(shaded)).mark_text(align="left", baseline="top", dx=4, dy=4, fontSize=11, color="#444").encode(
        x=x, y=alt.value(0), text="era:N")
    return bands + names


def yearly_chart(table: pd.DataFrame, colors: dict[str, str], eras: pd.DataFrame, span: tuple[int, int],
                 labels: dict[str, str]) -> alt.LayerChart:
    """Stacked bars per year (low estimate), with the periods behind and the attacks on hover."""
    # Each bar spans its year centred on the tick; the periods' edges fall between years.
    data = table.assign(start=table["year"] - 0.5, end=table["year"] + 0.5,
                        range=[f"{lo}" if lo == hi else f"{lo}–{hi}" for lo, hi in zip(table["low"], table["high"])])
    domain = list(colors)
    x = alt.X("start:Q", title=labels["year"], scale=alt.Scale(domain=[span[0] - 0.5, span[1] + 0.5], nice=False),
              axis=alt.Axis(format="d", tickMinStep=1))
    bars = alt.Chart(numbers_for_browser(data)).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=x, x2="end:Q", y=alt.Y("sum(low):Q", title=labels["value"]),
        color=alt.Color("label:N", title=labels["by"], scale=alt.Scale(domain=domain, range=[colors[k] for k in domain]),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=260)),
        order=alt.Order("label:N"),
        tooltip=[alt.Tooltip("year:O", title=labels["year"]), alt.Tooltip("label:N", title=labels["by"]),
                 alt.Tooltip("range:N", title=labels["value"]), alt.Tooltip("events:N", title=labels["events"])])
    shown = eras.assign(start=(eras["start"] - 0.5).clip(lower=span[0] - 0.5),
                        end=(eras["end"] - 0.5).clip(upper=span[1] + 0.5))
    shown = shown[shown["start"] < shown["end"]]
    return alt.layer(era_bands(shown, x), bars).resolve_scale(color="independent").properties(width=WIDTH, height=300)


def inside_outside_chart(table: pd.DataFrame, span: tuple[int, int], labels: dict[str, str]) -> alt.Chart:
    """Attacks per year in Central Asia and elsewhere, side by side."""
    return alt.Chart(numbers_for_browser(table)).mark_bar().encode(
        x=alt.X("year:O", title=labels["year"], scale=alt.Scale(domain=list(range(span[0], span[1] + 1)))),
        xOffset="where:N", y=alt.Y("attacks:Q", title=labels["attacks"]),
        color=alt.Color("where:N", title=None, scale=alt.Scale(range=list(INSIDE_OUTSIDE)), legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("year:O", title=labels["year"]), alt.Tooltip("where:N", title=" "),
                 alt.Tooltip("attacks:Q", title=labels["attacks"])]).properties(width=WIDTH, height=220)


def events_chart(events: pd.DataFrame, span: tuple[int, int], labels: dict[str, str]) -> alt.Chart:
    """Key events on the same time axis, one row per kind."""
    data = events.assign(when=events["date"].dt.year - 0.5 + (events["date"].dt.dayofyear - 1) / 366)
    return alt.Chart(numbers_for_browser(data)).mark_point(filled=True, size=70, opacity=0.85).encode(
        x=alt.X("when:Q", title=labels["year"], scale=alt.Scale(domain=[span[0] - 0.5, span[1] + 0.5], nice=False),
                axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("kind_label:N", title=None, sort=None),
        color=alt.Color("kind_label:N", legend=None, scale=alt.Scale(range=list(OKABE_ITO))),
        shape=alt.Shape("kind_label:N", legend=None),
        tooltip=[alt.Tooltip("date:T", title=labels["date"], format="%Y-%m-%d"),
                 alt.Tooltip("kind_label:N", title=labels["kind"]), alt.Tooltip("title:N", title=labels["event"])],
    ).properties(width=WIDTH, height=max(120, 22 * events["kind"].nunique()))


def lineage_chart(nodes: pd.DataFrame, edges: pd.DataFrame, labels: dict[str, str]) -> alt.LayerChart:
    """Groups placed by founding year; links drawn with one colour and dash per kind."""
    kinds = [k for k in LINK_STYLES if k in set(edges["kind"])] or list(LINK_STYLES)
    kind_labels = dict(zip(edges["kind"], edges["kind_label"]))
    domain = [kind_labels.get(k, k) for k in kinds]
    x = alt.X("x:Q", title=labels["founded"], axis=alt.Axis(format="d"), scale=alt.Scale(zero=False, padding=40))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(padding=20))
    lines = alt.Chart(numbers_for_browser(edges)).mark_rule(strokeWidth=2.2).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        color=alt.Color("kind_label:N", title=labels["link"],
                        scale=alt.Scale(domain=domain, range=[LINK_STYLES[k][0] for k in kinds])),
        strokeDash=alt.StrokeDash("kind_label:N", scale=alt.Scale(domain=domain, range=[LINK_STYLES[k][1] for k in kinds]),
                                  legend=None),
        opacity=alt.condition("datum.on_path", alt.value(0.95), alt.value(0.12)),
        tooltip=[alt.Tooltip("from_name:N", title=labels["from"]), alt.Tooltip("kind_label:N", title=labels["link"]),
                 alt.Tooltip("to_name:N", title=labels["to"]), alt.Tooltip("since:N", title=labels["since"])])
    dim = alt.condition("datum.role === 'other'", alt.value(0.25), alt.value(1))
    dots = alt.Chart(numbers_for_browser(nodes)).mark_circle(size=260, stroke="#222", strokeWidth=1).encode(
        x=x, y=y, color=alt.Color("color:N", scale=None), opacity=dim,
        tooltip=[alt.Tooltip("name:N", title=labels["group"]), alt.Tooltip("founded:N", title=labels["founded"])])
    names = alt.Chart(numbers_for_browser(nodes)).mark_text(align="left", dx=11, fontSize=12).encode(x=x, y=y, text="short:N", opacity=dim)
    return alt.layer(lines, dots, names).properties(width=WIDTH, height=max(260, 26 * len(nodes)))


def group_years_chart(table: pd.DataFrame, color: str, span: tuple[int, int], labels: dict[str, str]) -> alt.Chart:
    """One group's attacks and killed per year."""
    long = table.melt(id_vars=["year"], value_vars=["attacks", "killed"], var_name="measure", value_name="value")
    long["measure"] = long["measure"].map({"attacks": labels["attacks"], "killed": labels["killed"]})
    return alt.Chart(numbers_for_browser(long)).mark_bar(color=color).encode(
        x=alt.X("year:O", title=labels["year"], scale=alt.Scale(domain=list(range(span[0], span[1] + 1)))),
        y=alt.Y("value:Q", title=None), row=alt.Row("measure:N", title=None),
        tooltip=["year:O", "measure:N", "value:Q"]).properties(width=WIDTH - 80, height=110).resolve_scale(y="independent")


def region_shapes(shapes: gpd.GeoDataFrame, box: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """Country shapes cut to `box` (west, south, east, north), without those left empty."""
    # The cut edges run along parallels; Vega draws edges as great circles, so they get extra points.
    cut = shapely.segmentize(shapely.clip_by_rect(shapes.geometry.values, *box), 1.0)
    clipped = shapes.assign(geometry=cut)
    return clipped[~clipped.geometry.is_empty]


def _geo_values(frame: gpd.GeoDataFrame, columns: list[str]) -> list[dict]:
    """Features for Vega, whose spherical maths reads a counter-clockwise ring as 'the whole globe but this'."""
    shapes = shapely.orient_polygons(frame.geometry.values, exterior_cw=True)
    return [feature(geom, {c: getattr(row, c) for c in columns}, 2)
            for row, geom in zip(frame.itertuples(index=False), shapes)]


def membership_map(shapes: gpd.GeoDataFrame, statuses: pd.DataFrame, lang: str, labels: dict[str, str],
                   status_labels: dict[str, str]) -> alt.LayerChart:
    """Countries coloured by their status in one organisation in one year."""
    region = region_shapes(shapes, (30, 25, 110, 60))
    by_country = dict(zip(statuses["country_iso3"], statuses["status"]))
    region = region.assign(status=region["iso3"].map(lambda c: status_labels.get(by_country.get(c), labels["none"])),
                           country=region[f"name_{lang}"])
    present = [s for s in STATUS_COLORS if s in set(by_country.values())]
    domain = [status_labels[s] for s in present] + [labels["none"]]
    colors = [STATUS_COLORS[s] for s in present] + [NOT_A_MEMBER]
    values = alt.Data(values=_geo_values(region, ["country", "status"]))
    return alt.Chart(values).mark_geoshape(stroke="#666", strokeWidth=0.5).encode(
        color=alt.Color("properties.status:N", title=labels["status"], scale=alt.Scale(domain=domain, range=colors)),
        tooltip=[alt.Tooltip("properties.country:N", title=labels["country"]),
                 alt.Tooltip("properties.status:N", title=labels["status"])],
    ).project(type="mercator").properties(width=WIDTH, height=380)


def bases_chart(periods: pd.DataFrame, labels: dict[str, str]) -> alt.Chart:
    """Foreign military bases as bars from opening to closing (or to now)."""
    data = periods.assign(end_bar=periods["end"] + 1)
    return alt.Chart(numbers_for_browser(data)).mark_bar(height=14).encode(
        x=alt.X("start:Q", title=labels["year"], axis=alt.Axis(format="d"), scale=alt.Scale(zero=False)),
        x2="end_bar:Q", y=alt.Y("name:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
        color=alt.Color("operator:N", title=labels["operator"], scale=alt.Scale(range=list(OKABE_ITO))),
        opacity=alt.condition("datum.open", alt.value(1), alt.value(0.75)),
        tooltip=[alt.Tooltip("name:N", title=labels["base"]), alt.Tooltip("operator:N", title=labels["operator"]),
                 alt.Tooltip("country:N", title=labels["country"]), alt.Tooltip("start:Q", title=labels["from"], format="d"),
                 alt.Tooltip("end:Q", title=labels["to"], format="d")],
    ).properties(width=WIDTH - 200, height=max(120, 22 * len(periods)))


def great_circle(start: tuple[float, float], end: tuple[float, float], steps: int = 48) -> shapely.LineString:
    """The shortest path on the globe between two (lon, lat) points, as a line of `steps` segments."""
    lon1, lat1, lon2, lat2 = map(np.radians, (*start, *end))
    a = np.array([np.cos(lat1) * np.cos(lon1), np.cos(lat1) * np.sin(lon1), np.sin(lat1)])
    b = np.array([np.cos(lat2) * np.cos(lon2), np.cos(lat2) * np.sin(lon2), np.sin(lat2)])
    angle = np.arccos(np.clip(a @ b, -1, 1))
    if angle < 1e-9:
        return shapely.LineString([start, end])
    f = np.linspace(0, 1, steps + 1)[:, None]
    points = (np.sin((1 - f) * angle) * a + np.sin(f * angle) * b) / np.sin(angle)
    lats = np.degrees(np.arcsin(points[:, 2]))
    lons = np.degrees(np.arctan2(points[:, 1], points[:, 0]))
    return shapely.LineString(np.column_stack([lons, lats]))


def abroad_map(shapes: gpd.GeoDataFrame, trips: pd.DataFrame, lang: str, labels: dict[str, str],
               origin_colors: dict[str, str]) -> alt.LayerChart:
    """Arcs from the perpetrators' country of origin to each attack site abroad."""
    land = alt.Data(values=_geo_values(region_shapes(shapes, (-100, 10, 140, 70)), []))
    # The land is backdrop, not data: hidden from screen readers, which would find an unnamed shape.
    base = alt.Chart(land).mark_geoshape(fill="#f2efe9", stroke="#bbbbbb", strokeWidth=0.4, aria=False)
    arcs = [feature(great_circle((r.origin_lon, r.origin_lat), (r.lon, r.lat)),
                    {"origin": r.origin_name, "place": r.place, "date": r.date, "destination": r.destination_name}, 3)
            for r in trips.itertuples(index=False)]
    domain = list(origin_colors)
    color = alt.Color("properties.origin:N", title=labels["origin"],
                      scale=alt.Scale(domain=domain, range=[origin_colors[k] for k in domain]))
    lines = alt.Chart(alt.Data(values=arcs)).mark_geoshape(filled=False, strokeWidth=1.6, opacity=0.8).encode(
        stroke=color, tooltip=[alt.Tooltip("properties.origin:N", title=labels["origin"]),
                               alt.Tooltip("properties.place:N", title=labels["place"]),
                               alt.Tooltip("properties.date:N", title=labels["date"])])
    sites = alt.Chart(numbers_for_browser(trips)).mark_circle(size=45, color="#222").encode(
        longitude="lon:Q", latitude="lat:Q",
        tooltip=[alt.Tooltip("place:N", title=labels["place"]), alt.Tooltip("date:N", title=labels["date"]),
                 alt.Tooltip("origin_name:N", title=labels["origin"])])
    return alt.layer(base, lines, sites).project(type="equalEarth").properties(width=WIDTH, height=420)


def count_bars(table: pd.DataFrame, name_column: str, title: str, color: str) -> alt.Chart:
    """Horizontal bars of attacks per country, most first."""
    return alt.Chart(numbers_for_browser(table)).mark_bar(color=color).encode(
        x=alt.X("attacks:Q", title=title, axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y(f"{name_column}:N", title=None, sort="-x"),
        tooltip=[f"{name_column}:N", "attacks:Q"]).properties(width=300, height=max(80, 24 * len(table)))


def context_chart(rows: pd.DataFrame, labels: dict[str, str]) -> alt.LayerChart:
    """An indicator over the years, one colour per country; a bar spans each range sources give."""
    data = numbers_for_browser(rows.assign(value=(rows["low"] + rows["high"]) / 2))
    countries = list(dict.fromkeys(rows["country"]))
    color = alt.Color("country:N", title=labels["country"],
                      scale=alt.Scale(domain=countries, range=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(countries))]))
    x = alt.X("year:Q", title=labels["year"], axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, padding=12))
    unit = rows["unit"].iloc[0] if len(rows) else ""
    tooltip = [alt.Tooltip("country:N", title=labels["country"]), alt.Tooltip("year:Q", title=labels["year"], format="d"),
               alt.Tooltip("low:Q", title="min"), alt.Tooltip("high:Q", title="max"), alt.Tooltip("notes:N", title=" ")]
    ranges = alt.Chart(data).mark_rule(strokeWidth=3, opacity=0.6).encode(
        x=x, y=alt.Y("low:Q", title=unit), y2="high:Q", color=color, tooltip=tooltip)
    points = alt.Chart(data).mark_point(filled=True, size=60).encode(x=x, y="value:Q", color=color, tooltip=tooltip)
    lines = alt.Chart(data).mark_line(opacity=0.4).encode(x=x, y="value:Q", color=color)
    return alt.layer(lines, ranges, points).properties(width=WIDTH - 120, height=260)

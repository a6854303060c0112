"""The map as a briefing image, drawn on the server with matplotlib from the same data and filters.

No browser is involved: country shapes, attacks sized and coloured as on the interactive map,
bases and borders when their layers are on, a title, a legend, a scale bar and a source line.
"""
from __future__ import annotations

import io
import math
import textwrap

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from geo.filters import in_years  # noqa: E402
from geo.i18n import t, value_label  # noqa: E402
from geo.maplayers import (BORDER_STYLES, CHOROPLETH_COLORS, FOREIGN_BASE_COLOR, REGION_STYLE, SEA_COLOR,  # noqa: E402
                           WORLD_STYLE, class_labels, color_of, country_totals, group_table, nice_breaks)

WIDTH_PX = 1600
HEIGHT_PX = 1000
DEFAULT_EXTENT = (44.0, 28.0, 90.0, 52.0)  # west, south, east, north: Central Asia and its neighbours
EARTH_KM_PER_DEGREE = 111.32


def radius_points(casualties: float) -> float:
    """The circle radius the interactive map uses (in pixels), read as points."""
    return min(28.0, 3.5 + 1.6 * math.sqrt(max(casualties, 0)))


def extent(points: pd.DataFrame, margin: float = 2.0, min_span: float = 8.0) -> tuple[float, float, float, float]:
    """A view around `points` (lon, lat columns), never narrower than `min_span` degrees."""
    if not len(points):
        return DEFAULT_EXTENT
    west, east = points["lon"].min() - margin, points["lon"].max() + margin
    south, north = points["lat"].min() - margin, points["lat"].max() + margin
    if east - west < min_span:
        middle = (east + west) / 2
        west, east = middle - min_span / 2, middle + min_span / 2
    if north - south < min_span / 2:
        middle = (north + south) / 2
        south, north = middle - min_span / 4, middle + min_span / 4
    return max(west, -180), max(south, -80), min(east, 180), min(north, 85)


def nice_km(span_km: float) -> int:
    """A round distance of about a fifth of `span_km` for the scale bar."""
    target = span_km / 5
    magnitude = 10 ** math.floor(math.log10(target))
    return int(max(step * magnitude for step in (1, 2, 5) if step * magnitude <= target))


def legend_entries(attacks: pd.DataFrame, groups: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """(label, colour) of each group drawn, in the order the interactive map lists them."""
    ids = list(dict.fromkeys(attacks["group_id"]))
    return [(label, color) for label, color in group_table(ids, groups, lang)]


def _draw_attacks(ax, attacks: pd.DataFrame, colors: dict[str, str]) -> None:
    low = attacks["killed_low"].fillna(0) + attacks["wounded_low"].fillna(0)
    order = low.sort_values(ascending=False).index
    for index in order:
        row = attacks.loc[index]
        color = colors[row["group_id"]]
        size = (2 * radius_points(float(low[index]))) ** 2
        if row["foiled"]:
            ax.scatter(row["lon"], row["lat"], s=size, facecolors="none", edgecolors=color, linewidths=1.6,
                       linestyles="--", zorder=6)
        else:
            vague = row["location_precision"] in ("province", "country")
            ax.scatter(row["lon"], row["lat"], s=size, color=color, alpha=0.35 if vague else 0.8,
                       edgecolors="#222222", linewidths=0.6, zorder=6)


def briefing_figure(shapes: gpd.GeoDataFrame, data, attacks: pd.DataFrame, layers: list[str], years: tuple[int, int],
                    title: str, caption: str, lang: str, today: str, dpi: int = 150, metric: str = "attacks"):
    """The briefing figure and the legend labels it shows."""
    fig, ax = plt.subplots(figsize=(WIDTH_PX / 150, HEIGHT_PX / 150), dpi=dpi)
    fig.subplots_adjust(left=0.02, right=0.74, top=0.86, bottom=0.09)
    ax.set_facecolor(SEA_COLOR)
    west, south, east, north = extent(attacks if "attacks" in layers else attacks.iloc[0:0])
    shapes.plot(ax=ax, color=WORLD_STYLE["fillColor"], edgecolor=WORLD_STYLE["color"], linewidth=0.5, zorder=1)
    shapes[shapes["detailed"]].plot(ax=ax, color=REGION_STYLE["fillColor"], edgecolor=REGION_STYLE["color"],
                                    linewidth=0.8, zorder=2)
    handles: list[Line2D] = []
    if "choropleth" in layers and len(attacks):
        totals = country_totals(attacks, metric)
        totals = totals[totals > 0]
        breaks = nice_breaks(float(totals.max()))
        shaded = shapes[shapes["iso3"].isin(totals.index)]
        shaded.plot(ax=ax, color=[color_of(totals[c], breaks) for c in shaded["iso3"]], edgecolor="#444444",
                    linewidth=0.6, alpha=0.85, zorder=3)
        handles += [Line2D([], [], marker="s", linestyle="", markersize=10, color=c, label=label)
                    for c, label in zip(CHOROPLETH_COLORS, class_labels(breaks))]
    if "borders" in layers:
        active = in_years(data.borders, "borders", years)
        for status, rows in active.groupby("status"):
            style = BORDER_STYLES[status]
            dash = style["dashArray"]
            linestyle = (0, tuple(float(v) / 2 for v in dash.split())) if dash else "-"
            gpd.GeoSeries(list(rows.geometry)).plot(ax=ax, color=style["color"], linewidth=style["weight"] * 0.7,
                                                    linestyle=linestyle, zorder=4)
            handles.append(Line2D([], [], color=style["color"], linestyle=linestyle, linewidth=2,
                                  label=value_label("status", status, lang)))
    for layer, foreign in (("bases", False), ("foreign_bases", True)):
        if layer in layers:
            shown = in_years(data.bases, "bases", years)
            shown = shown[(shown["kind"] == "foreign_military_base") == foreign]
            marker = "s" if foreign else "^"
            colors = dict(zip(data.groups["id"], data.groups["color"]))
            ax.scatter(shown["lon"], shown["lat"], marker=marker, s=70, edgecolors="#222222", linewidths=0.8, zorder=5,
                       color=[FOREIGN_BASE_COLOR if foreign else colors.get(g, "#999999") for g in shown["group_id"]])
            label = value_label("kind", "foreign_military_base", lang) if foreign else t("legend_base", lang)
            handles.append(Line2D([], [], marker=marker, linestyle="", markersize=9, color="#999999",
                                  markeredgecolor="#222222", label=label))
    entries = legend_entries(attacks, data.groups, lang) if "attacks" in layers else []
    if entries:
        colors = {gid: color for gid, (_, color) in zip(dict.fromkeys(attacks["group_id"]), entries)}
        _draw_attacks(ax, attacks, colors)
        handles = [Line2D([], [], marker="o", linestyle="", markersize=10, color=c, markeredgecolor="#222222",
                          label=label) for label, c in entries] + handles
        handles += [Line2D([], [], marker="o", linestyle="", markersize=2 * radius_points(n) / 1.4, color="#bbbbbb",
                           markeredgecolor="#222222", label=t("legend_casualties", lang, n=n)) for n in (0, 10, 100)]
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    _scale_bar(ax, west, east, south, north)
    fig.text(0.02, 0.95, title, fontsize=18, fontweight="bold", va="top")
    fig.text(0.02, 0.905, caption, fontsize=11, va="top", color="#333333")
    fig.text(0.02, 0.03, t("export_source", lang, today=today) + " " + t("briefing_credit", lang), fontsize=8.5,
             color="#444444")
    for handle in handles:
        handle.set_label(textwrap.fill(handle.get_label(), 34))
    legend = fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.75, 0.86), frameon=False, fontsize=9,
                        title=t("legend", lang), title_fontsize=11, labelspacing=0.9)
    return fig, [text.get_text().replace("\n", " ") for text in legend.get_texts()]


def _scale_bar(ax, west: float, east: float, south: float, north: float) -> None:
    """A bar of a round number of kilometres in the lower left corner, measured at its latitude."""
    latitude = south + (north - south) * 0.06
    km_per_degree = EARTH_KM_PER_DEGREE * math.cos(math.radians(latitude))
    length_km = nice_km((east - west) * km_per_degree)
    start = west + (east - west) * 0.04
    end = start + length_km / km_per_degree
    ax.plot([start, end], [latitude, latitude], color="#222222", linewidth=3, solid_capstyle="butt", zorder=7)
    ax.text((start + end) / 2, latitude + (north - south) * 0.015, f"{length_km:,} km", ha="center", va="bottom",
            fontsize=9, zorder=7)


def briefing_png(*args, **kwargs) -> bytes:
    """The briefing figure as PNG bytes (1600 px wide at 150 dpi, 3200 px at 300 dpi)."""
    fig, _ = briefing_figure(*args, **kwargs)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=kwargs.get("dpi", 150), facecolor="white")
    plt.close(fig)
    return buffer.getvalue()

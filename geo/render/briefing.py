"""The map as a briefing image, drawn on the server with matplotlib from the same data and filters.

No browser is involved: country shapes and their names, attacks sized and coloured as on the
interactive map, bases and borders when their layers are on, a title, a legend beside the map,
a scale bar and a source line. Figures are built with matplotlib's object API, never pyplot,
whose global state the server's threads would share."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerBase, HandlerLine2D
from matplotlib.lines import Line2D
from matplotlib.patches import Circle
from matplotlib.patheffects import withStroke
from matplotlib.transforms import Bbox
from shapely.ops import polylabel
from shapely.plotting import patch_from_polygon

from geo.analysis.filters import in_years
from geo.data.countries import CENTRAL_ASIA
from geo.map.choropleth import CHOROPLETH_COLORS, class_labels, color_of, country_totals, nice_breaks
from geo.map.elements import REGION_STYLE, SEA_COLOR, WORLD_STYLE
from geo.map.features import BORDER_STYLES, FOREIGN_BASE_COLOR
from geo.map.labels import CAPITAL_ZOOM, cities_in, region_box
from geo.map.markers import VAGUE_PLACES, marker_casualties, marker_radius
from geo.text.captions import subtitle
from geo.text.i18n import t, value_label
from geo.text.labels import group_table

WIDTH_PX = 1600


HEIGHT_PX = 1000


FIGURE_IN = (WIDTH_PX / 150, HEIGHT_PX / 150)


DEFAULT_EXTENT = (44.0, 28.0, 90.0, 52.0)  # west, south, east, north: Central Asia and its neighbours


EARTH_KM_PER_DEGREE = 111.32


POINTS_PER_INCH = 72


# Room between the outermost circle and the map's frame.
MARGIN_PT = 14.0


MIN_SPAN_DEG = 8.0


# Page layout, in inches: outer padding, room for the title lines and for the source line.
PAD_IN = 0.25


TITLE_IN = 0.62


SUBTITLE_LINE_IN = 0.21


SOURCE_IN = 0.42


LEGEND_GAP_IN = 0.3


SUBTITLE_WRAP = 118


SOURCE_WRAP = 150


# Legend layouts tried in turn until one fits beside the map: (font size, columns, wrap width in
# characters, widest legend in inches). The map keeps the rest of the page's width. 7 points
# (about 15 pixels at 150 dpi) is the floor: smaller, a projected slide's legend is not read.
LEGEND_LAYOUTS = (
    (9.0, 1, 36, 3.4),
    (8.0, 1, 40, 3.4),
    (7.0, 1, 44, 3.4),
    (8.0, 2, 28, 5.2),
    (7.0, 2, 30, 5.2),
    (7.0, 3, 22, 6.4),
)


# The legend's spacing, in font sizes, and its size as planned before it is drawn: DejaVu Sans's
# line, its extra lines and its average character, rounded up so that a plan rarely overruns.
LABEL_SPACING = 0.45
HANDLE_TEXT_PAD = 0.6
COLUMN_SPACING = 1.4
MIN_HANDLE = 2.4
TEXT_EM = 1.2
LINE_EM = 1.4
CHAR_EM = 0.62


@dataclass(frozen=True)
class LegendEntry:
    """A legend row as the plan sees it: its text, its symbol's height in points (0 for a blank
    symbol, the text still aligned with the others), whether it is a heading (no symbol, flush with
    the symbols) and, for a group, its number of attacks (None for any other row)."""

    label: str
    symbol_pt: float = 10.0
    incidents: int | None = None
    heading: bool = False


@dataclass(frozen=True)
class LegendPlan:
    """How the legend is drawn: the layout, the rows in its tallest column, the entries listed (by
    index; None for the closing row) and how many groups that row counts instead of listing them."""

    fontsize: float
    columns: int
    wrap: int
    rows: int
    shown: tuple[int | None, ...]
    others: int


@lru_cache(maxsize=4096)
def _wrapped(label: str, wrap: int) -> tuple[int, int]:
    """(lines, characters in the longest line) of `label` wrapped at `wrap` characters."""
    lines = textwrap.wrap(label, wrap, break_on_hyphens=False, break_long_words=False) or [""]
    return len(lines), max(len(line) for line in lines)


def _legend_size(entries: Sequence[LegendEntry], layout: tuple) -> tuple[float, float, int]:
    """(width, height) in inches and rows of the tallest column of `entries` in `layout`, split into
    columns as matplotlib splits them: the first ones one entry longer when they do not divide."""
    fontsize, columns, wrap, _widest = layout
    widest_symbol = max((e.symbol_pt for e in entries), default=0.0)
    handle = max(MIN_HANDLE * fontsize, widest_symbol + 2) + HANDLE_TEXT_PAD * fontsize
    width = height = 0.0
    rows = 0
    for column in (c for c in np.array_split(np.arange(len(entries)), columns) if len(c)):
        tall = wide = 0.0
        for i in column:
            lines, chars = _wrapped(entries[i].label, wrap)
            text = fontsize * (TEXT_EM + (lines - 1) * LINE_EM)
            tall += max(text, entries[i].symbol_pt + 3)
            # A heading has no symbol and starts where the symbols do.
            wide = max(wide, chars * CHAR_EM * fontsize + (0 if entries[i].heading else handle))
        tall += (len(column) - 1) * LABEL_SPACING * fontsize
        height, rows = max(height, tall), max(rows, len(column))
        width += wide
    width += (len(entries) and min(columns, len(entries)) - 1) * COLUMN_SPACING * fontsize
    return width / POINTS_PER_INCH, height / POINTS_PER_INCH, rows


def plan_legend(
    entries: Sequence[LegendEntry],
    height_in: float,
    closing: str = "and 00 other groups",
    layouts: Sequence[tuple] = LEGEND_LAYOUTS,
) -> LegendPlan:
    """The first of `layouts` in which every entry fits `height_in` and the layout's width; else the
    layout that lists the most groups, the largest by attacks, in their order, followed by the row
    `closing` counting the others (never a single one: that row would take the room of the group
    it hides). The earlier layout wins a tie."""
    groups = [i for i, e in enumerate(entries) if e.incidents is not None]
    largest = sorted(groups, key=lambda i: -entries[i].incidents)

    def arranged(kept: int) -> tuple[list[LegendEntry], tuple[int | None, ...]]:
        listed = set(largest[:kept])
        shown: list[int | None] = [i for i, e in enumerate(entries) if e.incidents is None or i in listed]
        if kept < len(groups):
            # The closing row follows the last group listed, or stands where the groups would.
            last = max(listed, default=groups[0] - 1)
            shown.insert(sum(1 for i in shown if i <= last), None)
        return [entries[i] if i is not None else LegendEntry(closing, 0.0) for i in shown], tuple(shown)

    def fits(rows: list[LegendEntry], layout: tuple) -> tuple[bool, int]:
        width, height, tallest = _legend_size(rows, layout)
        return width <= layout[3] and height <= height_in, tallest

    every, shown = arranged(len(groups))
    for layout in layouts:
        ok, tallest = fits(every, layout)
        if ok:
            return LegendPlan(layout[0], layout[1], layout[2], tallest, shown, 0)
    # Past every layout: the one listing the most groups; with none listed, the roomiest.
    best, most = None, -1
    for layout in layouts:
        for kept in range(len(groups) - 2, most, -1):
            rows, shown = arranged(kept)
            ok, tallest = fits(rows, layout)
            if ok:
                best, most = LegendPlan(layout[0], layout[1], layout[2], tallest, shown, len(groups) - kept), kept
                break
    if best is None:
        # A lone group is listed rather than counted as "1 other".
        kept = int(len(groups) == 1)
        rows, shown = arranged(kept)
        layout = layouts[-1]
        best = LegendPlan(layout[0], layout[1], layout[2], fits(rows, layout)[1], shown, len(groups) - kept)
    return best


REGION_LABEL = {"fontsize": 10, "color": "#2b2b2b", "fontweight": "bold"}


REGION_LABEL_SMALL = {**REGION_LABEL, "fontsize": 8}


WORLD_LABEL = {"fontsize": 8, "color": "#5e5e5e", "fontstyle": "italic"}


LABEL_WRAP = 16


# City names: under the circles (zorder 6), so that a name never hides an attack.
CITY_LABEL = {"fontsize": 7.5, "color": "#262626"}


CITY_DOT = {"s": 6, "color": "#3a3a3a", "edgecolors": "white", "linewidths": 0.4, "zorder": 5.5}


# A printed page is read closer than a screen: its cities are those the map names one zoom in.
PRINT_ZOOM_STEP = 1


CSS_PX_PER_INCH = 96


def circle_radii(attacks: pd.DataFrame) -> np.ndarray:
    """Each attack's circle radius in points: the interactive map's radius in pixels."""
    return np.array([marker_radius(float(n)) for n in marker_casualties(attacks)], dtype=float)


def _to_aspect(view: Sequence[float], ratio: float) -> tuple[float, float, float, float]:
    """`view` grown about its centre until its drawn width over height is `ratio`."""
    west, south, east, north = view
    cos = math.cos(math.radians((south + north) / 2))
    width, height = (east - west) * cos, north - south
    if width < ratio * height:
        half = ratio * height / cos / 2
        middle = (west + east) / 2
        return middle - half, south, middle + half, north
    half = width / ratio / 2
    middle = (south + north) / 2
    return west, middle - half, east, middle + half


def view_extent(
    lon: Iterable[float],
    lat: Iterable[float],
    radii_pt: Iterable[float],
    box_in: tuple[float, float],
    keep: Sequence[Sequence[float]] = (),
    margin_pt: float = MARGIN_PT,
    min_span: float = MIN_SPAN_DEG,
) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the smallest view shaped like `box_in` (inches) that holds
    each circle (centre, radius in points) whole and each (west, south, east, north) box of
    `keep`, all `margin_pt` from the frame.

    The map is equirectangular at the view's middle latitude: a degree of longitude is drawn
    cos(latitude) as long as a degree of latitude."""
    lon, lat, radii = (np.asarray(list(v), dtype=float) for v in (lon, lat, radii_pt))
    keep = np.asarray(keep, dtype=float).reshape(-1, 4)
    if not len(lon) and not len(keep):
        lon, lat, radii = np.array(DEFAULT_EXTENT[::2]), np.array(DEFAULT_EXTENT[1::2]), np.zeros(2)
    west = min(lon.min(initial=math.inf), keep[:, 0].min(initial=math.inf))
    south = min(lat.min(initial=math.inf), keep[:, 1].min(initial=math.inf))
    east = max(lon.max(initial=-math.inf), keep[:, 2].max(initial=-math.inf))
    north = max(lat.max(initial=-math.inf), keep[:, 3].max(initial=-math.inf))
    if east - west < min_span:
        west, east = (west + east - min_span) / 2, (west + east + min_span) / 2
    if north - south < min_span / 2:
        south, north = (south + north - min_span / 2) / 2, (south + north + min_span / 2) / 2
    ratio = box_in[0] / box_in[1]
    view = (west, south, east, north)
    # Padding in degrees grows with the view it pads: a few rounds settle it, as circles are
    # small beside the map.
    for _ in range(50):
        view = _to_aspect(view, ratio)
        west, south, east, north = view
        degrees_per_point = (north - south) / (box_in[1] * POINTS_PER_INCH)
        cos = math.cos(math.radians((south + north) / 2))
        pad = (radii + margin_pt) * degrees_per_point
        edge = margin_pt * degrees_per_point
        needed = (
            min(np.min(lon - pad / cos, initial=west), np.min(keep[:, 0] - edge / cos, initial=west)),
            min(np.min(lat - pad, initial=south), np.min(keep[:, 1] - edge, initial=south)),
            max(np.max(lon + pad / cos, initial=east), np.max(keep[:, 2] + edge / cos, initial=east)),
            max(np.max(lat + pad, initial=north), np.max(keep[:, 3] + edge, initial=north)),
        )
        if needed == (west, south, east, north):
            break
        view = needed
    return tuple(float(v) for v in view)


def shapes_bounds(shapes: gpd.GeoDataFrame, iso3: Iterable[str]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the countries `iso3`."""
    return tuple(float(v) for v in shapes[shapes["iso3"].isin(list(iso3))].total_bounds)


def overlaps(a: Sequence[float], b: Sequence[float]) -> bool:
    """True when two (west, south, east, north) boxes share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_places(shapes: gpd.GeoDataFrame, view: Sequence[float], lang: str) -> list[tuple]:
    """(name in `lang`, lon, lat, in the region, largest visible part) for each country seen in
    `view`, at the point of that part farthest from its edges. In the order labels claim their
    room: the region's countries first, smallest first as they have the least room, then the
    others, largest first."""
    frame = shapely.box(*view)
    places = []
    for row in shapes[shapes.intersects(frame)].itertuples(index=False):
        parts = [p for p in shapely.get_parts(row.geometry.intersection(frame)) if p.geom_type == "Polygon"]
        if not parts:
            continue
        largest = max(parts, key=lambda p: p.area)
        point = polylabel(largest, tolerance=max(largest.length / 400, 1e-3))
        places.append((getattr(row, f"name_{lang}"), point.x, point.y, bool(row.detailed), largest))
    places.sort(key=lambda p: (not p[3], p[4].area if p[3] else -p[4].area))
    return places


def nice_km(span_km: float) -> int:
    """A round distance of about a fifth of `span_km` for the scale bar."""
    target = span_km / 5
    magnitude = 10 ** math.floor(math.log10(target))
    return int(max(step * magnitude for step in (1, 2, 5) if step * magnitude <= target))


def legend_entries(attacks: pd.DataFrame, groups: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """(label, colour) of each group drawn, in the order the interactive map lists them."""
    ids = list(dict.fromkeys(attacks["group_id"]))
    return [(label, color) for label, color in group_table(ids, groups, lang)]


class _Heading(Line2D):
    """A legend row that names the section below it and draws no symbol."""

    def __init__(self, label: str):
        super().__init__([], [], linestyle="", label=label)


class _HeadingHandler(HandlerBase):
    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        # No symbol, and the text pulled back over the gap before it: flush with the symbols.
        handlebox.width = -legend.handletextpad * fontsize
        return handlebox.add_artist(Line2D([], []))


class _Group(Line2D):
    """A group's row: its colour, and its attacks, which rank it when the legend cannot list all."""

    def __init__(self, color: str, label: str, incidents: int):
        super().__init__(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=10,
            color=color,
            alpha=0.8,
            markeredgecolor="#222222",
            markeredgewidth=0.6,
            label=label,
        )
        self.incidents = incidents


class _Closing(Line2D):
    """The row counting the groups the legend has no room to list; no symbol, its text aligned with theirs."""

    def __init__(self, label: str):
        super().__init__([], [], linestyle="", label=label)


class _Ring(Line2D):
    """The dashed ring of a foiled plot (a Line2D marker's edge cannot be dashed)."""

    def __init__(self, color: str, size_pt: float, label: str):
        super().__init__([], [], linestyle="", marker="o", markersize=size_pt, color=color, label=label)


class _RingHandler(HandlerBase):
    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        centre = (handlebox.width / 2 - handlebox.xdescent, (handlebox.height - handlebox.ydescent) / 2)
        ring = Circle(
            centre,
            orig_handle.get_markersize() / 2,
            fill=False,
            linestyle=(0, (2.5, 1.5)),
            linewidth=1.6,
            edgecolor=orig_handle.get_color(),
            transform=handlebox.get_transform(),
        )
        return handlebox.add_artist(ring)


class _SizedMarkerHandler(HandlerLine2D):
    """Rows at least as tall as their marker, so circles at map size never overlap their neighbours."""

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        # The marker's height above the text baseline in a standard row.
        self._center = (handlebox.height - handlebox.ydescent) / 2
        needed = orig_handle.get_markersize() + 3
        if needed > handlebox.height:
            handlebox.height, handlebox.ydescent = needed, needed / 2 - self._center
        return super().legend_artist(legend, orig_handle, fontsize, handlebox)

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        artists = super().create_artists(legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans)
        for artist in artists:
            artist.set_ydata(np.full_like(artist.get_xdata(), self._center))
        return artists


def _circle(color: str, size_pt: float, label: str, alpha: float = 0.8) -> Line2D:
    return Line2D(
        [],
        [],
        marker="o",
        linestyle="",
        markersize=size_pt,
        color=color,
        alpha=alpha,
        markeredgecolor="#222222",
        markeredgewidth=0.6,
        label=label,
    )


def _draw_attacks(ax, attacks: pd.DataFrame, colors: dict[str, str]) -> None:
    """Circles as on the interactive map, big ones first so small ones stay visible on top, and
    foiled plots as dashed rings above them: two collections, whatever the number of attacks."""
    low = marker_casualties(attacks)
    ordered = attacks.loc[low.sort_values(ascending=False, kind="stable").index]
    sizes = (2 * circle_radii(ordered)) ** 2
    foiled = ordered["foiled"].to_numpy(dtype=bool)
    vague = ordered["location_precision"].isin(VAGUE_PLACES).to_numpy()
    alpha = np.where(vague, 0.35, 0.8)
    fill = np.array([to_rgba(colors[g]) for g in ordered["group_id"]]).reshape(-1, 4)
    edge = np.tile(to_rgba("#222222"), (len(ordered), 1))
    fill[:, 3], edge[:, 3] = alpha, alpha
    solid = ~foiled
    ax.scatter(
        ordered["lon"][solid],
        ordered["lat"][solid],
        s=sizes[solid],
        c=fill[solid],
        edgecolors=edge[solid],
        linewidths=0.6,
        zorder=6,
    )
    ax.scatter(
        ordered["lon"][foiled],
        ordered["lat"][foiled],
        s=sizes[foiled],
        facecolors="none",
        edgecolors=np.array([to_rgba(colors[g]) for g in ordered["group_id"][foiled]]).reshape(-1, 4),
        linewidths=1.6,
        linestyles="--",
        zorder=6.5,
    )


def _attack_rows(attacks: pd.DataFrame, groups: pd.DataFrame, lang: str) -> list:
    """Legend rows for the attacks drawn: groups, then sizes, and the pale and dashed symbols when used."""
    rows: list = [_Heading(t("legend_groups", lang))]
    counts = attacks["group_id"].value_counts()
    ids = dict.fromkeys(attacks["group_id"])
    rows += [
        _Group(color, label, int(counts[g])) for g, (label, color) in zip(ids, legend_entries(attacks, groups, lang))
    ]
    rows.append(_Heading(t("legend_size", lang)))
    rows += [_circle("#bbbbbb", 2 * marker_radius(n), t("legend_casualties", lang, n=n)) for n in (0, 10, 100)]
    if (~attacks["foiled"] & attacks["location_precision"].isin(VAGUE_PLACES)).any():
        rows.append(_circle("#bbbbbb", 10, t("legend_vague_place", lang), alpha=0.35))
    if attacks["foiled"].any():
        rows.append(_Ring("#555555", 10, t("legend_foiled", lang)))
    return rows


def _entry(row) -> LegendEntry:
    marker = row.get_marker() not in (None, "None", "")
    return LegendEntry(
        row.get_label(),
        row.get_markersize() if marker else 0.0,
        getattr(row, "incidents", None),
        isinstance(row, _Heading),
    )


def _fit_legend(fig: Figure, renderer, rows: list, top_in: float, height_in: float, lang: str):
    """The legend as planned to fit `height_in` below `top_in`, on the right of the page; planned
    again in less room while matplotlib's measure of it overruns the plan's."""
    entries = [_entry(row) for row in rows]
    groups = sum(e.incidents is not None for e in entries)
    handlers = {_Heading: _HeadingHandler(), _Ring: _RingHandler(), Line2D: _SizedMarkerHandler()}
    width_in, page_height = fig.get_size_inches()
    # Symbols get a column as wide as the largest circle, so every label starts at one edge.
    widest_symbol = max((e.symbol_pt for e in entries), default=0)
    room, layouts = height_in, LEGEND_LAYOUTS
    for attempt in range(8):
        plan = plan_legend(entries, room, t("legend_other_groups", lang, n=groups), layouts)
        closing = _Closing(t("legend_other_groups", lang, n=plan.others))
        shown = [rows[i] if i is not None else closing for i in plan.shown]
        labels = [row.get_label() for row in shown]
        wrapped = [textwrap.fill(label, plan.wrap, break_on_hyphens=False, break_long_words=False) for label in labels]
        legend = fig.legend(
            handles=shown,
            labels=wrapped,
            handler_map=handlers,
            loc="upper right",
            ncols=plan.columns,
            frameon=False,
            bbox_to_anchor=((width_in - PAD_IN) / width_in, top_in / page_height),
            fontsize=plan.fontsize,
            labelspacing=LABEL_SPACING,
            handletextpad=HANDLE_TEXT_PAD,
            columnspacing=COLUMN_SPACING,
            handlelength=max(MIN_HANDLE, (widest_symbol + 2) / plan.fontsize),
            borderaxespad=0,
            borderpad=0,
        )
        for text, row in zip(legend.get_texts(), shown):
            # Group names come from data files: "$" must print as itself, never start math.
            text.set_parse_math(False)
            text.set_usetex(False)
            if isinstance(row, _Heading):
                text.set_fontweight("bold")
            if isinstance(row, _Closing):
                text.set_fontstyle("italic")
        box = legend.get_window_extent(renderer)
        widest = next(layout[3] for layout in LEGEND_LAYOUTS if layout[:2] == (plan.fontsize, plan.columns))
        tall, wide = box.height / fig.dpi / height_in, box.width / fig.dpi / widest
        # The plan's measures are rounded up: a last overrun, never seen, is kept rather than lost.
        if (tall <= 1 and wide <= 1) or attempt == 7:
            break
        legend.remove()
        room *= min(1.0, 0.98 / tall)
        layouts = [(*layout[:3], layout[3] * min(1.0, 0.98 / wide)) for layout in layouts]
    return legend, labels


def _first_clear(spots: Iterable[tuple], frame: Bbox, placed: list[Bbox], circles: np.ndarray) -> tuple | None:
    """The first of `spots` (each a tuple ending in its box, in display pixels) inside `frame` and
    clear of the boxes `placed` and of the `circles`' boxes; else the first clear of `placed` only;
    else None. Country names and city names alike claim their room this way."""
    fallback = None
    for spot in spots:
        box = spot[-1]
        if box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1:
            continue
        if any(box.overlaps(other) for other in placed):
            continue
        hits = (
            (circles[:, 0] < box.x1) & (circles[:, 2] > box.x0) & (circles[:, 1] < box.y1) & (circles[:, 3] > box.y0)
        ).any()
        if not hits:
            return spot
        fallback = fallback or spot
    return fallback


def _label_centre(
    ax, part, x: float, y: float, width: float, height: float, placed: list[Bbox], circles: np.ndarray
) -> tuple[float, float, Bbox] | None:
    """Where a `width` x `height` label goes near (x, y) (display pixels): inside the axes, clear
    of the labels `placed`, its centre in `part`; clear of the circles if a position allows."""
    to_data = ax.transData.inverted()
    shifts = [(0, 0)] + [(i * width / 3, j * height) for j in (0, 1, -1, 2, -2) for i in (0, 1, -1) if (i, j) != (0, 0)]
    spots = (
        (x + dx, y + dy, Bbox.from_bounds(x + dx - width / 2, y + dy - height / 2, width, height))
        for dx, dy in shifts
        # Off its own point, a name stays over its country.
        if (dx, dy) == (0, 0) or part.contains(shapely.Point(*to_data.transform((x + dx, y + dy))))
    )
    return _first_clear(spots, ax.bbox, placed, circles)


def _place_labels(ax, renderer, places: list, circles: np.ndarray, placed: list[Bbox]) -> None:
    """Country names where they fit, clear of each other and of `placed`, else dropped; a name of
    the region gets a second try in a smaller size, and may not be wider than its country when
    it is not of the region."""
    to_data = ax.transData.inverted()
    for name, lon, lat, regional, part in places:
        x, y = ax.transData.transform((lon, lat))
        west, south, east, north = part.bounds
        (x0, y0), (x1, y1) = ax.transData.transform([(west, south), (east, north)])
        for style in (REGION_LABEL, REGION_LABEL_SMALL) if regional else (WORLD_LABEL,):
            text = ax.text(
                lon,
                lat,
                textwrap.fill(name, LABEL_WRAP, break_on_hyphens=False),
                ha="center",
                va="center",
                multialignment="center",
                zorder=8,
                parse_math=False,
                usetex=False,
                path_effects=[withStroke(linewidth=2.6, foreground="white", alpha=0.85)],
                **style,
            )
            box = text.get_window_extent(renderer)
            width, height = box.width * 1.06, box.height * 1.1
            fits = regional or (width <= 1.4 * (x1 - x0) and height <= 1.8 * (y1 - y0))
            chosen = _label_centre(ax, part, x, y, width, height, placed, circles) if fits else None
            if chosen:
                text.set_position(to_data.transform(chosen[:2]))
                placed.append(chosen[2])
                break
            text.remove()


def map_zoom(ax) -> float:
    """The interactive map's zoom at which a degree is as wide as on `ax`."""
    west, east = ax.get_xlim()
    px_per_degree = ax.bbox.width / ax.figure.dpi * CSS_PX_PER_INCH / (east - west)
    return math.log2(px_per_degree * 360 / 256)


def _place_cities(ax, renderer, cities: pd.DataFrame, circles: np.ndarray, placed: list[Bbox]) -> None:
    """Each city's dot and name, right of it, above, below or left, clear of the labels `placed`
    (else dropped), preferably clear of the circles; the largest claim their room first."""
    to_data = ax.transData.inverted()
    for city in cities.itertuples(index=False):
        x, y = ax.transData.transform((city.lon, city.lat))
        style = {**CITY_LABEL, "fontweight": "bold" if city.capital else "normal"}
        text = ax.text(city.lon, city.lat, city.label, va="center", zorder=5.6, parse_math=False, usetex=False, **style)
        text.set_path_effects([withStroke(linewidth=2, foreground="white", alpha=0.85)])
        box = text.get_window_extent(renderer)
        width, height, gap = box.width, box.height, 3.0 * ax.figure.dpi / POINTS_PER_INCH
        wide = width + 2 * gap
        sides = [
            ("right", Bbox.from_bounds(x - gap, y - height / 2, wide, height)),
            ("above", Bbox.from_bounds(x - width / 2 - gap, y + gap, wide, height)),
            ("below", Bbox.from_bounds(x - width / 2 - gap, y - gap - height, wide, height)),
            ("left", Bbox.from_bounds(x - gap - width, y - height / 2, wide, height)),
        ]
        chosen = _first_clear(sides, ax.bbox, placed, circles)
        if chosen is None:
            text.remove()
            continue
        side, spot = chosen
        anchor = {"right": (x + gap, y), "left": (x - gap, y)}.get(side, (x, (spot.y0 + spot.y1) / 2))
        text.set_position(to_data.transform(anchor))
        text.set_horizontalalignment({"right": "left", "left": "right"}.get(side, "center"))
        ax.scatter([city.lon], [city.lat], **CITY_DOT)
        placed.append(spot)


def _beside(ax, cities: pd.DataFrame, obstacles: np.ndarray) -> np.ndarray:
    """`obstacles` and, for each city, the room its name takes right of its dot (about 14 points
    high and 60 wide): a country's name placed there would push the city's name out."""
    if not len(cities):
        return obstacles
    scale = ax.figure.dpi / POINTS_PER_INCH
    dots = ax.transData.transform(cities[["lon", "lat"]].to_numpy(dtype=float))
    rooms = np.column_stack([dots[:, 0], dots[:, 1] - 7 * scale, dots[:, 0] + 60 * scale, dots[:, 1] + 7 * scale])
    return np.vstack([obstacles, rooms]) if len(obstacles) else rooms


def _circle_boxes(ax, attacks: pd.DataFrame, dpi: float) -> np.ndarray:
    """Each circle's (x0, y0, x1, y1) in display pixels."""
    if not len(attacks):
        return np.empty((0, 4))
    centres = ax.transData.transform(attacks[["lon", "lat"]].to_numpy(dtype=float))
    radii = circle_radii(attacks)[:, None] * dpi / POINTS_PER_INCH
    return np.hstack([centres - radii, centres + radii])


def _legend_rows(data, attacks, layers, years, lang, metric) -> tuple[list, dict]:
    """The legend rows for what is drawn, and what to draw: choropleth colours, borders, bases."""
    rows: list = []
    drawn: dict = {}
    if "attacks" in layers and len(attacks):
        rows += _attack_rows(attacks, data.groups, lang)
    if "choropleth" in layers and len(attacks):
        totals = country_totals(attacks, metric)
        totals = totals[totals > 0]
        breaks = nice_breaks(float(totals.max()))
        drawn["choropleth"] = {iso3: color_of(value, breaks) for iso3, value in totals.items()}
        rows.append(_Heading(value_label("choropleth", metric, lang)))
        rows += [
            Line2D([], [], marker="s", linestyle="", markersize=10, color=c, markeredgecolor="#444444", label=label)
            for c, label in zip(CHOROPLETH_COLORS, class_labels(breaks))
        ]
    if "borders" in layers:
        active = in_years(data.borders, "borders", years)
        drawn["borders"] = active
        if len(active):
            rows.append(_Heading(t("legend_borders", lang)))
        for status in (s for s in BORDER_STYLES if s in set(active["status"])):
            style = BORDER_STYLES[status]
            rows.append(
                Line2D(
                    [],
                    [],
                    color=style["color"],
                    linestyle=_dashes(style),
                    linewidth=2,
                    label=value_label("status", status, lang),
                )
            )
    bases = []
    for layer, foreign in (("bases", False), ("foreign_bases", True)):
        if layer in layers:
            shown = in_years(data.bases, "bases", years)
            shown = shown[(shown["kind"] == "foreign_military_base") == foreign]
            drawn[layer] = shown
            if len(shown):
                label = value_label("kind", "foreign_military_base", lang) if foreign else t("legend_base", lang)
                bases.append(
                    Line2D(
                        [],
                        [],
                        marker="s" if foreign else "^",
                        linestyle="",
                        markersize=9,
                        color=FOREIGN_BASE_COLOR if foreign else "#999999",
                        markeredgecolor="#222222",
                        label=label,
                    )
                )
    if bases:
        rows += [_Heading(t("legend_bases", lang)), *bases]
    return rows, drawn


def _polygons(ax, geometries, facecolor, **style) -> None:
    """Polygons as one collection (geopandas' plot would redraw the whole figure on each call)."""
    patches = [patch_from_polygon(shape) for shape in geometries if shape is not None and not shape.is_empty]
    ax.add_collection(PatchCollection(patches, facecolor=facecolor, **style), autolim=False)


def _dashes(style: dict):
    dash = style["dashArray"]
    return (0, tuple(float(v) / 2 for v in dash.split())) if dash else "-"


def briefing_figure(
    shapes: gpd.GeoDataFrame,
    data,
    attacks: pd.DataFrame,
    layers: list[str],
    years: tuple[int, int],
    title: str,
    caption: str,
    lang: str,
    today: str,
    dpi: int = 150,
    metric: str = "attacks",
):
    """The briefing figure and the legend labels it shows."""
    fig = Figure(figsize=FIGURE_IN, dpi=dpi, facecolor="white")
    renderer = FigureCanvasAgg(fig).get_renderer()
    width_in, height_in = FIGURE_IN
    fig.text(
        PAD_IN / width_in,
        1 - 0.2 / height_in,
        title,
        fontsize=18,
        fontweight="bold",
        va="top",
        parse_math=False,
        usetex=False,
    )
    lines = textwrap.wrap(subtitle(title, caption, years, lang), SUBTITLE_WRAP, break_on_hyphens=False)
    if lines:
        fig.text(
            PAD_IN / width_in,
            1 - TITLE_IN / height_in,
            "\n".join(lines),
            fontsize=11,
            va="top",
            color="#333333",
            linespacing=1.3,
            parse_math=False,
            usetex=False,
        )
    top_in = height_in - TITLE_IN - len(lines) * SUBTITLE_LINE_IN - 0.12
    map_height_in = top_in - SOURCE_IN
    rows, drawn = _legend_rows(data, attacks, layers, years, lang, metric)
    legend, labels = None, []
    if rows:
        legend, labels = _fit_legend(fig, renderer, rows, top_in, map_height_in, lang)
        legend_in = legend.get_window_extent(renderer).width / fig.dpi + LEGEND_GAP_IN
    else:
        legend_in = 0
    map_width_in = width_in - 2 * PAD_IN - legend_in
    ax = fig.add_axes((PAD_IN / width_in, SOURCE_IN / height_in, map_width_in / width_in, map_height_in / height_in))

    points = attacks if "attacks" in layers else attacks.iloc[0:0]
    radii = circle_radii(points)
    if not len(points):
        bases = [drawn[layer] for layer in ("bases", "foreign_bases") if layer in drawn]
        points = pd.concat(bases)[["lon", "lat"]] if bases else points
        radii = np.full(len(points), 5.0)
    view = view_extent(points["lon"], points["lat"], radii, (map_width_in, map_height_in))
    central_asia = shapes_bounds(shapes, CENTRAL_ASIA)
    # A republic is shown whole or not at all: a view touching one takes in all five.
    if any(overlaps(view, shapes_bounds(shapes, [iso3])) for iso3 in CENTRAL_ASIA):
        view = view_extent(points["lon"], points["lat"], radii, (map_width_in, map_height_in), keep=[central_asia])
    west, south, east, north = view

    ax.set_facecolor(SEA_COLOR)
    _polygons(ax, shapes.geometry, WORLD_STYLE["fillColor"], edgecolor=WORLD_STYLE["color"], linewidth=0.5, zorder=1)
    _polygons(
        ax,
        shapes[shapes["detailed"]].geometry,
        REGION_STYLE["fillColor"],
        edgecolor=REGION_STYLE["color"],
        linewidth=0.8,
        zorder=2,
    )
    if "choropleth" in drawn:
        shaded = shapes[shapes["iso3"].isin(list(drawn["choropleth"]))]
        _polygons(
            ax,
            shaded.geometry,
            [drawn["choropleth"][c] for c in shaded["iso3"]],
            edgecolor="#444444",
            linewidth=0.6,
            alpha=0.85,
            zorder=3,
        )
    if "borders" in drawn:
        for status, lines_of in drawn["borders"].groupby("status"):
            style = BORDER_STYLES[status]
            ax.add_collection(
                LineCollection(
                    [np.asarray(part.coords)[:, :2] for part in shapely.get_parts(lines_of.geometry.values)],
                    colors=style["color"],
                    linewidths=style["weight"] * 0.7,
                    linestyles=[_dashes(style)],
                    zorder=4,
                )
            )
    colors = dict(zip(data.groups["id"], data.groups["color"]))
    for layer, foreign in (("bases", False), ("foreign_bases", True)):
        if layer in drawn and len(drawn[layer]):
            shown = drawn[layer]
            ax.scatter(
                shown["lon"],
                shown["lat"],
                marker="s" if foreign else "^",
                s=70,
                edgecolors="#222222",
                linewidths=0.8,
                zorder=5,
                color=[FOREIGN_BASE_COLOR if foreign else colors.get(g) or "#999999" for g in shown["group_id"]],
            )
    if "attacks" in layers and len(attacks):
        entries = legend_entries(attacks, data.groups, lang)
        _draw_attacks(ax, attacks, {gid: color for gid, (_, color) in zip(dict.fromkeys(attacks["group_id"]), entries)})

    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.apply_aspect()
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    bar = _scale_bar(ax, west, east, south, north)
    obstacles = _circle_boxes(ax, attacks if "attacks" in layers else attacks.iloc[0:0], fig.dpi)
    bar_box = Bbox.union([artist.get_window_extent(renderer) for artist in bar])
    # On a slide the region's countries are named first (a capital's name would take Kyrgyzstan's
    # little room), keeping clear of the room right of each capital where possible; then capitals,
    # the other countries, and cities.
    placed = [bar_box]
    zoom = max(CAPITAL_ZOOM, math.floor(map_zoom(ax)) + PRINT_ZOOM_STEP)
    cities = cities_in(view, zoom, lang, region_box(shapes))
    capitals = cities[cities["capital"]]
    countries = label_places(shapes, view, lang)
    _place_labels(ax, renderer, [p for p in countries if p[3]], _beside(ax, capitals, obstacles), placed)
    _place_cities(ax, renderer, capitals, obstacles, placed)
    _place_labels(ax, renderer, [p for p in countries if not p[3]], obstacles, placed)
    _place_cities(ax, renderer, cities[~cities["capital"]], obstacles, placed)

    source = " ".join(
        (t("export_source", lang, today=today), t("briefing_credit", lang), t("briefing_places_credit", lang))
    )
    # Two lines when the credits run past the page's width (they do in French and Russian).
    source = "\n".join(textwrap.wrap(source, SOURCE_WRAP, break_on_hyphens=False))
    fig.text(
        PAD_IN / width_in,
        0.06 / height_in,
        source,
        fontsize=8.5,
        color="#444444",
        va="bottom",
        linespacing=1.2,
        parse_math=False,
        usetex=False,
    )
    return fig, [label.replace("\n", " ") for label in labels]


def _scale_bar(ax, west: float, east: float, south: float, north: float) -> list:
    """A bar of a round number of kilometres in the lower left corner, measured at its latitude."""
    latitude = south + (north - south) * 0.06
    km_per_degree = EARTH_KM_PER_DEGREE * math.cos(math.radians(latitude))
    length_km = nice_km((east - west) * km_per_degree)
    start = west + (east - west) * 0.04
    end = start + length_km / km_per_degree
    (line,) = ax.plot([start, end], [latitude, latitude], color="#222222", linewidth=3, solid_capstyle="butt", zorder=7)
    text = ax.text(
        (start + end) / 2,
        latitude + (north - south) * 0.015,
        f"{length_km:,} km",
        ha="center",
        va="bottom",
        fontsize=9,
        zorder=7,
        path_effects=[withStroke(linewidth=2.6, foreground="white")],
    )
    return [line, text]


def briefing_png(*args, **kwargs) -> bytes:
    """The briefing figure as PNG bytes (1600 px wide at 150 dpi, 3200 px at 300 dpi)."""
    fig, labels = briefing_figure(*args, **kwargs)
    buffer = io.BytesIO()
    # The legend's entries travel in the file as text too: a slide tool or a check can read them.
    fig.savefig(
        buffer,
        format="png",
        dpi=kwargs.get("dpi", 150),
        facecolor="white",
        metadata={"Title": fig.texts[0].get_text(), "Legend": "; ".join(labels)},
    )
    return buffer.getvalue()

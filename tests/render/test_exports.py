"""Exports and the story: briefing image, offline HTML, cited CSV, and every story step."""

from __future__ import annotations

import dataclasses
import io
import math
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
import shapely
from matplotlib.transforms import Bbox
from PIL import Image

from geo import params
from geo.analysis.story import STEPS, step_sources, step_state, story_view
from geo.data.countries import CENTRAL_ASIA
from geo.map.basemap import basemap_collections
from geo.map.elements import basemap
from geo.map.events import event_payload
from geo.map.markers import marker_radius
from geo.map.overlays import overlays
from geo.map.standalone import standalone_html
from geo.render.briefing import (
    DEFAULT_EXTENT,
    MARGIN_PT,
    _first_clear,
    briefing_figure,
    briefing_png,
    circle_radii,
    label_places,
    nice_km,
    shapes_bounds,
    view_extent,
)
from geo.render.exports import map_downloads
from geo.render.tables import to_csv_with_citation
from geo.state.urlstate import state_defaults
from geo.text.captions import subtitle
from geo.text.escape import compact_json
from geo.text.i18n import LANGUAGES, t


def year(data, y):
    return data.attacks[data.attacks["year"] == y]


@pytest.mark.parametrize("dpi,width", [(150, 1600), (300, 3200)])
def test_the_briefing_image_has_the_requested_size_and_is_not_blank(data, shapes, dpi, width):
    png = briefing_png(
        shapes,
        data,
        year(data, 2024),
        ["attacks", "borders"],
        (2024, 2024),
        "Attacks in 2024",
        "2024",
        "en",
        "2026-01-01",
        dpi=dpi,
    )
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size[0] == width and image.size[1] == width * 10 // 16
    pixels = np.asarray(image.convert("L"), dtype=float)
    assert pixels.std() > 20 and (pixels < 128).mean() > 0.01


@pytest.mark.parametrize(
    "years,layers",
    [
        ((2024, 2024), ["attacks"]),
        ((1999, 2004), ["attacks", "bases", "borders"]),
        ((2015, 2024), ["attacks", "choropleth", "foreign_bases"]),
    ],
)
def test_the_briefing_legend_lists_the_groups_drawn(data, shapes, years, layers):
    attacks = data.attacks[data.attacks["year"].between(*years)]
    _fig, labels = briefing_figure(shapes, data, attacks, layers, years, "T", "C", "en", "2026-01-01")
    groups = data.groups.set_index("id")
    for group_id in set(attacks["group_id"]) - {"unknown"}:
        acronym = groups.at[group_id, "acronym_en"] or groups.at[group_id, "name_en"]
        assert any(label.startswith(acronym) for label in labels)
    drawn = [label for label in labels if "·" in label]
    assert len(drawn) == len({g for g in attacks["group_id"] if g != "unknown" and groups.at[g, "acronym_en"]})


def test_the_briefing_legend_would_catch_a_missing_group(data, shapes):
    attacks = year(data, 2024)
    _, labels = briefing_figure(
        shapes, data, attacks[attacks["group_id"] == "iskp"], ["attacks"], (2024, 2024), "T", "C", "en", "2026-01-01"
    )
    assert not any(label.startswith("IS ·") for label in labels)


@pytest.mark.parametrize("span_km,expected", [(4000, 500), (900, 100), (12_000, 2000), (60, 10)])
def test_the_scale_bar_takes_a_round_length(span_km, expected):
    assert nice_km(span_km) == expected


def test_an_empty_selection_shows_the_region():
    west, south, east, north = view_extent([], [], [], (6.0, 5.0))
    assert west <= DEFAULT_EXTENT[0] and south <= DEFAULT_EXTENT[1]
    assert east >= DEFAULT_EXTENT[2] and north >= DEFAULT_EXTENT[3]


ALL_LAYERS = ["attacks", "choropleth", "borders", "bases", "foreign_bases"]
# (years, group, layers) of the views a briefer exports most.
VIEWS = {
    "2024": ((2024, 2024), None, ["attacks", "borders", "bases"]),
    "iskp": ((2015, 2024), "iskp", ALL_LAYERS),
    "all": ((1991, 2025), None, ALL_LAYERS),
}


def view_attacks(data, view):
    years, group, _layers = VIEWS[view]
    attacks = data.attacks[data.attacks["year"].between(*years)]
    return attacks if group is None else attacks[attacks["group_id"] == group]


def drawn(fig):
    fig.canvas.draw()
    return fig.axes[0]


def circles_in_pixels(fig, ax, attacks):
    """Centres and radii, in display pixels, of the circles the interactive map would draw."""
    centres = ax.transData.transform(attacks[["lon", "lat"]].to_numpy(dtype=float))
    low = attacks["killed_low"].fillna(0) + attacks["wounded_low"].fillna(0)
    radii = np.array([marker_radius(n) for n in low]) * fig.dpi / 72
    return centres, radii


def contains(outer, inner, slack=1e-6):
    return (
        outer[0] <= inner[0] + slack
        and outer[1] <= inner[1] + slack
        and outer[2] >= inner[2] - slack
        and outer[3] >= inner[3] - slack
    )


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("dpi", [150, 300])
def test_every_circle_is_drawn_whole_inside_the_map_with_a_margin(data, shapes, view, dpi):
    attacks = view_attacks(data, view)
    years, _, layers = VIEWS[view]
    fig, _ = briefing_figure(shapes, data, attacks, layers, years, "T", "C", "en", "2026-01-01", dpi=dpi)
    ax = drawn(fig)
    frame = ax.get_window_extent()
    centres, radii = circles_in_pixels(fig, ax, attacks)
    margin = 4 * dpi / 72
    assert (centres[:, 0] - radii >= frame.x0 + margin).all() and (centres[:, 0] + radii <= frame.x1 - margin).all()
    assert (centres[:, 1] - radii >= frame.y0 + margin).all() and (centres[:, 1] + radii <= frame.y1 - margin).all()


@pytest.mark.parametrize("view", VIEWS)
def test_the_five_republics_are_shown_whole_when_the_view_reaches_them(data, shapes, view):
    years, _, layers = VIEWS[view]
    fig, _ = briefing_figure(shapes, data, view_attacks(data, view), layers, years, "T", "C", "en", "2026-01-01")
    ax = drawn(fig)
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    assert contains((west, south, east, north), shapes_bounds(shapes, CENTRAL_ASIA))


@pytest.mark.parametrize(
    "points,radii,keep",
    [
        ([(60.0, 40.0)], [28.0], []),
        ([(2.18, 41.38), (69.17, 34.53), (37.39, 55.83)], [3.5, 8.0, 28.0], []),
        ([(65.0, 35.0)], [5.0], [(46.5, 35.1, 87.4, 55.5)]),
        ([], [], [(46.5, 35.1, 87.4, 55.5)]),
    ],
)
@pytest.mark.parametrize("box", [(7.0, 5.0), (5.0, 5.2)])
def test_the_view_holds_each_circle_and_box_with_a_margin_in_the_frame_s_shape(points, radii, keep, box):
    lon, lat = [p[0] for p in points], [p[1] for p in points]
    west, south, east, north = view_extent(lon, lat, radii, box, keep=keep)
    cos = math.cos(math.radians((south + north) / 2))
    assert (east - west) * cos / (north - south) == pytest.approx(box[0] / box[1])
    degrees_per_point = (north - south) / (box[1] * 72)
    for x, y, r in zip(lon, lat, radii):
        pad = (r + MARGIN_PT) * degrees_per_point
        assert contains((west, south, east, north), (x - pad / cos, y - pad, x + pad / cos, y + pad))
    for kept in keep:
        assert contains((west, south, east, north), kept)


FRAME = Bbox.from_extents(0, 0, 100, 100)
LEFT, MIDDLE, OUTSIDE = (
    Bbox.from_extents(0, 0, 20, 10),
    Bbox.from_extents(40, 0, 60, 10),
    Bbox.from_extents(90, 0, 110, 10),
)


@pytest.mark.parametrize(
    "spots,placed,circles,chosen",
    [
        # The first spot inside the frame and clear of everything.
        ([("out", OUTSIDE), ("left", LEFT), ("middle", MIDDLE)], [], [], "left"),
        # A spot over a placed label is never taken; one over a circle only when no spot is clear of both.
        ([("left", LEFT), ("middle", MIDDLE)], [Bbox.from_extents(10, 5, 30, 15)], [], "middle"),
        ([("left", LEFT), ("middle", MIDDLE)], [], [(45, 5, 50, 8)], "left"),
        ([("middle", MIDDLE), ("left", LEFT)], [], [(45, 5, 50, 8)], "left"),
        ([("left", LEFT), ("middle", MIDDLE)], [], [(5, 5, 8, 8), (45, 5, 50, 8)], "left"),
        ([("middle", MIDDLE), ("left", LEFT)], [], [(5, 5, 8, 8), (45, 5, 50, 8)], "middle"),
        # A name may touch a circle, not another name.
        ([("middle", MIDDLE), ("left", LEFT)], [], [(60, 0, 65, 5), (20, 0, 25, 5)], "middle"),
        ([("middle", MIDDLE), ("left", LEFT)], [Bbox.from_extents(60, 0, 70, 10)], [], "left"),
        ([("out", OUTSIDE), ("left", LEFT)], [LEFT], [], None),
        ([], [], [], None),
    ],
)
def test_a_name_takes_the_first_spot_clear_of_the_names_placed_and_preferably_of_the_circles(
    spots, placed, circles, chosen
):
    found = _first_clear(spots, FRAME, placed, np.array(circles, dtype=float).reshape(-1, 4))
    assert (found[0] if found else None) == chosen


def test_the_view_of_2024_holds_the_kerman_and_crocus_circles(data, shapes):
    attacks = year(data, 2024)
    box = (6.4, 5.2)
    view = view_extent(
        attacks["lon"], attacks["lat"], circle_radii(attacks), box, keep=[shapes_bounds(shapes, CENTRAL_ASIA)]
    )
    degrees_per_point = (view[3] - view[1]) / (box[1] * 72)
    cos = math.cos(math.radians((view[1] + view[3]) / 2))
    for place in ("kerman", "crocus"):
        row = attacks[attacks["id"].str.contains(place)].iloc[0]
        pad = marker_radius(row["killed_low"] + row["wounded_low"]) * degrees_per_point
        assert contains(view, (row["lon"] - pad / cos, row["lat"] - pad, row["lon"] + pad / cos, row["lat"] + pad))


def a_year_with(data, foiled: bool, pale: bool) -> tuple[int, int]:
    """The first year whose attacks include a foiled plot or not, and a vaguely placed one or not:
    the legend is checked against what the map draws, whatever the data holds that year."""
    for y in sorted(data.attacks["year"].unique()):
        attacks = year(data, y)
        vague = attacks["location_precision"].isin(["province", "country"]).any()
        if attacks["foiled"].any() == foiled and vague == pale:
            return (int(y), int(y))
    pytest.skip(f"no year with foiled={foiled} and pale={pale}")


@pytest.mark.parametrize("foiled,pale", [(True, False), (False, True), (True, True), (False, False)])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_legend_shows_the_dashed_ring_and_the_pale_circle_when_drawn(data, shapes, foiled, pale, lang):
    years = a_year_with(data, foiled, pale)
    attacks = data.attacks[data.attacks["year"].between(*years)]
    _, labels = briefing_figure(shapes, data, attacks, ["attacks"], years, "T", "C", lang, "2026-01-01")
    assert (t("legend_foiled", lang) in labels) == foiled
    assert (t("legend_vague_place", lang) in labels) == pale


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_whole_legend_fits_beside_the_map_when_every_layer_is_on(data, shapes, lang):
    fig, _ = briefing_figure(shapes, data, data.attacks, ALL_LAYERS, (1991, 2025), "T", "C", lang, "2026-01-01")
    ax = drawn(fig)
    legend = fig.legends[0].get_window_extent()
    page = fig.bbox
    assert page.x0 <= legend.x0 and legend.x1 <= page.x1 and page.y0 <= legend.y0 and legend.y1 <= page.y1
    assert not legend.overlaps(ax.get_window_extent())
    source = fig.texts[-1].get_window_extent()
    assert not legend.overlaps(source)


def test_text_from_the_data_is_printed_as_is_never_as_math(data, shapes):
    groups = data.groups.copy()
    groups.loc[groups["id"] == "iskp", ["acronym_en", "name_en"]] = ["$\\foo{$", "$x^2$ group"]
    hostile = dataclasses.replace(data, groups=groups)
    attacks = year(data, 2024)
    png = briefing_png(
        shapes,
        hostile,
        attacks,
        ["attacks"],
        (2024, 2024),
        "Attacks $in$ 2024",
        "2024 · Groups: $\\foo{$",
        "en",
        "2026-01-01",
    )
    assert Image.open(io.BytesIO(png)).size == (1600, 1000)
    _, labels = briefing_figure(shapes, hostile, attacks, ["attacks"], (2024, 2024), "T", "C", "en", "2026-01-01")
    assert "$\\foo{$ · $x^2$ group" in labels


def test_the_briefing_leaves_pyplot_alone(data, shapes):
    before = plt.get_fignums()
    fig, _ = briefing_figure(shapes, data, year(data, 2024), ["attacks"], (2024, 2024), "T", "C", "en", "2026-01-01")
    assert plt.get_fignums() == before
    plt.close(fig)


REGION_NAMES = {
    "en": ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Afghanistan"],
    "fr": ["Kazakhstan", "Kirghizistan", "Tadjikistan", "Turkménistan", "Ouzbékistan", "Afghanistan"],
}


@pytest.mark.parametrize("view", ["2024", "iskp"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_countries_are_named_in_the_ui_language_without_overlapping(data, shapes, view, lang):
    years, _, layers = VIEWS[view]
    fig, _ = briefing_figure(shapes, data, view_attacks(data, view), layers, years, "T", "C", lang, "2026-01-01")
    ax = drawn(fig)
    frame = ax.get_window_extent()
    labels = {
        text.get_text().replace("\n", " "): text.get_window_extent()
        for text in ax.texts
        if not text.get_text().endswith(" km")
    }
    assert set(REGION_NAMES[lang]) <= set(labels)
    assert len(labels) >= 15
    boxes = list(labels.values())
    for i, box in enumerate(boxes):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        assert not any(box.overlaps(other) for other in boxes[i + 1 :])
        assert box.height >= 7 * fig.dpi / 72  # at least 7 points: readable on a slide


def test_label_places_lie_inside_their_country_and_name_it_in_the_language(shapes):
    view = (40.0, 25.0, 90.0, 56.0)
    places = label_places(shapes, view, "fr")
    names = [place[0] for place in places]
    assert names[:6] == sorted(names[:6], key=lambda n: next(p[4].area for p in places if p[0] == n))
    assert set(names[:6]) == set(REGION_NAMES["fr"])
    for _name, lon, lat, _, part in places:
        assert part.contains(shapely.Point(lon, lat)) and contains(view, part.bounds)


@pytest.mark.parametrize(
    "title,caption,years,expected",
    [
        ("Jihadist attacks, 2024", "2024", (2024, 2024), ""),
        ("Jihadist attacks, 2015–2024", "2015–2024 · Groups: ISKP", (2015, 2024), "Groups: ISKP"),
        ("Attacks", "2024 · Groups: ISKP", (2024, 2024), "2024 · Groups: ISKP"),
        ("Jihadist attacks, 2024", "2024 attacks", (2024, 2024), "2024 attacks"),
    ],
)
def test_the_subtitle_does_not_repeat_the_title_s_period(title, caption, years, expected):
    assert subtitle(title, caption, years, "en") == expected


def test_the_briefing_names_its_period_once(data, shapes):
    fig, _ = briefing_figure(
        shapes,
        data,
        year(data, 2024),
        ["attacks"],
        (2024, 2024),
        "Jihadist attacks, 2024",
        "2024 · Groups: ISKP",
        "en",
        "2026-01-01",
    )
    texts = " ".join(text.get_text() for text in fig.texts)
    assert texts.count("2024") == 1 and "Groups: ISKP" in texts


def test_the_html_export_inlines_every_asset(data, shapes):
    state = {**state_defaults((1991, 2025)), params.LAYERS: ["attacks", "borders", "bases"]}
    payload = compact_json(event_payload(data.attacks, data.groups, data.sources, "en"))
    html = standalone_html(
        basemap(basemap_collections(shapes), "en"),
        overlays(data, data.attacks, payload, state, shapes, "en", "k", "credit"),
    )
    # Links (such as Leaflet's credit) load nothing; scripts, styles and images would.
    assert not re.findall(r"""(?:<script[^>]*\bsrc|<link[^>]*\bhref|<img[^>]*\bsrc)=["'](?:https?:)?//""", html)
    assert "/app/static/" not in html and "L.CajnEvents" in html and "data:image/png;base64" in html


@pytest.mark.parametrize(
    "title,stamp,expected",
    [
        ("Jihadist attacks, 2024", None, "<title>Jihadist attacks, 2024</title>"),
        (None, ["<b>Attacks</b> & plots, 2024", "2024"], "<title>&lt;b&gt;Attacks&lt;/b&gt; &amp; plots, 2024</title>"),
    ],
)
def test_the_html_export_is_titled_with_the_map_s_title(data, shapes, title, stamp, expected):
    state = state_defaults((1991, 2025))
    attacks = year(data, 2024)
    payload = compact_json(event_payload(attacks, data.groups, data.sources, "en"))
    html = standalone_html(
        basemap(basemap_collections(shapes), "en"),
        overlays(data, attacks, payload, state, shapes, "en", "k", "credit", stamp),
        title=title,
    )
    assert expected in html and html.count("<title>") == 1
    # The encoding is declared before anything else, within the first 1024 bytes as browsers require.
    assert html.index('<meta charset="utf-8">') < 100


def test_the_csv_export_starts_with_its_citation(data):
    rows = year(data, 2024).head(2)
    text = to_csv_with_citation(rows.drop(columns="geometry"), data.sources, "2024", "en").decode()
    first, header = text.splitlines()[:2]
    assert first.startswith("# Jihadist networks in Central Asia dashboard") and "View: 2024" in first
    for source_id in rows["source_ids"].iloc[0].split(";"):
        assert source_id in first
    assert header.startswith("id,")


def test_the_map_offers_four_downloads(data, shapes):
    state = state_defaults((1991, 2025))
    criteria = {"years": (2024, 2024)}
    items = map_downloads(
        data,
        shapes,
        basemap_collections(shapes),
        year(data, 2024),
        "{}",
        state,
        criteria,
        "2024",
        "en",
        "k",
        "2026-01-01",
    )
    assert [name for _, _, name, _ in items] == [
        "attacks-2024-2024.png",
        "attacks-2024-2024-300dpi.png",
        "attacks-2024-2024.html",
        "attacks-2024-2024.csv",
    ]


@pytest.mark.parametrize("step", STEPS, ids=[s.key for s in STEPS])
def test_every_story_step_is_cited_and_shows_what_it_speaks_of(data, step):
    assert step_sources(step, data.attacks, data.events, data.sources)
    for lang in LANGUAGES:
        assert step.title[lang] and len(step.text[lang]) > 80
        if lang != "en":  # translated in the language's catalogue, not left in English
            assert step.title[lang] != step.title["en"] and step.text[lang] != step.text["en"]
            assert step.chapter[lang] != step.chapter["en"]
    attacks = data.attacks.set_index("id")
    for record in step.records:
        if record in attacks.index:
            assert step.years[0] <= attacks.at[record, "year"] <= step.years[1]
    state = step_state(step)
    assert state[params.YEARS] == step.years and set(state[params.LAYERS]) == set(step.layers)


@pytest.mark.parametrize(
    "page,previous,query,applied",
    [
        ("story", None, {"step": ["3"]}, True),  # a link to a step
        ("story", None, {}, True),  # the story's own link
        ("story", None, {"step": ["3"], "years": ["1991", "1992"]}, False),  # a link that sets its years
        ("story", "", {"years": ["1991", "1992"]}, True),  # from the map, by the sidebar
        ("story", "story", {}, False),  # a rerun on the story itself
        ("", None, {"step": ["3"]}, False),  # another page
    ],
)
def test_entering_the_story_shows_the_steps_view_unless_a_link_names_years(page, previous, query, applied):
    viewed = {**state_defaults((1991, 2025)), **story_view(3, page, previous, query.keys())}
    assert (viewed[params.YEARS] == STEPS[2].years) is applied


def place_texts(ax) -> dict[str, object]:
    """The names written on the map, country and city, by their text."""
    return {text.get_text().replace("\n", " "): text for text in ax.texts if not text.get_text().endswith("km")}


@pytest.mark.parametrize(
    "lang,cities",
    [
        ("en", {"Tashkent", "Kabul", "Dushanbe", "Astana"}),
        ("fr", {"Tachkent", "Kaboul", "Astana"}),
        ("ru", {"Ташкент", "Кабул", "Астана"}),
    ],
)
def test_the_briefing_names_the_main_cities_of_its_extent_without_overlaps(data, shapes, lang, cities):
    attacks = data.attacks[data.attacks["lon"].between(55, 80) & data.attacks["lat"].between(36, 44)]
    fig, _ = briefing_figure(shapes, data, attacks, ["attacks"], (1991, 2025), "T", "C", lang, "2026-01-01")
    ax = drawn(fig)
    texts = place_texts(ax)
    assert cities <= set(texts)
    boxes = [text.get_window_extent() for text in texts.values()]
    frame = ax.get_window_extent()
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 for b in boxes)
    overlapping = [
        (a, b) for i, a in enumerate(texts) for j, b in enumerate(texts) if i < j and boxes[i].overlaps(boxes[j])
    ]
    assert overlapping == []
    # Under the circles: a name never hides an attack.
    circles = max(collection.get_zorder() for collection in ax.collections)
    assert all(texts[name].get_zorder() < circles for name in cities)


def test_the_credits_stay_on_the_page_in_every_language(data, shapes):
    for lang in ("en", "fr", "ru"):
        fig, _ = briefing_figure(shapes, data, data.attacks, ["attacks"], (1991, 2025), "T", "C", lang, "2026-01-01")
        source = fig.texts[-1]
        assert t("briefing_places_credit", lang) in source.get_text().replace("\n", " ")
        assert source.get_window_extent().x1 <= fig.bbox.x1

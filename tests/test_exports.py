"""Exports and the story: briefing image, offline HTML, cited CSV, and every story step."""
from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from geo import params
from geo.basemap import basemap_collections, compact_json
from geo.briefing import briefing_figure, briefing_png, extent, nice_km
from geo.maplayers import basemap, event_payload
from geo.mapview import map_downloads, overlays
from geo.standalone import standalone_html
from geo.story import STEPS, step_sources, step_state, story_view
from geo.tables import to_csv_with_citation
from geo.urlstate import state_defaults


def year(data, y):
    return data.attacks[data.attacks["year"] == y]


@pytest.mark.parametrize("dpi,width", [(150, 1600), (300, 3200)])
def test_the_briefing_image_has_the_requested_size_and_is_not_blank(data, shapes, dpi, width):
    png = briefing_png(shapes, data, year(data, 2024), ["attacks", "borders"], (2024, 2024), "Attacks in 2024",
                       "2024", "en", "2026-01-01", dpi=dpi)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size[0] == width and image.size[1] == width * 10 // 16
    pixels = np.asarray(image.convert("L"), dtype=float)
    assert pixels.std() > 20 and (pixels < 128).mean() > 0.01


@pytest.mark.parametrize("years,layers", [((2024, 2024), ["attacks"]), ((1999, 2004), ["attacks", "bases", "borders"]),
                                          ((2015, 2024), ["attacks", "choropleth", "foreign_bases"])])
def test_the_briefing_legend_lists_the_groups_drawn(data, shapes, years, layers):
    attacks = data.attacks[data.attacks["year"].between(*years)]
    fig, labels = briefing_figure(shapes, data, attacks, layers, years, "T", "C", "en", "2026-01-01")
    groups = data.groups.set_index("id")
    for group_id in set(attacks["group_id"]) - {"unknown"}:
        acronym = groups.at[group_id, "acronym_en"] or groups.at[group_id, "name_en"]
        assert any(label.startswith(acronym) for label in labels)
    drawn = [label for label in labels if "·" in label]
    assert len(drawn) == len({g for g in attacks["group_id"] if g != "unknown" and groups.at[g, "acronym_en"]})


def test_the_briefing_legend_would_catch_a_missing_group(data, shapes):
    attacks = year(data, 2024)
    _, labels = briefing_figure(shapes, data, attacks[attacks["group_id"] == "iskp"], ["attacks"], (2024, 2024),
                                "T", "C", "en", "2026-01-01")
    assert not any(label.startswith("IS ·") for label in labels)


@pytest.mark.parametrize("span_km,expected", [(4000, 500), (900, 100), (12_000, 2000), (60, 10)])
def test_the_scale_bar_takes_a_round_length(span_km, expected):
    assert nice_km(span_km) == expected


def test_an_empty_selection_shows_the_region():
    assert extent(pd.DataFrame({"lon": [], "lat": []})) == (44.0, 28.0, 90.0, 52.0)


def test_the_html_export_inlines_every_asset(data, shapes):
    state = {**state_defaults((1991, 2025)), params.LAYERS: ["attacks", "borders", "bases"]}
    payload = compact_json(event_payload(data.attacks, data.groups, data.sources, "en"))
    html = standalone_html(basemap(basemap_collections(shapes), "en"),
                           overlays(data, data.attacks, payload, state, shapes, "en", "k", "credit"))
    # Links (such as Leaflet's credit) load nothing; scripts, styles and images would.
    assert not re.findall(r"""(?:<script[^>]*\bsrc|<link[^>]*\bhref|<img[^>]*\bsrc)=["'](?:https?:)?//""", html)
    assert "/app/static/" not in html and "L.CajnEvents" in html and "data:image/png;base64" in html


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
    items = map_downloads(data, shapes, basemap_collections(shapes), year(data, 2024), "{}", state, criteria, "2024",
                          "en", "k", "2026-01-01")
    assert [name for _, _, name, _ in items] == ["attacks-2024-2024.png", "attacks-2024-2024-300dpi.png",
                                                 "attacks-2024-2024.html", "attacks-2024-2024.csv"]


@pytest.mark.parametrize("step", STEPS, ids=[s.key for s in STEPS])
def test_every_story_step_is_cited_and_shows_what_it_speaks_of(data, step):
    assert step_sources(step, data.attacks, data.events, data.sources)
    for lang in ("en", "fr"):
        assert step.title[lang] and len(step.text[lang]) > 80
    attacks = data.attacks.set_index("id")
    for record in step.records:
        if record in attacks.index:
            assert step.years[0] <= attacks.at[record, "year"] <= step.years[1]
    state = step_state(step)
    assert state[params.YEARS] == step.years and set(state[params.LAYERS]) == set(step.layers)


@pytest.mark.parametrize("page,previous,query,applied", [
    ("story", None, {"step": ["3"]}, True),                               # a link to a step
    ("story", None, {}, True),                                            # the story's own link
    ("story", None, {"step": ["3"], "years": ["1991", "1992"]}, False),   # a link that sets its years
    ("story", "", {"years": ["1991", "1992"]}, True),                     # from the map, by the sidebar
    ("story", "story", {}, False),                                        # a rerun on the story itself
    ("", None, {"step": ["3"]}, False),                                   # another page
])
def test_entering_the_story_shows_the_steps_view_unless_a_link_names_years(page, previous, query, applied):
    viewed = {**state_defaults((1991, 2025)), **story_view(3, page, previous, query.keys())}
    assert (viewed[params.YEARS] == STEPS[2].years) is applied

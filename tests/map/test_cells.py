"""Attacks aggregated into grid cells per year: which cell a point falls in, what a cell counts and
sums, how the payload packs it, and when the map switches to cells."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from geo import params
from geo.map import cells
from geo.map.cells import (
    AGGREGATE_ABOVE,
    CELL_DEGREES,
    CELL_LEVELS,
    GRID_FIELDS,
    LEVEL_ZOOM,
    ROW_FIELDS,
    aggregated,
    cell_levels,
    cell_of,
    cell_payload,
    cell_radius,
    cell_years,
    level_degrees,
    looks_note,
    toll_sums,
    unpack_rows,
)
from geo.map.events import event_layer, map_payload
from geo.map.legend import cell_sections
from geo.map.markers import RADIUS_BASE, RADIUS_MAX
from geo.map.overlays import overlay_specs
from geo.state.urlstate import state_defaults
from geo.text.escape import compact_json
from tests.samples import attack, frame


@pytest.mark.parametrize(
    "n,above,expected",
    [
        (AGGREGATE_ABOVE, None, False),
        (AGGREGATE_ABOVE + 1, None, True),
        (0, None, False),
        (10, 9, True),
        (10, 10, False),
    ],
)
def test_a_selection_is_aggregated_only_past_the_threshold(n, above, expected):
    assert aggregated(n, above) is expected


@pytest.mark.parametrize(
    "n,above,lang,expected",
    [
        (AGGREGATE_ABOVE, None, "en", None),
        (AGGREGATE_ABOVE + 1, None, "en", "Past 25,000 incidents the map draws cells"),
        (AGGREGATE_ABOVE + 1, None, "fr", "Au-delà de 25\u202f000 incidents"),
        (AGGREGATE_ABOVE + 1, None, "ru", "Свыше 25\u00a0000 инцидентов"),
        (10, 9, "en", "Past 9 incidents"),
        (9, 9, "ru", None),
    ],
)
def test_colour_and_size_say_why_they_do_nothing_only_on_cells(n, above, lang, expected):
    note = looks_note(n, lang, above)
    assert note is None if expected is None else note.startswith(expected)


@pytest.mark.parametrize(
    "lat,lon,degrees,expected",
    [
        (40.4, 72.8, 0.5, (80, 145)),
        # On an edge: the cell north or east of it.
        (40.5, 73.0, 0.5, (81, 146)),
        (40.49999, 72.99999, 0.5, (80, 145)),
        # South and west of zero the cell is below, not towards zero.
        (-0.1, -0.1, 0.5, (-1, -1)),
        (40.4, 72.8, 1.0, (40, 72)),
    ],
)
def test_each_point_falls_in_one_cell(lat, lon, degrees, expected):
    row, column = cell_of(np.array([lat]), np.array([lon]), degrees)
    assert (int(row[0]), int(column[0])) == expected


@pytest.mark.parametrize(
    "low,high,expected",
    [
        (9, 20, (9, 20)),
        # A missing high estimate counts as its low, a missing low as none.
        (4, None, (4, 4)),
        (None, 3, (0, 3)),
        (None, None, (0, 0)),
    ],
)
def test_tolls_add_up_as_the_headline_figures_do(low, high, expected):
    low_sum, high_sum = toll_sums(pd.Series([low], dtype="Int64"), pd.Series([high], dtype="Int64"))
    assert (low_sum.iloc[0], high_sum.iloc[0]) == expected


# Osh twice in 1999 (one foiled, one with unknown tolls) and once in 2004; Kabul in 1999.
OSH = {"lat": 40.53, "lon": 72.79}
KABUL = {"lat": 34.53, "lon": 69.17}
# Points on edges of cells, either side of the equator and of the meridian, and in between.
POINTS = [(34.53, 69.17), (-0.01, -0.01), (0.0, 0.0), (40.5, 72.75), (-33.87, 151.21), (64.1, -21.9), (0.0625, -0.0625)]
SAMPLE = frame(
    attack("a", "1999-02-16", killed=(9, 20), wounded=(15, None), **OSH),
    attack("b", "1999-05-01", killed=(None, None), wounded=(None, None), foiled=True, **OSH),
    attack("c", "2004-03-29", killed=(2, 2), wounded=(1, 3), **OSH),
    attack("d", "1999-07-07", group="iskp", country="AFG", killed=(1, 1), wounded=(0, 0), **KABUL),
)


def test_cells_count_incidents_and_sum_their_tolls_per_year():
    centres, rows = cell_years(SAMPLE)
    assert centres[["lat", "lon"]].to_numpy().tolist() == [[34.75, 69.25], [40.75, 72.75]]
    assert centres[["row", "column"]].to_numpy().tolist() == [[69, 138], [81, 145]]
    assert rows.columns.tolist() == list(ROW_FIELDS)
    assert rows.to_numpy().tolist() == [
        # cell, year, incidents, foiled, killed low-high, wounded low-high
        [0, 1999, 1, 0, 1, 1, 0, 0],
        [1, 1999, 2, 1, 9, 20, 15, 15],
        [1, 2004, 1, 0, 2, 2, 1, 3],
    ]


def test_every_incident_is_in_one_row_whatever_the_grid():
    for degrees in (0.1, 0.5, 2.0, 30.0):
        _, rows = cell_years(SAMPLE, degrees)
        assert rows["incidents"].sum() == len(SAMPLE)


@pytest.mark.parametrize(
    "lang,note,zoom_in,finest",
    [
        (
            "en",
            "4 incidents over all years, more than 3: the map shows them aggregated in cells of 0.5° per year.",
            "Zooming in splits the cells, down to 0.0625°.",
            "At this zoom the cells are at their finest, 0.0625°.",
        ),
        (
            "fr",
            "4 incidents sur toutes les années, plus de 3 : la carte les montre agrégés en mailles de 0,5°",
            "En zoomant, les mailles se divisent, jusqu’à 0,0625°.",
            "À ce zoom, les mailles sont au plus fin : 0,0625°.",
        ),
        (
            "ru",
            "Инцидентов за все годы: 4, больше 3: на карте они сведены в ячейки 0,5° по годам.",
            "При увеличении ячейки делятся, вплоть до 0,0625°.",
            "При таком масштабе ячейки самые мелкие: 0,0625°.",
        ),
    ],
)
def test_the_payload_packs_the_finest_cells_and_their_rows_and_says_what_it_counts(lang, note, zoom_in, finest):
    payload = cell_payload(SAMPLE, lang, above=3)
    unpacked = unpack_rows(payload["rows"], payload["row_count"])
    grid = unpack_rows(payload["cells"], payload["cell_count"], GRID_FIELDS)
    centres, rows = cell_years(SAMPLE, level_degrees()[-1])
    assert payload["n"] == 4 and payload["grid"] == {"degrees": level_degrees(), "zoom": LEVEL_ZOOM}
    assert payload["fields"] == list(ROW_FIELDS) and payload["row_count"] == len(rows)
    assert {field: column.tolist() for field, column in unpacked.items()} == {f: rows[f].tolist() for f in ROW_FIELDS}
    assert payload["cell_fields"] == list(GRID_FIELDS) and payload["cell_count"] == len(centres)
    assert {field: column.tolist() for field, column in grid.items()} == {f: centres[f].tolist() for f in GRID_FIELDS}
    sizes = [f"{degrees}°".replace(".", "." if lang == "en" else ",") for degrees in level_degrees()]
    assert [size in title for size, title in zip(sizes, payload["labels"]["titles"])] == [True] * CELL_LEVELS
    notes = payload["labels"]["notes"]
    assert len(notes) == CELL_LEVELS and notes[0].startswith(note)
    assert all(text.endswith(zoom_in) for text in notes[:-1]) and notes[-1].endswith(finest)
    assert json.loads(compact_json(payload)) == payload


def test_the_levels_halve_the_cells_from_half_a_degree():
    assert level_degrees() == [CELL_DEGREES, 0.25, 0.125, 0.0625]


# The sample makes three rows (a place and a year each) at every level; SPREAD's seven points lie
# in seven cells at every level, one year.
SPREAD = frame(*(attack(str(k), "2001-06-01", lat=lat, lon=lon) for k, (lat, lon) in enumerate(POINTS)))


@pytest.mark.parametrize(
    "attacks,budget,levels,rows",
    [
        (SAMPLE, 3, 4, 3),
        (SAMPLE, 2, 1, 3),  # the coarsest level is sent whatever its rows
        (SAMPLE, 0, 1, 3),
        (SPREAD, 7, 4, 7),
        (SPREAD, 6, 1, 7),
    ],
)
def test_finer_levels_are_sent_while_their_rows_fit_the_budget(attacks, budget, levels, rows):
    degrees, cells_, found = cell_levels(attacks, budget)
    assert degrees == level_degrees()[:levels] and len(found) == rows
    assert found["incidents"].sum() == len(attacks) and len(cells_) == found["cell"].nunique()


def test_the_payload_names_the_levels_it_sends(monkeypatch):
    monkeypatch.setattr(cells, "ROW_BUDGET", 2)
    payload = cell_payload(SAMPLE, "en", above=3)
    assert payload["grid"]["degrees"] == [CELL_DEGREES]
    assert payload["labels"]["titles"] == ["Incidents aggregated in a 0.5° cell"]
    assert [
        note.endswith("At this zoom the cells are at their finest, 0.5°.") for note in payload["labels"]["notes"]
    ] == [True]


@pytest.mark.parametrize("level", range(CELL_LEVELS))
def test_a_coarser_cell_holds_the_finer_ones_its_grid_covers(level):
    # What the browser does to find a cell's cell on a coarser level, a floor division by two per
    # level of the finest grid's row and column, places each point as that level's grid does.
    lats, lons = [lat for lat, _ in POINTS], [lon for _, lon in POINTS]
    degrees = level_degrees()
    shift = CELL_LEVELS - 1 - level
    row, column = cell_of(lats, lons, degrees[level])
    fine_row, fine_column = cell_of(lats, lons, degrees[-1])
    assert (fine_row >> shift).tolist() == row.tolist() and (fine_column >> shift).tolist() == column.tolist()


def test_the_check_of_nesting_fails_on_grids_that_do_not_nest():
    # A grid of a third of a degree does not nest in the half-degree one: the check above would say so.
    lats, lons = [lat for lat, _ in POINTS], [lon for _, lon in POINTS]
    row, _ = cell_of(lats, lons, CELL_DEGREES)
    third, _ = cell_of(lats, lons, 1 / 3)
    assert (third >> 1).tolist() != row.tolist()


@pytest.mark.parametrize("incidents,radius", [(0, RADIUS_BASE), (100, None), (10_000, RADIUS_MAX), (10**6, RADIUS_MAX)])
def test_a_cell_grows_with_the_root_of_its_incidents_up_to_the_cap(incidents, radius):
    if radius is None:
        assert RADIUS_BASE < cell_radius(incidents) < RADIUS_MAX
    else:
        assert cell_radius(incidents) == pytest.approx(radius)


def test_the_legend_draws_cells_at_their_size_in_the_page_language():
    sizes, heat = cell_sections("ru", heat=True)
    assert [item["size"] for item in sizes["items"]] == [round(2 * cell_radius(n) + 2) for n in (1, 100, 10_000)]
    assert [item["label"] for item in sizes["items"]] == ["1 инцидент", "100 инцидентов", "10\xa0000 инцидентов"]
    assert [item["label"] for item in heat["items"]] == ["Мало инцидентов", "Много инцидентов"]
    assert [len(cell_sections("en", heat, points)) for heat, points in ((False, True), (True, False))] == [1, 1]
    assert cell_sections("en", heat=True, points=False)[0]["title"] == "Heatmap"


def test_the_map_sends_cells_past_the_threshold_and_events_below_it(data, shapes, monkeypatch):
    view = {**state_defaults((1991, 2025)), params.LAYERS: ["attacks", "heatmap"]}
    below = map_payload(SAMPLE, data.groups, data.sources, "en")
    assert "columns" in below and "cells" not in below
    monkeypatch.setattr(cells, "AGGREGATE_ABOVE", 3)
    above = map_payload(SAMPLE, data.groups, data.sources, "en")
    assert "cells" in above and "columns" not in above
    assert event_layer(compact_json(above), len(SAMPLE), True, True, "k").factory == "cajnCells"
    specs = overlay_specs(data, SAMPLE, compact_json(above), view, shapes, "en", "k", "credit")
    factories = [spec.factory for spec in specs]
    assert "cajnCells" in factories and "cajnEvents" not in factories
    legend = json.loads(next(spec.payload for spec in specs if spec.factory == "cajnLegend"))
    titles = [section["title"] for section in legend]
    assert titles[0].startswith("Circle size: incidents in the cell") and "Attacks by group" not in titles

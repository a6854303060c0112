"""Attacks aggregated into grid cells, for selections too large to send event by event.

Past `AGGREGATE_ABOVE` incidents the browser would unpack, sort and cluster every event (bench/cells.py
measures it); the map then shows one circle per cell of a `CELL_DEGREES` grid, sized by the incidents
it holds, and each zoom past `LEVEL_ZOOM` halves the cells, down to the finest of `CELL_LEVELS` nested
grids. The cells are kept per year, so that the time bar still filters them by year. The selection
holds one row per incident (geo/analysis/filters.py's `with_imports` folds the records of one event
into one row), so counting rows counts incidents, not records. static/map/README.md describes the
payload (`L.cajnCells`).
"""

from __future__ import annotations

import base64
import gzip

import numpy as np
import pandas as pd
from babel.numbers import format_decimal

from geo.map import eventpack
from geo.map.markers import RADIUS_BASE, RADIUS_MAX
from geo.text.i18n import t
from geo.text.numbers import NUMBER_LOCALES, number_text

# Chosen from bench/cells.py on a shared 2-core machine: the browser's first draw of the events,
# clustered, grows by about 0.25 ms an event past the page's own 2.5 s (4 s at 10,000 events, 7 s at
# 25,000, 13 s at 50,000, 54 s at 200,000), while cells draw in 2 to 4 s whatever the size (their
# rows are bounded by `ROW_BUDGET`) and build in about a second at 1,000,000 events.
AGGREGATE_ABOVE = 25_000
# Half a degree: about 55 km north-south, finer than a province and coarser than a city.
CELL_DEGREES = 0.5
# Up to zoom 5 a half-degree cell is some 11 pixels wide; each zoom further in halves the cells,
# which keeps them that wide, down to a sixteenth of a degree (about 7 km) from zoom 8 on: finer
# than that, a cell would be the place of a city-level record and say no more than one.
LEVEL_ZOOM = 5
CELL_LEVELS = 4
# A finer grid splits the cells further but multiplies the payload's rows (one a cell and year),
# up to one an incident on spread-out data: levels stop before their rows pass this many. A million
# synthetic events spread over the region then get two levels (272,019 rows at a quarter of a
# degree, about 2 MB of payload), 200,000 all four (195,513 rows at a sixteenth).
ROW_BUDGET = 300_000
# A cell of one incident is as large as a circle of no casualties; one of 10,000 reaches the cap.
CELL_PER_ROOT = (RADIUS_MAX - RADIUS_BASE) / 100
# One colour for every cell: a cell holds incidents of many groups.
CELL_COLOR = "#b2182b"
SUMMED = ("killed_low", "killed_high", "wounded_low", "wounded_high")
# The fields of a cell's row of the payload, in the order it packs them, each as a column of
# little-endian 32-bit integers: a million events over the region make some 70,000 rows, whose
# JSON would cost four times the bytes.
ROW_FIELDS = ("cell", "year", "incidents", "foiled", *SUMMED)
ROW_TYPE = "<i4"
# Each cell of the finest grid as its row (south to north) and column (west to east) on it: the
# browser finds the coarser cell holding it by halving both, once a level.
GRID_FIELDS = ("row", "column")


def level_degrees() -> list[float]:
    """The side of a cell at each level, coarsest first: `CELL_DEGREES` halved once a level."""
    return [CELL_DEGREES / 2**level for level in range(CELL_LEVELS)]


def aggregated(n: int, above: int | None = None) -> bool:
    """Whether a selection of `n` incidents is drawn as cells (past `AGGREGATE_ABOVE` unless told)."""
    return n > (AGGREGATE_ABOVE if above is None else above)


def cell_of(lat: np.ndarray, lon: np.ndarray, degrees: float = CELL_DEGREES) -> tuple[np.ndarray, np.ndarray]:
    """The row and column of the grid cell holding each point (a point on an edge is in the cell
    north or east of it)."""
    return np.floor(np.asarray(lat, dtype=float) / degrees).astype(np.int64), np.floor(
        np.asarray(lon, dtype=float) / degrees
    ).astype(np.int64)


def toll_sums(low: pd.Series, high: pd.Series) -> tuple[pd.Series, pd.Series]:
    """What each incident adds to a (low, high) sum, as geo/analysis/totals.py adds them up: a missing
    low counts as none, a missing high as its low."""
    low_numbers = pd.to_numeric(low, errors="coerce").astype("Float64")
    high_numbers = pd.to_numeric(high, errors="coerce").astype("Float64")
    return low_numbers.fillna(0), high_numbers.fillna(low_numbers).fillna(0)


def cell_years(attacks: pd.DataFrame, degrees: float = CELL_DEGREES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The cells that hold an attack, as (lat, lon) of their centres and (row, column) on the grid;
    and one row per cell and year with `ROW_FIELDS`: the cell's position among the first, the year,
    the incidents (foiled plots included), the foiled plots among them, and their summed tolls. Both
    in a stable order: cells south to north then west to east, rows by year then cell."""
    row, column = cell_of(attacks["lat"], attacks["lon"], degrees)
    killed_low, killed_high = toll_sums(attacks["killed_low"], attacks["killed_high"])
    wounded_low, wounded_high = toll_sums(attacks["wounded_low"], attacks["wounded_high"])
    frame = pd.DataFrame(
        {
            "row": row,
            "column": column,
            "year": attacks["date"].dt.year.to_numpy(dtype=np.int64),
            "incidents": 1,
            "foiled": attacks["foiled"].fillna(False).to_numpy(dtype=np.int64),
            "killed_low": killed_low.to_numpy(dtype=float),
            "killed_high": killed_high.to_numpy(dtype=float),
            "wounded_low": wounded_low.to_numpy(dtype=float),
            "wounded_high": wounded_high.to_numpy(dtype=float),
        }
    )
    sums = frame.groupby(["row", "column", "year"], sort=True).sum().reset_index()
    grid = sums[["row", "column"]].drop_duplicates(ignore_index=True)
    cells = pd.DataFrame(
        {
            "lat": (grid["row"] + 0.5) * degrees,
            "lon": (grid["column"] + 0.5) * degrees,
            "row": grid["row"],
            "column": grid["column"],
        },
        index=grid.index,
    )
    position = pd.MultiIndex.from_frame(grid).get_indexer(pd.MultiIndex.from_frame(sums[["row", "column"]]))
    rows = sums.assign(cell=position)[list(ROW_FIELDS)].astype(np.int64)
    return cells, rows.sort_values(["year", "cell"], ignore_index=True)


def pack_rows(rows: pd.DataFrame, fields: tuple[str, ...] = ROW_FIELDS) -> str:
    """The `fields` columns of `rows`, one after the other, gzip-compressed and in base64 (as
    geo/map/eventpack.py packs events, at its compression level)."""
    buffer = b"".join(rows[field].to_numpy(dtype=ROW_TYPE).tobytes() for field in fields)
    return base64.b64encode(gzip.compress(buffer, compresslevel=eventpack.COMPRESS_LEVEL, mtime=0)).decode("ascii")


def unpack_rows(text: str, m: int, fields: tuple[str, ...] = ROW_FIELDS) -> dict[str, np.ndarray]:
    """The columns back from `pack_rows`'s output of `m` rows, as the browser reads them."""
    buffer = gzip.decompress(base64.b64decode(text))
    size = np.dtype(ROW_TYPE).itemsize * m
    return {field: np.frombuffer(buffer[k * size : (k + 1) * size], dtype=ROW_TYPE) for k, field in enumerate(fields)}


def cell_levels(attacks: pd.DataFrame, budget: int | None = None) -> tuple[list[float], pd.DataFrame, pd.DataFrame]:
    """The levels sent for `attacks`, as the side of their cells, coarsest first; and the cells and
    rows (`cell_years`) of the finest of them. The coarsest level always; each finer one while its
    rows stay within `budget` (`ROW_BUDGET` unless told)."""
    budget = ROW_BUDGET if budget is None else budget
    degrees = level_degrees()
    cells, rows = cell_years(attacks, degrees[0])
    count = 1
    while count < len(degrees):
        finer_cells, finer_rows = cell_years(attacks, degrees[count])
        if len(finer_rows) > budget:
            break
        cells, rows, count = finer_cells, finer_rows, count + 1
    return degrees[:count], cells, rows


def cell_labels(lang: str, n: int, above: int | None = None, degrees: list[float] | None = None) -> dict:
    """The words the browser needs for the cells' tooltips, popups and note, in `lang`: the popup's
    title and the note once per level of `degrees` (every level unless told), coarsest first."""
    limit = number_text(AGGREGATE_ABOVE if above is None else above, lang)
    # Four decimals: a sixteenth of a degree written whole, 0.0625.
    sizes = [format_decimal(side, format="0.####", locale=lang) for side in degrees or level_degrees()]
    finest = sizes[-1]
    return {
        "titles": [t("grid_title", lang, degrees=size) for size in sizes],
        "incidents": t("grid_incidents", lang),
        "foiled": t("grid_foiled", lang),
        "years": t("grid_years", lang),
        "killed": t("killed", lang),
        "wounded": t("wounded", lang),
        "notes": [
            t("grid_note", lang, n=number_text(n, lang), limit=limit, degrees=size)
            + " "
            + (t("grid_zoom_in", lang, finest=finest) if size != finest else t("grid_finest", lang, finest=finest))
            for size in sizes
        ],
        "popup_note": t("grid_popup_note", lang, limit=limit),
    }


def looks_note(n: int, lang: str, above: int | None = None) -> str | None:
    """Why the map's Colour by and Size by do nothing for a selection of `n` incidents drawn as
    cells, in `lang`; None when it is drawn event by event and they apply."""
    if not aggregated(n, above):
        return None
    return t("looks_in_cells", lang, n=number_text(AGGREGATE_ABOVE if above is None else above, lang))


def cell_payload(attacks: pd.DataFrame, lang: str, above: int | None = None) -> dict:
    """Everything the browser needs to draw `attacks` as cells: the levels (`cell_levels`), the
    cells of the finest packed as `GRID_FIELDS` columns and their rows per year as `ROW_FIELDS`
    columns, how circles are sized, and the words in `lang`."""
    degrees, cells, rows = cell_levels(attacks)
    return {
        "n": len(attacks),
        "cell_count": len(cells),
        "cell_fields": list(GRID_FIELDS),
        "cells": pack_rows(cells, GRID_FIELDS),
        "grid": {"degrees": degrees, "zoom": LEVEL_ZOOM},
        "fields": list(ROW_FIELDS),
        "row_count": len(rows),
        "rows": pack_rows(rows),
        "color": CELL_COLOR,
        "radius": {"base": RADIUS_BASE, "per_root": CELL_PER_ROOT, "max": RADIUS_MAX},
        "locale": NUMBER_LOCALES[lang],
        "labels": cell_labels(lang, len(attacks), above, degrees),
    }


def cell_radius(incidents: int) -> float:
    """The radius of a cell's circle, in pixels: as the browser computes it from `cell_payload`'s `radius`."""
    return min(RADIUS_MAX, RADIUS_BASE + CELL_PER_ROOT * float(np.sqrt(incidents)))

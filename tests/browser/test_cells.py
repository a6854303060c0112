"""A large import on the map, in a real browser: past the threshold the map draws cells, each
popup says how many incidents it holds, in which years, and that they are aggregated, the note
on the map says how to see each incident again, and the page shows no exception."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from babel.numbers import format_decimal

from geo import keys, params
from geo.map.cells import AGGREGATE_ABOVE, CELL_DEGREES, LEVEL_ZOOM, cell_labels, cell_radius
from geo.render.tables import TABLE_ROWS_SHOWN
from geo.text.i18n import t
from geo.text.numbers import number_text
from tests.journeys.harness import CHROMIUM, MARKERS, PROJECTOR, Server, map_frame, start_journey
from tests.samples import gtd_export

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

# Just past the threshold: the curated attacks add to the imported ones, and the few imported
# rows that repeat a curated attack are folded into it.
ROWS = AGGREGATE_ABOVE + 1
CELL_PATHS = ".leaflet-cajnEvents-pane path.cajn-cell"

# The cells layer on the map, its incidents and cells, and what the largest cell's popup and
# tooltip say once clicked and hovered.
READ = """() => {
  let layer = null;
  window.map.eachLayer(l => { if (l.cellsShown && l._rows) { layer = l; } });
  if (!layer) { return null; }
  const [cell, incidents] = layer.cellsShown()[0];
  const circle = layer._circles[cell];
  circle.fire('mouseover', {latlng: circle.getLatLng()}, true);
  const tooltip = document.querySelector('.leaflet-tooltip').innerText;
  circle.fire('click', {latlng: circle.getLatLng()}, true);
  const popup = document.querySelector('.leaflet-popup-content');
  return {
    n: layer._payload.n,
    shown: layer.shown(),
    cells: layer.cellsShown().length,
    incidents: incidents,
    radius: circle.getRadius(),
    spec: layer.popupSpec(cell),
    title: popup.querySelector('h4').innerText,
    rows: [...popup.querySelectorAll('tr')].map(tr => [tr.cells[0].innerText, tr.cells[1].innerText]),
    popupNote: popup.querySelector('.cajn-note').innerText,
    tooltip: tooltip,
    note: document.querySelector('.cajn-cell-note').innerText,
    events: document.querySelectorAll('.leaflet-cajnEvents-pane path:not(.cajn-cell)').length,
  };
}"""


# The time bar's window set to one year: the incidents the cells then show, the years their popups
# give, and what the bar itself counts in that year (from the dates of the same selection).
ONE_YEAR = """async year => {
  let layer = null, bar = null;
  window.map.eachLayer(l => { if (l.cellsShown && l._rows) { layer = l; } if (l.playing) { bar = l; } });
  bar._set(year * 12, year * 12 + 11);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const p = bar._p, per = p.unit === "month" ? 1 : 12;
  let counted = 0;
  p.counts.forEach((count, k) => { if (Math.floor((p.span[0] * 12 + k * per) / 12) === year) { counted += count; } });
  const years = new Set(layer.cellsShown().map(([cell]) => layer.popupSpec(cell).rows.find(
    row => row.label === layer._payload.labels.years).value));
  return {shown: layer.shown(), counted: counted, years: [...years], circles: layer.cellsShown().length,
    drawn: document.querySelectorAll('path.cajn-cell').length};
}"""


CLICK_LARGEST = """() => {
  let layer = null;
  window.map.eachLayer(l => { if (l.cellsShown && l._rows) { layer = l; } });
  const circle = layer._circles[layer.cellsShown()[0][0]];
  circle.fire('click', {latlng: circle.getLatLng()}, true);
  // The popup it replaces may still be fading out: the new one comes last.
  return [...document.querySelectorAll('.leaflet-popup-content')].pop().innerText;
}"""


# The map zoomed to `zoom` over Kabul: the level of cells shown, how many hold incidents and how
# many are drawn, the note, and the title of the popup of the cell drawn nearest the centre.
ZOOM_TO = """async zoom => {
  let layer = null;
  window.map.eachLayer(l => { if (l.cellsShown && l._rows) { layer = l; } });
  window.map.setView([34.5, 69.2], zoom, {animate: false});
  await new Promise(r => setTimeout(r, 300));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const drawn = layer.cellsShown().map(([cell]) => cell).filter(cell => layer._circles[cell]);
  const centre = window.map.getCenter(), away = cell => layer._circles[cell].getLatLng().distanceTo(centre);
  const circle = layer._circles[drawn.reduce((best, cell) => away(cell) < away(best) ? cell : best)];
  circle.fire('click', {latlng: circle.getLatLng()}, true);
  return {level: layer._level, cells: layer.cellsShown().length, drawn: drawn.length, shown: layer.shown(),
    paths: document.querySelectorAll('path.cajn-cell').length,
    note: document.querySelector('.cajn-cell-note').innerText,
    title: [...document.querySelectorAll('.leaflet-popup-content')].pop().querySelector('h4').innerText};
}"""


# How many events the events layer draws, one by one (null without one).
EVENTS = """() => {
  let n = null;
  window.map.eachLayer(l => { if (l._byDay && l._payload) { n = l._payload.n; } });
  return n;
}"""


def gtd_rows(n: int, seed: int = 5) -> list[tuple]:
    """`n` GTD-layout events spread over Central Asia and Afghanistan, 1995 to 2020."""
    rng = np.random.default_rng(seed)
    days = np.datetime64("1995-01-01") + rng.integers(0, 26 * 365, n).astype("timedelta64[D]")
    lats, lons = rng.uniform(34.0, 43.0, n), rng.uniform(62.0, 75.0, n)
    killed = rng.poisson(1.5, n)
    return [
        (f"9{k:011d}", str(day), round(lat, 4), round(lon, 4), "Unknown", int(toll), None)
        for k, (day, lat, lon, toll) in enumerate(zip(days, lats, lons, killed))
    ]


@pytest.fixture(scope="module")
def big_import(tmp_path_factory):
    """The app with a GTD export of `ROWS` events named in its configuration."""
    workdir = tmp_path_factory.mktemp("cells")
    export = workdir / "gtd_big.csv"
    export.write_bytes(gtd_export(gtd_rows(ROWS)))
    env = {"DASHBOARD_USER_DIR": str(workdir / "user-data"), "DASHBOARD_IMPORTS": str(export)}
    server = Server(workdir, env=env).start()
    yield server
    server.stop()


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_a_large_import_is_drawn_as_cells_with_their_counts(browser, big_import, lang):
    walk = start_journey(browser, big_import, f"cells-{lang}", viewport=PROJECTOR)
    walk.open(f"/?lang={lang}")
    frame = map_frame(walk.page)
    frame.wait_for_selector(CELL_PATHS, timeout=300_000)
    walk.idle(timeout=300_000)
    drawn = frame.evaluate(READ)

    assert drawn is not None, "no cells layer on the map"
    assert drawn["n"] > AGGREGATE_ABOVE and drawn["events"] == 0
    assert frame.locator(CELL_PATHS).count() == drawn["cells"] > 1
    assert drawn["radius"] == pytest.approx(cell_radius(drawn["incidents"]))
    # The popup: how many, in which years, the tolls summed, that they are aggregated.
    size, limit = format_decimal(CELL_DEGREES, locale=lang), number_text(AGGREGATE_ABOVE, lang)
    assert drawn["title"].strip() == t("grid_title", lang, degrees=size)
    labels = [label for label, _ in drawn["rows"]]
    assert labels[0] == t("grid_incidents", lang) and labels[-3:] == [
        t("grid_years", lang),
        t("killed", lang),
        t("wounded", lang),
    ]
    assert drawn["rows"][0][1] == number_text(drawn["incidents"], lang)
    first, _, last = drawn["rows"][-3][1].partition("–")
    assert 1991 <= int(first) <= int(last or first) <= 2026
    assert [[row["label"], row["value"]] for row in drawn["spec"]["rows"]] == drawn["rows"]
    assert drawn["popupNote"] == t("grid_popup_note", lang, limit=limit)
    assert drawn["tooltip"].startswith(f"{t('grid_incidents', lang)}: {number_text(drawn['incidents'], lang)}")
    # The note on the map says how many incidents, aggregated how, and how to see each one again.
    assert drawn["note"].startswith(t("grid_note", lang, n=number_text(drawn["n"], lang), limit=limit, degrees=size))
    assert drawn["note"] == cell_labels(lang, drawn["n"])["notes"][0]
    # The legend says what the circles count.
    assert t("legend_cells", lang) in frame.locator(".cajn-legend").inner_text()
    # The time bar still scrubs the cells by year.
    year = frame.evaluate(ONE_YEAR, 2005)
    assert year["years"] == ["2005"] and 0 < year["shown"] == year["counted"] < drawn["n"]
    assert year["drawn"] == year["circles"] < drawn["cells"]
    popup = frame.evaluate(CLICK_LARGEST)
    assert "2005" in popup and t("grid_title", lang, degrees=size) in popup
    walk.page.locator("iframe[title='streamlit_folium.st_folium']").scroll_into_view_if_needed()
    walk.page.wait_for_timeout(500)
    walk.shot("map")
    # Zooming in splits the cells, down to the finest grid; the cells out of view are left undrawn;
    # the same incidents are counted at every level; zooming out again joins them.
    labels = cell_labels(lang, drawn["n"])
    for zoom in (LEVEL_ZOOM + 2, LEVEL_ZOOM + 5):
        zoomed = frame.evaluate(ZOOM_TO, zoom)
        level = min(zoom - LEVEL_ZOOM, len(labels["notes"]) - 1)
        assert zoomed["level"] == level and zoomed["shown"] == year["shown"]
        assert zoomed["cells"] > year["circles"] and 0 < zoomed["drawn"] == zoomed["paths"] < zoomed["cells"]
        assert zoomed["note"] == labels["notes"][level] and zoomed["title"] == labels["titles"][level]
        walk.page.wait_for_timeout(400)
        walk.shot(f"zoom-{zoom}")
    back = frame.evaluate(ZOOM_TO, 4)
    assert back["level"] == 0 and back["cells"] == back["paths"] == year["circles"]
    # The table under the map lists its first rows and says where all of them are.
    head = t("table_rows_capped", lang, shown=number_text(TABLE_ROWS_SHOWN, lang), total="\0").split("\0")[0]
    walk.page.locator(f".st-key-{keys.SELECTED_EVENTS}").get_by_text(head).wait_for(timeout=60_000)
    grid = walk.page.locator(f".st-key-{keys.SELECTED_EVENTS} table[role='grid']")
    assert int(grid.get_attribute("aria-rowcount")) == TABLE_ROWS_SHOWN + 1
    # No field colours or sizes a cell: both choices are greyed out, and their help says why.
    for key in (params.COLOR_BY, params.SIZE_BY):
        looks = walk.page.locator(f".st-key-{key}")
        assert looks.locator("input").is_disabled()
        assert looks.locator("[data-testid='stTooltipIcon']").count() == 1
    walk.page.locator(f".st-key-{params.COLOR_BY} [data-testid='stTooltipIcon']").hover()
    walk.page.get_by_text(t("looks_in_cells", lang, n=limit)).wait_for(timeout=10_000)
    walk.page.wait_for_timeout(600)
    walk.shot("looks")
    assert walk.exceptions() == []
    walk.close()


def test_filtered_below_the_threshold_the_map_shows_each_incident_again(browser, big_import):
    walk = start_journey(browser, big_import, "cells-filtered", viewport=PROJECTOR)
    # Kyrgyzstan holds a small share of the imported events: far fewer than the threshold.
    walk.open(f"/?lang=en&{params.COUNTRIES}=KGZ")
    frame = map_frame(walk.page)
    # Circles, or markercluster's clusters of them past its own threshold.
    frame.wait_for_selector(f"{MARKERS}, .leaflet-cajnEvents-pane .marker-cluster", timeout=300_000)
    walk.idle(timeout=300_000)
    events = frame.evaluate(EVENTS)
    assert 0 < events <= AGGREGATE_ABOVE
    assert frame.locator(CELL_PATHS).count() == 0 and frame.locator(".cajn-cell-note").count() == 0
    assert t("legend_cells", "en") not in frame.locator(".cajn-legend").inner_text()
    for key in (params.COLOR_BY, params.SIZE_BY):
        assert walk.page.locator(f".st-key-{key} input").is_enabled()
    assert walk.exceptions() == []
    walk.close()

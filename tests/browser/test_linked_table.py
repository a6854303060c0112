"""The map and its table in a real browser on a projector's window: a row picked in the table flies
the map to its attack, rings its circle and fills the record card; a circle clicked selects its row
and moves the ring without moving the map; in English, French and Russian."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.data.load import load_dataset
from geo.data.paths import COMMITTED_DATA_DIR, ROOT
from geo.map.events import FOCUS_ZOOM
from geo.map.placenames import place_name
from tests.journeys.harness import CHROMIUM, LOCAL_HOSTS, PROJECTOR, click_attack, map_frame, map_view, markers

ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

TABLE = ".st-key-map_table"
RING = "path.cajn-ring"
# The table's header and rows, in pixels: glide's grid draws on a canvas, so a row is clicked where
# it is drawn, at the row marker on its left; its rows are read from the grid's accessible table.
HEADER, ROW = 35, 35
# Whether the ring shows inside the map, clear of the legend.
RING_CLEAR_OF_LEGEND = """() => {
  const ring = document.querySelector('path.cajn-ring').getBoundingClientRect();
  const legend = document.querySelector('.cajn-legend').getBoundingClientRect();
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const apart = ring.right < legend.left || ring.left > legend.right
    || ring.bottom < legend.top || ring.top > legend.bottom;
  return apart && ring.left > map.left && ring.right < map.right;
}"""


@pytest.fixture(scope="module")
def attacks():
    return load_dataset(COMMITTED_DATA_DIR).attacks.set_index("id")


def selected_row(page) -> str | None:
    """The text of the table's selected row, or None."""
    rows = page.locator(f"{TABLE} tr[aria-selected='true']")
    return rows.first.text_content() if rows.count() else None


def row_start(attack, lang: str) -> str:
    """How the attack's row begins in the grid's accessible table: its date, then its place in
    `lang` (the cells' texts run together there; the id, the last column, is drawn only when
    scrolled to)."""
    return f"{attack['date']:%Y-%m-%d}{place_name(attack['city'] or '', attack['country_iso3'], lang)}"


def ring_at(frame) -> list[float] | None:
    """Where the ring is, or None when there is none."""
    return frame.evaluate(
        """() => { for (const id in map._layers) { const l = map._layers[id];
          if (l.options && l.options.className === 'cajn-ring') { const at = l.getLatLng(); return [at.lat, at.lng]; } }
          return null; }"""
    )


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_a_row_flies_the_map_to_its_attack_and_a_circle_selects_its_row(browser, app, attacks, lang):
    page = browser.new_page(viewport=PROJECTOR)
    errors, hosts = [], set()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.goto(f"{app.url}/?years=2024&years=2024&lang={lang}")
    frame = map_frame(page)
    markers(frame, int((attacks["year"] == 2024).sum()))
    start = map_view(frame)
    assert frame.locator(RING).count() == 0 and selected_row(page) is None

    grid = page.locator(TABLE)
    grid.scroll_into_view_if_needed()
    rows = page.locator(f"{TABLE} tr[aria-rowindex]")
    third = rows.nth(3).text_content()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + HEADER + ROW * 2 + ROW / 2)
    frame.wait_for_selector(RING, timeout=30_000)
    (chosen,) = [
        row for _, row in attacks[attacks["year"] == 2024].iterrows() if third.startswith(row_start(row, lang))
    ]
    frame.wait_for_function(
        "([lat, lon, zoom]) => map.getZoom() >= zoom && map.getBounds().contains([lat, lon])",
        arg=[float(chosen["lat"]), float(chosen["lon"]), FOCUS_ZOOM],
        timeout=30_000,
    )
    assert ring_at(frame) == pytest.approx([chosen["lat"], chosen["lon"]], abs=1e-4)
    assert frame.evaluate(RING_CLEAR_OF_LEGEND) is True
    assert selected_row(page) == third
    assert frame.locator(".leaflet-popup").count() == 0
    card = page.locator(".st-key-record_card")
    card.get_by_text(chosen.name).wait_for(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"map-table-row-{lang}.png"))
    assert map_view(frame) != start

    # A circle of another attack, clicked where the map now is: its row, its card, the ring, no new zoom.
    other = attacks[(attacks["year"] == 2024) & (attacks.index != chosen.name)].sort_values("date").iloc[0]
    frame.evaluate(
        "([lat, lon]) => { map.setView([lat, lon], map.getZoom(), {animate: false}); }", [other["lat"], other["lon"]]
    )
    flown = map_view(frame)
    click_attack(frame, float(other["lat"]), float(other["lon"]))
    card.get_by_text(other.name).wait_for(timeout=30_000)
    page.wait_for_function(
        "([table, wanted]) => [...document.querySelectorAll(table + \" tr[aria-selected='true']\")]"
        ".some(row => row.textContent.startsWith(wanted))",
        arg=[TABLE, row_start(other, lang)],
        timeout=30_000,
    )
    frame.wait_for_function(
        "([lat, lon]) => [...Object.values(map._layers)].some(l => l.options && l.options.className === 'cajn-ring'"
        " && map.distance(l.getLatLng(), [lat, lon]) < 1)",
        arg=[float(other["lat"]), float(other["lon"])],
        timeout=30_000,
    )
    # The popup may pan the map to open in view; the zoom the reader chose stays.
    assert map_view(frame)[0] == flown[0]
    page.screenshot(path=str(ARTIFACTS / f"map-table-click-{lang}.png"))
    assert errors == [] and hosts <= LOCAL_HOSTS
    page.close()

"""The map page with a million imported events, through the UI, against the curated data alone.

Usage: python -m bench.import_map [ROWS]

Writes a GTD export of ROWS rows (1,000,000 by default; bench/import.py's, in the columns the
importer reads), then starts the app twice as the README runs it: the baseline on the curated
data, and the same app with the export named in DASHBOARD_IMPORTS. On each, in chromium at
1280 × 720: the time from opening the map page to its title and to its attacks layer drawn (one
circle per incident, or cells past `AGGREGATE_ABOVE`), a zoom redrawn, a circle or cell clicked
until its popup opens, a second reader's first map (the caches are warm then), and the server's
resident memory after both readers and at its peak. Ratios are the import's against the baseline.
Targets on a 2-core machine with 1,000,000 rows: the first map < 180 s (the import included),
a second reader's < 30 s, a zoom < 1 s, a click < 1 s, the server < 6 GB at its peak.
"""

from __future__ import annotations

import importlib
import json
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.load_sessions import descendants, rss_mb
from tests.journeys.harness import CHROMIUM, CHROMIUM_ARGS, PROJECTOR, Server, map_frame

ROWS = 1_000_000
TARGETS = {"first_map_s": 180.0, "second_map_s": 30.0, "zoom_ms": 1000.0, "click_ms": 1000.0, "peak_mb": 6144.0}
LAYER = "Object.values(window.map._layers).find(layer => layer instanceof L.CajnEvents || layer instanceof L.CajnCells)"
DRAWN = f"() => {{ const layer = {LAYER}; return Boolean(layer && (layer._cols || layer._lo >= 0)); }}"
ZOOM = """() => new Promise(done => {
  window.map.once('zoomend', () => requestAnimationFrame(() => done()));
  window.map.setZoom(window.map.getZoom() + 1);
})"""
# The middle of the biggest circle or cell of the attacks layer that a click there would hit, in
# the page's coordinates; null when none can be.
BIGGEST = """() => {
  const shapes = [...document.querySelectorAll('.leaflet-cajnEvents-pane path.leaflet-interactive')]
    .map(path => [path, path.getBoundingClientRect()])
    .filter(([path, box]) => box.width > 0
      && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === path);
  shapes.sort((a, b) => b[1].width - a[1].width);
  const box = shapes.length ? shapes[0][1] : null;
  return box ? [box.x + box.width / 2, box.y + box.height / 2] : null;
}"""


def server_mb(server: Server) -> tuple[float, float]:
    """The resident memory of the server's processes (the README's run command starts the server
    as a child) now and at their peak, in MB."""
    pids = [server.process.pid, *descendants(server.process.pid)]
    return sum(rss_mb(pid) for pid in pids), sum(rss_mb(pid, "VmHWM") for pid in pids)


def first_map(browser, server: Server) -> tuple[dict, object]:
    """One reader's first visit to the map page: its timings, and the page left open."""
    page = browser.new_page(viewport=PROJECTOR)
    start = time.perf_counter()
    page.goto(server.url + "/")
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=900_000)
    titled = time.perf_counter() - start
    frame = map_frame(page)
    frame.wait_for_function(DRAWN, timeout=900_000)
    drawn = time.perf_counter() - start
    kind = frame.evaluate(f"() => {LAYER} instanceof L.CajnCells ? 'cells' : 'events'")
    shapes = frame.evaluate("() => document.querySelectorAll('path.leaflet-interactive').length")
    return {"title_s": round(titled, 1), "map_s": round(drawn, 1), "drawn_as": kind, "shapes": shapes}, (page, frame)


def measure(browser, server: Server) -> dict:
    figures, (page, frame) = first_map(browser, server)
    frame.locator(".leaflet-container").scroll_into_view_if_needed()
    start = time.perf_counter()
    frame.evaluate(ZOOM)
    figures["zoom_ms"] = round((time.perf_counter() - start) * 1000)
    box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    # Circles that share a place spread out on the first click, and a second opens one's popup.
    start = time.perf_counter()
    clicks = 0
    while clicks < 2 and not frame.locator(".leaflet-popup").count():
        spot = frame.evaluate(BIGGEST)
        page.mouse.click(box["x"] + spot[0], box["y"] + spot[1])
        clicks += 1
        page.wait_for_timeout(50)
    frame.wait_for_selector(".leaflet-popup", timeout=60_000)
    figures["click_ms"], figures["clicks"] = round((time.perf_counter() - start) * 1000), clicks
    second, _ = first_map(browser, server)
    figures["second_map_s"] = second["map_s"]
    figures["rss_mb"], figures["peak_mb"] = (round(mb) for mb in server_mb(server))
    return figures


def run(export: Path | None, folder: Path, playwright) -> dict:
    env = {"DASHBOARD_USER_DIR": str(folder / "user-data")}
    if export:
        env["DASHBOARD_IMPORTS"] = str(export)
    server = Server(folder, env=env).start(timeout=600)
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        figures = measure(browser, server)
        figures["first_map_s"] = figures.pop("map_s")
        return figures
    finally:
        browser.close()
        server.stop()


def main(argv: list[str]) -> int:
    rows = int(argv[0]) if argv else ROWS
    write_gtd = importlib.import_module("bench.import").write_gtd
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        export = Path(folder) / "gtd-export.csv"
        start = time.perf_counter()
        write_gtd(export, rows, width=0)
        print(f"wrote {rows:,} rows ({export.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - start:.0f} s")
        baseline = run(None, Path(folder) / "baseline", playwright)
        imported = run(export, Path(folder) / "import", playwright)
    ratios = {
        name: round(imported[name] / baseline[name], 1)
        for name in ("first_map_s", "second_map_s", "zoom_ms", "click_ms", "peak_mb")
        if baseline[name]
    }
    met = {name: imported[name] <= target for name, target in TARGETS.items()}
    print(json.dumps({"rows": rows, "baseline": baseline, "import": imported, "ratios": ratios, "met": met}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

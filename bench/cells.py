"""Large-selection benchmark: the attacks layer's payload event by event against aggregated into cells.

Usage: python -m bench.cells [SIZES...] [--browser SIZES...]

For each size, a synthetic selection (bench/map.py's, typed as the loader types an import) over
every year, as the map with a time bar sends it, built in the same run as:

- `events`: the unaggregated baseline, `event_payload` (packed columns, as below `AGGREGATE_ABOVE`);
- `cells`: `cell_payload` (geo/map/cells.py), what the page sends past `AGGREGATE_ABOVE`;

with the build time (payload and JSON) and the size of the JSON. With `--browser`, the exported
map page of each of the sizes given after it is opened in headless chromium with either payload,
and the first draw timed: from the page opened until the attacks layer is ready and two frames
have been drawn. Keep the browser sizes small on a shared machine: at 1,000,000 events the
baseline page alone is about 15 MB of script.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from bench.browser_map import LAYERS, SPAN, launch, open_drawn
from bench.map import synthetic_attacks
from geo import params
from geo.data.load import load_dataset
from geo.map.basemap import basemap_collections, display_shapes
from geo.map.cells import AGGREGATE_ABOVE, cell_payload
from geo.map.elements import basemap
from geo.map.events import event_payload
from geo.map.overlays import Timeline, feature_groups, overlay_specs
from geo.map.standalone import standalone_html
from geo.map.timebar import timebar_payload
from geo.state.urlstate import state_defaults
from geo.text.escape import compact_json

SIZES = (10_000, 200_000, 1_000_000)
COUNTRIES = ["AFG", "TJK", "UZB", "KGZ", "KAZ", "TKM", "PAK", "RUS"]


def timed(build, *args) -> tuple[float, str]:
    start = time.perf_counter()
    text = compact_json(build(*args))
    return time.perf_counter() - start, text


def page(attacks, payload_json: str, data, shapes, collections) -> str:
    """The exported map of `attacks` with its time bar, the attacks layer drawn from `payload_json`
    (the layer's factory follows the selection's size, as on the dashboard)."""
    view = {**state_defaults(SPAN), params.LAYERS: LAYERS, params.YEARS: SPAN}
    bar = compact_json(timebar_payload(attacks["date"], SPAN, SPAN, "en", "bench"))
    specs = overlay_specs(
        data, attacks, payload_json, view, shapes, "en", "bench", "bench", timeline=Timeline(bar, len(attacks), "bench")
    )
    return standalone_html(basemap(collections, "en"), feature_groups(specs), title="bench")


def first_draw(playwright, html: str, folder: Path, name: str) -> float:
    """Seconds from opening `html` until its attacks layer is ready and drawn."""
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    browser = launch(playwright)
    try:
        return open_drawn(browser, path, timeout=600_000)[1]
    finally:
        browser.close()


def browser_draws(sizes: list[int], data, shapes, collections) -> None:
    from playwright.sync_api import sync_playwright

    from geo.map import cells

    print(f"\nfirst draw in chromium (AGGREGATE_ABOVE={AGGREGATE_ABOVE:,})")
    print(f"{'events':>9} {'events_s':>9} {'cells_s':>9} {'x':>6}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        for n in sizes:
            attacks = synthetic_attacks(n, [*list(data.groups["id"]), "unknown"], COUNTRIES)
            events_json = compact_json(event_payload(attacks, data.groups, data.sources, "en"))
            cells_json = compact_json(cell_payload(attacks, "en"))
            # The baseline page asks for the events layer whatever the size, the other for cells.
            saved = cells.AGGREGATE_ABOVE
            try:
                cells.AGGREGATE_ABOVE = n
                events_html = page(attacks, events_json, data, shapes, collections)
                cells.AGGREGATE_ABOVE = n - 1
                cells_html = page(attacks, cells_json, data, shapes, collections)
            finally:
                cells.AGGREGATE_ABOVE = saved
            events_s = first_draw(playwright, events_html, Path(folder), f"events-{n}")
            cells_s = first_draw(playwright, cells_html, Path(folder), f"cells-{n}")
            print(f"{n:>9} {events_s:9.2f} {cells_s:9.2f} {events_s / cells_s:6.1f}", flush=True)


def main(argv: list[str]) -> int:
    args = argv[1:]
    browser = [int(a) for a in args[args.index("--browser") + 1 :]] if "--browser" in args else []
    sizes = [int(a) for a in (args[: args.index("--browser")] if "--browser" in args else args)]
    if not sizes and not browser:
        sizes = list(SIZES)
    data = load_dataset()
    groups = [*list(data.groups["id"]), "unknown"]
    if sizes:
        print(f"payload build (AGGREGATE_ABOVE={AGGREGATE_ABOVE:,}: the page sends cells above it)")
        heads = ("events", 9), ("events_s", 9), ("events_MB", 10), ("cells_s", 8), ("cells_MB", 9), ("rows", 7)
        print(" ".join(f"{head:>{width}}" for head, width in (*heads, ("x_time", 7), ("x_MB", 7))))
    for n in sizes:
        attacks = synthetic_attacks(n, groups, COUNTRIES)
        events_s, events_json = timed(event_payload, attacks, data.groups, data.sources, "en")
        cells_s, cells_json = timed(cell_payload, attacks, "en")
        rows = json.loads(cells_json)["row_count"]
        print(
            f"{n:>9} {events_s:9.2f} {len(events_json) / 1e6:10.2f} {cells_s:8.2f} {len(cells_json) / 1e6:9.3f}"
            f" {rows:>7} {events_s / cells_s:7.1f} {len(events_json) / len(cells_json):7.1f}",
            flush=True,
        )
    if browser:
        shapes = display_shapes(data.countries)
        browser_draws(browser, data, shapes, basemap_collections(shapes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

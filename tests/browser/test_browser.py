"""The app in a real browser: Debian's chromium, driven by playwright, fully offline."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo import keys, params
from geo.analysis.story import STEPS
from geo.data.load import load_dataset
from geo.data.paths import COMMITTED_DATA_DIR, ROOT
from geo.map.basemap import basemap_collections, display_shapes
from geo.map.elements import DRAWN_CHANNEL, START_VIEW, basemap
from geo.map.events import event_payload
from geo.map.overlays import overlays
from geo.map.standalone import standalone_html
from geo.state.urlstate import state_defaults
from geo.text.escape import compact_json
from geo.text.i18n import t
from tests.journeys.harness import BASE_PATH_PROBE, CHROMIUM, click_attack, free_port

ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1"}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


HOSTILE_ID = "2024-08-23-surovikino-penal-colony-hostage-taking"
HOSTILE_SUMMARY = "<img src=x onerror=alert(1)><b>bold</b> & <script>alert(2)</script>"


@pytest.fixture(scope="module")
def served_data(tmp_path_factory) -> Path:
    """The committed data with one attack's summary turned into markup, which must show as text."""
    target = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(COMMITTED_DATA_DIR, target)
    attacks = pd.read_csv(target / "attacks.csv", dtype=str, keep_default_na=False)
    attacks.loc[attacks["id"] == HOSTILE_ID, "summary_en"] = HOSTILE_SUMMARY
    attacks.to_csv(target / "attacks.csv", index=False)
    return target


@pytest.fixture(scope="module")
def served(served_data):
    return load_dataset(served_data)


@pytest.fixture(scope="module")
def server_log(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("server") / "server.log"


@pytest.fixture(scope="module")
def app_url(served_data, server_log):
    """The app started with the README's run command, on a free local port."""
    port = free_port()
    # A file, not a pipe: a full pipe would block the server on its next log line.
    log = server_log.open("w")
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "run"), "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "DASHBOARD_DATA_DIR": str(served_data)},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("the app did not start within 120 s")
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


DRAWN = ", ".join(
    f"[data-testid='stMain'] {part}"
    for part in (".vega-embed", "iframe", "[data-testid='stFileUploader']", "[data-testid='stDataFrame']")
)


def settle(page) -> None:
    """Wait until the page's content is drawn: its first chart, map or table, then every chart's marks."""
    page.wait_for_selector(DRAWN, timeout=60_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('svg.marks, canvas'))",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)


def visit(browser, url: str, height: int = 1000):
    """Open `url` and return the page, its console errors and every host it asked for."""
    page = browser.new_page(viewport={"width": 1400, "height": height})
    errors, hosts = [], set()

    def on_console(message):
        # On a page URL such as /data, Streamlit's frontend first looks for its server under
        # /data/_stcore/ and, on a 404, under /_stcore/: expected, not an error of the app.
        probe = BASE_PATH_PROBE.search(message.location.get("url", ""))
        if message.type == "error" and not probe:
            errors.append(message.text)

    page.on("console", on_console)
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.goto(url)
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=120_000)
    page.wait_for_timeout(1500)
    return page, errors, hosts


def test_the_first_visit_after_start_keeps_the_urls_language_after_a_click(browser, app_url):
    # Runs first on purpose: the first session pays the data load, when the browser could
    # answer with a widget's bare default instead of the value the URL set.
    page, _, _ = visit(browser, f"{app_url}/data?lang=fr&dataset=groups")
    page.locator("[data-testid='stDataFrame']").nth(1).wait_for(timeout=60_000)
    table = page.locator("[data-testid='stDataFrame']").nth(1).bounding_box()
    page.mouse.click(table["x"] + 18, table["y"] + 55)
    page.get_by_text("Sources de imu").wait_for(timeout=30_000)
    assert page.get_by_role("heading", name="Données et sources").is_visible()
    assert "lang=fr" in page.url
    page.close()


@pytest.mark.parametrize(
    "lang,query,heading,shot",
    [
        ("en", "data", "Data & sources", "data-en.png"),
        ("fr", "data?lang=fr&years=2015&years=2024&groups=iskp", "Données et sources", "data-fr-iskp.png"),
    ],
)
def test_data_page_loads_offline_without_errors(browser, app_url, lang, query, heading, shot):
    page, errors, hosts = visit(browser, f"{app_url}/{query}")
    assert page.get_by_role("heading", name=heading).is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    assert errors == []
    assert hosts <= LOCAL_HOSTS, f"requests left the machine: {hosts - LOCAL_HOSTS}"
    page.close()


def test_choosing_french_rewrites_the_page_and_the_url(browser, app_url):
    page, _, _ = visit(browser, f"{app_url}/data")
    page.locator("[data-testid='stRadio'] label").filter(has_text="FR").click()
    page.get_by_role("heading", name="Données et sources").wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('lang=fr')", timeout=30_000)
    assert "lang=fr" in page.url
    page.close()


# ---------- the map ----------

MARKERS = ".leaflet-cajnEvents-pane path.leaflet-interactive"


def map_frame(page):
    """The map's frame, once its attack markers are drawn."""
    page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=60_000)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_selector(".leaflet-container", timeout=60_000)
    return frame


def markers(frame, expected: int | None = None) -> int:
    """How many attack markers the map shows, waiting for `expected` when given."""
    if expected is not None:
        frame.wait_for_function(
            f"n => document.querySelectorAll('{MARKERS}').length === n", arg=expected, timeout=30_000
        )
    return frame.locator(MARKERS).count()


def view(frame) -> tuple:
    return tuple(frame.evaluate("() => [window.map.getZoom(), window.map.getCenter().lat, window.map.getCenter().lng]"))


@pytest.mark.parametrize(
    "query,shot,heading",
    [
        ("?years=2024&years=2024", "map-en-2024.png", "Map"),
        (
            "?lang=fr&years=2015&years=2024&groups=iskp&layers=attacks&layers=choropleth&layers=borders&layers=bases",
            "map-fr-iskp.png",
            "Carte",
        ),
    ],
)
def test_the_map_shows_one_marker_per_selected_attack(browser, app_url, served, query, shot, heading):
    page, errors, hosts = visit(browser, f"{app_url}/{query}")
    frame = map_frame(page)
    years = (2024, 2024) if "2015" not in query else (2015, 2024)
    chosen = served.attacks[served.attacks["year"].between(*years)]
    if "iskp" in query:
        chosen = chosen[chosen["group_id"] == "iskp"]
    assert markers(frame, len(chosen)) == len(chosen)
    assert page.get_by_role("heading", name=heading).is_visible()
    frame.locator(".cajn-legend").wait_for()
    assert frame.evaluate(LEGEND_SCROLLS) is False
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    assert errors == []
    assert hosts <= LOCAL_HOSTS, f"requests left the machine: {hosts - LOCAL_HOSTS}"
    page.close()


def test_moving_the_years_changes_the_markers_and_keeps_the_zoom(browser, app_url, served):
    page, errors, _ = visit(browser, f"{app_url}/?years=2015&years=2024")
    frame = map_frame(page)
    before = markers(frame, int(served.attacks["year"].between(2015, 2024).sum()))
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(800)
    zoomed = view(frame)
    high = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input[type='range']").nth(1)
    high.focus()
    for _ in range(4):
        high.press("ArrowLeft")
    page.wait_for_function("() => window.location.search.includes('years=2020')", timeout=30_000)
    after = markers(frame, int(served.attacks["year"].between(2015, 2020).sum()))
    assert after < before
    assert view(frame) == zoomed and zoomed[0] > START_VIEW["zoom"]
    assert errors == []
    page.close()


def click_marker(page, frame, attack_id: str, served) -> str:
    """Click the marker of `attack_id` and return the text of its popup."""
    row = served.attacks.set_index("id").loc[attack_id]
    return click_attack(frame, float(row["lat"]), float(row["lon"]))


def test_a_popup_lists_the_sources_and_the_card_follows(browser, app_url, served):
    page, errors, hosts = visit(browser, f"{app_url}/?years=2024&years=2024")
    frame = map_frame(page)
    markers(frame, int((served.attacks["year"] == 2024).sum()))
    text = click_marker(page, frame, "2024-03-22-crocus-city-hall-attack", served)
    assert "Sources" in text and "Record: 2024-03-22-crocus-city-hall-attack" in text
    links = frame.locator(".leaflet-popup-content a")
    assert links.count() >= 2 and links.first.get_attribute("href").startswith("http")
    assert links.first.get_attribute("rel") == "noopener noreferrer"
    page.get_by_text("2024-03-22-crocus-city-hall-attack").first.wait_for(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-popup.png"), full_page=True)
    assert errors == [] and hosts <= LOCAL_HOSTS
    page.close()


# Stamps, in the page's clock (ms since the epoch, as the map's report), when the map page's table
# and its exports first show.
BELOW_THE_MAP = f"""(() => {{
  window.__below = {{}};
  new MutationObserver(() => {{
    for (const [name, selector] of [["table", ".st-key-{keys.SELECTED_EVENTS} [data-testid='stDataFrame']"],
                                    ["exports", "[data-testid='stDownloadButton']"]]) {{
      if (!window.__below[name] && document.querySelector(selector)) {{ window.__below[name] = Date.now(); }}
    }}
  }}).observe(document, {{childList: true, subtree: true}});
}})();"""


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_the_first_map_comes_before_what_lies_below_it(browser, app_url, served, lang):
    # A new session with nothing cached, as a first visit.
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.add_init_script(BELOW_THE_MAP)
    scripts = []
    page.on("request", lambda r: scripts.append(urlparse(r.url).path) if "/app/static/" in r.url else None)
    page.goto(f"{app_url}/?lang={lang}")
    frame = map_frame(page)
    markers(frame, len(served.attacks))
    table = page.locator(f".st-key-{keys.SELECTED_EVENTS} [data-testid='stDataFrame']")
    table.wait_for(timeout=60_000)
    page.locator("[data-testid='stDownloadButton']").first.wait_for(timeout=60_000)
    report = frame.evaluate(f"() => window.__GLOBAL_DATA__.{DRAWN_CHANNEL}")
    assert re.fullmatch(r"drawn:\d+", report), report
    shown = page.evaluate("() => window.__below")
    drawn_at = int(report.split(":")[1])
    assert shown["table"] > drawn_at and shown["exports"] > drawn_at, (shown, drawn_at)
    assert page.get_by_role("heading", name=t("selected_events", lang)).count() == 1
    # The map's scripts came as one file, beside the stylesheets and Leaflet's images.
    assert [path for path in scripts if path.endswith(".js")] == ["/app/static/build/map.js"]
    table.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"map-below-{lang}.png"))
    # Back on the map from another page of the same session, nothing waits and no report is asked.
    page.locator("[data-testid='stSidebarNavLink']").nth(2).click()
    page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", state="detached", timeout=60_000)
    page.locator("[data-testid='stSidebarNavLink']").first.click()
    frame = map_frame(page)
    markers(frame, len(served.attacks))
    table.wait_for(timeout=60_000)
    asked = frame.evaluate("() => window.__GLOBAL_DATA__.returned_objects")
    assert DRAWN_CHANNEL not in asked and frame.evaluate(f"() => window.__GLOBAL_DATA__.{DRAWN_CHANNEL}") is None
    context.close()


def test_markup_in_a_summary_is_shown_as_text(browser, app_url, served):
    page, errors, _ = visit(browser, f"{app_url}/?years=2024&years=2024")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    frame = map_frame(page)
    markers(frame, int((served.attacks["year"] == 2024).sum()))
    text = click_marker(page, frame, HOSTILE_ID, served)
    assert "<img src=x onerror=alert(1)><b>bold</b>" in text
    assert frame.locator(".leaflet-popup-content img, .leaflet-popup-content b").count() == 0
    page.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert dialogs == [] and errors == []
    page.close()


# ---------- the analysis pages ----------


@pytest.mark.parametrize(
    "path,heading,charts,shot",
    [
        ("timeline?years=1999&years=2024", "Timeline and trends", 3, "timeline-en.png"),
        ("timeline?lang=fr&stack=country", "Chronologie et tendances", 3, "timeline-fr-countries.png"),
        ("groups?group=iskp&year=2024", "Groups and lineage", 2, "groups-en-iskp.png"),
        ("cooperation?lang=fr&org=csto&year=2015", "Coopération régionale", 4, "cooperation-fr-csto-2015.png"),
        ("abroad", "Attacks abroad", 4, "abroad-en.png"),
    ],
)
def test_each_analysis_page_draws_its_charts_offline(browser, app_url, path, heading, charts, shot):
    page, errors, hosts = visit(browser, f"{app_url}/{path}", height=2600)
    page.get_by_role("heading", name=heading).wait_for(timeout=30_000)
    page.wait_for_function(
        f"() => document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length >= {charts}",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    names = page.evaluate("() => [...document.querySelectorAll('.vega-embed')].map(e => e.getAttribute('aria-label'))")
    assert len(names) >= charts and all(names), f"charts without an accessible name: {names}"
    assert errors == []
    assert hosts <= LOCAL_HOSTS, f"requests left the machine: {hosts - LOCAL_HOSTS}"
    page.close()


def test_a_chart_downloads_as_png_and_svg_with_its_bars(browser, app_url, tmp_path):
    from PIL import Image

    page, errors, _ = visit(browser, f"{app_url}/timeline?years=1999&years=2024", height=2600)
    # The yearly chart's own buttons: the first on the page may be another chart's while the
    # charts are still arriving.
    chart = page.locator(f".st-key-{keys.CHART_YEARLY}")
    chart.locator(".vega-embed").wait_for(timeout=60_000)
    files = {}
    for label in ("PNG image", "SVG image"):
        with page.expect_download(timeout=120_000) as download:
            chart.get_by_role("button", name=label).click()
        files[label] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[label])
    assert files["PNG image"].name == "attacks-per-year-by-group.png"
    with Image.open(files["PNG image"]) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
        assert image.width >= 600 and len(colours) > 20, "the PNG looks blank"
    svg = files["SVG image"].read_text()
    assert "Attacks per year, by group" in svg and svg.count('role="graphics-symbol"') > 10, "the SVG has no bars"
    assert errors == []
    page.close()


STARTUP_LINE = "server started"


def test_drawing_every_page_logs_nothing_on_the_server(browser, app_url, server_log):
    # A log line per rerun costs time, buries real problems, and once blocked every session
    # of a load test behind a full output pipe.
    for path in ("map", "story", "timeline", "groups", "cooperation", "abroad", "data", "import"):
        page, _, _ = visit(browser, f"{app_url}/{path}")
        settle(page)
        page.close()
    logged = [
        line
        for line in server_log.read_text().splitlines()
        if re.match(r"\d{4}-\d\d-\d\d ", line) and STARTUP_LINE not in line
    ]
    assert logged == []


# ---------- presentation, story and exports ----------


def test_presentation_mode_hides_the_chrome_and_stamps_the_map(browser, app_url, served):
    page, errors, hosts = visit(browser, f"{app_url}/?present=1&years=2015&years=2024&groups=iskp")
    frame = map_frame(page)
    markers(frame, int((served.attacks["year"].between(2015, 2024) & (served.attacks["group_id"] == "iskp")).sum()))
    stamp = frame.locator(".cajn-stamp")
    stamp.wait_for(timeout=30_000)
    assert stamp.inner_text().startswith("Jihadist attacks, 2015–2024")
    assert "Groups: ISKP" in stamp.inner_text() and "cited sources" in stamp.inner_text()
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.get_by_role("button", name="Leave presentation mode").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "presentation-map.png"))
    assert errors == [] and hosts <= LOCAL_HOSTS
    page.close()


def test_the_story_moves_with_the_keyboard_arrows(browser, app_url):
    page, errors, hosts = visit(browser, f"{app_url}/story?lang=fr")
    map_frame(page)
    page.get_by_role("heading", name=STEPS[0].title["fr"]).wait_for(timeout=30_000)
    page.locator("[data-testid='stMain'] h1").click()
    page.keyboard.press("ArrowRight")
    page.get_by_role("heading", name=STEPS[1].title["fr"]).wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('step=2')", timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-fr-step-2.png"))
    page.keyboard.press("ArrowLeft")
    page.get_by_role("heading", name=STEPS[0].title["fr"]).wait_for(timeout=30_000)
    assert errors == [] and hosts <= LOCAL_HOSTS
    page.close()


def test_the_html_export_shows_the_markers_with_no_network(browser, served, tmp_path):
    shapes = display_shapes(served.countries)
    state = {**state_defaults((1991, 2025)), params.LAYERS: ["attacks", "borders", "bases"]}
    payload = compact_json(event_payload(served.attacks, served.groups, served.sources, "en"))
    html = standalone_html(
        basemap(basemap_collections(shapes), "en"),
        overlays(served, served.attacks, payload, state, shapes, "en", "k", "credit"),
    )
    path = tmp_path / "map.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    blocked = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (blocked.append(route.request.url), route.abort())
        ),
    )
    page.goto(path.as_uri())
    markers(page.main_frame, len(served.attacks))
    page.screenshot(path=str(ARTIFACTS / "export-offline.png"))
    assert blocked == []
    page.close()


# The map's size in the page at a 1400 x 1000 and a 1280 x 720 window: 620 pixels high whatever the window.
MAP_SIZES = [(940, 620), (820, 620)]
LEGEND_SCROLLS = (
    "() => { const l = document.querySelector('.cajn-legend'); return l.scrollHeight > l.clientHeight + 1; }"
)
RECT = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


@pytest.fixture(scope="module")
def every_layer_export(served, tmp_path_factory) -> Path:
    """Every attack and every layer but the heatmap, with the title stamp: the tallest legend an export has."""
    shapes = display_shapes(served.countries)
    layers = ["attacks", "borders", "bases", "foreign_bases", "choropleth"]
    state = {**state_defaults((1991, 2025)), params.LAYERS: layers}
    payload = compact_json(event_payload(served.attacks, served.groups, served.sources, "fr"))
    stamp = ["Attentats djihadistes, 1991–2025", "1991–2025", "Données : 335 sources", "2026-01-01"]
    html = standalone_html(
        basemap(basemap_collections(shapes), "fr"),
        overlays(served, served.attacks, payload, state, shapes, "fr", "k", "credit", stamp),
    )
    path = tmp_path_factory.mktemp("export") / "map.html"
    path.write_text(html, encoding="utf-8")
    return path


def open_offline(browser, path: Path, size: tuple[int, int]):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort()
    )
    page.goto(path.as_uri())
    page.wait_for_selector(".cajn-legend")
    page.wait_for_timeout(500)
    return page


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_the_html_export_has_the_app_s_sea_and_the_map_s_title(browser, every_layer_export):
    page = open_offline(browser, every_layer_export, (1400, 1000))
    assert page.title() == "Attentats djihadistes, 1991–2025"
    # SEA_COLOR, #dce8f2, as the app shows it; Leaflet's own grey would be rgb(221, 221, 221).
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor")
        == "rgb(220, 232, 242)"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "export-sea-title.png"))
    page.close()


@pytest.mark.parametrize("size", MAP_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_legend_shows_every_entry_without_scrolling_and_folds(browser, every_layer_export, size):
    page = open_offline(browser, every_layer_export, size)
    assert page.evaluate(LEGEND_SCROLLS) is False
    legend = page.locator(".cajn-legend").evaluate(RECT)
    frame = page.locator(".leaflet-container").evaluate(RECT)
    assert frame[0] <= legend[0] and frame[1] <= legend[1] and legend[2] <= frame[2] and legend[3] <= frame[3]
    rows = page.locator(".cajn-legend-row").evaluate_all(f"rows => rows.map({RECT})")
    assert len(rows) >= 25 and all(legend[1] <= r[1] and r[3] <= legend[3] and r[2] <= legend[2] for r in rows)
    texts = page.locator(".cajn-legend-row span").all_inner_texts()
    assert t("legend_vague_place", "fr") in texts
    page.screenshot(path=str(ARTIFACTS / f"export-legend-{size[0]}x{size[1]}.png"))
    page.locator(".cajn-legend summary").click()
    assert page.locator(".cajn-legend-row").first.is_visible() is False
    page.close()


# The smallest attack marker, moved beside the legend's left edge halfway down it: its popup,
# centred on it, would open under the legend.
BESIDE_THE_LEGEND = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const legend = document.querySelector('.cajn-legend').getBoundingClientRect();
  let small = null;
  map.eachLayer(l => { if (l._cajnIndex !== undefined && (!small || l.getRadius() < small.getRadius())) small = l; });
  const at = map.latLngToContainerPoint(small.getLatLng());
  map.panBy([at.x - (legend.left - 30), at.y - (legend.top + legend.height / 2)], {animate: false});
  const now = map.latLngToContainerPoint(small.getLatLng());
  window.smallCircle = small;
  return [now.x, now.y];
}"""
# Where that circle is now: a first click on attacks sharing one place spreads them out on legs.
SMALL_CIRCLE_NOW = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const now = map.latLngToContainerPoint(window.smallCircle.getLatLng());
  return [now.x, now.y];
}"""


@pytest.mark.parametrize("size", MAP_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_popup_opens_clear_of_the_legend_and_the_stamp(browser, every_layer_export, size):
    page = open_offline(browser, every_layer_export, size)
    page.mouse.click(*page.evaluate(BESIDE_THE_LEGEND))
    try:
        page.wait_for_selector(".leaflet-popup", timeout=3000)
    except PlaywrightTimeout:
        page.mouse.click(*page.evaluate(SMALL_CIRCLE_NOW))
        page.wait_for_selector(".leaflet-popup")
    page.wait_for_timeout(1500)
    popup = page.locator(".leaflet-popup").evaluate(RECT)
    frame = page.locator(".leaflet-container").evaluate(RECT)
    for box in (".cajn-legend", ".cajn-stamp"):
        assert not overlap(popup, page.locator(box).evaluate(RECT)), box
    assert frame[1] <= popup[1] and popup[3] <= frame[3]
    page.screenshot(path=str(ARTIFACTS / f"export-popup-{size[0]}x{size[1]}.png"))
    # A legend folded away for the popup comes back when it closes.
    page.locator(".leaflet-popup-close-button").click()
    assert page.evaluate("document.querySelector('.cajn-legend').open") is True
    page.close()


# ---------- imported data ----------


def test_an_uploaded_export_shows_on_the_map_and_its_markup_stays_text(browser, app_url, served, tmp_path):
    # The fixture's markup sits on its Stockholm row, which repeats a curated attack and so draws no
    # circle of its own: here the Bonn row, which repeats nothing, carries it.
    fixture = ROOT / "tests" / "fixtures" / "imports" / "gtd_sample_latin1.csv"
    rows = pd.read_csv(fixture, encoding="latin-1", dtype=str, keep_default_na=False)
    markup = rows.loc[rows["eventid"] == "201700000003", "summary"].iloc[0]
    rows.loc[rows["eventid"] == "201900000005", "summary"] = markup
    export = tmp_path / "gtd_with_markup.csv"
    rows.to_csv(export, index=False, encoding="latin-1")
    page, errors, hosts = visit(browser, f"{app_url}/import", height=1400)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.locator("input[type=file]").set_input_files(str(export))
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_text("5 events imported from a GTD export").wait_for(timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "import-gtd.png"))
    page.get_by_role("link", name="Map").click()
    frame = map_frame(page)
    # Five imported rows, one of them the Stockholm attack again: four more incidents.
    markers(frame, len(served.attacks) + 4)
    frame.evaluate("""() => {
        for (const id in window.map._layers) {
            const layer = window.map._layers[id];
            const at = layer.getLatLng && layer._cajnIndex !== undefined ? layer.getLatLng() : null;
            if (at && Math.abs(at.lat - 50.7374) < 1e-4 && Math.abs(at.lng - 7.0982) < 1e-4) {
                // A first click on attacks sharing one place spreads them; the second opens the popup.
                layer.fire('click', {latlng: at}, true);
                if (!document.querySelector('.leaflet-popup')) layer.fire('click', {latlng: layer.getLatLng()}, true);
            }
        }
    }""")
    popup = frame.locator(".leaflet-popup-content").last
    popup.wait_for(timeout=10_000)
    assert markup in frame.locator(".leaflet-popup-content").all_inner_texts()[-1]
    assert "GTD · gtd_with_markup.csv" in popup.inner_text()
    assert frame.locator(".leaflet-popup-content img").count() == 0
    page.wait_for_timeout(1000)
    assert dialogs == [] and errors == [] and hosts <= LOCAL_HOSTS
    page.close()


# ---------- offline audit and accessibility ----------

PAGES = ("", "story", "timeline", "groups", "cooperation", "abroad", "data", "import")
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"


def test_no_page_and_no_story_step_asks_anything_of_another_host(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{app_url}/?lang=fr")
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=120_000)
    for path in PAGES[1:]:
        page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").click()
        page.wait_for_function(f"() => window.location.pathname.endsWith('/{path}')", timeout=30_000)
        page.wait_for_timeout(2500)
    page.locator("[data-testid='stSidebarNav'] a[href$='/story']").click()
    for number in range(2, len(STEPS) + 1):
        page.get_by_role("button", name="Suivant").click()
        page.get_by_role("heading", name=STEPS[number - 1].title["fr"]).wait_for(timeout=30_000)
        page.wait_for_timeout(800)
    outside = sorted({urlparse(u).hostname for u in requests} - LOCAL_HOSTS - {None})
    assert outside == [], f"requests left the machine: {outside}"
    assert len(requests) > 50
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_each_page_has_no_serious_accessibility_violation(browser, app_url, path):
    page, _, _ = visit(browser, f"{app_url}/{path}")
    # Scanning before the charts are drawn would miss them.
    settle(page)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.impact} ${v.id}: ${v.nodes.length} x ${v.nodes[0].target.join(' ')}`);
    }""")
    assert violations == []
    page.close()


def test_the_accessibility_scan_can_fail(browser, app_url):
    page, _, _ = visit(browser, f"{app_url}/data")
    page.evaluate("""() => { const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; img.width = 20; img.height = 20;
        document.querySelector("[data-testid='stMain'] h1").after(img); }""")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document)).violations.map(v => [v.id, v.impact])")
    assert ["image-alt", "critical"] in found
    page.close()

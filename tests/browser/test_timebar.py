"""The map's time bar in a real browser on a projector's window: it plays to the end and is
scrubbed with no rerun, the page follows when play ends and the window is released, the zoom
stays, and the bar hides neither the legend nor the credit line, in English and in French."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from geo.data.paths import ROOT
from geo.text.i18n import t
from tests.journeys.harness import CHROMIUM, LOCAL_HOSTS, PROJECTOR, map_frame, map_view, markers

ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

BOXES = """() => {
  const rect = s => { const e = document.querySelector(s); if (!e) { return null; }
    const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {bar: rect('.cajn-timebar'), legend: rect('.cajn-legend'), credit: rect('.leaflet-control-attribution'),
          map: rect('.leaflet-container')};
}"""


def url_years(page) -> tuple[int, int]:
    years = parse_qs(urlparse(page.url).query).get("years", [])
    return (int(years[0]), int(years[-1])) if years else (0, 0)


def attacks_metric(page) -> str:
    return page.locator("[data-testid='stMetricValue']").first.inner_text()


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def settled(page, years: tuple[int, int]) -> None:
    """Wait until the page shows `years` and has finished its run."""
    page.wait_for_function(
        "wanted => location.search.includes(wanted)", arg=f"years={years[0]}&years={years[1]}", timeout=60_000
    )
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'",
        timeout=60_000,
    )
    page.wait_for_timeout(1000)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_time_bar_plays_scrubs_and_the_page_follows(browser, app, lang):
    page = browser.new_page(viewport=PROJECTOR)
    hosts, errors = set(), []
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{app.url}/?lang={lang}&years=2015&years=2016")
    frame = map_frame(page)
    settled(page, (2015, 2016))
    frame.locator(".cajn-timebar").scroll_into_view_if_needed()
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(800)
    zoomed = map_view(frame)
    first_metric, first_markers = attacks_metric(page), markers(frame)

    # Every control has its accessible name in the page's language.
    bar = frame.get_by_role("group", name=t("timebar", lang))
    for key in ("timebar_back_year", "timebar_back_month", "timebar_forward_month", "timebar_forward_year"):
        assert bar.get_by_role("button", name=t(key, lang)).count() == 1
    bar.get_by_role("combobox", name=t("timebar_speed", lang)).select_option("10")
    assert bar.get_by_role("slider", name=t("timebar_window", lang)).count() == 1

    # Play runs the two-year window to the end, in the browser, then the page follows once.
    bar.get_by_role("button", name=t("timebar_play", lang)).click()
    assert bar.get_by_role("button", name=t("timebar_pause", lang)).count() == 1
    frame.wait_for_function(
        "() => document.querySelector('.cajn-tb-play').getAttribute('aria-pressed') === 'false'", timeout=60_000
    )
    assert re.search(r"2024 – \D+ 2025$", frame.inner_text(".cajn-tb-readout"))
    settled(page, (2024, 2025))
    assert attacks_metric(page) != first_metric
    assert map_view(frame) == zoomed

    # Scrubbing back moves the circles with no rerun; releasing makes the page follow.
    played_metric, played_markers = attacks_metric(page), markers(frame)
    assert played_markers != first_markers
    frame.locator(".cajn-timebar").scroll_into_view_if_needed()
    band = frame.locator(".cajn-tb-brush").bounding_box()
    chart = frame.locator(".cajn-tb-chart").bounding_box()
    x, y = band["x"] + band["width"] / 2, band["y"] + band["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 21):
        page.mouse.move(x - step * chart["width"] / 60, y)
        page.wait_for_timeout(20)
    assert page.evaluate("() => document.querySelector('[data-testid=\"stApp\"]').dataset.testScriptState") == (
        "notRunning"
    )
    page.mouse.up()
    page.wait_for_function("() => !location.search.includes('years=2024&years=2025')", timeout=60_000)
    years = url_years(page)
    settled(page, years)
    assert years[1] - years[0] in (1, 2) and years[1] < 2024
    readout = frame.inner_text(".cajn-tb-readout")
    assert str(years[0]) in readout and str(years[1]) in readout
    assert attacks_metric(page) != played_metric
    assert map_view(frame) == zoomed

    # The bar sits inside the map, clear of the legend and of the credit line.
    boxes = frame.evaluate(BOXES)
    assert boxes["map"][0] <= boxes["bar"][0] and boxes["bar"][2] <= boxes["map"][2]
    assert boxes["bar"][3] <= boxes["map"][3]
    assert not overlap(boxes["bar"], boxes["legend"]) and not overlap(boxes["bar"], boxes["credit"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"timebar-{lang}.png"))
    assert errors == []
    assert hosts <= LOCAL_HOSTS
    page.close()

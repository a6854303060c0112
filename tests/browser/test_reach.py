"""Every attack on the map is at most two clicks away at the default zoom, in a real browser on a
projector's window: the Kabul attacks, which share a few pixels of the default view, spread out
on a click and each opens its own popup on the next; no base or area takes a click meant for an
attack (Khar, in Bajaur, lies on a base's symbol). The zoom button fits the map to the attacks."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.data.paths import ROOT
from geo.map.elements import START_VIEW
from geo.text.i18n import t
from tests.journeys.harness import (
    CHROMIUM,
    CIRCLE_SPOT,
    LOCAL_HOSTS,
    PROJECTOR,
    WATCH_RUNS,
    map_frame,
    map_view,
    settle,
)

ARTIFACTS = ROOT / "test-artifacts"
KHAR = "2023-07-30-bajaur-jui-f-rally-bombing"
HOSPITAL = "2017-03-08-kabul-military-hospital-attack"
EVENTS = "Object.values(window.map._layers).find(layer => layer instanceof L.CajnEvents)"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

# A point of the map's frame where a click lands on the circle of attack `id`, or, when none
# does, on a circle of those it shares its place with; null if no circle of them can be hit.
SPOT = (
    """id => {
  const events = """
    + EVENTS
    + """, map = window.map;
  const index = events._payload.details.findIndex(detail => detail.id === id);
  const hit = j => ("""
    + CIRCLE_SPOT
    + """)(map, events._markers[j]);
  const own = hit(index);
  if (own) { return {at: own, own: true}; }
  for (const j of events._stack(index)) { const at = hit(j); if (at) { return {at: at, own: false}; } }
  return null;
}"""
)

# Back to the default view: no popup, nothing spread out, the start's centre and zoom.
RESET = (
    """() => {
  const events = """
    + EVENTS
    + """;
  window.map.closePopup();
  events._unspread();
  window.map.setView(START, ZOOM, {animate: false});
  window.__popups = [];
}""".replace("START", str(list(START_VIEW["location"]))).replace("ZOOM", str(START_VIEW["zoom"]))
)

WATCH_POPUPS = """() => {
  window.__popups = [];
  window.map.on('popupopen', e => window.__popups.push(e.popup.getElement().innerText));
}"""


def folded_map(browser, app, lang: str = "en"):
    """The map at its start in `lang`, its legend folded as a reader does on a projector, its runs
    and popups watched: the page, the map's frame, the frame's box on the page, and the hosts
    asked and the errors thrown since the page was opened."""
    page = browser.new_page(viewport=PROJECTOR)
    page.add_init_script(WATCH_RUNS)
    hosts, errors = set(), []
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{app.url}/?lang={lang}")
    frame = map_frame(page)
    frame.wait_for_function(f"() => {EVENTS} && {EVENTS}._cols", timeout=60_000)
    frame.locator(".leaflet-container").scroll_into_view_if_needed()
    # On a 1280 × 720 window the open legend covers Afghanistan: fold it, as a reader would.
    frame.locator(".cajn-legend summary").click()
    frame.evaluate(WATCH_POPUPS)
    frame.evaluate(RESET)
    return page, frame, page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box(), hosts, errors


def clicks_to_popup(page, frame, attack_id: str, record: str) -> int:
    """Click as a reader would, from the default view, until the popup of `attack_id` opens; the
    number of clicks it took. Fails if a click opens another popup (a base's, another attack's)."""
    # The last popup's click reruns the page, which may draw the map again where it was then: the
    # view is put back only once that click has been sent and its run is over.
    settle(page, frame)
    frame.wait_for_function(f"() => {EVENTS} && {EVENTS}._cols", timeout=60_000)
    frame.evaluate(RESET)
    # A closed popup fades out for a moment before it leaves the page, and would take the click.
    frame.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    iframe = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    for clicks in (1, 2, 3):
        spot = frame.evaluate(SPOT, attack_id)
        assert spot, f"no circle of {attack_id}'s place can be clicked"
        x, y = iframe["x"] + spot["at"][0], iframe["y"] + spot["at"][1]
        assert 0 <= x < PROJECTOR["width"] and 0 <= y < PROJECTOR["height"], (attack_id, x, y)
        page.mouse.click(x, y)
        settle(page, frame)
        popups = frame.evaluate("() => window.__popups")
        if popups:
            assert len(popups) == 1 and f"{record}: {attack_id}" in popups[0].splitlines(), (attack_id, popups)
            return clicks
        # A click on circles that share one place opens nothing: it spreads them out.
        assert attack_id in frame.evaluate(f"() => {EVENTS}.spreadOut().map(i => {EVENTS}._payload.details[i].id)")
    raise AssertionError(f"{attack_id} took more than two clicks")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_kabul_attack_is_two_clicks_away_and_no_base_takes_the_click(browser, app, data, lang):
    page, frame, _, hosts, errors = folded_map(browser, app, lang)
    assert map_view(frame)[0] == START_VIEW["zoom"]

    kabul = data.attacks[data.attacks["city"].str.startswith("Kabul")]["id"].tolist()
    assert len(kabul) >= 15
    record = t("record", lang)
    clicks = {attack_id: clicks_to_popup(page, frame, attack_id, record) for attack_id in [*kabul, KHAR]}
    # Kabul's attacks share a few pixels: each is reached by spreading them out, then its own circle.
    assert {clicks[attack_id] for attack_id in kabul} == {2}
    assert clicks[KHAR] <= 2
    assert map_view(frame)[0] == START_VIEW["zoom"]

    # Kabul spread out, as the first click leaves it.
    page.mouse.move(1, 1)
    frame.evaluate(RESET)
    frame.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    spot = frame.evaluate(SPOT, kabul[0])["at"]
    iframe = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    page.mouse.click(iframe["x"] + spot[0], iframe["y"] + spot[1])
    page.mouse.move(1, 1)
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reach-kabul-{lang}.png"))
    (ARTIFACTS / f"reach-clicks-{lang}.json").write_text(json.dumps(clicks, indent=1))
    assert errors == []
    assert hosts <= LOCAL_HOSTS
    page.close()


# Where the layer is now: the ring of the chosen attack, the circles spread out, the legend.
STATE = (
    """id => {
  const events = """
    + EVENTS
    + """, index = events._payload.details.findIndex(detail => detail.id === id);
  const at = layer => { const p = window.map.latLngToContainerPoint(layer.getLatLng()); return [p.x, p.y]; };
  return {focus: events._focus && events._focus.index === index, spread: events.spreadOut() || [], index: index,
    circle: at(events._markers[index]), rings: (events._rings || []).map(at),
    legendOpen: document.querySelector('.cajn-legend').open};
}"""
)


def test_a_click_on_an_attack_leaves_the_legend_folded_and_its_place_spread_out(browser, app):
    """The click reports the attack to the dashboard, whose rerun rings it and draws the map's
    layers anew: the legend the reader folded must not open again over Kabul and the popup, nor
    the circles spread out fold back before the reader clicks the next of them."""
    page, frame, iframe, _, errors = folded_map(browser, app)
    attack_id = HOSPITAL
    for _ in range(2):
        spot = frame.evaluate(SPOT, attack_id)["at"]
        page.mouse.click(iframe["x"] + spot[0], iframe["y"] + spot[1])
        settle(page, frame)
    assert len(frame.evaluate("() => window.__popups")) == 1
    frame.wait_for_function(f"id => ({STATE})(id).focus", arg=attack_id, timeout=30_000)
    state = frame.evaluate(STATE, attack_id)
    assert not state["legendOpen"]
    assert state["index"] in state["spread"]
    assert state["rings"] == [state["circle"], state["circle"]]
    assert errors == []
    page.close()


def test_a_click_on_a_circle_drawn_anew_under_the_pointer_still_opens_its_popup(browser, app):
    """A rerun of the dashboard takes the layer off the map and puts it back, which makes the
    browser drop the click of a press made before it: the release on the circle clicks it."""
    page, frame, iframe, _, errors = folded_map(browser, app)
    attack_id = HOSPITAL
    spot = frame.evaluate(SPOT, attack_id)["at"]
    page.mouse.click(iframe["x"] + spot[0], iframe["y"] + spot[1])
    settle(page, frame)
    spot = frame.evaluate(SPOT, attack_id)["at"]
    page.mouse.move(iframe["x"] + spot[0], iframe["y"] + spot[1])
    page.mouse.down()
    frame.evaluate(f"() => {{ {EVENTS}.addTo(L.featureGroup().addTo(window.map)); }}")
    page.mouse.up()
    page.wait_for_timeout(250)
    popups = frame.evaluate("() => window.__popups")
    assert len(popups) == 1 and f"{t('record', 'en')}: {attack_id}" in popups[0].splitlines()
    assert attack_id in frame.evaluate(f"() => {EVENTS}.spreadOut().map(i => {EVENTS}._payload.details[i].id)")
    assert errors == []
    page.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_zoom_button_fits_the_map_to_the_attacks_of_the_time_bar(browser, app, data, lang):
    page = browser.new_page(viewport=PROJECTOR)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{app.url}/?lang={lang}&years=2021&years=2021&groups=iskp")
    frame = map_frame(page)
    frame.wait_for_function(f"() => {EVENTS} && {EVENTS}._cols", timeout=60_000)
    frame.locator(".leaflet-container").scroll_into_view_if_needed()
    button = frame.get_by_role("button", name=t("zoom_to_selection", lang))
    button.click()
    page.wait_for_timeout(800)
    shown = data.attacks[(data.attacks["year"] == 2021) & (data.attacks["group_id"] == "iskp")]
    # What the map shows left of the open legend.
    view = frame.evaluate(
        """() => { const legend = document.querySelector('.cajn-legend').getBoundingClientRect();
        const b = L.latLngBounds(window.map.getBounds().getSouthWest(),
          window.map.containerPointToLatLng([legend.left, 0]));
        return [window.map.getZoom(), b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }"""
    )
    assert view[0] > START_VIEW["zoom"]
    assert view[1] <= shown["lat"].min() and shown["lat"].max() <= view[3]
    assert view[2] <= shown["lon"].min() and shown["lon"].max() <= view[4]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reach-zoom-{lang}.png"))
    assert errors == []
    page.close()

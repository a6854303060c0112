"""A teacher tells the story in class, in French, on a 1280×720 projector."""

from __future__ import annotations

import pytest

from geo.analysis.filters import select_attacks, year_span
from geo.analysis.story import STEPS, step_state
from geo.data.load import load_dataset
from geo.state.criteria import attack_criteria, filter_arguments
from geo.state.urlstate import state_defaults
from geo.text.i18n import t
from tests.journeys.harness import PROJECTOR, inside, map_frame, map_view, markers

DATA = load_dataset()
DEFAULTS = state_defaults(year_span(DATA.attacks, DATA.events))


def shown_by(step) -> int:
    """How many attack markers a step's map must draw."""
    if "attacks" not in step.layers:
        return 0
    criteria = attack_criteria({**DEFAULTS, **step_state(step)}, DATA.group_links)
    return len(select_attacks(DATA.attacks, **filter_arguments(criteria)))


def heading(page, step):
    return page.get_by_role("heading", name=step.title["fr"])


def test_the_story_from_the_sidebar_walks_every_step_by_button_and_by_key(journey):
    walk = journey("teacher-story-fr")
    page = walk.open("/?lang=fr")
    page.locator("[data-testid='stSidebarNav'] a[href$='/story']").click()
    heading(page, STEPS[0]).wait_for(timeout=30_000)
    frame = map_frame(page)
    assert markers(frame, shown_by(STEPS[0])) == shown_by(STEPS[0])
    page.wait_for_function("() => location.search.includes('years=1991&years=1997')", timeout=30_000)
    walk.shot("step-1")

    for number, step in enumerate(STEPS[1:], start=2):
        page.get_by_role("button", name=t("next", "fr")).click()
        heading(page, step).wait_for(timeout=30_000)
        walk.idle()
        assert markers(map_frame(page), shown_by(step)) == shown_by(step), f"step {number}"
    walk.shot("step-9")

    for step in reversed(STEPS[:-1]):
        page.keyboard.press("ArrowLeft")
        heading(page, step).wait_for(timeout=30_000)
        walk.idle()
    # Once the map has been clicked, the keys still move the story and do not pan the map.
    frame = map_frame(page)
    before = map_view(frame)
    frame.locator(".leaflet-container").click(position={"x": 40, "y": 200})
    page.keyboard.press("ArrowRight")
    heading(page, STEPS[1]).wait_for(timeout=30_000)
    walk.idle()
    frame = map_frame(page)
    assert map_view(frame)[0] == STEPS[1].zoom and before[0] == STEPS[0].zoom
    walk.shot("step-2-after-map-click")


@pytest.mark.parametrize(
    "path,name", [("/?lang=fr&years=2015&years=2024&groups=iskp", "map"), ("/story?lang=fr&step=6", "story")]
)
def test_presentation_mode_fits_the_whole_map_on_a_projector(journey, path, name):
    walk = journey(f"teacher-present-{name}", viewport=PROJECTOR)
    page = walk.open(path)
    map_frame(page)
    page.get_by_text(t("presentation", "fr"), exact=True).click()
    page.get_by_role("button", name=t("exit_presentation", "fr")).wait_for(timeout=30_000)
    walk.idle()
    frame = map_frame(page)
    stamp = frame.locator(".cajn-stamp")
    stamp.wait_for(timeout=30_000)
    page.evaluate("() => window.scrollTo(0, 0)")
    box = page.locator("iframe[title='streamlit_folium.st_folium']").first.bounding_box()
    assert inside(box, PROJECTOR), f"the map is at {box}, the screen is {PROJECTOR}"
    assert box["height"] >= 400
    # The stamp is readable on the map and leaves most of it visible.
    stamp_box = stamp.bounding_box()
    assert stamp_box["height"] * stamp_box["width"] < 0.2 * box["height"] * box["width"]
    focused = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    walk.shot("projector")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert focused in ("none", "")


def test_playing_the_years_runs_to_the_end_and_keeps_the_zoom(journey):
    walk = journey("teacher-play-fr")
    page = walk.open("/?lang=fr&years=2018&years=2019")
    frame = map_frame(page)
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(800)
    zoomed = map_view(frame)
    page.get_by_text(t("play", "fr"), exact=True).click()
    page.wait_for_function("() => location.search.includes('years=2024&years=2025')", timeout=90_000)
    playing = page.get_by_role("switch", name=t("play", "fr"))
    page.wait_for_function("element => !element.checked", arg=playing.element_handle(), timeout=30_000)
    walk.idle()
    assert map_view(map_frame(page)) == zoomed
    walk.shot("played")

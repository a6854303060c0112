"""An analyst narrows the map down with the sidebar, reads a record's sources, and shares the view."""

from __future__ import annotations

import contextlib
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo import keys
from geo.data.countries import country_name
from geo.data.load import load_dataset
from geo.text.i18n import t
from geo.text.sources import source_entries
from tests.journeys.harness import click_attack, map_frame, map_view, markers

DATA = load_dataset()
ATTACKS = DATA.attacks
ISKP_IN_AFGHANISTAN = ATTACKS[
    (ATTACKS["group_id"] == "iskp") & ATTACKS["year"].between(2015, 2024) & (ATTACKS["country_iso3"] == "AFG")
]
ABBEY_GATE = ATTACKS.set_index("id").loc["2021-08-26-kabul-airport-abbey-gate-bombing"]


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the multiselect called `label`, by typing as a person does."""
    page.get_by_label(label, exact=True).first.click()
    page.keyboard.type(option)
    # A person clicks the option listed under what they typed: Enter picks nothing while no
    # option is highlighted, as happens when the list opens before the typing reaches it.
    page.locator("[role='listbox'] [role='option']").filter(has_text=option).first.click()
    page.keyboard.press("Escape")
    page.locator("[role='listbox']").wait_for(state="detached", timeout=10_000)
    # Clicking away, as a person does, commits the choice; the next click then reaches its target.
    page.locator("[data-testid='stMain'] h1").click()
    # The choice shows as a tag in its box, as a person checks before going on.
    box = page.locator("[data-testid='stMultiSelect']").filter(has=page.get_by_text(label, exact=True))
    tags = box.locator("[data-testid='stMultiSelectTagsContainer'] [data-tag]")
    tags.filter(has_text=option).first.wait_for(timeout=10_000)


def table_rows(page, expected: int) -> int:
    """How many rows the table of selected attacks shows, once it shows `expected` (or after 15 s);
    the record card above it has grids of its own."""
    page.locator(f".st-key-{keys.SELECTED_EVENTS} [data-testid='stDataFrame']").scroll_into_view_if_needed()
    # The grid is drawn on a canvas; its accessible table says how many rows it holds, header included.
    grid = f".st-key-{keys.SELECTED_EVENTS} [data-testid='stDataFrame'] table[role='grid']"
    with contextlib.suppress(PlaywrightTimeout):  # the count is then reported as it is
        page.wait_for_function(
            f"n => document.querySelector(\"{grid}\").getAttribute('aria-rowcount') == n + 1",
            arg=expected,
            timeout=15_000,
        )
    return int(page.locator(grid).first.get_attribute("aria-rowcount")) - 1


def test_years_a_group_and_a_country_then_a_record_and_its_sources(journey):
    walk = journey("analyst-en")
    page = walk.open("/")
    sidebar = page.locator("[data-testid='stSidebar']")
    # The years are the first slider; the killed range is another, in the attack filters.
    low, high = sidebar.locator("[data-testid='stSlider']").first.locator("input[type='range']").all()
    low.focus()
    for _ in range(2015 - 1991):
        page.keyboard.press("ArrowRight")
    high.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('years=2015&years=2024')", timeout=30_000)
    walk.idle()
    choose(page, t("groups", "en"), "ISKP")
    walk.idle()
    sidebar.locator("[data-testid='stExpander'] summary").filter(has_text=t("more_filters", "en")).click()
    sidebar.get_by_label(t("countries_filter", "en"), exact=True).wait_for(state="visible", timeout=10_000)
    choose(page, t("countries_filter", "en"), country_name("AFG", "en"))
    walk.idle()
    frame = map_frame(page)
    assert markers(frame, len(ISKP_IN_AFGHANISTAN)) == len(ISKP_IN_AFGHANISTAN)
    assert table_rows(page, len(ISKP_IN_AFGHANISTAN)) == len(ISKP_IN_AFGHANISTAN)

    popup = click_attack(frame, float(ABBEY_GATE["lat"]), float(ABBEY_GATE["lon"]))
    assert "Sources" in popup
    walk.idle()
    card = page.locator(".st-key-record_card").filter(has_text="2021-08-26-kabul-airport-abbey-gate-bombing")
    card.wait_for(timeout=30_000)
    titles = [entry["title"] for entry in source_entries(ABBEY_GATE["source_ids"], DATA.sources)]
    for title in titles:
        assert title in card.inner_text()
    links = card.locator("a")
    assert links.count() >= len(titles)
    assert all(link.get_attribute("href").startswith("http") for link in links.all())
    assert all("%5C" not in link.get_attribute("href") for link in links.all())
    # Who says what: one row per figure a source gives, header included in the grid's count.
    figures = card.locator(".st-key-who_says_what table[role='grid']")
    figures.wait_for(state="attached", timeout=30_000)
    assert int(figures.get_attribute("aria-rowcount")) == (DATA.tolls["attack_id"] == ABBEY_GATE.name).sum() + 1
    walk.shot("card", full_page=True)

    # Zoomed in, a change of filter redraws the markers where the analyst was looking.
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(800)
    zoomed = map_view(frame)
    page.get_by_role("spinbutton", name=t("min_casualties", "en")).fill("50")
    page.keyboard.press("Enter")
    walk.idle()
    heavy = ISKP_IN_AFGHANISTAN[
        (
            ISKP_IN_AFGHANISTAN["killed_high"].fillna(ISKP_IN_AFGHANISTAN["killed_low"]).fillna(0)
            + ISKP_IN_AFGHANISTAN["wounded_high"].fillna(ISKP_IN_AFGHANISTAN["wounded_low"]).fillna(0)
        )
        >= 50
    ]
    assert markers(map_frame(page), len(heavy)) == len(heavy)
    assert map_view(map_frame(page)) == zoomed
    assert table_rows(page, len(heavy)) == len(heavy)
    walk.shot("filtered")


def test_a_shared_link_opens_the_same_view_in_a_new_browser(journey):
    walk = journey("sharer-fr")
    page = walk.open("/timeline?lang=fr&years=2015&years=2024&groups=iskp&stack=country")
    page.get_by_role("button", name=t("share", "fr")).click()
    link = page.locator(
        "[data-testid='stPopover'] [data-testid='stCode'], [data-testid='stPopoverBody'] [data-testid='stCode']"
    ).first
    link.wait_for(timeout=10_000)
    shared = link.inner_text().strip()
    page.keyboard.press("Escape")
    query = parse_qs(urlparse(shared).query)
    assert urlparse(shared).path.endswith("/timeline")
    assert query["lang"] == ["fr"] and query["years"] == ["2015", "2024"] and query["groups"] == ["iskp"]

    other = journey("sharer-opened")
    opened = other.open(urlparse(shared).path + "?" + urlparse(shared).query)
    opened.get_by_role("heading", name=t("page_timeline", "fr")).wait_for(timeout=30_000)
    assert opened.get_by_role("radio", name=t("stack_country", "fr")).is_checked()
    assert "years=2015&years=2024" in opened.url and "groups=iskp" in opened.url
    other.shot("opened", full_page=True)

    layered = journey("sharer-map")
    page = layered.open("/?lang=fr&years=2024&years=2024&layers=attacks&layers=heatmap")
    map_frame(page)
    page.get_by_role("button", name=t("share", "fr")).click()
    shared = page.locator("[data-testid='stCode']").first.inner_text().strip()
    assert parse_qs(urlparse(shared).query)["layers"] == ["attacks", "heatmap"]
    again = journey("sharer-map-opened")
    opened = again.open("/?" + urlparse(shared).query)
    frame = map_frame(opened)
    frame.locator(".leaflet-heatmap-layer").wait_for(timeout=30_000)
    count = int((ATTACKS["year"] == 2024).sum())
    assert markers(frame, count) == count
    again.idle()
    assert parse_qs(urlparse(opened.url).query)["layers"] == ["attacks", "heatmap"]

"""A person with an imported export switches the language back and forth on every page, and
moves between pages in between: no page ever shows an exception, the server logs nothing, and
each page reads in the language chosen."""

from __future__ import annotations

import pytest

from geo.data.paths import ROOT
from geo.text.i18n import t
from tests.journeys.harness import Server

GTD_FILE = ROOT / "tests" / "fixtures" / "imports" / "gtd_sample_latin1.csv"
# (url_path in the sidebar's links, the page's title key)
PAGES = [
    ("", "page_map"),
    ("story", "page_story"),
    ("timeline", "page_timeline"),
    ("groups", "page_groups"),
    ("cooperation", "page_cooperation"),
    ("abroad", "page_abroad"),
    ("data", "page_data"),
    ("import", "page_import"),
]
SWITCHES = ("fr", "en", "fr", "en")


@pytest.fixture(scope="module")
def importing_server(tmp_path_factory):
    """The app with a GTD export named in its configuration, as an analyst's machine serves it."""
    workdir = tmp_path_factory.mktemp("language-switch")
    env = {"DASHBOARD_USER_DIR": str(workdir / "user-data"), "DASHBOARD_IMPORTS": str(GTD_FILE)}
    running = Server(workdir, env=env).start()
    yield running
    running.stop()


def switch(walk, lang: str) -> None:
    page = walk.page
    page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text=lang.upper()).first.click()
    page.wait_for_function(
        "lang => (new URLSearchParams(location.search).get('lang') || 'en') === lang", arg=lang, timeout=30_000
    )
    walk.idle()


def test_switching_language_on_every_page_with_an_import_loaded(journey, importing_server):
    walk = journey("language-switch-imported", on=importing_server)
    page = walk.open("/")
    # The sidebar's origin filter only exists with an import: this run must have one.
    page.locator("[data-testid='stSidebar'] [data-testid='stExpander']").first.click()
    page.get_by_text(t("origin_filter", "en")).wait_for(timeout=30_000)
    for path, title in PAGES:
        links = page.locator("[data-testid='stSidebarNav'] a")
        (links.first if not path else page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']")).click()
        page.get_by_role("heading", name=t(title, "en"), exact=True).wait_for(timeout=60_000)
        walk.idle()
        for lang in SWITCHES:
            switch(walk, lang)
            heading = page.locator("[data-testid='stMain'] h1").first
            assert heading.inner_text() == t(title, lang), f"{path or 'map'} in {lang}"
            assert walk.exceptions() == [], f"{path or 'map'} after switching to {lang}"
        walk.shot(path or "map")
    walk.close()

"""Who says what in a map popup, in a real browser on a projector's window: every figure of
Bajaur 2023 as the record card lists it, the latest official one in bold, within the map."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.data.paths import ROOT
from geo.text.i18n import t
from geo.text.sources import who_says_what
from tests.journeys.harness import CHROMIUM, LOCAL_HOSTS, PROJECTOR, click_attack, map_frame, markers

ARTIFACTS = ROOT / "test-artifacts"
BAJAUR = "2023-07-30-bajaur-jui-f-rally-bombing"
# Only 2023's ISKP attacks: few circles, Bajaur's among them.
QUERY = "?years=2023&years=2023&groups=iskp"
MINT = "police and district officials, via Mint"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

READ_FIGURES = """popup => {
  const table = popup.querySelector('.cajn-figures table');
  const box = table.parentElement, rows = [...table.tBodies[0].rows];
  const rect = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {
    caption: table.caption.textContent,
    head: [...table.tHead.rows[0].cells].map(cell => cell.textContent),
    body: rows.map(row => [...row.cells].map(cell => cell.textContent)),
    bold: rows.map(row => getComputedStyle(row.cells[0]).fontWeight === '700'),
    links: [...table.querySelectorAll('a')].map(a => a.getAttribute('href')),
    cut: box.scrollWidth > box.clientWidth,
    font: parseFloat(getComputedStyle(table).fontSize),
    popup: rect(popup.closest('.leaflet-popup')),
    map: rect(document.querySelector('.leaflet-container')),
  };
}"""


@pytest.mark.parametrize("lang,official", [("en", "Official"), ("fr", "Officiel")])
def test_the_popup_lists_who_says_what_with_the_latest_official_figure_in_bold(browser, app, data, lang, official):
    page = browser.new_page(viewport=PROJECTOR)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.goto(f"{app.url}/{QUERY}&lang={lang}")
    frame = map_frame(page)
    chosen = data.attacks[(data.attacks["year"] == 2023) & (data.attacks["group_id"] == "iskp")]
    markers(frame, len(chosen), timeout=60_000)
    row = data.attacks.set_index("id").loc[BAJAUR]
    click_attack(frame, float(row["lat"]), float(row["lon"]))
    frame.wait_for_selector(".cajn-figures")
    page.wait_for_timeout(1500)
    drawn = frame.locator(".leaflet-popup-content").evaluate(READ_FIGURES)

    card = who_says_what(BAJAUR, data.tolls, data.sources, lang)
    assert drawn["caption"] == t("who_says_what", lang)
    assert drawn["head"] == list(card.columns)
    assert drawn["body"] == card.to_numpy().tolist()
    latest = [cells[-1] == t("toll_latest_official", lang) for cells in drawn["body"]]
    assert drawn["bold"] == latest and sum(latest) == 1
    assert drawn["body"][latest.index(True)][:5] == ["2023-08-01", MINT, "Mint", official, "54"]
    assert len(drawn["links"]) == len(card) and all(href.startswith("https://") for href in drawn["links"])
    # Readable on a projector, whole, and within the map.
    assert drawn["font"] >= 11 and not drawn["cut"]
    popup, frame_box = drawn["popup"], drawn["map"]
    assert frame_box[0] <= popup[0] and frame_box[1] <= popup[1]
    assert popup[2] <= frame_box[2] and popup[3] <= frame_box[3]
    assert hosts <= LOCAL_HOSTS, f"requests left the machine: {hosts - LOCAL_HOSTS}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("iframe[title='streamlit_folium.st_folium']").screenshot(
        path=str(ARTIFACTS / f"map-popup-tolls-{lang}.png")
    )
    page.close()

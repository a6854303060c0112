"""A briefer takes the map and the charts away for slides: every download button gives a file
that opens and says what it shows."""

from __future__ import annotations

import csv
import io

import pytest
from PIL import Image

from geo.data.load import load_dataset
from geo.text.i18n import t
from tests.journeys.harness import ARTIFACTS, map_frame, markers

DATA = load_dataset()
CHOSEN = DATA.attacks[DATA.attacks["year"] == 2024]


def not_blank(path) -> bool:
    """More than one colour, and at least 3% of the picture drawn on its background."""
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
        background = max(colours)[0]
        return len(colours) > 10 and background < 0.97 * image.width * image.height


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_map_export_delivers_a_file_that_opens(journey, browser, tmp_path, lang):
    walk = journey(f"briefer-map-{lang}")
    page = walk.open(f"/?lang={lang}&years=2024&years=2024&layers=attacks&layers=borders&layers=choropleth")
    shown = markers(map_frame(page), len(CHOSEN))

    png = walk.download(t("export_png", lang), tmp_path)
    (ARTIFACTS / f"{walk.name}-briefing.png").write_bytes(png.read_bytes())
    with Image.open(png) as image:
        assert image.width == 1600 and image.height >= 900
    assert not_blank(png)
    png_300 = walk.download(t("export_png_300", lang), tmp_path)
    with Image.open(png_300) as image:
        assert image.width == 3200
        legend = image.info.get("Legend", "").split("; ")
    vague = ~CHOSEN["foiled"] & CHOSEN["location_precision"].isin(["province", "country"])
    drawn = (
        {t("legend_casualties", lang, n=10)}
        | ({t("legend_foiled", lang)} if CHOSEN["foiled"].any() else set())
        | ({t("legend_vague_place", lang)} if vague.any() else set())
    )
    assert drawn <= set(legend), f"the legend lists {legend!r}"

    html = walk.download(t("export_html", lang), tmp_path)
    text = html.read_text(encoding="utf-8")
    assert f"<title>{t('map_title', lang, period='2024')}</title>" in text
    offline = browser.new_page(viewport={"width": 1200, "height": 800})
    asked = []
    offline.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (asked.append(route.request.url), route.abort())
        ),
    )
    offline.goto(html.as_uri())
    assert markers(offline.main_frame, shown) == shown
    offline.screenshot(path=str(ARTIFACTS / f"{walk.name}-html-file.png"))
    offline.close()
    assert asked == []

    table = walk.download(t("export_csv", lang), tmp_path)
    first, *rows = table.read_text(encoding="utf-8-sig").splitlines()
    assert first.startswith("#") and "source" in first.lower()
    assert len(list(csv.reader(io.StringIO("\n".join(rows))))) == len(CHOSEN) + 1
    walk.shot("after-downloads", full_page=True)


# (page, the query that shows its charts)
ANALYSIS_PAGES = [
    ("timeline", "years=1999&years=2024"),
    ("groups", "group=iskp&year=2024"),
    ("cooperation", "org=csto&year=2015"),
    ("abroad", ""),
]


@pytest.mark.parametrize("path,query", ANALYSIS_PAGES, ids=[p for p, _ in ANALYSIS_PAGES])
def test_each_analysis_page_gives_its_charts_as_png_svg_and_csv(journey, tmp_path, path, query):
    walk = journey(f"briefer-{path}")
    page = walk.open(f"/{path}?{query}")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')].length > 0"
        " && [...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('svg.marks'))",
        timeout=60_000,
    )
    charts = page.locator(".vega-embed").count()
    for number in range(charts):
        png = walk.download(t("download_png", "en"), tmp_path, nth=number)
        with Image.open(png) as image:
            assert image.width >= 300
        assert not_blank(png), f"{png.name} looks blank"
        svg = walk.download(t("download_svg", "en"), tmp_path, nth=number).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and 'role="graphics-symbol"' in svg
        numbers = walk.download(t("download_csv", "en"), tmp_path, nth=number).read_text(encoding="utf-8")
        assert len(numbers.splitlines()) >= 2
    walk.shot("charts", full_page=True)

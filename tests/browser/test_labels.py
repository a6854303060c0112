"""Place names on the drawn basemap, in a real browser: cities near Tashkent and Kabul at the
regional and the close zooms, in English and Russian, never overlapping, never taking a click
meant for an attack circle."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.map.elements import basemap, feature_group
from geo.map.events import event_layer, event_payload
from geo.map.labels import label_payload
from geo.map.standalone import standalone_html
from geo.text.escape import compact_json
from tests.journeys.harness import CHROMIUM, CIRCLE_SPOT, PROJECTOR

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

EMPTY = compact_json({"type": "FeatureCollection", "features": []})
TASHKENT, KABUL = (41.3, 69.25), (34.53, 69.17)

# The names shown, their boxes, and for each circle in view: its centre, whether a name's box
# covers it, and what the page finds under that point.
READ_VIEW = """async ([lat, lon, zoom]) => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const events = Object.values(window).find(v => v instanceof L.CajnEvents);
  await events.ready;
  map.setView([lat, lon], zoom, {animate: false});
  await new Promise(r => setTimeout(r, 100));
  const rect = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const labels = [...document.querySelectorAll('.cajn-label')].map(e => ({text: e.textContent, box: rect(e)}));
  const frame = rect(map.getContainer());
  const circles = [];
  for (const marker of events.getLayers()) {
    const p = map.latLngToContainerPoint(marker.getLatLng());
    const x = frame[0] + p.x, y = frame[1] + p.y;
    // Away from the corners' controls (zoom buttons, scale, credit line), which do take clicks.
    if (x < frame[0] + 60 || x > frame[2] - 60 || y < frame[1] + 80 || y > frame[3] - 40) { continue; }
    const under = document.elementFromPoint(x, y);
    circles.push({
      x: x, y: y, index: marker._cajnIndex,
      covered: labels.some(l => l.box[0] <= x && x <= l.box[2] && l.box[1] <= y && y <= l.box[3]),
      hit: !!(under && under.closest('.leaflet-cajnEvents-pane')),
    });
  }
  const z = name => Number(map.getPane(name).style.zIndex);
  return {labels: labels, circles: circles, below: z('cajnLabels') < z('cajnEvents')};
}"""


@pytest.fixture(scope="module")
def pages(browser, data, shapes, tmp_path_factory):
    """The map in each language, as an offline HTML file opened in the browser."""
    folder = tmp_path_factory.mktemp("labels")
    payload = compact_json(event_payload(data.attacks, data.groups, data.sources, "en"))
    opened = {}
    for lang in ("en", "ru"):
        labels = compact_json(label_payload(shapes, lang))
        layer = event_layer(payload, len(data.attacks), points=True, heat=False, key="k")
        html = standalone_html(basemap((EMPTY, EMPTY), lang, labels=labels), [feature_group("attacks", layer)])
        path = folder / f"map-{lang}.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport=PROJECTOR)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(path.as_uri())
        opened[lang] = page
    yield opened
    for page in opened.values():
        page.close()


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    boxes = [(label["text"], label["box"]) for label in labels]
    return [
        (a, b)
        for i, (a, p) in enumerate(boxes)
        for b, q in boxes[i + 1 :]
        if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]
    ]


@pytest.mark.parametrize(
    "lang,centre,zoom,named,unnamed",
    [
        ("en", TASHKENT, 5, {"Tashkent", "Shymkent", "UZBEKISTAN", "KAZAKHSTAN"}, {"Chirchiq"}),
        ("en", TASHKENT, 8, {"Tashkent", "Chirchiq", "Angren"}, {"UZBEKISTAN"}),
        ("en", KABUL, 5, {"Kabul", "Islamabad", "AFGHANISTAN"}, {"Jalālābād"}),
        ("en", KABUL, 8, {"Kabul", "Jalālābād"}, set()),
        ("ru", TASHKENT, 5, {"Ташкент", "Шымкент", "УЗБЕКИСТАН"}, {"Tashkent"}),
        ("ru", TASHKENT, 8, {"Ташкент", "Чирчик", "Ангрен"}, {"Tashkent"}),
        ("ru", KABUL, 5, {"Кабул", "Исламабад", "АФГАНИСТАН"}, {"Kabul"}),
        ("ru", KABUL, 8, {"Кабул", "Джалалабад"}, {"Kabul"}),
    ],
)
def test_cities_are_named_from_zoom_5_in_the_language_without_overlapping(pages, lang, centre, zoom, named, unnamed):
    view = pages[lang].evaluate(READ_VIEW, [*centre, zoom])
    texts = {label["text"] for label in view["labels"]}
    assert named <= texts and not unnamed & texts
    assert overlapping(view["labels"]) == []


# A point where a click lands on circle `index` as it is drawn now (spread out or not), or null.
SPOT = (
    """index => {
  const events = Object.values(window).find(v => v instanceof L.CajnEvents);
  const map = Object.values(window).find(v => v instanceof L.Map);
  return ("""
    + CIRCLE_SPOT
    + """)(map, events._markers[index]);
}"""
)

SPREAD_OUT = "() => Object.values(window).find(v => v instanceof L.CajnEvents).spreadOut()"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_name_takes_a_click_meant_for_a_circle(pages, data, lang):
    page = pages[lang]
    view = page.evaluate(READ_VIEW, [*KABUL, 8])
    assert view["below"]
    covered = [circle for circle in view["circles"] if circle["covered"]]
    assert covered, "no circle under a name: the check would prove nothing"
    assert [circle for circle in view["circles"] if not circle["hit"]] == []
    circle = covered[0]
    page.mouse.click(circle["x"], circle["y"])
    page.wait_for_timeout(500)
    if not page.locator(".leaflet-popup .cajn-popup").count():
        # The circle shared its place with others: the click reached it and spread them out, off
        # the name; a reader then clicks the circle where it now is.
        assert circle["index"] in page.evaluate(SPREAD_OUT)
        spot = page.evaluate(SPOT, circle["index"])
        assert spot, "the circle spread out from under the name cannot be clicked"
        page.mouse.click(*spot)
        page.wait_for_timeout(500)
    popup = page.locator(".leaflet-popup .cajn-popup")
    assert popup.count() == 1
    assert data.attacks["id"].iloc[circle["index"]] in popup.inner_text()


@pytest.mark.parametrize("lang,units", [("en", ["km", "mi"]), ("ru", ["км", "ми"])])
def test_the_scale_bar_writes_its_units_in_the_language(pages, lang, units):
    pages[lang].evaluate(READ_VIEW, [*TASHKENT, 5])
    lines = pages[lang].evaluate(
        "() => [...document.querySelectorAll('.leaflet-control-scale-line')].map(e => e.textContent)"
    )
    assert [line.split(" ")[-1] for line in lines] == units
    assert all(line.split(" ")[0].isdigit() for line in lines)

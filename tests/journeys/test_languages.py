"""Every page in each language: no English left on a French or Russian page, no legend cut short,
and the same colours for the same things whatever the language."""

from __future__ import annotations

import re
from collections import Counter
from string import Formatter
from urllib.parse import parse_qs, urlparse

import pytest

from geo.state.urlstate import PAGE_PATHS
from geo.text.i18n import catalogue
from tests.journeys.harness import PROJECTOR, map_frame

# (page, a query that makes it show its charts and maps)
PAGES = {
    "map": "layers=attacks&layers=bases&layers=borders&layers=choropleth",
    "story": "step=6",
    "timeline": "years=1999&years=2024",
    "groups": "group=iskp&year=2024",
    "cooperation": "org=csto&year=2015",
    "abroad": "",
    "data": "",
    "import": "",
}
MIN_WORDS = 2
MIN_LENGTH = 10


def literals(text: str) -> list[str]:
    """The fixed parts of a catalogue text, between its placeholders."""
    return [literal for literal, *_ in Formatter().parse(text)]


TRANSLATED = ("fr", "ru")


def english_only(lang: str) -> set[str]:
    """Phrases of the English catalogue that its counterpart in `lang` does not contain: texts the
    same in both (names, formats) and data values are left out."""
    phrases = set()
    for _, texts in catalogue():
        if texts["en"] == texts[lang]:
            continue
        for literal in literals(texts["en"]):
            phrase = literal.strip(" .,:;·()[]–-—→←▶◀\n")
            if len(phrase) >= MIN_LENGTH and len(phrase.split()) >= MIN_WORDS and phrase not in texts[lang]:
                phrases.add(phrase)
    return phrases


ENGLISH = {lang: english_only(lang) for lang in TRANSLATED}
READ_PAGE = """() => {
  const texts = [document.body.innerText];
  for (const svg of document.querySelectorAll('svg')) texts.push(svg.textContent);
  for (const e of document.querySelectorAll('[aria-label], [title], [placeholder]'))
    texts.push(e.getAttribute('aria-label') || '', e.getAttribute('title') || '', e.getAttribute('placeholder') || '');
  return texts.join('\\n');
}"""
# Vega truncates a legend label to its labelLimit and ends it with an ellipsis.
CUT_CHART_LABELS = """() => [...document.querySelectorAll(
    '.vega-embed .role-legend text, .vega-embed .role-axis-label text')]
  .map(t => t.textContent).filter(t => t.endsWith('…'))"""
CUT_MAP_LEGEND = """() => {
  const box = document.querySelector('.cajn-legend');
  if (!box || !box.open) return [];
  const cut = [...box.querySelectorAll('span, h5, summary')].filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => e.textContent);
  if (box.scrollHeight > box.clientHeight + 1) cut.push('the legend scrolls inside its box');
  return cut;
}"""
# Streamlit ends a label that does not fit its button, tab or box with an ellipsis.
CUT_TEXT = """() => [...document.querySelectorAll('[data-testid="stMain"] *, [data-testid="stSidebar"] *')]
  .filter(e => e.textContent.trim() && getComputedStyle(e).textOverflow === 'ellipsis'
    && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.slice(0, 60))"""
CHART_COLOURS = """() => [...document.querySelectorAll('.vega-embed')].map(chart =>
  [...chart.querySelectorAll('.role-mark path, .role-mark rect, .role-mark line, .role-mark symbol')]
    .map(e => e.getAttribute('fill') !== 'none' && e.getAttribute('fill') || e.getAttribute('stroke') || '')
    .filter(Boolean))"""


# Pages whose charts mount after the script's run: counted before their colours are compared.
CHARTED = {"timeline", "groups", "cooperation", "abroad"}


def visit(journey, path: str, lang: str, charts: int = 1):
    """The page in `lang`, once its map legend and at least `charts` drawn charts are there."""
    walk = journey(f"languages-{path}-{lang}", viewport=PROJECTOR)
    query = "&".join(filter(None, [f"lang={lang}", PAGES[path]]))
    page = walk.open(f"/{'' if path == 'map' else path}?{query}")
    if path in ("map", "story"):
        map_frame(page).locator(".cajn-legend").wait_for(timeout=30_000)
    if path in CHARTED:
        page.wait_for_function(
            "n => document.querySelectorAll('.vega-embed svg.marks').length >= n", arg=charts, timeout=60_000
        )
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-embed')].every(e => e.querySelector('svg.marks'))", timeout=60_000
    )
    walk.idle()
    return walk


def frames_text(page) -> str:
    return "\n".join(frame.evaluate(READ_PAGE) for frame in page.frames)


@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_reads_in_each_language_keeps_its_legends_whole_and_its_colours(journey, path):
    assert set(PAGES) == set(PAGE_PATHS)
    seen = {}
    for lang in ("en", *TRANSLATED):
        walk = visit(journey, path, lang, charts=len(seen.get("en", [None])))
        page = walk.page
        text = frames_text(page)
        if lang != "en":
            left = sorted(phrase for phrase in ENGLISH[lang] if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))
            assert left == [], f"English on the {lang} {path} page: {left}"
        assert page.evaluate(CUT_CHART_LABELS) == []
        assert page.evaluate(CUT_TEXT) == [], f"labels cut short on {path} ({lang})"
        for frame in page.frames:
            assert frame.evaluate(CUT_MAP_LEGEND) == [], f"cut in the map legend of {path} ({lang})"
        seen[lang] = [Counter(colours) for colours in page.evaluate(CHART_COLOURS)]
        walk.shot("page", full_page=True)
    for lang in TRANSLATED:
        assert seen["en"] == seen[lang], f"the {path} page's charts change colours in {lang}"


# (page, a choice made on it that must survive any number of language switches)
CHOICES = [
    ("", "choro=casualties&layers=attacks&layers=heatmap"),
    ("timeline", "stack=country&measure=killed"),
    ("data", "dataset=groups"),
    ("groups", "group=iskp"),
    ("cooperation", "org=sco"),
    ("story", "step=4"),
    ("", "groups=iskp&groups=imu&countries=AFG&atype=suicide_bombing"),
]


@pytest.mark.parametrize("path,query", CHOICES, ids=[f"{p or 'map'}-{n}" for n, (p, _) in enumerate(CHOICES)])
def test_switching_language_back_and_forth_keeps_the_page_and_its_choices(journey, path, query):
    walk = journey(f"languages-switch-{path or 'map'}-{len(query)}")
    page = walk.open(f"/{path}?{query}")
    for lang in ("FR", "RU", "EN", "RU", "EN"):
        page.locator("[data-testid='stSidebar'] [data-testid='stRadio'] label").filter(has_text=lang).click()
        walk.idle()
        page.wait_for_function(
            "lang => (new URLSearchParams(location.search).get('lang') || 'en') === lang",
            arg=lang.lower(),
            timeout=30_000,
        )
    kept = parse_qs(urlparse(page.url).query)
    for key, values in parse_qs(query).items():
        assert kept.get(key) == values, f"{key} became {kept.get(key)}"

"""The guided story: chapters that follow the essay, each setting years, groups, layers and view.

Each step names the records (attacks and events) it speaks of; its sources are theirs, so
every sentence can be traced to the rows and citations behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo import params
from geo.analysis.filters import KILLED_ANY
from geo.text.i18n import t
from geo.text.sources import source_entries, source_markdown


@dataclass(frozen=True)
class Text:
    """A text of the story by language: `text[lang]` looks its key up in that language's catalogue,
    so translators edit the story where they edit every other text."""

    key: str

    def __getitem__(self, lang: str) -> str:
        return t(self.key, lang)


@dataclass(frozen=True)
class Step:
    key: str
    chapter: Text
    years: tuple[int, int]
    center: tuple[float, float]
    zoom: int
    groups: tuple[str, ...] = ()
    lineage: bool = False
    layers: tuple[str, ...] = ("attacks", "bases", "borders")
    records: tuple[str, ...] = field(default=())
    source_ids: tuple[str, ...] = field(default=())

    @property
    def title(self) -> Text:
        return Text(f"story_{self._name}_title")

    @property
    def text(self) -> Text:
        return Text(f"story_{self._name}_body")

    @property
    def _name(self) -> str:
        return self.key.replace("-", "_")


ROOTS = Text("story_chapter_roots")
AL_QAEDA = Text("story_chapter_al_qaeda")
ISKP = Text("story_chapter_iskp")
ABROAD = Text("story_chapter_abroad")
COOPERATION = Text("story_chapter_cooperation")

STEPS: tuple[Step, ...] = (
    Step(
        "independence",
        ROOTS,
        years=(1991, 1997),
        center=(40.5, 70.5),
        zoom=6,
        records=(
            "evx-1991-12-01-namangan-administration-seizure",
            "evc-1992-05-05-tajik-civil-war-begins",
            "evg-01",
            "1997-12-01-namangan-police-killings",
        ),
    ),
    Step(
        "imu",
        ROOTS,
        years=(1998, 2001),
        center=(40.0, 70.0),
        zoom=6,
        groups=("imu",),
        records=(
            "evg-02",
            "1999-02-16-tashkent-bombings",
            "1999-08-01-batken-incursion-campaign",
            "2000-08-01-batken-2000-incursion",
            "2000-08-01-surkhandarya-incursion",
        ),
    ),
    Step(
        "al-qaeda",
        AL_QAEDA,
        years=(2001, 2009),
        center=(38.0, 66.0),
        zoom=4,
        groups=("imu",),
        lineage=True,
        layers=("attacks", "bases", "foreign_bases"),
        records=(
            "evc-2001-10-07-us-air-campaign-afghanistan",
            "evg-04",
            "evg-05",
            "2004-03-29-tashkent-chorsu-suicide-bombings",
            "2007-09-04-sauerland-cell-plot-foiled",
        ),
    ),
    Step(
        "fading",
        AL_QAEDA,
        years=(2009, 2015),
        center=(33.5, 68.0),
        zoom=5,
        groups=("imu",),
        lineage=True,
        records=("evg-12", "evg-15", "evg-26", "evg-28"),
    ),
    Step(
        "iskp",
        ISKP,
        years=(2015, 2021),
        center=(34.3, 68.5),
        zoom=6,
        groups=("iskp",),
        layers=("attacks", "heatmap", "bases"),
        records=("evg-23", "evg-33", "evg-34", "2021-08-26-kabul-airport-abbey-gate-bombing"),
    ),
    Step(
        "iskp-region",
        ISKP,
        years=(2021, 2025),
        center=(40.0, 60.0),
        zoom=4,
        groups=("iskp",),
        layers=("attacks", "borders"),
        records=(
            "2022-04-18-termez-rocket-attack",
            "2022-05-07-rockets-toward-tajikistan",
            "2024-03-22-crocus-city-hall-attack",
        ),
        source_ids=("pantucci_2024_conflits",),
    ),
    Step(
        "abroad",
        ABROAD,
        years=(2016, 2025),
        center=(45.0, 30.0),
        zoom=3,
        layers=("attacks", "choropleth"),
        records=(
            "2017-01-01-istanbul-reina-nightclub-shooting",
            "2017-04-07-stockholm-truck-attack",
            "2017-10-31-new-york-truck-attack",
            "2024-01-03-kerman-bombings",
            "2024-03-22-crocus-city-hall-attack",
        ),
    ),
    Step(
        "cooperation",
        COOPERATION,
        years=(1991, 2025),
        center=(41.0, 68.0),
        zoom=4,
        layers=("foreign_bases", "borders"),
        records=(
            "evc-1992-05-15-collective-security-treaty",
            "evc-1996-04-26-shanghai-five",
            "evc-2001-06-15-sco-founded",
            "evc-2002-10-07-csto-charter",
            "evc-2004-06-rats-operational-tashkent",
        ),
    ),
    Step(
        "ahead",
        COOPERATION,
        years=(2017, 2025),
        center=(40.0, 70.0),
        zoom=5,
        layers=("borders", "attacks"),
        records=("evc-2021-04-28-kgz-tjk-clashes-2021", "evc-2022-09-14-kgz-tjk-clashes-2022"),
        source_ids=("pantucci_2024_conflits",),
    ),
)


def step_state(step: Step) -> dict:
    """The shared view a step sets: years, groups, lineage, layers and no other filter."""
    return {
        params.YEARS: step.years,
        params.GROUPS: list(step.groups),
        params.LINEAGE: step.lineage,
        params.LAYERS: list(step.layers),
        params.COUNTRIES: [],
        params.ATTACK_TYPES: [],
        params.TARGET_TYPES: [],
        params.NATIONALITIES: [],
        params.REGION: "all",
        params.COUNTRY_MODE: "include",
        params.MIN_CASUALTIES: 0,
        params.KILLED: KILLED_ANY,
        params.PLACE_PRECISIONS: [],
        params.DATE_PRECISIONS: [],
        params.FOILED: True,
    }


def step_sources(step: Step, attacks: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """The sources of the records a step speaks of, as markdown lines, each once."""
    cells = pd.concat([attacks.set_index("id")["source_ids"], events.set_index("id")["source_ids"]])
    ids = ";".join(list(cells.loc[list(step.records)]) + list(step.source_ids))
    unique = ";".join(dict.fromkeys(ids.split(";")))
    return [source_markdown(e) for e in source_entries(unique, sources)]


STORY_PATH = "story"


def story_view(step: int, page: str, previous_page: str | None, url_keys) -> dict:
    """The view of step `step` when the story is entered (from another page, or by a first visit
    whose link does not set the years itself); otherwise nothing to change."""
    entered = page == STORY_PATH and previous_page != STORY_PATH
    if entered and (previous_page is not None or params.YEARS not in url_keys):
        return step_state(STEPS[step - 1])
    return {}

"""What every page is given of the reader's view: the selection, its words and its stamp, as plain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from geo import params
from geo.analysis.filters import year_span
from geo.analysis.totals import sources_cited
from geo.data.load import Dataset
from geo.state.criteria import map_view, selection_key
from geo.text.captions import counted_text, export_subtitle, map_title, stamp_lines, view_caption
from geo.text.i18n import chart_labels, t
from geo.text.labels import group_acronyms


# Not compared by value: it holds the dataset and the selection, which are compared by identity.
@dataclass(frozen=True, eq=False)
class PageView:
    """The view a page shows, read from the session once at the top of the page."""

    lang: str
    data: Dataset
    # `select_attacks` arguments (plus the imports), plain values: a cache key.
    criteria: dict
    attacks: pd.DataFrame
    # The sidebar's years, and the years the data covers.
    span: tuple[int, int]
    data_span: tuple[int, int]
    # For each list filter, its ids and their labels (groups as 'ACRONYM · Name')...
    options: dict[str, dict[str, str]]
    # ...and their short names, as a caption or a sentence lists them (groups by acronym).
    short: dict[str, dict[str, str]]
    caption: str
    # What a count of attacks counts here: curated notable attacks, or incidents with the imports.
    counted: str
    # The lines under every chart of attacks: the caption, what is counted, then the source and date.
    subtitle: list[str]
    # The same for charts of events, bases or figures, which count no attacks.
    plain_subtitle: list[str]
    chart_labels: dict[str, str]
    # The fingerprint of the selection, which a click on the map must match.
    key: str
    # The parts of the view the map layers depend on.
    map_view: dict
    present: bool
    today: str
    # How many sources the selection cites, as the map's attribution says.
    sources: int
    attribution: str
    # The block stamped on the map in presentation mode; None otherwise.
    stamp: tuple[str, ...] | None

    @property
    def group_labels(self) -> dict[str, str]:
        """Group id -> 'ACRONYM · Name', ordered by founding year."""
        return self.options[params.GROUPS]

    @property
    def acronyms(self) -> dict[str, str]:
        """Group id -> its acronym (its name when it has none)."""
        return self.short[params.GROUPS]


def page_view(
    state: Mapping, data: Dataset, criteria: dict, attacks: pd.DataFrame, options: Mapping, today: str
) -> PageView:
    """The view of `state`, given the selection `criteria` make of `data` (`attacks`), the filter
    options and today's date (ISO)."""
    lang = state[params.LANG]
    short = {**options, params.GROUPS: group_acronyms(data.groups, lang)}
    caption = view_caption(criteria, short, lang)
    counted = counted_text(bool(criteria.get("imports")), lang)
    sources = sources_cited(attacks)
    present = bool(state[params.PRESENT])
    title = map_title(criteria, lang)
    stamp = tuple(stamp_lines(title, caption, criteria["years"], sources, lang, today)) if present else None
    return PageView(
        lang=lang,
        data=data,
        criteria=criteria,
        attacks=attacks,
        span=criteria["years"],
        data_span=year_span(data.attacks, data.events),
        options=dict(options),
        short=short,
        caption=caption,
        counted=counted,
        subtitle=export_subtitle(caption, lang, date.fromisoformat(today), counted),
        plain_subtitle=export_subtitle(caption, lang, date.fromisoformat(today)),
        chart_labels=chart_labels(lang),
        key=selection_key(criteria),
        map_view=map_view(state),
        present=present,
        today=today,
        sources=sources,
        attribution=t("map_data_attribution", lang, n=sources),
        stamp=stamp,
    )

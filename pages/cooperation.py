"""Regional cooperation: membership year by year, agreements and exercises, bases, and context."""

import streamlit as st

from geo import cache, keys, params
from geo.analysis.cooperation import (
    COOPERATION_KINDS,
    base_periods,
    indicator_rows,
    indicators,
    membership_table,
    organization_acronyms,
    organization_labels,
    organizations_in,
    status_in_year,
)
from geo.analysis.filters import in_years
from geo.analysis.trends import key_events
from geo.data.vocab import CONTEXT_TOPICS, MEMBERSHIP_STATUSES
from geo.render.charts import bases_chart, context_chart, events_chart, membership_map, titled
from geo.text.captions import year_subtitle
from geo.text.i18n import SOURCE_LANGUAGE, t, value_label
from geo.text.sources import cited_lines
from widgets import chart_block, sources_expander, year_slider

view = cache.page_view(st.session_state)
state, data = st.session_state, view.data
lang, span, labels = view.lang, view.span, view.chart_labels
orgs = organization_labels(data.organizations, lang)


def step(direction: int):
    state[params.YEAR] = min(max(state[params.YEAR] + direction, span[0]), span[1])


st.title(t("page_cooperation", lang))
st.write(t("cooperation_intro", lang))
choice, when, back, forward = st.columns([5, 4, 1, 1], vertical_alignment="bottom")
org = choice.selectbox(
    t("organization", lang),
    organizations_in(data.organizations, data.memberships),
    format_func=orgs.get,
    key=params.ORGANIZATION,
    persist_state="session",
)
year = year_slider(t("membership_year", lang), span, params.YEAR, when)
back.button("◀", on_click=step, args=(-1,), key=keys.YEAR_BACK, width="stretch", disabled=year <= span[0])
forward.button("▶", on_click=step, args=(1,), key=keys.YEAR_FORWARD, width="stretch", disabled=year >= span[1])

statuses = status_in_year(data.memberships, org, year)
name = organization_acronyms(data.organizations, lang)[org]
if not len(statuses):
    st.info(t("no_members", lang, org=name, year=year))
status_labels = {s: value_label("membership_status", s, lang) for s in MEMBERSHIP_STATUSES}
chart_block(
    titled(
        membership_map(cache.shapes(), statuses, lang, labels, status_labels),
        t("chart_membership", lang, org=name, year=year),
        year_subtitle(year, lang),
    ),
    f"{org}-{year}",
    membership_table(statuses, lang),
    lang,
    keys.CHART_MEMBERSHIP,
)

moments = key_events(in_years(data.events, "events", span), lang, COOPERATION_KINDS)
chart_block(
    titled(events_chart(moments, span, labels), t("chart_cooperation", lang), view.plain_subtitle),
    "cooperation-events",
    moments,
    lang,
    keys.CHART_COOPERATION,
)
periods = base_periods(data.bases, span[1], lang)
chart_block(
    titled(bases_chart(periods, labels), t("chart_foreign_bases", lang), view.plain_subtitle),
    "foreign-bases",
    periods,
    lang,
    keys.CHART_FOREIGN_BASES,
)

st.header(t("context_title", lang), anchor=False)
topic = st.radio(
    t("context_topic", lang),
    CONTEXT_TOPICS,
    horizontal=True,
    key="context_topic",
    format_func=lambda v: t(f"topic_{v}", lang),
)
options = indicators(data.context, topic, lang)
indicator = st.selectbox(t("context_indicator", lang), list(options), format_func=options.get, key=f"indicator_{topic}")
rows = indicator_rows(data.context, indicator, lang)
st.caption(t("context_range", lang))
chart_block(
    titled(context_chart(rows, labels, notes=lang == SOURCE_LANGUAGE), rows["label"].iloc[0], view.plain_subtitle),
    f"context-{indicator}",
    rows,
    lang,
    keys.CHART_CONTEXT,
)
sources_expander(cited_lines(rows["sources"], data.sources), lang)

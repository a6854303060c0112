"""Timeline and trends: attacks and tolls per year, inside and outside the region, key events."""

import streamlit as st

from geo import cache, params
from geo.analysis.filters import select
from geo.analysis.trends import eras, inside_outside, key_events, stack_keys, yearly
from geo.render.charts import events_chart, inside_outside_chart, titled, yearly_chart
from geo.state.criteria import attack_criteria
from geo.state.urlstate import MEASURES, STACK_BY
from geo.text.captions import chart_subtitle
from geo.text.i18n import chart_labels, t
from widgets import chart_block

state = st.session_state
lang = state[params.LANG]
data = cache.dataset()
criteria = attack_criteria(state, data.group_links)
attacks = cache.attacks(criteria)
span = criteria["years"]
labels = chart_labels(lang)
subtitle = chart_subtitle(criteria, cache.filter_options(lang), lang)

st.title(t("page_timeline", lang))
st.write(t("timeline_intro", lang))
st.caption(subtitle[0])
left, right = st.columns(2)
by = left.radio(
    t("stack_by", lang),
    STACK_BY,
    horizontal=True,
    key=params.STACK_BY,
    persist_state="session",
    index=STACK_BY.index(state[params.STACK_BY]),
    format_func=lambda v: t(f"stack_{v}", lang),
)
measure = right.radio(
    t("measure", lang),
    MEASURES,
    horizontal=True,
    key=params.MEASURE,
    persist_state="session",
    index=MEASURES.index(state[params.MEASURE]),
    format_func=lambda v: t(f"measure_{v}", lang),
)

keys, colors = stack_keys(attacks, data.groups, by, lang)
per_year = yearly(attacks, keys, measure)
title = t("chart_per_year", lang, measure=t(f"measure_{measure}", lang), by=t(f"stack_{by}", lang).lower())
chart_labels_now = {**labels, "value": t(f"measure_{measure}", lang), "by": t(f"stack_{by}", lang)}
chart_block(
    titled(yearly_chart(per_year, colors, eras(span[1], lang), span, chart_labels_now), title, subtitle),
    f"{measure}-per-year-by-{by}",
    per_year,
    lang,
)

places = inside_outside(attacks, lang)
chart_block(
    titled(inside_outside_chart(places, span, labels), t("chart_inside_outside", lang), subtitle),
    "attacks-inside-outside",
    places,
    lang,
)

moments = key_events(select(data.events, "events", span, criteria["groups"]), lang)
chart_block(
    titled(events_chart(moments, span, labels), t("chart_key_events", lang), subtitle), "key-events", moments, lang
)

"""Timeline and trends: attacks and tolls per year, inside and outside the region, key events."""

import streamlit as st

from geo import cache, keys, params
from geo.analysis.filters import select
from geo.analysis.trends import eras, inside_outside, key_events, stack_keys, yearly
from geo.render.charts import events_chart, inside_outside_chart, titled, yearly_chart
from geo.state.urlstate import MEASURES, STACK_BY
from geo.text.i18n import t
from widgets import chart_block

view = cache.page_view(st.session_state)
lang, span, labels, subtitle = view.lang, view.span, view.chart_labels, view.subtitle

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
    index=STACK_BY.index(st.session_state[params.STACK_BY]),
    format_func=lambda v: t(f"stack_{v}", lang),
)
measure = right.radio(
    t("measure", lang),
    MEASURES,
    horizontal=True,
    key=params.MEASURE,
    persist_state="session",
    index=MEASURES.index(st.session_state[params.MEASURE]),
    format_func=lambda v: t(f"measure_{v}", lang),
)

stacks, colors = stack_keys(view.attacks, view.data.groups, by, lang)
per_year = yearly(view.attacks, stacks, measure)
title = t("chart_per_year", lang, measure=t(f"measure_{measure}", lang), by=t(f"stack_{by}", lang).lower())
chart_labels_now = {**labels, "value": t(f"measure_{measure}", lang), "by": t(f"stack_{by}", lang)}
chart_block(
    titled(yearly_chart(per_year, colors, eras(span[1], lang), span, chart_labels_now), title, subtitle),
    f"{measure}-per-year-by-{by}",
    per_year,
    lang,
    keys.CHART_YEARLY,
)

places = inside_outside(view.attacks, lang)
chart_block(
    titled(inside_outside_chart(places, span, labels), t("chart_inside_outside", lang), subtitle),
    "attacks-inside-outside",
    places,
    lang,
    keys.CHART_INSIDE_OUTSIDE,
)

moments = key_events(select(view.data.events, "events", span, view.criteria["groups"]), lang)
chart_block(
    titled(events_chart(moments, span, labels), t("chart_key_events", lang), view.plain_subtitle),
    "key-events",
    moments,
    lang,
    keys.CHART_KEY_EVENTS,
)

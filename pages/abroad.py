"""Attacks abroad: Central Asian nationals' attacks outside the region, origins and destinations."""

import streamlit as st

from geo import cache, keys
from geo.analysis.trends import abroad, counts_by, inside_outside
from geo.render.charts import INSIDE_OUTSIDE, abroad_map, count_bars, inside_outside_chart, titled
from geo.text.i18n import t
from widgets import chart_block

view = cache.page_view(st.session_state)
lang, labels, subtitle = view.lang, view.chart_labels, view.subtitle

st.title(t("page_abroad", lang))
st.write(t("abroad_intro", lang))
st.caption(subtitle[0])
trips = abroad(view.attacks, view.data.countries, lang)
if not len(trips):
    st.info(t("no_abroad", lang))
else:
    chart_block(
        titled(abroad_map(cache.shapes(), trips, lang, labels), t("chart_abroad_map", lang), subtitle),
        "attacks-abroad-map",
        trips,
        lang,
        keys.CHART_ABROAD_MAP,
    )
    left, right = st.columns(2)
    with left:
        by_origin = counts_by(trips, "origin", "origin_name")
        chart_block(
            titled(
                count_bars(by_origin, "origin_name", labels["attacks"], INSIDE_OUTSIDE[0]),
                t("chart_by_origin", lang),
                subtitle,
            ),
            "abroad-by-origin",
            by_origin,
            lang,
            keys.CHART_BY_ORIGIN,
        )
    with right:
        by_destination = counts_by(trips, "destination", "destination_name")
        chart_block(
            titled(
                count_bars(by_destination, "destination_name", labels["attacks"], INSIDE_OUTSIDE[1]),
                t("chart_by_destination", lang),
                subtitle,
            ),
            "abroad-by-destination",
            by_destination,
            lang,
            keys.CHART_BY_DESTINATION,
        )
places = inside_outside(view.attacks, lang)
chart_block(
    titled(inside_outside_chart(places, view.span, labels), t("chart_inside_outside", lang), subtitle),
    "attacks-inside-outside",
    places,
    lang,
    keys.CHART_INSIDE_OUTSIDE,
)

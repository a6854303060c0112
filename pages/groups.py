"""Groups and lineage: one profile per group, and the graph of splits, mergers and pledges."""

import streamlit as st

from geo import cache, params
from geo.analysis.filters import of_groups
from geo.analysis.lineage import ancestors, descendants, group_profile, group_years, lineage_graph, links_in
from geo.map.overlays import bases_map
from geo.render.charts import group_years_chart, lineage_chart, titled
from geo.render.tables import column_labels, for_display
from geo.state.criteria import attack_criteria
from geo.text.captions import chart_subtitle, year_subtitle
from geo.text.escape import escape_markdown
from geo.text.i18n import chart_labels, t
from geo.text.labels import group_labels
from widgets import base_url_path, chart_block, map_widget

state = st.session_state
lang = state[params.LANG]
data = cache.dataset()
criteria = attack_criteria(state, data.group_links)
span = criteria["years"]
labels = group_labels(data.groups, lang)
subtitle = chart_subtitle(criteria, cache.filter_options(lang), lang)

st.title(t("page_groups", lang))
st.write(t("groups_intro", lang))
group = st.selectbox(
    t("profile_group", lang),
    list(labels),
    format_func=labels.get,
    key=params.PROFILE,
    index=list(labels).index(state[params.PROFILE]),
    persist_state="session",
)
profile = group_profile(data.groups, group, data.sources, lang)

facts, places = st.columns([3, 2])
with facts:
    st.subheader(escape_markdown(profile["title"]), anchor=False)
    st.markdown(f"**{t('names', lang)}**: " + " · ".join(escape_markdown(n) for n in profile["names"]))
    st.markdown(f"**{t('years_active', lang)}**: {profile['years']}")
    leaders = ", ".join(escape_markdown(name) for name in profile["leaders"]) or t("no_leaders", lang)
    st.markdown(f"**{t('leaders', lang)}**: {leaders}")
    st.markdown(escape_markdown(profile["description"]))
    with st.expander(t("sources", lang)):
        st.markdown("\n".join(f"1. {line}" for line in profile["sources"]))
with places:
    st.caption(t("group_bases", lang))
    base_map = bases_map(cache.basemap_json(), data.bases, group, data.groups, data.sources, lang, base_url_path())
    if base_map is None:
        st.info(t("no_bases", lang))
    else:
        map_widget(base_map, [], f"bases-{group}", 330)
        with st.expander(t("map_as_table", lang)):
            table = for_display(of_groups(data.bases, "bases", [group]), data.sources)
            st.dataframe(table, hide_index=True, column_config=column_labels(table, lang))

per_year = group_years(data.attacks, group, span)
title = t("chart_group_years", lang, group=profile["title"].split(" · ")[0])
chart_block(
    titled(group_years_chart(per_year, profile["color"], span, chart_labels(lang)), title, subtitle),
    f"{group}-per-year",
    per_year,
    lang,
)

year = st.slider(
    t("lineage_year", lang), span[0], span[1], min(max(state[params.YEAR], span[0]), span[1]), key=params.YEAR
)
nodes, edges = lineage_graph(data.groups, data.group_links, year, lang, focus=group)
in_force = links_in(data.group_links, year)
up = ", ".join(labels[g].split(" · ")[0] for g in ancestors(group, in_force)) or t("nobody", lang)
down = ", ".join(labels[g].split(" · ")[0] for g in descendants(group, in_force)) or t("nobody", lang)
st.caption(t("lineage_highlight", lang, group=profile["title"].split(" · ")[0], up=up, down=down))
chart_block(
    titled(
        lineage_chart(nodes, edges, chart_labels(lang)), t("chart_lineage", lang, year=year), year_subtitle(year, lang)
    ),
    f"lineage-{year}",
    edges,
    lang,
)

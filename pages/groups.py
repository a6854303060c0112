"""Groups and lineage: one profile per group, and the graph of splits, mergers and pledges."""

import streamlit as st

from geo import cache, keys, params
from geo.analysis.filters import of_groups
from geo.analysis.lineage import ancestors, descendants, group_profile, group_years, lineage_graph, links_in
from geo.render.charts import group_years_chart, lineage_chart, titled
from geo.render.tables import column_labels, for_display
from geo.text.captions import year_subtitle
from geo.text.escape import escape_markdown
from geo.text.i18n import t
from widgets import bases_map_widget, chart_block, sources_expander, year_slider

view = cache.page_view(st.session_state)
state, data = st.session_state, view.data
lang, span, labels, acronyms = view.lang, view.span, view.group_labels, view.acronyms

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
with facts, st.container(key=keys.PROFILE):
    st.subheader(escape_markdown(profile["title"]), anchor=False)
    st.markdown(f"**{t('names', lang)}**: " + " · ".join(escape_markdown(n) for n in profile["names"]))
    st.markdown(f"**{t('years_active', lang)}**: {profile['years']}")
    leaders = ", ".join(escape_markdown(name) for name in profile["leaders"]) or t("no_leaders", lang)
    st.markdown(f"**{t('leaders', lang)}**: {leaders}")
    st.markdown(escape_markdown(profile["description"]))
    sources_expander(profile["sources"], lang)
with places:
    st.caption(t("group_bases", lang))
    if bases_map_widget(view, group, 330):
        with st.expander(t("map_as_table", lang)):
            table = for_display(of_groups(data.bases, "bases", [group]), data.sources)
            st.dataframe(table, hide_index=True, column_config=column_labels(table, lang))
    else:
        st.info(t("no_bases", lang))

per_year = group_years(data.attacks, group, span)
chart_block(
    titled(
        group_years_chart(per_year, profile["color"], span, view.chart_labels),
        t("chart_group_years", lang, group=acronyms[group]),
        view.subtitle,
    ),
    f"{group}-per-year",
    per_year,
    lang,
    keys.CHART_GROUP_YEARS,
)

year = year_slider(t("lineage_year", lang), span, params.YEAR)
nodes, edges = lineage_graph(data.groups, data.group_links, year, lang, focus=group)
in_force = links_in(data.group_links, year)
up = ", ".join(acronyms[g] for g in ancestors(group, in_force)) or t("nobody", lang)
down = ", ".join(acronyms[g] for g in descendants(group, in_force)) or t("nobody", lang)
st.caption(t("lineage_highlight", lang, group=acronyms[group], up=up, down=down))
chart_block(
    titled(
        lineage_chart(nodes, edges, view.chart_labels),
        t("chart_lineage", lang, year=year),
        year_subtitle(year, lang),
    ),
    f"lineage-{year}",
    edges,
    lang,
    keys.CHART_LINEAGE,
)

"""Data & sources: every dataset as a searchable table with its sources and downloads."""

import streamlit as st

from geo import cache, keys, params
from geo.analysis.filters import select
from geo.render.tables import (
    attack_table,
    citation,
    dataset_table,
    for_display,
    row_counts,
    source_column,
    to_csv_bytes,
)
from geo.text.i18n import DATASET_LABELS, dataset_label, t
from geo.text.sources import source_entries, source_markdown
from widgets import data_table

view = cache.page_view(st.session_state)
state, data, lang = st.session_state, view.data, view.lang
tables = data.tables()

st.title(t("page_data", lang))
st.write(t("data_intro", lang))

left, right = st.columns([3, 2])
with right:
    st.caption(t("counts_title", lang))
    st.dataframe(row_counts(tables, lang), hide_index=True)
with left:
    name = st.selectbox(
        t("dataset", lang),
        list(DATASET_LABELS),
        key=params.DATASET,
        index=list(DATASET_LABELS).index(state[params.DATASET]),
        format_func=lambda n: dataset_label(n, lang),
        persist_state="session",
    )
    query = st.text_input(
        t("search", lang),
        value=state[params.SEARCH],
        placeholder=t("search_placeholder", lang),
        key=params.SEARCH,
        persist_state="session",
    )
    use_sidebar = st.toggle(
        t("apply_sidebar_filters", lang),
        value=state[params.APPLY_FILTERS],
        key=params.APPLY_FILTERS,
        persist_state="session",
    )

years = state[params.YEARS] if use_sidebar else None
groups = state[params.GROUPS] if use_sidebar else ()
selection = select(tables[name], name, years, groups, query)
# The rows as the files hold them, for the selected row's sources and the download.
rows_as_filed = for_display(selection, data.sources)
table, columns = (
    attack_table(selection, data.groups, data.sources, lang)
    if name == "attacks"
    else dataset_table(rows_as_filed, name, lang)
)
st.caption(t("rows_shown", lang, shown=len(table), total=len(tables[name])))

picked = data_table(table, columns, keys.DATA_TABLE, on_select="rerun", selection_mode="single-row")
rows = picked.selection.rows
if not len(table):
    st.info(t("no_rows", lang))
elif rows and source_column(rows_as_filed):
    row = rows_as_filed.iloc[rows[0]]
    st.markdown(f"**{t('row_sources', lang, id=row.get('id', row.get('attack_id')))}**")
    cited = row[source_column(rows_as_filed)]
    st.markdown("\n".join(f"- {source_markdown(e)}" for e in source_entries(cited, data.sources)))
elif source_column(rows_as_filed):
    st.caption(t("select_row_hint", lang))

download_left, download_right = st.columns(2)
download_left.download_button(
    t("download_selection", lang, n=len(table)),
    to_csv_bytes(rows_as_filed),
    file_name=f"{name}-selection.csv",
    mime="text/csv",
)
download_right.download_button(
    t("download_full", lang, name=f"{name}.csv"), to_csv_bytes(tables[name]), file_name=f"{name}.csv", mime="text/csv"
)

with st.expander(t("how_to_cite", lang), expanded=False):
    st.code(citation(name, len(tables[name]), lang), language=None, wrap_lines=True)
st.caption(t("shapes_credit", lang))

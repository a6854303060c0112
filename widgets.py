"""Streamlit pieces shared by the analysis pages: a chart with its numbers and its downloads."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from geo import cache
from geo.i18n import t
from geo.tables import to_csv_bytes


def chart_block(chart: alt.TopLevelMixin, name: str, table: pd.DataFrame, lang: str) -> None:
    """The chart, PNG/SVG/CSV downloads rendered only when asked for, and its numbers as a table."""
    st.altair_chart(chart, width="content")
    spec = chart.to_json()
    png, svg, csv = st.columns([1, 1, 1])
    png.download_button(t("download_png", lang), lambda: cache.chart_png(spec), file_name=f"{name}.png",
                        mime="image/png", on_click="ignore", key=f"{name}-png")
    svg.download_button(t("download_svg", lang), lambda: cache.chart_svg(spec), file_name=f"{name}.svg",
                        mime="image/svg+xml", on_click="ignore", key=f"{name}-svg")
    csv.download_button(t("download_csv", lang), to_csv_bytes(table), file_name=f"{name}.csv", mime="text/csv",
                        on_click="ignore", key=f"{name}-csv")
    with st.expander(t("chart_numbers", lang)):
        st.dataframe(table, hide_index=True)

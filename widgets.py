"""Streamlit pieces shared by several pages: charts with downloads, maps, download rows, sources, the record card."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import cache, keys
from geo.map.elements import basemap, with_drawn_report
from geo.map.overlays import bases_map
from geo.render.tables import Column, to_csv_bytes
from geo.state.view import PageView
from geo.text.escape import escape_markdown
from geo.text.i18n import t, value_label
from geo.text.sources import SITE_OF_URL, numbered

MAP_HEIGHT = 620
# Leaves the map whole on a 1280×720 projector, under the presentation's one button.
PRESENT_MAP_HEIGHT = 560


def _base_url_path() -> str:
    """The server's base path, under which the map's assets are served."""
    return st.get_option("server.baseUrlPath") or ""


def _folium(fmap, layers: list, key: str, height: int, returned: list[str] | None = None, **position):
    """A folium map whose layers are redrawn on reruns without resetting the zoom."""
    return st_folium(
        fmap,
        key=key,
        height=height,
        use_container_width=True,
        feature_group_to_add=layers or None,
        returned_objects=returned or [],
        **position,
    )


def map_widget(lang: str, layers: list, key: str, height: int, returned: list[str] | None = None, **position):
    """The basemap in `lang`, its assets under the server's base path, with `layers` drawn over it;
    it says when drawn if `returned` asks for `DRAWN_CHANNEL`."""
    fmap = basemap(
        cache.basemap_json(), lang, _base_url_path(), labels=cache.place_labels(lang), scripts=cache.map_scripts()
    )
    return _folium(with_drawn_report(fmap), layers, key, height, returned, **position)


def bases_map_widget(view: PageView, group: str, height: int) -> bool:
    """A small map of `group`'s bases and areas over all years; False, with nothing drawn, when it has none."""
    data = view.data
    fmap = bases_map(
        cache.basemap_json(),
        data.bases,
        group,
        data.groups,
        data.sources,
        view.lang,
        _base_url_path(),
        labels=cache.place_labels(view.lang),
        scripts=cache.map_scripts(),
    )
    if fmap is not None:
        _folium(fmap, [], f"bases-{group}", height)
    return fmap is not None


def download_row(items: list[tuple], key: str, per_row: int | None = None) -> None:
    """One download button per (label, contents or function, file name, MIME type), made only on
    click, `per_row` to a row (all in one by default)."""
    per_row = per_row or len(items)
    for start in range(0, len(items), per_row):
        for column, (label, contents, file_name, mime) in zip(st.columns(per_row), items[start : start + per_row]):
            column.download_button(
                label,
                contents,
                file_name=file_name,
                mime=mime,
                on_click="ignore",
                key=f"{key}-{file_name}",
                width="stretch",
            )


def chart_block(chart: alt.TopLevelMixin, name: str, table: pd.DataFrame, lang: str, key: str) -> None:
    """The chart, PNG/SVG/CSV downloads named `name`, and its numbers as a table, in a container
    keyed `key` (one of `geo.keys`)."""
    with st.container(key=key):
        # The chart's description (set by `titled`) is its accessible name; passing `alt` as well
        # makes Streamlit log a warning with a full stack on every rerun.
        st.altair_chart(chart, width="content")
        # Serialised only when a download is asked for: reruns would otherwise pay for it, and
        # Streamlit swaps altair's global data transformer while any session draws a chart.
        download_row(
            [
                (t("download_png", lang), lambda: cache.chart_png(chart.to_json()), f"{name}.png", "image/png"),
                (t("download_svg", lang), lambda: cache.chart_svg(chart.to_json()), f"{name}.svg", "image/svg+xml"),
                (t("download_csv", lang), to_csv_bytes(table), f"{name}.csv", "text/csv"),
            ],
            name,
        )
        with st.expander(t("chart_numbers", lang)):
            st.dataframe(table, hide_index=True)


def year_slider(label: str, span: tuple[int, int], key: str, where=st) -> int:
    """A year within `span`, chosen on a slider keyed `key`; a window of one year is shown, not slid
    (Streamlit refuses a slider whose ends are equal)."""
    state = st.session_state
    low, high = span
    # The kept year may lie outside a window narrowed since; it is moved in before the slider is drawn.
    if (year := min(max(state.get(key, high), low), high)) != state.get(key):
        state[key] = year
    if low == high:
        where.markdown(f"**{escape_markdown(label)}**: {low}")
        return low
    return where.slider(label, low, high, key=key)


def kept_selectbox(
    where, text: str, options: Sequence[str], key: str, lang: str, disabled: bool = False, note: str | None = None
) -> str:
    """A choice among `options`, named by the string `text` and each worded as `value_label(text, ...)`
    says, drawn in `where` and kept under `key` in the session state for the other pages; greyed out
    with `note` as its help when `disabled`."""
    return where.selectbox(
        t(text, lang),
        options,
        index=options.index(st.session_state[key]),
        key=key,
        format_func=lambda v: value_label(text, v, lang),
        persist_state="session",
        disabled=disabled,
        help=note,
    )


def column_config(columns: dict[str, Column]) -> dict:
    """Streamlit's column configuration for the plain column descriptions of `geo.render.tables`."""
    kinds = {
        "text": lambda c: st.column_config.TextColumn(c.label, help=c.help),
        "link": lambda c: st.column_config.LinkColumn(c.label, help=c.help, display_text=SITE_OF_URL),
        "list": lambda c: st.column_config.ListColumn(c.label, help=c.help),
        "number": lambda c: st.column_config.NumberColumn(c.label, help=c.help, format="%.4g"),
        "count": lambda c: st.column_config.NumberColumn(c.label, help=c.help, format="%d"),
        "date": lambda c: st.column_config.DateColumn(c.label, help=c.help, format="YYYY-MM-DD"),
        "choice": lambda c: st.column_config.SelectboxColumn(c.label, help=c.help, options=c.options, required=True),
    }
    return {name: kinds[column.kind](column) for name, column in columns.items()}


def data_table(table: pd.DataFrame, columns: dict[str, Column], key: str, **options):
    """A table as every page lists one: no index, headers and links from `columns`."""
    return st.dataframe(table, hide_index=True, column_config=column_config(columns), key=key, **options)


def choice_editor(table: pd.DataFrame, columns: dict[str, Column], key: str) -> pd.DataFrame:
    """A table in which only the "choice" columns can be changed; the table as edited.

    The editor's own key changes with the table's content: the edits Streamlit keeps are row
    positions, which would land on other rows once the table is saved and sorted again."""
    editable = {name for name, column in columns.items() if column.kind == "choice"}
    with st.container(key=key):
        return st.data_editor(
            table,
            hide_index=True,
            column_config=column_config(columns),
            disabled=[name for name in table.columns if name not in editable],
            key=f"{key}-{hashlib.sha1(table.to_csv(index=False).encode()).hexdigest()[:10]}",
        )


def sources_expander(lines: list[str], lang: str) -> None:
    """A folded 'Sources' section listing `lines` (Markdown), numbered."""
    with st.expander(t("sources", lang)):
        st.markdown(numbered(lines))


def record_card(card: dict | None, lang: str) -> None:
    """The clicked attack's full record, every value from the data shown as text."""
    with st.container(border=True, key=keys.RECORD_CARD):
        if card is None:
            st.caption(t("clicked_hint", lang))
            return
        st.subheader(escape_markdown(card["title"]), anchor=False)
        st.markdown("\n".join(f"- **{label}**: {escape_markdown(value)}" for label, value in card["facts"]))
        st.markdown(escape_markdown(card["summary"]))
        records = card.get("records")
        # Tables, so that every value from the data is shown as text; display tables carry no key of
        # their own, so each sits in a keyed container.
        if records is not None and len(records):
            with st.container(key=keys.INCIDENT_RECORDS):
                st.markdown(f"**{t('incident_records', lang)}**")
                st.dataframe(records, hide_index=True)
        tolls = card.get("tolls")
        if tolls is not None and len(tolls):
            with st.container(key=keys.WHO_SAYS_WHAT):
                st.markdown(f"**{t('who_says_what', lang)}**")
                st.dataframe(tolls, hide_index=True)
        st.markdown(f"**{t('record_sources', lang)}** ({escape_markdown(card['id'])})\n\n" + numbered(card["sources"]))


# Our own fixed rules, no data in them: a chosen group or country shows its whole name, on as many
# lines as it takes, where Streamlit would cut it to the sidebar's width.
FRAME_CSS = """
<style>
[data-testid="stMultiSelectTagsContainer"] { height: auto; max-height: none; }
[data-testid="stMultiSelectTagsContainer"] > span > span { height: auto; min-height: 28px; padding-top: 2px;
  padding-bottom: 2px; }
[data-testid="stMultiSelectTagsContainer"] > span > span > span { white-space: normal; text-overflow: clip;
  overflow: visible; }
</style>
"""


def frame_style() -> None:
    """Rules every page shares."""
    st.html(FRAME_CSS)


# Our own fixed rules, no data in them: hide the sidebar and Streamlit's chrome, enlarge the text.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
html { font-size: 19px; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; max-width: 96vw; }
/* A click on the map or the page must not leave a frame around it on the screen. */
[data-testid="stMain"] :focus:not(:focus-visible), [data-testid="stMain"]:focus { outline: none; box-shadow: none; }
</style>
"""


def presentation_style() -> None:
    """Slide-ready page: no sidebar or menus, larger text."""
    st.html(PRESENTATION_CSS)


def share_box(url: str, lang: str) -> None:
    """The link to the current view, with a copy button."""
    with st.popover(t("share", lang), icon=":material/link:", width="stretch"):
        st.code(url, language=None, wrap_lines=True)
        st.caption(t("share_help", lang))

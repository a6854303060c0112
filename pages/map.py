"""Map: attacks, bases, borders and countries for the sidebar's years and filters."""

import time

import streamlit as st

from geo import cache, keys, params
from geo.analysis.filters import step_years
from geo.analysis.totals import attack_totals
from geo.map.card import Linked, attack_card, follow_choice
from geo.map.cells import looks_note
from geo.map.elements import DRAWN_CHANNEL, map_drawn
from geo.map.events import focus_option
from geo.map.overlays import feature_groups, with_focus
from geo.map.timebar import TIMEBAR_CHANNEL, years_to_follow
from geo.render.exports import map_downloads
from geo.render.tables import listed_rows, rows_left_out_note, sortable_attack_table
from geo.state.criteria import PENDING_YEARS_KEY, every_year, selection_key
from geo.state.urlstate import ASKED_KEY, CHOROPLETH_METRICS, COLOR_FIELDS, MAP_LAYERS, SIZE_FIELDS
from geo.text.i18n import t, value_label
from geo.text.numbers import metric_help, metric_text, number_text
from widgets import (
    MAP_HEIGHT,
    PRESENT_MAP_HEIGHT,
    data_table,
    download_row,
    kept_selectbox,
    map_widget,
    record_card,
)

PLAY_SECONDS = 1.5
# Session key of the last report of the time bar the page followed: a report is followed once.
TIMEBAR_REPORT_KEY = "timebar_report"
# The session key of the attack chosen in the table or on the map (`geo.map.card.Linked`).
LINKED_KEY = "map_linked"
CLICK_CHANNEL = "last_object_clicked_tooltip"
view = cache.page_view(st.session_state)
state, data, lang, attacks = st.session_state, view.data, view.lang, view.attacks
totals = attack_totals(attacks)
# The map holds the selection over every year, which its time bar scrubs through; the table the
# sidebar's years. Past a size the map draws it as cells, which no field colours or sizes.
scrubbed = every_year(view.criteria)
shown = cache.attacks(scrubbed)
looks_off = looks_note(len(shown), lang)


def step(direction: int):
    moved = step_years(tuple(state[params.YEARS]), view.data_span, direction)
    state[params.YEARS] = moved or state[params.YEARS]
    state["playing"] = bool(moved) and state.get("playing", False)


def turn_on_tiles():
    state[params.ONLINE_TILES] = True
    state[ASKED_KEY] = [key for key in state.get(ASKED_KEY, []) if key != params.ONLINE_TILES]


if state.pop("stop_playing", False):
    state["playing"] = False

# On a projector the map comes first, whole on the screen; the controls follow it.
if view.present:
    view_area, controls_area = st.container(), st.container()
else:
    controls_area, view_area = st.container(), st.container()

with controls_area:
    st.title(t("page_map", lang))
    st.write(t("map_intro", lang))
    st.caption(view.caption)
    st.caption(view.counted)
    columns = st.columns(4)
    columns[0].metric(
        t("metric_attacks", lang),
        number_text(totals["attacks"], lang),
        help=t("metric_foiled", lang, n=totals["foiled"]),
    )
    columns[1].metric(
        t("metric_killed", lang), metric_text(totals["killed"], lang), help=metric_help(totals["killed"], lang)
    )
    columns[2].metric(
        t("metric_wounded", lang), metric_text(totals["wounded"], lang), help=metric_help(totals["wounded"], lang)
    )
    columns[3].metric(t("metric_countries", lang), number_text(totals["countries"], lang))

    st.pills(
        t("layers", lang),
        MAP_LAYERS,
        selection_mode="multi",
        default=state[params.LAYERS],
        format_func=lambda v: value_label("layer", v, lang),
        key=params.LAYERS,
        persist_state="session",
    )
    controls = st.columns([3, 1.4, 1.4, 5.2])
    controls[0].radio(
        t("shade_by", lang),
        CHOROPLETH_METRICS,
        horizontal=True,
        key=params.CHOROPLETH,
        index=CHOROPLETH_METRICS.index(state[params.CHOROPLETH]),
        persist_state="session",
        format_func=lambda v: value_label("choropleth", v, lang),
    )
    controls[1].button(t("step_back", lang), on_click=step, args=(-1,), key=keys.STEP_BACK, width="stretch")
    controls[2].button(t("step_forward", lang), on_click=step, args=(1,), key=keys.STEP_FORWARD, width="stretch")
    controls[3].toggle(t("play", lang), key="playing")
    controls[3].toggle(
        t("online_tiles", lang),
        value=state[params.ONLINE_TILES],
        key=params.ONLINE_TILES,
        help=t("online_tiles_help", lang),
        persist_state="session",
    )
    controls[3].toggle(
        t("fit_to_selection", lang),
        value=state[params.FIT_TO_SELECTION],
        key=params.FIT_TO_SELECTION,
        help=t("fit_to_selection_help", lang),
        persist_state="session",
    )
    if state[params.ONLINE_TILES]:
        state[ASKED_KEY] = [key for key in state.get(ASKED_KEY, []) if key != params.ONLINE_TILES]
    elif params.ONLINE_TILES in state.get(ASKED_KEY, []):
        # A link's wish only: nothing leaves the machine until the person here says so.
        st.info(t("online_tiles_asked", lang), icon=":material/public:")
        st.button(t("online_tiles_turn_on", lang), on_click=turn_on_tiles, key=keys.TURN_ON_TILES)
    looks = st.columns([3, 3, 4])
    kept_selectbox(looks[0], "color_by", COLOR_FIELDS, params.COLOR_BY, lang, disabled=bool(looks_off), note=looks_off)
    kept_selectbox(looks[1], "size_by", SIZE_FIELDS, params.SIZE_BY, lang, disabled=bool(looks_off), note=looks_off)


@st.fragment(run_every=PLAY_SECONDS if state.get("playing") else None)
def play():
    # A full rerun also runs this body; only the timer's runs, spaced by PLAY_SECONDS, move the years.
    if state.get("playing") and time.monotonic() - state.get("played_at", 0) > PLAY_SECONDS * 0.8:
        state["played_at"] = time.monotonic()
        moved = step_years(tuple(state[params.YEARS]), view.data_span, 1)
        if moved:
            # The slider is drawn already: the frame applies the move at the top of the next run.
            state[PENDING_YEARS_KEY] = moved
        else:
            state["stop_playing"] = True
        st.rerun(scope="app")


# A row picked in the table and a circle clicked choose the same attack, read before the map is
# drawn so that its ring comes with this run.
listed = listed_rows(attacks)
table, columns = sortable_attack_table(listed, data.groups, data.sources, lang)
picked = (state.get(keys.MAP_TABLE) or {}).get("selection", {}).get("rows", [])
linked, select = follow_choice(
    state.get(LINKED_KEY, Linked()),
    picked,
    (state.get(keys.MAP) or {}).get(CLICK_CHANNEL),
    selection_key(scrubbed),
    view.key,
    listed["id"],
    shown["id"],
)
state[LINKED_KEY] = linked
if select is not None:
    # The table is drawn further down: its selection may still be set in this run.
    state[keys.MAP_TABLE] = {"selection": {"rows": select, "columns": []}}
shown_ids = list(shown["id"])
# What lies below the map waits until the session's map has said it is drawn (a rerun): drawn with
# it, the card, exports and table would share the browser's one thread with the map's first drawing.
drawn = map_drawn(state.get(keys.MAP))
position = shown_ids.index(linked.chosen) if linked.chosen in shown_ids else None

with view_area:
    play()
    if not len(attacks):
        st.info(t("no_attacks", lang))
    clicked = map_widget(
        lang,
        feature_groups(
            with_focus(
                cache.map_layers(view, time_bar=True),
                focus_option(position, linked.flights if linked.by_table else None),
            )
        ),
        keys.MAP,
        PRESENT_MAP_HEIGHT if view.present else MAP_HEIGHT,
        [CLICK_CHANNEL, TIMEBAR_CHANNEL] + ([] if drawn else [DRAWN_CHANNEL]),
    )
    report = (clicked or {}).get(TIMEBAR_CHANNEL)
    followed = years_to_follow(
        report, selection_key(scrubbed), state.get(TIMEBAR_REPORT_KEY), view.span, view.data_span
    )
    if report:
        state[TIMEBAR_REPORT_KEY] = report
    if followed:
        # The slider is drawn already: the frame applies the years at the top of the next run.
        state[PENDING_YEARS_KEY] = followed
        st.rerun(scope="app")
if not drawn:
    st.stop()
record_card(
    None
    if position is None
    else attack_card(
        shown.iloc[position],
        data.groups,
        data.sources,
        lang,
        data.tolls,
        cache.imported_records(view.criteria["imports"]),
    ),
    lang,
)

st.subheader(t("export_title", lang), anchor=False)
download_row(
    map_downloads(
        data,
        cache.shapes(),
        cache.basemap_json(),
        attacks,
        cache.event_payload_json(view.criteria, lang, color_by=state[params.COLOR_BY], size_by=state[params.SIZE_BY]),
        view.map_view,
        view.criteria,
        view.caption,
        lang,
        view.key,
        view.today,
    ),
    "map",
    per_row=2,
)
with st.container(key=keys.SELECTED_EVENTS):
    st.subheader(t("selected_events", lang), anchor=False)
    st.caption(t("map_table_hint", lang))
    if note := rows_left_out_note(len(listed), len(attacks), lang):
        st.caption(note)
    data_table(table, columns, keys.MAP_TABLE, on_select="rerun", selection_mode="single-row")

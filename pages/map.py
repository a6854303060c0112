"""Map: attacks, bases, borders and countries for the sidebar's years and filters."""

import time
from datetime import date

import streamlit as st

from geo import cache, params
from geo.analysis.filters import step_years, year_span
from geo.analysis.totals import attack_totals, sources_cited
from geo.map.card import attack_card, clicked_index
from geo.map.elements import basemap
from geo.map.overlays import feature_groups
from geo.render.exports import map_downloads
from geo.render.tables import attack_table
from geo.state.criteria import PENDING_YEARS_KEY, attack_criteria, map_view, selection_key
from geo.state.urlstate import CHOROPLETH_METRICS, MAP_LAYERS
from geo.text.captions import map_title, stamp_lines, view_caption
from geo.text.i18n import t, value_label
from geo.text.numbers import range_text
from widgets import MAP_HEIGHT, PRESENT_MAP_HEIGHT, base_url_path, data_table, download_row, map_widget, record_card

PLAY_SECONDS = 1.5
state = st.session_state
lang = state[params.LANG]
data = cache.dataset()
span = year_span(data.attacks, data.events)
criteria = attack_criteria(state, data.group_links)
attacks = cache.attacks(criteria)
totals = attack_totals(attacks)
key = selection_key(criteria)
caption = view_caption(criteria, cache.filter_options(lang), lang)
today = date.today().isoformat()


def step(direction: int):
    moved = step_years(tuple(state[params.YEARS]), span, direction)
    state[params.YEARS] = moved or state[params.YEARS]
    state["playing"] = bool(moved) and state.get("playing", False)


if state.pop("stop_playing", False):
    state["playing"] = False

# On a projector the map comes first, whole on the screen; the controls follow it.
present = state[params.PRESENT]
if present:
    view_area, controls_area = st.container(), st.container()
else:
    controls_area, view_area = st.container(), st.container()

with controls_area:
    st.title(t("page_map", lang))
    st.write(t("map_intro", lang))
    st.caption(caption)
    columns = st.columns(4)
    columns[0].metric(t("metric_attacks", lang), totals["attacks"], help=t("metric_foiled", lang, n=totals["foiled"]))
    columns[1].metric(t("metric_killed", lang), range_text(totals["killed"], lang), help=t("range_help", lang))
    columns[2].metric(t("metric_wounded", lang), range_text(totals["wounded"], lang), help=t("range_help", lang))
    columns[3].metric(t("metric_countries", lang), totals["countries"])

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
    controls[1].button(t("step_back", lang), on_click=step, args=(-1,), key="step_back", width="stretch")
    controls[2].button(t("step_forward", lang), on_click=step, args=(1,), key="step_forward", width="stretch")
    controls[3].toggle(t("play", lang), key="playing")
    controls[3].toggle(
        t("online_tiles", lang),
        value=state[params.ONLINE_TILES],
        key=params.ONLINE_TILES,
        help=t("online_tiles_help", lang),
        persist_state="session",
    )


@st.fragment(run_every=PLAY_SECONDS if state.get("playing") else None)
def play():
    # A full rerun also runs this body; only the timer's runs, spaced by PLAY_SECONDS, move the years.
    if state.get("playing") and time.monotonic() - state.get("played_at", 0) > PLAY_SECONDS * 0.8:
        state["played_at"] = time.monotonic()
        moved = step_years(tuple(state[params.YEARS]), span, 1)
        if moved:
            # The slider is drawn already: the frame applies the move at the top of the next run.
            state[PENDING_YEARS_KEY] = moved
        else:
            state["stop_playing"] = True
        st.rerun(scope="app")


with view_area:
    play()
    if not len(attacks):
        st.info(t("no_attacks", lang))
    sources = sources_cited(attacks)
    stamp = (
        tuple(stamp_lines(map_title(criteria, lang), caption, criteria["years"], sources, lang, today))
        if present
        else None
    )
    layers = feature_groups(
        cache.overlay_specs(criteria, map_view(state), lang, key, t("map_data_attribution", lang, n=sources), stamp)
    )
    clicked = map_widget(
        basemap(cache.basemap_json(), lang, base_url_path()),
        layers,
        "map",
        PRESENT_MAP_HEIGHT if present else MAP_HEIGHT,
        ["last_object_clicked_tooltip"],
    )
    index = clicked_index((clicked or {}).get("last_object_clicked_tooltip"), key)
record_card(
    None
    if index is None or index >= len(attacks)
    else attack_card(attacks.iloc[index], data.groups, data.sources, lang),
    lang,
)

st.subheader(t("export_title", lang), anchor=False)
download_row(
    map_downloads(
        data,
        cache.shapes(),
        cache.basemap_json(),
        attacks,
        cache.event_payload_json(criteria, lang),
        map_view(state),
        criteria,
        caption,
        lang,
        key,
        today,
    ),
    "map",
    per_row=2,
)
st.subheader(t("selected_events", lang), anchor=False)
data_table(*attack_table(attacks, data.groups, data.sources, lang), "map_table")

"""The frame: page config, navigation, the sidebar shared by every page, and the URL."""

import streamlit as st

from geo import cache, keys, params
from geo.analysis.filters import COUNTRY_MODES, KILLED_STOPS, REGIONS, year_span
from geo.analysis.story import story_view
from geo.data.problems import DataValidationError
from geo.data.vocab import DATE_PRECISIONS, LOCATION_PRECISIONS
from geo.io.userfiles import configured_imports, load_decisions
from geo.state.criteria import (
    BROKEN_IMPORTS_KEY,
    DECISIONS_KEY,
    IMPORTS_KEY,
    PENDING_YEARS_KEY,
    counted_choices,
    incident_criteria,
)
from geo.state.urlstate import (
    ASKED_KEY,
    MAX_CASUALTY_FILTER,
    ORIGINS,
    allowed_values,
    checked,
    decode,
    encode,
    held_back,
    more_filters_set,
    restored_ids,
    same,
    share_url,
    state_defaults,
)
from geo.text.i18n import DATASET_LABELS, LANGUAGES, column_label, t, value_label
from widgets import frame_style, presentation_style, share_box

st.set_page_config(page_title="Central Asia jihadist networks", page_icon="🗺️", layout="wide")
url = {key: st.query_params.get_all(key) for key in st.query_params}

try:
    data = cache.dataset()
except DataValidationError as error:
    st.error(t("data_error", str(url.get(params.LANG, ["en"])[0]).lower()))
    st.code(str(error), language=None)
    st.stop()

defaults = state_defaults(year_span(data.attacks, data.events))
allowed = allowed_values(
    list(data.groups["id"]), list(data.countries["iso3"]), list(DATASET_LABELS), list(data.organizations["id"])
)
if "url_read" not in st.session_state:
    opened, asked = held_back(decode(url, defaults, allowed), defaults)
    st.session_state.update(opened)
    st.session_state[ASKED_KEY] = asked
    st.session_state[IMPORTS_KEY], st.session_state[BROKEN_IMPORTS_KEY] = cache.checked_imports(configured_imports())
    st.session_state[DECISIONS_KEY] = load_decisions()
state = st.session_state
lang = state[params.LANG]

map_page = st.Page("pages/map.py", title=t("page_map", lang), icon=":material/map:", url_path="home", default=True)
navigation = st.navigation(
    [
        map_page,
        st.Page("pages/story.py", title=t("page_story", lang), icon=":material/auto_stories:", url_path="story"),
        st.Page("pages/timeline.py", title=t("page_timeline", lang), icon=":material/timeline:", url_path="timeline"),
        st.Page("pages/groups.py", title=t("page_groups", lang), icon=":material/account_tree:", url_path="groups"),
        st.Page(
            "pages/cooperation.py",
            title=t("page_cooperation", lang),
            icon=":material/handshake:",
            url_path="cooperation",
        ),
        st.Page("pages/abroad.py", title=t("page_abroad", lang), icon=":material/flight_takeoff:", url_path="abroad"),
        st.Page("pages/data_sources.py", title=t("page_data", lang), icon=":material/table_view:", url_path="data"),
        st.Page("pages/imports.py", title=t("page_import", lang), icon=":material/upload_file:", url_path="import"),
        # The map is served at the root; links to /map, as older share links and habits have it, land there too.
        st.Page(
            lambda: st.switch_page(map_page, query_params=encode({k: state.get(k) for k in defaults}, defaults)),
            title=t("page_map", lang),
            url_path="map",
            visibility="hidden",
        ),
    ]
)

# Values the widgets below show are set here, before any of them exists in this run: Streamlit
# refuses a change to a widget's value once the widget is drawn.
if PENDING_YEARS_KEY in state:
    state[params.YEARS] = state.pop(PENDING_YEARS_KEY)
for key, labels in cache.widget_labels().items():
    if key in state and (restored := restored_ids(state[key], labels)) != state[key]:
        state[key] = restored
# Whatever reached the state (a label the browser sent back, a key Streamlit dropped when a run
# stopped before drawing its widget), every page finds an allowed id under every key.
for key, value in checked(state, defaults, allowed).items():
    if key not in state or not same(state[key], value):
        state[key] = value
state.update(story_view(state[params.STEP], navigation.url_path, state.get("page_shown"), url))
state["url_read"] = True
state["page_shown"] = navigation.url_path


# Session key: whether the sidebar's "More filters" box is open.
MORE_FILTERS_OPEN = "more_filters_open"


def choose(key: str, label: str, choices: tuple[str, ...], text, **extra):
    """A horizontal radio over ids shown by `text`, starting from the URL's value, keeping its value
    while not drawn (as in a closed "More filters" box)."""
    st.radio(
        label,
        choices,
        index=choices.index(state[key]),
        key=key,
        format_func=text,
        horizontal=True,
        persist_state="session",
        **extra,
    )


def pick(key: str, label: str, options: dict[str, str], **extra):
    """A multiselect over ids shown by label, starting from the URL's value, keeping its value while
    not drawn."""
    st.multiselect(
        label,
        list(options),
        default=[v for v in state[key] if v in options],
        key=key,
        format_func=lambda value: options.get(value, str(value)),
        placeholder=t("all", lang),
        persist_state="session",
        **extra,
    )


with st.sidebar:
    # Defaults repeat the URL's values: a widget the browser shows before its first value
    # arrives would otherwise send back the bare default.
    st.radio(
        "Language / Langue / Язык",
        LANGUAGES,
        format_func=str.upper,
        horizontal=True,
        index=LANGUAGES.index(state[params.LANG]),
        key=params.LANG,
    )
    st.title(t("app_title", lang))
    st.caption(t("app_subtitle", lang))
    st.subheader(t("filters", lang))
    st.slider(t("years", lang), *defaults[params.YEARS], value=state[params.YEARS], key=params.YEARS)
    basis = incident_criteria(state)
    options, counts = cache.filter_options(lang, **basis), cache.filter_counts(**basis)

    def counted(key: str) -> dict[str, str]:
        return counted_choices(options[key], counts[key], state[key], lang)

    pick(params.GROUPS, t("groups", lang), counted(params.GROUPS), help=t("groups_help", lang))
    st.checkbox(t("lineage", lang), value=state[params.LINEAGE], key=params.LINEAGE, help=t("lineage_help", lang))
    # Its widgets are drawn only while it is open, each keeping its value meanwhile: hidden, they
    # cost a new session's first page a tenth of a second of the browser's time.
    # Opened by itself when the session starts, then as the reader left it, kept apart from the
    # widget's own state: worked out on each run, the box would close under the reader's hand as
    # they clear its last filter; the widget's state alone is lost when the language changes.
    if MORE_FILTERS_OPEN not in state:
        state[MORE_FILTERS_OPEN] = more_filters_set(state, defaults)
    more = st.expander(
        t("more_filters", lang),
        expanded=state[MORE_FILTERS_OPEN],
        key=keys.MORE_FILTERS,
        on_change=lambda: state.update({MORE_FILTERS_OPEN: state[keys.MORE_FILTERS]}),
    )
    if more.open:
        with more:
            choose(
                params.REGION,
                t("region_filter", lang),
                REGIONS,
                lambda v: t(f"region_{v}", lang),
                help=t("region_help", lang),
            )
            choose(params.COUNTRY_MODE, t("country_mode", lang), COUNTRY_MODES, lambda v: t(f"country_mode_{v}", lang))
            pick(params.COUNTRIES, t("countries_filter", lang), counted(params.COUNTRIES))
            pick(params.ATTACK_TYPES, t("attack_type", lang), options[params.ATTACK_TYPES])
            pick(params.TARGET_TYPES, t("target", lang), options[params.TARGET_TYPES])
            pick(params.NATIONALITIES, t("nationalities_filter", lang), options[params.NATIONALITIES])
            st.number_input(
                t("min_casualties", lang),
                0,
                MAX_CASUALTY_FILTER,
                value=state[params.MIN_CASUALTIES],
                step=5,
                key=params.MIN_CASUALTIES,
                help=t("min_casualties_help", lang),
                persist_state="session",
            )
            st.select_slider(
                t("killed_range", lang),
                KILLED_STOPS,
                value=tuple(state[params.KILLED]),
                key=params.KILLED,
                format_func=lambda v: f"{v}+" if v == KILLED_STOPS[-1] else str(v),
                help=t("killed_range_help", lang),
                persist_state="session",
            )
            pick(
                params.PLACE_PRECISIONS,
                column_label("location_precision", lang),
                {v: value_label("location_precision", v, lang) for v in LOCATION_PRECISIONS},
            )
            pick(
                params.DATE_PRECISIONS,
                column_label("date_precision", lang),
                {v: value_label("date_precision", v, lang) for v in DATE_PRECISIONS},
            )
            st.toggle(t("include_foiled", lang), value=state[params.FOILED], key=params.FOILED, persist_state="session")
            if state[IMPORTS_KEY]:
                st.radio(
                    t("origin_filter", lang),
                    ORIGINS,
                    index=ORIGINS.index(state[params.ORIGIN]),
                    key=params.ORIGIN,
                    format_func=lambda v: t(f"origin_{v}", lang),
                    persist_state="session",
                )
                st.toggle(
                    t("hide_doubtful", lang),
                    value=state[params.HIDE_DOUBTFUL],
                    key=params.HIDE_DOUBTFUL,
                    persist_state="session",
                )
    st.toggle(
        t("presentation", lang), value=state[params.PRESENT], key=params.PRESENT, help=t("presentation_help", lang)
    )

query = encode({key: state.get(key) for key in defaults}, defaults)
with st.sidebar:
    share_box(share_url(st.context.url or "", navigation.url_path, query), lang)
frame_style()
if state[params.PRESENT]:
    presentation_style()
    st.button(
        t("exit_presentation", lang), on_click=state.update, kwargs={params.PRESENT: False}, key=keys.LEAVE_PRESENTATION
    )
navigation.run()
st.query_params.from_dict(encode({key: state.get(key) for key in defaults}, defaults))

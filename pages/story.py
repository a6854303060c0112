"""Story: a guided walk through the essay's chapters, each step setting the years, groups, layers and view."""

from datetime import date

import streamlit as st

from geo import cache, params
from geo.analysis.story import STEPS, step_sources, step_state
from geo.analysis.totals import sources_cited
from geo.map.elements import basemap
from geo.map.overlays import feature_groups, page_keys_spec
from geo.render.tables import attack_table
from geo.state.criteria import attack_criteria, map_view, selection_key
from geo.text.captions import map_title, stamp_lines, view_caption
from geo.text.escape import escape_markdown
from geo.text.i18n import t
from widgets import PRESENT_MAP_HEIGHT, base_url_path, data_table, map_widget

STORY_MAP_HEIGHT = 560
# Under the chapter, the step buttons and the progress bar, the map still ends above a projector's fold.
PRESENT_STORY_MAP_HEIGHT = PRESENT_MAP_HEIGHT - 100

state = st.session_state
lang = state[params.LANG]
data = cache.dataset()


def go(number: int):
    """Move to step `number` and show what it shows."""
    state[params.STEP] = number
    state.update(step_state(STEPS[number - 1]))


number = state[params.STEP]
step = STEPS[number - 1]
criteria = attack_criteria(state, data.group_links)
attacks = cache.attacks(criteria)
caption = view_caption(criteria, cache.filter_options(lang), lang)

present = state[params.PRESENT]
if not present:  # on a projector the stamp on the map carries the title
    st.title(t("page_story", lang))
st.caption(escape_markdown(step.chapter[lang]))
back, counter, forward = st.columns([1, 3, 1], vertical_alignment="center")
back.button(
    t("previous", lang),
    on_click=go,
    args=(number - 1,),
    disabled=number == 1,
    key="story_back",
    shortcut="Left",
    width="stretch",
)
counter.markdown(f"**{t('story_counter', lang, n=number, total=len(STEPS))}** · {t('story_keys', lang)}")
forward.button(
    t("next", lang),
    on_click=go,
    args=(number + 1,),
    disabled=number == len(STEPS),
    key="story_next",
    shortcut="Right",
    width="stretch",
)
st.progress(number / len(STEPS))

text, view = st.columns([2, 3])
with text:
    st.subheader(step.title[lang], anchor=False)
    st.write(step.text[lang])
    with st.expander(t("sources", lang)):
        st.markdown("\n".join(f"1. {line}" for line in step_sources(step, data.attacks, data.events, data.sources)))
with view:
    sources = sources_cited(attacks)
    today = date.today().isoformat()
    stamp = (
        tuple(stamp_lines(map_title(criteria, lang), caption, criteria["years"], sources, lang, today))
        if present
        else None
    )
    specs = cache.overlay_specs(
        criteria,
        map_view(state),
        lang,
        selection_key(criteria),
        t("map_data_attribution", lang, n=sources),
        stamp,
        legend_open=False,
    )
    map_widget(
        basemap(cache.basemap_json(), lang, base_url_path()),
        feature_groups([*specs, page_keys_spec(("ArrowLeft", "ArrowRight"))]),
        "story_map",
        PRESENT_STORY_MAP_HEIGHT if present else STORY_MAP_HEIGHT,
        center=step.center,
        zoom=step.zoom,
    )
    st.caption(escape_markdown(caption))
    with st.expander(t("map_as_table", lang)):
        data_table(*attack_table(attacks, data.groups, data.sources, lang), "story_table")

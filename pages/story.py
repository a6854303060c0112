"""Story: a guided walk through the essay's chapters, each step setting the years, groups, layers and view."""

import streamlit as st

from geo import cache, keys, params
from geo.analysis.story import STEPS, step_sources, step_state
from geo.map.overlays import feature_groups, page_keys_spec
from geo.render.tables import attack_table
from geo.text.escape import escape_markdown
from geo.text.i18n import t
from widgets import PRESENT_MAP_HEIGHT, data_table, map_widget, sources_expander

STORY_MAP_HEIGHT = 560
# Under the chapter, the step buttons and the progress bar, the map still ends above a projector's fold.
PRESENT_STORY_MAP_HEIGHT = PRESENT_MAP_HEIGHT - 100

view = cache.page_view(st.session_state)
state, data, lang = st.session_state, view.data, view.lang


def go(number: int):
    """Move to step `number` and show what it shows."""
    state[params.STEP] = number
    state.update(step_state(STEPS[number - 1]))


number = state[params.STEP]
step = STEPS[number - 1]

if not view.present:  # on a projector the stamp on the map carries the title
    st.title(t("page_story", lang))
st.caption(escape_markdown(step.chapter[lang]))
back, counter, forward = st.columns([1, 3, 1], vertical_alignment="center")
back.button(
    t("previous", lang),
    on_click=go,
    args=(number - 1,),
    disabled=number == 1,
    key=keys.STORY_BACK,
    shortcut="Left",
    width="stretch",
)
counter.markdown(f"**{t('story_counter', lang, n=number, total=len(STEPS))}** · {t('story_keys', lang)}")
forward.button(
    t("next", lang),
    on_click=go,
    args=(number + 1,),
    disabled=number == len(STEPS),
    key=keys.STORY_NEXT,
    shortcut="Right",
    width="stretch",
)
st.progress(number / len(STEPS))

text, shown = st.columns([2, 3])
with text, st.container(key=keys.STORY_STEP):
    st.subheader(step.title[lang], anchor=False)
    st.write(step.text[lang])
    sources_expander(step_sources(step, data.attacks, data.events, data.sources), lang)
with shown:
    map_widget(
        lang,
        feature_groups([*cache.map_layers(view, legend_open=False), page_keys_spec(("ArrowLeft", "ArrowRight"))]),
        "story_map",
        PRESENT_STORY_MAP_HEIGHT if view.present else STORY_MAP_HEIGHT,
        center=step.center,
        zoom=step.zoom,
    )
    st.caption(escape_markdown(view.caption))
    with st.expander(t("map_as_table", lang)):
        data_table(*attack_table(view.attacks, data.groups, data.sources, lang), keys.STORY_TABLE)

"""The frame: page config, navigation, the sidebar shared by every page, and the URL."""
import streamlit as st

from geo import params
from geo.cache import dataset
from geo.filters import year_span
from geo.i18n import DATASET_LABELS, LANGUAGES, t
from geo.labels import group_labels
from geo.problems import DataValidationError
from geo.urlstate import decode, encode, state_defaults

st.set_page_config(page_title="Central Asia jihadist networks", page_icon="🗺️", layout="wide")
url = {key: st.query_params.get_all(key) for key in st.query_params}

try:
    data = dataset()
except DataValidationError as error:
    st.error(t("data_error", str(url.get(params.LANG, ["en"])[0]).lower()))
    st.code(str(error), language=None)
    st.stop()

defaults = state_defaults(year_span(data.attacks, data.events))
if "url_read" not in st.session_state:
    st.session_state.update(decode(url, defaults, list(data.groups["id"]), list(DATASET_LABELS)))
    st.session_state["url_read"] = True

with st.sidebar:
    # Defaults repeat the URL's values: a widget the browser shows before its first value
    # arrives would otherwise send back the bare default.
    lang = st.radio("Language / Langue", LANGUAGES, format_func=str.upper, horizontal=True,
                    index=LANGUAGES.index(st.session_state[params.LANG]), key=params.LANG)
    st.title(t("app_title", lang))
    st.caption(t("app_subtitle", lang))
    st.subheader(t("filters", lang))
    st.slider(t("years", lang), *defaults[params.YEARS], value=st.session_state[params.YEARS], key=params.YEARS)
    labels = group_labels(data.groups, lang)
    st.multiselect(t("groups", lang), list(labels), default=st.session_state[params.GROUPS],
                   format_func=labels.get, placeholder=t("groups_help", lang), key=params.GROUPS)

navigation = st.navigation([
    st.Page("pages/data_sources.py", title=t("page_data", lang), icon="📚", url_path="data", default=True),
])
navigation.run()
st.query_params.from_dict(encode({key: st.session_state.get(key) for key in defaults}, defaults))

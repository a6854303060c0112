"""A page whose download button fails when clicked, as a map export once did: the journey
harness must report it."""

import streamlit as st


def export() -> bytes:
    raise KeyError('st.session_state has no key "choro"')


st.title("Broken download")
st.download_button("Briefing image (PNG)", export, file_name="broken.png", mime="image/png", on_click="ignore")
st.download_button("Working file (CSV)", b"a,b\n1,2\n", file_name="working.csv", mime="text/csv")

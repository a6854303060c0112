"""Safety rules on what reaches the browser: no raw HTML from data, XSRF protection and an upload limit."""

from __future__ import annotations

import re
import tomllib

import pytest

from geo.data.paths import ROOT

PYTHON_FILES = [p for p in [ROOT / "app.py", ROOT / "widgets.py", *ROOT.glob("pages/*.py"), *ROOT.glob("geo/*.py")]]


@pytest.mark.parametrize("path", PYTHON_FILES, ids=lambda p: p.name)
def test_no_raw_html_from_data_reaches_streamlit(path):
    text = path.read_text(encoding="utf-8")
    assert "unsafe_allow_html" not in text
    # st.html only ever carries our fixed stylesheets: the frame's, presentation mode's and the uploader's.
    calls = re.findall(r"st\.html\(([^)]*)\)", text)
    assert all(call.strip() in ("FRAME_CSS", "PRESENTATION_CSS", "UPLOADER_CSS") for call in calls)


def test_the_server_keeps_xsrf_protection_and_an_upload_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 200
    assert config["browser"]["gatherUsageStats"] is False

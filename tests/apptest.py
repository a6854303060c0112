"""The app under Streamlit's AppTest, opened as a URL opens it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from geo.data.paths import ROOT

TIMEOUT = 60


def start(page: str | None = None, **query) -> AppTest:
    """The app as opened from a URL with `query`, on `page` (the map when None)."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page).run()
    return app

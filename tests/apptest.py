"""The app under Streamlit's AppTest, opened as a URL opens it, and its elements found by key."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd
from streamlit.testing.v1 import AppTest

from geo import keys
from geo.data.paths import ROOT
from geo.map.elements import DRAWN_CHANNEL

TIMEOUT = 60


def start(page: str | None = None, map_drawn: bool = True, **query) -> AppTest:
    """The app as opened from a URL with `query`, on `page` (the map when None); in a session
    whose map has said it is drawn, as a browser's does, unless not `map_drawn`."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        app.query_params[key] = value
    if map_drawn:
        app.session_state[keys.MAP] = drawn_report()
    app.run()
    if page:
        app.switch_page(page).run()
    return app


def drawn_report() -> dict:
    """What streamlit-folium holds for the map page once its map reports being drawn."""
    return {DRAWN_CHANNEL: "drawn:1"}


def open_more_filters(app: AppTest) -> AppTest:
    """`app` with the sidebar's "More filters" box open, as a click on it opens it (with a rerun):
    its widgets are drawn only then."""
    app.session_state[keys.MORE_FILTERS] = True
    return app.run()


def only(elements: Sequence):
    """The one element of `elements`: a test fails when there is none or more than one."""
    assert len(elements) == 1, f"{len(elements)} elements where one was expected: {elements}"
    return next(iter(elements))


def page_title(app: AppTest) -> str:
    """The title of the page shown (the sidebar has its own)."""
    return only(app.main.title).value


def table(app: AppTest, key: str) -> pd.DataFrame:
    """The one table in the container keyed `key` (a chart's numbers, the map's selected events)."""
    return only(app.get_by_key(key).dataframe).value


def chart_spec(app: AppTest, key: str) -> dict:
    """The Vega-Lite spec of the one chart in the container keyed `key`."""
    return json.loads(only(app.get_by_key(key).get("vega_lite_chart")).proto.spec)

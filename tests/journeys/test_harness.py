"""The journey harness can fail: a download that delivers nothing, and the traceback it logs."""

from __future__ import annotations

import sys

import pytest

from geo.data.paths import ROOT
from tests.journeys.harness import JourneyFailed, Server, start_journey

BROKEN_APP = ROOT / "tests" / "journeys" / "broken_download_app.py"


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory):
    running = Server(
        tmp_path_factory.mktemp("broken"),
        command=(
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(BROKEN_APP),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ),
    ).start()
    yield running
    running.stop()


def test_a_download_that_breaks_fails_the_journey(browser, broken_server, tmp_path):
    walk = start_journey(browser, broken_server, "harness-broken-download")
    try:
        walk.open("/")
        assert walk.download("Working file (CSV)", tmp_path).read_text() == "a,b\n1,2\n"
        walk.check()  # nothing wrong yet
        with pytest.raises(JourneyFailed, match="delivered no file"):
            walk.download("Briefing image (PNG)", tmp_path, timeout=8_000)
        with pytest.raises(JourneyFailed, match=r"Traceback|KeyError"):
            walk.check()
    finally:
        walk.closed = True
        walk.page.context.close()

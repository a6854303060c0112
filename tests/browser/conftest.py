"""Fixtures shared by the browser tests."""

from __future__ import annotations

import sys

import pytest

from geo.data.paths import ROOT
from tests.journeys.harness import Server


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The app on the committed data, started as scripts/run starts it once set up; one per test
    module, so that a module's clicks and reruns never reach another's."""
    server = Server(tmp_path_factory.mktemp("app-server"), command=(sys.executable, str(ROOT / "scripts" / "serve.py")))
    yield server.start()
    server.stop()

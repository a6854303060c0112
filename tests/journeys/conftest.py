"""Fixtures of the journeys: one server for the whole run, a browser, and a journey per test
that fails on its teardown if the page, the server's log or the network saw anything wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.journeys.harness import CHROMIUM, DESKTOP, Server, start_journey

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


def pytest_collection_modifyitems(items):
    for item in items:
        if "journeys" in item.path.parts:
            item.add_marker(pytest.mark.journey)
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_failed = report.failed
    return report


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The app on the committed data, as `scripts/run` serves it, with a user folder of its own."""
    workdir = tmp_path_factory.mktemp("journey-server")
    running = Server(workdir, env={"DASHBOARD_USER_DIR": str(workdir / "user-data")}).start()
    yield running
    running.stop()


@pytest.fixture
def journey(browser, server, request):
    """`journey(name, viewport=...)` opens a fresh browser context; each is checked at the end."""
    opened = []

    def open_journey(name: str | None = None, viewport: dict = DESKTOP, on=None, **context):
        started = start_journey(browser, on or server, name or request.node.name, viewport, **context)
        opened.append(started)
        return started

    yield open_journey
    if getattr(request.node, "call_failed", False):
        for started in opened:
            if not started.closed:
                started.shot("failed")
    problems = []
    for started in opened:
        try:
            started.close()
        except AssertionError as problem:
            problems.append(str(problem))
    if problems and getattr(request.node, "call_failed", False):
        # The test failed already, often with its server gone under a tab still open: what the tab
        # saw after that is told with the failure, not as a second one.
        request.node.add_report_section("teardown", "journey", "\n".join(problems))
    elif problems:
        pytest.fail("\n".join(problems))

"""The app in a real browser: Debian's chromium, driven by playwright, fully offline."""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    """The app started with the README's run command, on a free local port."""
    port = free_port()
    server = subprocess.Popen([str(ROOT / "scripts" / "run"), "--server.port", str(port),
                               "--server.address", "127.0.0.1"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("the app did not start within 120 s")
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def visit(browser, url: str):
    """Open `url` and return the page, its console errors and every host it asked for."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors, hosts = [], set()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.goto(url)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    page.wait_for_timeout(1500)
    return page, errors, hosts


def test_the_first_visit_after_start_keeps_the_urls_language_after_a_click(browser, app_url):
    # Runs first on purpose: the first session pays the data load, when the browser could
    # answer with a widget's bare default instead of the value the URL set.
    page, _, _ = visit(browser, f"{app_url}/?lang=fr&dataset=groups")
    table = page.locator("[data-testid='stDataFrame']").nth(1).bounding_box()
    page.mouse.click(table["x"] + 18, table["y"] + 55)
    page.get_by_text("Sources de imu").wait_for(timeout=30_000)
    assert page.get_by_role("heading", name="Données et sources").is_visible()
    assert "lang=fr" in page.url
    page.close()


@pytest.mark.parametrize("lang,query,heading,shot", [
    ("en", "", "Data & sources", "data-en.png"),
    ("fr", "?lang=fr&years=2015&years=2024&groups=iskp", "Données et sources", "data-fr-iskp.png"),
])
def test_data_page_loads_offline_without_errors(browser, app_url, lang, query, heading, shot):
    page, errors, hosts = visit(browser, f"{app_url}/{query}")
    assert page.get_by_role("heading", name=heading).is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    assert errors == []
    assert hosts <= LOCAL_HOSTS, f"requests left the machine: {hosts - LOCAL_HOSTS}"
    page.close()


def test_choosing_french_rewrites_the_page_and_the_url(browser, app_url):
    page, _, _ = visit(browser, app_url)
    page.locator("[data-testid='stRadio'] label").filter(has_text="FR").click()
    page.get_by_role("heading", name="Données et sources").wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('lang=fr')", timeout=30_000)
    assert "lang=fr" in page.url
    page.close()

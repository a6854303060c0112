"""Deployment: the install-and-start script in its own virtual environment, served under a base path.

The environment is kept between runs, one per version of requirements.txt, the way a server keeps
its own: a first run (a fresh clone, a changed requirement) installs it from nothing."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.data.paths import ROOT
from geo.map.bundle import BUNDLE_PATH
from tests.journeys.harness import CHROMIUM, LOCAL_HOSTS, free_port

pytestmark = pytest.mark.deploy
BASE_PATH = "dashboard"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    """scripts/deploy installing into its virtual environment, then serving under /dashboard."""
    version = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()[:12]
    venv = ROOT / ".venv" / f"deploy-{version}"
    env = {**os.environ, "VENV": str(venv), "PORT": str(free_port()), "ADDRESS": "127.0.0.1", "BASE_PATH": BASE_PATH}
    subprocess.run([str(ROOT / "scripts" / "deploy"), "install"], cwd=ROOT, env=env, check=True, timeout=1500)
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "deploy"), "start"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{env['PORT']}/{BASE_PATH}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if subprocess.run([sys.executable, str(ROOT / "scripts" / "healthcheck.py")], env=env).returncode == 0:
            break
        time.sleep(1)
    else:
        server.kill()
        pytest.fail("the deployed app did not become healthy within 120 s")
    yield url, env
    server.terminate()
    server.wait(timeout=30)


def test_the_health_check_answers_under_the_base_path(deployed):
    url, _env = deployed
    assert urllib.request.urlopen(f"{url}/_stcore/health", timeout=5).read() == b"ok"
    assert urllib.request.urlopen(f"{url}/app/static/map/layers.js", timeout=5).status == 200


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_the_map_loads_its_assets_under_the_base_path(deployed, browser):
    url, _ = deployed
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    hosts, failed = set(), []
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.on(
        "response",
        lambda response: (
            failed.append(response.url) if response.status >= 400 and "/_stcore/" not in response.url else None
        ),
    )
    page.goto(f"{url}/?years=2024&years=2024")
    page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=120_000)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function(
        "() => document.querySelectorAll('.leaflet-cajnEvents-pane path').length > 0", timeout=60_000
    )
    assert any(
        f"/{BASE_PATH}/app/static/{BUNDLE_PATH}?v=" in r
        for r in frame.evaluate("() => Array.from(document.scripts).map(s => s.src)")
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "base-path-map.png"))
    page.close()
    assert failed == [] and hosts <= LOCAL_HOSTS

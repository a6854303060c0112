"""Two replicas behind HAProxy (scripts/cluster.py): one address, sticky sessions, health checks,
and one user folder, so an import saved through one replica is there for a new session on the other."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from geo.data.paths import ROOT
from geo.io.importer import digest
from geo.text.i18n import t
from scripts.cluster import COOKIE, free_ports, replica_stats
from tests.journeys.harness import CHROMIUM

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(not shutil.which("haproxy") and not Path("/usr/sbin/haproxy").exists(), reason="no HAProxy"),
]
GTD_FILE = ROOT / "tests" / "fixtures" / "imports" / "gtd_sample_latin1.csv"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Two replicas and the balancer, the user folder shared; yields (url, workdir, user folder)."""
    workdir = tmp_path_factory.mktemp("cluster")
    user_dir = workdir / "user-data"
    port = free_ports(3)
    out = (workdir / "cluster.out").open("w")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "cluster.py"), "2", "--port", str(port), "--workdir", str(workdir)],
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        env={**os.environ, "DASHBOARD_USER_DIR": str(user_dir)},
    )
    deadline = time.monotonic() + 240
    while "Serving 2 replica" not in (workdir / "cluster.out").read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the cluster did not start:\n{(workdir / 'cluster.out').read_text()}")
        time.sleep(0.5)
    yield f"http://127.0.0.1:{port}", workdir, user_dir
    process.terminate()
    process.wait(timeout=60)
    out.close()
    assert "stopping the balancer and the replicas" in (workdir / "cluster.out").read_text()


def test_the_balancer_pins_each_browser_with_a_cookie_and_checks_every_replica(cluster):
    url, workdir, _ = cluster
    cookies = set()
    for _ in range(4):
        response = urllib.request.urlopen(f"{url}/", timeout=10)
        cookies.add(response.headers["Set-Cookie"].split(";")[0])
    # New browsers go to each replica in turn.
    assert cookies == {f"{COOKIE}=replica1", f"{COOKIE}=replica2"}
    pinned = urllib.request.Request(f"{url}/_stcore/health", headers={"Cookie": f"{COOKIE}=replica2"})
    before = int(replica_stats(workdir)["replica2"]["stot"])
    assert urllib.request.urlopen(pinned, timeout=10).read() == b"ok"
    assert int(replica_stats(workdir)["replica2"]["stot"]) == before + 1

    def checks() -> dict:
        return {
            name: (row["status"], row["check_status"])
            for name, row in replica_stats(workdir).items()
            if name != "BACKEND"
        }

    # A replica counts as up once its health check has passed; the first one may still be running.
    deadline = time.monotonic() + 30
    while any(status != ("UP", "L7OK") for status in checks().values()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert checks() == {
        "replica1": ("UP", "L7OK"),
        "replica2": ("UP", "L7OK"),
    }


def on_replica(browser, url: str, replica: str):
    """A fresh browser whose cookie sends it to `replica`, as the balancer would on its own."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_cookies([{"name": COOKIE, "value": replica, "url": url}])
    return context


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_an_import_saved_through_one_replica_is_there_for_a_new_session_on_the_other(cluster, browser, tmp_path):
    url, workdir, user_dir = cluster
    upload = tmp_path / "class-upload.csv"
    shutil.copy(GTD_FILE, upload)
    # A saved import is named by its content's fingerprint; the pages show the name it was uploaded as.
    saved_name = f"{digest(upload.read_bytes())}.csv"

    first = on_replica(browser, url, "replica1")
    page = first.new_page()
    page.goto(f"{url}/import")
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name=t("import_button", "en"), exact=True).click()
    page.get_by_text(t("import_done", "en", name=upload.name, n=5, fmt="GTD")).wait_for(timeout=120_000)
    # A session that only imported has nothing to share yet: the file is its own until saved.
    assert not list(user_dir.glob("*.csv"))
    page.get_by_role("button", name=t("save_user", "en")).click()
    page.locator("[data-testid='stAlertContentSuccess']").filter(has_text=saved_name).wait_for(timeout=60_000)
    first.close()

    other = replica_stats(workdir)["replica1"]["stot"]
    second = on_replica(browser, url, "replica2")
    page = second.new_page()
    page.goto(f"{url}/import")
    page.get_by_role("heading", name=t("imports_current", "en")).wait_for(timeout=120_000)
    page.get_by_text(upload.name).first.wait_for(timeout=60_000)
    assert (user_dir / saved_name).is_file()
    assert page.context.cookies(url)[0]["value"] == "replica2"
    second.close()
    # Everything the second browser asked went to the other replica.
    assert replica_stats(workdir)["replica1"]["stot"] == other

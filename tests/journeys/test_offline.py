"""Nothing leaves the machine: the guard that watches the server can see an attempt, and the
server, even open to a classroom's network, makes none at start or on any page."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from geo.data.paths import ROOT
from geo.state.urlstate import PAGE_PATHS
from geo.text.i18n import t
from tests.journeys.harness import NETGUARD, Server, map_frame

# A UDP "connection" only sets where datagrams would go: no packet is sent, yet the attempt is
# what the guard must see (it is how a server asks which interface reaches the internet).
ATTEMPT = "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.connect(('{host}', 9)); s.close()"


@pytest.mark.parametrize(
    "host,recorded", [("192.0.2.1", True), ("127.0.0.1", False), ("localhost", False), ("::1", False)]
)
def test_the_guard_records_an_attempt_to_reach_another_host(tmp_path, host, recorded):
    log = tmp_path / "outbound.log"
    family = "AF_INET6" if ":" in host else "AF_INET"
    code = ATTEMPT.format(host=host).replace("AF_INET,", f"{family},")
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        env={**os.environ, "NETGUARD_LOG": str(log), "PYTHONPATH": str(NETGUARD)},
    )
    assert (host in (log.read_text() if log.exists() else "")) is recorded


@pytest.fixture(scope="module")
def open_server(tmp_path_factory):
    """The app as a classroom serves it: `scripts/run --server.address 0.0.0.0`."""
    workdir = tmp_path_factory.mktemp("classroom")
    running = Server(workdir, command=(str(ROOT / "scripts" / "run"), "--server.address", "0.0.0.0")).start()
    yield running
    running.stop()


def test_a_server_open_to_the_network_asks_nothing_of_it(journey, open_server):
    walk = journey("offline-classroom", on=open_server)
    for path in PAGE_PATHS:
        walk.open(f"/{path}")
    walk.close()
    assert open_server.outbound_attempts() == []
    assert "Serving on every interface" in open_server.log.read_text()


def test_an_old_map_link_opens_the_map_without_page_not_found(journey):
    walk = journey("deep-link-map-fr")
    page = walk.open("/map?lang=fr&years=2015&years=2024&groups=iskp")
    page.get_by_role("heading", name="Carte").wait_for(timeout=30_000)
    walk.idle()
    assert page.get_by_text("Page not found").count() == 0
    assert "groups=iskp" in page.url and "lang=fr" in page.url


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_link_asking_for_online_tiles_loads_none_until_the_person_says_so(journey, lang):
    walk = journey(f"offline-tiles-link-{lang}")
    page = walk.open(f"/?tiles=1&lang={lang}")
    map_frame(page)
    walk.idle()
    button = page.get_by_role("button", name=t("online_tiles_turn_on", lang), exact=True)
    button.wait_for(timeout=30_000)
    page.get_by_text(t("online_tiles_asked", lang)).wait_for(timeout=30_000)
    toggle = page.get_by_role("switch", name=t("online_tiles", lang))
    assert not toggle.is_checked()
    assert "tiles=" not in page.url
    # Long enough for the map to ask for tiles, had the link been enough to turn them on.
    page.wait_for_timeout(3000)
    walk.shot("notice")
    walk.close()

"""What every journey shares: the app served as the README serves it, a browser, and the checks
that make a journey fail whatever it was about.

A journey fails when the page ever shows an exception element, when the server logs a
traceback or a warning while it runs, when the browser asks another host for anything, or when
the server process tries to reach another host (recorded by `netguard/sitecustomize.py`)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from geo.data.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts" / "journeys"
NETGUARD = Path(__file__).parent / "netguard"
LOCAL_HOSTS = {"localhost", "127.0.0.1", None}
# Streamlit's frontend looks for its server under the page's path first (/story/_stcore/...)
# and falls back to the root on a 404: expected, not an error of the app.
BASE_PATH_PROBE = re.compile(r"/[a-z_]+/_stcore/(health|host-config)$")
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
STARTUP = ("server started",)
PROJECTOR = {"width": 1280, "height": 720}
DESKTOP = {"width": 1400, "height": 1000}

# Installed before any page script: remembers every exception element Streamlit ever draws,
# even one that a later rerun replaces.
WATCH_EXCEPTIONS = """
window.__exceptions = [];
new MutationObserver(() => {
  for (const element of document.querySelectorAll("[data-testid='stException']")) {
    if (!element.__seen) { element.__seen = true; window.__exceptions.push(element.innerText.slice(0, 500)); }
  }
}).observe(document, {childList: true, subtree: true});
"""


# A value a component sends (the map's click) asks for a run of the page; the value is pending until
# a run has started after it and ended. The frame posts its value to the page before anything a
# test asks later can run there; the runs are read from Streamlit's own state.
WATCH_RUNS = """
if (window.top === window && !window.__runs) {
  const runs = window.__runs = {pending: false, started: false};
  window.addEventListener("message", event => {
    if (event.data && event.data.type === "streamlit:setComponentValue") { runs.pending = true; runs.started = false; }
  }, true);
  new MutationObserver(records => records.forEach((record, k) => {
    const next = records[k + 1];
    const now = next && next.target === record.target ? next.oldValue : record.target.dataset.testScriptState;
    if (now === "running" && runs.pending) { runs.started = true; }
    if (record.oldValue === "running" && now === "notRunning" && runs.started) { runs.pending = runs.started = false; }
  })).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                         attributeFilter: ["data-test-script-state"]});
}
"""

# No value of the map's frame left to send, none waiting for its run, and no run going on.
SETTLED = (
    "() => !window.__runs.pending"
    " && document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'"
    " && !document.querySelector('[data-stale=\"true\"]')"
)
UNSENT = """() => {
  const data = window.__GLOBAL_DATA__;
  const sent = (data && data.previous_data) || {};
  return Boolean(data && (data.returned_objects || []).some(
    name => data[name] !== undefined && JSON.stringify(data[name]) !== JSON.stringify(sent[name])));
}"""


def settle(page, frame, timeout: float = 60_000) -> None:
    """Wait until what the reader did on the map has been sent and the page's run for it is over:
    the map's frame sends its value a quarter of a second after a click (see `WATCH_RUNS`)."""
    frame.wait_for_function(f"() => !({UNSENT})()", timeout=timeout)
    page.wait_for_function(SETTLED, timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """The app started with the README's run command, its log and its outbound record in files."""

    workdir: Path
    env: dict = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    # The README's run command; a test of the harness itself may serve another script.
    command: tuple[str, ...] = (str(ROOT / "scripts" / "run"),)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.workdir / "server.log"

    @property
    def outbound(self) -> Path:
        return self.workdir / "outbound.log"

    def start(self, timeout: float = 120) -> Server:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.outbound.touch()
        env = {
            **os.environ,
            "PYTHONUNBUFFERED": "1",
            "NETGUARD_LOG": str(self.outbound),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(NETGUARD), os.environ.get("PYTHONPATH")])),
            **self.env,
        }
        # A file, not a pipe: a full pipe would block the server on its next log line.
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [*self.command, "--server.port", str(self.port)],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).read() == b"ok":
                    return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise AssertionError(f"the app did not start within {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def problems_since(self, offset: int) -> list[str]:
        """Log lines written since `offset` that a quiet server never writes: any logged message
        but the start-up line, any traceback, any warning."""
        with self.log.open(encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            lines = log.read().splitlines()
        return [
            line
            for line in lines
            if (LOG_LINE.match(line) and not any(s in line for s in STARTUP))
            or "Traceback" in line
            or "Warning" in line
            or "WARNING" in line
        ]

    def outbound_attempts(self) -> list[str]:
        return self.outbound.read_text().splitlines()


class JourneyFailed(AssertionError):
    pass


@dataclass
class Journey:
    """One user's browser tab on the app, and what it saw go wrong."""

    server: Server
    page: object
    name: str
    log_offset: int = 0
    console_errors: list = field(default_factory=list)
    hosts: set = field(default_factory=set)
    shots: list = field(default_factory=list)
    closed: bool = False

    def open(self, path: str = "/", wait_for: str = "[data-testid='stMain'] h1"):
        self.page.goto(self.server.url + path)
        self.page.wait_for_selector(wait_for, timeout=120_000)
        self.idle()
        return self.page

    def idle(self, timeout: float = 60_000) -> None:
        """Wait until Streamlit has finished its run: no element greyed out as stale, no spinner."""
        self.page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'"
            " && !document.querySelector('[data-stale=\"true\"]')",
            timeout=timeout,
        )
        self.page.wait_for_timeout(400)

    def shot(self, name: str, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{name}.png"
        size = self.page.viewport_size
        if full_page:
            # Streamlit scrolls inside its main area, not the document: show the whole of it.
            height = self.page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0")
            self.page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 8000))})
            self.page.wait_for_timeout(500)
        self.page.screenshot(path=str(path))
        if full_page:
            self.page.set_viewport_size(size)
        self.shots.append(path)
        return path

    def download(self, button_name: str, target: Path, timeout: float = 120_000, nth: int = 0) -> Path:
        """Click the download button called `button_name` and return the file it delivered."""
        button = self.page.get_by_role("button", name=button_name, exact=True).nth(nth)
        button.scroll_into_view_if_needed()
        try:
            with self.page.expect_download(timeout=timeout) as download:
                button.click()
        except Exception as error:  # playwright's timeout: say which button gave nothing
            problems = self.server.problems_since(self.log_offset)
            raise JourneyFailed(f"'{button_name}' delivered no file; the server says: {problems[-5:]}") from error
        path = target / download.value.suggested_filename
        download.value.save_as(path)
        if not path.stat().st_size:
            raise JourneyFailed(f"'{button_name}' delivered an empty file {path.name}")
        return path

    def exceptions(self) -> list[str]:
        return self.page.evaluate("() => window.__exceptions || []")

    def check(self) -> None:
        """Everything a journey must never see, whatever it was about."""
        problems = []
        if shown := self.exceptions():
            problems.append(f"the page showed exceptions: {shown}")
        if logged := self.server.problems_since(self.log_offset):
            problems.append("the server logged:\n" + "\n".join(logged[:40]))
        if outside := sorted(h for h in self.hosts if h not in LOCAL_HOSTS):
            problems.append(f"the browser asked other hosts: {outside}")
        if attempts := self.server.outbound_attempts():
            problems.append(f"the server tried to reach other hosts: {attempts[:10]}")
        if self.console_errors:
            problems.append(f"the browser console logged errors: {self.console_errors[:10]}")
        if problems:
            raise JourneyFailed(f"journey {self.name}: " + "\n".join(problems))

    def close(self) -> None:
        """Check the journey, then close its browser context (before its server goes away)."""
        if self.closed:
            return
        try:
            self.check()
        finally:
            self.closed = True
            self.page.context.close()


def start_journey(browser, server: Server, name: str, viewport: dict = DESKTOP, **context) -> Journey:
    """A fresh browser context (no cookies, no session) on `server`, watched from its first byte."""
    browser_context = browser.new_context(viewport=viewport, accept_downloads=True, **context)
    page = browser_context.new_page()
    page.add_init_script(WATCH_EXCEPTIONS)
    page.add_init_script(WATCH_RUNS)
    journey = Journey(server, page, name, server.log_size())

    def on_console(message):
        if message.type == "error" and not BASE_PATH_PROBE.search(message.location.get("url", "")):
            journey.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("request", lambda request: journey.hosts.add(urlparse(request.url).hostname))
    return journey


def map_frame(page):
    """The map's frame, once Leaflet has drawn it."""
    page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=60_000)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_selector(".leaflet-container", timeout=60_000)
    return frame


MARKERS = ".leaflet-cajnEvents-pane path.leaflet-interactive"


def markers(frame, expected: int | None = None, timeout: float = 30_000) -> int:
    """How many attack markers the map draws, waiting for `expected` when given."""
    if expected is not None:
        frame.wait_for_function(
            f"n => document.querySelectorAll('{MARKERS}').length === n", arg=expected, timeout=timeout
        )
    return frame.locator(MARKERS).count()


def map_view(frame) -> tuple[float, float, float]:
    """The map's zoom and centre."""
    return tuple(frame.evaluate("() => [window.map.getZoom(), window.map.getCenter().lat, window.map.getCenter().lng]"))


# A JavaScript function of a map and a circle marker: a point of the page where a click lands on
# the circle as it is drawn now (spread out or not, under names or not), or null when none does.
CIRCLE_SPOT = """(map, marker) => {
  const centre = map.latLngToContainerPoint(marker.getLatLng());
  const box = map.getContainer().getBoundingClientRect();
  for (let d = 0; d <= marker.getRadius(); d++) {
    for (let a = 0; a < 24; a++) {
      const x = box.left + centre.x + d * Math.cos(a * Math.PI / 12);
      const y = box.top + centre.y + d * Math.sin(a * Math.PI / 12);
      if (document.elementFromPoint(x, y) === marker._path) { return [x, y]; }
    }
  }
  return null;
}"""


def click_attack(frame, lat: float, lon: float) -> str:
    """Click the attack marker at (lat, lon) and return its popup's text; a marker that shares its
    place with others spreads them out on the first click, and opens its popup on the second."""
    frame.evaluate(
        """([lat, lon]) => {
        for (const id in window.map._layers) {
            const layer = window.map._layers[id];
            if (layer._cajnIndex !== undefined) {
                const at = layer.getLatLng();
                if (Math.abs(at.lat - lat) < 1e-4 && Math.abs(at.lng - lon) < 1e-4) {
                    layer.fire('click', {latlng: at}, true);
                    if (!window.map._popup || !window.map._popup.isOpen()) {
                        layer.fire('click', {latlng: layer.getLatLng()}, true);
                    }
                    return;
                }
            }
        }
        throw new Error('no marker at ' + lat + ',' + lon);
    }""",
        [lat, lon],
    )
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    return popup.inner_text()


def inside(box: dict, viewport: dict) -> bool:
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"] + 1
        and box["y"] + box["height"] <= viewport["height"] + 1
    )

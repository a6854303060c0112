"""Load test: one app server on loopback, N concurrent headless chromium sessions.

Usage: python -m bench.load_sessions [SESSIONS]

Each session opens the map, moves the end of the year range back one year, picks a group,
then opens the timeline page. A first session warms the server; a second runs alone as the
baseline; the rest arrive one every two seconds, as a class opening the dashboard in the same
minute, and all stay open until the server's memory has been read.

Reported: sessions that finished, server errors and log lines, p50/p95 time until the map
shows its markers (against the baseline) and until it redraws after a change, the CPU used by
the server and by the browsers (on one machine they share the cores), and the server's memory
per extra session (resident memory with all sessions open, minus the memory after one
session, divided by the extra sessions). Loopback only; every session is bounded in time.
Target: 30 of 30 sessions succeed, no server error, under 150 MB per extra session.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SESSIONS = 30
SESSION_TIMEOUT_S = 900
MARKERS = ".leaflet-cajnEvents-pane path.leaflet-interactive"
TARGET_MB_PER_SESSION = 150
# A class opening the dashboard "at the same minute": one session every 2 s, all open together.
RAMP_S = 2.0
STEP_TIMEOUT_MS = 600_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of a process, from /proc: now, or at its peak with `field` "VmHWM"."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_s(pid: int) -> float:
    """CPU seconds used by a process and its reaped children, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def descendants(root: int) -> set[int]:
    """Every live process under `root`."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def start_server(port: int, log) -> subprocess.Popen:
    # The log goes to a file: a pipe nobody reads until the end fills up, and the server's
    # threads then block on their next log line.
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "scripts" / "serve.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


async def open_timeline(page, timeout_ms: float = STEP_TIMEOUT_MS) -> None:
    """Go to the Timeline page by its link in the sidebar, and wait for its first chart."""
    # A click that lands while a rerun is still being applied can be lost: click until the page changes.
    link = page.locator("[data-testid='stSidebarNav'] a[href$='/timeline']")
    for _ in range(20):
        await link.click()
        try:
            await page.wait_for_function("() => location.pathname.endsWith('/timeline')", timeout=15_000)
            break
        except Exception:
            continue
    await page.wait_for_selector(".vega-embed", state="attached", timeout=timeout_ms)


async def map_frame(page, timeout_ms: float = STEP_TIMEOUT_MS):
    await page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=timeout_ms)
    for _ in range(240):
        frames = [f for f in page.frames if "streamlit_folium" in f.url]
        if frames:
            return frames[0]
        await asyncio.sleep(0.25)
    raise TimeoutError("no map frame")


async def marker_count(frame) -> int:
    return await frame.evaluate(f"() => document.querySelectorAll('{MARKERS}').length")


async def wait_for_change(frame, before: int, timeout_ms: float = STEP_TIMEOUT_MS) -> None:
    await frame.wait_for_function(
        f"n => document.querySelectorAll('{MARKERS}').length !== n", arg=before, timeout=timeout_ms
    )


async def walk(page, url: str, outcome: dict, timeout_ms: float = STEP_TIMEOUT_MS) -> None:
    """A session's walk, timed into `outcome`: the map's first draw (`map_s`), the years narrowed by
    a key and the ISKP group chosen (`redraw_s`, until the map's circles change), then the Timeline
    page; `ok` once all of it is done. Each wait is bounded by `timeout_ms`."""
    start = time.perf_counter()
    await page.goto(url, wait_until="commit")
    frame = await map_frame(page, timeout_ms)
    await frame.wait_for_function(f"() => document.querySelectorAll('{MARKERS}').length > 0", timeout=timeout_ms)
    outcome["map_s"] = time.perf_counter() - start
    before = await marker_count(frame)
    slider = page.locator("[data-testid='stSidebar'] [data-testid='stSlider'] input[type='range']").nth(1)
    await slider.focus()
    start = time.perf_counter()
    await slider.press("ArrowLeft")
    await wait_for_change(frame, before, timeout_ms)
    outcome["redraw_s"].append(time.perf_counter() - start)
    before = await marker_count(frame)
    groups = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    start = time.perf_counter()
    await groups.click()
    await page.keyboard.type("ISKP")
    await page.keyboard.press("Enter")
    await page.keyboard.press("Escape")
    await wait_for_change(frame, before, timeout_ms)
    outcome["redraw_s"].append(time.perf_counter() - start)
    await open_timeline(page, timeout_ms)
    outcome["ok"] = True


async def session(browser, url: str, results: list, opened: asyncio.Event, holding: asyncio.Event) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    # Thirty pages rendering maps on two cores are slow; the budget is the session timeout, not 30 s a step.
    context.set_default_timeout(SESSION_TIMEOUT_S * 1000)
    page = await context.new_page()
    outcome = {"ok": False, "map_s": None, "redraw_s": []}
    try:
        await walk(page, url, outcome)
    except Exception as error:  # a failed session is counted, not fatal to the run
        outcome["error"] = f"{type(error).__name__}: {' | '.join(str(error).splitlines()[:4])}"
    finally:
        results.append(outcome)
        opened.set()
    await holding.wait()  # keep the session open until memory has been measured
    await context.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


async def run(sessions: int) -> int:
    port = free_port()
    log_file = tempfile.TemporaryFile("w+")  # noqa: SIM115 - read and closed once the server has stopped
    server = start_server(port, log_file)
    url = f"http://127.0.0.1:{port}/"
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
            )
            warm: list = []
            release = asyncio.Event()
            first = asyncio.create_task(session(browser, url, warm, asyncio.Event(), release))
            while not warm:
                await asyncio.sleep(0.5)
            one_session_mb = rss_mb(server.pid)
            # The baseline: one session alone on a warm server, measured in the same run.
            alone: list = []
            second = asyncio.create_task(session(browser, url, alone, asyncio.Event(), release))
            while not alone:
                await asyncio.sleep(0.5)
            results: list = []
            events = [asyncio.Event() for _ in range(sessions - 2)]
            tasks = []
            for done in events:
                tasks.append(asyncio.create_task(session(browser, url, results, done, release)))
                await asyncio.sleep(RAMP_S)
            # Every session reports once it finished or failed; none may take longer than the budget.
            await asyncio.wait([asyncio.create_task(e.wait()) for e in events], timeout=SESSION_TIMEOUT_S * 2)
            all_sessions_mb = rss_mb(server.pid)
            server_cpu = cpu_s(server.pid)
            browser_cpu = sum(cpu_s(pid) for pid in descendants(os.getpid()) - descendants(server.pid) - {server.pid})
            release.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(first, second, *tasks, return_exceptions=True)
            await browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log_file.seek(0)
        log = log_file.read()
        log_file.close()
    everything = warm + alone + results
    everything += [
        {"ok": False, "map_s": None, "redraw_s": [], "error": "no answer within the time budget"}
        for _ in range(sessions - len(everything))
    ]
    ok = sum(1 for r in everything if r["ok"])
    server_errors = log.count("Traceback")
    # Streamlit's log lines start with a timestamp; the start-up line is the only expected one.
    messages = [
        line for line in log.splitlines() if re.match(r"\d{4}-\d\d-\d\d ", line) and "server started" not in line
    ]
    map_times = [r["map_s"] for r in everything if r["map_s"] is not None]
    redraws = [t for r in everything for t in r["redraw_s"]]
    per_session = (all_sessions_mb - one_session_mb) / max(len(everything) - 1, 1)
    for r in everything:
        if not r["ok"]:
            print(f"failed session: {r.get('error')}")
    print(
        f"{ok}/{len(everything)} sessions completed; server errors: {server_errors}; other log lines: {len(messages)}"
    )
    for message in sorted(set(line[24:] for line in messages))[:5]:
        print(f"  log: {message[:160]}")
    solo_map, solo_redraw = alone[0]["map_s"], max(alone[0]["redraw_s"], default=None)
    print(
        f"one session alone on a warm server (baseline): map {solo_map or float('nan'):.1f} s, "
        f"slowest redraw {solo_redraw or float('nan'):.1f} s"
    )
    print(
        f"time to map with markers: p50 {statistics.median(map_times):.1f} s, p95 {percentile(map_times, 0.95):.1f} s"
        f" ({statistics.median(map_times) / (solo_map or float('nan')):.0f}x the baseline at p50)"
    )
    print(
        f"time to redraw after a change: p50 {statistics.median(redraws):.1f} s, p95 {percentile(redraws, 0.95):.1f} s"
    )
    # On one machine the browsers share the cores with the server: this says whose time it is.
    print(
        f"CPU used: server {server_cpu:.0f} s, browsers {browser_cpu:.0f} s "
        f"({browser_cpu / max(server_cpu + browser_cpu, 1e-9):.0%} browsers) on {os.cpu_count()} cores"
    )
    print(
        f"server memory: {one_session_mb:.0f} MB with one session, {all_sessions_mb:.0f} MB with {len(everything)} "
        f"(baseline: the one-session figure); {per_session:.1f} MB per extra session (target < {TARGET_MB_PER_SESSION})"
    )
    met = ok == len(everything) and server_errors == 0 and per_session < TARGET_MB_PER_SESSION
    print("targets met" if met else "targets NOT met")
    print(
        f"sessions_ok={ok}/{len(everything)} p95_map_s={percentile(map_times, 0.95):.1f} "
        f"p95_redraw_s={percentile(redraws, 0.95):.1f} mb_per_session={per_session:.1f}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else SESSIONS)))

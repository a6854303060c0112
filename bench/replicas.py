"""Replicas benchmark: browser sessions through HAProxy against 1 and then 2 replicas, then one
replica killed while its sessions are open.

Usage: python -m bench.replicas [SESSIONS]   (default 6; about 5 minutes on 2 cores)

Each phase starts scripts/cluster.py with a fresh user folder, warms every replica with one
session pinned to it (its first session loads the data), then opens SESSIONS sessions through
the balancer, one every two seconds, each as bench.load_sessions drives them (map, two filter
changes, the timeline), and keeps them open. Reported per phase: sessions that finished, which
replica each was given (the balancer's cookie, and the open connections per replica on its
stats socket), the replicas' CPU per session (after the warm-up) and the p95 redraw time.

Then, with the two-replica sessions still open, one import is saved through each replica and
the second replica is killed. Each of its sessions reloads its page: it recovers when the
timeline draws again, served by the other replica. A new session then lists the saved imports:
one missing is a lost import. Loopback only; every step is bounded in time.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from playwright.async_api import async_playwright

from bench.load_sessions import (
    CHROMIUM,
    RAMP_S,
    cpu_s,
    percentile,
    walk,
)
from geo.text.i18n import t
from scripts.cluster import COOKIE, free_ports, replica_stats

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / "scripts" / "cluster.py"
SESSIONS = 6
STEP_TIMEOUT_MS = 240_000
GTD_FILE = ROOT / "tests" / "fixtures" / "imports" / "gtd_sample_latin1.csv"


class Cluster:
    """scripts/cluster.py with `replicas` replicas, its output, stats socket and user folder in `workdir`."""

    def __init__(self, replicas: int, workdir: Path, user_dir: Path):
        self.replicas, self.workdir = replicas, workdir
        self.port = free_ports(replicas + 1)
        self.url = f"http://127.0.0.1:{self.port}"
        workdir.mkdir(parents=True, exist_ok=True)
        self.out = workdir / "cluster.out"
        with self.out.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, str(CLUSTER), str(replicas), "--port", str(self.port), "--workdir", str(workdir)],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, "DASHBOARD_USER_DIR": str(user_dir)},
            )
        deadline = time.monotonic() + 300
        while "Serving" not in self.out.read_text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"the cluster did not start:\n{self.out.read_text()}")
            time.sleep(0.5)
        started = re.findall(r"^(replica\d+): pid (\d+)", self.out.read_text(), re.MULTILINE)
        self.pids = {name: int(pid) for name, pid in started}

    def cpu(self) -> float:
        return sum(cpu_s(pid) for pid in self.pids.values())

    def open_connections(self) -> dict[str, int]:
        """Current connections per replica, from HAProxy's stats socket."""
        rows = replica_stats(self.workdir)
        return {name: int(row["scur"]) for name, row in rows.items() if name in self.pids}

    def kill(self, name: str) -> None:
        os.kill(self.pids[name], signal.SIGKILL)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=90)


async def replica_of(context, url: str) -> str | None:
    return next((c["value"] for c in await context.cookies(url) if c["name"] == COOKIE), None)


async def new_context(browser, url: str, replica: str | None = None):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    if replica:
        await context.add_cookies([{"name": COOKIE, "value": replica, "url": url}])
    return context


async def session(browser, url: str, replica: str | None = None) -> dict:
    """bench.load_sessions' walk (map, two changes, the timeline); the page stays open."""
    context = await new_context(browser, url, replica)
    page = await context.new_page()
    outcome = {"ok": False, "redraw_s": [], "context": context, "page": page}
    try:
        await walk(page, url + "/", outcome, STEP_TIMEOUT_MS)
    except Exception as error:  # a failed session is counted, not fatal to the run
        outcome["error"] = f"{type(error).__name__}: {' | '.join(str(error).splitlines()[:3])}"
    outcome["replica"] = await replica_of(context, url)
    return outcome


async def phase(browser, cluster: Cluster, sessions: int) -> dict:
    """Warm every replica, then `sessions` sessions ramped through the balancer, left open."""
    warm = await asyncio.gather(*(session(browser, cluster.url, name) for name in cluster.pids))
    for outcome in warm:
        await outcome["context"].close()
    cpu_before = cluster.cpu()
    tasks = []
    for _ in range(sessions):
        tasks.append(asyncio.create_task(session(browser, cluster.url)))
        await asyncio.sleep(RAMP_S)
    results = await asyncio.gather(*tasks)
    cpu = cluster.cpu() - cpu_before
    redraws = [s for r in results for s in r["redraw_s"]]
    return {
        "results": results,
        "ok": sum(r["ok"] for r in results),
        "spread": Counter(r["replica"] for r in results),
        "connections": cluster.open_connections(),
        "cpu_per_session": cpu / sessions,
        "p95_redraw": percentile(redraws, 0.95),
        "p50_redraw": statistics.median(redraws) if redraws else float("nan"),
    }


async def save_import(browser, url: str, replica: str, folder: Path) -> str:
    """Import the GTD sample, marked as `replica`'s, through `replica` and save it; the name the
    import page lists it by."""
    upload = folder / f"bench-{replica}.csv"
    # A saved import is kept by its content: the same bytes saved twice are one import. Each
    # replica's upload tells itself apart in one summary.
    sample = GTD_FILE.read_bytes()
    marked = sample.replace(b"month and day unknown.", f"month and day unknown, saved through {replica}.".encode())
    assert marked != sample, "the sample's summary to mark has changed"
    upload.write_bytes(marked)
    context = await new_context(browser, url, replica)
    page = await context.new_page()
    await page.goto(f"{url}/import")
    await page.locator("input[type=file]").set_input_files(str(upload))
    await page.get_by_role("button", name=t("import_button", "en"), exact=True).click()
    await page.get_by_text(t("import_done", "en", name=upload.name, n=5, fmt="GTD")).wait_for()
    # The imports saved earlier through the other replica are listed too, each with its own button.
    row = page.locator("[data-testid='stHorizontalBlock']").filter(has_text=upload.name).last
    await row.get_by_role("button", name=t("save_user", "en")).click()
    # A saved import is kept under its content's fingerprint, and listed by the upload's name.
    said = t("saved_user", "en", path="\0").split("\0")[0]
    await page.locator("[data-testid='stAlertContentSuccess']").filter(has_text=said).wait_for()
    await context.close()
    return upload.name


async def recovers(outcome: dict, url: str, survivor: str) -> bool:
    """A session whose replica died: reloaded, it draws its page again from the survivor."""
    page = outcome["page"]
    try:
        await page.reload(wait_until="commit")
        await page.wait_for_selector(".vega-embed", state="attached", timeout=STEP_TIMEOUT_MS)
        return await replica_of(outcome["context"], url) == survivor
    except Exception as error:
        print(f"  not recovered: {type(error).__name__}: {str(error).splitlines()[0]}")
        return False


async def listed_imports(browser, url: str, names: list[str]) -> list[str]:
    """Of the saved imports `names`, those a new session lists on the import page."""
    context = await new_context(browser, url)
    page = await context.new_page()
    await page.goto(f"{url}/import")
    await page.get_by_role("heading", name=t("imports_current", "en")).wait_for()
    await page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'"
    )
    found = [name for name in names if await page.get_by_text(name).count()]
    await context.close()
    return found


def report(replicas: int, figures: dict, sessions: int) -> None:
    for r in figures["results"]:
        if not r["ok"]:
            print(f"  failed session: {r.get('error')}")
    spread = "/".join(str(figures["spread"].get(f"replica{n + 1}", 0)) for n in range(replicas))
    connections = ", ".join(f"{name} {count}" for name, count in sorted(figures["connections"].items()))
    print(
        f"{replicas} replica(s): {figures['ok']}/{sessions} sessions ok; sessions per replica {spread} "
        f"(open connections on the stats socket: {connections}); replicas' CPU {figures['cpu_per_session']:.1f} s "
        f"per session; redraw p50 {figures['p50_redraw']:.1f} s, p95 {figures['p95_redraw']:.1f} s",
        flush=True,
    )


async def run(sessions: int) -> int:
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="bench-replicas-"))
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
            )
            one = Cluster(1, workdir / "one", workdir / "one" / "user-data")
            try:
                single = await phase(browser, one, sessions)
                for r in single["results"]:
                    await r["context"].close()
            finally:
                one.stop()
            report(1, single, sessions)

            two = Cluster(2, workdir / "two", workdir / "two" / "user-data")
            try:
                double = await phase(browser, two, sessions)
                report(2, double, sessions)
                saved = [await save_import(browser, two.url, name, workdir) for name in two.pids]
                two.kill("replica2")
                orphans = [r for r in double["results"] if r["replica"] == "replica2"]
                recovered = sum(await asyncio.gather(*(recovers(r, two.url, "replica1") for r in orphans)))
                lost = len(saved) - len(await listed_imports(browser, two.url, saved))
                for r in double["results"]:
                    await r["context"].close()
            finally:
                two.stop()
            await browser.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"replica2 killed with {len(orphans)} session(s) open: {recovered} recovered on replica1 after a reload; "
        f"{len(saved)} imports saved (one through each replica), {lost} lost; "
        f"run took {time.monotonic() - started:.0f} s"
    )
    spread = "/".join(str(double["spread"].get(f"replica{n + 1}", 0)) for n in range(2))
    print(
        f"replicas=2 sessions_ok={double['ok']}/{sessions} spread={spread} "
        f"failover_recovered={recovered}/{len(orphans)} lost_imports={lost}"
    )
    return 0 if double["ok"] == sessions and recovered == len(orphans) and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else SESSIONS)))

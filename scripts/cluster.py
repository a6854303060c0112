"""Several replicas of the app behind HAProxy on one machine: `python scripts/cluster.py N [options]`.

Each replica is scripts/serve.py on a port of its own (the balancer's port + 1, + 2, ...);
HAProxy, from Debian's package, listens on the balancer's port with a configuration written
from the replicas' list. A Streamlit session lives in one process and talks to it over a
WebSocket on /_stcore/stream, so the balancer pins each browser to one replica with a cookie
it inserts itself; a replica that stops answering /_stcore/health is taken out, and its
browsers go to another one on their next connection (after a reload the page works again, as
a new session). The replicas share one secret for signed cookies and one user folder
(DASHBOARD_USER_DIR, inherited), so an import saved through one replica is read by every new
session on any of them.

Ctrl-C (or SIGTERM) stops the balancer and every replica. A replica that dies on its own is
reported and left down: the balancer sends its browsers to the others.

`--compose N` prints the configuration for compose.yaml's services app1..appN instead
(deploy/haproxy.cfg is that output for N = 2).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "scripts" / "serve.py"
COOKIE = "dashboard_replica"
# HAProxy's stats socket, in the cluster's working folder.
STATS_SOCKET = "haproxy.sock"
STARTUP_S = 180
# Docker's embedded name server: in compose, a replica restarted under a new address is found again.
DOCKER_DNS = "127.0.0.11:53"


def free_ports(count: int) -> int:
    """The first of `count` consecutive free ports on loopback: the balancer's, then each replica's."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + count >= 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise RuntimeError("no run of free ports")


def replica_stats(workdir: Path) -> dict[str, dict[str, str]]:
    """HAProxy's statistics per replica (and the backend's total, as BACKEND), read from the stats
    socket of the cluster working in `workdir`."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(workdir / STATS_SOCKET))
        sock.sendall(b"show stat\n")
        lines = sock.makefile().read().splitlines()
    header = lines[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","))) for line in lines[1:] if line]
    return {row["svname"]: row for row in rows if row["pxname"] == "replicas"}


def health_path(base_path: str = "") -> str:
    base = base_path.strip("/")
    return f"/{base}/_stcore/health" if base else "/_stcore/health"


def haproxy_config(
    replicas: list[tuple[str, str, int]],
    bind: str,
    stats_socket: str,
    base_path: str = "",
    resolver: str | None = None,
) -> str:
    """HAProxy's configuration for `replicas` (name, host, port) behind `bind` (address:port)."""
    resolvers = f"\nresolvers dns\n    nameserver dns {resolver}\n    hold valid 10s\n" if resolver else ""
    dns = " resolvers dns" if resolver else ""
    servers = "\n".join(f"    server {name} {host}:{port} cookie {name}" for name, host, port in replicas)
    return f"""\
# Written by scripts/cluster.py: {len(replicas)} replica(s) of the dashboard behind one address.
global
    # "show stat" there: each replica's state and sessions; "disable server" takes one out by hand.
    stats socket {stats_socket} mode 600 level admin
    maxconn 4096
{resolvers}
defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    # A session's WebSocket stays open as long as its tab: once upgraded it is a tunnel.
    timeout tunnel 8h
    timeout client-fin 10s

frontend dashboard
    bind {bind}
    default_backend replicas

backend replicas
    # New browsers in turn: "fewest connections" counts the page loads under way, and a class
    # arriving together then lands unevenly (2 and 4 of 6 in bench/replicas.py).
    balance roundrobin
    # Sticky sessions: Streamlit keeps a session's state in the process its WebSocket reaches.
    cookie {COOKIE} insert indirect nocache httponly attr "SameSite=Lax"
    option httpchk GET {health_path(base_path)}
    http-check expect string ok
    # A browser pinned to a replica that is down is sent to another one rather than refused,
    # including a request sent on a kept-alive connection to a replica that has just died
    # (empty or cut response): without that, a reload right after a crash shows a 502.
    option redispatch
    retries 3
    retry-on conn-failure empty-response junk-response
    default-server check inter 2s fall 2 rise 2 init-addr last,libc,none{dns}
{servers}
"""


def replica_command(port: int, base_path: str, extra: list[str]) -> list[str]:
    command = [sys.executable, str(SERVE), "--server.port", str(port), "--server.address", "127.0.0.1"]
    command += ["--server.headless", "true"]
    if base_path:
        command += ["--server.baseUrlPath", base_path]
    return command + extra


def healthy(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).read() == b"ok"
    except OSError:
        return False


def wait_healthy(urls: list[str], processes: list[subprocess.Popen], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    waiting = list(urls)
    while waiting:
        if any(p.poll() is not None for p in processes):
            raise SystemExit("a process of the cluster stopped while starting; see its log")
        if time.monotonic() > deadline:
            raise SystemExit(f"not healthy within {timeout:.0f} s: {', '.join(waiting)}")
        waiting = [url for url in waiting if not healthy(url)]
        time.sleep(0.5)


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
    if not found:
        raise SystemExit("HAProxy is not installed: apt-get install -y haproxy")
    return found


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def interrupt(_number, _frame):
    """Ctrl-C and SIGTERM stop the cluster."""
    raise KeyboardInterrupt


def arguments(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("replicas", type=int, help="how many app processes")
    parser.add_argument("--port", type=int, default=8501, help="the balancer's port (default 8501)")
    parser.add_argument("--address", default="127.0.0.1", help="the balancer's address (0.0.0.0: every interface)")
    parser.add_argument("--replica-port", type=int, help="the first replica's port (default: the balancer's + 1)")
    parser.add_argument("--base-path", default="", help="serve under this path prefix, e.g. dashboard")
    parser.add_argument("--workdir", type=Path, help="for the configuration, the stats socket and the logs")
    parser.add_argument("--compose", action="store_true", help="print the configuration for compose.yaml and exit")
    return parser.parse_known_args(argv)


def main(argv: list[str]) -> int:
    options, extra = arguments(argv)
    if options.replicas < 1:
        raise SystemExit("at least one replica")
    if options.compose:
        replicas = [(f"app{n}", f"app{n}", 8501) for n in range(1, options.replicas + 1)]
        print(haproxy_config(replicas, "*:8501", "/tmp/haproxy.sock", options.base_path, DOCKER_DNS), end="")
        return 0
    binary = haproxy_binary()
    workdir = options.workdir or Path(tempfile.mkdtemp(prefix="dashboard-cluster-"))
    workdir.mkdir(parents=True, exist_ok=True)
    first = options.replica_port or options.port + 1
    replicas = [(f"replica{n + 1}", "127.0.0.1", first + n) for n in range(options.replicas)]
    config = workdir / "haproxy.cfg"
    config.write_text(
        haproxy_config(replicas, f"{options.address}:{options.port}", str(workdir / STATS_SOCKET), options.base_path)
    )
    subprocess.run([binary, "-c", "-q", "-f", str(config)], check=True)
    # Signed cookies must read the same on every replica, or a browser sent elsewhere is refused.
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    processes: list[subprocess.Popen] = []
    # Explicitly, for Ctrl-C too: a shell starting this in the background leaves SIGINT ignored.
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)
    try:
        for name, _host, port in replicas:
            with (workdir / f"{name}.log").open("a") as log:
                command = replica_command(port, options.base_path, extra)
                processes.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
            print(f"{name}: pid {processes[-1].pid}, port {port}, log {workdir / f'{name}.log'}", flush=True)
        path = health_path(options.base_path)
        wait_healthy([f"http://127.0.0.1:{port}{path}" for _n, _h, port in replicas], processes, STARTUP_S)
        balancer = subprocess.Popen([binary, "-db", "-f", str(config)], cwd=workdir)
        processes.append(balancer)
        host = "127.0.0.1" if options.address in {"0.0.0.0", "::", "*"} else options.address
        wait_healthy([f"http://{host}:{options.port}{path}"], processes, 30)
        base = f"{options.base_path.strip('/')}/" if options.base_path.strip("/") else ""
        print(
            f"Serving {len(replicas)} replica(s) on http://{host}:{options.port}/{base} (Ctrl-C stops all)", flush=True
        )
        reported: set[int] = set()
        while balancer.poll() is None:
            for (name, _host, _port), process in zip(replicas, processes):
                if process.poll() is not None and process.pid not in reported:
                    reported.add(process.pid)
                    print(f"{name} stopped (exit {process.returncode}); the others take its sessions", flush=True)
            if len(reported) == len(replicas):
                print("every replica stopped", flush=True)
                break
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("stopping the balancer and the replicas", flush=True)
    finally:
        # Ctrl-C reaches the whole process group; a second one must not cut the clean-up short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(processes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

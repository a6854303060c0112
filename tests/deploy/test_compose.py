"""compose.yaml: N app services from the project's image sharing the user folder, one balancer
whose HAProxy configuration is the one scripts/cluster.py writes for those services."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from geo.data.paths import ROOT

pytestmark = pytest.mark.deploy
COMPOSE = ROOT / "compose.yaml"
HAPROXY_CFG = ROOT / "deploy" / "haproxy.cfg"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def apps(compose: dict) -> dict[str, dict]:
    return {name: service for name, service in compose["services"].items() if name.startswith("app")}


def test_every_app_service_runs_the_image_on_the_shared_user_folder(compose):
    services = apps(compose)
    assert len(services) >= 2
    for service in services.values():
        assert service["build"] == "."
        user_dir = service["environment"]["DASHBOARD_USER_DIR"]
        assert f"user-data:{user_dir}" in service["volumes"]
        # One secret for every replica, from the environment, never written in the file.
        assert service["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"].startswith("${DASHBOARD_COOKIE_SECRET:?")
        assert "ports" not in service
    assert "user-data" in compose["volumes"]
    # The image's user owns the folder the volume is mounted on, so saves through any replica work.
    assert f"-o dashboard -g dashboard {user_dir}" in (ROOT / "Dockerfile").read_text()


def test_the_balancer_waits_for_every_healthy_app_and_alone_is_published(compose):
    balancer = compose["services"]["balancer"]
    assert balancer["ports"] == ["8501:8501"]
    assert balancer["depends_on"] == {name: {"condition": "service_healthy"} for name in apps(compose)}
    dockerfile = ROOT / balancer["build"]["dockerfile"]
    assert "apt-get install -y --no-install-recommends haproxy" in dockerfile.read_text()
    assert "COPY deploy/haproxy.cfg /etc/haproxy/haproxy.cfg" in dockerfile.read_text()


def test_the_balancer_configuration_is_the_one_generated_for_these_services(compose):
    generated = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cluster.py"), str(len(apps(compose))), "--compose"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert HAPROXY_CFG.read_text() == generated
    for name in apps(compose):
        assert f"server {name} {name}:8501 cookie {name}" in generated


@pytest.mark.skipif(not shutil.which("haproxy") and not Path("/usr/sbin/haproxy").exists(), reason="no HAProxy")
def test_haproxy_accepts_the_configuration():
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    # The services' names resolve only inside compose: HAProxy still starts, and checks them later.
    checked = subprocess.run([haproxy, "-c", "-f", str(HAPROXY_CFG)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "Configuration file is valid" in checked.stdout + checked.stderr

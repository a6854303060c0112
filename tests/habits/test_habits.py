"""Habits the code keeps: every imported package pinned, and a layers contract that can fail.

scripts/test runs ruff, ruff format and lint-imports themselves before pytest."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

from geo.data.paths import ROOT

FIRST_PARTY = {
    "geo",
    "widgets",
    "navigation",
    "tests",
    "bench",
    "scripts",
    "app",
    "sitecustomize",
    "broken_download_app",
}
CODE = ["app.py", "widgets.py", "navigation.py", "geo", "pages", "scripts", "bench", "tests"]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==\S+", re.MULTILINE)


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned() -> set[str]:
    text = "".join((ROOT / name).read_text() for name in ("requirements.txt", "requirements-dev.txt"))
    return {normalized(name.split("[")[0]) for name in PIN.findall(text)}


def imported_modules(paths: list[Path]) -> dict[str, Path]:
    """Each top-level module imported by the Python files under `paths`, with one file importing it."""
    found: dict[str, Path] = {}
    for path in paths:
        for file in [path] if path.is_file() else path.rglob("*.py"):
            if "vendor" in file.parts:
                continue
            for node in ast.walk(ast.parse(file.read_text())):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names = [node.module]
                for name in names:
                    found.setdefault(name.split(".")[0], file)
    return found


def unpinned(modules: dict[str, Path]) -> list[str]:
    """'module (file): why' for each third-party module whose distribution is not pinned."""
    distributions = packages_distributions()
    problems = []
    for module, file in sorted(modules.items()):
        if module in sys.stdlib_module_names or module in FIRST_PARTY or module == "__future__":
            continue
        names = distributions.get(module)
        if not names:
            problems.append(f"{module} ({file.name}): not installed")
        elif not {normalized(n) for n in names} & pinned():
            problems.append(f"{module} ({file.name}): {', '.join(names)} is not pinned")
    return problems


def test_every_imported_package_is_pinned():
    assert unpinned(imported_modules([ROOT / path for path in CODE])) == []


def test_the_pin_check_names_an_unpinned_import(tmp_path):
    # certifi comes with the stack but is nobody's direct requirement here.
    (tmp_path / "uses_certifi.py").write_text("import certifi\nimport json\nfrom geo import params\n")
    assert unpinned(imported_modules([tmp_path])) == ["certifi (uses_certifi.py): certifi is not pinned"]


def test_the_layers_contract_catches_analysis_importing_a_chart(tmp_path):
    shutil.copytree(ROOT / "geo", tmp_path / "geo")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    trends = tmp_path / "geo" / "analysis" / "trends.py"
    trends.write_text(trends.read_text() + "\nfrom geo.render.charts import titled  # noqa: E402\n")
    done = subprocess.run(
        [str(ROOT / ".venv/bin/lint-imports"), "--no-cache"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "geo.analysis.trends -> geo.render.charts" in done.stdout

"""Imports saved in the user folder or named in DASHBOARD_IMPORTS, as sessions save, list and
remove them: each kept whole under its own name, and a broken one reported, not fatal."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from geo import keys
from geo.data.paths import ROOT
from geo.io.importer import digest
from geo.state.criteria import IMPORTS_KEY
from geo.text.escape import escape_markdown
from geo.text.i18n import t
from tests.apptest import start
from tests.samples import GTD_ROWS, gtd_export

PAGES = sorted(f"pages/{page.name}" for page in (ROOT / "pages").glob("*.py"))
GTD_SAMPLE = ROOT / "tests" / "fixtures" / "imports" / "gtd_sample_latin1.csv"
# Two exports with other rows each, to upload under one name.
EXPORTS = (GTD_SAMPLE.read_bytes(), gtd_export(GTD_ROWS))


@pytest.fixture
def user_dir(monkeypatch, tmp_path) -> Path:
    """An empty user folder, and no file named in DASHBOARD_IMPORTS."""
    monkeypatch.setenv("DASHBOARD_IMPORTS", "")
    monkeypatch.setattr("geo.io.userfiles.USER_DIR", tmp_path / "user")
    return tmp_path / "user"


def upload(app, name: str, raw: bytes):
    app.file_uploader(key=keys.UPLOAD).set_value((name, raw, "text/csv")).run()
    app.button(key=keys.IMPORT_BUTTON).click().run()
    assert not app.exception
    return app


def save(app, number: int | None = None) -> str:
    """Save the session's `number`th import, its last by default; the success message."""
    number = len(listed(app)) - 1 if number is None else number
    app.button(key=f"{keys.SAVE_IMPORT}-{number}").click().run()
    assert not app.exception
    return app.success[-1].value


def listed(app) -> list[str]:
    """The imports the Import page lists, by the markdown of their names."""
    return [m.value for m in app.main.markdown if m.value.startswith("**")]


def test_same_name_uploads_saved_from_two_sessions_are_both_kept(user_dir):
    for raw in EXPORTS:
        save(upload(start("pages/imports.py"), "export.csv", raw))
    assert len(list(user_dir.glob("*.csv"))) == 2
    assert listed(start("pages/imports.py")) == ["**export\\.csv** · GTD"] * 2


def test_names_in_cyrillic_are_kept_apart_and_shown(user_dir):
    for name, raw in zip(("атаки.csv", "события.csv"), EXPORTS):
        save(upload(start("pages/imports.py"), name, raw))
    assert sorted(listed(start("pages/imports.py"))) == ["**атаки\\.csv** · GTD", "**события\\.csv** · GTD"]


def test_an_import_saved_twice_and_again_after_a_restart_is_one_file_and_one_import(user_dir):
    app = upload(start("pages/imports.py"), "export.csv", EXPORTS[0])
    first = save(app)
    assert save(app) == first
    # The message names the file within the user folder, not where the server keeps it.
    assert str(user_dir) not in first and f"{digest(EXPORTS[0])}\\.csv" in first
    again = start("pages/imports.py")
    assert listed(again) == ["**export\\.csv** · GTD"]
    assert save(again) == first
    assert len(list(user_dir.glob("*.csv"))) == 1 and len(listed(start("pages/imports.py"))) == 1


def test_an_upload_leaves_no_copy_on_disk(user_dir):
    raw = EXPORTS[1] + b"\n"
    # The folder where uploads were once copied: whatever an earlier version left there stays, and
    # nothing new may appear.
    scratch = Path(tempfile.gettempdir()) / "dashboard-imports"
    before = set(scratch.glob("*"))
    upload(start("pages/imports.py"), "scratch.csv", raw)
    assert set(scratch.glob("*")) == before


# ---------- broken files ----------

BROKEN = {"empty.csv": b"", "garbage.csv": b"\x00\x9f\x92\x96 not a table \xff" * 40}


@pytest.fixture
def broken(monkeypatch, user_dir, tmp_path) -> dict[str, Path]:
    """A 0-byte and a garbage file in the user folder and named in DASHBOARD_IMPORTS, a named file
    that is missing, and a good one named there too: each broken file by the name it is listed under."""
    user_dir.mkdir()
    files = {}
    for name, raw in BROKEN.items():
        (user_dir / name).write_bytes(raw)
        (tmp_path / f"configured-{name}").write_bytes(raw)
        files[name] = user_dir / name
        files[f"configured-{name}"] = tmp_path / f"configured-{name}"
    files["missing.csv"] = tmp_path / "missing.csv"
    named = [files[f"configured-{name}"] for name in BROKEN] + [files["missing.csv"], GTD_SAMPLE]
    monkeypatch.setenv("DASHBOARD_IMPORTS", os.pathsep.join(map(str, named)))
    return files


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_beside_broken_imports_with_the_good_one(broken, page):
    app = start(page)
    assert not app.exception
    # The good import is counted on every page all the same.
    assert app.session_state[IMPORTS_KEY] == [(str(GTD_SAMPLE), GTD_SAMPLE.name, "auto", GTD_SAMPLE.stat().st_mtime)]


def test_the_import_page_lists_each_broken_file_and_removes_it(broken):
    app = start("pages/imports.py")
    errors = [e.value for e in app.main.error]
    assert len(errors) == len(broken)
    for name in broken:
        assert sum(f"**{escape_markdown(name)}**" in e for e in errors) == 1
    assert any(escape_markdown(t("import_not_found", "en", name="missing.csv")) in e for e in errors)
    assert any(escape_markdown(t("import_empty", "en", name="empty.csv")) in e for e in errors)
    assert listed(app) == ["**gtd\\_sample\\_latin1\\.csv** · GTD"]
    while app.main.error:
        app.button(key=f"{keys.REMOVE_BROKEN}-0").click().run()
        assert not app.exception
    # Saved files are deleted; configured ones stay where they are, left out of this session only.
    assert not any(user_dir_file.exists() for name, user_dir_file in broken.items() if name in BROKEN)
    assert all(broken[f"configured-{name}"].exists() for name in BROKEN)
    assert listed(app) == ["**gtd\\_sample\\_latin1\\.csv** · GTD"]
    assert len(start("pages/imports.py").main.error) == len(BROKEN) + 1

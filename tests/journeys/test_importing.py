"""An analyst brings a GTD export: its rows show on the map and the timeline, are saved, and are
there again after the server restarts."""

from __future__ import annotations

import csv

import pytest

from geo.data.load import load_dataset
from geo.data.paths import ROOT
from geo.text.i18n import t
from tests.journeys.harness import Server, map_frame, markers

GTD_FILE = ROOT / "tests" / "fixtures" / "imports" / "gtd_sample_latin1.csv"
GTD_ROWS = 5
CURATED = len(load_dataset().attacks)


@pytest.fixture
def user_dir(tmp_path):
    return tmp_path / "user-data"


def serve(tmp_path, user_dir, name: str) -> Server:
    return Server(tmp_path / name, env={"DASHBOARD_USER_DIR": str(user_dir)}).start()


def timeline_count(walk, tmp_path) -> int:
    """The attacks the timeline's first chart counts, read from its numbers as a person downloads them."""
    page = walk.page
    page.locator("[data-testid='stSidebarNav'] a[href$='/timeline']").click()
    page.get_by_role("heading", name=t("page_timeline", "en")).wait_for(timeout=30_000)
    walk.idle()
    numbers = walk.download(t("download_csv", "en"), tmp_path)
    with numbers.open(encoding="utf-8") as rows:
        return sum(int(row["count"]) for row in csv.DictReader(rows))


def test_an_export_is_imported_shown_saved_and_back_after_a_restart(journey, tmp_path, user_dir):
    first = serve(tmp_path, user_dir, "first")
    try:
        walk = journey("importer-upload", on=first)
        page = walk.open("/import")
        page.locator("input[type=file]").set_input_files(str(GTD_FILE))
        page.get_by_role("button", name=t("import_button", "en"), exact=True).click()
        page.get_by_text(t("import_done", "en", name=GTD_FILE.name, n=GTD_ROWS, fmt="GTD")).wait_for(timeout=60_000)
        walk.shot("imported")

        page.locator("[data-testid='stSidebarNav'] a").first.click()
        assert markers(map_frame(page), CURATED + GTD_ROWS) == CURATED + GTD_ROWS
        assert timeline_count(walk, tmp_path) == CURATED + GTD_ROWS

        page.locator("[data-testid='stSidebarNav'] a[href$='/import']").click()
        page.get_by_role("button", name=t("save_user", "en")).click()
        page.locator("[data-testid='stAlertContentSuccess']").first.wait_for(timeout=30_000)
        walk.shot("saved")
        walk.close()
    finally:
        first.stop()
    assert len(list(user_dir.glob("*.csv"))) == 1

    second = serve(tmp_path, user_dir, "second")
    try:
        again = journey("importer-after-restart", on=second)
        page = again.open("/")
        assert markers(map_frame(page), CURATED + GTD_ROWS) == CURATED + GTD_ROWS
        page.locator("[data-testid='stSidebarNav'] a[href$='/import']").click()
        page.get_by_role("heading", name=t("page_import", "en")).wait_for(timeout=30_000)
        again.idle()
        assert page.get_by_text(GTD_FILE.stem).count() >= 1
        again.shot("listed")
        again.close()
    finally:
        second.stop()

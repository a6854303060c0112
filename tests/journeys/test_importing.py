"""An analyst brings a GTD export: its rows show on the map and the timeline, one that repeats a
curated attack counted once, are saved, and are there again after the server restarts, saved
once however often they are saved."""

from __future__ import annotations

import csv

import pytest

from geo.data.load import load_dataset
from geo.data.paths import ROOT
from geo.io.importer import digest
from geo.text.i18n import t
from tests.journeys.harness import Server, click_attack, map_frame, markers

GTD_FILE = ROOT / "tests" / "fixtures" / "imports" / "gtd_sample_latin1.csv"
GTD_ROWS = 5
CURATED = len(load_dataset().attacks)
# gtd-201700000003 is the Stockholm truck attack of the curated data: one incident, not two.
INCIDENTS = CURATED + GTD_ROWS - 1
# A saved import is named by the fingerprint of the file it was imported from.
SAVED_AS = f"{digest(GTD_FILE.read_bytes())}.csv"
STOCKHOLM = load_dataset().attacks.set_index("id").loc["2017-04-07-stockholm-truck-attack"]


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
        frame = map_frame(page)
        assert markers(frame, INCIDENTS) == INCIDENTS
        # The curated Stockholm attack's card shows the GTD record that repeats it.
        click_attack(frame, float(STOCKHOLM["lat"]), float(STOCKHOLM["lon"]))
        records = page.locator(".st-key-record_card .st-key-incident_records")
        records.wait_for(timeout=30_000)
        walk.shot("incident-records", full_page=True)
        assert int(records.locator("table[role='grid']").get_attribute("aria-rowcount")) == 3
        assert timeline_count(walk, tmp_path) == INCIDENTS

        page.locator("[data-testid='stSidebarNav'] a[href$='/import']").click()
        page.get_by_role("button", name=t("save_user", "en")).click()
        saved = page.locator("[data-testid='stAlertContentSuccess']").first
        saved.wait_for(timeout=30_000)
        walk.shot("saved")
        # The message names the file within the user folder, never where the server keeps it.
        assert SAVED_AS in saved.inner_text() and str(user_dir) not in saved.inner_text()
        walk.close()
    finally:
        first.stop()
    assert [path.name for path in user_dir.glob("*.csv")] == [SAVED_AS]

    second = serve(tmp_path, user_dir, "second")
    try:
        again = journey("importer-after-restart", on=second)
        page = again.open("/")
        assert markers(map_frame(page), INCIDENTS) == INCIDENTS
        page.locator("[data-testid='stSidebarNav'] a[href$='/import']").click()
        page.get_by_role("heading", name=t("page_import", "en")).wait_for(timeout=30_000)
        again.idle()
        assert page.get_by_text(GTD_FILE.name).count() >= 1
        again.shot("listed")
        # Saved again after the restart, it is still the one file.
        page.get_by_role("button", name=t("save_user", "en")).click()
        page.locator("[data-testid='stAlertContentSuccess']").first.wait_for(timeout=30_000)
        again.close()
    finally:
        second.stop()
    assert [path.name for path in user_dir.glob("*.csv")] == [SAVED_AS]

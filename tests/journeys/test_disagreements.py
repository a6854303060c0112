"""An analyst imports a GTD export repeating three curated attacks, reviews where the datasets
disagree, downloads the crosswalk, rejects the weakest link, and finds it rejected and counted
apart after the server restarts, in English and in French."""

from __future__ import annotations

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo.data.load import load_dataset
from geo.io.linking import CROSSWALK_COLUMNS
from geo.io.userfiles import DECISIONS_FILE
from geo.text.i18n import t
from tests.journeys.harness import Server, map_frame, markers
from tests.samples import GTD_ROWS, gtd_export

CURATED = len(load_dataset().attacks)
REPEATS = {f"gtd-{row[0]}": row[-1] for row in GTD_ROWS if row[-1]}
# The Khujand row differs on all four aspects (a day off, 10 km, no group, other tolls): it comes first.
MOST_DISAGREEING = "gtd-201009040001"
REVIEW = ".st-key-link_review"


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "gtd-repeats.csv"
    path.write_bytes(gtd_export(GTD_ROWS))
    return path


def serve(tmp_path, user_dir, name: str) -> Server:
    return Server(tmp_path / name, env={"DASHBOARD_USER_DIR": str(user_dir)}).start()


def review_rows(page) -> int:
    grid = page.locator(f"{REVIEW} table[role='grid']")
    grid.wait_for(state="attached", timeout=30_000)
    return int(grid.get_attribute("aria-rowcount")) - 1


def crosswalk(walk, tmp_path, lang: str) -> pd.DataFrame:
    with walk.download(t("download_crosswalk", lang), tmp_path).open(encoding="utf-8") as rows:
        return pd.read_csv(rows, dtype=str, keep_default_na=False)


def reject_first_link(walk, lang: str) -> None:
    """Open the decision cell of the table's first row and choose 'rejected', as a person does."""
    page = walk.page
    walk.idle()
    grid = page.locator(f"{REVIEW} [data-testid='stDataFrameResizable']")
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # The grid is drawn on a canvas: its first row's decision cell is found by position and opened
    # with a double click. (A click then Enter opens it only while the grid has had no focus yet:
    # after the crosswalk's download the click selects the cell and Enter does nothing.)
    # A page busy with other work may take the double click for two clicks: a person tries again.
    rejected = page.get_by_role("option", name=t("link_rejected", lang), exact=True)
    for _ in range(3):
        page.mouse.dblclick(box["x"] + 40, box["y"] + 52)
        try:
            rejected.wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            walk.idle()
    rejected.click()
    page.get_by_text(str(DECISIONS_FILE), exact=False).wait_for(timeout=30_000)
    walk.idle()


def test_links_are_reviewed_exported_rejected_and_kept_after_a_restart(journey, tmp_path, export):
    user_dir = tmp_path / "user-data"
    first = serve(tmp_path, user_dir, "first")
    try:
        walk = journey("disagreements", on=first)
        page = walk.open("/import")
        page.locator("input[type=file]").set_input_files(str(export))
        page.get_by_role("button", name=t("import_button", "en"), exact=True).click()
        page.get_by_role("heading", name=t("disagree_title", "en")).wait_for(timeout=60_000)
        walk.idle()
        assert review_rows(page) == len(REPEATS)
        page.locator(REVIEW).scroll_into_view_if_needed()
        walk.shot("review")

        table = crosswalk(walk, tmp_path, "en")
        assert list(table.columns) == [*CROSSWALK_COLUMNS, "differs"]
        assert dict(zip(table["record_id"], table["linked_to"])) == REPEATS
        assert (table["curated_id"] == table["linked_to"]).all() and set(table["decision"]) == {""}
        assert table.set_index("record_id").at[MOST_DISAGREEING, "differs"] == "toll; date; place; group"

        reject_first_link(walk, "en")
        saved = pd.read_csv(user_dir / DECISIONS_FILE, dtype=str)
        assert saved[["record_id", "linked_to", "decision"]].values.tolist() == [
            [MOST_DISAGREEING, REPEATS[MOST_DISAGREEING], "rejected"]
        ]
        walk.shot("rejected")
        page.locator("[data-testid='stSidebarNav'] a").first.click()
        # Six records, two still repeating curated attacks: four more incidents.
        assert markers(map_frame(page), CURATED + 4) == CURATED + 4
        page.locator("[data-testid='stSidebarNav'] a[href$='/import']").click()
        page.get_by_role("heading", name=t("disagree_title", "en")).wait_for(timeout=30_000)
        walk.idle()
        page.get_by_role("button", name=t("save_user", "en")).click()
        page.locator("[data-testid='stAlertContentSuccess']").first.wait_for(timeout=30_000)
        walk.close()
    finally:
        first.stop()

    second = serve(tmp_path, user_dir, "second")
    try:
        again = journey("disagreements-after-restart", on=second)
        page = again.open("/?lang=fr")
        assert markers(map_frame(page), CURATED + 4) == CURATED + 4
        page.locator("[data-testid='stSidebarNav'] a[href$='/import']").click()
        page.get_by_role("heading", name=t("disagree_title", "fr")).wait_for(timeout=30_000)
        again.idle()
        assert review_rows(page) == len(REPEATS)
        page.locator(REVIEW).scroll_into_view_if_needed()
        again.shot("review-fr")
        table = crosswalk(again, tmp_path, "fr").set_index("record_id")
        assert table.at[MOST_DISAGREEING, "decision"] == "rejected"
        assert table.at[MOST_DISAGREEING, "incident_id"] == MOST_DISAGREEING
        again.close()
    finally:
        second.stop()

"""Saved imports and the decisions on their links live in the user folder and come back whole."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.io.linking import CONFIRMED, REJECTED
from geo.io.userfiles import DECISIONS_FILE, configured_imports, load_decisions, save_decisions


@pytest.mark.parametrize(
    "decisions",
    [
        {},
        {("gtd-1", "curated"): CONFIRMED},
        {("gtd-1", "curated"): REJECTED, ("acled-PAK1", "gtd-1"): CONFIRMED},
    ],
)
def test_decisions_come_back_as_they_were_saved(tmp_path, decisions):
    save_decisions(decisions, "2026-12-01", tmp_path)
    assert load_decisions(tmp_path) == decisions


def test_a_decision_keeps_the_day_it_was_first_made(tmp_path):
    save_decisions({("gtd-1", "curated"): CONFIRMED}, "2026-11-30", tmp_path)
    save_decisions({("gtd-1", "curated"): CONFIRMED, ("gtd-2", "curated"): REJECTED}, "2026-12-01", tmp_path)
    table = pd.read_csv(tmp_path / DECISIONS_FILE, dtype=str)
    assert table["decided_on"].tolist() == ["2026-11-30", "2026-12-01"]


def test_an_undone_decision_is_gone_and_no_temporary_file_is_left(tmp_path):
    save_decisions({("gtd-1", "curated"): REJECTED}, "2026-12-01", tmp_path)
    save_decisions({}, "2026-12-01", tmp_path)
    assert load_decisions(tmp_path) == {}
    assert [p.name for p in (tmp_path / DECISIONS_FILE).parent.iterdir()] == ["links.csv"]


def test_the_decisions_file_is_not_taken_for_an_import(tmp_path):
    save_decisions({("gtd-1", "curated"): REJECTED}, "2026-12-01", tmp_path)
    assert configured_imports("", tmp_path) == []


def test_no_file_means_no_decision(tmp_path):
    assert load_decisions(tmp_path / "missing") == {}

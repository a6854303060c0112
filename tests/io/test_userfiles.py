"""Saved imports and the decisions on their links live in the user folder and come back whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from geo.data.paths import ROOT
from geo.io.linking import CONFIRMED, REJECTED
from geo.io.userfiles import (
    DECISIONS_FILE,
    configured_imports,
    load_decisions,
    remove_saved,
    save_decisions,
    save_import,
    saved_origin,
    shown_path,
)
from tests.samples import attack, frame


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
    assert save_decisions({("gtd-1", "curated"): ""}, "2026-12-01", tmp_path) == {}
    assert load_decisions(tmp_path) == {}
    assert [p.name for p in (tmp_path / DECISIONS_FILE).parent.iterdir()] == ["links.csv"]


def test_two_sessions_deciding_apart_keep_each_others_decisions(tmp_path):
    # Each session saves only what it changed, onto the file as it is now.
    save_decisions({("gtd-1", "curated"): REJECTED}, "2026-12-01", tmp_path)
    both = save_decisions({("acled-1", "curated"): CONFIRMED}, "2026-12-01", tmp_path)
    assert both == load_decisions(tmp_path) == {("gtd-1", "curated"): REJECTED, ("acled-1", "curated"): CONFIRMED}


def test_an_empty_decisions_file_holds_no_decision(tmp_path):
    (tmp_path / DECISIONS_FILE).parent.mkdir(parents=True)
    (tmp_path / DECISIONS_FILE).write_bytes(b"")
    assert load_decisions(tmp_path) == {}


def test_the_decisions_file_is_not_taken_for_an_import(tmp_path):
    save_decisions({("gtd-1", "curated"): REJECTED}, "2026-12-01", tmp_path)
    assert configured_imports("", tmp_path) == []


def test_no_file_means_no_decision(tmp_path):
    assert load_decisions(tmp_path / "missing") == {}


# ---------- saved imports ----------


def events(rows: int, prefix: str) -> pd.DataFrame:
    """`rows` imported events, their ids starting with `prefix`, as `save_import` takes them."""
    one = frame(attack(f"{prefix}-0"))
    table = one.loc[one.index.repeat(rows)].reset_index(drop=True)
    table["id"] = [f"{prefix}-{n}" for n in range(rows)]
    table["citations"] = "s1\ns2"
    return table


def saved_ids(user_dir) -> dict[str, list[str]]:
    """The ids in each import the next start would find, by the name it is shown under."""
    found: dict[str, list[str]] = {}
    for path, name, _, _ in configured_imports("", user_dir):
        found.setdefault(name, []).append(pd.read_csv(path, dtype=str, keep_default_na=False)["id"].tolist())
    return found


# Run by the processes below: save a pickled table under a name once the test says go.
SAVER = """
import sys, time
from pathlib import Path
import pandas as pd
from geo.io.userfiles import save_import
table, name, user_dir, go = pd.read_pickle(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
while not go.exists():
    time.sleep(0.005)
save_import(table, name, user_dir)
"""


def saver(tmp_path, table: pd.DataFrame, name: str, user_dir, go) -> subprocess.Popen:
    pickled = tmp_path / f"{table['id'].iloc[0]}.pkl"
    table.to_pickle(pickled)
    return subprocess.Popen(
        [sys.executable, "-c", SAVER, str(pickled), name, str(user_dir), str(go)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )


def test_two_processes_saving_imports_of_the_same_name_at_once_both_land_whole(tmp_path):
    user_dir, go = tmp_path / "user", tmp_path / "go"
    tables = [events(200_000, "first"), events(200_000, "second")]
    running = [saver(tmp_path, table, "export.csv", user_dir, go) for table in tables]
    go.touch()
    for process in running:
        assert process.wait(timeout=300) == 0, process.stderr.read().decode()
    assert sorted(saved_ids(user_dir)["export.csv"]) == sorted(table["id"].tolist() for table in tables)


def test_a_save_killed_midway_leaves_the_earlier_saves_as_they_were(tmp_path):
    user_dir, go = tmp_path / "user", tmp_path / "go"
    earlier = events(3, "earlier")
    save_import(earlier, "big.csv", user_dir)
    before = {path: Path(path).read_bytes() for path, *_ in configured_imports("", user_dir)}
    go.touch()
    process = saver(tmp_path, events(1_000_000, "big"), "big.csv", user_dir, go)
    # Killed once its rows are being written: some file in the folder grows past what was there.
    sizes = lambda: sum(p.stat().st_size for p in user_dir.rglob("*") if p.is_file())  # noqa: E731
    start = sizes()
    while sizes() < start + 2**20:
        assert process.poll() is None, "the save ended before it could be killed"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert {path: Path(path).read_bytes() for path, *_ in configured_imports("", user_dir)} == before
    # What the killed writer left is never read as an import, and the next save clears it.
    save_import(earlier, "big.csv", user_dir)
    assert sorted(p.name for p in user_dir.iterdir() if not p.name.startswith(".lock")) == sorted(
        name for path in before for name in (Path(path).name, Path(path).with_suffix(".json").name)
    )


@pytest.mark.parametrize(
    "names",
    [
        ("export.csv", "export.csv"),
        ("атаки.csv", "события.csv"),
        ("export.csv", "export.xlsx"),
        ("a b.csv", "a_b.csv"),
    ],
)
def test_imports_saved_under_names_a_file_system_would_confuse_are_all_kept_by_their_names(tmp_path, names):
    for number, name in enumerate(names):
        save_import(events(2, f"import{number}"), name, tmp_path)
    kept = saved_ids(tmp_path)
    assert sum(len(found) for found in kept.values()) == len(names)
    assert set(kept) == set(names)


def test_the_same_import_saved_twice_is_one_file_and_one_import_at_the_next_start(tmp_path):
    table = events(3, "twice")
    first = save_import(table, "export.csv", tmp_path, key="0123456789abcdef")
    assert save_import(table, "export.csv", tmp_path, key="0123456789abcdef") == first
    assert [p.name for p in tmp_path.glob("*.csv")] == [first.name]
    assert saved_ids(tmp_path) == {"export.csv": [table["id"].tolist()]}


def test_a_saved_import_keeps_the_format_it_was_imported_from(tmp_path):
    path = save_import(events(2, "gtd"), "Экспорт GTD.csv", tmp_path, fmt="gtd")
    assert saved_origin(path) == ("Экспорт GTD.csv", "gtd")
    assert configured_imports("", tmp_path) == [(str(path), "Экспорт GTD.csv", "auto", path.stat().st_mtime)]


@pytest.mark.parametrize("note", [b"", b"\xff\xfe garbage", b'["a list"]', b'{"name": "x.csv"}'])
def test_a_saved_import_whose_note_is_spoilt_is_listed_by_its_file_name(tmp_path, note):
    path = save_import(events(2, "noted"), "export.csv", tmp_path)
    path.with_suffix(".json").write_bytes(note)
    assert [name for _, name, _, _ in configured_imports("", tmp_path)] == [path.name]


def test_a_configured_file_that_is_missing_is_listed_to_be_reported(tmp_path):
    missing = tmp_path / "gone.csv"
    assert configured_imports(str(missing), tmp_path / "user") == [(str(missing), "gone.csv", "auto", -1.0)]


def test_a_removed_saved_import_is_not_imported_at_the_next_start(tmp_path):
    path = save_import(events(2, "removed"), "export.csv", tmp_path)
    remove_saved(str(path), tmp_path)
    assert configured_imports("", tmp_path) == [] and not path.with_suffix(".json").exists()
    with pytest.raises(ValueError):
        remove_saved(str(tmp_path.parent / "elsewhere.csv"), tmp_path)


def test_a_save_is_shown_within_the_user_folder(tmp_path):
    assert shown_path(save_import(events(2, "shown"), "x.csv", tmp_path), tmp_path).count("/") == 0
    save_decisions({}, "2026-12-01", tmp_path)
    assert shown_path(tmp_path / DECISIONS_FILE, tmp_path) == "decisions/links.csv"


@pytest.mark.parametrize(
    "save",
    [
        lambda user_dir: save_decisions({("gtd-1", "curated"): CONFIRMED}, "2026-12-01", user_dir),
        lambda user_dir: save_import(events(2, "waits"), "export.csv", user_dir),
    ],
)
def test_a_save_waits_for_the_user_folder_lock_another_process_holds(tmp_path, save):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path), str(tmp_path / "held")], cwd=ROOT, stdin=subprocess.PIPE
    )
    while not (tmp_path / "held").exists():
        assert holder.poll() is None, "the lock could not be taken"
        time.sleep(0.01)
    saving = threading.Thread(target=save, args=(tmp_path,))
    saving.start()
    saving.join(timeout=2)
    assert saving.is_alive() and configured_imports("", tmp_path) == [] and load_decisions(tmp_path) == {}
    holder.communicate(b"\n", timeout=30)
    saving.join(timeout=60)
    assert not saving.is_alive() and (configured_imports("", tmp_path) or load_decisions(tmp_path))


# Holds the user folder's lock until it reads a line.
HOLDER = """
import sys
from pathlib import Path
from geo.io.userfiles import locked
with locked(Path(sys.argv[1])):
    Path(sys.argv[2]).touch()
    sys.stdin.readline()
"""

"""The loaders shared by every session: one result kept, each caller handed a copy of its own to
change, made without copying the rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.cache import shared
from geo.io.importer import ImportResult

calls = []


@shared(max_entries=2)
def frame_of(size: int) -> pd.DataFrame:
    calls.append(size)
    return pd.DataFrame({"killed": np.arange(size), "city": [f"city {k}" for k in range(size)]})


@shared(max_entries=2)
def result_of(size: int) -> ImportResult:
    return ImportResult("export.csv", "gtd", frame_of.__wrapped__(size))


def changed_in_place(frame: pd.DataFrame) -> None:
    frame.loc[0, "killed"] = -1


def changed_by_column(frame: pd.DataFrame) -> None:
    frame["added"] = 1


def changed_by_rows(frame: pd.DataFrame) -> None:
    frame.iloc[1:3, 0] = 99


@pytest.mark.parametrize("change", [changed_in_place, changed_by_column, changed_by_rows])
@pytest.mark.parametrize("frame_from", [frame_of, lambda size: result_of(size).attacks])
def test_what_a_caller_changes_never_reaches_the_cache(change, frame_from):
    frame_of.clear()
    result_of.clear()
    change(frame_from(5))
    again = frame_from(5)
    assert again["killed"].tolist() == [0, 1, 2, 3, 4] and list(again.columns) == ["killed", "city"]


def test_a_result_is_made_once_and_handed_out_without_copying_its_rows():
    frame_of.clear()
    calls.clear()
    first, second = frame_of(1000), frame_of(1000)
    assert calls == [1000]
    assert first is not second and np.shares_memory(first["killed"].to_numpy(), second["killed"].to_numpy())


def test_a_caller_left_to_change_the_cached_frame_would_be_seen(monkeypatch):
    """The check above can fail: without the copy, a change reaches the next caller."""
    monkeypatch.setattr("geo.cache._shallow", lambda value: value)
    frame_of.clear()
    changed_by_column(frame_of(5))
    assert "added" in frame_of(5).columns

"""Shared fixtures: a small valid data folder that tests may break one cell at a time."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the fixture data folder."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def set_cell(data_dir: Path, file: str, row: int, column: str, value: str) -> None:
    """Write `value` into one cell of a CSV of `data_dir` (adding the column if needed)."""
    path = data_dir / file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(path, index=False)

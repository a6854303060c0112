"""Editing a copy of a data folder, one cell at a time, to break one rule."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def set_cell(data_dir: Path, file: str, row: int, column: str, value: str) -> None:
    """Write `value` into one cell of a CSV of `data_dir` (adding the column if needed)."""
    path = data_dir / file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(path, index=False)

"""Where imported files live: a scratch folder for uploads, a user folder for saved imports.

Neither is under data/: the committed data is never written to.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pandas as pd

from geo.data.paths import ROOT
from geo.io.columns import ATTACK_COLUMNS
from geo.io.importer import digest

UPLOAD_DIR = Path(tempfile.gettempdir()) / "dashboard-imports"
USER_DIR = Path(os.environ.get("DASHBOARD_USER_DIR") or ROOT / "user-data")


def safe_name(name: str) -> str:
    """A file name with only letters, digits, dots, dashes and underscores."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name)[:120] or "import"


def store_upload(raw: bytes, name: str, folder: Path = UPLOAD_DIR) -> tuple[str, float]:
    """Keep an uploaded file's bytes on disk under its fingerprint; its path and modification time."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest(raw)}-{safe_name(name)}"
    if not path.exists():
        path.write_bytes(raw)
    return str(path), path.stat().st_mtime


def configured_imports(variable: str | None = None, user_dir: Path | None = None) -> list[tuple[str, str, str, float]]:
    """(path, name, format, modified) of the files named in DASHBOARD_IMPORTS and saved in the user folder."""
    user_dir = user_dir or USER_DIR
    listed = os.environ.get("DASHBOARD_IMPORTS", "") if variable is None else variable
    paths = [Path(p) for p in listed.split(os.pathsep) if p.strip()]
    if user_dir.is_dir():
        paths += sorted(user_dir.glob("*.csv"))
    return [(str(p), p.name, "auto", p.stat().st_mtime) for p in dict.fromkeys(paths) if p.is_file()]


def save_import(attacks: pd.DataFrame, name: str, user_dir: Path | None = None) -> Path:
    """Imported events written in the project's attacks columns, so the next start imports them again."""
    user_dir = user_dir or USER_DIR
    user_dir.mkdir(parents=True, exist_ok=True)
    table = attacks.drop(columns="geometry", errors="ignore").copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    table["foiled"] = table["foiled"].map({True: "true", False: "false"})
    table["source_ids"] = table.get("citations", "").astype(str).str.replace("\n", " | ")
    path = user_dir / f"{Path(safe_name(name)).stem}-events.csv"
    table[list(ATTACK_COLUMNS)].to_csv(path, index=False)
    return path

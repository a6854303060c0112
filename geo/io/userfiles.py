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
from geo.io.linking import CONFIRMED, REJECTED, Decisions

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


# Decisions on links sit in a folder of their own: every CSV directly in the user folder is an import.
DECISIONS_FILE = Path("decisions") / "links.csv"
DECISION_COLUMNS = ("record_id", "linked_to", "decision", "decided_on")


def load_decisions(user_dir: Path | None = None) -> dict[tuple[str, str], str]:
    """The links a person confirmed or rejected, saved with the imports: (record, target) to decision."""
    path = (user_dir or USER_DIR) / DECISIONS_FILE
    if not path.is_file():
        return {}
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    chosen = table[table["decision"].isin([CONFIRMED, REJECTED])]
    return dict(zip(zip(chosen["record_id"], chosen["linked_to"]), chosen["decision"]))


def save_decisions(decisions: Decisions, decided_on: str, user_dir: Path | None = None) -> Path:
    """Every decision written whole to a new file that then replaces the old one, so that a save
    cut short leaves the previous decisions, never half of them. `decided_on` dates the new ones."""
    path = (user_dir or USER_DIR) / DECISIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    earlier = pd.read_csv(path, dtype=str, keep_default_na=False) if path.is_file() else None
    dated = (
        {}
        if earlier is None
        else dict(zip(zip(earlier["record_id"], earlier["linked_to"], earlier["decision"]), earlier["decided_on"]))
    )
    table = pd.DataFrame(
        [
            (record, target, decision, dated.get((record, target, decision), decided_on))
            for (record, target), decision in sorted(decisions.items())
        ],
        columns=list(DECISION_COLUMNS),
    )
    with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8") as out:
        table.to_csv(out, index=False)
    os.replace(out.name, path)
    return path

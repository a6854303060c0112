"""Where saved imports and the decisions on their links live: the user folder.

Neither is under data/: the committed data is never written to.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pandas as pd

from geo.data.paths import ROOT
from geo.io.columns import ATTACK_COLUMNS
from geo.io.importer import digest
from geo.io.linking import CONFIRMED, REJECTED, Decisions

USER_DIR = Path(os.environ.get("DASHBOARD_USER_DIR") or ROOT / "user-data")

# An uploaded file stays in its session's memory, not on disk: nothing tells a server that a session
# has ended, so a scratch copy would outlive it. Its entry's source names it by fingerprint.
UPLOAD_PREFIX = "upload:"
# Taken by every writer in the user folder, across sessions and processes, for the whole of a write.
LOCK_FILE = ".lock"
# Files being written end so: never read as an import, and left behind only by a killed writer.
PARTIAL_SUFFIX = ".partial"


def upload_source(raw: bytes) -> str:
    """The source of an uploaded file's entry: its fingerprint, the same for the same bytes."""
    return UPLOAD_PREFIX + digest(raw)


@contextmanager
def locked(user_dir: Path) -> Iterator[None]:
    """Hold the user folder's lock: one writer at a time, whatever session or process it runs in.
    Readers need no lock, as every file is replaced whole (see `replace_atomically`)."""
    user_dir.mkdir(parents=True, exist_ok=True)
    with open(user_dir / LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def partial_file(folder: Path, name: str) -> Iterator[tuple[Path, IO[str]]]:
    """A file being written in `folder`, for the caller to move into place once it is whole; gone
    if the writing fails. Synced to disk before it is moved, so that no crash leaves an empty file
    under a final name."""
    with tempfile.NamedTemporaryFile(
        "w", dir=folder, prefix=f".{name}.", suffix=PARTIAL_SUFFIX, delete=False, encoding="utf-8"
    ) as out:
        partial = Path(out.name)
        try:
            yield partial, out
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            partial.unlink(missing_ok=True)
            raise


def replace_atomically(path: Path, write: Callable[[IO[str]], object]) -> None:
    """Write `path` through a file beside it that then replaces it, so that a write cut short, a
    process killed included, leaves the previous file and never part of the new one."""
    with partial_file(path.parent, path.name) as (partial, out):
        write(out)
    os.replace(partial, path)


def sweep_partial(folder: Path) -> None:
    """Remove what killed writers left; only under the lock, when no write is under way."""
    for left in folder.glob(f".*{PARTIAL_SUFFIX}"):
        left.unlink(missing_ok=True)
    for note in folder.glob("*.json"):
        if not note.with_suffix(".csv").exists():
            note.unlink(missing_ok=True)


# A saved import is `<fingerprint>.csv` in the project's attacks columns, beside `<fingerprint>.json`
# which keeps the name and format it was imported under. The name stays out of the file name: any
# script and length is kept as it was, no two names can collide once made safe for a file system,
# and the same import saved again (in any session, under any name) replaces its own file.
def sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def saved_origin(path: Path) -> tuple[str, str] | None:
    """The name and format a saved import was imported under, or None for a file put there by hand
    or whose note cannot be read."""
    try:
        note = json.loads(sidecar(path).read_text(encoding="utf-8"))
        return str(note["name"]), str(note["format"])
    except (OSError, ValueError, TypeError, KeyError):
        return None


def is_saved(source: str, user_dir: Path | None = None) -> bool:
    """Whether an entry's file is one of the user folder's, imported again at each start."""
    return not source.startswith(UPLOAD_PREFIX) and Path(source).parent == (user_dir or USER_DIR)


def source_key(source: str) -> str:
    """The fingerprint of an entry's content, under which it is saved."""
    if source.startswith(UPLOAD_PREFIX):
        return source.removeprefix(UPLOAD_PREFIX)
    return digest(Path(source).read_bytes())


def configured_imports(variable: str | None = None, user_dir: Path | None = None) -> list[tuple[str, str, str, float]]:
    """(path, name, format, modified) of the files named in DASHBOARD_IMPORTS and saved in the user
    folder. A named file that is missing is listed with modified -1: reading it fails, and the Import
    page says so."""
    user_dir = user_dir or USER_DIR
    listed = os.environ.get("DASHBOARD_IMPORTS", "") if variable is None else variable
    named = [Path(p) for p in listed.split(os.pathsep) if p.strip()]
    saved = sorted(user_dir.glob("*.csv")) if user_dir.is_dir() else []
    entries = []
    for path in dict.fromkeys(named + saved):
        try:
            modified = path.stat().st_mtime
        except OSError:
            modified = -1.0
        origin = saved_origin(path) if path in saved else None
        entries.append((str(path), origin[0] if origin else path.name, "auto", modified))
    return entries


def save_import(
    attacks: pd.DataFrame, name: str, user_dir: Path | None = None, key: str | None = None, fmt: str = "auto"
) -> Path:
    """Imported events written in the project's attacks columns, so the next start imports them again,
    as `<key>.csv` (`key` the fingerprint of the imported file, else of what is written)."""
    user_dir = user_dir or USER_DIR
    table = attacks.drop(columns="geometry", errors="ignore").copy()
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    table["foiled"] = table["foiled"].map({True: "true", False: "false"})
    table["source_ids"] = table.get("citations", "").astype(str).str.replace("\n", " | ")
    table = table[list(ATTACK_COLUMNS)]
    with locked(user_dir):
        sweep_partial(user_dir)
        with partial_file(user_dir, f"{key or 'import'}.csv") as (partial, out):
            table.to_csv(out, index=False)
        if key is None:
            with partial.open("rb") as written:
                key = hashlib.file_digest(written, "sha256").hexdigest()[:16]
        path = user_dir / f"{key}.csv"
        # The note goes first: a save killed in between leaves a note without its file, never
        # imported, and cleared by the next save, rather than a file listed by its fingerprint.
        origin = {"name": name, "format": fmt}
        replace_atomically(sidecar(path), lambda note: json.dump(origin, note, ensure_ascii=False))
        os.replace(partial, path)
    return path


def remove_saved(source: str, user_dir: Path | None = None) -> None:
    """Delete a saved import and its note, so that no later start imports it."""
    user_dir = user_dir or USER_DIR
    path = Path(source)
    if not is_saved(source, user_dir):
        raise ValueError(f"{path.name} is not in the user folder")
    with locked(user_dir):
        path.unlink(missing_ok=True)
        sidecar(path).unlink(missing_ok=True)


def shown_path(path: Path, user_dir: Path | None = None) -> str:
    """A written file as a person is shown it: within the user folder, not where the server keeps it."""
    return path.relative_to(user_dir or USER_DIR).as_posix()


# Decisions on links sit in a folder of their own: every CSV directly in the user folder is an import.
DECISIONS_FILE = Path("decisions") / "links.csv"
DECISION_COLUMNS = ("record_id", "linked_to", "decision", "decided_on")


def _decision_table(path: Path) -> pd.DataFrame:
    """The decisions file as written; an empty file (a save that never began) holds none."""
    if not path.is_file() or path.stat().st_size == 0:
        return pd.DataFrame(columns=list(DECISION_COLUMNS))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_decisions(user_dir: Path | None = None) -> dict[tuple[str, str], str]:
    """The links a person confirmed or rejected, saved with the imports: (record, target) to decision."""
    table = _decision_table((user_dir or USER_DIR) / DECISIONS_FILE)
    chosen = table[table["decision"].isin([CONFIRMED, REJECTED])]
    return dict(zip(zip(chosen["record_id"], chosen["linked_to"]), chosen["decision"]))


def save_decisions(changes: Decisions, decided_on: str, user_dir: Path | None = None) -> dict[tuple[str, str], str]:
    """`changes` (a decision for each pair, "" to take one back) applied to the decisions in the user
    folder as they are now, and every decision back. Under the folder's lock, the file is read and
    written whole to a new file that then replaces it: two sessions deciding at once both keep
    their decisions, and a save cut short leaves the previous ones. `decided_on` dates the new ones."""
    user_dir = user_dir or USER_DIR
    path = user_dir / DECISIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(user_dir):
        sweep_partial(path.parent)
        earlier = _decision_table(path)
        dated = dict(zip(zip(earlier["record_id"], earlier["linked_to"], earlier["decision"]), earlier["decided_on"]))
        decisions = dict(zip(zip(earlier["record_id"], earlier["linked_to"]), earlier["decision"]))
        for pair, decision in changes.items():
            if decision:
                decisions[pair] = decision
            else:
                decisions.pop(pair, None)
        table = pd.DataFrame(
            [
                (record, target, decision, dated.get((record, target, decision), decided_on))
                for (record, target), decision in sorted(decisions.items())
            ],
            columns=list(DECISION_COLUMNS),
        )
        replace_atomically(path, lambda out: table.to_csv(out, index=False))
    return decisions

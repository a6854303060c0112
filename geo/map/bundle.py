"""The live map's scripts as one file.

streamlit-folium loads a map's scripts one after another, each request waiting for the last to
run, on the main thread that is still busy drawing the rest of the page: four small files cost
about a sixth of a second before a new session's map is drawn. The app serves them joined, in
their order, as one file under `static/`, built from the files themselves when the server first
draws a map, so it never lags behind them; the exported HTML still inlines each file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from geo.io.userfiles import replace_atomically
from geo.map.elements import ASSETS_JS, STATIC_DIR

# Where the joined file is written, under static/ (outside version control: it is built).
BUNDLE_PATH = "build/map.js"
# Each part ends on its own line and a semicolon: a script's last line may be a `//` comment, or
# an expression the next part's opening parenthesis would otherwise call.
PART_END = "\n;\n"


def bundle_text(parts: tuple[tuple[str, str], ...] = ASSETS_JS, static_dir: Path = STATIC_DIR) -> str:
    """The scripts of `parts` (name, path under `static_dir`) joined in their order, each under
    a comment naming its file; their licences stay in their folders (static/vendor/README.md)."""
    return "".join(f"/* {path} */\n{(static_dir / path).read_text(encoding='utf-8')}{PART_END}" for _, path in parts)


def bundle_version(text: str) -> str:
    """A short digest of the joined scripts: part of the URL, so that a browser holding an older
    bundle asks for the new one."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def write_bundle(text: str, static_dir: Path = STATIC_DIR) -> Path:
    """The bundle file holding `text`, written only when it holds something else: servers sharing
    the folder each write the same bytes, and a reader never sees half a file."""
    path = static_dir / BUNDLE_PATH
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(path, lambda out: out.write(text))
        # Written as a private file first, like a user's import; this one is served to anyone.
        path.chmod(0o644)
    return path


def bundled_assets(text: str) -> tuple[tuple[str, str], ...]:
    """The scripts a live map loads once the bundle holding `text` is written: the bundle alone."""
    return (("map", f"{BUNDLE_PATH}?v={bundle_version(text)}"),)

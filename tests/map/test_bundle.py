"""The live map's scripts joined into one file, written once per change."""

from __future__ import annotations

import os

import pytest

from geo.map.bundle import BUNDLE_PATH, PART_END, bundle_text, bundle_version, bundled_assets, write_bundle
from geo.map.elements import ASSETS_JS, STATIC_DIR

PARTS = (("first", "a.js"), ("second", "b.js"))


@pytest.fixture
def static(tmp_path):
    (tmp_path / "a.js").write_text("var a = 1 // no newline, then a comment", encoding="utf-8")
    (tmp_path / "b.js").write_text("(function () { window.b = 2; })();\n", encoding="utf-8")
    return tmp_path


def test_the_bundle_holds_every_script_of_the_map_in_its_order():
    text = bundle_text()
    starts = [text.index(f"/* {path} */\n") for _, path in ASSETS_JS]
    assert starts == sorted(starts) and starts[0] == 0
    for _, path in ASSETS_JS:
        assert (STATIC_DIR / path).read_text(encoding="utf-8") in text


@pytest.mark.parametrize("index", [0, 1])
def test_each_part_ends_a_line_and_a_statement_before_the_next(static, index):
    text = bundle_text(PARTS, static)
    part = (static / PARTS[index][1]).read_text(encoding="utf-8")
    # A last line that is a comment, or an expression the next part's "(" would call, ends here.
    assert part + PART_END in text


def test_joining_without_the_part_end_would_swallow_the_next_script(static):
    joined = "".join((static / path).read_text(encoding="utf-8") for _, path in PARTS)
    assert "comment(function" in joined


@pytest.mark.parametrize(
    "change,same",
    [("var a = 1 // no newline, then a comment", True), ("var a = 3;", False)],
)
def test_the_version_follows_the_text(static, change, same):
    before = bundle_version(bundle_text(PARTS, static))
    (static / "a.js").write_text(change, encoding="utf-8")
    assert (bundle_version(bundle_text(PARTS, static)) == before) is same


def test_the_bundle_is_written_once_then_only_when_it_changes(static):
    text = bundle_text(PARTS, static)
    path = write_bundle(text, static)
    assert path == static / BUNDLE_PATH and path.read_text(encoding="utf-8") == text
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)
    os.utime(path, (1, 1))
    write_bundle(text, static)
    assert path.stat().st_mtime == 1
    write_bundle(text + "//", static)
    assert path.stat().st_mtime != 1 and path.read_text(encoding="utf-8") == text + "//"
    assert [p.name for p in path.parent.iterdir()] == ["map.js"]


def test_a_live_map_loads_the_bundle_alone_under_its_version(static):
    text = bundle_text(PARTS, static)
    assert bundled_assets(text) == (("map", f"{BUNDLE_PATH}?v={bundle_version(text)}"),)

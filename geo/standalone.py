"""The interactive map as one self-contained HTML file: every script, style and image inlined."""
from __future__ import annotations

import base64
import re
from pathlib import Path

import folium

from geo.paths import ROOT

STATIC_DIR = ROOT / "static"
SCRIPT = re.compile(r'<script src="[^"]*?/app/static/([^"]+)"></script>')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="[^"]*?/app/static/([^"]+)"\s*/?>')
CSS_IMAGE = re.compile(r"url\((images/[^)]+)\)")


def _inline_css(path: Path) -> str:
    """A stylesheet with the images it points at turned into data URIs."""
    def embed(match: re.Match) -> str:
        image = path.parent / match.group(1)
        if not image.exists():
            return match.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode('ascii')})"
    return CSS_IMAGE.sub(embed, path.read_text(encoding="utf-8"))


def _script(text: str) -> str:
    # A script body may not contain its own closing tag.
    return "<script>" + text.replace("</script", "<\\/script") + "</script>"


def standalone_html(fmap: folium.Map, groups: list[folium.FeatureGroup], static_dir: Path = STATIC_DIR) -> str:
    """`fmap` with `groups` as a single HTML page that needs no server and no network."""
    for group in groups:
        group.add_to(fmap)
    html = fmap.get_root().render()
    html = SCRIPT.sub(lambda m: _script((static_dir / m.group(1)).read_text(encoding="utf-8")), html)
    return STYLESHEET.sub(lambda m: f"<style>{_inline_css(static_dir / m.group(1))}</style>", html)

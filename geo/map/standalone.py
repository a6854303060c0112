"""The interactive map as one self-contained HTML file: every script, style and image inlined."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import folium

from geo.map.elements import STATIC_DIR, JsonLayer

SCRIPT = re.compile(r'<script src="[^"]*?/app/static/([^"]+)"></script>')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="[^"]*?/app/static/([^"]+)"\s*/?>')
CSS_IMAGE = re.compile(r"url\((images/[^)]+)\)")
HEAD = re.compile(r"<head>")
CHARSET = re.compile(r'\s*<meta http-equiv="content-type"[^>]*>', re.IGNORECASE)


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


def stamp_title(groups: list[folium.FeatureGroup]) -> str:
    """The first line of the title stamp among `groups`' layers, or ''."""
    for group in groups:
        for child in group._children.values():
            if isinstance(child, JsonLayer) and child.factory == "cajnStamp":
                lines = json.loads(child.payload)
                return str(lines[0]) if lines else ""
    return ""


def standalone_html(
    fmap: folium.Map, groups: list[folium.FeatureGroup], static_dir: Path = STATIC_DIR, title: str | None = None
) -> str:
    """`fmap` with `groups` as a single HTML page that needs no server and no network, titled
    `title` (by default the first line of the title stamp, if the map carries one)."""
    title = stamp_title(groups) if title is None else title
    for group in groups:
        group.add_to(fmap)
    page = fmap.get_root().render()
    page = SCRIPT.sub(lambda m: _script((static_dir / m.group(1)).read_text(encoding="utf-8")), page)
    # The app loads the vendor stylesheets before the page's own styles (the sea's colour among
    # them), so those win; folium writes them the other way round. Inline them first, as the app does.
    sheets = [f"<style>{_inline_css(static_dir / m.group(1))}</style>" for m in STYLESHEET.finditer(page)]
    page = CHARSET.sub("", STYLESHEET.sub("", page))
    # The encoding must be declared within the file's first 1024 bytes, before the styles.
    head = f'<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n' + "\n".join(sheets)
    return HEAD.sub(lambda _: head, page, count=1)

"""Charts as image files, rendered on the server with no browser and no network."""
from __future__ import annotations

import vl_convert

PNG_SCALE = 2  # twice the on-screen size: sharp on slides and projectors


def chart_png(spec: str, scale: float = PNG_SCALE) -> bytes:
    """A Vega-Lite spec (JSON text) as PNG bytes."""
    return vl_convert.vegalite_to_png(spec, scale=scale)


def chart_svg(spec: str) -> str:
    """A Vega-Lite spec (JSON text) as SVG text."""
    return vl_convert.vegalite_to_svg(spec)

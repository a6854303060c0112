"""Exports of charts and of the map view: PNG and SVG, briefing PNG, standalone HTML, CSV."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import vl_convert

from geo import params
from geo.analysis.totals import sources_cited
from geo.map.elements import basemap
from geo.map.labels import label_payload
from geo.map.overlays import feature_groups, overlay_specs
from geo.map.standalone import standalone_html
from geo.render.briefing import briefing_png
from geo.render.tables import for_display, to_csv_with_citation, tolls_by_source
from geo.text.captions import map_title, stamp_lines
from geo.text.escape import compact_json
from geo.text.i18n import t


def map_downloads(
    data,
    shapes,
    collections,
    attacks: pd.DataFrame,
    payload_json: str,
    view: Mapping,
    criteria: Mapping,
    caption: str,
    lang: str,
    key: str,
    today: str,
) -> list[tuple]:
    """(label, contents or a function making them, file name, MIME type) for each export of the map view.

    The functions run when their button is clicked, in another thread and after the page's run:
    they use only the plain values given here (`view` as `map_view` makes it), never session state."""
    view = {**view, params.ONLINE_TILES: False}
    title, layers, metric = map_title(criteria, lang), list(view[params.LAYERS]), view[params.CHOROPLETH]
    years = tuple(criteria["years"])
    name = f"attacks-{years[0]}-{years[1]}"
    sources = sources_cited(attacks)
    attribution = t("map_data_attribution", lang, n=sources)
    stamp = stamp_lines(title, caption, years, sources, lang, today)

    def png(dpi: int) -> bytes:
        return briefing_png(shapes, data, attacks, layers, years, title, caption, lang, today, dpi=dpi, metric=metric)

    def html() -> str:
        groups = feature_groups(overlay_specs(data, attacks, payload_json, view, shapes, lang, key, attribution, stamp))
        labels = compact_json(label_payload(shapes, lang))
        return standalone_html(basemap(collections, lang, labels=labels), groups, title=title)

    def table() -> bytes:
        shown = for_display(attacks, data.sources)
        shown["tolls_by_source"] = tolls_by_source(attacks["id"], data.tolls).to_numpy()
        return to_csv_with_citation(shown, data.sources, caption, lang)

    return [
        (t("export_png", lang), lambda: png(150), f"{name}.png", "image/png"),
        (t("export_png_300", lang), lambda: png(300), f"{name}-300dpi.png", "image/png"),
        (t("export_html", lang), html, f"{name}.html", "text/html"),
        (t("export_csv", lang), table, f"{name}.csv", "text/csv"),
    ]


PNG_SCALE = 2  # twice the on-screen size: sharp on slides and projectors


def chart_png(spec: str, scale: float = PNG_SCALE) -> bytes:
    """A Vega-Lite spec (JSON text) as PNG bytes."""
    return vl_convert.vegalite_to_png(spec, scale=scale)


def chart_svg(spec: str) -> str:
    """A Vega-Lite spec (JSON text) as SVG text."""
    return vl_convert.vegalite_to_svg(spec)

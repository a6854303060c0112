"""The attacks layer: packed events, popup texts and the layer's options.

The payload is described, key by key, in static/map/README.md; tests/map/test_contract.py keeps
that file, static/map/layers.js and this module in step."""

from __future__ import annotations

import hashlib

import pandas as pd

from geo.data.countries import country_name
from geo.data.vocab import DATE_PRECISIONS, LOCATION_PRECISIONS, RESPONSIBILITIES
from geo.map import eventpack
from geo.map.cells import aggregated, cell_payload
from geo.map.elements import JsonLayer, pane_options
from geo.map.hues import hues
from geo.map.markers import VAGUE_PLACES, radius_schema
from geo.map.placenames import place_name
from geo.text.i18n import t, value_label
from geo.text.labels import group_table
from geo.text.localized import localized_cell
from geo.text.numbers import NUMBER_LOCALES
from geo.text.sources import TOLL_COLUMNS, toll_figures

# Above these sizes markers are clustered, and popups carry no per-event text (the card does).
CLUSTER_ABOVE = 1500


DETAIL_UP_TO = 3000


# The fields of a row of who says what, in the order the payload writes them: the columns shown,
# then the address the source's cell links to and the mark of the latest official figure.
TOLL_FIELDS = (*TOLL_COLUMNS, "url", "latest")
TOLL_LINKS = {"source": "url"}


# The zoom the map flies to for an attack chosen in the table, unless the reader is closer already.
FOCUS_ZOOM = 7


# Viridis stops: ordered in lightness, so density reads without telling hues apart.
HEAT_GRADIENT = {"0.2": "#3b528b", "0.45": "#21918c", "0.7": "#5ec962", "1.0": "#fde725"}


def _nationalities(cell: str, lang: str) -> str:
    return ", ".join(country_name(code, lang) for code in filter(None, str(cell).split(";")))


def group_entries(group_ids: list[str], groups: pd.DataFrame, lang: str) -> list[dict]:
    """{label, color} for each id, as the map's popups and legend take them."""
    return [{"label": label, "color": color} for label, color in group_table(group_ids, groups, lang)]


def event_details(attacks: pd.DataFrame, sources: pd.DataFrame, lang: str) -> tuple[list[dict], list[dict]]:
    """Per event {id, place, summary, title, sources (indices), rows}, and the sources cited as {title, url}."""
    known = {
        source_id: {"title": title, "url": url}
        for source_id, title, url in zip(sources["id"], sources["title"], sources["url"])
    }
    cited: dict[str, int] = {}
    source_rows: list[dict] = []
    details = []
    for row in attacks.itertuples(index=False):
        indices = []
        for source_id in filter(known.__contains__, str(row.source_ids or "").split(";")):
            if source_id not in cited:
                cited[source_id] = len(source_rows)
                source_rows.append(known[source_id])
            indices.append(cited[source_id])
        # Imported rows cite what their dataset cites, as text.
        for citation in filter(None, (line.strip() for line in str(getattr(row, "citations", "") or "").split("\n"))):
            if citation not in cited:
                cited[citation] = len(source_rows)
                url = citation if citation.startswith(("http://", "https://")) else ""
                source_rows.append({"title": citation, "url": url})
            indices.append(cited[citation])
        extra = [
            (t("attack_type", lang), value_label("attack_type", row.attack_type, lang)),
            (t("target", lang), value_label("target_type", row.target_type, lang)),
        ]
        if row.perpetrator_nationalities:
            extra.append((t("perpetrators", lang), _nationalities(row.perpetrator_nationalities, lang)))
        origin = getattr(row, "origin", "curated")
        if origin != "curated":
            extra.append(
                (t("origin", lang), origin + (f" · {t('doubtful', lang)}" if getattr(row, "doubt", False) else ""))
            )
        title = t("foiled", lang) if row.foiled else value_label("attack_type", row.attack_type, lang)
        details.append(
            {
                "id": row.id,
                "place": place_name(row.city, row.country_iso3, lang) if isinstance(row.city, str) else row.city,
                "summary": localized_cell(row, "summary", lang),
                "title": title,
                "sources": indices,
                "rows": [{"label": label, "value": value} for label, value in extra],
            }
        )
    return details, source_rows


def toll_rows(attacks: pd.DataFrame, tolls: pd.DataFrame | None, sources: pd.DataFrame, lang: str) -> dict:
    """Who says what for each attack that has figures in `tolls`, keyed by its position in
    `attacks` (as text, JSON's only kind of key): its figures as lists of `TOLL_FIELDS`, oldest
    first. Attacks without figures, every imported record among them, take no room."""
    if tolls is None or tolls.empty:
        return {}
    having = attacks["id"].isin(set(tolls["attack_id"])).to_numpy()
    return {
        str(position): toll_figures(attack_id, tolls, sources, lang)[list(TOLL_FIELDS)].to_numpy().tolist()
        for position, attack_id in zip(having.nonzero()[0].tolist(), attacks["id"][having])
    }


def popup_labels(lang: str) -> dict:
    """The words the browser needs to write popups and tooltips in `lang`."""
    return {
        "date": t("date", lang),
        "place": t("place", lang),
        "group": t("group", lang),
        "killed": t("killed", lang),
        "wounded": t("wounded", lang),
        "foiled": t("foiled", lang),
        "yes": t("yes", lang),
        "sources": t("sources", lang),
        "record": t("record", lang),
        "unknown": t("unknown", lang),
        "more": t("more_below", lang),
        "spread": t("spread_hint", lang),
        "who_says_what": t("who_says_what", lang),
        "toll_columns": [
            {"name": name, "label": t(f"toll_column_{name}", lang)}
            | ({"link": TOLL_LINKS[name]} if name in TOLL_LINKS else {})
            for name in TOLL_COLUMNS
        ],
        "date_precisions": {v: value_label("date_precision", v, lang) for v in DATE_PRECISIONS},
        "location_precisions": {v: value_label("location_precision", v, lang) for v in LOCATION_PRECISIONS},
        "responsibilities": {v: value_label("responsibility", v, lang) for v in RESPONSIBILITIES},
    }


def event_schema(size_by: str = "both") -> dict:
    """What the browser needs to read the packed columns and size the circles by `size_by`, whatever
    the language."""
    return {
        **eventpack.schema(),
        "radius": radius_schema(size_by),
        "vague_places": list(VAGUE_PLACES),
        "toll_fields": list(TOLL_FIELDS),
    }


def event_payload(
    attacks: pd.DataFrame,
    groups: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
    detail_up_to: int = DETAIL_UP_TO,
    tolls: pd.DataFrame | None = None,
    color_by: str = "group",
    size_by: str = "both",
) -> dict:
    """Everything the browser needs to draw `attacks`, coloured by `color_by` and sized by
    `size_by`, with full text only for small selections, and who says what for the attacks that
    have figures in `tolls`, whatever the selection's size (the figures file bounds it)."""
    group_order = eventpack.first_seen(attacks["group_id"])
    country_order = eventpack.first_seen(attacks["country_iso3"])
    hue, hue_entries = hues(attacks, color_by, groups, lang)
    payload = {
        "schema": event_schema(size_by),
        "n": len(attacks),
        "columns": eventpack.pack(attacks, group_order, country_order, hue),
        "groups": group_entries(group_order, groups, lang),
        "hues": hue_entries,
        "countries": [country_name(code, lang) for code in country_order],
        "locale": NUMBER_LOCALES[lang],
        "labels": popup_labels(lang),
        "details": None,
        "sources": [],
        "tolls": toll_rows(attacks, tolls, sources, lang),
    }
    if len(attacks) <= detail_up_to:
        payload["details"], payload["sources"] = event_details(attacks, sources, lang)
    return payload


def map_payload(
    attacks: pd.DataFrame,
    groups: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
    tolls: pd.DataFrame | None = None,
    color_by: str = "group",
    size_by: str = "both",
) -> dict:
    """The attacks layer's payload: `attacks` event by event, or aggregated into cells past
    geo/map/cells.py's `AGGREGATE_ABOVE` incidents (`event_layer` chooses the layer to match)."""
    if aggregated(len(attacks)):
        return cell_payload(attacks, lang)
    return event_payload(attacks, groups, sources, lang, tolls=tolls, color_by=color_by, size_by=size_by)


def focus_option(index: int | None, flight: int | None) -> dict | None:
    """The events layer's `focus`: the attack at `index` ringed, and flown to once per `flight` (the
    count of choices made in the table: a rerun that sends the same one again does not move the map;
    None for an attack chosen on the map, which is in view already)."""
    return None if index is None else {"index": index, "zoom": FOCUS_ZOOM, "fly": flight}


def event_layer(payload_json: str, n: int, points: bool, heat: bool, key: str) -> JsonLayer:
    """Attacks as circles (clustered when many), a heatmap, or both; past `AGGREGATE_ABOVE` (the
    payload `map_payload` built for `n` attacks) as cells."""
    if aggregated(n):
        return JsonLayer(
            "cajnCells",
            payload_json,
            {
                "points": points,
                "heat": heat,
                "key": key,
                "gradient": HEAT_GRADIENT,
                "id": hashlib.sha1(payload_json.encode("utf-8")).hexdigest()[:12],
                **pane_options("events"),
            },
        )
    return JsonLayer(
        "cajnEvents",
        payload_json,
        {
            "points": points,
            "heat": heat,
            "cluster": n > CLUSTER_ABOVE,
            "key": key,
            "gradient": HEAT_GRADIENT,
            # Names the payload, so that a rerun that sends the same one again reuses what the browser drew.
            "id": hashlib.sha1(payload_json.encode("utf-8")).hexdigest()[:12],
            **pane_options("events"),
        },
    )

"""The attacks layer: packed events, popup texts and the layer's options."""

from __future__ import annotations

import pandas as pd

from geo.data.countries import country_name
from geo.data.vocab import DATE_PRECISIONS, LOCATION_PRECISIONS, RESPONSIBILITIES
from geo.map import eventpack
from geo.map.elements import JsonLayer, pane_options
from geo.text.i18n import MONTHS, t, value_label
from geo.text.labels import group_table

# Above these sizes markers are clustered, and popups carry no per-event text (the card does).
CLUSTER_ABOVE = 1500


DETAIL_UP_TO = 3000


# Viridis stops: ordered in lightness, so density reads without telling hues apart.
HEAT_GRADIENT = {"0.2": "#3b528b", "0.45": "#21918c", "0.7": "#5ec962", "1.0": "#fde725"}


def _nationalities(cell: str, lang: str) -> str:
    return ", ".join(country_name(code, lang) for code in filter(None, str(cell).split(";")))


def event_details(attacks: pd.DataFrame, sources: pd.DataFrame, lang: str) -> tuple[list, list]:
    """Per event [id, place, summary, title, source indices, extra rows], and the sources cited."""
    known = dict(zip(sources["id"], zip(sources["title"], sources["url"])))
    cited: dict[str, int] = {}
    source_rows: list[list[str]] = []
    details = []
    for row in attacks.itertuples(index=False):
        indices = []
        for source_id in filter(known.__contains__, str(row.source_ids or "").split(";")):
            if source_id not in cited:
                cited[source_id] = len(source_rows)
                source_rows.append(list(known[source_id]))
            indices.append(cited[source_id])
        # Imported rows cite what their dataset cites, as text.
        for citation in filter(None, (line.strip() for line in str(getattr(row, "citations", "") or "").split("\n"))):
            if citation not in cited:
                cited[citation] = len(source_rows)
                source_rows.append([citation, citation if citation.startswith(("http://", "https://")) else ""])
            indices.append(cited[citation])
        extra = [
            [t("attack_type", lang), value_label("attack_type", row.attack_type, lang)],
            [t("target", lang), value_label("target_type", row.target_type, lang)],
        ]
        if row.perpetrator_nationalities:
            extra.append([t("perpetrators", lang), _nationalities(row.perpetrator_nationalities, lang)])
        origin = getattr(row, "origin", "curated")
        if origin != "curated":
            extra.append(
                [t("origin", lang), origin + (f" · {t('doubtful', lang)}" if getattr(row, "doubt", False) else "")]
            )
        title = t("foiled", lang) if row.foiled else value_label("attack_type", row.attack_type, lang)
        details.append([row.id, row.city, getattr(row, f"summary_{lang}"), title, indices, extra])
    return details, source_rows


def popup_labels(lang: str) -> dict:
    """The words the browser needs to write popups and tooltips in `lang`."""
    return {
        "months": MONTHS[lang],
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
        "date_precisions": [value_label("date_precision", v, lang) for v in DATE_PRECISIONS],
        "location_precisions": [value_label("location_precision", v, lang) for v in LOCATION_PRECISIONS],
        "responsibilities": [value_label("responsibility", v, lang) for v in RESPONSIBILITIES],
    }


def event_payload(
    attacks: pd.DataFrame, groups: pd.DataFrame, sources: pd.DataFrame, lang: str, detail_up_to: int = DETAIL_UP_TO
) -> dict:
    """Everything the browser needs to draw `attacks`, with full text only for small selections."""
    group_order = eventpack.first_seen(attacks["group_id"])
    country_order = eventpack.first_seen(attacks["country_iso3"])
    payload = {
        "n": len(attacks),
        "columns": eventpack.pack(attacks, group_order, country_order),
        "groups": group_table(group_order, groups, lang),
        "countries": [country_name(code, lang) for code in country_order],
        "labels": popup_labels(lang),
        "details": None,
        "sources": [],
    }
    if len(attacks) <= detail_up_to:
        payload["details"], payload["sources"] = event_details(attacks, sources, lang)
    return payload


def event_layer(payload_json: str, n: int, points: bool, heat: bool, key: str) -> JsonLayer:
    """Attacks as circles (clustered when many), a heatmap, or both."""
    return JsonLayer(
        "cajnEvents",
        payload_json,
        {
            "points": points,
            "heat": heat,
            "cluster": n > CLUSTER_ABOVE,
            "key": key,
            "gradient": HEAT_GRADIENT,
            **pane_options("events"),
        },
    )

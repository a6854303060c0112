"""What the map page shows for a given view: criteria, totals, layers, clicked record."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

import pandas as pd

from geo import params
from geo.basemap import compact_json
from geo.countries import country_name
from geo.eventpack import first_seen
from geo.filters import in_years, of_groups, with_lineage
from geo.i18n import t, value_label
from geo.labels import group_labels
from geo.maplayers import (JsonLayer, base_collection, basemap, border_collection, choropleth_collection, event_layer,
                           feature_group, group_table, legend_sections, online_tiles, pane_options)
from geo.briefing import briefing_png, subtitle
from geo.standalone import standalone_html
from geo.trends import export_subtitle
from geo.tables import escape_markdown, for_display, source_entries, source_markdown, to_csv_with_citation
from geo.vocab import ATTACK_TYPES, TARGET_TYPES


# Session key of the imported files: (path, name, format, modification time) for each.
IMPORTS_KEY = "imports"
# Session key of a year window that playing asks for; the frame applies it before drawing the slider.
PENDING_YEARS_KEY = "pending_years"


def attack_criteria(state: Mapping, group_links: pd.DataFrame) -> dict:
    """Keyword arguments of `select_attacks` for the view in `state` (plain values only)."""
    return {
        "years": tuple(int(y) for y in state[params.YEARS]), "groups": tuple(attack_groups(state, group_links)),
        "countries": tuple(state[params.COUNTRIES]), "attack_types": tuple(state[params.ATTACK_TYPES]),
        "target_types": tuple(state[params.TARGET_TYPES]), "nationalities": tuple(state[params.NATIONALITIES]),
        "min_casualties": int(state[params.MIN_CASUALTIES]),
        "hide_vague_places": bool(state[params.HIDE_VAGUE_PLACES]), "include_foiled": bool(state[params.FOILED]),
        "origin": state[params.ORIGIN], "hide_doubtful": bool(state[params.HIDE_DOUBTFUL]),
        "imports": tuple(tuple(item) for item in state.get(IMPORTS_KEY, ())),
    }


def selection_key(criteria: Mapping) -> str:
    """A short fingerprint of a selection, so a click is never applied to another selection."""
    return hashlib.sha1(compact_json(criteria).encode()).hexdigest()[:10]


def filter_options(attacks: pd.DataFrame, groups: pd.DataFrame, lang: str) -> dict[str, dict[str, str]]:
    """For each list filter, the ids it offers (those found in the data) and their labels."""
    countries = sorted(set(attacks["country_iso3"]), key=lambda c: country_name(c, lang))
    nationals = {n for cell in attacks["perpetrator_nationalities"].fillna("") for n in cell.split(";") if n}
    return {
        params.GROUPS: group_labels(groups, lang),
        params.COUNTRIES: {c: country_name(c, lang) for c in countries},
        params.NATIONALITIES: {c: country_name(c, lang) for c in sorted(nationals, key=lambda c: country_name(c, lang))},
        params.ATTACK_TYPES: {v: value_label("attack_type", v, lang) for v in ATTACK_TYPES if v in set(attacks["attack_type"])},
        params.TARGET_TYPES: {v: value_label("target_type", v, lang) for v in TARGET_TYPES if v in set(attacks["target_type"])},
    }


def _span(low: pd.Series, high: pd.Series) -> tuple[int, int]:
    low_total = int(low.fillna(0).sum())
    return low_total, int(high.fillna(low).fillna(0).sum())


def attack_totals(attacks: pd.DataFrame) -> dict[str, int | tuple[int, int]]:
    """Attacks, foiled plots, countries, and killed and wounded as (low, high) sums."""
    return {
        "attacks": int((~attacks["foiled"]).sum()), "foiled": int(attacks["foiled"].sum()),
        "countries": int(attacks["country_iso3"].nunique()),
        "killed": _span(attacks["killed_low"], attacks["killed_high"]),
        "wounded": _span(attacks["wounded_low"], attacks["wounded_high"]),
    }


def sources_cited(attacks: pd.DataFrame) -> int:
    """How many distinct sources the selected attacks cite."""
    return int(attacks["source_ids"].fillna("").str.split(";").explode().replace("", None).nunique())


def number_text(value: int, lang: str) -> str:
    """An integer with the thousands separator of `lang` (a narrow no-break space in French)."""
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def range_text(span: tuple[int, int], lang: str = "en") -> str:
    """'9–20', or '4' when both ends agree."""
    low, high = (number_text(v, lang) for v in span)
    return low if low == high else f"{low}–{high}"


def count_text(low, high, lang: str) -> str:
    """A toll as '9–20', '4' or 'unknown' from its two estimates, either of which may be missing."""
    if pd.isna(low) and pd.isna(high):
        return t("unknown", lang)
    if pd.isna(low):
        return f"≤ {number_text(int(high), lang)}"
    return range_text((int(low), int(low if pd.isna(high) else high)), lang)


def view_caption(criteria: Mapping, labels: Mapping[str, Mapping[str, str]], lang: str) -> str:
    """One line naming the period and every active filter, for screenshots and exports."""
    low, high = criteria["years"]
    parts = [t("caption_period", lang, low=low, high=high) if low != high else str(low)]
    for key, param in (("groups", params.GROUPS), ("countries", params.COUNTRIES),
                       ("attack_types", params.ATTACK_TYPES), ("target_types", params.TARGET_TYPES),
                       ("nationalities", params.NATIONALITIES)):
        if criteria[key]:
            names = ", ".join(labels[param].get(v, v).split(" · ")[0] for v in criteria[key])
            parts.append(t("caption_filter", lang, label=t("caption_" + key, lang), values=names))
    if criteria["min_casualties"]:
        parts.append(t("caption_min_casualties", lang, n=criteria["min_casualties"]))
    if criteria["hide_vague_places"]:
        parts.append(t("caption_precise", lang))
    if not criteria["include_foiled"]:
        parts.append(t("caption_no_foiled", lang))
    return " · ".join(parts)


# The parts of the view the map layers depend on.
VIEW_KEYS = (params.LAYERS, params.YEARS, params.CHOROPLETH, params.ONLINE_TILES, params.GROUPS, params.LINEAGE)


def map_view(state: Mapping) -> dict:
    """The plain values of `state` the map layers depend on (a cache key)."""
    return {key: tuple(state[key]) if isinstance(state[key], (list, tuple)) else state[key] for key in VIEW_KEYS}


def overlay_specs(data, attacks: pd.DataFrame, payload_json: str, view: Mapping, shapes, lang: str, key: str,
                  attribution: str, stamp: list[str] | tuple | None = None, legend_open: bool = True) -> list[tuple]:
    """(name, layer factory, JSON payload, options) for each layer switched on, the legend last, then the stamp."""
    layers = set(view[params.LAYERS])
    years = tuple(view[params.YEARS])
    specs: list[tuple] = []
    if view[params.ONLINE_TILES]:
        specs.append(("tiles", "tiles", "", {}))
    breaks = statuses = None
    if "choropleth" in layers:
        shaded, breaks = choropleth_collection(attacks, shapes, view[params.CHOROPLETH], lang)
        specs.append(("choropleth", "cajnFeatures", compact_json(shaded), pane_options("shade")))
    if "borders" in layers:
        lines, statuses = border_collection(data.borders, years, data.sources, lang)
        specs.append(("borders", "cajnFeatures", compact_json(lines), {}))
    for layer, foreign in (("bases", False), ("foreign_bases", True)):
        if layer in layers:
            bases = in_years(data.bases, "bases", years)
            bases = bases[(bases["kind"] == "foreign_military_base") == foreign]
            if not foreign:
                bases = of_groups(bases, "bases", attack_groups(view, data.group_links))
            specs.append((layer, "cajnFeatures", compact_json(base_collection(bases, data.groups, data.sources, lang)), {}))
    points, heat = "attacks" in layers, "heatmap" in layers
    if (points or heat) and len(attacks):
        layer = event_layer(payload_json, len(attacks), points, heat, key)
        specs.append(("attacks", "cajnEvents", payload_json, json.loads(layer.options)))
    shown = group_table(first_seen(attacks["group_id"]), data.groups, lang) if points else None
    legend = legend_sections(lang, shown, statuses, "bases" in layers, "foreign_bases" in layers, breaks,
                             view[params.CHOROPLETH], heat)
    specs.append(("legend", "cajnLegend", compact_json(legend),
                  {"attribution": attribution, "title": t("legend", lang), "collapsed": not legend_open}))
    if stamp:
        specs.append(("stamp", "cajnStamp", compact_json(list(stamp)), {}))
    return specs


def page_keys_spec(keys: tuple[str, ...]) -> tuple:
    """The layer spec that hands `keys` to the page even while the map has the focus."""
    return ("page_keys", "cajnPageKeys", compact_json(list(keys)), {})


def feature_groups(specs: list[tuple]) -> list:
    """Folium feature groups from layer specs (cheap: the payloads are already JSON)."""
    return [online_tiles() if factory == "tiles" else feature_group(name, JsonLayer(factory, payload, options))
            for name, factory, payload, options in specs]


def overlays(data, attacks: pd.DataFrame, payload_json: str, state: Mapping, shapes, lang: str,
             key: str, attribution: str, stamp: list[str] | None = None, legend_open: bool = True) -> list:
    """The feature groups for the layers switched on in `state`, the legend last, then the title stamp."""
    return feature_groups(overlay_specs(data, attacks, payload_json, map_view(state), shapes, lang, key,
                                        attribution, stamp, legend_open))


def stamp_lines(title: str, caption: str, years: tuple[int, int], sources: int, lang: str, today: str) -> list[str]:
    """The block stamped on the map for slides: title, filters (the period only once), sources, date."""
    lines = [title, subtitle(title, caption, tuple(years), lang), t("stamp_sources", lang, n=sources),
             t("stamp_date", lang, today=today)]
    return [line for line in lines if line]


def attack_groups(state: Mapping, group_links: pd.DataFrame) -> list[str]:
    """The groups chosen in `state`, with their splinters and successors when asked."""
    groups = list(state[params.GROUPS])
    return with_lineage(groups, group_links) if state[params.LINEAGE] and groups else groups


def clicked_index(value: str | None, key: str) -> int | None:
    """The position of the clicked attack in the current selection, if the click belongs to it."""
    if not value or ":" not in value:
        return None
    click_key, _, index = value.rpartition(":")
    return int(index) if click_key == key and index.isdigit() else None


def attack_card(row: pd.Series, groups: pd.DataFrame, sources: pd.DataFrame, lang: str) -> dict:
    """The clicked attack as a title, labelled facts, its summary and its sources (markdown)."""
    group = group_table([row["group_id"]], groups, lang)[0][0]
    killed = count_text(row["killed_low"], row["killed_high"], lang)
    wounded = count_text(row["wounded_low"], row["wounded_high"], lang)
    facts = [
        (t("date", lang), f"{row['date']:%Y-%m-%d} ({value_label('date_precision', row['date_precision'], lang)})"),
        (t("place", lang), f"{', '.join(filter(None, [row['city'], country_name(row['country_iso3'], lang)]))} "
                           f"({value_label('location_precision', row['location_precision'], lang)})"),
        (t("group", lang), f"{group} ({value_label('responsibility', row['responsibility'], lang)})"),
        (t("attack_type", lang), value_label("attack_type", row["attack_type"], lang)),
        (t("target", lang), value_label("target_type", row["target_type"], lang)),
        (t("killed", lang), killed), (t("wounded", lang), wounded),
    ]
    if row["foiled"]:
        facts.append((t("foiled", lang), t("yes", lang)))
    if row.get("origin", "curated") != "curated":
        facts.append((t("origin", lang), row["origin"] + (f" · {t('doubtful', lang)}" if row.get("doubt") else "")))
    citations = [escape_markdown(line) for line in str(row.get("citations", "") or "").split("\n") if line.strip()]
    kind = t("foiled", lang) if row["foiled"] else value_label("attack_type", row["attack_type"], lang)
    place = row["city"] or country_name(row["country_iso3"], lang)
    return {"title": f"{kind} — {place}",
            "facts": facts, "summary": row.get(f"summary_{lang}", ""), "id": row["id"],
            "sources": [source_markdown(e) for e in source_entries(row.get("source_ids", "") or "", sources)] + citations}


def map_title(criteria: Mapping, lang: str) -> str:
    """'Jihadist attacks, 2015–2024': the title of slides and exports."""
    low, high = criteria["years"]
    return t("map_title", lang, period=str(low) if low == high else f"{low}–{high}")


def map_downloads(data, shapes, collections, attacks: pd.DataFrame, payload_json: str, view: Mapping,
                  criteria: Mapping, caption: str, lang: str, key: str, today: str) -> list[tuple]:
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
        return standalone_html(basemap(collections, lang), groups, title=title)

    def table() -> bytes:
        return to_csv_with_citation(for_display(attacks, data.sources), data.sources, caption, lang)

    return [(t("export_png", lang), lambda: png(150), f"{name}.png", "image/png"),
            (t("export_png_300", lang), lambda: png(300), f"{name}-300dpi.png", "image/png"),
            (t("export_html", lang), html, f"{name}.html", "text/html"),
            (t("export_csv", lang), table, f"{name}.csv", "text/csv")]


def chart_subtitle(criteria: Mapping, options: Mapping, lang: str) -> list[str]:
    """The lines under every chart's title: the view (period and filters, named from `options`,
    as `filter_options` gives them), then the source and date."""
    return export_subtitle(view_caption(criteria, options, lang), lang)

"""The record card: which attack a click chose, and its full record as text."""

from __future__ import annotations

import pandas as pd

from geo.data.countries import country_name
from geo.text.escape import escape_markdown
from geo.text.i18n import t, value_label
from geo.text.labels import group_table
from geo.text.numbers import toll_text
from geo.text.sources import source_entries, source_markdown, who_says_what


def clicked_index(value: str | None, key: str) -> int | None:
    """The position of the clicked attack in the current selection, if the click belongs to it."""
    if not value or ":" not in value:
        return None
    click_key, _, index = value.rpartition(":")
    return int(index) if click_key == key and index.isdigit() else None


def attack_card(
    row: pd.Series, groups: pd.DataFrame, sources: pd.DataFrame, lang: str, tolls: pd.DataFrame | None = None
) -> dict:
    """The clicked attack as a title, labelled facts, its summary, who gives which toll (a table, when
    `tolls` has figures for it) and its sources (markdown)."""
    group = group_table([row["group_id"]], groups, lang)[0][0]
    killed = toll_text(row["killed_low"], row["killed_high"], lang)
    wounded = toll_text(row["wounded_low"], row["wounded_high"], lang)
    facts = [
        (t("date", lang), f"{row['date']:%Y-%m-%d} ({value_label('date_precision', row['date_precision'], lang)})"),
        (
            t("place", lang),
            f"{', '.join(filter(None, [row['city'], country_name(row['country_iso3'], lang)]))} "
            f"({value_label('location_precision', row['location_precision'], lang)})",
        ),
        (t("group", lang), f"{group} ({value_label('responsibility', row['responsibility'], lang)})"),
        (t("attack_type", lang), value_label("attack_type", row["attack_type"], lang)),
        (t("target", lang), value_label("target_type", row["target_type"], lang)),
        (t("killed", lang), killed),
        (t("wounded", lang), wounded),
    ]
    if row["foiled"]:
        facts.append((t("foiled", lang), t("yes", lang)))
    if row.get("origin", "curated") != "curated":
        facts.append((t("origin", lang), row["origin"] + (f" · {t('doubtful', lang)}" if row.get("doubt") else "")))
    citations = [escape_markdown(line) for line in str(row.get("citations", "") or "").split("\n") if line.strip()]
    kind = t("foiled", lang) if row["foiled"] else value_label("attack_type", row["attack_type"], lang)
    place = row["city"] or country_name(row["country_iso3"], lang)
    return {
        "title": f"{kind} — {place}",
        "facts": facts,
        "summary": row.get(f"summary_{lang}", ""),
        "id": row["id"],
        "tolls": who_says_what(row["id"], tolls, sources, lang) if tolls is not None else None,
        "sources": [source_markdown(e) for e in source_entries(row.get("source_ids", "") or "", sources)] + citations,
    }

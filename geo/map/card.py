"""The record card: which attack a click chose, and its full record as text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from geo.data.countries import country_name
from geo.data.vocab import UNKNOWN_GROUP
from geo.map.placenames import place_name, place_names
from geo.text.i18n import t, value_label
from geo.text.labels import group_labels, group_table
from geo.text.localized import localized_cell
from geo.text.numbers import toll_text
from geo.text.sources import citation_markdown, source_entries, source_markdown, who_says_what


def clicked_index(value: str | None, key: str) -> int | None:
    """The position of the clicked attack in the current selection, if the click belongs to it
    (`value` is "selectionKey:index:stamp", the stamp telling two clicks on one circle apart)."""
    parts = str(value or "").split(":")
    if len(parts) == 3:
        parts = parts[:2]
    if len(parts) != 2:
        return None
    click_key, index = parts
    return int(index) if click_key == key and index.isdigit() else None


class Linked(NamedTuple):
    """What the map page remembers of the attack chosen in its table or on its map, across reruns."""

    # The chosen attack's id, or None.
    chosen: str | None = None
    # How many times the table has chosen an attack: the map flies to it once per choice.
    flights: int = 0
    # The table's selection (row positions) and the map's click last followed, and the selection
    # the table's rows belong to.
    rows: tuple[int, ...] = ()
    click: str | None = None
    table: str | None = None
    # Whether the table chose it: only then does the map fly to it (a clicked circle is in view).
    by_table: bool = False


def follow_choice(
    memory: Linked, rows: Sequence[int], click: str | None, key: str, table_key: str, table_ids, shown_ids
) -> tuple[Linked, list[int] | None]:
    """The attack chosen after this rerun, and the rows the table must show selected (None to leave it).

    `rows` is the table's selection, `click` the map's last click on the selection `key` (its
    attacks `shown_ids`, in payload order), `table_ids` the attacks of the table (of the selection
    `table_key`) in row order. A row picked in the table chooses its attack and asks for a flight;
    a circle clicked chooses its attack and selects its row (none when the table does not list it).
    When the table lists another selection, its selection, which holds row positions, is redrawn
    from the chosen attack."""
    rows = tuple(rows)
    table_ids, shown_ids = list(table_ids), list(shown_ids)

    def row_of(attack_id: str | None) -> list[int]:
        return [table_ids.index(attack_id)] if attack_id in table_ids else []

    if click != memory.click:
        index = clicked_index(click, key)
        memory = memory._replace(click=click)
        if index is not None and index < len(shown_ids):
            chosen = shown_ids[index]
            select = row_of(chosen)
            return memory._replace(chosen=chosen, rows=tuple(select), table=table_key, by_table=False), select
    if table_key != memory.table:
        select = row_of(memory.chosen)
        return memory._replace(rows=tuple(select), table=table_key), select
    if rows != memory.rows:
        picked = table_ids[rows[0]] if rows and rows[0] < len(table_ids) else None
        flights = memory.flights + (picked is not None)
        return memory._replace(chosen=picked, flights=flights, rows=rows, by_table=picked is not None), None
    return memory, None


def records_side_by_side(row: pd.Series, records: pd.DataFrame, groups: pd.DataFrame, lang: str) -> pd.DataFrame:
    """An incident's records, its own first, then those of other datasets that repeat it: where each
    comes from, its id, date, place, group and tolls, headed in `lang`."""
    ids = [i for i in str(row.get("records", "") or "").split(";") if i]
    linked = records[records["id"].isin(ids)] if len(records) and ids else records.iloc[0:0]
    rows = pd.concat([row.to_frame().T, linked], ignore_index=True) if ids else row.to_frame().T
    names = {**group_labels(groups, lang), UNKNOWN_GROUP: t("unknown_group", lang)}
    table = pd.DataFrame(
        {
            t("record_origin", lang): rows.get("origin", pd.Series("curated", index=rows.index))
            .fillna("curated")
            .replace("curated", t("curated", lang)),
            t("record_id", lang): rows["id"],
            t("date", lang): pd.to_datetime(rows["date"]).dt.strftime("%Y-%m-%d"),
            t("place", lang): [
                ", ".join(filter(None, [city, country_name(code, lang)]))
                for city, code in zip(place_names(rows["city"], rows["country_iso3"], lang), rows["country_iso3"])
            ],
            t("group", lang): rows["group_id"].map(lambda g: names.get(g, g)),
            t("killed", lang): [toll_text(lo, hi, lang) for lo, hi in zip(rows["killed_low"], rows["killed_high"])],
            t("wounded", lang): [toll_text(lo, hi, lang) for lo, hi in zip(rows["wounded_low"], rows["wounded_high"])],
        }
    )
    return table.reset_index(drop=True)


def attack_card(
    row: pd.Series,
    groups: pd.DataFrame,
    sources: pd.DataFrame,
    lang: str,
    tolls: pd.DataFrame | None = None,
    records: pd.DataFrame | None = None,
) -> dict:
    """The clicked attack as a title, labelled facts, its summary, who gives which toll (a table, when
    `tolls` has figures for it), the records of other datasets that repeat it (when `records`, the
    imported records, hold some) and its sources (markdown)."""
    group = group_table([row["group_id"]], groups, lang)[0][0]
    killed = toll_text(row["killed_low"], row["killed_high"], lang)
    wounded = toll_text(row["wounded_low"], row["wounded_high"], lang)
    city = place_name(row["city"], row["country_iso3"], lang) if isinstance(row["city"], str) else ""
    facts = [
        (t("date", lang), f"{row['date']:%Y-%m-%d} ({value_label('date_precision', row['date_precision'], lang)})"),
        (
            t("place", lang),
            f"{', '.join(filter(None, [city, country_name(row['country_iso3'], lang)]))} "
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
    citations = [citation_markdown(line) for line in str(row.get("citations", "") or "").split("\n") if line.strip()]
    kind = t("foiled", lang) if row["foiled"] else value_label("attack_type", row["attack_type"], lang)
    place = city or country_name(row["country_iso3"], lang)
    return {
        "title": f"{kind} — {place}",
        "facts": facts,
        "summary": localized_cell(row, "summary", lang),
        "id": row["id"],
        "tolls": who_says_what(row["id"], tolls, sources, lang) if tolls is not None else None,
        "records": (
            records_side_by_side(row, records, groups, lang)
            if records is not None and str(row.get("records", "") or "")
            else None
        ),
        "sources": [source_markdown(e) for e in source_entries(row.get("source_ids", "") or "", sources)] + citations,
    }

"""How groups split, merged and pledged: the link graph for a year, laid out for drawing."""

from __future__ import annotations

import pandas as pd

from geo.analysis.filters import LINEAGE_KINDS, in_years, with_lineage
from geo.text.i18n import LANGUAGES, t, value_label
from geo.text.labels import group_acronyms, group_table
from geo.text.localized import language_of, localized_cell
from geo.text.sources import source_entries, source_markdown


def ancestors(group: str, links: pd.DataFrame, kinds: tuple[str, ...] = LINEAGE_KINDS) -> list[str]:
    """The groups `group` descends from through `kinds` of links, nearest first."""
    reversed_links = links.rename(columns={"from_group": "to_group", "to_group": "from_group"})
    return with_lineage([group], reversed_links, kinds)[1:]


def descendants(group: str, links: pd.DataFrame, kinds: tuple[str, ...] = LINEAGE_KINDS) -> list[str]:
    """The splinters and successors of `group`, nearest first."""
    return with_lineage([group], links, kinds)[1:]


def links_in(links: pd.DataFrame, year: int) -> pd.DataFrame:
    """Links that had begun by `year` (undated ones included) and had not ended before it."""
    started = links["start_year"].isna() | (links["start_year"] <= year)
    ended = links["end_year"].notna() & (links["end_year"] < year)
    return links[started & ~ended]


def role(group: str, focus: str | None, up: list[str], down: list[str]) -> str:
    if focus is None:
        return "all"
    if group == focus:
        return "focus"
    return "ancestor" if group in up else "descendant" if group in down else "other"


# Groups founded earlier (Hizb ut-Tahrir in 1953) are drawn at this year, their real year on hover,
# so the decades that matter keep the width.
EARLIEST_DRAWN = 1986


def family_order(ids: list[str], links: pd.DataFrame) -> list[str]:
    """`ids` reordered so each group comes right after the group it split from or merged into."""
    children: dict[str, list[str]] = {}
    parents: set[str] = set()
    for row in links[links["kind"].isin(LINEAGE_KINDS)].itertuples(index=False):
        if row.from_group in ids and row.to_group in ids:
            children.setdefault(row.from_group, []).append(row.to_group)
            parents.add(row.to_group)
    order: list[str] = []

    def visit(group: str) -> None:
        if group in order:
            return
        order.append(group)
        for child in sorted(children.get(group, []), key=ids.index):
            visit(child)

    for group in ids:
        if group not in parents:
            visit(group)
    return order + [g for g in ids if g not in order]


def lineage_graph(
    groups: pd.DataFrame, links: pd.DataFrame, year: int, lang: str, focus: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (groups founded by `year`, placed by founding year) and edges (links in force)."""
    active = in_years(groups, "groups", (int(groups["founded_year"].min()), year))
    active = active.sort_values(["founded_year", "id"], na_position="first", ignore_index=True)
    edges = links_in(links, year)
    edges = edges[edges["from_group"].isin(active["id"]) & edges["to_group"].isin(active["id"])]
    up = ancestors(focus, edges) if focus else []
    down = descendants(focus, edges) if focus else []
    labels = dict(zip(active["id"], (label for label, _ in group_table(list(active["id"]), groups, lang))))
    order = family_order(list(active["id"]), edges)
    active = active.set_index("id").loc[order].reset_index()
    founded = active["founded_year"]
    nodes = pd.DataFrame(
        {
            "id": active["id"],
            "name": active["id"].map(labels),
            "short": active["id"].map(group_acronyms(active, lang)),
            "x": founded.fillna(EARLIEST_DRAWN).clip(lower=EARLIEST_DRAWN).astype(int),
            "founded": founded.astype("Int64").astype(str).replace("<NA>", "?"),
            "y": range(len(active)),
            "color": active["color"],
            "role": [role(g, focus, up, down) for g in active["id"]],
        }
    )
    where = nodes.set_index("id")
    edge_frame = pd.DataFrame(
        {
            "from": edges["from_group"],
            "to": edges["to_group"],
            "kind": edges["kind"],
            "kind_label": edges["kind"].map(lambda k: value_label("link_kind", k, lang)),
            "x": edges["from_group"].map(where["x"]),
            "y": edges["from_group"].map(where["y"]),
            "x2": edges["to_group"].map(where["x"]),
            "y2": edges["to_group"].map(where["y"]),
            "since": edges["start_year"].astype("Int64").astype(str).replace("<NA>", "?"),
            "from_name": edges["from_group"].map(where["name"]),
            "to_name": edges["to_group"].map(where["name"]),
        }
    ).reset_index(drop=True)
    highlighted = {focus, *up, *down}
    edge_frame["on_path"] = [
        focus is None or (a in highlighted and b in highlighted) for a, b in zip(edge_frame["from"], edge_frame["to"])
    ]
    return nodes, edge_frame


def group_profile(groups: pd.DataFrame, group_id: str, sources: pd.DataFrame, lang: str) -> dict:
    """Names in both languages, years active, leaders, description and sources of one group."""
    row = groups.set_index("id").loc[group_id]
    founded = "?" if pd.isna(row["founded_year"]) else str(int(row["founded_year"]))
    ended = t("ongoing", lang) if pd.isna(row["end_year"]) else str(int(row["end_year"]))
    # Every language the row has a name in: the names a reader may meet the group under.
    names = [
        (code.upper(), row[f"name_{code}"], row.get(f"acronym_{code}", ""))
        for code in LANGUAGES
        if language_of(row, "name", code) == code
    ]
    return {
        "title": group_table([group_id], groups, lang)[0][0],
        "color": row["color"],
        "names": [f"{code}: {name}" + (f" ({acronym})" if acronym else "") for code, name, acronym in names],
        "years": f"{founded}–{ended}",
        "leaders": [leader for leader in str(row["leaders"] or "").split(";") if leader],
        "description": localized_cell(row, "description", lang),
        "notes": row["notes"],
        "sources": [source_markdown(e) for e in source_entries(row["source_ids"], sources)],
    }


def group_years(attacks: pd.DataFrame, group_id: str, span: tuple[int, int]) -> pd.DataFrame:
    """Attacks (foiled plots excluded) and killed (low estimate) per year for one group."""
    own = attacks[(attacks["group_id"] == group_id) & ~attacks["foiled"].astype(bool)]
    table = own.groupby("year").agg(attacks=("id", "size"), killed=("killed_low", "sum")).reset_index()
    table = table.astype({"year": int, "attacks": int, "killed": int})
    return table[table["year"].between(*span)].reset_index(drop=True)

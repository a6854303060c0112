"""How groups split, merged and pledged: the link graph for a year, laid out for drawing."""
from __future__ import annotations

import pandas as pd

from geo.filters import LINEAGE_KINDS, in_years, with_lineage
from geo.i18n import value_label
from geo.maplayers import group_table


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


def lineage_graph(groups: pd.DataFrame, links: pd.DataFrame, year: int, lang: str,
                  focus: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (groups founded by `year`, placed by founding year) and edges (links in force)."""
    active = in_years(groups, "groups", (int(groups["founded_year"].min()), year))
    active = active.sort_values(["founded_year", "id"], na_position="first", ignore_index=True)
    edges = links_in(links, year)
    edges = edges[edges["from_group"].isin(active["id"]) & edges["to_group"].isin(active["id"])]
    up = ancestors(focus, edges) if focus else []
    down = descendants(focus, edges) if focus else []
    labels = dict(zip(active["id"], (label for label, _ in group_table(list(active["id"]), groups, lang))))
    nodes = pd.DataFrame({
        "id": active["id"], "name": active["id"].map(labels),
        "short": [(a or n) for a, n in zip(active[f"acronym_{lang}"], active[f"name_{lang}"])],
        "x": active["founded_year"].fillna(active["founded_year"].min()).astype(int),
        "y": range(len(active)), "color": active["color"],
        "role": [role(g, focus, up, down) for g in active["id"]],
    })
    where = nodes.set_index("id")
    edge_frame = pd.DataFrame({
        "from": edges["from_group"], "to": edges["to_group"], "kind": edges["kind"],
        "kind_label": edges["kind"].map(lambda k: value_label("link_kind", k, lang)),
        "x": edges["from_group"].map(where["x"]), "y": edges["from_group"].map(where["y"]),
        "x2": edges["to_group"].map(where["x"]), "y2": edges["to_group"].map(where["y"]),
        "since": edges["start_year"].astype("Int64").astype(str).replace("<NA>", "?"),
        "from_name": edges["from_group"].map(where["name"]), "to_name": edges["to_group"].map(where["name"]),
    }).reset_index(drop=True)
    highlighted = {focus, *up, *down}
    edge_frame["on_path"] = [focus is None or (a in highlighted and b in highlighted)
                             for a, b in zip(edge_frame["from"], edge_frame["to"])]
    return nodes, edge_frame

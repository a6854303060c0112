"""Sources as cited: numbered entries, markdown links, site names."""

from __future__ import annotations

import re

import pandas as pd

from geo.text.escape import escape_markdown
from geo.text.i18n import t, value_label
from geo.text.numbers import number_text


def cited_sources(frame: pd.DataFrame, sources: pd.DataFrame) -> str:
    """'id (title, url); ...' for every source the rows of `frame` cite, each once."""
    ids = dict.fromkeys(
        i for cell in frame.get("source_ids", pd.Series(dtype=str)).fillna("") for i in cell.split(";") if i
    )
    known = sources.set_index("id")
    return "; ".join(
        f"{i} ({known.at[i, 'title']}, {known.at[i, 'url'] or known.at[i, 'publisher']})"
        for i in ids
        if i in known.index
    )


def cited_lines(source_ids: pd.Series, sources: pd.DataFrame) -> list[str]:
    """Markdown lines for every source cited in a column of ';'-separated ids, each once."""
    unique = ";".join(dict.fromkeys(i for cell in source_ids.fillna("") for i in cell.split(";") if i))
    return [source_markdown(entry) for entry in source_entries(unique, sources)]


def source_entries(source_ids: str, sources: pd.DataFrame) -> list[dict[str, str]]:
    """The cited sources of one row, in citation order, as plain dicts."""
    by_id = sources.set_index("id")
    entries = []
    for source_id in filter(None, source_ids.split(";")):
        if source_id in by_id.index:
            row = by_id.loc[source_id]
            entries.append(
                {
                    "id": source_id,
                    "title": row["title"],
                    "author": row["author"],
                    "publisher": row["publisher"],
                    "date": row["date"],
                    "url": row["url"],
                }
            )
    return entries


def numbered(lines: list[str]) -> str:
    """Markdown lines as one numbered list (Markdown numbers each "1." in turn)."""
    return "\n".join(f"1. {line}" for line in lines)


def source_markdown(entry: dict[str, str]) -> str:
    """One source as a markdown line: a link when it has a URL, a reference otherwise."""
    label = escape_markdown(entry["title"])
    details = ", ".join(escape_markdown(entry[k]) for k in ("author", "publisher", "date") if entry[k])
    url = entry["url"]
    head = f"[{label}](<{url}>)" if url.startswith(("https://", "http://")) and ">" not in url else label
    return f"{head} ({details})" if details else head


# A web address inside free text, without the punctuation that ends the sentence around it.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+?(?=[.,;:!?)\]]*(?:\s|$))")


def citation_markdown(line: str) -> str:
    """A free-text citation as markdown: its words shown literally, each web address a link.

    Escaped as a whole, an address kept the backslashes before its dots and became a link to
    another host (https://www%5C.bbc%5C.com/...)."""
    parts, last = [], 0
    for found in WEB_ADDRESS.finditer(line):
        url = found.group(0)
        parts += [escape_markdown(line[last : found.start()]), f"[{escape_markdown(url)}](<{url}>)"]
        last = found.end()
    return "".join([*parts, escape_markdown(line[last:])])


# Link cells show the site's name; the full address is one click away.
SITE_OF_URL = r"https?://(?:www\.)?([^/]+)"


def site_name(url: str) -> str:
    """'rferl.org' for 'https://www.rferl.org/a/...'; '' when `url` is not a web address."""
    found = re.match(SITE_OF_URL, str(url))
    return found.group(1) if found else ""


# Who says what, column by column: when, who, where it was published, which kind of source,
# killed, wounded, and whether the figure counts.
TOLL_COLUMNS = ("as_of", "given_by", "source", "kind", "killed", "wounded", "status")


def toll_figures(attack_id: str, tolls: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each figure the sources give for one attack, oldest first, as text in `lang` under
    `TOLL_COLUMNS` (the status names the latest official figure, or why a figure is left out),
    then the source's `url` and `latest`, true on the latest official figure."""
    mine = tolls[tolls["attack_id"] == attack_id].sort_values("as_of_date", kind="stable", na_position="first")
    publishers = dict(zip(sources["id"], sources["publisher"].where(sources["publisher"] != "", sources["title"])))
    official = mine[(mine["kind"] == "official") & (mine["excluded"] == "") & mine["as_of_date"].notna()]
    latest = official.index[-1] if len(official) else None

    def status(index, excluded: str) -> str:
        if excluded:
            return t("toll_left_out", lang, reason=excluded)
        return t("toll_latest_official", lang) if index == latest else ""

    def figure(value) -> str:
        return "" if pd.isna(value) else number_text(int(value), lang)

    return pd.DataFrame(
        {
            "as_of": mine["as_of"].replace("", t("undated", lang)),
            "given_by": mine["given_by"],
            "source": mine["source_id"].map(publishers).fillna(mine["source_id"]),
            "kind": mine["kind"].map(lambda kind: value_label("toll_kind", kind, lang)),
            "killed": mine["killed"].map(figure),
            "wounded": mine["wounded"].map(figure),
            "status": [status(i, e) for i, e in zip(mine.index, mine["excluded"])],
            "url": mine["source_id"].map(dict(zip(sources["id"], sources["url"]))).fillna(""),
            "latest": mine.index == latest,
        },
        columns=[*TOLL_COLUMNS, "url", "latest"],
    ).reset_index(drop=True)


def who_says_what(attack_id: str, tolls: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`toll_figures` as the record card shows them: `TOLL_COLUMNS`, headed in `lang`."""
    table = toll_figures(attack_id, tolls, sources, lang)[list(TOLL_COLUMNS)]
    return table.rename(columns={c: t(f"toll_column_{c}", lang) for c in TOLL_COLUMNS})

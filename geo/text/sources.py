"""Sources as cited: numbered entries, markdown links, site names."""

from __future__ import annotations

import re

import pandas as pd

from geo.text.escape import escape_markdown


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


# Link cells show the site's name; the full address is one click away.
SITE_OF_URL = r"https?://(?:www\.)?([^/]+)"


def site_name(url: str) -> str:
    """'rferl.org' for 'https://www.rferl.org/a/...'; '' when `url` is not a web address."""
    found = re.match(SITE_OF_URL, str(url))
    return found.group(1) if found else ""

"""Tables as shown and exported: plain columns, source links, safe CSV, citations."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

from geo.i18n import column_label, dataset_label, t

# A spreadsheet runs a cell starting with these as a formula when the CSV is opened.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def for_display(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The dataset without geometry, dates as text, and the URL of its first source."""
    table = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]):
            table[column] = table[column].dt.strftime("%Y-%m-%d")
    if "source_ids" in table:
        urls = dict(zip(sources["id"], sources["url"]))
        first = table["source_ids"].str.split(";").str[0]
        table.insert(1, "source_url", first.map(urls).replace("", None))
    return table.reset_index(drop=True)


def defuse_formula(value):
    """Prefix a cell that a spreadsheet would run as a formula with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of `frame` (no geometry) whose text cells cannot run as formulas."""
    table = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    text_columns = [c for c in table.columns if table[c].dtype == object or pd.api.types.is_string_dtype(table[c])]
    for column in text_columns:
        table[column] = table[column].map(defuse_formula)
    return table.to_csv(index=False).encode("utf-8")


def cited_sources(frame: pd.DataFrame, sources: pd.DataFrame) -> str:
    """'id (title, url); ...' for every source the rows of `frame` cite, each once."""
    ids = dict.fromkeys(i for cell in frame.get("source_ids", pd.Series(dtype=str)).fillna("") for i in cell.split(";") if i)
    known = sources.set_index("id")
    return "; ".join(f"{i} ({known.at[i, 'title']}, {known.at[i, 'url'] or known.at[i, 'publisher']})"
                     for i in ids if i in known.index)


def cited_lines(source_ids: pd.Series, sources: pd.DataFrame) -> list[str]:
    """Markdown lines for every source cited in a column of ';'-separated ids, each once."""
    unique = ";".join(dict.fromkeys(i for cell in source_ids.fillna("") for i in cell.split(";") if i))
    return [source_markdown(entry) for entry in source_entries(unique, sources)]


def to_csv_with_citation(frame: pd.DataFrame, sources: pd.DataFrame, caption: str, lang: str,
                         today: date | None = None) -> bytes:
    """The CSV of `frame` after one '#' line saying where it comes from and which sources it cites."""
    line = t("csv_citation", lang, today=(today or date.today()).isoformat(), caption=caption,
             sources=cited_sources(frame, sources))
    return (line.replace("\n", " ") + "\n").encode("utf-8") + to_csv_bytes(frame)


def escape_markdown(text: str) -> str:
    """Text that Streamlit's markdown shows literally, HTML and markup included."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def source_entries(source_ids: str, sources: pd.DataFrame) -> list[dict[str, str]]:
    """The cited sources of one row, in citation order, as plain dicts."""
    by_id = sources.set_index("id")
    entries = []
    for source_id in filter(None, source_ids.split(";")):
        if source_id in by_id.index:
            row = by_id.loc[source_id]
            entries.append({"id": source_id, "title": row["title"], "author": row["author"],
                            "publisher": row["publisher"], "date": row["date"], "url": row["url"]})
    return entries


def source_markdown(entry: dict[str, str]) -> str:
    """One source as a markdown line: a link when it has a URL, a reference otherwise."""
    label = escape_markdown(entry["title"])
    details = ", ".join(escape_markdown(entry[k]) for k in ("author", "publisher", "date") if entry[k])
    url = entry["url"]
    head = f"[{label}](<{url}>)" if url.startswith(("https://", "http://")) and ">" not in url else label
    return f"{head} ({details})" if details else head


def citation(name: str, rows: int, lang: str, today: date | None = None) -> str:
    """How to cite a dataset of the dashboard."""
    today = today or date.today()
    return t("cite_text", lang, name=dataset_label(name, lang), rows=rows, today=today.isoformat())


LINK_COLUMNS = ("source_url", "url")
# Link cells show the site's name; the full address is one click away.
SITE_OF_URL = r"https?://(?:www\.)?([^/]+)"


def column_labels(table: pd.DataFrame, lang: str) -> dict[str, str]:
    """Header of each column of `table` in `lang`."""
    return {column: column_label(column, lang) for column in table.columns}


def row_counts(tables: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """How many rows each dataset holds, labelled in `lang`."""
    names = [n for n in tables if n != "countries"]
    return pd.DataFrame({
        t("dataset", lang): [dataset_label(n, lang) for n in names],
        t("rows", lang): [len(tables[n]) for n in names],
    })

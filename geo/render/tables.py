"""Tables as shown and exported: plain columns, source links, safe CSV, citations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial

import pandas as pd

from geo.analysis.filters import CURATED
from geo.data.countries import country_name
from geo.data.schema import SPECS
from geo.data.vocab import UNKNOWN_GROUP
from geo.map.placenames import place_name
from geo.text.escape import defuse_formula
from geo.text.i18n import column_label, dataset_label, t, value_label
from geo.text.labels import group_labels
from geo.text.numbers import date_text, number_text, toll_text
from geo.text.sources import cited_sources, site_name


def for_display(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The dataset without geometry, dates as text, and the URL of its first source."""
    table = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]):
            table[column] = table[column].dt.strftime("%Y-%m-%d")
    cited = source_column(table)
    if cited:
        urls = dict(zip(sources["id"], sources["url"]))
        first = table[cited].str.split(";").str[0]
        table.insert(1, "source_url", first.map(urls).replace("", None))
    return table.reset_index(drop=True)


def source_column(table: pd.DataFrame) -> str | None:
    """The column citing each row's sources: `source_ids`, or `source_id` where a row has one
    source (tolls.csv); None for a table that cites none."""
    return next((column for column in ("source_ids", "source_id") if column in table), None)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of `frame` (no geometry) whose text cells cannot run as formulas."""
    table = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    text_columns = [c for c in table.columns if table[c].dtype == object or pd.api.types.is_string_dtype(table[c])]
    for column in text_columns:
        table[column] = table[column].map(defuse_formula)
    return table.to_csv(index=False).encode("utf-8")


def to_csv_with_citation(
    frame: pd.DataFrame, sources: pd.DataFrame, caption: str, lang: str, today: date | None = None
) -> bytes:
    """The CSV of `frame` after one '#' line saying where it comes from and which sources it cites."""
    line = t(
        "csv_citation",
        lang,
        today=(today or date.today()).isoformat(),
        caption=caption,
        sources=cited_sources(frame, sources),
    )
    return (line.replace("\n", " ") + "\n").encode("utf-8") + to_csv_bytes(frame)


def citation(name: str, rows: int, lang: str, today: date | None = None) -> str:
    """How to cite a dataset of the dashboard."""
    today = today or date.today()
    return t("cite_text", lang, name=dataset_label(name, lang), rows=rows, today=today.isoformat())


LINK_COLUMNS = ("source_url", "url")


def column_labels(table: pd.DataFrame, lang: str) -> dict[str, str]:
    """Header of each column of `table` in `lang`."""
    return {column: column_label(column, lang) for column in table.columns}


def each_distinct(function, *columns: pd.Series) -> list:
    """`function(*values)` for each row of `columns`, called once per distinct combination of values:
    an imported export repeats the same few sources, tolls and places over thousands of rows."""
    frame = pd.DataFrame({number: column.to_numpy() for number, column in enumerate(columns)})
    # With sort=False, groups are numbered in the order drop_duplicates keeps their first rows.
    codes = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup()
    results = [function(*values) for values in frame.drop_duplicates().itertuples(index=False)]
    return [results[code] for code in codes]


def cited_sites(source_ids: pd.Series, sources: pd.DataFrame, fallback: pd.Series) -> tuple[list, list]:
    """Per row, the address of its first source with one, and the site names of the others (the
    publisher for a source without an address); a row citing nothing shows its `fallback` text."""
    urls = {i: u for i, u in zip(sources["id"], sources["url"]) if site_name(u)}
    names = {
        i: site_name(urls[i]) if i in urls else (publisher or title)
        for i, publisher, title in zip(sources["id"], sources["publisher"], sources["title"])
    }

    def of_row(cell: str, default: str) -> tuple[str, list[str]]:
        cited = [i for i in cell.split(";") if i in names]
        linked = next((i for i in cited if i in urls), None)
        rest = list(dict.fromkeys(names[i] for i in cited if i != linked))
        return (urls[linked] if linked else ""), (rest if cited else [default] if default else [])

    pairs = each_distinct(of_row, source_ids.fillna(""), fallback)
    return [first for first, _ in pairs], [others for _, others in pairs]


ATTACK_TABLE_COLUMNS = (
    "date",
    "place",
    "country",
    "group",
    "killed",
    "wounded",
    "date_precision",
    "location_precision",
    "source",
    "other_sources",
    "id",
)


@dataclass(frozen=True)
class Column:
    """How a table column is shown: its header, its kind ("text", "link" to a web address shown as the
    site's name, "list", "number", "count" (a whole number), "date", or "choice" among `options`,
    the one column a person may edit) and an optional help text."""

    label: str
    kind: str = "text"
    help: str | None = None
    # The values a "choice" column lets a person pick from.
    options: tuple[str, ...] = ()


def tolls_by_source(attack_ids: pd.Series, tolls: pd.DataFrame) -> pd.Series:
    """Per attack, every figure its sources give, oldest first, in one cell of a CSV:
    'killed 54, wounded 83 (CTD, via Dawn; dawn_bajaur_2023; 2023-07-31); ...'."""

    def entry(row) -> str:
        figures = ", ".join(f"{m} {int(row[m])}" for m in ("killed", "wounded") if pd.notna(row[m]))
        left_out = f"; left out: {row['excluded']}" if row["excluded"] else ""
        return f"{figures} ({row['given_by']}; {row['source_id']}; {row['as_of'] or 'undated'}{left_out})"

    ordered = tolls.sort_values(["attack_id", "as_of_date"], kind="stable", na_position="first")
    cells = ordered.assign(entry=ordered.apply(entry, axis=1)).groupby("attack_id")["entry"].agg("; ".join)
    return attack_ids.map(cells).fillna("")


def attack_table(
    attacks: pd.DataFrame, groups: pd.DataFrame, sources: pd.DataFrame, lang: str
) -> tuple[pd.DataFrame, dict[str, Column]]:
    """Attacks as every page lists them, in `lang`: when, where, who, the toll as ranges, how precise,
    the sources as linked site names, and the id last; and how each column is shown."""
    names = group_labels(groups, lang)
    names[UNKNOWN_GROUP] = t("unknown_group", lang)
    origin = attacks["origin"] if "origin" in attacks else pd.Series(CURATED, index=attacks.index)
    first, others = cited_sites(attacks["source_ids"], sources, origin.where(origin != CURATED, ""))
    toll = partial(toll_text, lang=lang)
    table = pd.DataFrame(
        {
            "date": date_text(attacks["date"], attacks["date_precision"]).to_numpy(),
            "place": each_distinct(
                lambda city, code: place_name(city, code, lang), attacks["city"].fillna(""), attacks["country_iso3"]
            ),
            "country": each_distinct(lambda code: country_name(code, lang), attacks["country_iso3"]),
            "group": each_distinct(lambda group: names.get(group, group), attacks["group_id"]),
            "killed": each_distinct(toll, attacks["killed_low"], attacks["killed_high"]),
            "wounded": each_distinct(toll, attacks["wounded_low"], attacks["wounded_high"]),
            "date_precision": each_distinct(
                lambda v: value_label("date_precision", v, lang), attacks["date_precision"]
            ),
            "location_precision": each_distinct(
                lambda v: value_label("location_precision", v, lang), attacks["location_precision"]
            ),
            "source": first,
            "other_sources": others,
            "id": attacks["id"].to_numpy(),
        },
        columns=list(ATTACK_TABLE_COLUMNS),
    )
    labels = column_labels(table, lang)
    columns = {name: Column(label) for name, label in labels.items()}
    columns.update(
        killed=Column(labels["killed"], help=t("range_help", lang)),
        wounded=Column(labels["wounded"], help=t("range_help", lang)),
        source=Column(labels["source"], "link"),
        other_sources=Column(labels["other_sources"], "list"),
    )
    return table, columns


# Past this many rows a table would not reach the browser (a 1,000,000-event import makes a
# message of some 200 MB, past Streamlit's limit) and no reader scrolls it: the page lists the
# first ones and says where all of them are.
TABLE_ROWS_SHOWN = 10_000


def listed_rows(frame: pd.DataFrame, limit: int = TABLE_ROWS_SHOWN) -> pd.DataFrame:
    """The rows of `frame` a page's table lists: the first `limit`, in the frame's order."""
    return frame.iloc[:limit]


def rows_left_out_note(listed: int, total: int, lang: str) -> str | None:
    """What a table that lists `listed` of `total` rows says of the others; None when it lists all."""
    if listed >= total:
        return None
    return t("table_rows_capped", lang, shown=number_text(listed, lang), total=number_text(total, lang))


def sortable_attack_table(
    attacks: pd.DataFrame, groups: pd.DataFrame, sources: pd.DataFrame, lang: str
) -> tuple[pd.DataFrame, dict[str, Column]]:
    """`attack_table` with the date as a date and the tolls as numbers, so that the table sorts by
    them: a date known to the month or the year counts as its first day (its precision is the next
    column), a toll is its low estimate (the record card gives the range), empty when unknown."""
    table, columns = attack_table(attacks, groups, sources, lang)
    table["date"] = pd.to_datetime(attacks["date"]).dt.normalize().to_numpy()
    for name in ("killed", "wounded"):
        table[name] = pd.to_numeric(attacks[f"{name}_low"], errors="coerce").astype("Int64").to_numpy()
        columns[name] = Column(columns[name].label, "count", t("low_estimate_help", lang))
    columns["date"] = Column(columns["date"].label, "date")
    return table, columns


# The columns of each dataset that hold a closed vocabulary, and that vocabulary's name in geo.i18n.
VOCABULARY_COLUMNS = {
    "events": {"date_precision": "date_precision", "kind": "event_kind"},
    "bases": {"kind": "kind", "location_precision": "location_precision"},
    "borders": {"status": "status"},
    "group_links": {"kind": "link_kind"},
    "memberships": {"status": "membership_status"},
    "context": {"unit": "unit"},
    "tolls": {"kind": "toll_kind"},
    "sources": {"kind": "source_kind"},
}


def dataset_table(table: pd.DataFrame, name: str, lang: str) -> tuple[pd.DataFrame, dict[str, Column]]:
    """A `for_display` table of dataset `name` as the Data page lists it: only the file's own columns
    and the first source, vocabulary values and headers in `lang`, addresses as site names."""
    own = [c for c in table.columns if c in SPECS[name].columns or c == "source_url"]
    shown = table[own].copy()
    for column, vocabulary in VOCABULARY_COLUMNS.get(name, {}).items():
        shown[column] = shown[column].map(partial(value_label, vocabulary, lang=lang))
    return shown, {
        name: Column(label, "link" if name in LINK_COLUMNS else "text")
        for name, label in column_labels(shown, lang).items()
    }


def row_counts(tables: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """How many rows each dataset holds, labelled in `lang`."""
    names = [n for n in tables if n != "countries"]
    return pd.DataFrame(
        {
            t("dataset", lang): [dataset_label(n, lang) for n in names],
            t("rows", lang): [len(tables[n]) for n in names],
        }
    )


# A link's decision as the table offers it: "" while the link is only proposed.
DECISIONS = ("", "confirmed", "rejected")
LINK_TABLE_COLUMNS = (
    "decision",
    "differs",
    "record_id",
    "linked_to",
    "score",
    "date_a",
    "date_b",
    "days_apart",
    "place_a",
    "place_b",
    "km_apart",
    "group_a",
    "group_b",
    "killed_a",
    "killed_b",
    "wounded_a",
    "wounded_b",
    "reasons",
)


def decision_label(decision: str, lang: str) -> str:
    return t(f"link_{decision or 'proposed'}", lang)


def link_table(review: pd.DataFrame, groups: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, Column]]:
    """The compared links (`geo.analysis.disagreements.compared`) as a person reviews them, in
    `lang`: the decision first, what differs, both records' date, place, group and tolls, the
    distance between them and the reasons for the link; with each column's description."""
    names = {**group_labels(groups, lang), UNKNOWN_GROUP: t("unknown_group", lang)}

    def dates(column: str) -> pd.Series:
        return pd.to_datetime(review[column]).dt.strftime("%Y-%m-%d").fillna("")

    def places(side: str) -> list[str]:
        return [
            ", ".join(
                filter(
                    None,
                    [
                        place_name(str(city), code, lang) if pd.notna(city) else "",
                        country_name(code, lang) if code else "",
                    ],
                )
            )
            for city, code in zip(review[f"city_{side}"], review[f"country_iso3_{side}"].fillna(""))
        ]

    def tolls(kind: str, side: str) -> list[str]:
        return [toll_text(lo, hi, lang) for lo, hi in zip(review[f"{kind}_low_{side}"], review[f"{kind}_high_{side}"])]

    table = pd.DataFrame(
        {
            "decision": review["decision"].map(lambda d: decision_label(d, lang)),
            "differs": review["differs"].map(lambda aspects: [t(f"differs_{a}", lang) for a in aspects]),
            "record_id": review["record_id"],
            "linked_to": review["linked_to"],
            "score": review["score"],
            "date_a": dates("date_a"),
            "date_b": dates("date_b"),
            "days_apart": review["days_apart"],
            "place_a": places("a"),
            "place_b": places("b"),
            "km_apart": review["km_apart"],
            "group_a": review["group_id_a"].map(lambda g: names.get(g, g)),
            "group_b": review["group_id_b"].map(lambda g: names.get(g, g)),
            "killed_a": tolls("killed", "a"),
            "killed_b": tolls("killed", "b"),
            "wounded_a": tolls("wounded", "a"),
            "wounded_b": tolls("wounded", "b"),
            "reasons": review["reasons"],
        },
        columns=list(LINK_TABLE_COLUMNS),
    ).reset_index(drop=True)
    columns = {name: Column(t(f"link_column_{name}", lang)) for name in LINK_TABLE_COLUMNS}
    columns["decision"] = Column(
        t("link_column_decision", lang),
        "choice",
        t("link_decision_help", lang),
        tuple(decision_label(d, lang) for d in DECISIONS),
    )
    columns["differs"] = Column(t("link_column_differs", lang), "list")
    for name in ("score", "days_apart", "km_apart"):
        columns[name] = Column(t(f"link_column_{name}", lang), "number")
    return table, columns


def decisions_made(
    decisions: Mapping[tuple[str, str], str], edited: pd.DataFrame, shown: pd.DataFrame, lang: str
) -> dict[tuple[str, str], str]:
    """`decisions` with those of the pairs `shown` replaced by what the edited table now says;
    links set back to proposed are left out, and the pairs not shown keep their decision."""
    by_label = {decision_label(d, lang): d for d in DECISIONS}
    pairs = list(zip(shown["record_id"], shown["linked_to"]))
    kept = {pair: decision for pair, decision in decisions.items() if pair not in set(pairs)}
    chosen = edited["decision"].map(by_label).fillna("")
    return kept | {pair: decision for pair, decision in zip(pairs, chosen) if decision}

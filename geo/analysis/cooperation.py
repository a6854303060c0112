"""Regional security cooperation: who belonged to what, year by year, and foreign bases."""

from __future__ import annotations

import pandas as pd

from geo.data.countries import country_name
from geo.text.i18n import value_label
from geo.text.localized import language_of, localized

COOPERATION_KINDS = (
    "treaty",
    "membership",
    "exercise",
    "aid_programme",
    "summit",
    "base_opened",
    "base_closed",
    "intervention",
)


def organization_labels(organizations: pd.DataFrame, lang: str) -> dict[str, str]:
    """Organisation id -> 'ACRONYM · Name' in `lang`."""
    labels = {}
    for row in organizations.itertuples(index=False):
        code = language_of(row, "name", lang)
        labels[row.id] = f"{getattr(row, f'acronym_{code}')} · {getattr(row, f'name_{code}')}"
    return labels


def organization_acronyms(organizations: pd.DataFrame, lang: str) -> dict[str, str]:
    """Organisation id -> its acronym in `lang`, as a sentence names it."""
    return {
        row.id: getattr(row, f"acronym_{language_of(row, 'name', lang)}")
        for row in organizations.itertuples(index=False)
    }


def status_in_year(memberships: pd.DataFrame, org_id: str, year: int) -> pd.DataFrame:
    """Each country's status in `org_id` during `year`: the latest status that held at some point of it."""
    first, last = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    rows = memberships[
        (memberships["org_id"] == org_id)
        & (memberships["start"] <= last)
        & (memberships["end"].isna() | (memberships["end"] >= first))
    ]
    latest = rows.sort_values("start").groupby("country_iso3", as_index=False).last()
    return latest[["country_iso3", "status", "start", "end", "source_ids"]].reset_index(drop=True)


def membership_table(statuses: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Statuses with country and status names in `lang`, for a table beside the map."""
    return pd.DataFrame(
        {
            "country": statuses["country_iso3"].map(lambda c: country_name(c, lang)),
            "status": statuses["status"].map(lambda s: value_label("membership_status", s, lang)),
            "since": statuses["start"].dt.strftime("%Y-%m-%d"),
            "until": statuses["end"].dt.strftime("%Y-%m-%d").fillna(""),
            "sources": statuses["source_ids"],
        }
    )


def organizations_in(organizations: pd.DataFrame, memberships: pd.DataFrame) -> list[str]:
    """Organisations that have at least one membership row, oldest first."""
    with_members = organizations[organizations["id"].isin(memberships["org_id"])]
    return list(with_members.sort_values(["founded_year", "id"])["id"])


def base_periods(bases: pd.DataFrame, last_year: int, lang: str) -> pd.DataFrame:
    """Foreign military bases as periods [start, end], open ones running to `last_year`."""
    foreign = bases[bases["kind"] == "foreign_military_base"]
    return pd.DataFrame(
        {
            "name": localized(foreign, "name", lang),
            "operator": foreign["operator"].map(lambda c: country_name(c, lang)),
            "operator_iso3": foreign["operator"],
            "country": foreign["country_iso3"].map(lambda c: country_name(c, lang)),
            "start": foreign["start_year"].astype(int),
            "end": foreign["end_year"].fillna(last_year).astype(int),
            "open": foreign["end_year"].isna(),
        }
    ).sort_values(["start", "name"], ignore_index=True)


def indicators(context: pd.DataFrame, topic: str, lang: str) -> dict[str, str]:
    """The indicators of a context topic and their labels in `lang`, the most documented first."""
    rows = context[context["topic"] == topic]
    ranked = rows["indicator"].value_counts()
    labels = localized(rows.drop_duplicates("indicator").set_index("indicator"), "label", lang)
    return {indicator: f"{labels[indicator]} ({count})" for indicator, count in ranked.items()}


def indicator_rows(context: pd.DataFrame, indicator: str, lang: str) -> pd.DataFrame:
    """One indicator's figures with country names, ready to chart and to list."""
    rows = context[context["indicator"] == indicator].sort_values(["country_iso3", "year"])
    return pd.DataFrame(
        {
            "country": rows["country_iso3"].map(lambda c: country_name(c, lang) if c else "—"),
            "country_iso3": rows["country_iso3"],
            "year": rows["year"].astype(int),
            "low": rows["value_low"],
            "high": rows["value_high"],
            "unit": rows["unit"].map(lambda unit: value_label("unit", unit, lang)),
            "label": localized(rows, "label", lang),
            "notes": rows["notes"],
            "sources": rows["source_ids"],
        }
    ).reset_index(drop=True)

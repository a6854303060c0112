"""Counts over time: attacks and tolls per year, inside and outside the region, abroad."""

from __future__ import annotations

import pandas as pd

from geo.analysis.filters import casualties_high
from geo.data.countries import CENTRAL_ASIA, country_name
from geo.palette import OKABE_ITO, OTHER_COLOR
from geo.text.i18n import t, value_label
from geo.text.labels import group_table
from geo.text.localized import localized

# The essay's three periods: the IMU's rise, the al-Qaida years after 2001, the ISKP era.
ERAS = (("era_roots", 1991, 2001), ("era_al_qaeda", 2001, 2015), ("era_iskp", 2015, None))


MEASURES = ("attacks", "killed", "wounded")


EVENT_LIST_LIMIT = 6


def eras(last_year: int, lang: str) -> pd.DataFrame:
    """The periods as [start, end) year bands with their labels."""
    return pd.DataFrame(
        [{"era": t(key, lang), "start": start, "end": end or last_year + 1} for key, start, end in ERAS]
    )


def _measure(attacks: pd.DataFrame, measure: str) -> tuple[pd.Series, pd.Series]:
    """Per-row low and high values of `measure` (plots count as attacks only when not foiled)."""
    if measure == "attacks":
        done = (~attacks["foiled"].astype(bool)).astype("int64")
        return done, done
    low = attacks[f"{measure}_low"].fillna(0).astype("int64")
    high = attacks[f"{measure}_high"].fillna(attacks[f"{measure}_low"]).fillna(0).astype("int64")
    return low, high


def event_line(row) -> str:
    """'2024-03-22 Krasnogorsk (RUS)': one attack in a hover list."""
    place = row.city or row.country_iso3
    return f"{row.date:%Y-%m-%d} {place} ({row.country_iso3})"


def yearly(attacks: pd.DataFrame, keys: pd.Series, measure: str) -> pd.DataFrame:
    """Per year and per series label in `keys`: low and high totals of `measure`, and the attacks behind them."""
    low, high = _measure(attacks, measure)
    frame = pd.DataFrame(
        {
            "year": attacks["year"].astype(int),
            "label": keys,
            "low": low,
            "high": high,
            "line": [event_line(r) for r in attacks.itertuples(index=False)],
        }
    )
    grouped = frame.groupby(["year", "label"], sort=True)
    table = grouped.agg(low=("low", "sum"), high=("high", "sum"), count=("line", "size")).reset_index()
    lines = grouped["line"].apply(
        lambda items: "; ".join(list(items)[:EVENT_LIST_LIMIT]) + (" …" if len(items) > EVENT_LIST_LIMIT else "")
    )
    table["events"] = lines.to_numpy()
    return table


def inside_outside(attacks: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Attacks (foiled plots excluded) per year in Central Asia and elsewhere."""
    done = attacks[~attacks["foiled"].astype(bool)]
    inside = done["country_iso3"].isin(CENTRAL_ASIA)
    frame = pd.DataFrame(
        {
            "year": done["year"].astype(int),
            "inside": inside,
            "where": inside.map({True: t("inside_region", lang), False: t("outside_region", lang)}),
        }
    )
    return frame.groupby(["year", "inside", "where"]).size().rename("attacks").reset_index()


def central_asian_origins(cell: str) -> list[str]:
    """The Central Asian countries among a ';'-separated list of nationalities."""
    return [code for code in str(cell or "").split(";") if code in CENTRAL_ASIA]


def abroad(attacks: pd.DataFrame, countries, lang: str) -> pd.DataFrame:
    """One row per attack outside Central Asia and per Central Asian nationality of its perpetrators,
    with the origin country's centre and the attack site."""
    centres = {row.iso3: row.geometry.representative_point() for row in countries.itertuples(index=False)}
    outside = attacks[~attacks["country_iso3"].isin(CENTRAL_ASIA)]
    rows = []
    for attack, casualties in zip(outside.itertuples(index=False), casualties_high(outside)):
        for origin in central_asian_origins(attack.perpetrator_nationalities):
            rows.append(
                {
                    "id": attack.id,
                    "year": int(attack.year),
                    "date": f"{attack.date:%Y-%m-%d}",
                    "origin": origin,
                    "origin_name": country_name(origin, lang),
                    "origin_lon": centres[origin].x,
                    "origin_lat": centres[origin].y,
                    "destination": attack.country_iso3,
                    "destination_name": country_name(attack.country_iso3, lang),
                    "lon": attack.lon,
                    "lat": attack.lat,
                    "place": attack.city or country_name(attack.country_iso3, lang),
                    "foiled": bool(attack.foiled),
                    "casualties": int(casualties),
                }
            )
    columns = [
        "id",
        "year",
        "date",
        "origin",
        "origin_name",
        "origin_lon",
        "origin_lat",
        "destination",
        "destination_name",
        "lon",
        "lat",
        "place",
        "foiled",
        "casualties",
    ]
    return pd.DataFrame(rows, columns=columns)


def counts_by(frame: pd.DataFrame, column: str, name_column: str) -> pd.DataFrame:
    """How many distinct attacks each value of `column` has, most first."""
    counted = frame.groupby([column, name_column])["id"].nunique().rename("attacks").reset_index()
    return counted.sort_values(["attacks", name_column], ascending=[False, True], ignore_index=True)


def key_events(events: pd.DataFrame, lang: str, kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Dated events for a timeline: date, year, kind label and title in `lang`."""
    chosen = events if kinds is None else events[events["kind"].isin(kinds)]
    return pd.DataFrame(
        {
            "date": chosen["date"],
            "year": chosen["year"].astype(int),
            "kind": chosen["kind"],
            "kind_label": chosen["kind"].map(lambda k: value_label("event_kind", k, lang)),
            "title": localized(chosen, "title", lang),
            "id": chosen["id"],
        }
    ).sort_values("date", ignore_index=True)


def stack_keys(
    attacks: pd.DataFrame, groups: pd.DataFrame, by: str, lang: str, top: int = 7
) -> tuple[pd.Series, dict[str, str]]:
    """The series each attack is stacked in, and each series' colour by its label.

    Groups keep their own colours; countries beyond the `top` most hit share one grey series."""
    if by == "group":
        ids = list(dict.fromkeys(attacks["group_id"]))
        table = group_table(ids, groups, lang)
        labels = {gid: label for gid, (label, _) in zip(ids, table)}
        return attacks["group_id"].map(labels), {label: color for label, color in table}
    ranked = attacks["country_iso3"].value_counts()
    kept = list(ranked.index[:top]) if len(ranked) > top + 1 else list(ranked.index)
    other = t("other_countries", lang)
    keys = attacks["country_iso3"].map(lambda c: country_name(c, lang) if c in kept else other)
    colors = {country_name(c, lang): OKABE_ITO[i % len(OKABE_ITO)] for i, c in enumerate(kept)}
    if len(kept) < len(ranked):
        colors[other] = OTHER_COLOR
    return keys, colors

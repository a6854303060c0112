"""Borders and bases as GeoJSON features with their styles, tooltips and popups (as
static/map/README.md describes them for `L.cajnFeatures`)."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.analysis.filters import in_years
from geo.data.countries import country_name
from geo.map.basemap import collection, feature
from geo.palette import UNKNOWN_COLOR
from geo.text.i18n import t, value_label
from geo.text.labels import group_table
from geo.text.localized import localized_cell
from geo.text.sources import source_entries

# Okabe-Ito orange to vermillion: colour-blind-safe, and distinct from the groups' circles.
BORDER_STYLES = {
    "clashes": {"color": "#d55e00", "weight": 4, "dashArray": None},
    "mined": {"color": "#b2182b", "weight": 4, "dashArray": "2 6"},
    "closed": {"color": "#000000", "weight": 3, "dashArray": "10 6"},
    "fenced": {"color": "#555555", "weight": 3, "dashArray": "4 4"},
    "trafficking_route": {"color": "#6a3d9a", "weight": 3, "dashArray": "1 7"},
}


SEVERITY = ("clashes", "mined", "closed", "fenced", "trafficking_route")


BASE_SHAPES = {
    "base": "triangle",
    "safe_haven": "triangle",
    "training_camp": "triangle",
    "operating_area": "area",
    "foreign_military_base": "square",
}


FOREIGN_BASE_COLOR = "#4d4d4d"


def _period(start, end, lang: str) -> str:
    start_text = "?" if pd.isna(start) else str(int(start))
    return f"{start_text}–{t('ongoing', lang) if pd.isna(end) else int(end)}"


def _years(start, end) -> list[int | None]:
    """A period as the browser filters it: [start, end], None where the data gives no year."""
    return [None if pd.isna(start) else int(start), None if pd.isna(end) else int(end)]


def _style(status: str) -> dict:
    return {k: v for k, v in BORDER_STYLES[status].items() if v is not None}


def border_statuses(borders: gpd.GeoDataFrame, years: tuple[int, int]) -> list[str]:
    """The statuses of the borders active in `years`, gravest first, as the legend lists them."""
    shown = set(in_years(borders, "borders", years)["status"])
    return [s for s in SEVERITY if s in shown]


def border_collection(
    borders: gpd.GeoDataFrame, years: tuple[int, int] | None, sources: pd.DataFrame, lang: str
) -> tuple[dict, list[str]]:
    """One line per border pair, styled by its gravest status in `years` (every year when None);
    the statuses shown. Each line carries its statuses' periods, gravest first, for a time bar to
    restyle or hide it in the browser."""
    active = borders if years is None else in_years(borders, "borders", years)
    features, shown = [], set()
    for (a, b), rows in active.groupby(["country_a", "country_b"], sort=True):
        rows = rows.assign(rank=rows["status"].map(SEVERITY.index)).sort_values(["rank", "start_year"])
        gravest = rows.iloc[0]
        shown.update(rows["status"])
        title = f"{country_name(a, lang)} – {country_name(b, lang)}"
        statuses = [
            [value_label("status", r.status, lang), _period(r.start_year, r.end_year, lang)]
            for r in rows.itertuples(index=False)
        ]
        cited = [e for ids in rows["source_ids"] for e in source_entries(ids, sources)]
        popup = {
            "title": title,
            "rows": [{"label": label, "value": period} for label, period in statuses],
            "text": localized_cell(gravest, "description", lang),
            "sources": [{"title": e["title"], "url": e["url"]} for e in cited],
            "sourcesLabel": t("sources", lang),
        }
        periods = [{"years": _years(r.start_year, r.end_year), "style": _style(r.status)} for r in rows.itertuples()]
        properties = {
            "style": _style(gravest["status"]),
            "tip": [title] + [" ".join(s) for s in statuses],
            "popup": popup,
            "periods": periods,
        }
        features.append(feature(gravest.geometry, properties, 4))
    return collection(features), [s for s in SEVERITY if s in shown]


def base_collection(bases: gpd.GeoDataFrame, groups: pd.DataFrame, sources: pd.DataFrame, lang: str) -> dict:
    """Bases, havens and camps as symbols, operating areas as circles of their radius."""
    colors = dict(zip(groups["id"], groups["color"]))
    labels = {gid: label for gid, (label, _) in zip(groups["id"], group_table(list(groups["id"]), groups, lang))}
    features = []
    for row in bases.itertuples(index=False):
        foreign = row.kind == "foreign_military_base"
        color = FOREIGN_BASE_COLOR if foreign else colors.get(row.group_id) or UNKNOWN_COLOR
        owner = row.operator if foreign else labels.get(row.group_id, row.group_id)
        name = localized_cell(row, "name", lang)
        period = _period(row.start_year, row.end_year, lang)
        shape = BASE_SHAPES[row.kind]
        style = {"color": color, "fillColor": color, "weight": 1.5, "fillOpacity": 0.12, "dashArray": "6 4"}
        rows = [
            (t("kind", lang), value_label("kind", row.kind, lang)),
            (t("operator" if foreign else "group", lang), owner),
            (t("period", lang), period),
            (
                t("place", lang),
                f"{country_name(row.country_iso3, lang)} "
                f"({value_label('location_precision', row.location_precision, lang)})",
            ),
        ]
        if shape == "area" and not pd.isna(row.radius_km):
            rows.append((t("radius", lang), f"{row.radius_km:g} km"))
        popup = {
            "title": name,
            "color": color,
            "rows": [{"label": label, "value": value} for label, value in rows],
            "sourcesLabel": t("sources", lang),
            "sources": [{"title": e["title"], "url": e["url"]} for e in source_entries(row.source_ids, sources)],
        }
        properties = {
            "point": shape,
            "style": style,
            "tip": [name, f"{owner} · {period}"],
            "popup": popup,
            "years": _years(row.start_year, row.end_year),
        }
        if shape == "area":
            properties["radius_m"] = float(row.radius_km if not pd.isna(row.radius_km) else 25) * 1000
        features.append(feature(row.geometry, properties, 4))
    return collection(features)

"""Titles, captions and subtitles that name the period and filters of a view."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from geo import params
from geo.text.i18n import column_label, t, value_label
from geo.text.numbers import number_text


def view_caption(criteria: Mapping, names: Mapping[str, Mapping[str, str]], lang: str) -> str:
    """One line naming the period and every active filter, for screenshots and exports; `names`
    gives, for each list filter, the short name of each of its ids (groups by acronym)."""
    low, high = criteria["years"]
    parts = [t("caption_period", lang, low=low, high=high) if low != high else str(low)]
    if criteria.get("region", "all") != "all":
        parts.append(t("caption_region_" + criteria["region"], lang))
    excluded = criteria.get("country_mode") == "exclude"
    for key, label, param in (
        ("groups", "groups", params.GROUPS),
        ("countries", "countries_excluded" if excluded else "countries", params.COUNTRIES),
        ("attack_types", "attack_types", params.ATTACK_TYPES),
        ("target_types", "target_types", params.TARGET_TYPES),
        ("nationalities", "nationalities", params.NATIONALITIES),
    ):
        if criteria[key]:
            values = ", ".join(names[param].get(v, v) for v in criteria[key])
            parts.append(t("caption_filter", lang, label=t("caption_" + label, lang), values=values))
    for key, column in (("location_precisions", "location_precision"), ("date_precisions", "date_precision")):
        if criteria.get(key):
            values = ", ".join(value_label(column, v, lang) for v in criteria[key])
            parts.append(t("caption_filter", lang, label=column_label(column, lang), values=values))
    if criteria["min_casualties"]:
        parts.append(t("caption_min_casualties", lang, n=criteria["min_casualties"]))
    if killed := killed_text(criteria.get("killed_min", 0), criteria.get("killed_max"), lang):
        parts.append(t("caption_filter", lang, label=t("caption_killed", lang), values=killed))
    if not criteria["include_foiled"]:
        parts.append(t("caption_no_foiled", lang))
    return " · ".join(parts)


def killed_text(low: int, high: int | None, lang: str) -> str:
    """'10–50', '≥ 10' or '≤ 5': the killed range a view asks for; empty when it asks for none."""
    if high is None:
        return f"≥ {number_text(low, lang)}" if low else ""
    if not low:
        return f"≤ {number_text(high, lang)}"
    return f"{number_text(low, lang)}–{number_text(high, lang)}"


def stamp_lines(title: str, caption: str, years: tuple[int, int], sources: int, lang: str, today: str) -> list[str]:
    """The block stamped on the map for slides: title, filters (the period only once), sources, date."""
    lines = [
        title,
        subtitle(title, caption, tuple(years), lang),
        t("stamp_sources", lang, n=sources),
        t("stamp_date", lang, today=today),
    ]
    return [line for line in lines if line]


def map_title(criteria: Mapping, lang: str) -> str:
    """'Jihadist attacks, 2015–2024': the title of slides and exports."""
    low, high = criteria["years"]
    return t("map_title", lang, period=str(low) if low == high else f"{low}–{high}")


def period_text(years: tuple[int, int], lang: str) -> str:
    """'2024' or '2015–2024', as titles and captions name the period."""
    low, high = years
    return str(low) if low == high else t("caption_period", lang, low=low, high=high)


def subtitle(title: str, caption: str, years: tuple[int, int], lang: str) -> str:
    """The caption under `title`, without the period when the title already names it."""
    period = period_text(years, lang)
    if period in title and (caption == period or caption.startswith(period + " · ")):
        return caption[len(period) :].removeprefix(" · ")
    return caption


def export_subtitle(caption: str, lang: str, today=None, counted: str = "") -> list[str]:
    """The lines under a chart's title: the view it shows, what it counts (when it counts attacks),
    then the source and the date."""
    return [caption, *filter(None, [counted]), t("export_source", lang, today=(today or date.today()).isoformat())]


def counted_text(with_imports: bool, lang: str) -> str:
    """What a count of attacks counts: the curated notable attacks, which are not a complete count,
    or incidents across them and the reader's imports (an event in several datasets counts once)."""
    return t("counted_incidents" if with_imports else "counted_curated", lang)


def year_subtitle(year: int, lang: str, today=None) -> list[str]:
    """The lines under a chart of one year, which the sidebar's filters do not narrow: that year,
    then the source and the date."""
    return export_subtitle(str(year), lang, today)

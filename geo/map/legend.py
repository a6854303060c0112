"""The map legend's sections for the layers switched on."""

from __future__ import annotations

from geo.map.cells import CELL_COLOR, cell_radius
from geo.map.choropleth import CHOROPLETH_COLORS, class_labels
from geo.map.events import HEAT_GRADIENT
from geo.map.features import BORDER_STYLES, FOREIGN_BASE_COLOR
from geo.map.markers import marker_radius
from geo.text.i18n import t, value_label
from geo.text.numbers import number_text

# The legend's words for each size: the section's title, and the label of a circle of n.
SIZE_WORDS = {
    "both": ("legend_size", "legend_casualties"),
    "killed": ("legend_size_killed", "legend_killed"),
    "wounded": ("legend_size_wounded", "legend_wounded"),
    "fixed": ("legend_size_fixed", None),
}


def size_items(lang: str, size_by: str = "both") -> list[dict]:
    """Circles for 0, 10 and 100 of what sizes them, drawn at the size the map uses; none when
    every circle has the same size."""
    label = SIZE_WORDS[size_by][1]
    items = []
    for casualties in (0, 10, 100) if label else ():
        radius = marker_radius(casualties, size_by)
        items.append(
            {
                "shape": "circle",
                "size": round(2 * radius + 2),
                "color": "#bbbbbb",
                "label": t(label, lang, n=casualties),
            }
        )
    return items


def cell_sections(lang: str, heat: bool = False, points: bool = True) -> list[dict]:
    """The legend of attacks aggregated into cells: circles of 1, 100 and 10,000 incidents, drawn at
    the size the map uses, when they are drawn, and the heatmap's ends when it is on (weighted by
    incidents, not tolls)."""
    sizes = [
        {
            "shape": "circle",
            "size": round(2 * cell_radius(n) + 2),
            "color": CELL_COLOR,
            "label": t("legend_cell_incidents", lang, n=number_text(n, lang)),
        }
        for n in (1, 100, 10_000)
    ]
    sections = [{"title": t("legend_cells", lang), "items": sizes}] if points else []
    if heat:
        ends = (("0.2", "legend_cell_heat_low"), ("1.0", "legend_cell_heat_high"))
        items = [{"shape": "square", "color": HEAT_GRADIENT[stop], "label": t(key, lang)} for stop, key in ends]
        sections.append({"title": t("legend_heat", lang), "items": items})
    return sections


def legend_sections(
    lang: str,
    groups_shown: list[dict] | None = None,
    statuses: list[str] | None = None,
    bases: bool = False,
    foreign_bases: bool = False,
    breaks: list[int] | None = None,
    metric: str = "attacks",
    heat: bool = False,
    color_by: str = "group",
    size_by: str = "both",
) -> list[dict]:
    """The legend for the layers on the map, one section each; `groups_shown`, the colours of the
    circles by `color_by`, as {label, color}, and their sizes by `size_by`."""
    sections = []
    if groups_shown is not None:
        items = [{"shape": "circle", "color": group["color"], "label": group["label"]} for group in groups_shown]
        title = "legend_groups" if color_by == "group" else f"legend_color_{color_by}"
        sections.append({"title": t(title, lang), "items": items})
        sections.append(
            {
                "title": t(SIZE_WORDS[size_by][0], lang),
                "items": [
                    *size_items(lang, size_by),
                    {"shape": "circle", "color": "#bbbbbb", "opacity": 0.3, "label": t("legend_vague_place", lang)},
                    {
                        "shape": "circle",
                        "color": "#777777",
                        "hollow": True,
                        "dash": "3 2",
                        "stroke": "#777777",
                        "label": t("legend_foiled", lang),
                    },
                ],
            }
        )
    if heat:
        sections.append(
            {
                "title": t("legend_heat", lang),
                "items": [
                    {"shape": "square", "color": HEAT_GRADIENT["0.2"], "label": t("legend_heat_low", lang)},
                    {"shape": "square", "color": HEAT_GRADIENT["1.0"], "label": t("legend_heat_high", lang)},
                ],
            }
        )
    if breaks:
        labels = class_labels(breaks)
        sections.append(
            {
                "title": value_label("choropleth", metric, lang),
                "items": [
                    {"shape": "square", "color": color, "label": label}
                    for color, label in zip(CHOROPLETH_COLORS, labels)
                ],
            }
        )
    if statuses:
        sections.append(
            {
                "title": t("legend_borders", lang),
                "items": [
                    {
                        "shape": "line",
                        "size": 26,
                        "color": BORDER_STYLES[s]["color"],
                        "weight": BORDER_STYLES[s]["weight"],
                        "dash": BORDER_STYLES[s]["dashArray"],
                        "label": value_label("status", s, lang),
                    }
                    for s in statuses
                ],
            }
        )
    if bases or foreign_bases:
        items = []
        if bases:
            items += [
                {"shape": "triangle", "color": "#bbbbbb", "label": t("legend_base", lang)},
                {"shape": "circle", "color": "#dddddd", "dash": "4 2", "label": t("legend_area", lang)},
            ]
        if foreign_bases:
            items.append(
                {
                    "shape": "square",
                    "color": FOREIGN_BASE_COLOR,
                    "label": value_label("kind", "foreign_military_base", lang),
                }
            )
        sections.append({"title": t("legend_bases", lang), "items": items})
    return sections

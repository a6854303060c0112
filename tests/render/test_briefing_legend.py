"""The briefing's legend: planned to fit beside the map, and drawn whole with many groups."""

from __future__ import annotations

import pytest

from geo.analysis.filters import with_imports
from geo.io.importer import import_bytes
from geo.render.briefing import LEGEND_LAYOUTS, LegendEntry, briefing_figure, plan_legend
from geo.text.i18n import t
from geo.text.labels import group_table
from tests.samples import gtd_export

FLOOR = LEGEND_LAYOUTS[-1][0]

LAYERS = ["attacks", "choropleth", "borders", "bases", "foreign_bases"]


def heading(label="Attacks by group"):
    return LegendEntry(label, 0.0, heading=True)


def groups(n, incidents=lambda i: 1, label="Group {i}"):
    return [LegendEntry(label.format(i=i), 10.0, incidents(i)) for i in range(n)]


SIZES = [heading("Circle size"), LegendEntry("0 killed", 4.0), LegendEntry("10 killed", 14.0)]


FIFTEEN = [heading(), *groups(15), *SIZES]


@pytest.mark.parametrize(
    "entries,height_in,font,columns,rows,others",
    [
        # Room to spare: the first layout, everything listed.
        ([heading(), *groups(3), *SIZES], 5.0, 9.0, 1, 7, 0),
        # A group's row is as tall as its circle, about 16 points with its spacing whatever the
        # font: 19 rows take 4.4 inches at 9 points, 4.1 at 7, so a smaller font first ...
        (FIFTEEN, 4.2, 7.0, 1, 19, 0),
        # ... then two columns of 10 rows, 2.2 inches at 8 points, 2.14 at 7 ...
        (FIFTEEN, 3.0, 8.0, 2, 10, 0),
        (FIFTEEN, 2.18, 7.0, 2, 10, 0),
        # ... then three, at the floor.
        ([heading(), *groups(40), *SIZES], 4.0, FLOOR, 3, 15, 0),
        # Long names take more lines at a narrower wrap, not more width: 3.9 inches at 9 points.
        (
            [heading(), *groups(8, label="The very long name of imported perpetrator group {i}"), *SIZES],
            3.6,
            8.0,
            1,
            12,
            0,
        ),
        # Past three columns at the floor: 22 rows of about 16 points in 5 inches, 66 entries of
        # which 61 groups, the heading, the size rows and the closing row.
        ([heading(), *groups(200), *SIZES], 5.0, FLOOR, 3, 22, 139),
        # Not even one group has room: every group is counted, the other rows stay.
        ([heading(), *groups(10), *SIZES], 0.3, FLOOR, 3, 2, 10),
    ],
)
def test_the_plan_picks_the_largest_font_and_fewest_columns_that_fit(entries, height_in, font, columns, rows, others):
    plan = plan_legend(entries, height_in)
    assert (plan.fontsize, plan.columns, plan.rows, plan.others) == (font, columns, rows, others)
    listed = [i for i in plan.shown if i is not None]
    assert len(listed) + plan.others == len(entries)
    assert all(i in listed for i, e in enumerate(entries) if e.incidents is None)


@pytest.mark.parametrize("n", [1, 2, 3, 10])
def test_the_plan_never_hides_a_single_group(n):
    entries = [heading(), *groups(n), *SIZES]
    for height_in in [h / 20 for h in range(1, 60)]:
        assert plan_legend(entries, height_in).others != 1


@pytest.mark.parametrize(
    "incidents,kept",
    [
        # The largest by attacks, listed in the map's order.
        ([1, 9, 2, 8, 3, 7, 1, 1, 1, 1, 1, 1], [1, 3, 5]),
        # Ties keep the map's order.
        ([5] * 12, [0, 1, 2]),
    ],
)
def test_past_the_floor_the_largest_groups_are_listed_then_the_others_counted(incidents, kept):
    entries = [heading(), *groups(len(incidents), incidents=lambda i: incidents[i]), *SIZES]
    # One column at the floor: the heading, three groups, the closing row and the size rows take
    # 112 points (1.55 inches), a fourth group 16 more.
    plan = plan_legend(entries, 1.65, layouts=[(FLOOR, 1, 44, 3.4)])
    assert plan.others == len(incidents) - len(kept)
    groups_shown = [i - 1 for i in plan.shown if i is not None and entries[i].incidents is not None]
    assert groups_shown == kept
    closing = plan.shown.index(None)
    assert plan.shown[closing - 1] == kept[-1] + 1 and plan.shown[closing + 1] == len(incidents) + 1


def imported_table(n):
    """A GTD-layout table of `n` perpetrator groups unknown to the curated data, group i behind
    i % 4 + 1 attacks, across Central Asia."""
    rows = []
    for i in range(n):
        name = f"Armed faction of the valley number {i}" if i % 3 else f"Cell {i}"
        for k in range(i % 4 + 1):
            rows.append(
                (f"2010{i:03d}{k:04d}", f"2010-{k + 1:02d}-{i % 27 + 1:02d}", 38 + i % 5, 62 + i % 12, name, k, None)
            )
    return gtd_export(rows)


def many_groups(data, n):
    """Curated attacks of 1991-2025 and, past the curated groups, an import's perpetrators up to `n` groups."""
    curated = list(dict.fromkeys(data.attacks["group_id"]))
    if n <= len(curated):
        return data.attacks[data.attacks["group_id"].isin(curated[:n])]
    imported = import_bytes(imported_table(n - len(curated)), "gtd.csv", data).attacks
    return with_imports(data.attacks, [imported])


@pytest.mark.parametrize("n", [3, 15, 60])
@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_the_legend_stays_whole_and_legible_with_many_groups(data, shapes, n, lang):
    attacks = many_groups(data, n)
    ids = list(dict.fromkeys(attacks["group_id"]))
    assert len(ids) == n
    fig, labels = briefing_figure(shapes, data, attacks, LAYERS, (1991, 2025), "T", "C", lang, "2026-01-01")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = fig.legends[0]
    page, frame = fig.bbox, fig.axes[0].get_window_extent(renderer)
    source = fig.texts[-1].get_window_extent(renderer)
    for text in legend.get_texts():
        box = text.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, text.get_text()
        assert text.get_fontsize() >= FLOOR
    whole = legend.get_window_extent(renderer)
    assert not whole.overlaps(frame) and not whole.overlaps(source)
    # Each group is listed or counted, never dropped.
    names = {label for label, _ in group_table(ids, data.groups, lang)}
    listed = [label for label in labels if label in names]
    others = n - len(listed)
    closing = [label for label in labels if label in {t("legend_other_groups", lang, n=k) for k in range(n + 1)}]
    if n < 60:
        assert others == 0 and not closing
    else:
        assert others >= 2 and closing == [t("legend_other_groups", lang, n=others)]
        counts = attacks["group_id"].value_counts()
        label_of = dict(zip(ids, (label for label, _ in group_table(ids, data.groups, lang))))
        shown = [counts[g] for g in ids if label_of[g] in listed]
        hidden = [counts[g] for g in ids if label_of[g] not in listed]
        assert min(shown) >= max(hidden)

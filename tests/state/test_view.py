"""What a page is given of the view: the selection, its caption, subtitle and stamp, and short names."""

from __future__ import annotations

import pytest

from geo import params
from geo.analysis.cooperation import organization_acronyms, organization_labels
from geo.analysis.filters import select_attacks
from geo.state.criteria import attack_criteria, filter_arguments, filter_options, selection_key
from geo.state.urlstate import state_defaults
from geo.state.view import page_view
from geo.text.captions import view_caption
from geo.text.i18n import chart_labels, t
from geo.text.labels import group_acronyms, group_labels, group_table
from geo.text.sources import numbered

TODAY = "2025-03-01"


def view_of(data, lang: str = "en", **chosen):
    """The view of the default state changed by `chosen` (URL parameter -> value)."""
    state = {**state_defaults((1991, 2025)), params.LANG: lang, **chosen}
    criteria = attack_criteria(state, data.group_links)
    chosen_attacks = select_attacks(data.attacks, **filter_arguments(criteria))
    return page_view(state, data, criteria, chosen_attacks, filter_options(data.attacks, data.groups, lang), TODAY)


@pytest.mark.parametrize(
    "lang,chosen,caption",
    [
        ("en", {}, "1991–2025"),
        (
            "en",
            {params.YEARS: (2015, 2024), params.GROUPS: ["iskp", "imu"], params.FOILED: False},
            "2015–2024 · Groups: ISKP (ISIS-K), IMU · foiled plots excluded",
        ),
        (
            "fr",
            {params.YEARS: (2015, 2024), params.GROUPS: ["iskp", "imu"], params.FOILED: False},
            "2015–2024 · Groupes : EI-K, MIO · projets déjoués exclus",
        ),
        (
            "en",
            {params.YEARS: (2001, 2001), params.GROUPS: ["taliban"]},
            "2001 · Groups: Taliban (Islamic Emirate of Afghanistan)",
        ),
        ("fr", {params.COUNTRIES: ["AFG"]}, "1991–2025 · Pays : Afghanistan"),
    ],
)
def test_the_caption_and_subtitle_name_groups_by_acronym(data, lang, chosen, caption):
    view = view_of(data, lang, **chosen)
    assert view.caption == caption
    assert view.subtitle == [caption, t("counted_curated", lang), t("export_source", lang, today=TODAY)]


def test_the_view_carries_the_selection_and_what_the_map_needs(data):
    view = view_of(data, "fr", **{params.YEARS: (2015, 2024), params.GROUPS: ["iskp"]})
    assert (view.lang, view.span, view.data_span, view.today) == ("fr", (2015, 2024), (1991, 2025), TODAY)
    assert set(view.attacks["group_id"]) == {"iskp"} and set(view.attacks["year"]) <= set(range(2015, 2025))
    assert view.key == selection_key(view.criteria) and view.map_view[params.GROUPS] == ("iskp",)
    assert view.chart_labels == chart_labels("fr")
    assert view.attribution == t("map_data_attribution", "fr", n=view.sources) and view.sources > 0
    assert view.group_labels == group_labels(data.groups, "fr") and view.acronyms == group_acronyms(data.groups, "fr")


@pytest.mark.parametrize(
    "present,stamp",
    [
        (False, None),
        (
            True,
            (
                "Jihadist attacks, 2015–2024",
                "Groups: ISKP (ISIS-K)",
                "Data: {sources} cited sources · Country shapes: Natural Earth",
                "Jihadist networks in Central Asia dashboard · 2025-03-01",
            ),
        ),
    ],
)
def test_the_stamp_is_made_only_for_presentation_mode(data, present, stamp):
    view = view_of(data, **{params.YEARS: (2015, 2024), params.GROUPS: ["iskp"], params.PRESENT: present})
    expected = None if stamp is None else tuple(line.replace("{sources}", str(view.sources)) for line in stamp)
    assert view.present is present and view.stamp == expected


@pytest.mark.parametrize(
    "lang,group,short,full",
    [
        ("en", "imu", "IMU", "IMU · Islamic Movement of Uzbekistan"),
        ("fr", "imu", "MIO", "MIO · Mouvement islamique d'Ouzbékistan"),
        ("en", "iskp", "ISKP (ISIS-K)", "ISKP (ISIS-K) · Islamic State – Khorasan Province"),
        ("en", "taliban", "Taliban (Islamic Emirate of Afghanistan)", "Taliban (Islamic Emirate of Afghanistan)"),
    ],
)
def test_groups_have_a_short_and_a_full_name(data, lang, group, short, full):
    assert (group_acronyms(data.groups, lang)[group], group_labels(data.groups, lang)[group]) == (short, full)
    assert group_table([group], data.groups, lang)[0][0] == full


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_short_and_full_names_list_the_groups_alike(data, lang):
    assert list(group_acronyms(data.groups, lang)) == list(group_labels(data.groups, lang))
    assert list(organization_acronyms(data.organizations, lang)) == list(organization_labels(data.organizations, lang))


@pytest.mark.parametrize("lang,short,full", [("en", "CSTO", "CSTO · "), ("fr", "OTSC", "OTSC · ")])
def test_organisations_have_an_acronym(data, lang, short, full):
    assert organization_acronyms(data.organizations, lang)["csto"] == short
    assert organization_labels(data.organizations, lang)["csto"].startswith(full)


def test_a_caption_gives_each_id_the_name_it_is_given_or_its_own(data):
    criteria = {**attack_criteria(state_defaults((1991, 2025)), data.group_links), "groups": ("a", "b")}
    assert view_caption({**criteria, "years": (2020, 2020)}, {params.GROUPS: {"a": "A"}}, "en") == "2020 · Groups: A, b"


@pytest.mark.parametrize("lines,text", [([], ""), (["a"], "1. a"), (["a", "b [c](<d>)"], "1. a\n1. b [c](<d>)")])
def test_sources_are_one_numbered_list(lines, text):
    assert numbered(lines) == text


@pytest.mark.parametrize(
    "imports,lang,expected",
    [
        ((), "en", "Counted: notable attacks curated from cited sources, not a complete count"),
        ((("/tmp/a.csv", "a.csv", "gtd", 1.0),), "en", "Counted: incidents across the curated data and your imports"),
        ((("/tmp/a.csv", "a.csv", "gtd", 1.0),), "fr", "Compté : incidents des données du tableau de bord"),
    ],
)
def test_every_chart_says_what_it_counts(data, imports, lang, expected):
    state = {**state_defaults((1991, 2025)), params.LANG: lang, "imports": imports}
    criteria = attack_criteria(state, data.group_links)
    view = page_view(state, data, criteria, data.attacks, filter_options(data.attacks, data.groups, lang), TODAY)
    assert view.counted.startswith(expected) and view.subtitle[1] == view.counted
    assert view.counted not in view.plain_subtitle and view.plain_subtitle[0] == view.caption

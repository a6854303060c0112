"""The map's circles coloured and sized by a field, the legend that follows, and the attack chosen
in the table or on the map (`follow_choice`), ringed and flown to through the events layer's focus."""

from __future__ import annotations

import json

import pytest

from geo import params
from geo.map import eventpack
from geo.map.card import Linked, clicked_index, follow_choice
from geo.map.events import FOCUS_ZOOM, event_payload, focus_option
from geo.map.hues import FIELD_COLUMNS, hues
from geo.map.legend import legend_sections
from geo.map.markers import FIXED_RADIUS, SIZED_COUNTS, marker_casualties, marker_radius
from geo.map.overlays import LayerSpec, overlay_specs, with_focus
from geo.palette import OKABE_ITO, OTHER_COLOR, UNKNOWN_COLOR
from geo.state.urlstate import COLOR_FIELDS, SIZE_FIELDS, decode, encode, state_defaults
from geo.text.escape import compact_json
from geo.text.i18n import t
from tests.samples import ATTACKS, attack, frame

TARGETS = ("civilians", "government", "military", "police", "diplomatic", "religious", "transport", "business")
# Nine targets: one more than there are Okabe-Ito colours, the rarest one attack each.
MANY_TARGETS = frame(
    *(attack(f"m{k}", target=target) for k, target in enumerate(TARGETS) for _ in range(len(TARGETS) - k + 1)),
    attack("rare", target="education"),
)


def circle_colors(payload: dict) -> list[str]:
    """Each attack's circle colour, read from the payload as layers.js reads it."""
    hue = eventpack.unpack(payload["columns"], payload["n"])["hue"]
    return [payload["hues"][code]["color"] for code in hue]


def test_every_colour_and_size_the_url_offers_means_something_on_the_map():
    assert set(COLOR_FIELDS) == {"group", *FIELD_COLUMNS}
    assert set(SIZE_FIELDS) == set(SIZED_COUNTS)


@pytest.mark.parametrize(
    "color_by,expected",
    [
        # The groups' own colours, from groups.csv.
        ("group", None),
        # bombing ×5 then suicide_bombing ×1: the most frequent takes the first colour.
        ("attack_type", [OKABE_ITO[0]] * 2 + [OKABE_ITO[1]] + [OKABE_ITO[0]] * 3),
        # police ×5, civilians ×1.
        ("target", [OKABE_ITO[0], OKABE_ITO[1]] + [OKABE_ITO[0]] * 4),
        # An order: city before country whatever the counts.
        ("location_precision", [OKABE_ITO[0]] * 2 + [OKABE_ITO[1]] + [OKABE_ITO[0]] * 3),
        # No origin column: every attack is curated.
        ("dataset", [OKABE_ITO[0]] * 6),
    ],
)
def test_the_payload_colours_each_circle_by_the_field_chosen(data, color_by, expected):
    payload = event_payload(ATTACKS, data.groups, data.sources, "en", color_by=color_by)
    if expected is None:
        groups = data.groups.set_index("id")["color"]
        expected = [groups.get(group, UNKNOWN_COLOR) for group in ATTACKS["group_id"]]
    assert circle_colors(payload) == expected


@pytest.mark.parametrize(
    "color_by,lang,labels",
    [
        ("attack_type", "en", ["Bombing", "Suicide bombing"]),
        ("location_precision", "fr", ["ville", "pays seulement"]),
        ("dataset", "en", ["Curated"]),
    ],
)
def test_the_payload_names_each_colour_in_the_language(data, color_by, lang, labels):
    payload = event_payload(ATTACKS, data.groups, data.sources, lang, color_by=color_by)
    assert [entry["label"] for entry in payload["hues"]] == labels


def test_past_eight_values_the_rarest_share_one_grey_entry(data):
    codes, entries = hues(MANY_TARGETS, "target", data.groups, "en")
    assert [entry["color"] for entry in entries] == [*OKABE_ITO[:7], OTHER_COLOR]
    assert entries[-1]["label"] == t("legend_other_values", "en")
    last_two = MANY_TARGETS["target_type"].isin(["business", "education"]).to_numpy()
    assert set(codes[last_two]) == {7} and 7 not in set(codes[~last_two])


def test_colours_given_over_every_year_stay_the_same_for_some_years(data):
    # Over every year, bombing leads; in 2015 alone, suicide bombing is the only type.
    _, every = hues(ATTACKS, "attack_type", data.groups, "en")
    some = ATTACKS[ATTACKS["id"] == "c"]
    _, alone = hues(some, "attack_type", data.groups, "en")
    codes, among = hues(some, "attack_type", data.groups, "en", among=ATTACKS)
    assert among == every and among[codes[0]]["color"] == OKABE_ITO[1] != alone[0]["color"]


@pytest.mark.parametrize(
    "size_by,sized_by",
    [("both", ["killed_low", "wounded_low"]), ("killed", ["killed_low"]), ("wounded", ["wounded_low"]), ("fixed", [])],
)
def test_the_payload_sizes_the_circles_by_the_counts_chosen(data, size_by, sized_by):
    radius = event_payload(ATTACKS, data.groups, data.sources, "en", size_by=size_by)["schema"]["radius"]
    assert radius["sized_by"] == sized_by
    for casualties in marker_casualties(ATTACKS, size_by):
        # The browser's formula, from the schema, gives Python's radius.
        browser = min(radius["max"], radius["base"] + radius["per_root"] * casualties**0.5)
        assert browser == pytest.approx(marker_radius(float(casualties), size_by))


@pytest.mark.parametrize(
    "size_by,expected",
    [("both", [9 + 15, 0, 1, 19, 696, 0]), ("killed", [9, 0, 1, 5, 145, 0]), ("wounded", [15, 0, 0, 14, 551, 0])],
)
def test_what_sizes_a_circle_is_the_low_estimate_of_what_was_chosen(size_by, expected):
    assert marker_casualties(ATTACKS, size_by).tolist() == expected


def test_a_fixed_size_is_one_radius_whatever_the_toll():
    assert {marker_radius(n, "fixed") for n in (0, 10, 1e6)} == {FIXED_RADIUS}
    assert marker_casualties(ATTACKS, "fixed").tolist() == [0] * len(ATTACKS)


@pytest.mark.parametrize(
    "color_by,size_by,lang,titles,first_size",
    [
        (
            "group",
            "both",
            "en",
            ["Attacks by group", "Circle size: killed + wounded (low estimate)"],
            "0 killed or wounded",
        ),
        ("attack_type", "killed", "en", ["Attacks by type", "Circle size: killed (low estimate)"], "0 killed"),
        ("target", "wounded", "fr", ["Attentats par cible", "Taille : blessés (estimation basse)"], "0 blessé"),
        ("location_precision", "fixed", "ru", ["Атаки по точности места", "Кружки: один размер для всех атак"], None),
    ],
)
def test_the_legend_follows_the_colour_and_the_size(data, shapes, color_by, size_by, lang, titles, first_size):
    view = {**state_defaults((1991, 2025)), params.COLOR_BY: color_by, params.SIZE_BY: size_by}
    payload = compact_json(event_payload(ATTACKS, data.groups, data.sources, lang, color_by=color_by, size_by=size_by))
    specs = overlay_specs(data, ATTACKS, payload, view, shapes, lang, "k", "credit")
    (legend,) = [json.loads(spec.payload) for spec in specs if spec.factory == "cajnLegend"]
    assert [section["title"] for section in legend[:2]] == titles
    colours = [item["color"] for item in legend[0]["items"]]
    assert colours == list(dict.fromkeys(circle_colors(json.loads(payload))))
    sizes = [item["label"] for item in legend[1]["items"] if "size" in item]
    assert (sizes[0] if sizes else None) == first_size


def test_a_legend_without_circles_has_no_size_section():
    assert legend_sections("en", None, size_by="fixed") == []


@pytest.mark.parametrize("color_by,size_by", [("target", "wounded"), ("group", "both"), ("dataset", "fixed")])
def test_the_colour_and_the_size_round_trip_through_the_url(color_by, size_by):
    defaults = state_defaults((1991, 2025))
    state = {**defaults, params.COLOR_BY: color_by, params.SIZE_BY: size_by}
    query = {key: [value] if isinstance(value, str) else value for key, value in encode(state, defaults).items()}
    allowed = {params.COLOR_BY: COLOR_FIELDS, params.SIZE_BY: SIZE_FIELDS}
    assert decode(query, defaults, allowed) == state


@pytest.mark.parametrize("value", ["Group", "purple", "attack type"])
def test_a_colour_is_read_as_an_id_the_map_offers_or_falls_back_to_the_group(value):
    defaults = state_defaults((1991, 2025))
    allowed = {params.COLOR_BY: COLOR_FIELDS, params.SIZE_BY: SIZE_FIELDS}
    assert decode({params.COLOR_BY: [value]}, defaults, allowed)[params.COLOR_BY] == "group"


# ---------- the attack chosen in the table or on the map ----------

TABLE = ["a", "b", "c"]
SHOWN = ["z", "a", "b", "c", "y"]


@pytest.mark.parametrize(
    "memory,rows,click,table_key,expected,select",
    [
        # The first run: nothing chosen, the table's selection written empty.
        (Linked(), (), None, "t", Linked(table="t"), []),
        # A row picked: its attack, and a flight.
        (Linked(table="t"), (1,), None, "t", Linked("b", 1, (1,), None, "t", True), None),
        # The same selection again (a rerun from elsewhere): nothing changes, no second flight.
        (Linked("b", 1, (1,), None, "t", True), (1,), None, "t", Linked("b", 1, (1,), None, "t", True), None),
        # The row unpicked: nothing chosen, the flights counted so far kept.
        (Linked("b", 1, (1,), None, "t"), (), None, "t", Linked(None, 1, (), None, "t"), None),
        # A circle clicked: its attack, its row selected, no flight.
        (Linked("b", 1, (1,), None, "t", True), (1,), "k:3:99", "t", Linked("c", 1, (2,), "k:3:99", "t"), [2]),
        # A circle of a year the table does not list: no row selected.
        (Linked(table="t"), (), "k:4:5", "t", Linked("y", 0, (), "k:4:5", "t"), []),
        # The same click, still returned by the map: the row picked since wins.
        (Linked("c", 1, (2,), "k:3:99", "t"), (0,), "k:3:99", "t", Linked("a", 2, (0,), "k:3:99", "t", True), None),
        # A click on another selection is only remembered.
        (Linked("a", 1, (0,), None, "t"), (0,), "old:3:7", "t", Linked("a", 1, (0,), "old:3:7", "t"), None),
        # Other filters: the table's rows are others, its selection follows the chosen attack.
        (Linked("c", 1, (2,), None, "t"), (2,), None, "u", Linked("c", 1, (2,), None, "u"), [2]),
        (Linked("z", 1, (), None, "t"), (), None, "u", Linked("z", 1, (), None, "u"), []),
    ],
)
def test_the_table_and_the_map_choose_the_same_attack(memory, rows, click, table_key, expected, select):
    assert follow_choice(memory, rows, click, "k", table_key, TABLE, SHOWN) == (expected, select)


@pytest.mark.parametrize(
    "value,expected",
    [("abc123:4:1733000000000", 4), ("abc123:4", 4), ("other:4:1", None), ("abc123:4:1:2", None), ("abc123::1", None)],
)
def test_a_click_carries_its_time_and_still_names_its_attack(value, expected):
    assert clicked_index(value, "abc123") == expected


def test_the_focus_rides_on_the_events_layer_only():
    specs = [LayerSpec("attacks", "cajnEvents", "{}", {"id": "x"}), LayerSpec("legend", "cajnLegend", "[]", {})]
    focused = with_focus(specs, focus_option(3, 2))
    assert focused[0].options == {"id": "x", "focus": {"index": 3, "zoom": FOCUS_ZOOM, "fly": 2}}
    assert focused[1] == specs[1] and focused[0].payload == specs[0].payload
    assert with_focus(specs, focus_option(None, 2))[0].options["focus"] is None
    assert with_focus(specs, focus_option(3, None))[0].options["focus"]["fly"] is None

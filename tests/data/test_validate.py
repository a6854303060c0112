"""Each rule of the data contract, fed one bad cell, names the file, line, column, value and rule."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from geo.data.problems import DataValidationError
from geo.data.rules import cited_sources, mirrors_are_cited, mirrors_are_few, rows_cite_a_primary_source
from geo.data.validate import check_data, main, validated_tables
from geo.data.vocab import TRANSLATED_LANGUAGES
from geo.text.i18n import LANGUAGES, SOURCE_LANGUAGE
from tests.datafolder import set_cell

TOMORROW = (date.today() + timedelta(days=1)).isoformat()

BAD_CELLS = [
    # file, row, column, bad value, words the message must contain
    ("attacks.csv", 0, "date", "16/02/1999", "must be a date written YYYY-MM-DD"),
    ("attacks.csv", 0, "date", "1999-02-30", "must be a date written YYYY-MM-DD"),
    ("attacks.csv", 0, "date", TOMORROW, "must not be in the future"),
    ("attacks.csv", 0, "date_precision", "week", "must be one of: day, month, year"),
    ("attacks.csv", 0, "lat", "91", "must be a latitude from -90 to 90"),
    ("attacks.csv", 0, "lon", "east", "must be a longitude from -180 to 180"),
    ("attacks.csv", 0, "location_precision", "street", "must be one of: exact, city, province, country"),
    ("attacks.csv", 0, "country_iso3", "UZ", "must be an ISO 3166-1 alpha-3 country code"),
    ("attacks.csv", 0, "responsibility", "maybe", "must be one of: claimed, attributed"),
    ("attacks.csv", 0, "perpetrator_nationalities", "UZB, TJK", "must be ISO 3166-1 alpha-3 codes separated by ';'"),
    ("attacks.csv", 0, "attack_type", "ambush", "must be one of: bombing"),
    ("attacks.csv", 0, "target_type", "everyone", "must be one of: civilians"),
    ("attacks.csv", 0, "killed_low", "-3", "must be a whole number from 0"),
    ("attacks.csv", 0, "wounded_high", "many", "must be a whole number from 0"),
    ("attacks.csv", 0, "killed_low", "20", "must not be above killed_high (16)"),
    ("attacks.csv", 0, "wounded_low", "200", "must not be above wounded_high (128)"),
    ("attacks.csv", 0, "foiled", "yes", "must be one of: true, false"),
    ("attacks.csv", 0, "summary_fr", "", "must not be empty"),
    ("attacks.csv", 0, "summary_ru", "", "must not be empty"),
    ("attacks.csv", 0, "source_ids", "", "must not be empty"),
    ("attacks.csv", 0, "source_ids", "nowhere_2020", "'nowhere_2020' is not an id in sources.csv"),
    ("attacks.csv", 0, "group_id", "imu_faction", "'imu_faction' is not an id in groups.csv"),
    ("attacks.csv", 0, "id", "2017-04-07-stockholm", "must be unique"),
    ("attacks.csv", 0, "id", "Tashkent 1999", "must be a lowercase id"),
    ("attacks.csv", 0, "lat", "48.8566", "outside UZB"),
    ("attacks.csv", 2, "date", "2000-08-15", "a month-precision date must be the 1st of its month"),
    ("events.csv", 1, "date", "1998-06-01", "a year-precision date must be January 1st"),
    ("events.csv", 0, "kind", "party", "must be one of: founding"),
    ("events.csv", 0, "org_ids", "nato", "'nato' is not an id in organizations.csv"),
    ("events.csv", 1, "group_ids", "imu;ghost", "'ghost' is not an id in groups.csv"),
    ("groups.csv", 0, "color", "orange", "must be a colour written #rrggbb"),
    ("groups.csv", 0, "end_year", "1990", "must not be before founded_year (1998)"),
    ("groups.csv", 0, "name_ru", "", "must not be empty"),
    ("events.csv", 0, "title_ru", "", "must not be empty"),
    ("group_aliases.csv", 0, "dataset", "media_fr", "must be one of: gtd, ucdp, acled, media_ru"),
    ("group_links.csv", 0, "kind", "friendship", "must be one of: split, merger"),
    ("group_links.csv", 0, "to_group", "daesh", "'daesh' is not an id in groups.csv"),
    ("bases.csv", 0, "radius_km", "0", "must be a number above 0"),
    ("bases.csv", 0, "kind", "castle", "must be one of: base"),
    ("bases.csv", 0, "end_year", "1996", "must not be before start_year (1997)"),
    ("borders.csv", 0, "country_b", "AFG", "must come after country_a (KGZ) alphabetically"),
    ("borders.csv", 0, "status", "tense", "must be one of: mined"),
    ("organizations.csv", 0, "founded", "June 2001", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ("memberships.csv", 0, "org_id", "nato", "'nato' is not an id in organizations.csv"),
    ("memberships.csv", 0, "status", "friend", "must be one of: member"),
    ("memberships.csv", 1, "end_date", "2010", "must not be before start_date (2012-06)"),
    ("sources.csv", 0, "url", "www.example.org", "must be an http(s) URL"),
    ("sources.csv", 0, "url", "", "a source without a URL needs an author and a publisher"),
    ("sources.csv", 0, "language", "French", "must be an ISO 639 language code"),
    ("attacks.csv", 0, "killed_high", "18", "must be the highest figure in tolls.csv (16, news_tashkent_1999)"),
    ("attacks.csv", 0, "wounded_low", "90", "must be the lowest figure in tolls.csv (100, news_tashkent_1999)"),
    ("attacks.csv", 2, "killed_high", "12", "10 or more killed needs each source's figure in tolls.csv"),
    ("tolls.csv", 0, "kind", "rumour", "must be one of: official, media, claim"),
    ("tolls.csv", 0, "attack_id", "nowhere", "'nowhere' is not an id in attacks.csv"),
    ("tolls.csv", 0, "source_id", "nowhere_2020", "'nowhere_2020' is not an id in sources.csv"),
    ("tolls.csv", 0, "as_of", "2 August", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ("tolls.csv", 4, "wounded", "", "a row must give killed, wounded or both"),
    ("attacks.csv", 0, "scope", "region", "must be one or more of territory, nationality"),
    ("attacks.csv", 0, "scope", "", "must not be empty"),
    ("attacks.csv", 1, "scope", "territory", "'territory': the country is not one of KAZ"),
    ("attacks.csv", 2, "scope", "nationality", "'nationality': no perpetrator nationality is one of"),
    ("attacks.csv", 1, "scope", "nationality;central_asian_group", "'central_asian_group': the group is not one of"),
    ("attacks.csv", 0, "scope", "iskp_mass_casualty", "'iskp_mass_casualty': needs group iskp and 20 or more"),
    ("sources.csv", 0, "kind", "wiki", "must be one of: news, official, court, research, ngo, dataset"),
    ("country_names.csv", 0, "country_iso3", "YUG", "must be an ISO 3166-1 alpha-3 country code"),
    ("country_names.csv", 0, "country_iso3", "", "must not be empty"),
    ("country_names.csv", 0, "name", "West Germany (FRG)", "must be unique"),
    ("country_names.csv", 0, "successors", "SVN;YUG", "must be ISO 3166-1 alpha-3 codes separated by ';'"),
    ("country_names.csv", 0, "successors", "XKX;SRB", "must not list SRB itself"),
    ("country_names.csv", 0, "successors", "VAT", "VAT has no shape in countries.geojson"),
    ("country_names.csv", 0, "datasets", "ucdp;wikipedia", "must be one or more of gtd, ucdp, acled"),
    ("country_names.csv", 0, "source_ids", "nowhere_2020", "'nowhere_2020' is not an id in sources.csv"),
    ("gleditsch_ward.csv", 0, "country_iso3", "YUG", "must be an ISO 3166-1 alpha-3 country code"),
    ("gleditsch_ward.csv", 0, "gw_code", "Yugoslavia", "must be a whole number from 1 to 999"),
    ("gleditsch_ward.csv", 0, "gw_code", "347", "must be unique"),
    ("gleditsch_ward.csv", 0, "source_ids", "", "must not be empty"),
    ("place_names.csv", 0, "lang", "de", "must be one of: fr, ru"),
    ("place_names.csv", 0, "lang", "en", "must be one of: fr, ru"),
    ("place_names.csv", 0, "source_ids", "nowhere_2020", "'nowhere_2020' is not an id in sources.csv"),
    ("place_names.csv", 0, "source_ids", "boquerat_2024", "must cite a news page that writes the name"),
    ("place_names.csv", 0, "country_iso3", "UZ", "must be an ISO 3166-1 alpha-3 country code"),
    ("place_names.csv", 0, "place", "Samarkand", "is not a place of attacks.csv in UZB"),
    ("place_names.csv", 0, "name", "", "must not be empty"),
    ("place_names.csv", 1, "place", "Tashkent", "is not a place of attacks.csv in SWE"),
]


@pytest.mark.parametrize("file,row,column,value,rule", BAD_CELLS)
def test_a_bad_cell_is_reported_with_file_line_column_value_and_rule(data_dir, file, row, column, value, rule):
    set_cell(data_dir, file, row, column, value)
    _, _, problems = check_data(data_dir)
    matching = [p for p in problems if p.file == file and p.column == column and rule in p.rule]
    assert matching, f"no problem '{rule}' for {file}:{column} in {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.line == row + 2
    if column != "lat":
        assert problem.value == value
    assert f"{file}: line {row + 2}, column '{column}'" in str(problem)


def test_a_figure_left_out_of_the_range_counts_once_its_reason_is_removed(data_dir):
    set_cell(data_dir, "tolls.csv", 2, "excluded", "")
    _, _, problems = check_data(data_dir)
    assert [str(p) for p in problems] == [
        "attacks.csv: line 2, column 'killed_high', value '16': "
        "must be the highest figure in tolls.csv (20, boquerat_2024)"
    ]


def test_a_range_wider_than_one_figure_needs_its_figures(data_dir):
    set_cell(data_dir, "attacks.csv", 2, "wounded_low", "2")
    set_cell(data_dir, "attacks.csv", 2, "wounded_high", "4")
    _, _, problems = check_data(data_dir)
    assert [p.rule for p in problems] == ["a range wider than one figure needs each source's figure in tolls.csv"]


def test_a_foiled_plot_with_victims_is_reported_on_its_tolls(data_dir):
    set_cell(data_dir, "attacks.csv", 0, "foiled", "true")
    problems = [str(p) for p in check_data(data_dir)[2]]
    assert "attacks.csv: line 2, column 'killed_high', value '16': a foiled plot must have no victims" in problems


def test_the_fixture_data_passes(data_dir):
    assert check_data(data_dir)[2] == []


def test_an_alias_seen_in_russian_media_is_valid_data(data_dir):
    set_cell(data_dir, "group_aliases.csv", 0, "dataset", "media_ru")
    set_cell(data_dir, "group_aliases.csv", 0, "name", "Исламское движение Узбекистана")
    assert check_data(data_dir)[2] == []


def test_every_problem_is_reported_at_once_not_just_the_first(data_dir):
    set_cell(data_dir, "attacks.csv", 0, "lat", "200")
    set_cell(data_dir, "attacks.csv", 1, "killed_low", "x")
    set_cell(data_dir, "groups.csv", 1, "color", "red")
    with pytest.raises(DataValidationError) as raised:
        validated_tables(data_dir)
    assert len(raised.value.problems) == 3
    assert str(raised.value).startswith("3 data problem(s):")


@pytest.mark.parametrize(
    "breakage,expected",
    [
        (lambda d: (d / "events.csv").unlink(), "events.csv: whole file: file is missing"),
        (
            lambda d: (d / "groups.csv").write_bytes("id,name_en\nimu,Mouvement\xe9\n".encode("latin-1")),
            "groups.csv: whole file: is not UTF-8",
        ),
        (lambda d: (d / "sources.csv").write_text("id,title\nx,y\n"), "sources.csv: line 1, column 'url'"),
        (lambda d: (d / "borders.csv").write_text(""), "borders.csv: whole file: is not a readable CSV"),
    ],
)
def test_unreadable_files_are_named(data_dir, breakage, expected):
    breakage(data_dir)
    problems = [str(p) for p in check_data(data_dir)[2]]
    assert any(expected in p for p in problems), problems


def test_the_command_line_exits_0_and_counts_rows(data_dir, capsys):
    assert main(["validate", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "attacks.csv" in out and "3 rows" in out


def test_the_command_line_exits_1_and_lists_problems(data_dir, capsys):
    set_cell(data_dir, "attacks.csv", 1, "country_iso3", "XXX")
    assert main(["validate", str(data_dir)]) == 1
    assert "attacks.csv: line 3, column 'country_iso3', value 'XXX'" in capsys.readouterr().out


def test_validation_never_writes_to_the_data(data_dir):
    set_cell(data_dir, "attacks.csv", 0, "lat", "200")
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    check_data(data_dir)
    assert before == {p.name: p.read_bytes() for p in data_dir.iterdir()}


def test_a_mirror_must_name_what_it_copies(data_dir):
    set_cell(data_dir, "sources.csv", 0, "kind", "mirror")
    problems = check_data(data_dir)[2]
    expected = ("sources.csv", 2, "mirrors", "")
    assert [p for p in problems if (p.file, p.line, p.column, p.value) == expected and "must say" in p.rule], [
        str(p) for p in problems
    ]


def test_a_page_cited_under_two_ids_is_reported_on_the_second(data_dir):
    sources = pd.read_csv(data_dir / "sources.csv", dtype=str, keep_default_na=False)
    set_cell(data_dir, "sources.csv", 1, "url", sources.at[0, "url"])
    found = [(p.file, p.line, p.column, p.value, p.rule) for p in check_data(data_dir)[2] if p.column == "url"]
    assert found == [("sources.csv", 3, "url", sources.at[0, "url"], f"is already the URL of {sources.at[0, 'id']}")]


def test_a_named_mirror_passes(data_dir):
    set_cell(data_dir, "sources.csv", 2, "kind", "mirror")
    set_cell(data_dir, "sources.csv", 2, "mirrors", "Wikipedia article 'Islamic Movement of Uzbekistan'")
    assert not [p.rule for p in check_data(data_dir)[2] if "mirror must say" in p.rule]


@pytest.mark.parametrize(
    "file,row,column",
    [("attacks.csv", 0, "source_ids"), ("groups.csv", 0, "source_ids"), ("tolls.csv", 0, "source_id")],
)
def test_a_row_citing_only_a_mirror_is_reported(data_dir, file, row, column):
    set_cell(data_dir, "sources.csv", 2, "kind", "mirror")
    set_cell(data_dir, "sources.csv", 2, "mirrors", "Wikipedia article 'Islamic Movement of Uzbekistan'")
    set_cell(data_dir, file, row, column, "wiki_imu")
    found = [(p.file, p.line, p.column, p.value, p.rule) for p in check_data(data_dir)[2]]
    rule = "must cite at least one source of kind news, official, court, research, ngo, dataset (cites only: mirror)"
    assert (file, row + 2, column, "wiki_imu", rule) in found


KINDS = {"wiki_imu": "encyclopedia", "wiki_sco": "encyclopedia", "blog_a": "blog", "mirror_a": "mirror"}
KINDS |= {"news_a": "news", "ifri": "research"}

PRIMARY_SOURCE_CASES = [
    # cells of the column, line and value reported (None: no problem), words of the rule
    (["wiki_imu;news_a"], None, ""),
    (["ifri"], None, ""),
    (["unknown_id"], None, ""),
    (["news_a", "wiki_imu"], (3, "wiki_imu"), "must cite at least one source of kind news, official, court"),
    (["wiki_imu;wiki_sco"], (2, "wiki_imu;wiki_sco"), "(cites only: encyclopedia)"),
    (["blog_a;wiki_imu"], (2, "blog_a;wiki_imu"), "(cites only: blog, encyclopedia)"),
    (["mirror_a"], (2, "mirror_a"), "(cites only: mirror)"),
]


@pytest.mark.parametrize("cells,expected,words", PRIMARY_SOURCE_CASES)
def test_rows_cite_a_primary_source(cells, expected, words):
    frame = pd.DataFrame({"source_ids": cells})
    problems = rows_cite_a_primary_source("groups", frame, "source_ids", KINDS)
    if expected is None:
        assert problems == []
    else:
        [problem] = problems
        assert (problem.file, problem.line, problem.column, problem.value) == (
            "groups.csv",
            expected[0],
            "source_ids",
            expected[1],
        )
        assert words in problem.rule


MIRROR_SHARE_CASES = [
    # kinds of the sources, ids cited, words of the rule (None: no problem)
    (["mirror", "news", "news"], {"s0", "s1", "s2"}, "1 of the 3 cited sources (33.3%) are mirrors; fewer than 5%"),
    (["mirror", "news", "news"], {"s1", "s2"}, None),
    (["mirror"] + ["news"] * 20, {f"s{i}" for i in range(21)}, None),
    (["mirror", "mirror"] + ["news"] * 18, {f"s{i}" for i in range(20)}, "2 of the 20 cited sources (10.0%)"),
    (["news"], set(), None),
]


@pytest.mark.parametrize("kinds,cited,words", MIRROR_SHARE_CASES)
def test_mirrors_are_few_counts_cited_sources_only(kinds, cited, words):
    sources = pd.DataFrame({"id": [f"s{i}" for i in range(len(kinds))], "kind": kinds})
    problems = mirrors_are_few(sources, cited)
    if words is None:
        assert problems == []
    else:
        [problem] = problems
        assert (problem.file, problem.line, problem.column, problem.value) == ("sources.csv", None, "kind", "mirror")
        assert words in problem.rule


UNCITED_MIRROR_CASES = [
    # kinds of the sources, ids cited, lines reported
    (["mirror", "news"], {"s0", "s1"}, []),
    (["mirror", "news"], {"s1"}, [2]),
    (["news", "mirror", "mirror"], {"s2"}, [3]),
    (["news", "encyclopedia"], set(), []),
]


@pytest.mark.parametrize("kinds,cited,lines", UNCITED_MIRROR_CASES)
def test_a_mirror_no_row_cites_is_reported(kinds, cited, lines):
    sources = pd.DataFrame({"id": [f"s{i}" for i in range(len(kinds))], "kind": kinds})
    problems = mirrors_are_cited(sources, cited)
    assert [(p.file, p.line, p.column, p.rule) for p in problems] == [
        ("sources.csv", line, "id", "is a mirror no row cites: remove it") for line in lines
    ]


def test_cited_sources_reads_lists_and_single_ids(data_dir):
    tables, _ = validated_tables(data_dir)
    cited = cited_sources(tables)
    assert set(tables["tolls"]["source_id"]) <= cited
    assert {ref for cell in tables["attacks"]["source_ids"] for ref in cell.split(";")} <= cited


def test_place_names_are_given_in_each_language_of_the_page_but_the_datas_own():
    assert set(TRANSLATED_LANGUAGES) == set(LANGUAGES) - {SOURCE_LANGUAGE}

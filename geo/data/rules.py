"""Rules that span several cells, rows or files: ranges, precision, references, geography."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pyproj
from shapely.geometry import Point
from shapely.ops import nearest_points

from geo.data import vocab
from geo.data.problems import Problem, line_of
from geo.data.schema import parse_day, parse_partial_date

MAX_KM_OUTSIDE_COUNTRY = 25.0
GEOD = pyproj.Geod(ellps="WGS84")

Tables = dict[str, pd.DataFrame]


def _ints(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce")


def low_not_above_high(name: str, frame: pd.DataFrame, low: str, high: str) -> list[Problem]:
    """`low` may not exceed `high` on any row."""
    lo, hi = _ints(frame, low), _ints(frame, high)
    bad = frame.index[(lo > hi).fillna(False)]
    return [
        Problem(f"{name}.csv", line_of(i), low, frame.at[i, low], f"must not be above {high} ({frame.at[i, high]})")
        for i in bad
    ]


def start_not_after_end(
    name: str, frame: pd.DataFrame, start: str, end: str, parse=lambda v: int(v) if v.isdigit() else None
) -> list[Problem]:
    """A period may not end before it starts."""
    problems = []
    for i, (s, e) in enumerate(zip(frame[start], frame[end])):
        s_val, e_val = parse(s) if s else None, parse(e) if e else None
        if s_val is not None and e_val is not None and e_val < s_val:
            problems.append(Problem(f"{name}.csv", line_of(i), end, e, f"must not be before {start} ({s})"))
    return problems


def date_matches_precision(name: str, frame: pd.DataFrame) -> list[Problem]:
    """Less precise dates are written as the first day of their month or year."""
    problems = []
    for i, (text, precision) in enumerate(zip(frame["date"], frame["date_precision"])):
        day = parse_day(text)
        if day is None:
            continue
        if precision == "month" and day.day != 1:
            problems.append(
                Problem(f"{name}.csv", line_of(i), "date", text, "a month-precision date must be the 1st of its month")
            )
        if precision == "year" and (day.month, day.day) != (1, 1):
            problems.append(
                Problem(f"{name}.csv", line_of(i), "date", text, "a year-precision date must be January 1st")
            )
    return problems


def foiled_have_no_victims(frame: pd.DataFrame) -> list[Problem]:
    """A foiled plot killed and wounded nobody."""
    problems = []
    for column in ("killed_high", "wounded_high"):
        counts = _ints(frame, column)
        bad = frame.index[(frame["foiled"] == "true") & (counts > 0).fillna(False)]
        problems += [
            Problem("attacks.csv", line_of(i), column, frame.at[i, column], "a foiled plot must have no victims")
            for i in bad
        ]
    return problems


def references_resolve(
    name: str, frame: pd.DataFrame, column: str, known: set[str], target: str, *, allow: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every id listed in `column` exists in `target`."""
    problems = []
    for i, cell in enumerate(frame[column]):
        for ref in filter(None, cell.split(";")):
            if ref not in known and ref not in allow:
                problems.append(Problem(f"{name}.csv", line_of(i), column, cell, f"'{ref}' is not an id in {target}"))
    return problems


def sources_are_citable(frame: pd.DataFrame) -> list[Problem]:
    """A source needs a URL, or an author and a publisher to be found in a library."""
    bad = frame.index[(frame["url"] == "") & ((frame["author"] == "") | (frame["publisher"] == ""))]
    return [
        Problem("sources.csv", line_of(i), "url", "", "a source without a URL needs an author and a publisher")
        for i in bad
    ]


def sources_are_distinct(frame: pd.DataFrame) -> list[Problem]:
    """One page is one source: two rows with the same URL would count it twice in the share of
    source kinds and split the rows citing it."""
    first: dict[str, str] = {}
    problems = []
    for i, (source_id, url) in enumerate(zip(frame["id"], frame["url"])):
        if url and url in first:
            problems.append(Problem("sources.csv", line_of(i), "url", url, f"is already the URL of {first[url]}"))
        first.setdefault(url, source_id)
    return problems


def mirrors_name_their_original(frame: pd.DataFrame) -> list[Problem]:
    """A mirror says what it copies, so the original can be found and cited instead."""
    bad = frame.index[(frame["kind"] == "mirror") & (frame["mirrors"] == "")]
    return [
        Problem("sources.csv", line_of(i), "mirrors", "", "a mirror must say in 'mirrors' what it copies") for i in bad
    ]


def rows_cite_a_primary_source(name: str, frame: pd.DataFrame, column: str, kinds: dict[str, str]) -> list[Problem]:
    """Each row rests on at least one news, official, court, research, NGO or dataset source: an
    encyclopedia, a mirror or a blog may complement one, never stand alone. Ids that do not resolve
    are reported by `references_resolve` and left out here."""
    wanted = ", ".join(vocab.PRIMARY_SOURCE_KINDS)
    problems = []
    for i, cell in enumerate(frame[column]):
        known = [ref for ref in filter(None, cell.split(";")) if ref in kinds]
        if known and not any(kinds[ref] in vocab.PRIMARY_SOURCE_KINDS for ref in known):
            cited = ", ".join(sorted({kinds[ref] for ref in known}))
            problems.append(
                Problem(
                    f"{name}.csv",
                    line_of(i),
                    column,
                    cell,
                    f"must cite at least one source of kind {wanted} (cites only: {cited})",
                )
            )
    return problems


# Mirrors stand in for originals that could not be found; the data may lean on few of them.
MAX_MIRROR_SHARE = 0.05


def cited_sources(tables: Tables) -> set[str]:
    """The ids of sources that some row of the data cites."""
    cited: set[str] = set()
    for frame in tables.values():
        for column in ("source_ids", "source_id"):
            if column in frame:
                cited.update(ref for cell in frame[column] for ref in cell.split(";") if ref)
    return cited


def mirrors_are_cited(sources: pd.DataFrame, cited: set[str]) -> list[Problem]:
    """A mirror stands in for an original that could not be found: once every row citing it cites
    the original instead, it goes, so that the list of sources holds only what the data rests on."""
    unused = sources.index[(sources["kind"] == "mirror") & ~sources["id"].isin(cited)]
    return [
        Problem("sources.csv", line_of(i), "id", sources.at[i, "id"], "is a mirror no row cites: remove it")
        for i in unused
    ]


def mirrors_are_few(sources: pd.DataFrame, cited: set[str]) -> list[Problem]:
    """Fewer than 5% of the sources the data cites are mirrors. Rows of sources.csv are never
    deleted, so a mirror whose citations were all replaced by its original no longer counts."""
    used = sources[sources["id"].isin(cited)]
    mirrors = int((used["kind"] == "mirror").sum())
    if not len(used) or mirrors / len(used) < MAX_MIRROR_SHARE:
        return []
    return [
        Problem(
            "sources.csv",
            None,
            "kind",
            "mirror",
            f"{mirrors} of the {len(used)} cited sources ({mirrors / len(used):.1%}) are mirrors; "
            f"fewer than {MAX_MIRROR_SHARE:.0%} may be: cite the originals they copy",
        )
    ]


def border_pairs_ordered(frame: pd.DataFrame, shaped: set[str]) -> list[Problem]:
    """Border pairs are written once, alphabetically, between two countries with shapes."""
    problems = []
    for i, (a, b) in enumerate(zip(frame["country_a"], frame["country_b"])):
        if a and b and a >= b:
            problems.append(
                Problem("borders.csv", line_of(i), "country_b", b, f"must come after country_a ({a}) alphabetically")
            )
        for column, code in (("country_a", a), ("country_b", b)):
            if code and code not in shaped:
                problems.append(Problem("borders.csv", line_of(i), column, code, "has no shape in countries.geojson"))
    return problems


def successors_have_shapes(name: str, frame: pd.DataFrame, shaped: set[str]) -> list[Problem]:
    """A state listed as broken away from a row's country is found by the point falling in its shape:
    it needs one in countries.geojson, and cannot be the row's country itself."""
    problems = []
    for i, (own, cell) in enumerate(zip(frame["country_iso3"], frame["successors"])):
        for code in filter(None, cell.split(";")):
            if code == own:
                problems.append(Problem(f"{name}.csv", line_of(i), "successors", cell, f"must not list {own} itself"))
            elif code not in shaped:
                problems.append(
                    Problem(f"{name}.csv", line_of(i), "successors", cell, f"{code} has no shape in countries.geojson")
                )
    return problems


def place_names_hold(names: pd.DataFrame, attacks: pd.DataFrame) -> list[Problem]:
    """A place name names a place of attacks.csv, in its country (the whole `city`, or its city before a
    bracket), once per language."""
    places = set(zip(attacks["city"], attacks["country_iso3"]))
    places |= {(city.partition(" (")[0], country) for city, country in places}
    problems, seen = [], set()
    for i, (place, country, lang) in enumerate(zip(names["place"], names["country_iso3"], names["lang"])):
        if place and (place, country) not in places:
            problems.append(
                Problem("place_names.csv", line_of(i), "place", place, f"is not a place of attacks.csv in {country}")
            )
        if (place, country, lang) in seen:
            problems.append(
                Problem("place_names.csv", line_of(i), "place", place, f"is named in '{lang}' by an earlier row")
            )
        seen.add((place, country, lang))
    return problems


def place_names_cite_news(names: pd.DataFrame, kinds: dict[str, str]) -> list[Problem]:
    """A place's name in a language is how that language's press writes it: each row cites a news page."""
    return [
        Problem("place_names.csv", line_of(i), "source_ids", cell, "must cite a news page that writes the name")
        for i, cell in enumerate(names["source_ids"])
        if not any(kinds.get(ref) == "news" for ref in cell.split(";"))
    ]


def distance_km(a: Point, b: Point) -> float:
    """Geodesic distance between two lon/lat points on the WGS84 ellipsoid."""
    return GEOD.inv(a.x, a.y, b.x, b.y)[2] / 1000


def km_outside(point: Point, shape) -> float:
    """How far a point lies outside a shape, 0 when inside."""
    if shape.contains(point):
        return 0.0
    return distance_km(point, nearest_points(shape, point)[0])


def points_in_their_country(name: str, frame: pd.DataFrame, countries: gpd.GeoDataFrame) -> list[Problem]:
    """Exact and city-precision points lie inside, or within 25 km of, their stated country."""
    shapes = dict(zip(countries["iso3"], countries.geometry))
    problems = []
    for i, row in frame.iterrows():
        if row["location_precision"] not in ("exact", "city") or row["country_iso3"] not in shapes:
            continue
        try:
            lon, lat = float(row["lon"]), float(row["lat"])
        except ValueError:
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue  # already reported by the schema
        point = Point(lon, lat)
        distance = km_outside(point, shapes[row["country_iso3"]])
        if distance > MAX_KM_OUTSIDE_COUNTRY:
            problems.append(
                Problem(
                    f"{name}.csv",
                    line_of(i),
                    "lat",
                    f"{row['lat']},{row['lon']}",
                    f"point lies {distance:.0f} km outside {row['country_iso3']} "
                    f"(allowed: {MAX_KM_OUTSIDE_COUNTRY:.0f} km)",
                )
            )
    return problems


# An attack this deadly has its figures recorded source by source, whatever its range.
TOLLS_NEEDED_FROM_KILLED = 10


def figures_given(tolls: pd.DataFrame) -> list[Problem]:
    """A row of tolls.csv gives at least one figure."""
    bad = tolls.index[(tolls["killed"] == "") & (tolls["wounded"] == "")]
    return [Problem("tolls.csv", line_of(i), "wounded", "", "a row must give killed, wounded or both") for i in bad]


def ranges_span_the_tolls(attacks: pd.DataFrame, tolls: pd.DataFrame) -> list[Problem]:
    """Each attack's killed and wounded ranges run from the lowest to the highest figure its sources
    give in tolls.csv (figures with an `excluded` reason left out), and an attack whose range is
    wider than one figure, or with 10 or more killed, has its figures there."""
    counted = tolls[tolls["excluded"] == ""]
    problems = []
    for i, row in attacks.iterrows():
        mine = counted[counted["attack_id"] == row["id"]]
        for measure in ("killed", "wounded"):
            low, high = (_int(row[f"{measure}_{end}"]) for end in ("low", "high"))
            figures = pd.to_numeric(mine[measure], errors="coerce").dropna().astype(int)
            if not len(figures):
                wide = low is not None and high is not None and low != high
                deadly = measure == "killed" and (high or low or 0) >= TOLLS_NEEDED_FROM_KILLED
                if wide or deadly:
                    why = "a range wider than one figure" if wide else f"{TOLLS_NEEDED_FROM_KILLED} or more killed"
                    problems.append(
                        Problem(
                            "attacks.csv",
                            line_of(i),
                            f"{measure}_high",
                            row[f"{measure}_high"],
                            f"{why} needs each source's figure in tolls.csv",
                        )
                    )
                continue
            for end, wanted, pick in (("low", low, figures.idxmin()), ("high", high, figures.idxmax())):
                written = row[f"{measure}_{end}"]
                if written and wanted is None:
                    continue  # not a number: the schema reports it
                if end == "high" and not written:
                    wanted = low  # no upper bound written: every figure counted is the low one
                if wanted != figures[pick]:
                    word = "lowest" if end == "low" else "highest"
                    problems.append(
                        Problem(
                            "attacks.csv",
                            line_of(i),
                            f"{measure}_{end}",
                            row[f"{measure}_{end}"],
                            f"must be the {word} figure in tolls.csv ({figures[pick]}, {mine.at[pick, 'source_id']})",
                        )
                    )
    return problems


def scope_holds(attacks: pd.DataFrame) -> list[Problem]:
    """Each reason `scope` gives for an attack being in the data is true of its row (a Central Asian
    target is a fact of the target, which the row does not record, and is taken as written)."""
    holds = {
        "territory": lambda row: row["country_iso3"] in vocab.CENTRAL_ASIA,
        "nationality": lambda row: bool(set(row["perpetrator_nationalities"].split(";")) & set(vocab.CENTRAL_ASIA)),
        "central_asian_group": lambda row: row["group_id"] in vocab.CENTRAL_ASIAN_GROUPS,
        "iskp_mass_casualty": lambda row: (
            row["group_id"] == "iskp"
            and (_int(row["killed_high"]) or _int(row["killed_low"]) or 0) >= vocab.ISKP_MASS_CASUALTY_KILLED
        ),
    }
    why = {
        "territory": f"the country is not one of {', '.join(vocab.CENTRAL_ASIA)}",
        "nationality": f"no perpetrator nationality is one of {', '.join(vocab.CENTRAL_ASIA)}",
        "central_asian_group": f"the group is not one of {', '.join(vocab.CENTRAL_ASIAN_GROUPS)}",
        "iskp_mass_casualty": f"needs group iskp and {vocab.ISKP_MASS_CASUALTY_KILLED} or more killed",
    }
    problems = []
    for i, row in attacks.iterrows():
        for scope in filter(None, row["scope"].split(";")):
            if scope in holds and not holds[scope](row):
                problems.append(Problem("attacks.csv", line_of(i), "scope", row["scope"], f"'{scope}': {why[scope]}"))
    return problems


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def cross_file_problems(tables: Tables, countries: gpd.GeoDataFrame) -> list[Problem]:
    """Every rule that needs more than one cell, over every table that loaded."""
    ids = {name: set(frame["id"]) for name, frame in tables.items() if "id" in frame}
    sources, groups, orgs = ids.get("sources", set()), ids.get("groups", set()), ids.get("organizations", set())
    unknown = frozenset({vocab.UNKNOWN_GROUP})
    problems: list[Problem] = []
    for name, frame in tables.items():
        if "source_ids" in frame and "sources" in tables:
            problems += references_resolve(name, frame, "source_ids", sources, "sources.csv")
    if "attacks" in tables:
        attacks = tables["attacks"]
        problems += low_not_above_high("attacks", attacks, "killed_low", "killed_high")
        problems += low_not_above_high("attacks", attacks, "wounded_low", "wounded_high")
        problems += date_matches_precision("attacks", attacks)
        problems += foiled_have_no_victims(attacks)
        problems += points_in_their_country("attacks", attacks, countries)
        problems += scope_holds(attacks)
        if "groups" in tables:
            problems += references_resolve("attacks", attacks, "group_id", groups, "groups.csv", allow=unknown)
    if "events" in tables:
        events = tables["events"]
        problems += date_matches_precision("events", events)
        if "groups" in tables:
            problems += references_resolve("events", events, "group_ids", groups, "groups.csv")
        if "organizations" in tables:
            problems += references_resolve("events", events, "org_ids", orgs, "organizations.csv")
    if "groups" in tables:
        problems += start_not_after_end("groups", tables["groups"], "founded_year", "end_year")
    if "group_links" in tables and "groups" in tables:
        links = tables["group_links"]
        for column in ("from_group", "to_group"):
            problems += references_resolve("group_links", links, column, groups, "groups.csv")
        problems += start_not_after_end("group_links", links, "start_year", "end_year")
    if "bases" in tables:
        bases = tables["bases"]
        if "groups" in tables:
            problems += references_resolve("bases", bases, "group_id", groups, "groups.csv")
        problems += start_not_after_end("bases", bases, "start_year", "end_year")
        problems += points_in_their_country("bases", bases, countries)
    if "borders" in tables:
        problems += border_pairs_ordered(tables["borders"], set(countries["iso3"]) - {""})
        problems += start_not_after_end("borders", tables["borders"], "start_year", "end_year")
    if "organizations" in tables:
        problems += start_not_after_end(
            "organizations", tables["organizations"], "founded", "dissolved", parse=parse_partial_date
        )
    if "memberships" in tables:
        memberships = tables["memberships"]
        if "organizations" in tables:
            problems += references_resolve("memberships", memberships, "org_id", orgs, "organizations.csv")
        problems += start_not_after_end("memberships", memberships, "start_date", "end_date", parse=parse_partial_date)
    if "group_aliases" in tables and "groups" in tables:
        problems += references_resolve("group_aliases", tables["group_aliases"], "group_id", groups, "groups.csv")
    if "place_names" in tables and "attacks" in tables:
        problems += place_names_hold(tables["place_names"], tables["attacks"])
    for name in ("country_names", "gleditsch_ward"):
        if name in tables:
            problems += successors_have_shapes(name, tables[name], set(countries["iso3"]) - {""})
    if "tolls" in tables:
        tolls = tables["tolls"]
        problems += figures_given(tolls)
        problems += references_resolve("tolls", tolls, "source_id", sources, "sources.csv")
        if "attacks" in tables:
            problems += references_resolve("tolls", tolls, "attack_id", ids.get("attacks", set()), "attacks.csv")
            problems += ranges_span_the_tolls(tables["attacks"], tolls)
    if "context" in tables:
        problems += low_not_above_high("context", tables["context"], "value_low", "value_high")
    if "sources" in tables:
        sources_frame = tables["sources"]
        problems += sources_are_citable(sources_frame)
        problems += sources_are_distinct(sources_frame)
        problems += mirrors_name_their_original(sources_frame)
        kinds = dict(zip(sources_frame["id"], sources_frame["kind"]))
        for name, frame in tables.items():
            if "source_ids" in frame:
                problems += rows_cite_a_primary_source(name, frame, "source_ids", kinds)
        if "place_names" in tables:
            problems += place_names_cite_news(tables["place_names"], kinds)
        if "tolls" in tables:
            problems += rows_cite_a_primary_source("tolls", tables["tolls"], "source_id", kinds)
        cited = cited_sources(tables)
        problems += mirrors_are_cited(sources_frame, cited)
        problems += mirrors_are_few(sources_frame, cited)
    return problems

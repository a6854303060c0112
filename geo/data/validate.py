"""Read every CSV of the contract as text and report every problem in one go.

Usage: python -m geo.validate [DATA_DIR]
Prints a row count per file and exits 0, or prints every problem and exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa

from geo.data.paths import COUNTRIES_FILE, DATA_DIR
from geo.data.problems import DataValidationError, Problem, line_of
from geo.data.rules import Tables, cross_file_problems
from geo.data.schema import SPECS, FileSpec

# pandera names its built-in checks; these read better in a message.
BUILTIN_RULES = {"field_uniqueness": "must be unique (another row has the same value)"}


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV with every cell as text, blanks as '' (never NaN)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def read_table(data_dir: Path, spec: FileSpec) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One file read and checked against its declared schema."""
    path = data_dir / spec.file
    if not path.exists():
        return None, [Problem(spec.file, None, "", "", "file is missing")]
    try:
        frame = read_csv_text(path)
    except UnicodeDecodeError as error:
        return None, [Problem(spec.file, None, "", "", f"is not UTF-8 ({error.reason} at byte {error.start})")]
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        return None, [Problem(spec.file, None, "", "", f"is not a readable CSV ({error})")]
    missing = [c for c in spec.columns if c not in frame.columns]
    if missing:
        return None, [Problem(spec.file, 1, c, "", "required column is missing from the header") for c in missing]
    return frame, schema_problems(spec, frame)


def schema_problems(spec: FileSpec, frame: pd.DataFrame) -> list[Problem]:
    """Every failing cell of `frame` under the file's pandera schema."""
    try:
        spec.schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        problems = []
        for case in cases.itertuples(index=False):
            index = case.index
            row_line = line_of(index) if index is not None and not pd.isna(index) else None
            rule_text = BUILTIN_RULES.get(str(case.check), str(case.check))
            problems.append(
                Problem(
                    spec.file,
                    row_line,
                    str(case.column or ""),
                    "" if pd.isna(case.failure_case) else str(case.failure_case),
                    rule_text,
                )
            )
        return problems
    return []


def read_countries(data_dir: Path) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """The country shapes, with a problem for each missing, invalid or duplicated one."""
    path = data_dir / COUNTRIES_FILE
    if not path.exists():
        return gpd.GeoDataFrame({"iso3": []}, geometry=[], crs="EPSG:4326"), [
            Problem(COUNTRIES_FILE, None, "", "", "file is missing")
        ]
    countries = gpd.read_file(path)
    countries["iso3"] = countries["iso3"].fillna("")
    problems = [
        Problem(COUNTRIES_FILE, None, "geometry", name, "geometry is not valid")
        for name in countries.loc[~countries.geometry.is_valid, "name_en"]
    ]
    coded = countries[countries["iso3"] != ""]
    problems += [
        Problem(COUNTRIES_FILE, None, "iso3", code, "must be unique")
        for code in coded.loc[coded["iso3"].duplicated(), "iso3"]
    ]
    return countries, problems


def check_data(data_dir: Path = DATA_DIR) -> tuple[Tables, gpd.GeoDataFrame, list[Problem]]:
    """Every table as text, the shapes, and every problem found in them."""
    data_dir = Path(data_dir)
    countries, problems = read_countries(data_dir)
    tables: Tables = {}
    for name, spec in SPECS.items():
        frame, file_problems = read_table(data_dir, spec)
        problems += file_problems
        if frame is not None:
            tables[name] = frame
    problems += cross_file_problems(tables, countries)
    return tables, countries, problems


def validated_tables(data_dir: Path = DATA_DIR) -> tuple[Tables, gpd.GeoDataFrame]:
    """The tables and shapes, or DataValidationError listing every problem."""
    tables, countries, problems = check_data(data_dir)
    if problems:
        raise DataValidationError(problems)
    return tables, countries


def main(argv: list[str]) -> int:
    data_dir = Path(argv[1]) if len(argv) > 1 else DATA_DIR
    tables, countries, problems = check_data(data_dir)
    if problems:
        print(DataValidationError(problems))
        return 1
    for name, frame in tables.items():
        print(f"{name + '.csv':<22}{len(frame):>6} rows")
    print(f"{COUNTRIES_FILE:<22}{len(countries):>6} shapes")
    print(f"ok: {sum(len(f) for f in tables.values())} rows in {len(tables)} files, no problem found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

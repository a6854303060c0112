"""Import benchmark: a GTD-shaped export of 210,000 rows x 135 columns, read, re-used and mapped.

Usage: python -m bench.import [ROWS] [BIG_ROWS]

Writes a synthetic latin-1 GTD CSV (about 160 MB, quoted commas in text) to the temporary
folder, then measures in a fresh process: import time and peak memory, the cost of re-using
the cached result (what a cache hit does: unpickling it), and the map build for all imported
events; then the linking of that import to the curated attacks and of a second, 200,000-row
import to both (the same event in two datasets is one incident). The baseline, measured in the
same run, is a bare pandas read of all 135 columns as text. Targets on a 2-core machine:
import < 30 s and < 2 GB, re-use < 1 s, map < 2 s and < 5 MB, linking < 10 s and < 2 GB.

Then a 1,000,000-row GTD export in only the columns the importer reads (about 230 MB: the full
135 columns would pass the upload limit), imported in chunks by a fresh process with its progress
counted, against a bare pandas read of the same file in another: time, peak memory, and ratios.
Targets: < 60 s and < 2.5 GB. Last, a 3.4 MB XLSX zip bomb (about 900 MB of sheet XML) must be
refused in < 2 s.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROWS = 210_000
SECOND_ROWS = 200_000
BIG_ROWS = 1_000_000
TARGETS = {
    "import_s": 30.0,
    "peak_mb": 2048.0,
    "reuse_s": 1.0,
    "map_s": 2.0,
    "map_mb": 5.0,
    "link_s": 10.0,
    "link_peak_mb": 2048.0,
    "big_import_s": 60.0,
    "big_peak_mb": 2560.0,
    "bomb_s": 2.0,
}
COUNTRIES = ("Afghanistan", "Tajikistan", "Uzbekistan", "Kyrgyzstan", "Kazakhstan", "Pakistan", "Russia", "Turkey")
GROUPS = (
    "Taliban",
    "Khorasan Chapter of the Islamic State",
    "Islamic Movement of Uzbekistan (IMU)",
    "Unknown",
    "Tehrik-i-Taliban Pakistan (TTP)",
    "Some Local Cell",
)


def gtd_columns(width: int = 135) -> list[str]:
    """The column names of a GTD export, in order: all 135, or only those read when `width` is less."""
    from geo.io.sniff import EXTRA_COLUMNS, SIGNATURES

    known = list(dict.fromkeys(SIGNATURES["gtd"] + EXTRA_COLUMNS["gtd"]))
    return known + [f"extra_{i}" for i in range(max(width - len(known), 0))]


def write_gtd(path: Path, rows: int, seed: int = 11, width: int = 135) -> None:
    """A synthetic GTD export: Central Asian coordinates, quoted commas and accents in the text."""
    rng = np.random.default_rng(seed)
    columns = gtd_columns(width)
    position = {c: i for i, c in enumerate(columns)}
    blank = [""] * len(columns)
    years, months, days = rng.integers(1991, 2021, rows), rng.integers(0, 13, rows), rng.integers(0, 29, rows)
    lats, lons = rng.uniform(31, 45, rows), rng.uniform(60, 75, rows)
    kills, wounds = rng.poisson(2, rows), rng.poisson(3, rows)
    countries, groups = rng.integers(0, len(COUNTRIES), rows), rng.integers(0, len(GROUPS), rows)
    with path.open("w", encoding="latin-1", newline="") as out:
        out.write(",".join(columns) + "\n")
        for i in range(rows):
            row = list(blank)
            row[position["eventid"]] = f"{years[i]}{i:08d}"
            row[position["iyear"]], row[position["imonth"]], row[position["iday"]] = (
                str(years[i]),
                str(months[i]),
                str(days[i]),
            )
            row[position["country_txt"]] = COUNTRIES[countries[i]]
            row[position["latitude"]], row[position["longitude"]] = f"{lats[i]:.6f}", f"{lons[i]:.6f}"
            row[position["specificity"]] = "1"
            row[position["gname"]] = f'"{GROUPS[groups[i]]}"'
            row[position["nkill"]], row[position["nwound"]] = f"{kills[i]}.0", str(wounds[i])
            row[position["city"]] = f'"Qal\u00e9h, district {i % 97}"'
            row[position["summary"]] = f'"Synthetic event {i}, near the ""market"", caf\u00e9 and bus station."'
            row[position["attacktype1_txt"]] = "Bombing/Explosion"
            row[position["targtype1_txt"]] = "Private Citizens & Property"
            row[position["scite1"]] = f'"Synthetic newspaper, ""Report {i}"", page {i % 40}, 12 March"'
            for extra in range(9 if "extra_8" in position else 0):
                row[position[f"extra_{extra}"]] = f'"note {extra} on event {i}, with a comma"'
            out.write(",".join(row) + "\n")


def measure(path: Path, second: Path) -> dict:
    """Run in a fresh process so the peak memory is the import's own."""
    import pandas as pd

    from geo.data.load import load_dataset
    from geo.io.importer import import_bytes, linked_to
    from geo.io.linking import links
    from geo.map.basemap import basemap_collections, display_shapes
    from geo.map.elements import basemap, feature_group
    from geo.map.events import event_layer, event_payload
    from geo.text.escape import compact_json

    data = load_dataset()
    shapes = display_shapes(data.countries)
    start = time.perf_counter()
    pd.read_csv(path, encoding="latin-1", dtype=str, keep_default_na=False)
    baseline_s = time.perf_counter() - start
    start = time.perf_counter()
    result = import_bytes(path.read_bytes(), path.name, data)
    import_s = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stored = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    start = time.perf_counter()
    pickle.loads(stored)
    reuse_s = time.perf_counter() - start
    start = time.perf_counter()
    payload = compact_json(event_payload(result.attacks, data.groups, data.sources, "en"))
    fmap = basemap(basemap_collections(shapes), "en")
    feature_group("attacks", event_layer(payload, len(result.attacks), True, False, "bench")).add_to(fmap)
    html = fmap.get_root().render()
    map_s = time.perf_counter() - start
    other = import_bytes(second.read_bytes(), second.name, data)
    start = time.perf_counter()
    first_links = linked_to(result, data.attacks).links
    earlier = pd.concat([data.attacks, result.attacks], ignore_index=True)
    second_links = links(earlier, other.attacks)
    link_s = time.perf_counter() - start
    link_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "rows": len(result.attacks),
        "skipped": result.skipped_count,
        "baseline_s": baseline_s,
        "import_s": import_s,
        "peak_mb": peak_mb,
        "reuse_s": reuse_s,
        "map_s": map_s,
        "map_mb": len(html.encode()) / 1e6,
        "second_rows": len(other.attacks),
        "links_to_curated": len(first_links),
        "links_of_second": len(second_links),
        "link_s": link_s,
        # The peak of the whole process: both imports, then the linking.
        "link_peak_mb": link_peak_mb,
    }


def measure_big(path: Path, bare: bool) -> dict:
    """One fresh process: a bare pandas read of every column as text, or the import with its progress."""
    import pandas as pd

    if bare:
        start = time.perf_counter()
        pd.read_csv(path, encoding="latin-1", dtype=str, keep_default_na=False)
        return {"s": time.perf_counter() - start, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    from geo.data.load import load_dataset
    from geo.io.importer import import_bytes

    data = load_dataset()
    told = []
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    result = import_bytes(path.read_bytes(), path.name, data, progress=lambda done, total: told.append(done))
    return {
        "s": time.perf_counter() - start,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "dataset_mb": before_mb,
        "rows": len(result.attacks),
        "skipped": result.skipped_count,
        "progress_calls": len(told),
    }


def zip_bomb() -> bytes:
    """A workbook whose one sheet unpacks from about 3.4 MB to about 900 MB of repeated rows."""
    import io
    import zipfile

    import pandas as pd

    book = io.BytesIO()
    pd.DataFrame({c: ["1"] for c in gtd_columns(0)}).to_excel(book, index=False)
    out = io.BytesIO()
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in source.infolist():
            if member.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(member, source.read(member))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for _ in range(900 * 2**20 // len(row)):
                sheet.write(row)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def measure_bomb() -> dict:
    from geo.data.load import load_dataset
    from geo.io.importer import import_bytes
    from geo.io.messages import ImportFailure

    data = load_dataset()
    bomb = zip_bomb()
    start = time.perf_counter()
    try:
        import_bytes(bomb, "bomb.xlsx", data)
        refused = "not refused"
    except ImportFailure as failure:
        refused = str(failure)
    return {
        "s": time.perf_counter() - start,
        "zip_mb": len(bomb) / 2**20,
        "refused": refused,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def fresh(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.import", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if len(argv) > 3 and argv[1] == "--measure":
        print(json.dumps(measure(Path(argv[2]), Path(argv[3]))))
        return 0
    if len(argv) > 3 and argv[1] == "--measure-big":
        print(json.dumps(measure_big(Path(argv[2]), argv[3] == "bare")))
        return 0
    if len(argv) > 1 and argv[1] == "--measure-bomb":
        print(json.dumps(measure_bomb()))
        return 0
    rows = int(argv[1]) if len(argv) > 1 else ROWS
    big_rows = int(argv[2]) if len(argv) > 2 else BIG_ROWS
    big = Path(tempfile.gettempdir()) / f"bench-gtd-narrow-{big_rows}.csv"
    path = Path(tempfile.gettempdir()) / f"bench-gtd-{rows}.csv"
    second = Path(tempfile.gettempdir()) / f"bench-gtd-second-{SECOND_ROWS}.csv"
    for file, count, seed, width in ((path, rows, 11, 135), (second, SECOND_ROWS, 12, 135), (big, big_rows, 13, 0)):
        if not file.exists():
            start = time.perf_counter()
            write_gtd(file, count, seed, width)
            print(
                f"wrote {file} ({file.stat().st_size / 1e6:.0f} MB, {count} rows x {len(gtd_columns(width))} columns)"
                f" in {time.perf_counter() - start:.1f} s"
            )
    figures = fresh("--measure", str(path), str(second))
    bare, chunked, bomb = (
        fresh("--measure-big", str(big), "bare"),
        fresh("--measure-big", str(big), "import"),
        fresh("--measure-bomb"),
    )
    figures.update(big_import_s=chunked["s"], big_peak_mb=chunked["peak_mb"], bomb_s=bomb["s"])
    print(f"file: {path.stat().st_size / 1e6:.0f} MB; imported {figures['rows']} rows, skipped {figures['skipped']}")
    print(
        f"baseline (bare pandas read of all 135 columns as text): {figures['baseline_s']:.2f} s; "
        f"import: {figures['import_s']:.2f} s ({figures['import_s'] / figures['baseline_s']:.2f} x baseline)"
    )
    print(f"peak memory of the importing process: {figures['peak_mb']:.0f} MB")
    print(f"cached re-use (unpickling the result): {figures['reuse_s']:.2f} s")
    print(f"map of all imported events: {figures['map_s']:.2f} s, {figures['map_mb']:.2f} MB")
    print(
        f"linking: {figures['links_to_curated']} of {figures['rows']} rows to curated attacks, then "
        f"{figures['links_of_second']} of {figures['second_rows']} rows of a second import to both: "
        f"{figures['link_s']:.2f} s ({figures['link_s'] / figures['baseline_s']:.2f} x baseline), peak "
        f"{figures['link_peak_mb']:.0f} MB for the process holding both imports"
    )
    print(
        f"{big_rows:,} rows ({big.stat().st_size / 1e6:.0f} MB, the columns read): bare pandas read "
        f"{bare['s']:.2f} s, peak {bare['peak_mb']:.0f} MB; import in chunks {chunked['s']:.2f} s "
        f"({chunked['s'] / bare['s']:.2f} x baseline), peak {chunked['peak_mb']:.0f} MB "
        f"({chunked['peak_mb'] / bare['peak_mb']:.2f} x baseline; {chunked['dataset_mb']:.0f} MB of it the "
        f"curated dataset loaded before); {chunked['rows']:,} imported, {chunked['skipped']:,} skipped, "
        f"progress told {chunked['progress_calls']} times"
    )
    print(
        f"zip bomb ({bomb['zip_mb']:.1f} MB, about 900 MB of sheet XML): refused in {bomb['s']:.3f} s, "
        f"peak {bomb['peak_mb']:.0f} MB: {bomb['refused']}"
    )
    met = all(figures[key] < limit for key, limit in TARGETS.items())
    print("targets met" if met else "targets NOT met")
    print(
        f"import_s={figures['import_s']:.2f} peak_mb={figures['peak_mb']:.0f} map_s={figures['map_s']:.2f} "
        f"map_mb={figures['map_mb']:.2f} link_s={figures['link_s']:.2f} link_peak_mb={figures['link_peak_mb']:.0f} "
        f"big_import_s={figures['big_import_s']:.2f} big_peak_mb={figures['big_peak_mb']:.0f} "
        f"bomb_s={figures['bomb_s']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

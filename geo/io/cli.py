"""Import an export from the command line and report what was kept and skipped.

Usage: python -m geo.importer FILE [--format auto|gtd|ucdp|acled|project] [--crosswalk OUT.csv]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.io.importer import import_bytes, linked_to
from geo.io.linking import crosswalk
from geo.io.messages import ImportFailure
from geo.io.sniff import FORMATS


def progress_line(done: int, total: int) -> None:
    """How far the import has got, on stderr: stdout's last line stays the summary scripts read. A
    terminal sees one line rewritten; a log, a line per chunk."""
    end = "\r" if sys.stderr.isatty() else "\n"
    print(f"read {done:,} of about {total:,} rows ({min(done / total, 1):.0%})", end=end, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.importer", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", default="auto", choices=("auto", *FORMATS))
    parser.add_argument("--crosswalk", type=Path, help="write the links to curated attacks to this CSV")
    args = parser.parse_args(argv)
    from geo.data.load import load_dataset

    data = load_dataset()
    try:
        result = import_bytes(args.file.read_bytes(), args.file.name, data, args.format, progress_line)
    except (ImportFailure, OSError) as error:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(f"error: {error}", file=sys.stderr)
        print(f"format={args.format} imported=0 skipped=0 matched=0")
        return 1
    if sys.stderr.isatty():
        print(file=sys.stderr)
    result = linked_to(result, data.attacks)
    if args.crosswalk:
        crosswalk(result.links, set(data.attacks["id"])).to_csv(args.crosswalk, index=False)
    print(result.report())
    return 0 if len(result.attacks) else 1


if __name__ == "__main__":
    sys.exit(main())

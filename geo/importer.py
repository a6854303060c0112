"""python -m geo.importer FILE [--format F] [--crosswalk OUT.csv]: import an export from the
command line (the same as python -m geo.io, under the name the documentation has always used)."""

import sys

from geo.io.cli import main

if __name__ == "__main__":
    sys.exit(main())

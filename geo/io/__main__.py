"""python -m geo.io FILE: import an export and report what was kept and skipped."""

import sys

from geo.io.cli import main

sys.exit(main())

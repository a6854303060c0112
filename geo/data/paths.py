"""Where the data lives: the committed folder, or the one named by DASHBOARD_DATA_DIR."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED_DATA_DIR = ROOT / "data"
# A deployment or a test may point the app at another folder of the same contract.
DATA_DIR = Path(os.environ.get("DASHBOARD_DATA_DIR") or COMMITTED_DATA_DIR)
COUNTRIES_FILE = "countries.geojson"

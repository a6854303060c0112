"""Where the committed data lives."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
COUNTRIES_FILE = "countries.geojson"

"""Fixtures shared by every test, one meaning per name:

- `data`: the committed dataset, loaded once; read only.
- `shapes`: the committed country shapes as the maps draw them; read only.
- `fixture_data_dir`: the small valid folder under tests/fixtures/data beside the committed shapes;
  read only (copy it, or use `data_dir`, to change it).
- `fixture_data`: that folder's dataset, loaded once; read only.
- `data_dir`: a private copy of the fixture folder for one test, free to break one cell at a time
  with `tests.datafolder.set_cell`.
- `browser`: Debian's chromium, one for the whole run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geo.data.paths import COMMITTED_DATA_DIR, COUNTRIES_FILE

FIXTURE_CSVS = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture(scope="session")
def fixture_data_dir(tmp_path_factory) -> Path:
    """The fixture CSVs beside the committed country shapes (not duplicated in the repo)."""
    target = tmp_path_factory.mktemp("fixture") / "data"
    shutil.copytree(FIXTURE_CSVS, target)
    shutil.copy(COMMITTED_DATA_DIR / COUNTRIES_FILE, target / COUNTRIES_FILE)
    return target


@pytest.fixture
def data_dir(fixture_data_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture data folder, free to break."""
    target = tmp_path / "data"
    shutil.copytree(fixture_data_dir, target)
    return target


@pytest.fixture(scope="session")
def fixture_data(fixture_data_dir: Path):
    """The fixture folder's data, loaded once (read only)."""
    from geo.data.load import load_dataset

    return load_dataset(fixture_data_dir)


@pytest.fixture(scope="session")
def data():
    """The committed data, loaded once (read only)."""
    from geo.data.load import load_dataset

    return load_dataset()


@pytest.fixture(scope="session")
def shapes(data):
    """The committed country shapes simplified for display."""
    from geo.map.basemap import display_shapes

    return display_shapes(data.countries)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by playwright, shared by every browser test and journey: playwright's
    synchronous API runs one event loop per process, so one browser serves the whole run."""
    from tests.journeys.harness import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def pytest_configure(config):
    """AppTest runs pages as the server does: app.py's navigation, never a `pages/` folder app."""
    from navigation import pages_from_navigation_only

    pages_from_navigation_only()

"""Load benchmark: cold and warm time to load, validate and join everything, and peak memory.

Usage: python -m bench.load [REPEATS]

The baseline, measured in the same run, is a bare read of the same files (pandas and
geopandas, no validation, no typing, no join), so the ratios show what the contract costs.
Targets on a 2-core machine: warm < 0.2 s, cold < 3 s.
"""

from __future__ import annotations

import logging
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc

import geopandas as gpd
import pandas as pd

from geo.data.paths import COUNTRIES_FILE, DATA_DIR
from geo.data.schema import SPECS

COLD_TARGET_S, WARM_TARGET_S = 3.0, 0.2


def bare_read() -> None:
    for spec in SPECS.values():
        pd.read_csv(DATA_DIR / spec.file, dtype=str, keep_default_na=False)
    gpd.read_file(DATA_DIR / COUNTRIES_FILE)


def timed(function, repeats: int) -> float:
    """Median wall time of `repeats` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb(function) -> float:
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


FRESH_PROCESS = (
    "import time; start = time.perf_counter(); from geo.load import load_dataset; "
    "load_dataset(); print(time.perf_counter() - start)"
)


def fresh_process_s() -> float:
    """A first load in a new interpreter, imports included: what a restarted server pays."""
    out = subprocess.run([sys.executable, "-c", FRESH_PROCESS], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from geo.cache import dataset
    from geo.data.load import load_dataset

    repeats = int(argv[1]) if len(argv) > 1 else 5
    baseline_s = timed(bare_read, repeats)
    cold_s = timed(load_dataset, repeats)
    dataset()  # fills the cache
    warm_s = timed(dataset, repeats * 4)
    memory_mb = peak_mb(load_dataset)
    fresh_s = fresh_process_s()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"baseline (bare read, no checks)   {baseline_s:8.3f} s")
    print(
        f"cold load + validate + join       {cold_s:8.3f} s   x{cold_s / baseline_s:.1f} baseline"
        f"   target < {COLD_TARGET_S} s"
    )
    print(
        f"warm (st.cache_data hit)          {warm_s:8.3f} s   x{warm_s / baseline_s:.2f} baseline"
        f"   target < {WARM_TARGET_S} s"
    )
    print(f"first load in a new process       {fresh_s:8.3f} s   (imports included)")
    print(f"peak traced allocations, one load {memory_mb:8.1f} MB")
    print(f"peak resident memory, this run    {rss_mb:8.1f} MB")
    print(
        f"cold_s={cold_s:.3f} warm_s={warm_s:.3f} baseline_s={baseline_s:.3f} "
        f"ratio_cold={cold_s / baseline_s:.2f} fresh_process_s={fresh_s:.3f} peak_rss_mb={rss_mb:.0f}"
    )
    return 0 if cold_s < COLD_TARGET_S and warm_s < WARM_TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

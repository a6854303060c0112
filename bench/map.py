"""Map benchmark: build time and HTML size of the map for growing synthetic selections.

Usage: python -m bench.map [SIZES...]

Each size is built twice in the same run: with the app's layers (basemap, packed attacks
as circles and heatmap, countries shaded, borders, bases, legend) and with a naive
baseline (folium's default map, one CircleMarker with a popup per event), which is
skipped above 10,000 events. Targets: at 10k events at least 20x faster and 10x smaller
than the baseline; at 200k events under 2 s and 5 MB; the basemap under 600 KB.
"""

from __future__ import annotations

import sys
import time

import folium
import numpy as np
import pandas as pd

from geo import params
from geo.data.load import load_dataset
from geo.data.vocab import ATTACK_TYPES, DATE_PRECISIONS, LOCATION_PRECISIONS, RESPONSIBILITIES, TARGET_TYPES
from geo.map.basemap import basemap_collections, display_shapes
from geo.map.elements import basemap
from geo.map.events import event_payload
from geo.map.overlays import overlays
from geo.state.urlstate import state_defaults
from geo.text.escape import compact_json

SIZES = (100, 1_000, 10_000, 100_000, 200_000)
BASELINE_UP_TO = 10_000
TARGETS = {"ratio_time_10k": 20, "ratio_bytes_10k": 10, "build_s_200k": 2.0, "mbytes_200k": 5.0, "basemap_kb": 600}


def synthetic_attacks(n: int, group_ids: list[str], countries: list[str], seed: int = 7) -> pd.DataFrame:
    """`n` attacks in the attacks schema, typed as the loader types them, spread over the region."""
    rng = np.random.default_rng(seed)
    days = rng.integers(0, 35 * 365, n)
    killed_low = rng.poisson(2, n)
    summaries = np.array([f'Synthetic event {i}, with commas, quotes " and <b>markup</b>' for i in range(n)])
    frame = pd.DataFrame(
        {
            "id": [f"synthetic-{i}" for i in range(n)],
            "date": pd.Timestamp("1991-01-01") + pd.to_timedelta(days, unit="D"),
            "date_precision": rng.choice(DATE_PRECISIONS, n),
            "city": rng.choice(["Kabul", "Osh", "Khujand", ""], n),
            "country_iso3": rng.choice(countries, n),
            "lat": rng.uniform(30, 50, n),
            "lon": rng.uniform(55, 80, n),
            "location_precision": rng.choice(LOCATION_PRECISIONS, n),
            "group_id": rng.choice(group_ids, n),
            "responsibility": rng.choice(RESPONSIBILITIES, n),
            "perpetrator_nationalities": "UZB",
            "attack_type": rng.choice(ATTACK_TYPES, n),
            "target_type": rng.choice(TARGET_TYPES, n),
            "killed_low": killed_low,
            "killed_high": killed_low + rng.poisson(1, n),
            "wounded_low": rng.poisson(3, n),
            "wounded_high": pd.array([pd.NA] * n, dtype="Int64"),
            "foiled": rng.random(n) < 0.05,
            "summary_en": summaries,
            "summary_fr": summaries,
            "source_ids": "rferl_1999_tashkent_bombs_kill_nine",
            "notes": "",
        }
    )
    frame["year"] = frame["date"].dt.year
    return frame.sort_values("date", ignore_index=True)


def ours(attacks: pd.DataFrame, data, shapes, collections) -> str:
    """The app's map for `attacks`, rendered to standalone HTML."""
    state = state_defaults((1991, 2025))
    state[params.LAYERS] = ["attacks", "heatmap", "choropleth", "borders", "bases", "foreign_bases"]
    payload = compact_json(event_payload(attacks, data.groups, data.sources, "en"))
    fmap = basemap(collections, "en")
    for group in overlays(data, attacks, payload, state, shapes, "en", "bench", "bench"):
        group.add_to(fmap)
    return fmap.get_root().render()


def baseline(attacks: pd.DataFrame) -> str:
    """One folium CircleMarker with a popup per event, as a first attempt would do it."""
    fmap = folium.Map(location=(40.5, 67.0), zoom_start=4)
    for row in attacks.itertuples(index=False):
        folium.CircleMarker((row.lat, row.lon), radius=4, popup=folium.Popup(row.summary_en), tooltip=row.city).add_to(
            fmap
        )
    return fmap.get_root().render()


def measure(build, *args) -> tuple[float, int]:
    start = time.perf_counter()
    html = build(*args)
    return time.perf_counter() - start, len(html.encode("utf-8"))


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv[1:]] or list(SIZES)
    data = load_dataset()
    shapes = display_shapes(data.countries)
    collections = basemap_collections(shapes)
    basemap_kb = sum(len(c.encode()) for c in collections) / 1e3
    print(f"basemap (world + region shapes): {basemap_kb:.0f} KB (target < {TARGETS['basemap_kb']} KB)")
    countries = ["AFG", "TJK", "UZB", "KGZ", "KAZ", "TKM", "PAK", "RUS"]
    results = {}
    print(f"{'events':>8} {'ours_s':>8} {'ours_MB':>8} {'base_s':>8} {'base_MB':>8} {'x_time':>7} {'x_bytes':>7}")
    for n in sizes:
        attacks = synthetic_attacks(n, [*list(data.groups["id"]), "unknown"], countries)
        ours_s, ours_bytes = measure(ours, attacks, data, shapes, collections)
        base_s = base_bytes = None
        if n <= BASELINE_UP_TO:
            base_s, base_bytes = measure(baseline, attacks)
        results[n] = (ours_s, ours_bytes, base_s, base_bytes)
        ratio_t = f"{base_s / ours_s:7.1f}" if base_s else "      -"
        ratio_b = f"{base_bytes / ours_bytes:7.1f}" if base_bytes else "      -"
        print(
            f"{n:>8} {ours_s:8.3f} {ours_bytes / 1e6:8.3f} {base_s or 0:8.3f} {(base_bytes or 0) / 1e6:8.3f}"
            f" {ratio_t} {ratio_b}"
        )
    ten, big = results.get(10_000), results.get(200_000)
    ratio_time = ten[2] / ten[0] if ten and ten[2] else float("nan")
    ratio_bytes = ten[3] / ten[1] if ten and ten[3] else float("nan")
    build_s = big[0] if big else float("nan")
    mbytes = big[1] / 1e6 if big else float("nan")
    met = (
        ratio_time >= TARGETS["ratio_time_10k"]
        and ratio_bytes >= TARGETS["ratio_bytes_10k"]
        and build_s < TARGETS["build_s_200k"]
        and mbytes < TARGETS["mbytes_200k"]
        and basemap_kb < TARGETS["basemap_kb"]
    )
    print("targets met" if met else "targets NOT met")
    print(
        f"ratio_time_10k={ratio_time:.1f} ratio_bytes_10k={ratio_bytes:.1f}"
        f" build_s_200k={build_s:.2f} mbytes_200k={mbytes:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Attacks packed for the browser: binary columns, gzip-compressed, in base64.

One folium element per event costs about a kilobyte of HTML and a template render each;
packed columns cost about 23 bytes before compression, whatever the number of events.
The browser reads the buffer from `schema()`, which the event payload carries: nothing of the
layout is written twice (static/map/README.md describes the payload).
"""

from __future__ import annotations

import base64
import gzip
from typing import NamedTuple

import numpy as np
import pandas as pd

from geo.data.vocab import DATE_PRECISIONS, LOCATION_PRECISIONS, RESPONSIBILITIES

EPOCH = np.datetime64("1900-01-01", "D")
MISSING = 65535
COORDINATE_SCALE = 1e5
# (column, numpy type) in the order the browser reads them. Wider columns first: a typed array
# must start at a multiple of its item size, whatever the number of events.
LAYOUT = (
    ("lat", "<i4"),
    ("lon", "<i4"),
    ("day", "<u2"),
    ("group", "<u2"),
    ("country", "<u2"),
    ("killed_low", "<u2"),
    ("killed_high", "<u2"),
    ("wounded_low", "<u2"),
    ("wounded_high", "<u2"),
    ("hue", "<u2"),
    ("flags", "u1"),
)
# Level 1 is several times faster than the default 6 for a few percent more bytes.
COMPRESS_LEVEL = 1
COUNT_COLUMNS = ("killed_low", "killed_high", "wounded_low", "wounded_high")


class Flag(NamedTuple):
    """A bit field of the `flags` column: a column's position in `values`, or a yes/no when None."""

    name: str
    shift: int
    bits: int
    values: tuple[str, ...] | None = None


FLAGS = (
    Flag("date_precision", 0, 2, DATE_PRECISIONS),
    Flag("location_precision", 2, 2, LOCATION_PRECISIONS),
    Flag("foiled", 4, 1),
    Flag("responsibility", 5, 2, RESPONSIBILITIES),
)


def codes(values: pd.Series, vocabulary: tuple[str, ...]) -> np.ndarray:
    """Each value's position in `vocabulary` (0 for anything outside it)."""
    positions = pd.Categorical(values, categories=list(vocabulary)).codes
    return np.where(positions < 0, 0, positions).astype(np.uint8)


def flag_codes(attacks: pd.DataFrame, flag: Flag) -> np.ndarray:
    """The unshifted value of `flag` for each attack."""
    if flag.values is None:
        return attacks[flag.name].fillna(False).to_numpy(dtype=np.uint8)
    return codes(attacks[flag.name], flag.values)


def flags(attacks: pd.DataFrame) -> np.ndarray:
    """The `FLAGS` of each attack in one byte: date precision (bits 0-1), place precision (2-3),
    foiled (4), responsibility (5-6)."""
    packed = np.zeros(len(attacks), dtype=np.uint8)
    for flag in FLAGS:
        packed |= flag_codes(attacks, flag) << flag.shift
    return packed


def schema() -> dict:
    """How the browser reads `pack`'s buffer: column layout, scales, the missing count, the flag bits."""
    return {
        "layout": [{"name": name, "type": np.dtype(dtype).name} for name, dtype in LAYOUT],
        "coordinate_scale": COORDINATE_SCALE,
        "epoch": str(EPOCH),
        "missing": MISSING,
        "flags": {
            flag.name: {"shift": flag.shift, "bits": flag.bits}
            | ({} if flag.values is None else {"values": list(flag.values)})
            for flag in FLAGS
        },
    }


def counts(series: pd.Series) -> np.ndarray:
    """Counts as 16-bit integers: missing becomes MISSING, huge tolls are capped below it."""
    values = pd.to_numeric(series, errors="coerce").astype("Float64")
    return values.clip(0, MISSING - 1).fillna(MISSING).to_numpy(dtype=np.uint16)


def indices(values: pd.Series, order: list[str]) -> np.ndarray:
    """Each value's position in `order`, which must hold every value."""
    positions = pd.Index(order).get_indexer(values)
    if (positions < 0).any():
        raise ValueError("a value is missing from the order given")
    return positions.astype(np.uint16)


def first_seen(values: pd.Series) -> list[str]:
    """The distinct values in the order they first appear."""
    return pd.unique(values.to_numpy(dtype=object)).tolist()


def columns(
    attacks: pd.DataFrame, group_order: list[str], country_order: list[str], hue: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """The packed columns of `attacks`, unencoded; `hue`, each circle's colour (by group when None)."""
    days = (attacks["date"].to_numpy(dtype="datetime64[D]") - EPOCH).astype(np.int64)
    packed = {
        "lat": np.round(attacks["lat"].to_numpy(dtype=float) * COORDINATE_SCALE).astype(np.int32),
        "lon": np.round(attacks["lon"].to_numpy(dtype=float) * COORDINATE_SCALE).astype(np.int32),
        "day": np.clip(days, 0, MISSING).astype(np.uint16),
        "group": indices(attacks["group_id"], group_order),
        "country": indices(attacks["country_iso3"], country_order),
        "flags": flags(attacks),
    }
    packed["hue"] = packed["group"] if hue is None else np.asarray(hue, dtype=np.uint16)
    packed.update({column: counts(attacks[column]) for column in COUNT_COLUMNS})
    return packed


def pack(attacks: pd.DataFrame, group_order: list[str], country_order: list[str], hue: np.ndarray | None = None) -> str:
    """The columns of `attacks` as one gzip-compressed, base64-encoded buffer."""
    packed = columns(attacks, group_order, country_order, hue)
    buffer = b"".join(packed[name].astype(dtype, copy=False).tobytes() for name, dtype in LAYOUT)
    return base64.b64encode(gzip.compress(buffer, compresslevel=COMPRESS_LEVEL, mtime=0)).decode("ascii")


def unpack(text: str, n: int) -> dict[str, np.ndarray]:
    """The columns back from `pack`'s output, as the browser reads them."""
    buffer = gzip.decompress(base64.b64decode(text))
    result, offset = {}, 0
    for name, dtype in LAYOUT:
        size = np.dtype(dtype).itemsize * n
        result[name] = np.frombuffer(buffer[offset : offset + size], dtype=dtype)
        offset += size
    return result

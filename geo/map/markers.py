"""The size of an attack's circle: one formula for the map, its legend and the briefing image.

The browser applies the same formula from the parameters the event payload carries
(`radius_schema()`, as `schema.radius`), so the map, its legend and the image cannot drift apart.
"""

from __future__ import annotations

import math

import pandas as pd

# The radius grows with the square root of the toll, so a circle's area follows it; the cap
# keeps the deadliest attacks from covering a country.
RADIUS_BASE = 3.5
RADIUS_PER_ROOT = 1.6
RADIUS_MAX = 28.0
# Low estimates: a circle never claims more than the sources agree on.
SIZED_BY = ("killed_low", "wounded_low")
# The counts each size a reader may choose adds up (the choices are `SIZE_FIELDS` of
# geo/state/urlstate.py); "fixed" adds none and draws every circle at `FIXED_RADIUS`.
SIZED_COUNTS = {"both": SIZED_BY, "killed": ("killed_low",), "wounded": ("wounded_low",), "fixed": ()}
FIXED_RADIUS = 6.0


# A circle whose place is known only to these precisions is drawn pale.
VAGUE_PLACES = ("province", "country")


def marker_radius(casualties: float, size_by: str = "both") -> float:
    """The circle radius, in pixels on the map (points on the briefing image), for `casualties`."""
    if not SIZED_COUNTS[size_by]:
        return FIXED_RADIUS
    return min(RADIUS_MAX, RADIUS_BASE + RADIUS_PER_ROOT * math.sqrt(max(casualties, 0)))


def marker_casualties(attacks: pd.DataFrame, size_by: str = "both") -> pd.Series:
    """What sizes each attack's circle: the counts `size_by` names added up, a missing count as none."""
    return sum((attacks[column].fillna(0) for column in SIZED_COUNTS[size_by]), pd.Series(0, index=attacks.index))


def radius_schema(size_by: str = "both") -> dict:
    """`marker_radius`'s parameters for `size_by`, for the browser to apply the same formula: a
    fixed size is a base that nothing adds to."""
    if not SIZED_COUNTS[size_by]:
        return {"base": FIXED_RADIUS, "per_root": 0.0, "max": FIXED_RADIUS, "sized_by": []}
    return {
        "base": RADIUS_BASE,
        "per_root": RADIUS_PER_ROOT,
        "max": RADIUS_MAX,
        "sized_by": list(SIZED_COUNTS[size_by]),
    }

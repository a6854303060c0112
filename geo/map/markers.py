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


# A circle whose place is known only to these precisions is drawn pale.
VAGUE_PLACES = ("province", "country")


def marker_radius(casualties: float) -> float:
    """The circle radius, in pixels on the map (points on the briefing image), for `casualties`."""
    return min(RADIUS_MAX, RADIUS_BASE + RADIUS_PER_ROOT * math.sqrt(max(casualties, 0)))


def marker_casualties(attacks: pd.DataFrame) -> pd.Series:
    """What sizes each attack's circle: the `SIZED_BY` counts added up, a missing count as none."""
    return sum((attacks[column].fillna(0) for column in SIZED_BY), pd.Series(0, index=attacks.index))


def radius_schema() -> dict:
    """`marker_radius`'s parameters, for the browser to apply the same formula."""
    return {"base": RADIUS_BASE, "per_root": RADIUS_PER_ROOT, "max": RADIUS_MAX, "sized_by": list(SIZED_BY)}

"""Colour-blind-safe palettes: every palette drawn together stays distinct for each colour vision."""

from __future__ import annotations

import functools
import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert

from geo.data.load import load_dataset
from geo.map.choropleth import CHOROPLETH_COLORS
from geo.map.events import HEAT_GRADIENT
from geo.map.features import BORDER_STYLES
from geo.palette import OKABE_ITO
from geo.render.charts import INSIDE_OUTSIDE, STATUS_COLORS

# Machado, Oliveira and Fernandes (2009) at full severity, as colorspacious implements it.
VISIONS = {"normal": None, "protanopia": "protanomaly", "deuteranopia": "deuteranomaly", "tritanopia": "tritanomaly"}


def seen_as(hex_color: str, vision: str) -> np.ndarray:
    """The CIELAB coordinates of a colour as a reader with `vision` sees it."""
    rgb = np.array([int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    if VISIONS[vision]:
        rgb = np.clip(
            cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": VISIONS[vision], "severity": 100}, "sRGB1"), 0, 1
        )
    return cspace_convert(rgb, "sRGB1", "CIELab")


def closest_pair(colors: list[str], vision: str) -> tuple[float, tuple[str, str]]:
    """The smallest colour difference (CIE76 delta E) between any two of `colors`, and that pair."""
    return min(
        (float(np.linalg.norm(seen_as(a, vision) - seen_as(b, vision))), (a, b))
        for a, b in itertools.combinations(colors, 2)
    )


CORE_GROUPS = ("imu", "iju", "jamaat_ansarullah", "iskp", "islamic_state", "al_qaeda", "taliban", "ttp")


@functools.cache
def palettes() -> dict[str, tuple[list[str], float]]:
    """Each palette drawn together, and the smallest colour difference it must keep for every vision."""
    colors = load_dataset().groups.set_index("id")["color"]
    return {
        "chart series (Okabe-Ito)": (list(OKABE_ITO), 15),
        "the main groups on the map": ([colors[g] for g in CORE_GROUPS], 15),
        "membership statuses": (list(STATUS_COLORS.values()), 15),
        "border statuses": ([style["color"] for style in BORDER_STYLES.values()], 15),
        "inside and outside": (list(INSIDE_OUTSIDE), 15),
        "shaded countries": (list(CHOROPLETH_COLORS), 10),
        "heatmap": (list(HEAT_GRADIENT.values()), 10),
    }


@pytest.mark.parametrize("vision", list(VISIONS))
@pytest.mark.parametrize("name", list(palettes()))
def test_palettes_stay_distinct_for_colour_blind_readers(name, vision):
    colors, threshold = palettes()[name]
    distance, pair = closest_pair(colors, vision)
    assert distance >= threshold, f"{name}: {pair} only {distance:.1f} apart for {vision}"


def test_every_group_colour_differs_for_normal_vision(data):
    distance, pair = closest_pair(list(data.groups["color"]), "normal")
    assert distance >= 10, pair


def test_the_palette_check_catches_a_brown_and_olive_pair():
    # Plainly different for most readers, nearly the same for deuteranopes.
    pair = ["#aa4400", "#667700"]
    assert closest_pair(pair, "deuteranopia")[0] < 10 <= closest_pair(pair, "normal")[0]

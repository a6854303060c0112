"""Colour checks: how far apart colours stay for readers with a colour-vision deficiency."""
from __future__ import annotations

import itertools

import numpy as np

# Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
SIMULATIONS = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}


def _linear(hex_color: str) -> np.ndarray:
    rgb = np.array([int(hex_color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_as(hex_color: str, vision: str) -> np.ndarray:
    """The CIELAB coordinates of a colour as a reader with `vision` sees it."""
    return _lab(np.clip(SIMULATIONS[vision] @ _linear(hex_color), 0, 1))


def closest_pair(colors: list[str], vision: str) -> tuple[float, tuple[str, str]]:
    """The smallest colour difference (CIE76 delta E) between any two of `colors`, and that pair."""
    return min((float(np.linalg.norm(seen_as(a, vision) - seen_as(b, vision))), (a, b))
               for a, b in itertools.combinations(colors, 2))

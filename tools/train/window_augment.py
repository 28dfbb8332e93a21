"""The input and the augmentation of the small classifiers that judge a window
the engine cuts from a frame: the strip classifier (train_band.py) and the
candidate verifier (train_verifier.py).

window_input must stay identical to band_input() of
edge/engine/band_classifier.cc and verifier_input() of
edge/engine/candidate_verifier.cc: the BGR window as (3, H, W) float32,
normalised by its own mean and deviation over all channels.
"""

from __future__ import annotations

import cv2
import numpy as np


def window_input(window: np.ndarray) -> np.ndarray:
    x = window.astype(np.float32)
    return ((x - x.mean()) / max(float(x.std()), 1.0)).transpose(2, 0, 1)


def augment(window: np.ndarray, rng: np.random.Generator, gray_share: float, scale_spread: float,
            dy_spread: float) -> np.ndarray:
    """What the renderer's looks do not vary enough: exposure, focus, noise,
    colour lost (a gray or infrared camera) in `gray_share` of the windows,
    and placement and scale, since the detector's rows and outlines are a few
    pixels off: scale 1 +- `scale_spread`, 4 px sideways, `dy_spread` px up
    or down."""
    height, width = window.shape[:2]
    x = window.astype(np.float32)
    if rng.random() < gray_share:
        x = np.repeat(cv2.cvtColor(x.astype(np.uint8), cv2.COLOR_BGR2GRAY)[:, :, None], 3, 2).astype(np.float32)
    x = x * rng.uniform(0.6, 1.4) + rng.uniform(-40, 40)
    if rng.random() < 0.3:
        x = cv2.GaussianBlur(x, (3, 3), rng.uniform(0.3, 1.2))
    if rng.random() < 0.5:
        x = x + rng.normal(0, rng.uniform(2, 12), x.shape)
    scale = rng.uniform(1 - scale_spread, 1 + scale_spread)
    dx, dy = rng.uniform(-4, 4), rng.uniform(-dy_spread, dy_spread)
    centre = np.float32([width / 2, height / 2])
    m = np.float32([[scale, 0, (1 - scale) * centre[0] + dx], [0, scale, (1 - scale) * centre[1] + dy]])
    x = cv2.warpAffine(x, m, (width, height), borderMode=cv2.BORDER_REPLICATE)
    return np.clip(x, 0, 255).astype(np.uint8)

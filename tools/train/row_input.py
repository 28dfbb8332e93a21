"""From a rectified gray plate row to the net's input tensor.

This is the Python twin of the preprocessing in edge/engine/crnn_reader.cc;
the two must agree pixel for pixel, which is why both use only OpenCV calls
with the same flags. The row keeps its aspect ratio (a two-row plate's
"AB" row is short, a German row long) and is padded on the right, so glyphs
have the same shape whatever the row length; rows wider than the input are
squeezed. Mean/deviation normalisation over the row itself makes day
sheeting and bright infrared plates look alike to the net.
"""

from __future__ import annotations

import cv2
import numpy as np

HEIGHT = 32
WIDTH = 160


def row_tensor(gray_row: np.ndarray) -> np.ndarray:
    """(1, HEIGHT, WIDTH) float32 input for one CV_8UC1 row."""
    if gray_row.ndim != 2 or gray_row.dtype != np.uint8 or gray_row.size == 0:
        raise ValueError(f"row must be a non-empty 8-bit gray image, got {gray_row.dtype} {gray_row.shape}")
    h, w = gray_row.shape
    # floor(x + 0.5), not round(): Python rounds halves to even, C++ does not.
    width = int(min(WIDTH, max(1, np.floor(w * HEIGHT / h + 0.5))))
    resized = cv2.resize(gray_row, (width, HEIGHT), interpolation=cv2.INTER_AREA).astype(np.float64)
    mean, dev = resized.mean(), resized.std()
    out = np.zeros((1, HEIGHT, WIDTH), np.float32)
    out[0, :, :width] = (resized - mean) / max(dev, 1.0)
    return out

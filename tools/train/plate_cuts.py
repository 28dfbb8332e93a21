"""Whole-plate reader inputs, cut the way the engine cuts them.

The engine gives the reader the whole plate, not a row the classical
row-finder had to find (edge/engine/plate_parts.cc): a plate crop as it is,
or, in a frame, the detected text row grown to the plate it implies
(`ROW_TO_PLATE`, in character heights). A plate whose outline is squarer
than `TWO_ROW_MAX_ASPECT` may be a two-row plate and is also read as its top
half and bottom half. This file draws those inputs from synthetic crops,
with the error a detector makes (corners off, margins too wide or cut into
the plate, the row-to-plate rule not fitting this plate), so the net learns
to read them; the constants must match plate_parts.h.
"""

from __future__ import annotations

import cv2
import numpy as np

import synth_rows

# Row quad grown to the plate: left (the EU strip), right, top, bottom.
ROW_TO_PLATE = (0.6, 0.3, 0.25, 0.25)
TWO_ROW_MAX_ASPECT = 2.6
PART_HEIGHT = 48


def warp_part(image: np.ndarray, quad: np.ndarray, stretch: float = 1.0) -> np.ndarray:
    """Gray strip PART_HEIGHT px high of the image inside `quad` (tl, tr, br, bl), aspect kept."""
    w = (np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[2] - quad[3])) / 2
    h = (np.linalg.norm(quad[3] - quad[0]) + np.linalg.norm(quad[2] - quad[1])) / 2
    size = (max(8, int(round(w * PART_HEIGHT / max(h, 1.0) * stretch))), PART_HEIGHT)
    dst = np.float32([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]])
    colour = cv2.warpPerspective(image, cv2.getPerspectiveTransform(np.float32(quad), dst), size,
                                 flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return cv2.cvtColor(colour, cv2.COLOR_BGR2GRAY) if colour.ndim == 3 else colour


def halves(quad: np.ndarray, split: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Top and bottom part of a quad, cut at `split` of its height along both sides."""
    left = quad[0] + split * (quad[3] - quad[0])
    right = quad[1] + split * (quad[2] - quad[1])
    return np.float64([quad[0], quad[1], right, left]), np.float64([left, right, quad[2], quad[3]])


def jittered_box(x0: float, y0: float, x1: float, y1: float, h: float, rng: np.random.Generator,
                 side: tuple[float, float], vertical: tuple[float, float], corner_sd: float) -> np.ndarray:
    """Box grown by random margins (fractions of `h`, negative cuts in) with every corner moved."""
    left, right = x0 - rng.uniform(*side) * h, x1 + rng.uniform(*side) * h
    top, bottom = y0 - rng.uniform(*vertical) * h, y1 + rng.uniform(*vertical) * h
    quad = np.float64([[left, top], [right, top], [right, bottom], [left, bottom]])
    return quad + rng.normal(0, corner_sd * h, quad.shape)


def synthetic_parts(image: np.ndarray, corners: np.ndarray, size_mm: tuple[float, float],
                    rows: list[synth_rows.RowBox], rng: np.random.Generator | None,
                    from_row: bool = False) -> list[tuple[np.ndarray, str]]:
    """The reader inputs of one synthetic plate and their labels: the whole
    plate for one-row plates, its two halves for two-row plates. `from_row`
    (one-row plates) grows the text row by ROW_TO_PLATE instead, as the
    engine does for frame detections; `rng` None cuts without jitter (the
    plate's upright box with typical margins)."""
    w, h = size_mm
    to_image = synth_rows.plate_to_image(corners, size_mm)
    if from_row and len(rows) == 1:
        r = rows[0]
        rh = r.y1 - r.y0
        if rng is None:
            box = np.float64([[r.x0 - ROW_TO_PLATE[0] * rh, r.y0 - ROW_TO_PLATE[2] * rh],
                              [r.x1 + ROW_TO_PLATE[1] * rh, r.y0 - ROW_TO_PLATE[2] * rh],
                              [r.x1 + ROW_TO_PLATE[1] * rh, r.y1 + ROW_TO_PLATE[3] * rh],
                              [r.x0 - ROW_TO_PLATE[0] * rh, r.y1 + ROW_TO_PLATE[3] * rh]])
        else:
            # The detector's row is off by a little and may take a screw or the strip in.
            x0 = r.x0 - (rng.uniform(0.2, 0.7) * rh if rng.random() < 0.15 else 0.0)
            box = jittered_box(x0, r.y0, r.x1, r.y1, rh, rng, (0.2, 0.8), (0.15, 0.35), 0.05)
    elif rng is None or rng.random() < 0.6:
        # A crop as another detector gives it: an upright box around the
        # plate, rolled and foreshortened inside it, as tight as a real crop
        # or as loose as a generated one (exactly: the generator's median margins).
        plate = cv2.perspectiveTransform(np.float64([[0, 0], [w, 0], [w, h], [0, h]]).reshape(1, 4, 2),
                                         to_image).reshape(4, 2)
        (x0, y0), (x1, y1) = plate.min(axis=0), plate.max(axis=0)
        if rng is None:
            quad = jittered_box(x0, y0, x1, y1, y1 - y0, np.random.default_rng(0), (0.3, 0.3), (0.2, 0.2), 0.0)
        else:
            quad = jittered_box(x0, y0, x1, y1, y1 - y0, rng, (-0.05, 0.5), (-0.05, 0.35), 0.0)
        return _parts(image, quad, rows, rng)
    else:
        box = jittered_box(0, 0, w, h, h, rng, (-0.04, 0.5), (-0.04, 0.35), 0.025)
    quad = cv2.perspectiveTransform(box.reshape(1, 4, 2), to_image).reshape(4, 2)
    return _parts(image, quad, rows, rng)


def _parts(image: np.ndarray, quad: np.ndarray, rows: list[synth_rows.RowBox],
           rng: np.random.Generator | None) -> list[tuple[np.ndarray, str]]:
    """The whole `quad` for a one-row plate, its halves for a two-row one."""
    stretch = 1.0 if rng is None else rng.uniform(0.8, 1.2)
    if len(rows) == 1:
        return [(warp_part(image, quad, stretch), rows[0].label)]
    split = 0.5 if rng is None else 0.5 + rng.normal(0, 0.02)
    return [(warp_part(image, part, stretch), row.label) for part, row in zip(halves(quad, split), rows)]

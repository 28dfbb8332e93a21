"""Training rows from synthetic plate crops, cut the way the engine cuts them.

The engine's rectifier (edge/engine/rectifier.cc) warps each text row of a
detected plate, tight around its characters plus 0.15 character heights at
the sides and 0.25 above and below, to a 48 px strip, and cuts off leading
EU-blue columns. The generator only gives the plate's four corners, so the
text rows are located once per crop (`locate_rows`): the plate is drawn
again flat, its character boxes are read off that clean drawing, and the
row is matched against the photographed plate to find where the layout
really put it (Lithuanian coats of arms shift the text). Training then cuts
each row with random detector error (`cut_row`), so the net sees rows a
little too wide, too tight, rolled and slanted, with and without a sliver
of the EU strip, and glyphs narrower or wider than the generator's.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "synth"))

from plate_render import render_plate  # noqa: E402
from plate_style import style_for  # noqa: E402
from plate_text import Plate  # noqa: E402

import charset  # noqa: E402

FLAT_PX_PER_MM = 1.0    # the clean drawing the character boxes come from
MATCH_PX_PER_MM = 0.6   # where drawing and photo are compared
ROW_HEIGHT = 48         # RectifierOptions::row_height
MARGIN_X, MARGIN_Y = 0.15, 0.25  # RectifierOptions margins, in row heights
TWO_ROW_SERIES = ("square", "motorcycle")


@dataclass(frozen=True)
class RowBox:
    """One text row of a plate, in the plate's millimetres."""

    label: str             # normalised text of the row
    x0: float
    y0: float
    x1: float
    y1: float
    band_end: float        # right edge of the blue strip; 0 when the plate has none
    match: float           # normalised correlation of drawing and photo, in [-1, 1]
    # (left, right) of each character of `label`; empty when the drawing's
    # glyphs could not be told apart (touching, or a Russian region box).
    chars: tuple[tuple[float, float], ...] = ()


def plate_of(text: str, country: str, series: str) -> Plate:
    if series in TWO_ROW_SERIES:
        top, bottom = text.split(" ", 1)
        return Plate(country, series, series, (top, bottom))
    return Plate(country, series, "standard", (text,))


def _ink_rows(flat: np.ndarray, rows: int):
    """Per character row of a clean drawing, top first: its box (x0, y0, x1,
    y1) and the (left, right) of its glyphs, left to right, in px."""
    b, g, r = (flat[..., i].astype(np.int16) for i in range(3))
    mx, mn = np.maximum(np.maximum(b, g), r), np.minimum(np.minimum(b, g), r)
    ink = ((mx < 110) & (mx - mn < 45)).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h_img, w_img = ink.shape
    # The black border is one component as wide as the plate; the Russian
    # region frame a tall hairline. Neither is a character.
    boxes = [s[:4] for s in stats[1:n]
             if s[2] < 0.9 * w_img and s[3] < 0.9 * h_img and s[2] >= 0.08 * s[3]]
    if not boxes:
        raise ValueError("flat plate drawing has no characters")
    tallest = max(s[3] for s in boxes)
    chars = sorted((s for s in boxes if s[3] >= 0.55 * tallest), key=lambda s: s[1] + s[3] / 2)
    centres = np.array([s[1] + s[3] / 2 for s in chars])
    cuts = sorted(np.argsort(np.diff(centres))[::-1][:rows - 1] + 1) if rows > 1 else []
    groups = np.split(np.arange(len(chars)), cuts)
    out = []
    for grp in groups:
        sel = [chars[i] for i in grp]
        out.append(((min(s[0] for s in sel), min(s[1] for s in sel),
                     max(s[0] + s[2] for s in sel), max(s[1] + s[3] for s in sel)),
                    sorted((s[0], s[0] + s[2]) for s in sel)))
    return out


def _band_end(flat: np.ndarray) -> float:
    """Right edge (px) of the EU-blue strip of a clean drawing, 0 without one."""
    b, r = flat[..., 0].astype(np.int16), flat[..., 2].astype(np.int16)
    blue_cols = np.flatnonzero(((b - r > 60) & (b > 100)).mean(axis=0) > 0.5)
    blue_cols = blue_cols[blue_cols < flat.shape[1] // 3]
    return float(blue_cols[-1] + 1) if blue_cols.size else 0.0


def plate_size_mm(plate: Plate) -> tuple[float, float]:
    return style_for(plate).size_mm


def plate_to_image(corners: np.ndarray, size_mm: tuple[float, float]) -> np.ndarray:
    """Homography from plate millimetres to image pixels."""
    w, h = size_mm
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    return cv2.getPerspectiveTransform(src, np.float32(corners))


def locate_rows(image: np.ndarray, corners: np.ndarray, plate: Plate) -> list[RowBox]:
    """Where the text rows of `plate` are in its photographed crop."""
    size_mm = plate_size_mm(plate)
    flat = render_plate(plate, FLAT_PX_PER_MM, np.random.default_rng(0)).image
    boxes = _ink_rows(flat, len(plate.rows))
    if len(boxes) != len(plate.rows):
        raise ValueError(f"plate {plate.text!r}: drawing has {len(boxes)} rows, label {len(plate.rows)}")
    band = _band_end(flat) / FLAT_PX_PER_MM
    k = MATCH_PX_PER_MM / FLAT_PX_PER_MM
    canvas = (int(round(size_mm[0] * MATCH_PX_PER_MM)), int(round(size_mm[1] * MATCH_PX_PER_MM)))
    to_canvas = np.diag([MATCH_PX_PER_MM, MATCH_PX_PER_MM, 1.0]) @ np.linalg.inv(plate_to_image(corners, size_mm))
    photo = cv2.cvtColor(cv2.warpPerspective(image, to_canvas, canvas, flags=cv2.INTER_AREA,
                                             borderMode=cv2.BORDER_REPLICATE), cv2.COLOR_BGR2GRAY)
    flat_small = cv2.cvtColor(cv2.resize(flat, canvas, interpolation=cv2.INTER_AREA), cv2.COLOR_BGR2GRAY)
    rows = []
    for text, ((x0, y0, x1, y1), glyphs) in zip(plate.rows, boxes):
        tx0, ty0 = int(x0 * k), int(y0 * k)
        tx1, ty1 = max(tx0 + 2, int(np.ceil(x1 * k))), max(ty0 + 2, int(np.ceil(y1 * k)))
        template = flat_small[ty0:ty1, tx0:tx1]
        reach_x, reach_y = int(0.9 * (ty1 - ty0)), int(0.15 * (ty1 - ty0)) + 1
        sx0, sy0 = max(0, tx0 - reach_x), max(0, ty0 - reach_y)
        sx1, sy1 = min(canvas[0], tx1 + reach_x), min(canvas[1], ty1 + reach_y)
        scores = cv2.matchTemplate(photo[sy0:sy1, sx0:sx1], template, cv2.TM_CCOEFF_NORMED)
        _, best, _, (bx, by) = cv2.minMaxLoc(scores)
        dx, dy = (sx0 + bx - tx0) / MATCH_PX_PER_MM, (sy0 + by - ty0) / MATCH_PX_PER_MM
        f = 1.0 / FLAT_PX_PER_MM
        label = charset.normalise(text)
        chars = tuple((a * f + dx, b * f + dx) for a, b in glyphs) if len(glyphs) == len(label) else ()
        rows.append(RowBox(label, x0 * f + dx, y0 * f + dy, x1 * f + dx, y1 * f + dy, band, float(best), chars))
    return rows


def cut_row(image: np.ndarray, corners: np.ndarray, size_mm: tuple[float, float], row: RowBox,
            night: bool, rng: np.random.Generator | None, whole_plate: bool = False,
            paint_share: float = 0.0) -> tuple[np.ndarray, str]:
    """The gray row strip the rectifier would hand the reader, and its label;
    `rng` None cuts it exactly. `whole_plate` (one-row plates, with `rng`)
    cuts the plate and some surroundings instead: what the rectifier gets
    when `locate_in_crop` finds no row of characters and falls back to the
    whole crop. `paint_share` of rows get characters painted over
    (`_paint_over`)."""
    h = row.y1 - row.y0
    x0, y0, x1, y1 = row.x0, row.y0, row.x1, row.y1
    mx, my, shear, roll, stretch, trim = MARGIN_X, MARGIN_Y, 0.0, 0.0, 1.0, True
    if rng is not None and whole_plate:
        x0, y0, x1, y1 = 0.0, 0.0, size_mm[0], size_mm[1]
        mx, my = rng.uniform(0.0, 0.2), rng.uniform(0.05, 0.4)
        stretch, trim = rng.uniform(0.8, 1.2), False
    elif rng is not None:
        x0, x1 = x0 + rng.normal(0, 0.04 * h), x1 + rng.normal(0, 0.04 * h)
        y0, y1 = y0 + rng.normal(0, 0.04 * h), y1 + rng.normal(0, 0.04 * h)
        # A screw, emblem or band letter taken for one more character.
        if rng.random() < 0.1:
            x0 -= rng.uniform(0.2, 0.7) * h
        if rng.random() < 0.1:
            x1 += rng.uniform(0.2, 0.7) * h
        mx, my = MARGIN_X * rng.uniform(0.6, 1.4), MARGIN_Y * rng.uniform(0.8, 1.2)
        shear, roll = rng.normal(0, 0.04), rng.normal(0, 0.025)
        # Real typefaces are narrower (Spain) or wider than the generator's DIN.
        stretch = rng.uniform(0.7, 1.3)
        # The rectifier misses the strip under a colour cast now and then.
        trim = rng.random() < 0.85
    rh = y1 - y0
    left, right, top, bottom = x0 - mx * rh, x1 + mx * rh, y0 - my * rh, y1 + my * rh
    cx, cy = (left + right) / 2, (top + bottom) / 2
    quad = np.float64([[left, top], [right, top], [right, bottom], [left, bottom]])
    # Residual roll and slant the detector's row fit and the shear estimate leave.
    tilt = np.array([[1.0, shear], [0.0, 1.0]]) @ np.array([[np.cos(roll), -np.sin(roll)],
                                                            [np.sin(roll), np.cos(roll)]])
    quad = (quad - [cx, cy]) @ tilt.T + [cx, cy]
    scale = ROW_HEIGHT / (bottom - top)
    size = (max(8, int(round((right - left) * scale * stretch))), ROW_HEIGHT)
    H = plate_to_image(corners, size_mm)
    in_image = cv2.perspectiveTransform(quad.reshape(1, 4, 2), H).reshape(4, 2)
    dst = np.float32([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]])
    colour = cv2.warpPerspective(image, cv2.getPerspectiveTransform(np.float32(in_image), dst), size,
                                 flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    gray = cv2.cvtColor(colour, cv2.COLOR_BGR2GRAY)
    label = row.label
    if paint_share > 0 and rng is not None and not whole_plate and row.chars and rng.random() < paint_share:
        gray, label = _paint_over(gray, row, left, top, scale * stretch, scale, rng)
    # The rectifier finds the strip by its colour, so infrared rows keep it.
    if row.band_end > 0 and left < row.band_end and not night and trim:
        cut_mm = row.band_end + (rng.uniform(-1.5, 1.0) if rng is not None else 0.0)
        cut = int(round((cut_mm - left) * scale * stretch))
        if 0 < cut < size[0] // 2:
            gray = gray[:, cut:]
    return gray, label


def _paint_over(gray: np.ndarray, row: RowBox, left: float, top: float, sx: float, sy: float,
                rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """One or two characters hidden under flat gray paint, and dropped from the label.

    The uc3m-lp real set paints over two characters of every plate; a net
    that never saw paint reads its edges as "II". Taught that paint is no
    character, it reads the rest, which is all the scorer asks ('?' may
    match nothing). Real plates carry no such boxes, so nothing is lost.
    """
    hidden = sorted(rng.choice(len(row.chars), size=min(len(row.chars), int(rng.integers(1, 3))), replace=False))
    out = gray.copy()
    level = int(np.clip(rng.normal(gray.mean(), 30), 20, 235))
    h = row.y1 - row.y0
    for k in hidden:
        a, b = row.chars[k]
        x0, x1 = int((a - 0.08 * h - left) * sx), int(np.ceil((b + 0.08 * h - left) * sx))
        y0, y1 = int((row.y0 - 0.1 * h - top) * sy), int(np.ceil((row.y1 + 0.1 * h - top) * sy))
        out[max(0, y0):max(0, y1), max(0, x0):max(0, x1)] = level
    return out, "".join(ch for i, ch in enumerate(row.label) if i not in hidden)

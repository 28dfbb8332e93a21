"""Rows of indexed synthetic folders (index_rows.py), as training batches or
exact evaluation rows.

Crops are kept in memory as their JPEG bytes (~5 KB each) and decoded per
use, so 40k crops cost 200 MB rather than 3 GB of pixels.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

import charset
import negatives
import plate_cuts
import real_crops
import row_input
import synth_rows

# Below this the drawing matched the photo nowhere (plate lost in blur,
# glare or noise): the row box is a guess, so the row is not trained on.
MIN_MATCH = 0.3


@dataclass(frozen=True)
class Row:
    image: str
    index: int          # row of the plate, 0 = top
    label: str
    night: bool
    size_mm: tuple[float, float]
    box: synth_rows.RowBox
    corners: np.ndarray


class RowSet:
    def __init__(self, folder: Path, min_match: float = MIN_MATCH, whole_plate_share: float = 0.0,
                 paint_share: float = 0.0):
        """Augmentation shares as synth_rows.cut_row takes them; 0 leaves the random stream untouched."""
        self.folder = folder
        self.whole_plate_share, self.paint_share = whole_plate_share, paint_share
        self.rows: list[Row] = []
        with open(folder / "rows.csv", newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if float(r["match"]) < min_match:
                    continue
                chars = tuple(tuple(float(v) for v in span.split(":"))
                              for span in r.get("chars", "").split(";") if span)
                box = synth_rows.RowBox(r["label"], *(float(r[k]) for k in ("x0", "y0", "x1", "y1", "band_end",
                                                                           "match")), chars)
                corners = np.float32([float(r[f"{a}{i}c"]) for i in range(1, 5) for a in "xy"]).reshape(4, 2)
                self.rows.append(Row(r["image"], int(r["row"]), r["label"], r["night"] == "1",
                                     (float(r["w_mm"]), float(r["h_mm"])), box, corners))
        self._jpeg = {row.image: np.fromfile(str(folder / row.image), np.uint8) for row in self.rows}
        self.weights = _rarity_weights([row.label for row in self.rows])
        self._cdf = np.cumsum(self.weights)
        self._rows_of: dict[str, list[Row]] = {}
        for row in self.rows:
            self._rows_of.setdefault(row.image, []).append(row)
        self._one_row = {image for image, rows in self._rows_of.items() if len(rows) == 1}

    def gray_row(self, row: Row, rng: np.random.Generator | None) -> tuple[np.ndarray, str]:
        """The row cut from its crop, and its label (fewer characters where paint hides some)."""
        image = cv2.imdecode(self._jpeg[row.image], cv2.IMREAD_COLOR)
        whole = (self.whole_plate_share > 0 and rng is not None and row.image in self._one_row
                 and rng.random() < self.whole_plate_share)
        return synth_rows.cut_row(image, row.corners, row.size_mm, row.box, row.night, rng, whole, self.paint_share)

    def draw(self, rng: np.random.Generator) -> Row:
        """A row at random, rare characters favoured (_rarity_weights)."""
        return self.rows[min(int(np.searchsorted(self._cdf, rng.random())), len(self.rows) - 1)]

    def plate_parts(self, row: Row, rng: np.random.Generator | None,
                    from_row: bool = False) -> list[tuple[np.ndarray, str]]:
        """The whole-plate reader inputs of `row`'s plate (plate_cuts.synthetic_parts)."""
        rows = self._rows_of[row.image]
        image = cv2.imdecode(self._jpeg[row.image], cv2.IMREAD_COLOR)
        return plate_cuts.synthetic_parts(image, row.corners, row.size_mm, [r.box for r in rows], rng, from_row)


def _rarity_weights(labels: list[str]) -> np.ndarray:
    """Sampling probabilities that favour rows with rare characters.

    The generator's formats make some letters rare (Latvia and Lithuania
    issue no W or Q), and a first model read real W and M as H. A row is
    weighted by its rarest character, sqrt(median letter count / its
    count), between 1 and 4.
    """
    counts = Counter(ch for label in labels for ch in label)
    letters = [n for ch, n in counts.items() if ch.isalpha()]
    typical = float(np.median(letters)) if letters else 1.0
    w = np.array([max([1.0] + [min(4.0, np.sqrt(typical / counts[ch])) for ch in label]) for label in labels])
    return w / w.sum()


def _degrade(gray: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """More of the camera's faults than the generator draws: coarser sampling
    (far plates upscaled by the rectifier) and sensor noise after it."""
    if rng.random() < 0.3:
        f = rng.uniform(0.35, 0.8)
        small = cv2.resize(gray, (max(4, int(gray.shape[1] * f)), max(4, int(gray.shape[0] * f))),
                           interpolation=cv2.INTER_AREA)
        gray = cv2.resize(small, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.3:
        noise = rng.normal(0, rng.uniform(2, 10), gray.shape)
        gray = np.clip(gray + noise, 0, 255).astype(np.uint8)
    return gray


@dataclass(frozen=True)
class Mix:
    """Shares of a batch that are not exact-cut rows: real tuning-set plates
    (real_crops), plate-free patches (negatives), whole synthetic plates
    (crop path) and synthetic rows grown to their plate (frame path)."""

    real: float = 0.0
    negative: float = 0.0
    plate: float = 0.0
    grown: float = 0.0


def _sample(rows: RowSet, real: list[real_crops.RealPlate], negative: negatives.Negatives | None, mix: Mix,
            rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """One reader input and its label, drawn as `mix` says; a two-row plate gives one of its halves."""
    u = rng.random()
    if real and u < mix.real:
        parts = real_crops.parts(real[int(rng.integers(len(real)))], rng)
        return parts[int(rng.integers(len(parts)))]
    u -= mix.real
    if negative and u < mix.negative:
        return negative.sample(rng)
    u -= mix.negative
    row = rows.draw(rng)
    if u < mix.plate + mix.grown:
        parts = rows.plate_parts(row, rng, from_row=u >= mix.plate)
        return parts[min(row.index, len(parts) - 1)]
    return rows.gray_row(row, rng)


def batch(rows: RowSet, size: int, rng: np.random.Generator, mix: Mix = Mix(),
          real: list[real_crops.RealPlate] | None = None, negative: negatives.Negatives | None = None):
    """`size` jittered inputs, rare characters favoured: (inputs, targets, target lengths) for nn.CTCLoss."""
    inputs, targets, lengths = [], [], []
    for _ in range(size):
        gray, label = _sample(rows, real or [], negative, mix, rng)
        inputs.append(row_input.row_tensor(_degrade(gray, rng)))
        code = charset.encode(label)
        targets += code
        lengths.append(len(code))
    return np.stack(inputs), np.array(targets, np.int64), np.array(lengths, np.int64)

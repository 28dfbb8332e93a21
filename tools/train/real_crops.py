#!/usr/bin/python3
"""Real plates of the two tuning sets of ../shared/datasets/real-dev, for fine-tuning.

Only uc3m-lp (Spanish crops) and ro-robertlucian (Romanian night frames with
plate boxes) are read; the other sets are held out and never opened here.
Each set is split by DISTINCT plate text (`is_validation`: a hash of the
text), so no plate of the validation fifth was trained on in any frame.
`?` marks a character the dataset painted over: it is dropped from the
label, as the synthetic paint augmentation taught the net to skip paint.
Images are never copied anywhere; crops are kept in memory as JPEG bytes.

Usage: real_crops.py REAL_DEV_DIR OUT.csv writes the validation fifth as a
ground-truth CSV for anpr-eval; with --training, the frames of
ro-robertlucian whose plates are all of the training four fifths (the
candidate verifier's real frames, verifier_sets.sh).
"""

from __future__ import annotations

import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

import charset
import plate_cuts

TUNING_SETS = ("uc3m-lp", "ro-robertlucian")
# A uc3m crop this square is a two-row plate (label: top row, space, bottom
# row); between this and ONE_ROW_MIN_ASPECT crops are often cut-off one-row
# plates, so their layout is unclear and they are not trained on.
TWO_ROW_BELOW_ASPECT = 1.3
ONE_ROW_MIN_ASPECT = 1.8


def is_validation(plate: str) -> bool:
    """The fixed fifth of distinct plate texts kept for validation."""
    return hashlib.md5(plate.strip().upper().encode("utf-8")).digest()[0] % 5 == 0


def split_groundtruth(real_dev: Path, out: Path, training: bool = False) -> None:
    """The validation fifth of the tuning sets as a groundtruth CSV for anpr-eval
    (image paths made absolute, so it can live anywhere); with `training`, the
    Romanian frames none of whose plates is of the validation fifth."""
    with open(real_dev / "groundtruth.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = [r for r in reader if r["set"] in TUNING_SETS]
    if training:
        held = {r["image"] for r in rows if is_validation(r["plate"])}
        rows = [r for r in rows if r["set"] == "ro-robertlucian" and r["image"] not in held]
    else:
        rows = [r for r in rows if is_validation(r["plate"])]
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=reader.fieldnames, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({**r, "image": str((real_dev / r["image"]).resolve())})


@dataclass(frozen=True)
class RealPlate:
    jpeg: np.ndarray       # the plate with some surroundings
    box: tuple[float, float, float, float]  # the plate inside it: x, y, w, h
    labels: tuple[str, ...]  # one per row, top first, '?' dropped
    source: str


def _labels(plate: str, two_rows: bool) -> tuple[str, ...]:
    text = plate.replace("?", "")
    if two_rows:
        top, bottom = text.split(" ", 1)
        return charset.normalise(top), charset.normalise(bottom)
    return (charset.normalise(text),)


def load(real_dev: Path, validation: bool) -> list[RealPlate]:
    """The training (or validation) plates of the tuning sets."""
    out = []
    with open(real_dev / "groundtruth.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["set"] not in TUNING_SETS or is_validation(r["plate"]) != validation:
                continue
            image = cv2.imread(str(real_dev / r["image"]))
            if image is None:
                raise FileNotFoundError(f"{real_dev / r['image']} cannot be decoded")
            if r["kind"] == "crop":
                h, w = image.shape[:2]
                aspect = w / h
                if TWO_ROW_BELOW_ASPECT <= aspect < ONE_ROW_MIN_ASPECT:
                    continue
                two_rows = aspect < TWO_ROW_BELOW_ASPECT and " " in r["plate"].strip()
                if aspect < TWO_ROW_BELOW_ASPECT and not two_rows:
                    continue
                box, crop = (0.0, 0.0, float(w), float(h)), image
            else:
                two_rows = False
                x, y, w, h = (float(r[k]) for k in ("x", "y", "w", "h"))
                pad = 0.5 * h
                x0, y0 = int(max(0, x - pad)), int(max(0, y - pad))
                x1, y1 = int(min(image.shape[1], x + w + pad)), int(min(image.shape[0], y + h + pad))
                crop, box = image[y0:y1, x0:x1], (x - x0, y - y0, w, h)
            labels = _labels(r["plate"], two_rows)
            if not all(labels):
                continue
            ok, jpeg = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, 95])
            out.append(RealPlate(jpeg, box, labels, r["set"]))
    return out


def parts(plate: RealPlate, rng: np.random.Generator | None) -> list[tuple[np.ndarray, str]]:
    """The reader inputs of one real plate, as the engine's crop path cuts
    them (the whole plate, or its halves), with a detector's error when `rng` is given."""
    image = cv2.imdecode(plate.jpeg, cv2.IMREAD_COLOR)
    x, y, w, h = plate.box
    if rng is None:
        quad = np.float64([[x, y], [x + w, y], [x + w, y + h], [x, y + h]])
    else:
        quad = plate_cuts.jittered_box(x, y, x + w, y + h, h, rng, (-0.04, 0.12), (-0.04, 0.12), 0.02)
    stretch = 1.0 if rng is None else rng.uniform(0.85, 1.15)
    if len(plate.labels) == 1:
        return [(plate_cuts.warp_part(image, quad, stretch), plate.labels[0])]
    split = 0.5 if rng is None else 0.5 + rng.normal(0, 0.02)
    return [(plate_cuts.warp_part(image, q, stretch), label)
            for q, label in zip(plate_cuts.halves(quad, split), plate.labels)]


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--training"]
    if len(args) != 2:
        sys.exit("usage: real_crops.py REAL_DEV_DIR OUT.csv [--training]")
    split_groundtruth(Path(args[0]), Path(args[1]), training="--training" in sys.argv[1:])

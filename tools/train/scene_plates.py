#!/usr/bin/python3
"""Adds the plates of generated road scenes to a plates folder, as crops.

`anpr-synth plates` draws each plate at crop size; in a scene the same
plate is drawn at frame size, far plates ninety pixels wide and smeared by
the frame's blur, motion and JPEG, which is what the engine reads in a
1280x720 frame and the crops never show. Each plate of an `anpr-synth
scenes` folder is cut out with room around it for the cuts of
plate_cuts.py and appended to PLATES_DIR's corners.csv and groundtruth.csv,
so index_rows.py and the training draw it like any crop. Cuts are written
as PNG: a second JPEG would be a fault no camera adds.

Usage: scene_plates.py [--jobs N] SCENES_DIR [SCENES_DIR ...] PLATES_DIR
"""

from __future__ import annotations

import argparse
import csv
import functools
import itertools
import sys
from pathlib import Path

import cv2
import numpy as np

from index_rows import corners_of
from dataset_io import CORNER_COLUMNS, GROUNDTRUTH_COLUMNS  # tools/synth, on the path once index_rows is imported
from ordered_pool import ordered_map

# Room kept around the plate's box, in plate heights: plate_cuts.py reaches
# half a height past the sides and grows rows by up to 1.4 character heights.
MARGIN_SIDE = 1.2
MARGIN_VERTICAL = 0.6


def cut(image: np.ndarray, quad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The part of `image` around `quad` and the quad in its coordinates."""
    (x0, y0), (x1, y1) = quad.min(axis=0), quad.max(axis=0)
    h = y1 - y0
    left = max(0, int(np.floor(x0 - MARGIN_SIDE * h)))
    top = max(0, int(np.floor(y0 - MARGIN_VERTICAL * h)))
    right = min(image.shape[1], int(np.ceil(x1 + MARGIN_SIDE * h)))
    bottom = min(image.shape[0], int(np.ceil(y1 + MARGIN_VERTICAL * h)))
    return image[top:bottom, left:right], quad - np.float32([left, top])


def scene_cuts(scenes: Path, records: list[dict]) -> list[tuple[bytes, np.ndarray]]:
    """PNG bytes and shifted corners of the cut of each plate of one scene
    (`records`, all of one image)."""
    image = cv2.imread(str(scenes / records[0]["image"]))
    if image is None:
        raise FileNotFoundError(f"{scenes / records[0]['image']} cannot be decoded")
    cuts = []
    for rec in records:
        part, local = cut(image, corners_of(rec))
        ok, png = cv2.imencode(".png", part)
        if not ok:
            raise RuntimeError(f"PNG encoding failed for a plate of {scenes / rec['image']}")
        cuts.append((png.tobytes(), local))
    return cuts


def add_scenes(scenes: Path, plates: Path, prefix: str, jobs: int = 1) -> int:
    """Appends every plate of `scenes` to `plates`; returns how many. With
    jobs > 1 the scenes are cut by that many processes (the same files)."""
    with open(scenes / "corners.csv", newline="", encoding="utf-8") as f:
        by_image = [list(group) for _, group in itertools.groupby(csv.DictReader(f), key=lambda r: r["image"])]
    added = 0
    with open(plates / "corners.csv", "a", newline="", encoding="utf-8") as corners_file, \
         open(plates / "groundtruth.csv", "a", newline="", encoding="utf-8") as truth_file:
        corners = csv.DictWriter(corners_file, CORNER_COLUMNS, lineterminator="\n")
        truth = csv.DictWriter(truth_file, GROUNDTRUTH_COLUMNS, lineterminator="\n")
        cuts = ordered_map(functools.partial(scene_cuts, scenes), by_image, jobs if jobs > 1 else 0, chunksize=8)
        for records, image_cuts in zip(by_image, cuts):
            for rec, (png, local) in zip(records, image_cuts):
                name = f"images/{prefix}-{added:06d}.png"
                (plates / name).write_bytes(png)
                cells = {f"{a}{i + 1}": f"{local[i][j]:.1f}" for i in range(4) for j, a in enumerate("xy")}
                corners.writerow({**{k: rec[k] for k in CORNER_COLUMNS[1:5]}, "image": name, **cells})
                (x0, y0), (x1, y1) = local.min(axis=0), local.max(axis=0)
                truth.writerow({"image": name, "plate": rec["plate"], "country": rec["country"],
                                "set": "synth-scene-plates", "kind": "crop",
                                "x": int(x0), "y": int(y0), "w": int(x1 - x0), "h": int(y1 - y0)})
                added += 1
    return added


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", type=Path, nargs="+", metavar="DIR", help="scenes folders, then the plates folder")
    ap.add_argument("--jobs", type=int, default=1, help="processes cutting scenes (default 1)")
    args = ap.parse_args()
    if len(args.folders) < 2:
        ap.error("give at least one scenes folder and the plates folder")
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    *scenes, plates = args.folders
    if not (plates / "corners.csv").is_file():
        ap.error(f"{plates} is no plates folder (no corners.csv)")
    for s in scenes:
        print(f"{s}: {add_scenes(s, plates, s.name, args.jobs)} plates added to {plates}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

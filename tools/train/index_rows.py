#!/usr/bin/python3
"""Locates the text rows of every crop of an anpr-synth `plates` folder once.

Finding a row takes ~10 ms (a clean redraw of the plate and a template
match), too slow to redo for every training step, so it is done here and
written to DIR/rows.csv; training cuts rows from that table with fresh
jitter each epoch. Usage: index_rows.py DIR [DIR ...]
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

import cv2
import numpy as np

import synth_rows

FIELDS = ["image", "row", "label", "night", "w_mm", "h_mm", "x0", "y0", "x1", "y1", "band_end", "match",
          "x1c", "y1c", "x2c", "y2c", "x3c", "y3c", "x4c", "y4c", "chars"]


def corners_of(record: dict) -> np.ndarray:
    return np.float32([[float(record[f"x{i}"]), float(record[f"y{i}"])] for i in range(1, 5)])


def index_folder(folder: Path) -> None:
    started = time.perf_counter()
    written = skipped = 0
    with open(folder / "corners.csv", newline="", encoding="utf-8") as src, \
            open(folder / "rows.csv", "w", newline="", encoding="utf-8") as dst:
        out = csv.writer(dst, lineterminator="\n")
        out.writerow(FIELDS)
        for rec in csv.DictReader(src):
            image = cv2.imread(str(folder / rec["image"]))
            if image is None:
                raise FileNotFoundError(f"{folder / rec['image']} cannot be decoded")
            plate = synth_rows.plate_of(rec["plate"], rec["country"], rec["series"])
            try:
                rows = synth_rows.locate_rows(image, corners_of(rec), plate)
            except ValueError as e:
                print(f"{rec['image']}: skipped, {e}", file=sys.stderr)
                skipped += 1
                continue
            w_mm, h_mm = synth_rows.plate_size_mm(plate)
            corner_cells = [f"{v:.2f}" for v in corners_of(rec).ravel()]
            for i, r in enumerate(rows):
                out.writerow([rec["image"], i, r.label, int(rec["look"] == "night"), w_mm, h_mm,
                              *(f"{v:.2f}" for v in (r.x0, r.y0, r.x1, r.y1, r.band_end)),
                              f"{r.match:.3f}", *corner_cells,
                              ";".join(f"{a:.1f}:{b:.1f}" for a, b in r.chars)])
                written += 1
    print(f"{folder}: {written} rows, {skipped} crops skipped, "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: index_rows.py DIR [DIR ...]")
    for arg in sys.argv[1:]:
        index_folder(Path(arg))

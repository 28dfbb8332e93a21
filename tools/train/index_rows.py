#!/usr/bin/python3
"""Locates the text rows of every crop of an anpr-synth `plates` folder once.

Finding a row takes ~10 ms (a clean redraw of the plate and a template
match), too slow to redo for every training step, so it is done here and
written to DIR/rows.csv; training cuts rows from that table with fresh
jitter each epoch. Usage: index_rows.py [--jobs N] DIR [DIR ...]
"""

from __future__ import annotations

import argparse
import csv
import functools
import sys
import time
from pathlib import Path

import cv2
import numpy as np

import synth_rows
from ordered_pool import ordered_map  # tools/synth, on the path once synth_rows is imported

FIELDS = ["image", "row", "label", "night", "w_mm", "h_mm", "x0", "y0", "x1", "y1", "band_end", "match",
          "x1c", "y1c", "x2c", "y2c", "x3c", "y3c", "x4c", "y4c", "chars"]


def corners_of(record: dict) -> np.ndarray:
    return np.float32([[float(record[f"x{i}"]), float(record[f"y{i}"])] for i in range(1, 5)])


def table_rows(folder: Path, rec: dict) -> list[list]:
    """rows.csv lines of one crop; ValueError where its rows cannot be located."""
    image = cv2.imread(str(folder / rec["image"]))
    if image is None:
        raise FileNotFoundError(f"{folder / rec['image']} cannot be decoded")
    plate = synth_rows.plate_of(rec["plate"], rec["country"], rec["series"])
    rows = synth_rows.locate_rows(image, corners_of(rec), plate)
    w_mm, h_mm = synth_rows.plate_size_mm(plate)
    corner_cells = [f"{v:.2f}" for v in corners_of(rec).ravel()]
    return [[rec["image"], i, r.label, int(rec["look"] == "night"), w_mm, h_mm,
             *(f"{v:.2f}" for v in (r.x0, r.y0, r.x1, r.y1, r.band_end)),
             f"{r.match:.3f}", *corner_cells,
             ";".join(f"{a:.1f}:{b:.1f}" for a, b in r.chars)] for i, r in enumerate(rows)]


def _table_rows_or_error(folder: Path, rec: dict) -> list[list] | str:
    try:
        return table_rows(folder, rec)
    except ValueError as e:
        return f"{rec['image']}: skipped, {e}"


def index_folder(folder: Path, jobs: int = 1) -> None:
    """Writes folder/rows.csv; with jobs > 1 crops are located by that many
    processes (the table is the same, in the same order)."""
    started = time.perf_counter()
    written = skipped = 0
    with open(folder / "corners.csv", newline="", encoding="utf-8") as src:
        records = list(csv.DictReader(src))
    locate = functools.partial(_table_rows_or_error, folder)
    with open(folder / "rows.csv", "w", newline="", encoding="utf-8") as dst:
        out = csv.writer(dst, lineterminator="\n")
        out.writerow(FIELDS)
        for result in ordered_map(locate, records, jobs if jobs > 1 else 0, chunksize=16):
            if isinstance(result, str):
                print(result, file=sys.stderr)
                skipped += 1
                continue
            out.writerows(result)
            written += len(result)
    print(f"{folder}: {written} rows, {skipped} crops skipped, "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", type=Path, nargs="+", metavar="DIR")
    ap.add_argument("--jobs", type=int, default=1, help="processes locating rows (default 1)")
    args = ap.parse_args()
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    for folder in args.folders:
        index_folder(folder, args.jobs)

"""Writes generated images and their labels in the project's dataset layout.

Synthetic sets are read by the same evaluation code as the real ones, so
groundtruth.csv has exactly the columns of shared/datasets/real-dev (see
shared/datasets/README.md): image,plate,country,set,kind,x,y,w,h with image
paths relative to the CSV.  Detector training also needs the four plate
corners, which that format has no room for; they go to corners.csv, keyed
by the same image and plate.  images.txt lists every image written, including
those with no plate (the empty-road set), which groundtruth.csv cannot show.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np

from scene import PlacedPlate

GROUNDTRUTH_COLUMNS = ["image", "plate", "country", "set", "kind", "x", "y", "w", "h"]
CORNER_COLUMNS = ["image", "plate", "country", "series", "look",
                  "x1", "y1", "x2", "y2", "x3", "y3", "x4", "y4"]


class EncodedImage(NamedTuple):
    """A JPEG file's bytes and the size of the image they hold."""
    data: bytes
    width: int
    height: int


def encode_jpeg(image: np.ndarray, quality: int) -> EncodedImage:
    """Encoding is most of what writing a frame costs, so the processes that
    draw images encode them and the writer only stores the bytes."""
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        raise RuntimeError(f"JPEG encoding failed for a {image.shape[1]}x{image.shape[0]} image")
    return EncodedImage(data.tobytes(), image.shape[1], image.shape[0])


def image_name(index: int, count: int) -> str:
    return f"images/{index:0{max(5, len(str(count - 1)))}d}.jpg"


class DatasetWriter:
    """Owns one output folder: images/, groundtruth.csv, corners.csv, images.txt."""

    def __init__(self, out_dir: str | os.PathLike, set_name: str, kind: str):
        self.root = Path(out_dir)
        (self.root / "images").mkdir(parents=True, exist_ok=True)
        self.set_name, self.kind = set_name, kind
        self._files = [open(self.root / name, "w", newline="", encoding="utf-8")
                       for name in ("groundtruth.csv", "corners.csv", "images.txt")]
        self._truth = csv.writer(self._files[0], lineterminator="\n")
        self._corners = csv.writer(self._files[1], lineterminator="\n")
        self._truth.writerow(GROUNDTRUTH_COLUMNS)
        self._corners.writerow(CORNER_COLUMNS)

    def add(self, rel_path: str, image: EncodedImage, plates: list[PlacedPlate], look_name: str) -> None:
        (self.root / rel_path).write_bytes(image.data)
        self._files[2].write(rel_path + "\n")
        w, h = image.width, image.height
        for placed in plates:
            x, y, bw, bh = placed.box()
            x0, y0 = max(x, 0), max(y, 0)
            x1, y1 = min(x + bw, w), min(y + bh, h)
            p = placed.plate
            self._truth.writerow([rel_path, p.text, p.country, self.set_name, self.kind,
                                  x0, y0, x1 - x0, y1 - y0])
            self._corners.writerow([rel_path, p.text, p.country, p.series, look_name]
                                   + [f"{v:.1f}" for v in placed.corners.reshape(-1)])

    def close(self) -> None:
        for f in self._files:
            f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

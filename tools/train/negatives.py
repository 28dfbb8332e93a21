"""Reader inputs with no plate in them, labelled with no text.

The engine reads whatever its classical detector proposes, and on road
frames without a plate that is grilles, lamps, bumpers and sign edges. A net
trained only on plates reads characters into those (the first CRNN gave 42
of 100 plate-free frames a plate of confidence >= 0.5). Patches of
`anpr-synth empty` frames and of `anpr-synth scenes` frames away from their
plates (cars without the plate), centred where the frame has edges and
shaped like a plate row or a whole plate, teach it to output only blanks
there.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np

import plate_cuts


class Negatives:
    def __init__(self, folders: list[Path], work_width: int = 640):
        """Every image of `anpr-synth empty` or `scenes` folders, downscaled to
        `work_width` (patches are as small as far plates anyway) and kept as
        JPEG bytes, with the boxes of the plates they show."""
        self._jpeg, self._edges, self._plates = [], [], []
        for folder in folders:
            plates = defaultdict(list)
            with open(folder / "corners.csv", newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    if r["x1"]:
                        xy = np.float64([[float(r[f"x{i}"]), float(r[f"y{i}"])] for i in range(1, 5)])
                        plates[r["image"]].append((*xy.min(axis=0), *xy.max(axis=0)))
            for path in sorted((folder / "images").glob("*.jpg")):
                image = cv2.imread(str(path))
                if image is None:
                    raise FileNotFoundError(f"{path} cannot be decoded")
                scale = work_width / image.shape[1]
                image = cv2.resize(image, (work_width, int(round(image.shape[0] * scale))),
                                   interpolation=cv2.INTER_AREA)
                gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
                energy = cv2.blur(np.abs(cv2.Sobel(gray, cv2.CV_32F, 1, 0)), (9, 9))
                boxes = [tuple(v * scale for v in b) for b in plates[f"images/{path.name}"]]
                for x0, y0, x1, y1 in boxes:
                    energy[max(0, int(y0)):int(y1) + 1, max(0, int(x0)):int(x1) + 1] = 0
                self._jpeg.append(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])[1])
                self._edges.append(np.cumsum(energy.ravel()) / max(float(energy.sum()), 1e-6))
                self._plates.append(boxes)
        if not self._jpeg:
            raise FileNotFoundError(f"no .jpg in {', '.join(map(str, folders))}")

    def sample(self, rng: np.random.Generator) -> tuple[np.ndarray, str]:
        """One patch around an edge-rich point, 10-70 px high, 1.2-6 times as
        wide, slightly rolled, touching no plate."""
        while True:
            k = int(rng.integers(len(self._jpeg)))
            at = min(int(np.searchsorted(self._edges[k], rng.random())), self._edges[k].size - 1)
            image = cv2.imdecode(self._jpeg[k], cv2.IMREAD_COLOR)
            cy, cx = divmod(at, image.shape[1])
            h = rng.uniform(10, 70)
            w = h * rng.uniform(1.2, 6.0)
            if any(cx - w / 2 < x1 and x0 < cx + w / 2 and cy - h / 2 < y1 and y0 < cy + h / 2
                   for x0, y0, x1, y1 in self._plates[k]):
                continue
            a = rng.normal(0, 0.08)
            along, across = np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])
            centre = np.array([cx, cy], np.float64)
            quad = np.float64([centre - along * w / 2 - across * h / 2, centre + along * w / 2 - across * h / 2,
                               centre + along * w / 2 + across * h / 2, centre - along * w / 2 + across * h / 2])
            return plate_cuts.warp_part(image, quad), ""

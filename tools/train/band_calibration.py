#!/usr/bin/python3
"""How far the strip classifier can be believed: for windows written by
anpr-band-windows, per probability threshold, the share of LV and LT
windows it names a code for (coverage), how many of those codes are right,
how many windows without a strip get a code, and the precision of "LV" and
"LT" when said.

Usage: band_calibration.py MODEL.onnx WINDOWS_DIR [--thresholds 0.5,0.8,0.9,0.95]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import cv2
import numpy as np

from train_band import CLASSES
from window_augment import window_input


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("windows", type=Path)
    ap.add_argument("--thresholds", default="0.5,0.8,0.9,0.95")
    args = ap.parse_args()
    net = cv2.dnn.readNetFromONNX(str(args.model))
    probs, labels = [], []
    with open(args.windows / "labels.csv", newline="") as f:
        for row in csv.DictReader(f):
            net.setInput(window_input(cv2.imread(str(args.windows / row["file"]), cv2.IMREAD_COLOR))[None])
            probs.append(net.forward().reshape(-1))
            labels.append(CLASSES.index(row["label"]))
    p, y = np.array(probs), np.array(labels)
    said, sure = p.argmax(1), p.max(1)
    for t in (float(v) for v in args.thresholds.split(",")):
        named = (sure >= t) & (said != 0)
        parts = []
        for name in ("LV", "LT"):
            k = CLASSES.index(name)
            of_k = y == k
            coverage = (named & of_k).sum() / max(of_k.sum(), 1)
            right = (said[named & of_k] == k).mean() if (named & of_k).any() else float("nan")
            told = named & (said == k)
            precision = (y[told] == k).mean() if told.any() else float("nan")
            parts.append(f"{name} coverage {100 * coverage:.1f}% right {100 * right:.1f}% "
                         f"precision {100 * precision:.1f}% ({told.sum()} said)")
        print(f"p >= {t:.2f}: " + "; ".join(parts) + f"; no strip given a code {(named & (y == 0)).sum()}/{(y == 0).sum()}")


if __name__ == "__main__":
    main()

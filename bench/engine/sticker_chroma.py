#!/usr/bin/python3
"""The colour measurements behind edge/engine/ink_gray.cc's thresholds.

    bench/engine/sticker_chroma.py IMAGE X Y W H [IMAGE X Y W H ...]

For each plate box, balances colour on the box's ground (the brighter half
of its gray, as ink_gray does), takes the pixels whose balanced chroma
(max - min of the three channels, each divided by the ground's) is over 0.2
and whose brightest channel is over 0.35, and prints every connected
component of them that is shaped like a sticker (0.08-0.38 of the box's
height across, aspect 0.6-1.6, filling half its box) with its mean
brightness and mean chroma. docs/recognition.md ("Stop 14") gives the boxes
it was run on and what it printed.
"""
import sys

import cv2
import numpy as np


def discs(image, x, y, w, h):
    part = cv2.imread(image)
    if part is None:
        sys.exit(f"sticker_chroma: cannot read {image}")
    part = part[y:y + h, x:x + w]
    gray = cv2.cvtColor(part, cv2.COLOR_BGR2GRAY)
    ground = gray >= np.median(gray)
    balanced = part.astype(np.float32) / np.maximum(1.0, part[ground].mean(axis=0))
    hi, lo = balanced.max(axis=2), balanced.min(axis=2)
    chroma = hi - lo
    coloured = ((chroma > 0.2) & (hi > 0.35)).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(coloured, connectivity=8)
    for i in range(1, n):
        bx, by, bw, bh, area = stats[i]
        diameter = (bw + bh) / 2
        if not (0.08 * h <= diameter <= 0.38 * h and 0.6 <= bw / bh <= 1.6 and area >= 0.5 * bw * bh):
            continue
        own = labels == i
        yield (bx, by, bw, bh), hi[own].mean(), chroma[own].mean()


def main():
    args = sys.argv[1:]
    if not args or len(args) % 5:
        sys.exit(__doc__.split("\n\n")[1])
    for k in range(0, len(args), 5):
        image, box = args[k], [int(v) for v in args[k + 1:k + 5]]
        for (bx, by, bw, bh), brightness, chroma in discs(image, *box):
            print(f"{image} {box}: disc at {bx},{by} {bw}x{bh}  brightness {brightness:.2f}  chroma {chroma:.2f}")


if __name__ == "__main__":
    main()

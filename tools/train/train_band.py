#!/usr/bin/python3
"""Trains the strip classifier (edge/engine/band_classifier.h) and exports it
as models/eu_band.onnx.

Input: folders written by anpr-band-windows (bench/engine/band_windows.cc),
each holding NNNNNN.png windows of 72 x 40 px and labels.csv
(file,label,set,image); label is a country code of CLASSES or "" (no strip).
The windows are cut by the engine's own detector and band_window, so what
the net learns on is what it sees at run time.

The net: four 3x3 conv blocks (32-48-96-128 channels, batch norm, ReLU, the
first three max-pooled) over the 40 x 72 BGR window, a 1x1 conv to one
score map per class, global average pooling and softmax: the strip may be
anywhere in the window's left part. Opset 11, fixed shape (1, 3, 40, 72) ->
(1, 11, 1, 1); the export is run through OpenCV DNN and refused when it
differs from torch by more than 1e-4.

Usage: train_band.py --train DIR [DIR...] --val DIR [DIR...] --out eu_band.onnx
                     [--epochs 6] [--threads 2] [--seed 1] [--channels 32,48,96,128]
Prints per-epoch loss and validation accuracy per class, then the confusion
of LV and LT on the validation windows.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import cv2
import numpy as np
import torch
from torch import nn

import export_crnn
import window_augment
from window_augment import window_input

# Must match kBandClasses in edge/engine/band_classifier.h.
CLASSES = ("", "LV", "LT", "EE", "PL", "FI", "DE", "SK", "CZ", "UA", "BY")
HEIGHT, WIDTH = 40, 72
# The conv blocks' widths of the committed model (models/README.md).
CHANNELS = (32, 48, 96, 128)


def load(dirs: list[Path]) -> tuple[np.ndarray, np.ndarray]:
    images, labels = [], []
    for d in dirs:
        with open(d / "labels.csv", newline="") as f:
            for row in csv.DictReader(f):
                if row["label"] not in CLASSES:
                    raise ValueError(f"{d}/labels.csv: label {row['label']!r} is not a class")
                window = cv2.imread(str(d / row["file"]), cv2.IMREAD_COLOR)
                if window is None or window.shape != (HEIGHT, WIDTH, 3):
                    raise ValueError(f"{d}/{row['file']}: not a {WIDTH}x{HEIGHT} BGR window")
                images.append(window)
                labels.append(CLASSES.index(row["label"]))
    return np.stack(images), np.array(labels, np.int64)


def augment(window: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The detector's row ends and height are a few pixels off; a gray day
    camera loses the strip's colour."""
    return window_augment.augment(window, rng, gray_share=0.15, scale_spread=0.15, dy_spread=3)


class BandNet(nn.Module):
    def __init__(self, channels: tuple[int, int, int, int] = CHANNELS) -> None:
        super().__init__()

        def block(cin: int, cout: int, pool: bool) -> list[nn.Module]:
            layers: list[nn.Module] = [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU()]
            return layers + [nn.MaxPool2d(2)] if pool else layers

        c1, c2, c3, c4 = channels
        self.body = nn.Sequential(*block(3, c1, True), *block(c1, c2, True), *block(c2, c3, True),
                                  *block(c3, c4, False), nn.Conv2d(c4, len(CLASSES), 1),
                                  nn.AdaptiveAvgPool2d(1), nn.Softmax(dim=1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # (N,3,40,72) -> (N,11,1,1) probabilities
        return self.body(x)


def evaluate(net: BandNet, images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    net.eval()
    predicted = []
    with torch.no_grad():
        for i in range(0, len(images), 512):
            batch = torch.from_numpy(np.stack([window_input(w) for w in images[i:i + 512]]))
            predicted.append(net(batch).flatten(1).argmax(1).numpy())
    net.train()
    return np.concatenate(predicted)


def report(predicted: np.ndarray, labels: np.ndarray) -> None:
    parts = []
    for k, name in enumerate(CLASSES):
        n = int((labels == k).sum())
        if n:
            parts.append(f"{name or 'none'} {100 * float((predicted[labels == k] == k).mean()):.1f}% ({n})")
    print(f"  val {100 * float((predicted == labels).mean()):.2f}%: " + ", ".join(parts), flush=True)


def export(net: BandNet, path: Path, sample: np.ndarray) -> None:
    net.eval()
    x = window_input(sample)[None]
    torch.onnx.export(net, torch.from_numpy(x), str(path), opset_version=11, input_names=["window"],
                      output_names=["probabilities"])
    export_crnn.kept_if_opencv_agrees(path, net, [x])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, nargs="+", required=True)
    ap.add_argument("--val", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--channels", default=",".join(map(str, CHANNELS)),
                    help="the four conv blocks' widths, comma-separated")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    train_x, train_y = load(args.train)
    val_x, val_y = load(args.val)
    print(f"{len(train_x)} training windows, {len(val_x)} validation windows")
    channels = tuple(int(c) for c in args.channels.split(","))
    if len(channels) != 4 or min(channels) < 1:
        raise SystemExit(f"--channels {args.channels!r}: four positive widths expected")
    net = BandNet(channels)
    batch, steps_per_epoch = 64, len(train_x) // 64
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=args.epochs * steps_per_epoch)
    started = time.time()
    for epoch in range(args.epochs):
        order = rng.permutation(len(train_x))
        total = 0.0
        for step in range(steps_per_epoch):
            idx = order[step * batch:(step + 1) * batch]
            x = torch.from_numpy(np.stack([window_input(augment(train_x[i], rng)) for i in idx]))
            probs = net(x).flatten(1)
            loss = nn.functional.nll_loss(torch.log(probs.clamp_min(1e-8)), torch.from_numpy(train_y[idx]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss)
        print(f"epoch {epoch + 1}: loss {total / steps_per_epoch:.4f}, {time.time() - started:.0f} s", flush=True)
        report(evaluate(net, val_x, val_y), val_y)
    predicted = evaluate(net, val_x, val_y)
    for k in (CLASSES.index("LV"), CLASSES.index("LT")):
        got = np.bincount(predicted[val_y == k], minlength=len(CLASSES))
        print(f"  {CLASSES[k]} read as: " + ", ".join(f"{CLASSES[c] or 'none'} {n}" for c, n in enumerate(got) if n))
    torch.save(net.state_dict(), args.out.with_suffix(".pt"))
    export(net, args.out, val_x[0])


if __name__ == "__main__":
    main()

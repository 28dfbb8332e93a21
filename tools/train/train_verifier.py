#!/usr/bin/python3
"""Trains the candidate verifier (edge/engine/candidate_verifier.h) and exports
it as models/plate_verifier.onnx.

Input: folders written by anpr-verifier-windows (bench/engine/verifier_windows.cc),
each holding NNNNNN.png windows of 96 x 32 px and labels.csv
(file,label,iou,spare,rank,score,set,image); label 1 is a candidate that is a
whole plate, spare 1 one the detector would not read (the verifier's own
question).
The windows are cut by the engine's own detector and candidate_window, so
what the net learns on is what it sees at run time.

The net is small because the engine runs it on up to eight windows a frame:
a 3x3 conv of stride 2 (8 channels), max-pooled, then two 3x3 conv blocks
(16 and 32 channels, batch norm, ReLU, the first max-pooled) to a 4 x 12 map,
flattened (the plate fills the window's middle: where things are matters)
into one logit; 0.6 M multiply-adds, about 0.06 ms a window on one core in
OpenCV DNN (12-24-48 channels: twice the cost, and no plate more). Batches are a quarter plates,
as a frame has one plate among tens of candidates.
Opset 11, batch dimension free: (N, 3, 32, 96) -> (N, 1); the export is run
through OpenCV DNN and refused when it differs from torch by more than 1e-4.

What the engine needs is a plate the detector would not read promoted, and
little else: validation prints, besides accuracy, of the frames whose plate is
only among the spares how many it promotes (probability >= 0.5, as
kVerifierPromotes), and how many other spares it promotes a frame.

Usage: train_verifier.py --train DIR [DIR...] --val DIR [DIR...] --out plate_verifier.onnx
                         [--epochs 8] [--threads 2] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np
import torch
from torch import nn

import export_crnn
import window_augment
from window_augment import window_input

HEIGHT, WIDTH = 32, 96
CHANNELS = (8, 16, 32)
PROMOTES = 0.5  # kVerifierPromotes
PLATE_SHARE = 0.25


def load(dirs: list[Path]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Windows, labels, whether each is a spare, and the frame each came from
    (folder and image)."""
    images, labels, spares, frames = [], [], [], []
    for d in dirs:
        with open(d / "labels.csv", newline="") as f:
            for row in csv.DictReader(f):
                window = cv2.imread(str(d / row["file"]), cv2.IMREAD_COLOR)
                if window is None or window.shape != (HEIGHT, WIDTH, 3):
                    raise ValueError(f"{d}/{row['file']}: not a {WIDTH}x{HEIGHT} BGR window")
                images.append(window)
                labels.append(int(row["label"]))
                spares.append(row["spare"] == "1")
                frames.append(f"{d}/{row['image']}")
    return np.stack(images), np.array(labels, np.float32), np.array(spares), frames


def augment(window: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """An infrared or gray camera; the detector's outline a few pixels off."""
    return window_augment.augment(window, rng, gray_share=0.2, scale_spread=0.1, dy_spread=2)


class VerifierNet(nn.Module):
    def __init__(self, channels: tuple[int, int, int] = CHANNELS) -> None:
        super().__init__()
        c1, c2, c3 = channels
        self.body = nn.Sequential(
            nn.Conv2d(3, c1, 3, stride=2, padding=1), nn.BatchNorm2d(c1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(c1, c2, 3, padding=1), nn.BatchNorm2d(c2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(c2, c3, 3, padding=1), nn.BatchNorm2d(c3), nn.ReLU(),
            nn.Flatten(), nn.Dropout(0.3), nn.Linear(c3 * (HEIGHT // 8) * (WIDTH // 8), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # (N,3,32,96) -> (N,1) logits
        return self.body(x)


def logits(net: VerifierNet, images: np.ndarray) -> np.ndarray:
    net.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(images), 512):
            batch = torch.from_numpy(np.stack([window_input(w) for w in images[i:i + 512]]))
            out.append(net(batch).flatten().numpy())
    net.train()
    return np.concatenate(out)


def report(logit: np.ndarray, labels: np.ndarray, spare: np.ndarray, frames: list[str]) -> None:
    positive = labels > 0.5
    right = (logit > 0) == positive
    promoted = spare & (logit >= np.log(PROMOTES / (1 - PROMOTES)))
    by_frame: dict[str, list[int]] = defaultdict(list)
    for i, frame in enumerate(frames):
        by_frame[frame].append(i)
    only_spare = [m for m in by_frame.values() if positive[m].any() and not (positive[m] & ~spare[m]).any()]
    recovered = sum(bool((promoted[m] & positive[m]).any()) for m in only_spare)
    print(f"  val: plates {100 * right[positive].mean():.1f}% right ({positive.sum()}), others "
          f"{100 * right[~positive].mean():.1f}% ({(~positive).sum()}); plates only among the spares "
          f"promoted in {recovered} of {len(only_spare)} frames; other spares promoted "
          f"{(promoted & ~positive).sum() / len(by_frame):.3f} a frame ({len(by_frame)} frames)", flush=True)


def export(net: VerifierNet, path: Path, sample: np.ndarray) -> None:
    net.eval()
    x = np.stack([window_input(w) for w in sample])
    torch.onnx.export(net, torch.from_numpy(x), str(path), opset_version=11, input_names=["windows"],
                      output_names=["logits"], dynamic_axes={"windows": {0: "n"}, "logits": {0: "n"}})
    # Checked at two batch sizes: the engine sends as many as it has spares.
    export_crnn.kept_if_opencv_agrees(path, net, [x, x[:1]])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, nargs="+", required=True)
    ap.add_argument("--val", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    train_x, train_y, _, _ = load(args.train)
    val_x, val_y, val_spare, val_frames = load(args.val)
    plates, others = np.flatnonzero(train_y > 0.5), np.flatnonzero(train_y < 0.5)
    print(f"{len(train_x)} training windows ({len(plates)} plates), {len(val_x)} validation windows")
    net = VerifierNet()
    batch = 64
    steps_per_epoch = len(others) // int(batch * (1 - PLATE_SHARE))
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=args.epochs * steps_per_epoch)
    n_plates = int(batch * PLATE_SHARE)
    started = time.time()
    for epoch in range(args.epochs):
        order = rng.permutation(others)
        total = 0.0
        for step in range(steps_per_epoch):
            idx = np.concatenate([order[step * (batch - n_plates):(step + 1) * (batch - n_plates)],
                                  rng.choice(plates, n_plates)])
            x = torch.from_numpy(np.stack([window_input(augment(train_x[i], rng)) for i in idx]))
            loss = nn.functional.binary_cross_entropy_with_logits(net(x).flatten(), torch.from_numpy(train_y[idx]))
            opt.zero_grad()
            loss.backward()
            # Without it one of three runs of this recipe went to NaN in its first epoch.
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss)
        print(f"epoch {epoch + 1}: loss {total / steps_per_epoch:.4f}, {time.time() - started:.0f} s", flush=True)
        report(logits(net, val_x), val_y, val_spare, val_frames)
    torch.save(net.state_dict(), args.out.with_suffix(".pt"))
    export(net, args.out, val_x[:4])


if __name__ == "__main__":
    main()

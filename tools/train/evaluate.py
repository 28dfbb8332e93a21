#!/usr/bin/python3
"""Plate accuracy of a checkpoint on indexed synthetic folders.

A plate counts as read when its rows, each cut exactly (no jitter) and
greedily decoded, concatenate to the label. Crops index_rows.py could not
locate are missing from the table and so not counted; the summary says how
many plates were scored. Usage: evaluate.py CHECKPOINT DIR [DIR ...]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch

import charset
import crnn_model
import row_data
import row_input


def load(checkpoint: str | Path) -> crnn_model.Crnn:
    net = crnn_model.Crnn()
    net.load_state_dict(torch.load(checkpoint, map_location="cpu")["model"])
    return net.eval()


@torch.no_grad()
def plate_accuracy(net: crnn_model.Crnn, rows: row_data.RowSet, limit: int | None = None) -> dict:
    """Share of plates read exactly: overall, by day/night, and the plate count."""
    read, truth, night = defaultdict(str), defaultdict(str), {}
    chosen = rows.rows if limit is None else rows.rows[:limit]
    for start in range(0, len(chosen), 64):
        part = chosen[start:start + 64]
        x = np.stack([row_input.row_tensor(rows.gray_row(r, None)[0]) for r in part])
        probs = torch.softmax(net(torch.from_numpy(x)), dim=1).squeeze(2).permute(0, 2, 1).numpy()
        for r, p in zip(part, probs):
            read[r.image] += charset.greedy_decode(p)
            truth[r.image] += r.label
            night[r.image] = r.night
    hits = {k: read[k] == truth[k] for k in truth}
    out = {"plates": len(hits), "top1": float(np.mean(list(hits.values()))) if hits else 0.0}
    for name, want in (("day", False), ("night", True)):
        sel = [v for k, v in hits.items() if night[k] == want]
        out[name] = float(np.mean(sel)) if sel else float("nan")
    return out


@torch.no_grad()
def parts_accuracy(net: crnn_model.Crnn, plates: list[list[tuple[np.ndarray, str]]]) -> float:
    """Share of plates whose parts (whole plate, or two halves), greedily
    decoded and concatenated, equal the concatenated labels."""
    hits = []
    for start in range(0, len(plates), 64):
        chunk = plates[start:start + 64]
        flat = [part for plate in chunk for part in plate]
        x = np.stack([row_input.row_tensor(gray) for gray, _ in flat])
        probs = torch.softmax(net(torch.from_numpy(x)), dim=1).squeeze(2).permute(0, 2, 1).numpy()
        texts = iter(charset.greedy_decode(p) for p in probs)
        for plate in chunk:
            hits.append("".join(next(texts) for _ in plate) == "".join(label for _, label in plate))
    return float(np.mean(hits)) if hits else 0.0


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit("usage: evaluate.py CHECKPOINT DIR [DIR ...]")
    torch.set_num_threads(1)
    net = load(argv[0])
    for folder in argv[1:]:
        acc = plate_accuracy(net, row_data.RowSet(Path(folder), min_match=-1.0))
        print(f"{folder}: {acc['plates']} plates, top-1 {acc['top1']:.4f} "
              f"(day {acc['day']:.4f}, night {acc['night']:.4f})")


if __name__ == "__main__":
    main(sys.argv[1:])

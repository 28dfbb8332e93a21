#!/usr/bin/python3
"""Trains the plate-row recogniser on indexed synthetic crops.

Usage (see models/README.md for the exact run behind the committed model):
  train_crnn.py --train DIR --val DIR [DIR ...] --steps N --out CKPT [--init CKPT]
Everything random (row order, jitter, weight init) follows --seed: step k's
batch is drawn from its own stream (seed, k), so --workers changes the speed,
not the batches, and on the CPU with one thread the run is repeatable.
--device cuda trains on a GPU (batches still drawn on the CPU, by --workers
processes). A checkpoint is written at every evaluation, so a long run can be
exported before it ends.
"""

from __future__ import annotations

import argparse
import json
import math
import threading
import time
from pathlib import Path

import numpy as np
import torch

import crnn_model
import evaluate
import negatives
import real_crops
import row_data
from ordered_pool import ordered_map  # tools/synth, on the path once row_data is imported


def lr_at(step: int, steps: int, peak: float, warmup: int = 200) -> float:
    """Linear warm-up, then cosine decay to 2 % of the peak."""
    if step < warmup:
        return peak * (step + 1) / warmup
    t = (step - warmup) / max(1, steps - warmup)
    return peak * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * t)))


# What a worker process draws batches from: set before the pool forks, so the
# crops (hundreds of MB of JPEG bytes) are shared, not pickled per batch.
_SOURCE: tuple = ()


def _steps(count: int, in_flight: threading.Semaphore):
    """Step numbers for the pool, held back while `in_flight` batches wait
    to be trained on (the pool would otherwise draw every batch ahead)."""
    for step in range(count):
        in_flight.acquire()
        yield step


def _draw_batch(step: int):
    seed, size, train, mix, real_train, negative = _SOURCE
    return row_data.batch(train, size, np.random.default_rng([seed, step]), mix, real_train, negative)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, required=True)
    ap.add_argument("--val", type=Path, nargs="+", required=True)
    ap.add_argument("--steps", type=int, required=True)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--workers", type=int, default=0, help="processes drawing batches (0: this one)")
    ap.add_argument("--device", default="cpu", help="where the net trains: cpu, or cuda")
    ap.add_argument("--eval-every", type=int, default=500)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--init", type=Path, help="checkpoint to start from (fine-tuning)")
    ap.add_argument("--paint-share", type=float, default=0.1,
                    help="rows with characters painted over (needs rows.csv with character positions)")
    ap.add_argument("--whole-plate-share", type=float, default=0.1,
                    help="one-row plates cut whole, as the rectifier's fallback does")
    ap.add_argument("--plate-share", type=float, default=0.0,
                    help="inputs that are whole synthetic plates (or halves), as the engine's crop path cuts them")
    ap.add_argument("--grown-share", type=float, default=0.0,
                    help="inputs that are synthetic text rows grown to the plate, as the engine's frame path cuts them")
    ap.add_argument("--real-dev", type=Path,
                    help="../shared/datasets/real-dev: fine-tune on the training part of its tuning sets")
    ap.add_argument("--real-share", type=float, default=0.0, help="inputs that are real tuning-set plates")
    ap.add_argument("--negatives", type=Path, nargs="+",
                    help="`anpr-synth empty` or `scenes` folders: plate-free patches, read as nothing")
    ap.add_argument("--negative-share", type=float, default=0.0, help="inputs that are plate-free patches")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train = row_data.RowSet(args.train, whole_plate_share=args.whole_plate_share, paint_share=args.paint_share)
    vals = [row_data.RowSet(v, min_match=-1.0) for v in args.val]
    mix = row_data.Mix(real=args.real_share, negative=args.negative_share, plate=args.plate_share,
                       grown=args.grown_share)
    real_train = real_crops.load(args.real_dev, validation=False) if args.real_dev else []
    negative = negatives.Negatives(args.negatives) if args.negatives else None
    # Whole-plate validation: every synthetic plate cut exactly, and the real validation fifth.
    plate_vals = [(v.folder.name + " whole", [v.plate_parts(r, None) for r in v.rows if r.index == 0]) for v in vals]
    if args.real_dev:
        plate_vals += [("real validation", [real_crops.parts(p, None)
                                            for p in real_crops.load(args.real_dev, validation=True)])]
    print(f"{len(train.rows)} training rows, {len(real_train)} real training plates; validation: "
          + ", ".join(f"{name} {len(plates)} plates" for name, plates in plate_vals), flush=True)

    net = crnn_model.Crnn()
    if args.init:
        net.load_state_dict(torch.load(args.init, map_location="cpu")["model"])
    net.to(args.device)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True)
    global _SOURCE
    _SOURCE = (args.seed, args.batch, train, mix, real_train, negative)
    started, seen, loss_sum = time.perf_counter(), 0, 0.0
    in_flight = threading.Semaphore(4 * max(1, args.workers))
    batches = ordered_map(_draw_batch, _steps(args.steps, in_flight), args.workers)
    for step, (x, targets, lengths) in enumerate(batches):
        in_flight.release()
        loss_sum += train_step(net, opt, ctc, x, targets, lengths, lr_at(step, args.steps, args.lr), args.device)
        seen += x.shape[0]
        if (step + 1) % 50 == 0:
            wall = time.perf_counter() - started
            print(f"step {step + 1}: loss {loss_sum / 50:.4f}, lr {lr_at(step, args.steps, args.lr):.5f}, "
                  f"{seen / wall:.1f} rows/s, {wall / 60:.1f} min", flush=True)
            loss_sum = 0.0
        last = step + 1 == args.steps
        if (step + 1) % args.eval_every == 0 or last:
            checkpoint(net, step + 1, args, vals, plate_vals, last)


def train_step(net, opt, ctc, x, targets, lengths, lr: float, device: str) -> float:
    for group in opt.param_groups:
        group["lr"] = lr
    net.train()
    log_probs = crnn_model.ctc_log_probs(net(torch.from_numpy(x).to(device)))
    steps_in = torch.full((x.shape[0],), log_probs.shape[0], dtype=torch.long)
    loss = ctc(log_probs, torch.from_numpy(targets).to(device), steps_in, torch.from_numpy(lengths))
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
    opt.step()
    return loss.item()


def checkpoint(net, step: int, args, vals, plate_vals, last: bool) -> None:
    """Saves the net (CPU tensors, loadable anywhere) and prints its validation
    figures, on every plate at the last step, on the first 400 before."""
    device = next(net.parameters()).device
    net.eval().to("cpu")
    # Arguments as plain strings and numbers: newer torch loads only those by default.
    torch.save({"model": net.state_dict(), "step": step, "args": json.loads(json.dumps(vars(args), default=str))},
               args.out)
    for v in vals:
        acc = evaluate.plate_accuracy(net, v, limit=None if last else 400)
        print(f"  eval {v.folder.name}: {acc['plates']} plates, top-1 {acc['top1']:.4f} "
              f"(day {acc['day']:.4f}, night {acc['night']:.4f})", flush=True)
    for name, plates in plate_vals:
        acc = evaluate.parts_accuracy(net, plates if last else plates[:400])
        print(f"  eval {name}: top-1 {acc:.4f}", flush=True)
    net.to(device)

if __name__ == "__main__":
    main()

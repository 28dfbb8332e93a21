#!/usr/bin/python3
"""anpr-read on a folder of images, pinned to one core: the recognition
engine's speed as docs/recognition.md reports it.

    bench/engine/read_bench.py FOLDER [--build BUILD] [--core 0] [--limit N]
                               [--reader tesseract|crnn] [--crop] [--engine-flags "FLAGS"]

Runs one anpr-read process over every .jpg/.jpeg/.png under FOLDER (sorted,
at most N), with its CPU affinity set to one core and OMP_THREAD_LIMIT=1, and
prints: images, their median pixel count, recognition ms per image (median,
p90, max; what anpr-read reports, model loading excluded), images/s from
those times and from the process's wall time (loading included), the
process's CPU time, and its peak resident memory (getrusage of the child).
Nothing is written anywhere; run it on a quiet machine.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

import cv2


def images_under(folder, limit):
    found = []
    for root, _, files in os.walk(folder):
        for name in files:
            if name.lower().endswith((".jpg", ".jpeg", ".png")):
                found.append(os.path.join(root, name))
    found.sort()
    return found[:limit] if limit else found


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--build", default=os.path.join(root, "build"))
    parser.add_argument("--core", type=int, default=0)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--reader", choices=["tesseract", "crnn"])
    parser.add_argument("--crop", action="store_true", help="the images are plate crops (anpr-read --crop)")
    parser.add_argument("--engine-flags", default="", help="more anpr-read flags, e.g. '--verifier-model none'")
    args = parser.parse_args()

    images = images_under(args.folder, args.limit)
    if not images:
        sys.exit(f"read_bench: no .jpg/.png images under {args.folder}")
    binary = os.path.join(args.build, "edge", "engine", "anpr-read")
    command = [binary] + (["--reader", args.reader] if args.reader else []) + (["--crop"] if args.crop else [])
    command += args.engine_flags.split()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    started = time.monotonic()
    run = subprocess.run(command + images, env=env, capture_output=True, text=True,
                         preexec_fn=lambda: os.sched_setaffinity(0, {args.core}))
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 2):
        sys.exit(f"read_bench: anpr-read exited {run.returncode}: {run.stderr.strip()[-500:]}")

    ms, failed, plates = [], 0, 0
    for line in run.stdout.splitlines():
        result = json.loads(line)
        if "error" in result:
            failed += 1
            continue
        ms.append(result["ms"])
        plates += len(result["plates"])
    pixels = [img.shape[0] * img.shape[1] for img in (cv2.imread(p, cv2.IMREAD_REDUCED_GRAYSCALE_2) for p in images[:200]) if img is not None]
    cpu = usage.ru_utime + usage.ru_stime
    print(f"images: {len(ms)} read ({failed} unreadable), {plates} plates reported, "
          f"median size {statistics.median(pixels) * 4 / 1e6:.2f} MP")
    print(f"recognition ms per image: median {statistics.median(ms):.1f}, p90 {percentile(ms, 0.9):.1f}, "
          f"max {max(ms):.1f} (core {args.core}, reader {args.reader or 'default'})")
    print(f"images/s: {1000 * len(ms) / sum(ms):.1f} from recognition times, "
          f"{len(images) / wall:.1f} from wall time (loading included: {wall:.1f} s wall, {cpu:.1f} s CPU)")
    print(f"peak RSS: {usage.ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

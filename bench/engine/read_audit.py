#!/usr/bin/python3
"""What the engine's reported reads are worth: how many are right, by length
and confidence, and which countries it confuses.

    bench/engine/read_audit.py [--build BUILD] [--truth GROUNDTRUTH.csv ...]
                               [--plate-free FOLDER ...] [--threshold 0.5]

Runs anpr-read (frames, no hints) over every image of each ground-truth CSV
(the shared format, docs: ../shared/datasets/README.md) and every image under
each plate-free folder, and sorts each reported plate: right (its text is the
text of the labelled plate its box overlaps), wrong (overlaps a labelled
plate, other text) or junk (overlaps none; every read of a plate-free frame).
Prints the counts per read length (2, 3, 4 or more characters) and side of
the threshold, then, for reads on labelled plates, the country confusions
(truth -> reported, and whether the text was right). This is how the
short-read trust and the country errors of docs/recognition.md (stop 13)
were counted. Nothing is written anywhere.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys


def normalised(text):
    return "".join(c for c in text if c.isalnum()).upper()


def overlaps(box, truth):
    """The boxes share at least 30 % of the smaller one's area."""
    bx, by, bw, bh = box
    x, y, w, h = (int(truth[k]) for k in "xywh")
    ix = max(0, min(x + w, bx + bw) - max(x, bx))
    iy = max(0, min(y + h, by + bh) - max(y, by))
    return ix * iy > 0.3 * min(w * h, bw * bh)


def read_all(binary, images):
    run = subprocess.run([binary] + images, env=dict(os.environ, OMP_THREAD_LIMIT="1"),
                         capture_output=True, text=True)
    if run.returncode not in (0, 2):
        sys.exit(f"read_audit: anpr-read exited {run.returncode}: {run.stderr.strip()[-500:]}")
    return [json.loads(line) for line in run.stdout.splitlines()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--build", default=os.path.join(root, "build"))
    parser.add_argument("--truth", action="append", default=[])
    parser.add_argument("--plate-free", action="append", default=[])
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    if not args.truth and not args.plate_free:
        sys.exit("read_audit: give at least one --truth CSV or --plate-free folder")
    binary = os.path.join(args.build, "edge", "engine", "anpr-read")

    kinds = collections.defaultdict(collections.Counter)
    countries = collections.Counter()

    def count(read, kind):
        n = len(read["text"])
        side = ">=" if read["confidence"] >= args.threshold else "<"
        kinds[(str(n) if n < 4 else "4+", side)][kind] += 1

    for path in args.truth:
        folder = os.path.dirname(os.path.abspath(path))
        with open(path, newline="", encoding="utf-8") as f:
            truths = collections.defaultdict(list)
            for row in csv.DictReader(f):
                truths[row["image"]].append(row)
        names = sorted(truths)
        for name, result in zip(names, read_all(binary, [os.path.join(folder, n) for n in names])):
            for read in result.get("plates", []):
                truth = next((t for t in truths[name] if overlaps(read["box"], t)), None)
                if truth is None:
                    count(read, "junk")
                    continue
                right = normalised(read["text"]) == normalised(truth["plate"])
                count(read, "right" if right else "wrong")
                if read["country"] != truth["country"]:
                    countries[(truth["country"], read["country"] or "-", "text right" if right else "text wrong")] += 1
    for folder in args.plate_free:
        images = sorted(os.path.join(d, n) for d, _, files in os.walk(folder) for n in files
                        if n.lower().endswith((".jpg", ".jpeg", ".png")))
        for result in read_all(binary, images):
            for read in result.get("plates", []):
                count(read, "junk")

    print(f"reads by length and confidence (threshold {args.threshold}): right / wrong / junk")
    for key in sorted(kinds):
        k = kinds[key]
        print(f"  {key[0]:>2} chars {key[1]:>2} {args.threshold}: {k['right']:5d} {k['wrong']:5d} {k['junk']:5d}")
    print("country confusions of reads on labelled plates (truth -> reported):")
    for (truth, reported, text), n in countries.most_common():
        print(f"  {truth} -> {reported:2} ({text}): {n}")


if __name__ == "__main__":
    main()

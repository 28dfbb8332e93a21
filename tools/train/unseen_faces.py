#!/usr/bin/python3
"""A generated evaluation set of plates in faces the reader never trained on.

Every plate the reader trained on is set in DIN or a face of
extra_fonts.txt; real plates are set in others (FE-Schrift, the Spanish and
Ukrainian faces). This set measures that gap without opening a held-out
real set: anpr-synth crops set in Open Sans, Cantarell and Noto Sans
Display (Debian fonts-open-sans, fonts-cantarell, fonts-noto-core), with
the plates that ANPR_SYNTH_FONTS leaves in DIN left out (found by drawing
the same seed without the variable: those images come out byte-identical).

Usage: unseen_faces.py OUT_DIR [--count 600] [--seed 77]
writes OUT_DIR (an anpr-synth `plates` folder) and OUT_DIR/groundtruth-unseen.csv
for anpr-eval.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

FACES = [
    "/usr/share/fonts/truetype/open-sans/OpenSans-Semibold.ttf",
    "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf",
    "/usr/share/fonts/opentype/cantarell/Cantarell-Bold.otf",
    "/usr/share/fonts/opentype/cantarell/Cantarell-Regular.otf",
    "/usr/share/fonts/truetype/noto/NotoSansDisplay-Regular.ttf",
]
COUNTRIES = "LV:4,LT:4,EE,PL,BY,RU,FI,DE,UA,SK,CZ"
SYNTH = Path(__file__).resolve().parents[1] / "synth" / "anpr-synth"


def generate(out: Path, count: int, seed: int, faces: list[str] | None) -> None:
    env = dict(os.environ)
    env.pop("ANPR_SYNTH_FONTS", None)
    if faces:
        env["ANPR_SYNTH_FONTS"] = ":".join(faces)
    subprocess.run([sys.executable, str(SYNTH), "plates", "--count", str(count), "--out", str(out),
                    "--countries", COUNTRIES, "--night-ratio", "0.3", "--seed", str(seed)],
                   env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=600)
    ap.add_argument("--seed", type=int, default=77)
    args = ap.parse_args()
    missing = [f for f in FACES if not os.path.exists(f)]
    if missing:
        print(f"unseen_faces.py: missing {', '.join(missing)} "
              "(apt-get install fonts-open-sans fonts-cantarell fonts-noto-core)", file=sys.stderr)
        return 1
    generate(args.out, args.count, args.seed, FACES)
    with tempfile.TemporaryDirectory() as tmp:
        din = Path(tmp) / "din"
        generate(din, args.count, args.seed, None)
        with open(args.out / "groundtruth.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        unseen = [r for r in rows if (args.out / r["image"]).read_bytes() != (din / r["image"]).read_bytes()]
    with open(args.out / "groundtruth-unseen.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(unseen)
    print(f"{args.out}: {len(unseen)} of {len(rows)} plates in unseen faces")
    return 0


if __name__ == "__main__":
    sys.exit(main())

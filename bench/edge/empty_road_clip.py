#!/usr/bin/python3
"""An H.264 clip of the synthetic road with no vehicle on it, for the edge
benchmark's "empty road" streams: the same road, camera look and per-frame
sensor noise as anpr-synth's vehicle videos, so the motion gate sees what it
sees between vehicles at a real site.

    empty_road_clip.py --out empty.mp4 [--size 1920x1080] [--fps 25] [--seconds 20]
"""

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools" / "synth"))

import numpy as np  # noqa: E402

import h264_writer  # noqa: E402
import video  # noqa: E402
from plate_text import parse_plate  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--fps", type=float, default=25.0)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    size = tuple(int(v) for v in args.size.lower().split("x"))
    # A plan with one vehicle fixes the road and the look; dropping the
    # vehicle leaves the empty road.
    plan = video.plan_video([parse_plate("LV", "AB-1234")], args.fps, size, False,
                            np.random.default_rng([args.seed, 4, 0]))
    plan.passages = []
    frames = int(round(args.seconds * args.fps))
    with h264_writer.H264Writer(args.out, args.fps, size) as writer:
        for f in range(frames):
            writer.write(video.render_frame(plan, f)[0])
    h264_writer.check_h264(args.out, frames)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""An H.264 clip of the synthetic road with no vehicle on it, for the edge
benchmark's "empty road" streams: the same road, camera look and per-frame
sensor noise as anpr-synth's vehicle videos, so the motion gate sees what it
sees between vehicles at a real site.

Two encodings, because what a stream costs to decode depends on how it was
encoded far more than on what it shows:

  camera  (default) what a road camera's main stream sends with the vendor
          defaults (Hikvision/Dahua 1080p25): H.264 High, no B-frames, a
          key frame every 50 frames, quality-based VBR capped at 4096
          kbit/s (x264 CRF 23 under a 4096 kbit/s VBV cap, through
          GStreamer's x264enc).
  x264    libx264's defaults through OpenCV's writer (CRF 23 with no cap,
          3 B-frames, a key frame every 250 frames). The per-frame noise
          then costs about 8.8 Mbit/s at 1080p, twice a camera's cap: the
          harsh clip the first benchmark figures were taken with.

    empty_road_clip.py --out empty.mp4 [--size 1920x1080] [--fps 25] [--seconds 20]
                       [--encoding camera|x264]
"""

import argparse
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools" / "synth"))

import numpy as np  # noqa: E402

import h264_writer  # noqa: E402
import video  # noqa: E402
from plate_text import parse_plate  # noqa: E402

CAMERA_MAX_KBITS = 4096
CAMERA_GOP = 50


class CameraEncoder:
    """BGR frames piped into gst-launch's x264enc with a camera's settings
    (x264enc's bitrate is the VBV cap when pass=qual)."""

    def __init__(self, path: str, fps: float, size: tuple[int, int]):
        num, den = (int(round(fps * 1000)), 1000)
        pipeline = (f"fdsrc fd=0 ! rawvideoparse width={size[0]} height={size[1]} format=bgr "
                    f"framerate={num}/{den} ! videoconvert ! video/x-raw,format=I420 ! "
                    f"x264enc pass=qual quantizer=23 bitrate={CAMERA_MAX_KBITS} vbv-buf-capacity=1000 "
                    f"key-int-max={CAMERA_GOP} bframes=0 speed-preset=medium ! "
                    f"video/x-h264,profile=high ! h264parse ! mp4mux ! filesink location={path}")
        self.size = size
        self._process = subprocess.Popen(["gst-launch-1.0", "-q", "-e", *pipeline.split()],
                                         stdin=subprocess.PIPE)

    def write(self, frame: np.ndarray) -> None:
        if (frame.shape[1], frame.shape[0]) != self.size:
            raise ValueError(f"frame of {frame.shape[1]}x{frame.shape[0]}, clip is {self.size[0]}x{self.size[1]}")
        self._process.stdin.write(np.ascontiguousarray(frame).tobytes())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._process.stdin.close()
        if self._process.wait() != 0:
            raise RuntimeError(f"gst-launch-1.0 x264enc failed with status {self._process.returncode}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--fps", type=float, default=25.0)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--encoding", choices=["camera", "x264"], default="camera")
    args = ap.parse_args()
    size = tuple(int(v) for v in args.size.lower().split("x"))
    # A plan with one vehicle fixes the road and the look; dropping the
    # vehicle leaves the empty road.
    plan = video.plan_video([parse_plate("LV", "AB-1234")], args.fps, size, False,
                            np.random.default_rng([args.seed, 4, 0]))
    plan.passages = []
    frames = int(round(args.seconds * args.fps))
    encoder = CameraEncoder if args.encoding == "camera" else h264_writer.H264Writer
    with encoder(args.out, args.fps, size) as writer:
        for f in range(frames):
            writer.write(video.render_frame(plan, f)[0])
    h264_writer.check_h264(args.out, frames)
    return 0


if __name__ == "__main__":
    sys.exit(main())

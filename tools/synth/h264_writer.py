"""Encodes BGR frames to an H.264 MP4, as the edge daemon's camera tests need.

The edge daemon decodes H.264 from RTSP cameras, so test videos must be
H.264 too; MPEG-4 Part 2 or MJPEG would test a different decoder path.
Debian's OpenCV writes H.264 through FFmpeg's libx264 when asked for
'avc1'; where that backend is missing, GStreamer's x264enc (from
gstreamer1.0-plugins-ugly) is tried.  The result is checked by reading it
back, so a build that silently falls back to another codec is caught.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

H264_FOURCCS = {"avc1", "h264", "H264", "x264", "X264"}


def _fourcc_text(code: float) -> str:
    v = int(code)
    return "".join(chr((v >> (8 * i)) & 0xFF) for i in range(4))


class H264Writer:
    def __init__(self, path: str, fps: float, size: tuple[int, int]):
        self.path, self.size = path, size
        self._writer = cv2.VideoWriter(path, cv2.CAP_FFMPEG, cv2.VideoWriter_fourcc(*"avc1"),
                                       fps, size)
        if not self._writer.isOpened():
            pipeline = ("appsrc ! videoconvert ! video/x-raw,format=I420 ! "
                        "x264enc speed-preset=faster ! h264parse ! mp4mux ! "
                        f"filesink location={path}")
            self._writer = cv2.VideoWriter(pipeline, cv2.CAP_GSTREAMER, 0, fps, size, True)
        if not self._writer.isOpened():
            raise RuntimeError(f"cannot open an H.264 encoder for {path}: neither OpenCV's "
                               "FFmpeg 'avc1' writer nor GStreamer x264enc is available")

    def write(self, frame: np.ndarray) -> None:
        if (frame.shape[1], frame.shape[0]) != self.size:
            raise ValueError(f"frame of {frame.shape[1]}x{frame.shape[0]} written to "
                             f"{self.path}, which is {self.size[0]}x{self.size[1]}")
        self._writer.write(frame)

    def close(self) -> None:
        self._writer.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def probe(path: str) -> tuple[str, int]:
    """(codec fourcc, frames decoded) of a video file, by decoding it."""
    if not os.path.exists(path):
        raise FileNotFoundError(f"video {path} was not written")
    cap = cv2.VideoCapture(path)
    if not cap.isOpened():
        raise RuntimeError(f"video {path} cannot be opened for reading")
    fourcc = _fourcc_text(cap.get(cv2.CAP_PROP_FOURCC))
    frames = 0
    while cap.grab():
        frames += 1
    cap.release()
    return fourcc, frames


def check_h264(path: str, expected_frames: int) -> None:
    fourcc, frames = probe(path)
    if fourcc not in H264_FOURCCS:
        raise RuntimeError(f"video {path} was encoded as {fourcc!r}, not H.264")
    if frames != expected_frames:
        raise RuntimeError(f"video {path} decodes to {frames} frames, {expected_frames} were written")

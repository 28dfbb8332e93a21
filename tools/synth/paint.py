"""Compositing primitives shared by the vehicle, background and scene code.

Everything that puts pixels onto a frame goes through these few helpers, so
anti-aliasing and clipping at the frame border are handled in one place.
Warps only touch the bounding box of their destination, which keeps a
1280x720 scene within the time budget of the generator.
"""

from __future__ import annotations

import cv2
import numpy as np

SUB = 4  # fixed-point bits for anti-aliased polygons


def fixed(pts) -> np.ndarray:
    return np.round(np.asarray(pts, float) * (1 << SUB)).astype(np.int32).reshape(-1, 1, 2)


def fill(img, pts, colour) -> None:
    cv2.fillPoly(img, [fixed(pts)], colour, cv2.LINE_AA, SUB)


def to_u8(x: np.ndarray) -> np.ndarray:
    """Float image to uint8, saturating at both ends (much faster than np.clip)."""
    return cv2.convertScaleAbs(cv2.threshold(x, 0, 0, cv2.THRESH_TOZERO)[1])


def modulate(img: np.ndarray, gain: np.ndarray | None = None,
             offset: np.ndarray | None = None) -> np.ndarray:
    """uint8 img * gain + offset with one float32 HxW field for all channels.

    Saturates to uint8.  Done channel by channel with OpenCV because NumPy's
    broadcasting of an HxW field over HxWx3 is several times slower, and
    these passes run on every full frame.
    """
    def one(c):
        if gain is not None:
            c = cv2.multiply(c, gain, dtype=cv2.CV_32F)
        if offset is not None:
            return cv2.add(c, offset, dtype=cv2.CV_8U)
        return c if c.dtype == np.uint8 else to_u8(c)
    if img.ndim == 2:
        return one(img)
    return cv2.merge([one(c) for c in cv2.split(img)])


def blend(dst: np.ndarray, src: np.ndarray, alpha: np.ndarray) -> None:
    """dst = dst * (1 - a) + src * a, in place; alpha is uint8 HxW."""
    a = alpha.astype(np.float32)
    dst[:] = cv2.blendLinear(src, dst, a, 255.0 - a)


def warp_into(dst: np.ndarray, src: np.ndarray, alpha: np.ndarray, h: np.ndarray,
              mask_out: np.ndarray | None = None, mask_value: int = 255) -> None:
    """Warps src (with alpha) by homography h onto dst, only inside its footprint.

    When mask_out is given, the warped alpha is also max-ed into it, which is
    how plates and lamps are tracked for the night look.
    """
    sh, sw = src.shape[:2]
    corners = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]]).reshape(-1, 1, 2)
    dst_pts = cv2.perspectiveTransform(corners, h).reshape(-1, 2)
    x0, y0 = np.floor(dst_pts.min(axis=0)).astype(int) - 1
    x1, y1 = np.ceil(dst_pts.max(axis=0)).astype(int) + 1
    x0, y0 = max(x0, 0), max(y0, 0)
    x1, y1 = min(x1, dst.shape[1]), min(y1, dst.shape[0])
    if x1 <= x0 or y1 <= y0:
        return
    shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], float)
    hs = shift @ h
    size = (x1 - x0, y1 - y0)
    flags = cv2.INTER_LINEAR
    w_src = cv2.warpPerspective(src, hs, size, flags=flags, borderMode=cv2.BORDER_REPLICATE)
    w_alpha = cv2.warpPerspective(alpha, hs, size, flags=flags, borderMode=cv2.BORDER_CONSTANT)
    blend(dst[y0:y1, x0:x1], w_src, w_alpha)
    if mask_out is not None:
        region = mask_out[y0:y1, x0:x1]
        np.maximum(region, (w_alpha.astype(np.uint16) * mask_value // 255).astype(np.uint8),
                   out=region)


def lowfreq_noise(shape: tuple[int, int], rng: np.random.Generator, cells: int) -> np.ndarray:
    """Smooth random field, about `cells` blobs across the longer side; ~N(0, 1)."""
    h, w = shape
    cy = max(2, int(round(cells * h / max(h, w))) + 1)
    cx = max(2, int(round(cells * w / max(h, w))) + 1)
    low = rng.standard_normal((cy, cx)).astype(np.float32)
    return cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC)


def gaussian_noise(shape: tuple[int, int], sigma: float, rng: np.random.Generator) -> np.ndarray:
    """Per-pixel N(0, sigma) noise, float32.

    OpenCV's generator is three times faster than NumPy's at frame size;
    seeding it from rng keeps the output a function of the caller's seed.
    """
    cv2.setRNGSeed(int(rng.integers(1 << 31)))
    out = np.empty(shape, np.float32)
    cv2.randn(out, 0.0, float(sigma))
    return out

"""How the camera sees the scene: daylight or infrared night, then the optics.

Border ANPR cameras run colour by day and switch to monochrome with an
infrared flash at night.  At night the retro-reflective plate comes back
almost white while everything else falls dark, and the plate blooms into its
characters; headlights flare.  By day the problems are hard shadows across
the plate, exposure and colour cast.  After lighting come motion blur,
defocus, sensor noise and (applied by whoever writes the file) JPEG.

A Look holds every random choice, so a video can keep one look for all of
its frames and vary only the sensor noise.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

import paint
from scene import Scene


@dataclass(frozen=True)
class Look:
    night: bool
    exposure: float
    gamma: float
    tint: tuple[float, float, float]   # BGR gains (day)
    haze: float
    shadow_depth: float                # 0: no cast shadow (day)
    shadow_seed: int                   # shape of that shadow
    plate_gain: float                  # night: retro-reflection of the plate
    lamp_bloom: float                  # night: glare radius, fraction of width
    ambient: float                     # night: how lit the surroundings are
    motion_px: float
    motion_deg: float
    blur_sigma: float
    resample: float                    # >1: seen through a coarser sensor
    noise_sigma: float
    jpeg_quality: int


def random_look(rng: np.random.Generator, night: bool, scale_px: float,
                min_quality: int = 35) -> Look:
    """A random look; blur grows with scale_px (plate width of a crop, or a frame's typical plate)."""
    moving = rng.random() < 0.5
    return Look(
        night=night,
        exposure=float(rng.uniform(0.7, 1.25)),
        gamma=float(rng.uniform(0.8, 1.25)),
        tint=tuple(float(v) for v in 1.0 + rng.normal(0, 0.05, 3)),
        haze=float(rng.uniform(0, 0.15) if rng.random() < 0.3 else 0.0),
        shadow_depth=float(rng.uniform(0.3, 0.6) if not night and rng.random() < 0.35 else 0.0),
        shadow_seed=int(rng.integers(1 << 31)),
        plate_gain=float(rng.uniform(0.9, 1.6)),
        lamp_bloom=float(rng.uniform(0.01, 0.04)),
        ambient=float(rng.uniform(0.12, 0.45)),
        motion_px=float(rng.uniform(1.0, max(1.5, 0.04 * scale_px)) if moving else 0.0),
        motion_deg=float(rng.uniform(0, 180)),
        blur_sigma=float(rng.uniform(0.0, 0.4 + 0.004 * scale_px)),
        resample=float(rng.uniform(1.3, 2.5) if rng.random() < 0.25 else 1.0),
        noise_sigma=float(rng.uniform(4, 14) if night else rng.uniform(1, 6)),
        jpeg_quality=int(rng.integers(min_quality, 96)),
    )


def _cast_shadow_gain(shape, look: Look) -> np.ndarray:
    """Tree, pole or building shadow: a soft-edged dark region across the frame."""
    rng = np.random.default_rng(look.shadow_seed)
    h, w = shape
    q = 4
    small = np.zeros((max(2, h // q), max(2, w // q)), np.float32)
    sh, sw = small.shape
    if rng.random() < 0.5:
        # a straight-edged building shadow over one side
        a, b = rng.uniform(0, sw, 2)
        pts = [(a, -1), (b, sh + 1), (sw + 1, sh + 1), (sw + 1, -1)]
        if rng.random() < 0.5:
            pts = [(a, -1), (b, sh + 1), (-1, sh + 1), (-1, -1)]
    else:
        # a pole or branch: a slanted band
        x = rng.uniform(0, sw)
        half = rng.uniform(0.03, 0.15) * sw
        lean = rng.uniform(-0.5, 0.5) * sh
        pts = [(x - half, -1), (x + half, -1), (x + half + lean, sh + 1), (x - half + lean, sh + 1)]
    paint.fill(small, pts, 1.0)
    small = cv2.GaussianBlur(small, (0, 0), rng.uniform(0.5, 3.0))
    mask = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    return 1.0 - look.shadow_depth * mask


def _lut(look: Look, channels: int) -> np.ndarray:
    x = np.arange(256, dtype=np.float32) / 255.0
    base = np.power(x, look.gamma) * look.exposure
    base = base * (1 - look.haze) + look.haze * 0.8
    gains = look.tint if channels == 3 else (1.0,)
    lut = np.stack([base * g for g in gains], axis=-1) * 255.0
    return np.clip(lut, 0, 255).astype(np.uint8).reshape(256, 1, channels)


def _day(scene: Scene, look: Look) -> np.ndarray:
    img = scene.image
    if look.shadow_depth > 0:
        img = paint.modulate(img, _cast_shadow_gain(img.shape[:2], look))
    return cv2.LUT(img, _lut(look, 3))


def _night(scene: Scene, look: Look) -> np.ndarray:
    h, w = scene.image.shape[:2]
    gray = cv2.cvtColor(scene.image, cv2.COLOR_BGR2GRAY)
    # The illuminator sits by the camera: near ground (bottom rows, centre)
    # is lit, the distance and the corners fall off.
    ys = np.linspace(0, 1, 16, dtype=np.float32)[:, None]
    xs = np.linspace(-1, 1, 16, dtype=np.float32)[None, :]
    small = (0.3 + 0.7 * ys ** 1.5) * (1.0 - 0.35 * xs ** 2) * look.ambient
    falloff = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    # gain = falloff off the plate, plate_gain on it (mask is anti-aliased)
    plate = scene.plate_mask.astype(np.float32)
    gain = cv2.add(falloff, cv2.multiply(plate, cv2.subtract(look.plate_gain, falloff),
                                         scale=1.0 / 255.0))
    out = cv2.multiply(gray, gain, dtype=cv2.CV_32F)
    bright = cv2.threshold(out, 215, 0, cv2.THRESH_TOZERO)[1]
    plate_px = max(1.0, np.sqrt(cv2.countNonZero(scene.plate_mask) / max(1, len(scene.plates))))
    out = cv2.scaleAdd(cv2.GaussianBlur(bright, (0, 0), 0.06 * plate_px + 0.5), 0.25, out)
    if cv2.countNonZero(scene.lamp_mask):
        # Glare is wide and smooth: blur it at an eighth of the resolution.
        lamps = scene.lamp_mask.astype(np.float32)
        q = 8 if min(h, w) >= 64 else 1
        small = cv2.resize(lamps, (max(1, w // q), max(1, h // q)), interpolation=cv2.INTER_AREA)
        small = cv2.GaussianBlur(small, (0, 0), (look.lamp_bloom * w + 1) / q)
        glare = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
        out = cv2.scaleAdd(glare, 2.5, cv2.max(out, lamps))
    return cv2.LUT(paint.to_u8(out), _lut(look, 1))


def _motion_kernel(length: float, degrees: float) -> np.ndarray:
    k = int(np.ceil(length)) | 1
    kernel = np.zeros((k, k), np.float32)
    c = (k - 1) / 2
    dx, dy = np.cos(np.radians(degrees)) * length / 2, np.sin(np.radians(degrees)) * length / 2
    cv2.line(kernel, (int(round((c - dx) * 16)), int(round((c - dy) * 16))),
             (int(round((c + dx) * 16)), int(round((c + dy) * 16))), 1.0, 1, cv2.LINE_AA, 4)
    return kernel / max(kernel.sum(), 1e-6)


def optics(img: np.ndarray, look: Look, rng: np.random.Generator) -> np.ndarray:
    """Motion blur, defocus, coarse sampling and sensor noise."""
    if look.motion_px >= 1.5:
        img = cv2.filter2D(img, -1, _motion_kernel(look.motion_px, look.motion_deg))
    if look.blur_sigma >= 0.3:
        img = cv2.GaussianBlur(img, (0, 0), look.blur_sigma)
    h, w = img.shape[:2]
    if look.resample > 1.0 and min(h, w) / look.resample >= 8:
        small = cv2.resize(img, (int(w / look.resample), int(h / look.resample)),
                           interpolation=cv2.INTER_AREA)
        img = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    return paint.modulate(img, offset=paint.gaussian_noise((h, w), look.noise_sigma, rng))


def render(scene: Scene, look: Look, rng: np.random.Generator) -> np.ndarray:
    """The scene as the camera delivers it, before compression; always BGR.

    rng only draws the sensor noise: the same look on the same scene gives
    the same lighting, which keeps a video's frames consistent.
    """
    lit = _night(scene, look) if look.night else _day(scene, look)
    out = optics(lit, look, rng)
    return cv2.cvtColor(out, cv2.COLOR_GRAY2BGR) if out.ndim == 2 else out

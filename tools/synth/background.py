"""Procedural road seen from an ANPR camera: asphalt, markings, verges, signs.

No photographs may be shipped, so the road is drawn: a ground plane with a
vanishing point, textured asphalt with tyre tracks and repairs, lane lines,
verges (grass, pavement or snow) and scenery above the horizon.  Road signs
with letters and digits are included on purpose: they are the text-like
clutter a detector must learn not to call plates.

The ground geometry is kept in a RoadGeometry so that the scene can stand
vehicles on the road at the right size for their distance.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

import paint
from plate_render import text_mask

LANE_M = 3.5
NEAR_DEPTH_M = 8.0  # ground distance seen at the bottom row


@dataclass(frozen=True)
class RoadGeometry:
    """Flat ground seen in perspective.

    Lateral position X (metres, 0 = road centre) and depth Z (metres; the
    bottom image row is at NEAR_DEPTH_M) map to pixels through the horizon
    row, the vanishing column and the ground scale at the bottom row.
    """

    size: tuple[int, int]   # (width, height)
    horizon_y: float
    vanish_x: float
    centre_x_bottom: float  # road centre where it crosses the bottom row
    px_per_m_bottom: float

    def to_px(self, x_m, z_m) -> np.ndarray:
        h = self.size[1]
        k = NEAR_DEPTH_M / np.asarray(z_m, float)
        y = self.horizon_y + (h - self.horizon_y) * k
        x = self.vanish_x + (self.centre_x_bottom - self.vanish_x
                             + np.asarray(x_m, float) * self.px_per_m_bottom) * k
        return np.stack(np.broadcast_arrays(x, y), axis=-1)

    def depth_at_row(self, y: float) -> float:
        return NEAR_DEPTH_M * (self.size[1] - self.horizon_y) / (y - self.horizon_y)

    def px_per_m(self, z_m: float) -> float:
        return self.px_per_m_bottom * NEAR_DEPTH_M / z_m

    def lane_centre(self, lane: int, lanes: int) -> float:
        return (lane - (lanes - 1) / 2) * LANE_M


@dataclass
class Road:
    image: np.ndarray
    geometry: RoadGeometry
    lanes: int


def _quad(geo: RoadGeometry, x0, x1, z0, z1) -> np.ndarray:
    return geo.to_px([x0, x1, x1, x0], [z0, z0, z1, z1])


def _far_depth(geo: RoadGeometry) -> float:
    """Depth just short of the horizon, where ground polygons can stop."""
    return geo.depth_at_row(geo.horizon_y + 1.5)


def _surface_texture(shape, rng: np.random.Generator) -> np.ndarray:
    """Additive brightness field: broad stains, mid blotches and grit."""
    h, w = shape
    grain = cv2.resize(paint.gaussian_noise((max(1, h // 2), max(1, w // 2)), 1.0, rng), (w, h),
                       interpolation=cv2.INTER_LINEAR)
    return (paint.lowfreq_noise(shape, rng, 4) * rng.uniform(2, 6)
            + paint.lowfreq_noise(shape, rng, 40) * rng.uniform(1, 4)
            + grain * rng.uniform(4, 10))


def _scenery(img: np.ndarray, geo: RoadGeometry, rng: np.random.Generator) -> None:
    """Sky and a treeline or buildings above the horizon."""
    top = int(np.ceil(geo.horizon_y))
    if top <= 0:
        return
    w = img.shape[1]
    sky = np.linspace(rng.uniform(150, 215), rng.uniform(200, 245), top, dtype=np.float32)
    img[:top] = np.clip(sky[:, None, None] * np.array([1.0, 0.97, 0.92] if rng.random() < 0.5
                                                      else [1.0, 1.0, 1.0]), 0, 255).astype(np.uint8)
    ridge = np.abs(paint.lowfreq_noise((1, w), rng, 12)[0]) + 0.4 * paint.lowfreq_noise((1, w), rng, 120)[0]
    heights = np.clip(ridge, 0.1, None) * rng.uniform(0.1, 0.4) * top + 2
    colour = np.array([rng.uniform(30, 70), rng.uniform(45, 95), rng.uniform(30, 70)])
    if rng.random() < 0.35:
        colour = np.full(3, rng.uniform(90, 160))
    band = paint.lowfreq_noise((top, w), rng, 160)[..., None] * 12 + colour
    rows = np.arange(top)[:, None]
    cover = rows >= (top - heights)[None, :]
    img[:top][cover] = np.clip(band[cover], 0, 255).astype(np.uint8)


def _markings(img, geo: RoadGeometry, lanes: int, rng: np.random.Generator) -> None:
    z_far = _far_depth(geo)
    z_near = NEAR_DEPTH_M * 0.7
    paint_white = rng.uniform(170, 235)
    colour = (paint_white, paint_white, paint_white)
    half = lanes * LANE_M / 2
    line_w = 0.15
    for x in (-half, half):
        paint.fill(img, _quad(geo, x - line_w / 2, x + line_w / 2, z_near, z_far), colour)
    dash, gap = rng.uniform(3, 6), rng.uniform(6, 12)
    phase = rng.uniform(0, dash + gap)
    for lane in range(1, lanes):
        x = -half + lane * LANE_M
        z = z_near - phase
        while z < min(z_far, 150):
            paint.fill(img, _quad(geo, x - line_w / 2, x + line_w / 2, max(z, z_near), z + dash),
                       colour)
            z += dash + gap
    if rng.random() < 0.3:
        z = rng.uniform(NEAR_DEPTH_M, NEAR_DEPTH_M * 3)
        paint.fill(img, _quad(geo, -half, half, z, z + 0.4), colour)


def _verges(img, geo: RoadGeometry, lanes: int, rng: np.random.Generator) -> None:
    kind = rng.choice(["grass", "pavement", "snow"], p=[0.5, 0.3, 0.2])
    colour = {"grass": (45, 95, 70), "pavement": (150, 155, 155), "snow": (225, 225, 220)}[kind]
    k = rng.uniform(0.85, 1.1)
    colour = tuple(float(c * k) for c in colour)
    z_far, z_near = _far_depth(geo), NEAR_DEPTH_M * 0.5
    edge = lanes * LANE_M / 2 + rng.uniform(0.3, 1.2)
    for sign in (-1, 1):
        paint.fill(img, _quad(geo, sign * edge, sign * (edge + 300), z_near, z_far), colour)


def _wear(geo: RoadGeometry, lanes: int, rng: np.random.Generator) -> np.ndarray:
    """Multiplicative field: darker tyre tracks and patch repairs."""
    w, h = geo.size
    gain = np.ones((h, w), np.float32)
    z_far, z_near = _far_depth(geo), NEAR_DEPTH_M * 0.5
    track = rng.uniform(0.9, 0.97)
    for lane in range(lanes):
        c = geo.lane_centre(lane, lanes)
        for side in (-0.8, 0.8):
            paint.fill(gain, _quad(geo, c + side - 0.3, c + side + 0.3, z_near, z_far), track)
    for _ in range(int(rng.integers(0, 4))):
        x = rng.uniform(-lanes * LANE_M / 2, lanes * LANE_M / 2)
        z = rng.uniform(NEAR_DEPTH_M, NEAR_DEPTH_M * 4)
        paint.fill(gain, _quad(geo, x, x + rng.uniform(0.5, 3), z, z + rng.uniform(0.5, 4)),
                   rng.uniform(0.8, 1.1))
    return cv2.blur(gain, (7, 7))


SIGN_TEXTS = ("50", "70", "90", "30", "STOP", "MUITA", "MUITINE", "LV", "LT", "EXIT",
              "A1", "E67", "P", "KONTROLE", "TAXI", "BUS")


def _sign(img, geo: RoadGeometry, lanes: int, rng: np.random.Generator) -> None:
    """A roadside sign on a pole; round speed limits or blue text boards."""
    side = rng.choice([-1, 1])
    x = side * (lanes * LANE_M / 2 + rng.uniform(1.0, 3.0))
    z = rng.uniform(NEAR_DEPTH_M * 1.2, NEAR_DEPTH_M * 4)
    s = geo.px_per_m(z)
    base = geo.to_px(x, z)
    pole_top = base - [0, 2.4 * s]
    if pole_top[1] < 0 or not 0 <= base[0] < img.shape[1]:
        return
    cv2.line(img, tuple(int(v) for v in base), tuple(int(v) for v in pole_top), (110, 110, 115),
             max(1, int(0.07 * s)), cv2.LINE_AA)
    text = SIGN_TEXTS[int(rng.integers(len(SIGN_TEXTS)))]
    centre = pole_top - [0, 0.35 * s]
    if text.isdigit():
        r = int(0.35 * s)
        if r < 4:
            return
        cx, cy = (int(v) for v in centre)
        cv2.circle(img, (cx, cy), r, (40, 40, 200), -1, cv2.LINE_AA)
        cv2.circle(img, (cx, cy), int(r * 0.78), (240, 240, 240), -1, cv2.LINE_AA)
        ink, bg = (20, 20, 20), None
        cap = int(r * 0.8)
    else:
        cap = int(0.22 * s)
        if cap < 4:
            return
        bg = (150, 80, 20) if rng.random() < 0.7 else (30, 140, 40)
        ink = (240, 240, 240)
    mask = text_mask(text, cap)
    x0, y0 = int(centre[0] - mask.shape[1] / 2), int(centre[1] - cap / 2)
    if bg is not None:
        pad = int(cap * 0.4)
        cv2.rectangle(img, (x0 - pad, y0 - pad), (x0 + mask.shape[1] + pad, y0 + cap + pad), bg, -1)
    layer = np.zeros_like(img)
    layer[:] = ink
    x1, y1 = min(x0 + mask.shape[1], img.shape[1]), min(y0 + cap, img.shape[0])
    if x0 < 0 or y0 < 0 or x1 <= x0 or y1 <= y0:
        return
    paint.blend(img[y0:y1, x0:x1], layer[y0:y1, x0:x1], mask[:y1 - y0, :x1 - x0])


def random_geometry(size: tuple[int, int], rng: np.random.Generator,
                    px_per_m_bottom: float | None = None,
                    horizon_y: float | None = None) -> RoadGeometry:
    w, h = size
    hy = horizon_y if horizon_y is not None else rng.uniform(-0.4, 0.3) * h
    scale = px_per_m_bottom if px_per_m_bottom is not None else rng.uniform(0.6, 1.6) * w / LANE_M
    vx = rng.uniform(0.3, 0.7) * w
    return RoadGeometry(size, hy, vx, vx + rng.uniform(-0.3, 0.3) * w, scale)


def render_road(geo: RoadGeometry, rng: np.random.Generator, lanes: int | None = None) -> Road:
    w, h = geo.size
    lanes = lanes or int(rng.integers(2, 5))
    asphalt = rng.uniform(62, 135) + rng.normal(0, 3, 3)
    img = np.empty((h, w, 3), np.uint8)
    img[:] = np.clip(asphalt, 0, 255)
    _verges(img, geo, lanes, rng)
    gain = _wear(geo, lanes, rng)
    tex = _surface_texture((h, w), rng)
    img = paint.modulate(img, gain, tex)
    _markings(img, geo, lanes, rng)
    _scenery(img, geo, rng)
    for _ in range(int(rng.integers(0, 3))):
        _sign(img, geo, lanes, rng)
    return Road(img, geo, lanes)

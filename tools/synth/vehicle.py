"""A car-like box that carries the plate: body, glass, lamps, wheels, shadow.

A detector trained on plates pasted on bare backgrounds learns "a white
rectangle anywhere"; real plates sit on a bumper, under a grille, between
lamps, above a shadow.  This model gives that context cheaply: a few planar
faces in metres (front or rear face textured, the rest flat-shaded), drawn
through the same View as the plate so everything shares one perspective.
Lamps are recorded in a mask because at night they bloom over the plate.

Every appearance choice lives in CarModel, so drawing is a pure function of
model and view: a vehicle driving through a video keeps its looks.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

import paint
from plate_render import FlatPlate
from projection import View

CAR_COLOURS = (
    (235, 236, 238), (240, 240, 240), (190, 192, 195), (150, 152, 155),
    (110, 110, 115), (35, 35, 38), (28, 28, 30), (95, 45, 25), (160, 95, 40),
    (40, 40, 165), (35, 30, 110), (55, 80, 45), (150, 175, 195), (40, 150, 200),
)


@dataclass(frozen=True)
class CarModel:
    facing: str          # "front" or "rear": which face carries the plate
    width: float
    length: float
    bottom: float        # underside of the bumper
    face_top: float      # top edge of the front/rear face
    deck_len: float      # bonnet (front) or boot lid (rear)
    glass_len: float     # windscreen / rear window run, along z
    roof: float
    colour: tuple[int, int, int]
    plate_y: float       # plate centre height
    plate_x: float       # plate centre offset from the middle
    plate_frame: bool    # a dealer's plastic frame around the plate
    plastic: int         # grey of bumper trim and grille
    grille: float        # grille width, fraction of the car's width
    glass: int           # grey of the windows
    sheen: float         # share of each window lit by reflected sky
    side_shade: float    # sides get less light than the top
    shadow: float        # darkness of the contact shadow


def random_car(rng: np.random.Generator, plate_h_m: float, facing: str | None = None) -> CarModel:
    facing = facing or ("front" if rng.random() < 0.6 else "rear")
    van = rng.random() < 0.18
    width = rng.uniform(1.9, 2.1) if van else rng.uniform(1.68, 1.92)
    face_top = rng.uniform(1.0, 1.25) if van else rng.uniform(0.78, 1.02)
    bottom = rng.uniform(0.22, 0.36) if van else rng.uniform(0.16, 0.28)
    lo = bottom + plate_h_m / 2 + 0.04
    hi = face_top - plate_h_m / 2 - (0.22 if facing == "front" else 0.12)
    plate_y = rng.uniform(lo, max(lo, hi)) if facing == "rear" else lo + (max(lo, hi) - lo) * rng.uniform(0, 0.5)
    return CarModel(
        facing=facing, width=width,
        length=rng.uniform(4.8, 5.6) if van else rng.uniform(3.9, 4.8),
        bottom=bottom, face_top=face_top,
        deck_len=(rng.uniform(0.5, 0.9) if facing == "front" else rng.uniform(0.25, 0.7)) * (0.6 if van else 1.0),
        glass_len=rng.uniform(0.3, 0.5) if van else rng.uniform(0.55, 0.9),
        roof=rng.uniform(1.85, 2.4) if van else rng.uniform(1.38, 1.55),
        colour=CAR_COLOURS[int(rng.integers(len(CAR_COLOURS)))],
        plate_y=plate_y,
        plate_x=rng.normal(0, 0.03) if facing == "front" else rng.normal(0, 0.06),
        plate_frame=bool(rng.random() < 0.35),
        plastic=int(rng.integers(28, 56)),
        grille=float(rng.uniform(0.25, 0.42)),
        glass=int(rng.integers(35, 76)),
        sheen=float(rng.uniform(0.3, 0.6)),
        side_shade=float(rng.uniform(0.7, 0.85)),
        shadow=float(rng.uniform(0.45, 0.7)),
    )


def plate_corners_m(car: CarModel, plate_size_m: tuple[float, float]) -> np.ndarray:
    """TL, TR, BR, BL of the plate in model coordinates (slightly proud of the face)."""
    w, h = plate_size_m
    x, y, z = car.plate_x, car.plate_y, -0.012
    return np.array([[x - w / 2, y + h / 2, z], [x + w / 2, y + h / 2, z],
                     [x + w / 2, y - h / 2, z], [x - w / 2, y - h / 2, z]])


def _shade(colour, k: float) -> tuple[int, ...]:
    return tuple(min(255, max(0, int(c * k))) for c in colour)


def _glass(car: CarModel) -> tuple[int, ...]:
    return (car.glass + 12, car.glass + 4, car.glass)


def _lamp_rects(car: CarModel) -> list[tuple[float, float, float, float]]:
    """Lamp boxes on the face (x0, y0, x1, y1 in metres)."""
    half = car.width / 2
    if car.facing == "front":
        y1 = car.face_top - 0.05
        y0 = y1 - 0.13
        return [(-half + 0.06, y0, -half + 0.42, y1), (half - 0.42, y0, half - 0.06, y1)]
    y1 = car.face_top - 0.02
    y0 = y1 - 0.16
    return [(-half + 0.03, y0, -half + 0.38, y1), (half - 0.38, y0, half - 0.03, y1)]


def _face_texture(car: CarModel, plate_size_m, ppm: float, window) -> np.ndarray:
    """Part of the front/rear face as a flat texture, ppm pixels per metre.

    `window` (x, y, w, h) is the part wanted, in pixels of the whole face
    with its origin at the top-left; only what the frame shows is drawn.
    """
    ox, oy, w_px, h_px = window
    to_px = lambda x, y: ((x + car.width / 2) * ppm - ox, (car.face_top - y) * ppm - oy)  # noqa: E731
    body = np.array(car.colour, np.float32)
    rows = (oy + np.arange(h_px, dtype=np.float32)) / ((car.face_top - car.bottom) * ppm)
    ramp = (1.12 - 0.24 * rows)[:, None, None]
    tex = np.empty((h_px, w_px, 3), np.uint8)
    tex[:] = np.clip(body * ramp, 0, 255).astype(np.uint8)

    def rect(x0, y0, x1, y1, colour):
        paint.fill(tex, [to_px(x0, y0), to_px(x1, y0), to_px(x1, y1), to_px(x0, y1)], colour)

    half = car.width / 2
    lip = car.bottom + 0.07
    plastic = (car.plastic,) * 3
    rect(-half, car.bottom, half, lip, plastic)
    pw, ph = plate_size_m
    px, py = car.plate_x, car.plate_y
    if car.facing == "front":
        g_top = car.face_top - 0.06
        g_bot = py + ph / 2 + 0.05
        gw = car.grille * car.width
        if g_top - g_bot > 0.05:
            rect(-gw / 2, g_bot, gw / 2, g_top, _shade(plastic, 0.7))
            for yy in np.arange(g_bot + 0.03, g_top, 0.045):
                rect(-gw / 2 + 0.02, yy, gw / 2 - 0.02, yy + 0.012, _shade(plastic, 1.5))
        intake_top = py - ph / 2 - 0.03
        if intake_top - lip > 0.05:
            rect(-0.32 * car.width, lip + 0.02, 0.32 * car.width, intake_top, _shade(plastic, 0.8))
    else:
        rect(-half + 0.1, py + ph / 2 + 0.04, half - 0.1, py + ph / 2 + 0.05, _shade(car.colour, 0.7))
    lamp = (215, 215, 220) if car.facing == "front" else (40, 35, 170)
    for x0, y0, x1, y1 in _lamp_rects(car):
        rect(x0, y0, x1, y1, _shade(lamp, 0.8))
        rect(x0 + 0.03, y0 + 0.025, x1 - 0.03, y1 - 0.025, lamp)
    margin = 0.02
    rect(px - pw / 2 - margin, py - ph / 2 - margin, px + pw / 2 + margin, py + ph / 2 + margin,
         (20, 20, 22) if car.plate_frame else _shade(car.colour, 0.75))
    return tex


def _visible_window(h_face: np.ndarray, face_size, frame_shape):
    """The part of a face texture that lands inside the frame, as (x, y, w, h).

    Frame corners are mapped back onto the face; if the face plane is seen
    so obliquely that a corner has no preimage, the whole face is used.
    """
    tw, th = face_size
    fh, fw = frame_shape[:2]
    corners = np.float32([[0, 0], [fw, 0], [fw, fh], [0, fh]])
    hom = np.c_[corners, np.ones(4)] @ np.linalg.inv(h_face).T
    if np.any(hom[:, 2] <= 1e-9):
        return 0, 0, tw, th
    pts = hom[:, :2] / hom[:, 2:]
    x0, y0 = np.maximum(np.floor(pts.min(axis=0)) - 2, 0).astype(int)
    x1, y1 = np.minimum(np.ceil(pts.max(axis=0)) + 2, [tw, th]).astype(int)
    return int(x0), int(y0), int(x1 - x0), int(y1 - y0)


def _profile(car: CarModel):
    """Body outline along z as (z, height, width factor, surface kind) points.

    Each point's kind names the top surface running to the next point.  The
    cabin is narrower than the body, so upper points are pulled in; the side
    silhouettes and the top surfaces are both built from this one outline so
    they meet without gaps or fins.
    """
    z_roof0 = car.deck_len + car.glass_len
    z_roof1 = car.length - (0.7 if car.facing == "front" else car.deck_len + car.glass_len * 0.4)
    top = car.face_top
    return [(0.0, car.bottom, 1.0, None), (0.0, top, 1.0, "deck"),
            (car.deck_len, top + 0.06, 0.96, "glass"), (z_roof0, car.roof, 0.86, "roof"),
            (z_roof1, car.roof, 0.86, "glass"), (car.length - 0.15, top + 0.05, 0.96, "deck"),
            (car.length, top - 0.05, 1.0, None), (car.length, car.bottom, 1.0, None)]


def _side_faces(car: CarModel, profile):
    """Side silhouettes with their glass, as model polygons."""
    z_deck, y_roof = profile[2][0], profile[3][1]
    z_roof0, z_roof1 = profile[3][0], profile[4][0]
    top = car.face_top
    glass = [(z_deck + 0.12, top + 0.1, 0.95), (z_roof0 + 0.03, y_roof - 0.07, 0.87),
             (z_roof1 - 0.03, y_roof - 0.07, 0.87), (z_roof1 + 0.35, top + 0.1, 0.95)]
    out = []
    for sign in (-1, 1):
        x = sign * car.width / 2
        poly = np.array([(x * k, y, z) for z, y, k, _ in profile])
        win = np.array([(x * k * 1.001, y, z) for z, y, k in glass])
        out.append((poly, win, sign))
    return out


def _top_surfaces(car: CarModel, profile):
    """Bonnet, screens, roof and boot lid as quads, farthest first."""
    half = car.width / 2
    quads = []
    for (z0, y0, k0, kind), (z1, y1, k1, _) in zip(profile[1:-2], profile[2:-1]):
        quads.append((kind, np.array([[-half * k0, y0, z0], [half * k0, y0, z0],
                                      [half * k1, y1, z1], [-half * k1, y1, z1]])))
    return quads[::-1]


def _draw_glass(frame, view: View, quad: np.ndarray, car: CarModel) -> None:
    tone = _glass(car)
    paint.fill(frame, view.project(quad), tone)
    t = car.sheen  # sky reflected in the lower part of the glass
    sheen = np.array([quad[0], quad[1], quad[1] + (quad[2] - quad[1]) * t,
                      quad[0] + (quad[3] - quad[0]) * t])
    paint.fill(frame, view.project(sheen), _shade(tone, 1.5))


def _wheel(x: float, z: float, r: float) -> np.ndarray:
    a = np.linspace(0, 2 * np.pi, 20, endpoint=False)
    return np.stack([np.full_like(a, x), r + r * np.sin(a), z + r * np.cos(a)], axis=1)


def draw_vehicle(frame: np.ndarray, plate_mask: np.ndarray, lamp_mask: np.ndarray,
                 view: View, car: CarModel, flat: FlatPlate, plate_size_m) -> np.ndarray:
    """Draws car and plate onto frame; returns the plate corners in pixels."""
    half = car.width / 2
    shadow = np.array([[-half * 1.08, 0, -0.25], [half * 1.08, 0, -0.25],
                       [half * 1.08, 0, car.length + 0.1], [-half * 1.08, 0, car.length + 0.1]])
    _cast_shadow(frame, view.project(shadow), car.shadow)

    profile = _profile(car)
    for poly, win, sign in _side_faces(car, profile):
        outward = [poly[0], poly[1], poly[-1]] if sign > 0 else [poly[0], poly[-1], poly[1]]
        if not view.faces_camera(np.array(outward)):
            continue
        paint.fill(frame, view.project(poly), _shade(car.colour, car.side_shade))
        paint.fill(frame, view.project(win), _glass(car))
        for z in (0.85, car.length - 0.9):
            paint.fill(frame, view.project(_wheel(sign * half * 1.001, z, 0.31)), (22, 22, 24))
            paint.fill(frame, view.project(_wheel(sign * half * 1.002, z, 0.17)), (95, 95, 100))

    for kind, quad in _top_surfaces(car, profile):
        if kind == "glass":
            _draw_glass(frame, view, quad, car)
        else:
            paint.fill(frame, view.project(quad),
                       _shade(car.colour, 1.15 if kind == "roof" else 1.08))

    for sign in (-1, 1):
        x_in, x_out = sign * (half - 0.32), sign * (half - 0.08)
        tyre = np.array([[x_in, car.bottom + 0.02, 0.75], [x_out, car.bottom + 0.02, 0.75],
                         [x_out, 0, 0.75], [x_in, 0, 0.75]])
        paint.fill(frame, view.project(tyre), (22, 22, 24))

    plate_w_m = plate_size_m[0]
    ppm = min(2500.0, 1.15 * view.pose.plate_width / plate_w_m)
    face = np.array([[-half, car.face_top, 0], [half, car.face_top, 0],
                     [half, car.bottom, 0], [-half, car.bottom, 0]])
    tw, th = car.width * ppm, (car.face_top - car.bottom) * ppm
    h_face = view.homography([[0, 0], [tw, 0], [tw, th], [0, th]], face)
    window = _visible_window(h_face, (int(np.ceil(tw)), int(np.ceil(th))), frame.shape)
    if window[2] > 0 and window[3] > 0:
        tex = _face_texture(car, plate_size_m, ppm, window)
        shift = np.array([[1, 0, window[0]], [0, 1, window[1]], [0, 0, 1]], float)
        # Only the face's own area is opaque, so the window edge never shows.
        alpha = np.zeros(tex.shape[:2], np.uint8)
        paint.fill(alpha, np.float32([[0, 0], [tw, 0], [tw, th], [0, th]]) - window[:2], 255)
        paint.warp_into(frame, tex, alpha, h_face @ shift)
    for x0, y0, x1, y1 in _lamp_rects(car):
        lamp = np.array([[x0, y1, -0.005], [x1, y1, -0.005], [x1, y0, -0.005], [x0, y0, -0.005]])
        paint.fill(lamp_mask, view.project(lamp), 255)

    corners_m = plate_corners_m(car, plate_size_m)
    ph, pw = flat.image.shape[:2]
    h = view.homography([[0, 0], [pw, 0], [pw, ph], [0, ph]], corners_m)
    paint.warp_into(frame, flat.image, flat.alpha, h, mask_out=plate_mask)
    return view.project(corners_m)


def _cast_shadow(frame: np.ndarray, footprint_px: np.ndarray, depth: float) -> None:
    """Soft contact shadow under the car, darkening what is already drawn.

    Drawn and blurred at quarter resolution: a shadow has no detail to lose.
    """
    x0, y0 = np.floor(footprint_px.min(axis=0)).astype(int)
    x1, y1 = np.ceil(footprint_px.max(axis=0)).astype(int)
    pad = max(2, int(0.04 * (x1 - x0)))
    x0, y0 = max(x0 - pad, 0), max(y0 - pad, 0)
    x1, y1 = min(x1 + pad, frame.shape[1]), min(y1 + pad, frame.shape[0])
    if x1 - x0 < 4 or y1 - y0 < 4:
        return
    q = 4
    small = np.zeros(((y1 - y0 + q - 1) // q, (x1 - x0 + q - 1) // q), np.float32)
    paint.fill(small, (footprint_px - [x0, y0]) / q, 1.0)
    small = cv2.GaussianBlur(small, (0, 0), max(0.5, pad / (2 * q)))
    mask = cv2.resize(small, (x1 - x0, y1 - y0), interpolation=cv2.INTER_LINEAR)
    dark = 1.0 - depth * mask
    region = frame[y0:y1, x0:x1]
    region[:] = paint.modulate(region, dark)

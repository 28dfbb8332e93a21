"""Puts plated vehicles on a road and reports where each plate ended up.

Three products share this code: whole frames with one to three vehicles
(detector training and end-to-end scoring), frames with no vehicle (false
positive tests) and tight plate crops (recogniser training).  A crop is the
same scene drawn on a canvas that is only the plate's box plus a margin, so
crops carry the same bumper, lamps and perspective as frames.

The result is unlit: lighting and camera degradation are applied by looks.py
on top, using the plate and lamp masks recorded here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

import background
import vehicle
from plate_render import render_plate
from plate_style import style_for
from plate_text import Plate
from projection import Pose, View

PLATE_MIN_PX, PLATE_MAX_PX = 90, 400
RENDER_OVERSAMPLE = 1.1  # flat plate drawn this much larger than it will appear


@dataclass
class PlacedPlate:
    plate: Plate
    corners: np.ndarray  # TL, TR, BR, BL in pixels (plate's own orientation)

    def box(self) -> tuple[int, int, int, int]:
        """Axis-aligned x, y, w, h covering the corners."""
        x0, y0 = np.floor(self.corners.min(axis=0)).astype(int)
        x1, y1 = np.ceil(self.corners.max(axis=0)).astype(int)
        return int(x0), int(y0), int(x1 - x0), int(y1 - y0)


@dataclass
class Scene:
    image: np.ndarray
    plate_mask: np.ndarray
    lamp_mask: np.ndarray
    plates: list[PlacedPlate] = field(default_factory=list)


def _log_uniform(rng: np.random.Generator, lo: float, hi: float) -> float:
    return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def random_yaw_roll(rng: np.random.Generator) -> tuple[float, float]:
    """Yaw within +-30 deg and roll within +-10 deg, mostly near zero."""
    return (float(np.clip(rng.normal(0, 13), -30, 30)),
            float(np.clip(rng.normal(0, 4), -10, 10)))


def _plate_size_m(plate: Plate) -> tuple[float, float]:
    w, h = style_for(plate).size_mm
    return w / 1000.0, h / 1000.0


class VehicleDrawer:
    """One vehicle with its plate, ready to be drawn at any pose."""

    def __init__(self, plate: Plate, rng: np.random.Generator, facing: str | None = None):
        self.plate = plate
        self.size_m = _plate_size_m(plate)
        self.car = vehicle.random_car(rng, self.size_m[1], facing)
        self.corners_m = vehicle.plate_corners_m(self.car, self.size_m)
        self._flat_cache: dict[int, object] = {}
        self._seed = int(rng.integers(1 << 31))

    def view(self, pose: Pose) -> View:
        return View(pose, self.corners_m)

    def outline(self, view: View) -> tuple[float, float, float, float]:
        """Pixel box around the whole car body (for keeping cars apart)."""
        c = self.car
        xs, ys, zs = (-c.width / 2, c.width / 2), (0.0, c.roof), (0.0, c.length)
        pts = np.array([[x, y, z] for x in xs for y in ys for z in zs])
        uv = view.project(pts)
        return (*uv.min(axis=0), *uv.max(axis=0))

    def _flat(self, plate_width_px: float):
        # Plates are redrawn only when the needed resolution changes by a
        # step, so a video reuses one drawing for many frames; the seed keeps
        # wear and emblems identical across those redraws.
        step = int(np.ceil(np.log2(max(plate_width_px, 8.0) * RENDER_OVERSAMPLE) * 4))
        if step not in self._flat_cache:
            px_per_mm = 2 ** (step / 4) / (self.size_m[0] * 1000.0)
            self._flat_cache[step] = render_plate(self.plate, px_per_mm,
                                                  np.random.default_rng(self._seed))
        return self._flat_cache[step]

    def draw(self, scene: Scene, view: View) -> PlacedPlate:
        flat = self._flat(view.pose.plate_width)
        corners = vehicle.draw_vehicle(scene.image, scene.plate_mask, scene.lamp_mask, view,
                                       self.car, flat, self.size_m)
        # The plate as drawn: under ANPR_SYNTH_STRIP_SHUFFLE its label names
        # the strip it was given.
        placed = PlacedPlate(flat.plate, corners)
        scene.plates.append(placed)
        return placed


def _blank_scene(road: background.Road) -> Scene:
    h, w = road.image.shape[:2]
    return Scene(road.image, np.zeros((h, w), np.uint8), np.zeros((h, w), np.uint8))


def pose_on_road(geo: background.RoadGeometry, drawer: VehicleDrawer, x_m: float, z_m: float,
                 yaw: float, roll: float, pitch: float) -> Pose:
    """Pose of a vehicle whose front stands on the road at lateral x_m, depth z_m."""
    s = geo.px_per_m(z_m)
    ground = geo.to_px(x_m + drawer.car.plate_x, z_m)
    centre = (float(ground[0]), float(ground[1] - drawer.car.plate_y * s))
    return Pose(centre, drawer.size_m[0] * s, yaw, roll, pitch, z_m)


def _inside(box, size, margin: float = 2.0) -> bool:
    x0, y0, x1, y1 = box
    return x0 >= margin and y0 >= margin and x1 <= size[0] - margin and y1 <= size[1] - margin


def _overlaps(a, b) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def _plate_box(view: View, drawer: VehicleDrawer):
    uv = view.project(drawer.corners_m)
    return (*uv.min(axis=0), *uv.max(axis=0))


def _nudged_inside(pose: Pose, drawer: VehicleDrawer, size, margin: float = 3.0) -> Pose:
    """Shifts a pose by the few pixels that roll and yaw pushed its plate out of frame."""
    x0, y0, x1, y1 = _plate_box(drawer.view(pose), drawer)
    dx = max(0.0, margin - x0) - max(0.0, x1 - (size[0] - margin))
    dy = max(0.0, margin - y0) - max(0.0, y1 - (size[1] - margin))
    cx, cy = pose.plate_center
    return Pose((cx + dx, cy + dy), pose.plate_width, pose.yaw_deg, pose.roll_deg,
                pose.pitch_deg, pose.distance_m)


PlateSource = Callable[[np.random.Generator], Plate]


def render_frame(size: tuple[int, int], rng: np.random.Generator,
                 plates: PlateSource, max_vehicles: int = 3) -> Scene:
    """A road frame with one to max_vehicles plated vehicles, all plates in view."""
    w, h = size
    first = VehicleDrawer(plates(rng), rng)
    plate_w = _log_uniform(rng, PLATE_MIN_PX, min(PLATE_MAX_PX, 0.8 * w))
    s1 = plate_w / first.size_m[0]
    v1 = rng.uniform(0.3, 0.85) * h
    ground_y = v1 + first.car.plate_y * s1
    horizon = min(rng.uniform(-0.4, 0.3) * h, ground_y - 0.2 * h)
    px_per_m_bottom = s1 * (h - horizon) / (ground_y - horizon)
    geo = background.random_geometry(size, rng, px_per_m_bottom, horizon)
    lanes = int(rng.integers(2, 5))
    lane = int(rng.integers(lanes))
    x1_m = geo.lane_centre(lane, lanes) + rng.normal(0, 0.3)
    z1 = geo.depth_at_row(ground_y)
    u1 = rng.uniform(plate_w / 2 + 4, w - plate_w / 2 - 4)
    # Move the road sideways so that the chosen lane passes under the plate.
    k = background.NEAR_DEPTH_M / z1
    geo = background.RoadGeometry(size, geo.horizon_y, geo.vanish_x,
                                  geo.vanish_x + (u1 - geo.vanish_x) / k - x1_m * px_per_m_bottom,
                                  px_per_m_bottom)
    road = background.render_road(geo, rng, lanes)
    scene = _blank_scene(road)

    pitch = rng.uniform(3, 25)
    cam_roll = rng.normal(0, 2)
    yaw, roll = random_yaw_roll(rng)
    placed = [(z1, first, _nudged_inside(
        pose_on_road(geo, first, x1_m, z1, yaw, cam_roll + roll, pitch), first, size))]
    count = int(rng.choice([1, 2, 3], p=[0.65, 0.28, 0.07]))
    for _ in range(min(count, max_vehicles) - 1):
        other = VehicleDrawer(plates(rng), rng)
        for _attempt in range(6):
            lane_i = int(rng.integers(lanes))
            x_m = geo.lane_centre(lane_i, lanes) + rng.normal(0, 0.3)
            z_lo = other.size_m[0] * geo.px_per_m_bottom * background.NEAR_DEPTH_M / PLATE_MAX_PX
            z_hi = other.size_m[0] * geo.px_per_m_bottom * background.NEAR_DEPTH_M / PLATE_MIN_PX
            z = rng.uniform(z_lo, z_hi)
            yaw, roll = random_yaw_roll(rng)
            pose = pose_on_road(geo, other, x_m, z, yaw, cam_roll + roll, pitch)
            view = other.view(pose)
            if not _inside(_plate_box(view, other), size):
                continue
            box = other.outline(view)
            if any(_overlaps(box, d.outline(d.view(p))) for _, d, p in placed):
                continue
            placed.append((z, other, pose))
            break
    for _, drawer, pose in sorted(placed, key=lambda t: -t[0]):
        drawer.draw(scene, drawer.view(pose))
    return scene


def render_empty(size: tuple[int, int], rng: np.random.Generator) -> Scene:
    return _blank_scene(background.render_road(background.random_geometry(size, rng), rng))


def render_crop(plate: Plate, rng: np.random.Generator) -> Scene:
    """A detector-style crop: the plate with a margin of its vehicle around it."""
    drawer = VehicleDrawer(plate, rng)
    plate_w = _log_uniform(rng, 70, 320)
    yaw, roll = random_yaw_roll(rng)
    pose = Pose((0.0, 0.0), plate_w, yaw, roll, rng.uniform(3, 25), rng.uniform(5, 20))
    x0, y0, x1, y1 = _plate_box(drawer.view(pose), drawer)
    mx = (x1 - x0) * rng.uniform(0.03, 0.15)
    my = (y1 - y0) * rng.uniform(0.08, 0.4)
    w, h = int(np.ceil(x1 - x0 + 2 * mx)), int(np.ceil(y1 - y0 + 2 * my))
    pose = Pose((mx - x0, my - y0), plate_w, pose.yaw_deg, pose.roll_deg, pose.pitch_deg,
                pose.distance_m)
    road = background.render_road(background.random_geometry((w, h), rng), rng)
    scene = _blank_scene(road)
    drawer.draw(scene, drawer.view(pose))
    return scene

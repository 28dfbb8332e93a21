"""Test videos: vehicles drive one after another towards an ANPR camera.

The edge daemon is tested end to end on these: every vehicle must be read
once, within the frames where its plate is visible, and the empty road in
between must yield nothing.  Each vehicle appears far away (plate about 40
px wide) and closes in quickly, then slows down as at a checkpoint and
approaches at constant speed so that its plate grows from 90 to 250 px over
two to three seconds (growth speeds up as it nears, as in real footage),
then leaves through the bottom of the frame.  The road, camera and
look are fixed for the whole video; only sensor noise changes per frame.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

import background
import looks
from plate_text import Plate
from scene import PlacedPlate, Scene, VehicleDrawer, pose_on_road

START_PX, READABLE_PX, NEAR_PX = 40, 90, 250


@dataclass
class Passage:
    drawer: VehicleDrawer
    x_m: float
    yaw: float
    roll: float
    start_frame: int
    end_frame: int       # exclusive
    start_depth: float   # metres, where the vehicle appears
    lead_frames: int     # frames to close in to the readable depth
    readable_depth: float
    speed: float         # metres per frame from the readable depth on

    def depth(self, frame: int) -> float:
        k = frame - self.start_frame
        if k < self.lead_frames:
            return self.start_depth + (self.readable_depth - self.start_depth) * k / self.lead_frames
        return self.readable_depth - self.speed * (k - self.lead_frames)


@dataclass
class VideoPlan:
    size: tuple[int, int]
    fps: float
    geometry: background.RoadGeometry
    road: np.ndarray
    pitch: float
    look: looks.Look
    passages: list[Passage]
    total_frames: int
    noise_seed: int


def _depth_for_width(geo: background.RoadGeometry, plate_w_m: float, width_px: float) -> float:
    return plate_w_m * geo.px_per_m_bottom * background.NEAR_DEPTH_M / width_px


def _gone(plan_geo, drawer: VehicleDrawer, pose) -> bool:
    """Whether the whole car is below the frame or the car is at the camera."""
    view = drawer.view(pose)
    return drawer.outline(view)[1] > plan_geo.size[1] or pose.distance_m < 1.5


def plan_video(plates: list[Plate], fps: float, size: tuple[int, int], night: bool,
               rng: np.random.Generator) -> VideoPlan:
    w, h = size
    horizon = rng.uniform(-0.1, 0.15) * h
    # Ground scale chosen so that a standard plate 250 px wide has its
    # centre at about 78% of the frame height.
    s_near = NEAR_PX / 0.52
    ground_near = 0.78 * h + 0.45 * s_near
    px_per_m_bottom = s_near * (h - horizon) / (ground_near - horizon)
    vx = w / 2 + rng.uniform(-0.05, 0.05) * w
    geo = background.RoadGeometry(size, horizon, vx, vx + rng.uniform(-0.03, 0.03) * w,
                                  px_per_m_bottom)
    road = background.render_road(geo, rng, lanes=int(rng.integers(2, 4))).image
    pitch = rng.uniform(8, 20)
    look = dataclasses.replace(looks.random_look(rng, night, NEAR_PX, min_quality=95),
                               motion_px=0.0, resample=1.0)

    passages = []
    frame = int(round(rng.uniform(0.4, 0.8) * fps))
    for plate in plates:
        drawer = VehicleDrawer(plate, rng, facing="front")
        plate_w = drawer.size_m[0]
        z_read = _depth_for_width(geo, plate_w, READABLE_PX)
        z_near = _depth_for_width(geo, plate_w, NEAR_PX)
        speed = (z_read - z_near) / (rng.uniform(2.0, 3.0) * fps)
        p = Passage(drawer, rng.uniform(-0.5, 0.5), rng.uniform(-8, 8), rng.uniform(-3, 3),
                    frame, frame, _depth_for_width(geo, plate_w, START_PX),
                    max(1, int(round(rng.uniform(0.6, 1.0) * fps))), z_read, speed)
        while not _gone(geo, drawer, _pose(geo, pitch, p, p.end_frame)):
            p.end_frame += 1
        passages.append(p)
        frame = p.end_frame + int(round(rng.uniform(0.8, 1.8) * fps))
    return VideoPlan(size, fps, geo, road, pitch, look, passages, frame,
                     int(rng.integers(1 << 31)))


def _pose(geo, pitch: float, p: Passage, frame: int):
    return pose_on_road(geo, p.drawer, p.x_m, p.depth(frame), p.yaw, p.roll, pitch)


def render_frame(plan: VideoPlan, frame: int) -> tuple[np.ndarray, list[PlacedPlate]]:
    """Frame `frame` as the camera delivers it, and the plates drawn in it."""
    h, w = plan.road.shape[:2]
    scene = Scene(plan.road.copy(), np.zeros((h, w), np.uint8), np.zeros((h, w), np.uint8))
    for p in plan.passages:
        if p.start_frame <= frame < p.end_frame:
            p.drawer.draw(scene, p.drawer.view(_pose(plan.geometry, plan.pitch, p, frame)))
    image = looks.render(scene, plan.look, np.random.default_rng([plan.noise_seed, frame]))
    return image, scene.plates


def fully_visible(placed: PlacedPlate, size: tuple[int, int]) -> bool:
    x, y, bw, bh = placed.box()
    return x >= 0 and y >= 0 and x + bw <= size[0] and y + bh <= size[1]

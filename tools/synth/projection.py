"""Pinhole view of a vehicle, fitted so its plate lands where the scene wants.

Scenes are specified the way a dataset needs them (plate width in pixels,
plate centre, yaw, roll) rather than by camera intrinsics.  A view rotates the
vehicle model (metres; x right, y up, z away from the camera, plate on the
z = 0 face), projects it, then scales and shifts the image so that the plate
has the requested width and centre.  The scale-and-shift is a change of
focal length and principal point, so every projected point stays consistent
with one pinhole camera: plate corners, car body and shadow agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class Pose:
    plate_center: tuple[float, float]  # pixels in the output image
    plate_width: float                  # pixels, mean of top and bottom edges
    yaw_deg: float                      # vehicle heading off the optical axis
    roll_deg: float                     # camera roll / road camber
    pitch_deg: float                    # camera looking down onto the road
    distance_m: float                   # sets how strong perspective is


def _rotation(yaw: float, pitch: float, roll: float) -> np.ndarray:
    y, p, r = np.radians([yaw, -pitch, roll])
    ry = np.array([[np.cos(y), 0, np.sin(y)], [0, 1, 0], [-np.sin(y), 0, np.cos(y)]])
    rx = np.array([[1, 0, 0], [0, np.cos(p), -np.sin(p)], [0, np.sin(p), np.cos(p)]])
    rz = np.array([[np.cos(r), -np.sin(r), 0], [np.sin(r), np.cos(r), 0], [0, 0, 1]])
    return rz @ rx @ ry


class View:
    """Projects vehicle-model points (metres) to output pixels."""

    def __init__(self, pose: Pose, plate_corners_m: np.ndarray):
        self.pose = pose
        self._r = _rotation(pose.yaw_deg, pose.pitch_deg, pose.roll_deg)
        self._scale, self._shift = 1.0, np.zeros(2)
        raw = self.project(plate_corners_m)
        width = (np.linalg.norm(raw[1] - raw[0]) + np.linalg.norm(raw[2] - raw[3])) / 2
        self._scale = pose.plate_width / width
        self._shift = np.asarray(pose.plate_center, float) - raw.mean(axis=0) * self._scale

    def camera_points(self, pts_m: np.ndarray) -> np.ndarray:
        """Model points in camera coordinates (z = depth in metres)."""
        pts = np.asarray(pts_m, float).reshape(-1, 3)
        return pts @ self._r.T + np.array([0.0, 0.0, self.pose.distance_m])

    def project(self, pts_m: np.ndarray) -> np.ndarray:
        cam = self.camera_points(pts_m)
        uv = np.stack([cam[:, 0] / cam[:, 2], -cam[:, 1] / cam[:, 2]], axis=1)
        return uv * self._scale + self._shift

    def faces_camera(self, quad_m: np.ndarray) -> bool:
        """Whether a planar face (corners in winding order) is seen from its front."""
        cam = self.camera_points(quad_m)
        normal = np.cross(cam[1] - cam[0], cam[2] - cam[0])
        return float(np.dot(normal, cam[0])) < 0

    def homography(self, src_px: np.ndarray, quad_m: np.ndarray) -> np.ndarray:
        """Maps pixel corners of a flat texture onto where quad_m projects."""
        return cv2.getPerspectiveTransform(np.float32(src_px), np.float32(self.project(quad_m)))

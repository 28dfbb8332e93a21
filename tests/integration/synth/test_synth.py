"""Checks of the synthetic plate generator (tools/synth), run as the tool is used.

Plate strings are checked against the registries' rules, rendered plates are
read back with the Tesseract CLI (a broken layout or a wrong glyph would not
read), and each anpr-synth subcommand is run into a temporary folder and its
files are checked: label format identical to the real data set, boxes inside
images and around an actual plate, determinism under --seed, and a video
that decodes as H.264 with sidecar intervals that match the frames.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import cv2
import numpy as np

SOURCE = Path(os.environ.get("ANPR_SOURCE_DIR", Path(__file__).resolve().parents[3]))
SHARED = Path(os.environ.get("ANPR_SHARED_DIR", SOURCE.parent / "shared"))
TOOL = SOURCE / "tools" / "synth"
sys.dont_write_bytecode = True
sys.path.insert(0, str(TOOL))

import h264_writer  # noqa: E402
import plate_text  # noqa: E402
from plate_render import render_plate  # noqa: E402
from plate_style import style_for  # noqa: E402

REAL_HEADER = "image,plate,country,set,kind,x,y,w,h"


def run_tool(*args: str, timeout: int = 300, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", **(env_extra or {}))
    return subprocess.run([sys.executable, str(TOOL / "anpr-synth"), *args], env=env,
                          capture_output=True, text=True, timeout=timeout)


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class PlateTextTest(unittest.TestCase):
    def plates(self, country, series, n=600):
        rng = np.random.default_rng(1)
        return [plate_text.random_plate(country, rng, series) for _ in range(n)]

    def test_latvian_regular_follows_registry_rules(self):
        texts = [p.text for p in self.plates("LV", "regular")]
        for t in texts:
            self.assertRegex(t, r"^[A-Z]{2}-[1-9][0-9]{0,3}$")
            self.assertFalse(set(t[:2]) & set("IQWXY"), t)
        lengths = {len(t.split("-")[1]) for t in texts}
        self.assertEqual(lengths, {1, 2, 3, 4}, "AB-1 .. AB-1234 must all occur")

    def test_lithuanian_regular_follows_registry_rules(self):
        for t in (p.text for p in self.plates("LT", "regular")):
            self.assertRegex(t, r"^[A-Z]{3} [0-9]{3}$")
            self.assertFalse(set(t[:3]) & set("QWX"), t)

    def test_vanity_plates_are_never_digits_only(self):
        for country, longest in (("LV", 8), ("LT", 6)):
            texts = [p.text for p in self.plates(country, "vanity")]
            self.assertTrue(all(2 <= len(t) <= longest for t in texts), country)
            self.assertTrue(all(re.search(r"[A-Z]", t) for t in texts), country)

    def test_every_series_of_every_country_validates_its_own_output(self):
        rng = np.random.default_rng(2)
        for country, series in plate_text.SERIES.items():
            for s in series:
                for _ in range(50):
                    p = plate_text.random_plate(country, rng, s.name)
                    self.assertIsNotNone(plate_text.matching_series(country, p.text),
                                         f"{country} {s.name} {p.text!r}")
                    self.assertEqual(len(p.rows), 1 + s.fields.count(plate_text.ROW))
                    self.assertEqual(len(p.rows) == 1, s.layout == "standard")

    def test_foreign_formats(self):
        cases = {"EE": r"^[0-9]{3} [A-Z]{3}$", "BY": r"^[1-9][0-9]{3} [A-Z]{2}-[1-7]$",
                 "RU": r"^[ABEKMHOPCTYX][0-9]{3}[ABEKMHOPCTYX]{2} [0-9]{2,3}$",
                 "FI": r"^[A-Z]{3}-[1-9][0-9]{0,2}$", "UA": r"^[A-Z]{2} [0-9]{4} [A-Z]{2}$",
                 "CZ": r"^[1-9][A-Z][0-9A-Z] [0-9]{4}$",
                 "HU": r"^([A-Z]{3}|[A-Z]{2} [A-Z]{2})-[0-9]{3}$",
                 "HR": r"^[A-Z]{2} [1-9][0-9]{2,3}-[A-PR-VZ]{1,2}$",
                 "NL": r"^[0-9A-Z]{1,3}-[0-9A-Z]{2,3}-[0-9A-Z]{1,2}$", "BE": r"^[12]-[A-Z]{3}-[0-9]{3}$",
                 "FR": r"^[A-Z]{2}-[0-9]{3}-[A-Z]{2}$", "IT": r"^[A-Z]{2} [0-9]{3}[A-Z]{2}$",
                 "SE": r"^[A-Z]{3} [0-9]{3}$", "ES": r"^[0-9]{4} [B-DF-HJ-NP-TV-Z]{3}$",
                 "RO": r"^[A-Z]{1,2} [0-9]{2,3} [A-Z]{3}$"}
        for country, pattern in cases.items():
            # A Croatian motorcycle's label joins its three rows by spaces (below).
            for p in self.plates(country, "regular" if country == "HR" else None, 100):
                self.assertRegex(p.text, pattern)
        for p in self.plates("HR", "motorcycle", 50):
            self.assertRegex(p.text, r"^[A-Z]{2} [1-9][0-9]{2,3} [A-PR-VZ]{1,2}$")
        for p in self.plates("DE", None, 300):
            self.assertLessEqual(sum(c.isalnum() for c in p.text), 8, p.text)

    def test_parse_plate_accepts_valid_and_rejects_invalid(self):
        self.assertEqual(plate_text.parse_plate("LV", "ab-1").rows, ("AB-1",))
        self.assertEqual(plate_text.parse_plate("LT", "ABC 123").series, "regular")
        for country, text in (("LV", "AB-0123"), ("LV", "AI-12"), ("LT", "ABQ 123"),
                              ("LV", "12345"), ("FI", "ABC-1234")):
            with self.assertRaises(ValueError, msg=f"{country} {text}"):
                plate_text.parse_plate(country, text)
        with self.assertRaises(ValueError):
            plate_text.random_plate("XX", np.random.default_rng(0))

    def test_country_mix(self):
        mix = plate_text.PlateMix("LV:3,LT")
        rng = np.random.default_rng(3)
        counts = {"LV": 0, "LT": 0}
        for _ in range(2000):
            counts[mix(rng).country] += 1
        self.assertAlmostEqual(counts["LV"] / 2000, 0.75, delta=0.04)
        for bad in ("", "LV:0", "LV:x", "ZZ"):
            with self.assertRaises(ValueError, msg=bad):
                plate_text.PlateMix(bad)


class PlateRenderTest(unittest.TestCase):
    def test_proportions_follow_the_registry_size(self):
        rng = np.random.default_rng(4)
        for country, series in (("LV", "regular"), ("LV", "square"), ("FI", "regular"),
                                ("LT", "motorcycle"), ("UA", "motorcycle")):
            p = plate_text.random_plate(country, rng, series)
            img = render_plate(p, 1.5, rng).image
            w_mm, h_mm = style_for(p).size_mm
            self.assertAlmostEqual(img.shape[1] / img.shape[0], w_mm / h_mm, delta=0.03)

    def test_eu_band_is_blue_on_the_left(self):
        rng = np.random.default_rng(5)
        img = render_plate(plate_text.random_plate("LV", rng, "regular"), 2.0, rng).image
        b, g, r = img[img.shape[0] // 2, 30].astype(int)  # 15 mm in, between stars and code
        self.assertGreater(b, r + 60)
        b, g, r = img[img.shape[0] // 2, img.shape[1] - 20].astype(int)
        self.assertGreater(min(b, g, r), 180, "the plate itself is white")

    def test_hungarian_plates_have_their_stickers_and_old_ones_no_eu_band(self):
        def coloured(img) -> np.ndarray:
            return img.max(axis=2).astype(int) - img.min(axis=2) > 80

        stickered = 0
        for seed in range(10):
            rng = np.random.default_rng(seed)
            p = plate_text.random_plate("HU", rng, "regular")
            img = render_plate(p, 2.0, rng).image
            text = img[:, 100:]  # right of the EU band
            cols = np.nonzero(coloured(text).any(axis=0))[0]
            if cols.size:
                stickered += 1
                middle = (cols.mean() + 100) / img.shape[1]
                self.assertTrue(0.35 < middle < 0.7, f"{p.text}: stickers at {middle:.2f} of the width")
        self.assertGreaterEqual(stickered, 6, "most Hungarian plates carry stickers")
        rng = np.random.default_rng(3)
        old = plate_text.random_plate("HU", rng, "pre2004")
        img = render_plate(old, 2.0, rng).image
        b, g, r = (img[img.shape[0] // 2, 30].astype(int))
        self.assertLess(b, r + 60, "a pre-2004 plate has no blue EU strip")

    def test_ukrainian_motorcycle_plates_have_the_flag_in_a_corner_and_no_strip(self):
        rng = np.random.default_rng(6)
        p = plate_text.random_plate("UA", rng, "motorcycle")
        self.assertEqual(len(p.rows), 3)
        img = render_plate(p, 2.0, rng).image
        h = img.shape[0]
        blue = img[..., 0].astype(int) > img[..., 2].astype(int) + 60
        self.assertTrue(blue[: h // 3, : img.shape[1] // 5].any(), "the flag's blue in the top left corner")
        self.assertFalse(blue[h // 2:, : img.shape[1] // 5].any(), "no blue strip down the left edge")

    def test_pillow_draws_the_glyphs_opencv_draws(self):
        # Where OpenCV lacks its FreeType module (pip's opencv-python-headless,
        # on a training machine) Pillow draws the glyphs; the plates must not change.
        try:
            import PIL  # noqa: F401
        except ImportError:
            self.skipTest("Pillow is not installed (python3-pil)")
        import plate_render

        def glyphs():
            plate_render._glyph.cache_clear()
            plate_render._ink_box.cache_clear()
            return {(ch, cap): plate_render._glyph(ch, cap) for ch in "AB08OW-" for cap in (16, 48)}

        with_opencv = glyphs()
        freetype = cv2.freetype
        try:
            del cv2.freetype
            with_pillow = glyphs()
        finally:
            cv2.freetype = freetype
            plate_render._glyph.cache_clear()
        for key, mask in with_opencv.items():
            self.assertEqual(mask.shape, with_pillow[key].shape, key)
            diff = np.abs(mask.astype(int) - with_pillow[key]).mean()
            self.assertLess(diff, 4.0, f"{key}: masks differ by {diff:.1f} of 255 on average")

    def test_a_face_whose_j_descends_keeps_its_hook(self):
        # Cut at the line, DejaVu's J (which descends) was a bare stroke, the
        # image of its I: readers trained on it read I as J.
        import plate_render

        path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        if not os.path.exists(path):
            self.skipTest(f"{path} is missing (fonts-dejavu-core)")
        face = plate_render.Face(path, 1.0)
        cap = 48
        j, i = plate_render._glyph("J", cap, face), plate_render._glyph("I", cap, face)
        self.assertEqual(j.shape[0], cap, "squeezed into the cap height")

        def left(rows):
            return np.flatnonzero(rows.max(axis=0) > 127)[0]

        foot, middle = slice(-cap // 6, None), slice(cap // 3, cap // 2)
        self.assertLess(left(j[foot]), left(j[middle]) - cap // 8, "a hook at the foot, left of the stroke")
        self.assertGreaterEqual(left(i[foot]), left(i[middle]) - 1, "I has none")

    def test_fixed_pitch_centres_a_narrow_glyph_in_a_zero_wide_cell(self):
        import dataclasses

        import plate_render

        cap = 48
        gap = round(plate_render.CHAR_GAP * cap)
        cell = dataclasses.replace(plate_render.DIN, cell=0.6)
        bar = plate_render._glyph("I", cap).shape[1]
        self.assertEqual(plate_render.text_mask("II", cap).shape[1], 2 * bar + gap, "DIN's way: fixed gaps")
        mask = plate_render.text_mask("II", cap, face=cell)
        self.assertEqual(mask.shape[1], 2 * round(0.6 * cap) + gap)
        ink = np.flatnonzero(mask.max(axis=0) > 127)
        self.assertGreater(ink[0], (round(0.6 * cap) - bar) // 2 - 2, "the bar stands in the middle of its cell")
        wide = plate_render._glyph("W", cap).shape[1]
        self.assertGreater(wide, round(0.6 * cap))
        self.assertEqual(plate_render.text_mask("W", cap, face=cell).shape[1], wide, "a glyph wider than the cell")

    @unittest.skipIf(shutil.which("tesseract") is None, "tesseract CLI not installed")
    def test_rendered_text_reads_back(self):
        rng = np.random.default_rng(6)
        good, total = 0, 24
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(total):
                p = plate_text.random_plate(["LV", "EE", "FI", "CZ"][i % 4], rng, "regular")
                img = render_plate(p, 1.0, rng).image[:, 52:]  # right of the EU band
                gray = cv2.copyMakeBorder(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY),
                                          20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
                path = os.path.join(tmp, f"{i}.png")
                cv2.imwrite(path, gray)
                out = subprocess.run(
                    ["tesseract", path, "-", "--psm", "7", "-c",
                     "tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- "],
                    capture_output=True, text=True, timeout=60).stdout.strip()
                good += out.replace("O", "0") == p.text.replace("O", "0")
        self.assertGreaterEqual(good, total * 0.75, f"only {good}/{total} plates read back")


class CliDatasetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="anpr-synth-test-"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def generate(self, *args, env_extra=None):
        r = run_tool(*args, env_extra=env_extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def test_header_matches_real_dataset(self):
        real = SHARED / "datasets" / "real-dev" / "groundtruth.csv"
        if real.exists():
            self.assertEqual(real.read_text(encoding="utf-8").splitlines()[0], REAL_HEADER)
        out = self.tmp / "header"
        self.generate("plates", "--count", "2", "--out", str(out))
        self.assertEqual((out / "groundtruth.csv").read_text().splitlines()[0], REAL_HEADER)

    def test_plate_crops(self):
        out = self.tmp / "plates"
        self.generate("plates", "--count", "40", "--out", str(out), "--seed", "9",
                      "--night-ratio", "0.5")
        rows = read_csv(out / "groundtruth.csv")
        corners = read_csv(out / "corners.csv")
        self.assertEqual(len(rows), 40)
        self.assertEqual({r["country"] for r in rows}, {"LV", "LT"})
        looks = {c["image"]: c["look"] for c in corners}
        self.assertTrue(10 <= list(looks.values()).count("night") <= 30)
        for r in rows:
            self.assertIsNotNone(plate_text.matching_series(r["country"], r["plate"]), r)
            img = cv2.imread(str(out / r["image"]))
            self.assertIsNotNone(img, r["image"])
            x, y, w, h = (int(r[k]) for k in "xywh")
            self.assertTrue(0 <= x and 0 <= y and x + w <= img.shape[1] and y + h <= img.shape[0])
            self.assertGreater(w * h, 0.35 * img.shape[0] * img.shape[1], "a crop is mostly plate")
            if looks[r["image"]] == "night":
                self.assertTrue((img.max(axis=2).astype(int) - img.min(axis=2) <= 3).all(),
                                "infrared crops are monochrome")

    def test_same_seed_same_bytes_other_seed_other_bytes(self):
        a, b, c = (self.tmp / n for n in ("seed_a", "seed_b", "seed_c"))
        self.generate("plates", "--count", "5", "--out", str(a), "--seed", "4")
        self.generate("plates", "--count", "5", "--out", str(b), "--seed", "4")
        self.generate("plates", "--count", "5", "--out", str(c), "--seed", "5")
        for name in ("images/00000.jpg", "images/00004.jpg", "groundtruth.csv", "corners.csv"):
            self.assertEqual((a / name).read_bytes(), (b / name).read_bytes(), name)
        self.assertNotEqual((a / "groundtruth.csv").read_bytes(), (c / "groundtruth.csv").read_bytes())

    def test_jobs_draw_the_same_set(self):
        one, two = self.tmp / "jobs_one", self.tmp / "jobs_two"
        self.generate("plates", "--count", "24", "--out", str(one), "--seed", "8", "--countries", "LV,LT,HU")
        self.generate("plates", "--count", "24", "--out", str(two), "--seed", "8", "--countries", "LV,LT,HU",
                      "--jobs", "3")
        for name in ["groundtruth.csv", "corners.csv"] + [f"images/{i:05d}.jpg" for i in range(24)]:
            self.assertEqual((one / name).read_bytes(), (two / name).read_bytes(), name)
        one, two = self.tmp / "jobs_scenes_one", self.tmp / "jobs_scenes_two"
        self.generate("scenes", "--count", "6", "--out", str(one), "--size", "640x360", "--seed", "8")
        self.generate("scenes", "--count", "6", "--out", str(two), "--size", "640x360", "--seed", "8", "--jobs", "2")
        for name in ["groundtruth.csv", "corners.csv"] + [f"images/{i:05d}.jpg" for i in range(6)]:
            self.assertEqual((one / name).read_bytes(), (two / name).read_bytes(), name)
        r = run_tool("plates", "--count", "2", "--out", str(self.tmp / "jobs_bad"), "--jobs", "0")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("--jobs", r.stderr)

    def test_strip_shuffle_relabels_plates_by_the_strip_they_were_given(self):
        plain, shuffled = self.tmp / "strip_plain", self.tmp / "strip_shuffled"
        args = ("plates", "--count", "40", "--countries", "LV", "--seed", "6")
        self.generate(*args, "--out", str(plain))
        self.generate(*args, "--out", str(shuffled),
                      env_extra={"ANPR_SYNTH_STRIP_SHUFFLE": "1", "ANPR_SYNTH_STRIP_VARIETY": "1"})
        plain_rows, shuffled_rows = read_csv(plain / "groundtruth.csv"), read_csv(shuffled / "groundtruth.csv")
        self.assertEqual({r["country"] for r in plain_rows}, {"LV"})
        self.assertGreater(len({r["country"] for r in shuffled_rows}), 3, "strips of many countries")
        for r in shuffled_rows:  # the text is still a Latvian plate's
            self.assertIsNotNone(plate_text.matching_series("LV", r["plate"]), r)
        self.assertNotEqual((plain / "images/00000.jpg").read_bytes(), (shuffled / "images/00000.jpg").read_bytes())

    def assert_some_plates_redrawn_under_the_same_labels(self, name: str, env_extra: dict):
        # The variable redraws only the plates its share draws, by their text; the rest stay byte for byte.
        plain, varied = self.tmp / f"{name}_plain", self.tmp / f"{name}_varied"
        args = ("plates", "--count", "20", "--seed", "7")
        self.generate(*args, "--out", str(plain))
        self.generate(*args, "--out", str(varied), env_extra=env_extra)
        self.assertEqual((plain / "groundtruth.csv").read_bytes(), (varied / "groundtruth.csv").read_bytes())
        same = sum((plain / "images" / f"{i:05d}.jpg").read_bytes() == (varied / "images" / f"{i:05d}.jpg").read_bytes()
                   for i in range(20))
        self.assertGreater(same, 2)
        self.assertLess(same, 18)

    def test_extra_fonts_set_some_plates_in_another_face_under_the_same_labels(self):
        face = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
        if not face.exists():
            self.skipTest(f"{face} is not installed (fonts-dejavu-core)")
        # DIN keeps 0.4 of the plates.
        self.assert_some_plates_redrawn_under_the_same_labels("font", {"ANPR_SYNTH_FONTS": str(face)})

    def test_fixed_pitch_sets_some_plates_in_cells_under_the_same_labels(self):
        self.assert_some_plates_redrawn_under_the_same_labels("pitch", {"ANPR_SYNTH_FIXED_PITCH": "0.5"})

    def test_scenes_have_boxed_plates_of_the_asked_sizes(self):
        out = self.tmp / "scenes"
        self.generate("scenes", "--count", "10", "--out", str(out), "--countries", "all",
                      "--seed", "3")
        rows = read_csv(out / "groundtruth.csv")
        corners = {(c["image"], c["plate"]): c for c in read_csv(out / "corners.csv")}
        self.assertEqual(len((out / "images.txt").read_text().split()), 10)
        self.assertGreaterEqual(len(rows), 10)
        for r in rows:
            img = cv2.imread(str(out / r["image"]), cv2.IMREAD_GRAYSCALE)
            self.assertEqual(img.shape, (720, 1280))
            x, y, w, h = (int(r[k]) for k in "xywh")
            self.assertTrue(0 <= x and 0 <= y and x + w <= 1280 and y + h <= 720, r)
            self.assertTrue(80 <= w <= 440, f"plate {w} px wide: {r}")
            quad = np.array([float(v) for k, v in corners[(r["image"], r["plate"])].items()
                             if re.fullmatch(r"[xy][1-4]", k)]).reshape(4, 2)
            self.assertTrue((quad[:, 0] >= x - 1).all() and (quad[:, 0] <= x + w + 1).all())
            self.assertTrue((quad[:, 1] >= y - 1).all() and (quad[:, 1] <= y + h + 1).all())
            # A plate is dark characters on a light ground: the box must hold both.
            inner = img[y + h // 5:y + h - h // 5, x + w // 10:x + w - w // 10]
            lo, hi = np.percentile(inner, [10, 90])
            self.assertGreater(hi - lo, 40, f"no plate contrast inside the box of {r}")

    def test_empty_frames_have_no_labels(self):
        out = self.tmp / "empty"
        self.generate("empty", "--count", "3", "--out", str(out), "--size", "640x360")
        self.assertEqual((out / "groundtruth.csv").read_text().strip(), REAL_HEADER)
        images = (out / "images.txt").read_text().split()
        self.assertEqual(len(images), 3)
        self.assertEqual(cv2.imread(str(out / images[0])).shape, (360, 640, 3))

    def test_scene_plates_join_a_plates_folder_at_their_corners(self):
        plates, scenes = self.tmp / "join_plates", self.tmp / "join_scenes"
        self.generate("plates", "--count", "3", "--out", str(plates), "--seed", "2")
        self.generate("scenes", "--count", "4", "--out", str(scenes), "--size", "640x360", "--seed", "3")
        scene_corners = read_csv(scenes / "corners.csv")
        join = [sys.executable, str(SOURCE / "tools" / "train" / "scene_plates.py")]
        r = subprocess.run([*join, str(scenes), str(plates)], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        corners, truth = read_csv(plates / "corners.csv"), read_csv(plates / "groundtruth.csv")
        self.assertEqual(len(corners), 3 + len(scene_corners))
        self.assertEqual([c["image"] for c in corners], [t["image"] for t in truth])
        size = (120, 30)
        to = np.float32([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]])

        def plate_at(image, record):
            quad = np.float32([[float(record[f"x{i}"]), float(record[f"y{i}"])] for i in range(1, 5)])
            return cv2.warpPerspective(image, cv2.getPerspectiveTransform(quad, to), size).astype(int)

        for scene, cut in zip(scene_corners, corners[3:]):
            self.assertEqual({k: cut[k] for k in ("plate", "country", "series", "look")},
                             {k: scene[k] for k in ("plate", "country", "series", "look")})
            self.assertTrue(cut["image"].endswith(".png"), cut["image"])
            cut_image, scene_image = cv2.imread(str(plates / cut["image"])), cv2.imread(str(scenes / scene["image"]))
            self.assertLess(cut_image.size, scene_image.size)
            # The same plate, pixel for pixel but for the corners' rounding.
            self.assertLess(np.abs(plate_at(cut_image, cut) - plate_at(scene_image, scene)).mean(), 4)
        # Cut by two processes: the same files.
        again = self.tmp / "join_plates_jobs"
        self.generate("plates", "--count", "3", "--out", str(again), "--seed", "2")
        r = subprocess.run([*join, "--jobs", "2", str(scenes), str(again)], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        for name in ["corners.csv", "groundtruth.csv"] + [c["image"] for c in corners]:
            self.assertEqual((plates / name).read_bytes(), (again / name).read_bytes(), name)
        r = subprocess.run([*join, str(plates)], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("scenes folder", r.stderr)
        r = subprocess.run([*join, "--jobs", "0", str(scenes), str(plates)], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--jobs", r.stderr)

    def test_bad_arguments_fail_with_a_message(self):
        r = run_tool("plates", "--count", "1", "--out", str(self.tmp / "bad"), "--countries", "XX")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("XX", r.stderr)
        r = run_tool("video", "--out", str(self.tmp / "bad.mp4"), "--vehicles", "LV:AB-0001")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("AB-0001", r.stderr)


class VideoTest(unittest.TestCase):
    def test_drive_through_video_is_h264_and_matches_its_sidecars(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "drive.mp4"
            r = run_tool("video", "--out", str(path), "--vehicles", "LV:AB-12,LT:KLM 404",
                         "--fps", "10", "--size", "640x360", "--seed", "1")
            self.assertEqual(r.returncode, 0, r.stderr)
            side = json.loads(path.with_suffix(".json").read_text())
            fourcc, frames = h264_writer.probe(str(path))
            self.assertIn(fourcc, h264_writer.H264_FOURCCS)
            self.assertIn(b"avcC", path.read_bytes(), "MP4 carries an H.264 decoder config")
            self.assertEqual(frames, side["frames"])
            self.assertEqual([v["plate"] for v in side["vehicles"]], ["AB-12", "KLM 404"])
            first, second = side["vehicles"]
            for v in side["vehicles"]:
                self.assertLessEqual(v["first_frame"], v["first_readable_frame"])
                self.assertLess(v["first_readable_frame"], v["last_frame"])
                # 90 px to 250 px takes two to three seconds
                self.assertGreaterEqual((v["last_frame"] - v["first_readable_frame"]) / 10, 1.8)
            self.assertGreater(second["first_frame"], first["last_frame"] + 5,
                               "vehicles come one after another with empty road between")

            boxes = read_csv(path.with_suffix(".boxes.csv"))
            track = [(int(b["frame"]), int(b["w"])) for b in boxes if b["plate"] == "AB-12"]
            self.assertEqual([f for f, _ in track],
                             list(range(first["first_frame"], first["last_frame"] + 1)))
            widths = [w for _, w in track]
            self.assertTrue(all(b >= a - 2 for a, b in zip(widths, widths[1:])), "plate grows")
            self.assertLess(widths[0], 90)
            self.assertGreaterEqual(widths[-1], 240)

            cap = cv2.VideoCapture(str(path))
            for _ in range(first["last_frame"] - 2):
                cap.grab()
            ok, frame = cap.read()
            self.assertTrue(ok)
            self.assertEqual(frame.shape, (360, 640, 3))


if __name__ == "__main__":
    unittest.main()

"""Draws a flat, front-on plate image from a Plate and its country style.

Everything is laid out in millimetres and scaled by `px_per_mm`, so callers
ask for the resolution they will warp from (a little above the size the plate
will have in the scene) and the proportions stay those of the real plate.
Plates use DIN 1451; the only Debian DIN font (fonts-opendin) is the
condensed cut, so glyphs are widened to the Mittelschrift proportions of
real plates.  Glyphs are drawn one at a time so that the row can be laid out
like a plate press does it (fixed gaps, letters smaller on Russian plates)
and squeezed when a long vanity text would not fit.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from dataclasses import dataclass

import cv2
import numpy as np

import paint
from plate_style import EU_YELLOW, FLAGS, WHITE, Style, strip_of, style_for
from plate_text import Plate

FONT_PATH = os.environ.get("ANPR_SYNTH_FONT",
                           "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf")
DIN_WIDEN = 1.32          # OSP-DIN (condensed) to plate Mittelschrift width
CAP_RATIO = 0.71          # cap height / font height for OSP-DIN
CHAR_GAP = 0.13           # gap between glyphs, in cap heights
SPACE_GAP = 0.45          # a printed space, in cap heights
RU_LETTER_SCALE = 0.76    # Russian letters are 58 mm against 76 mm digits
# Set (to anything but "" or "0") to vary the strip's proportions from plate
# to plate: strip width, the code's size, weight, width and height, the star
# ring. Plate makers differ, and a generator with one strip layout teaches a
# strip classifier that layout (tools/train/train_band.py). Off by default so
# the documented evaluation sets stay what their seeds made.
STRIP_VARIETY = os.environ.get("ANPR_SYNTH_STRIP_VARIETY", "") not in ("", "0")
# Set to give every plate a random country's strip (or none) and label the
# plate with that country instead of its own: data for the strip classifier
# only, which must learn to read the strip, not guess it from the text or
# the plate's colours. Never for anything that scores reading.
STRIP_SHUFFLE = os.environ.get("ANPR_SYNTH_STRIP_SHUFFLE", "") not in ("", "0")
# Colon-separated font files (TTF/OTF) to set plate text in besides DIN:
# each plate takes DIN at DIN_SHARE_WITH_FONTS, else one of these
# (_pick_face). Training data for the reader only (tools/train/train_crnn.py;
# set it for index_rows.py too); unset, the output is what it was.
EXTRA_FONTS = tuple(p for p in os.environ.get("ANPR_SYNTH_FONTS", "").split(":") if p)
DIN_SHARE_WITH_FONTS = 0.4
# The share of plates (0-1) set in fixed-pitch cells: each character centred
# in a cell about as wide as a zero, so an I or a 1 stands between wide
# gaps, as on Hungarian, Ukrainian, Spanish and Romanian plates. A reader
# that only saw glyphs set at fixed gaps (DIN's way) reads such a lone bar as
# J, the letter it saw in wide cells on the real Spanish plates it trained
# on (docs/recognition.md, stop 23). Training data only, like the faces;
# unset, the output is what it was.
FIXED_PITCH_SHARE = float(os.environ.get("ANPR_SYNTH_FIXED_PITCH", "0") or 0)
# Countries drawn by the shuffle, with weights; RU has no strip.
_SHUFFLED_STRIPS = (("LV", 3.0), ("LT", 3.0), ("EE", 1.0), ("PL", 1.0), ("FI", 1.0), ("DE", 1.0),
                    ("SK", 1.0), ("CZ", 1.0), ("UA", 1.0), ("BY", 1.0), ("RU", 1.0))


@dataclass
class FlatPlate:
    plate: Plate
    image: np.ndarray   # BGR, uint8
    alpha: np.ndarray   # uint8, 0 outside the rounded corners


@dataclass(frozen=True)
class Face:
    """A typeface for plate text, and how much to widen its glyphs."""

    path: str
    widen: float
    cell: float = 0.0   # fixed pitch: a character cell's width in cap heights; 0 sets glyphs at fixed gaps


DIN = Face(FONT_PATH, DIN_WIDEN)
# Ink below the line past this share of the cap height is a descender
# (_glyph); round letters overshoot the line by about 3 %.
DESCENT_KEPT = 0.06


def _check_font(path: str) -> None:
    if not os.path.exists(path):
        raise FileNotFoundError(f"plate font {path} is missing "
                                "(Debian package fonts-opendin, or set ANPR_SYNTH_FONT)")


@functools.lru_cache(maxsize=None)
def _freetype(path: str):
    _check_font(path)
    ft = cv2.freetype.createFreeType2()
    ft.loadFontData(path, 0)
    return ft


@functools.lru_cache(maxsize=None)
def _pillow_font(path: str, font_px: int):
    from PIL import ImageFont
    _check_font(path)
    return ImageFont.truetype(path, font_px)


def _draw_char(path: str, char: str, font_px: int, size: tuple[int, int], baseline: tuple[int, int]) -> np.ndarray:
    """`char` at `font_px` as a coverage mask of `size` (w, h), its baseline
    starting at `baseline`. OpenCV's FreeType module draws it where OpenCV has
    its contrib modules (Debian's does); elsewhere (pip's
    opencv-python-headless, on a training machine) Pillow draws the same
    outlines through FreeType, so data can be generated there too."""
    if hasattr(cv2, "freetype"):
        canvas = np.zeros((size[1], size[0], 3), np.uint8)
        _freetype(path).putText(canvas, char, baseline, font_px, (255, 255, 255), -1, cv2.LINE_AA, True)
        return canvas[..., 0]
    from PIL import Image, ImageDraw
    canvas = Image.new("L", size, 0)
    ImageDraw.Draw(canvas).text(baseline, char, fill=255, font=_pillow_font(path, font_px), anchor="ls")
    return np.asarray(canvas).copy()


@functools.lru_cache(maxsize=None)
def _ink_box(path: str, char: str) -> tuple:
    """Width and height of `char`'s ink in `path` at 200 px: the font's proportions."""
    canvas = _draw_char(path, char, 200, (400, 400), (20, 300))
    rows, cols = np.flatnonzero(canvas.max(axis=1)), np.flatnonzero(canvas.max(axis=0))
    return cols[-1] - cols[0] + 1, rows[-1] - rows[0] + 1


def _cap_ratio(path: str) -> float:
    return CAP_RATIO if path == FONT_PATH else _ink_box(path, "H")[1] / 200.0


@functools.lru_cache(maxsize=4096)
def _glyph(char: str, cap_px: int, face: Face = DIN) -> np.ndarray:
    """Coverage mask of one character, cap-height tall, widened by face.widen.

    Rows span exactly the cap height so that a hyphen keeps its height on
    the line; columns are cropped to the ink. A glyph that descends below
    the line (the J of DejaVu, Noto and Open Sans, most faces' Q) is drawn
    whole and squeezed into the cap height, as plate makers set such faces:
    cut at the line, J was a bare stroke the image of I, and Q lost its tail.
    """
    font_px = max(4, int(round(cap_px / _cap_ratio(face.path))))
    pad = cap_px // 2 + 2
    canvas = _draw_char(face.path, char, font_px, (font_px * 2 + 8, cap_px + 2 * pad), (2, cap_px + pad))
    cols = np.flatnonzero(canvas.max(axis=0))
    if cols.size == 0:
        raise ValueError(f"font {face.path} has no glyph for {char!r}")
    bottom = pad + cap_px
    inked = np.flatnonzero(canvas.max(axis=1))
    if inked[-1] + 1 - bottom > DESCENT_KEPT * cap_px:
        bottom = inked[-1] + 1
    mask = canvas[pad:bottom, cols[0]:cols[-1] + 1]
    width = max(1, int(round(mask.shape[1] * face.widen)))
    return cv2.resize(mask, (width, cap_px), interpolation=cv2.INTER_LINEAR)


def _pick_face(plate: Plate) -> Face:
    """DIN, or with ANPR_SYNTH_FONTS one of its faces, scaled to DIN's width
    and then some (0.85-1.15): real plates are set in faces the generator
    lacks (FE-Schrift, the Spanish and Ukrainian faces), and a reader that
    saw only DIN learns DIN's letter shapes, not letters. Drawn from the
    plate's text, not the random stream, so that the output without the
    variable stays what it was and tools/train/synth_rows.py, drawing the
    plate again to find its rows, draws it in the same face. With
    ANPR_SYNTH_FIXED_PITCH a share of plates is set in fixed-pitch cells,
    drawn the same way."""
    draw = np.random.default_rng(list(hashlib.md5(f"{plate.country}|{plate.text}".encode()).digest()))
    face = DIN
    if EXTRA_FONTS and draw.random() >= DIN_SHARE_WITH_FONTS:
        path = EXTRA_FONTS[int(draw.integers(len(EXTRA_FONTS)))]
        din_w, din_h = _ink_box(FONT_PATH, "0")
        w, h = _ink_box(path, "0")
        face = Face(path, round(DIN_WIDEN * (din_w / din_h) / (w / h) * float(draw.uniform(0.85, 1.15)), 2))
    if FIXED_PITCH_SHARE and draw.random() < FIXED_PITCH_SHARE:
        zero = _glyph("0", 100, face).shape[1] / 100
        face = dataclasses.replace(face, cell=round(zero * float(draw.uniform(1.0, 1.2)), 2))
    return face


def text_mask(text: str, cap_px: int, small_letters: bool = False, face: Face = DIN) -> np.ndarray:
    """Characters in the plate font as a coverage mask, cap_px tall.

    Spaces are not laid out here (plates space groups by rule, see
    _row_items); signs in the background use this too.
    """
    gap = max(1, int(round(CHAR_GAP * cap_px)))
    parts = []
    for ch in text:
        if small_letters and ch.isalpha():
            g = _glyph(ch, max(2, int(round(cap_px * RU_LETTER_SCALE))), face)
            g = np.vstack([np.zeros((cap_px - g.shape[0], g.shape[1]), np.uint8), g])
        else:
            g = _glyph(ch, cap_px, face)
        pad = max(0, int(round(face.cell * cap_px)) - g.shape[1])
        if pad:
            g = np.pad(g, ((0, 0), (pad // 2, pad - pad // 2)))
        parts += [g, np.zeros((cap_px, gap), np.uint8)]
    return np.hstack(parts[:-1])


def _rounded_rect_mask(w: int, h: int, r: int) -> np.ndarray:
    mask = np.zeros((h, w), np.uint8)
    r = max(1, min(r, w // 2, h // 2))
    cv2.rectangle(mask, (r, 0), (w - 1 - r, h - 1), 255, -1)
    cv2.rectangle(mask, (0, r), (w - 1, h - 1 - r), 255, -1)
    for cx, cy in ((r, r), (w - 1 - r, r), (r, h - 1 - r), (w - 1 - r, h - 1 - r)):
        cv2.circle(mask, (cx, cy), r, 255, -1, cv2.LINE_AA)
    return mask


def _star(img, cx: float, cy: float, r: float, colour) -> None:
    ang = -np.pi / 2 + np.arange(10) * np.pi / 5
    rad = np.where(np.arange(10) % 2 == 0, r, r * 0.4)
    pts = np.stack([cx + rad * np.cos(ang), cy + rad * np.sin(ang)], 1)
    cv2.fillPoly(img, [np.round(pts * 16).astype(np.int32)], colour, cv2.LINE_AA, 4)


def _paste_mask(img, mask: np.ndarray, x: int, y: int, colour) -> None:
    """Blends `colour` into img through a coverage mask at (x, y), clipped."""
    h, w = mask.shape
    x0, y0 = max(x, 0), max(y, 0)
    x1, y1 = min(x + w, img.shape[1]), min(y + h, img.shape[0])
    if x1 <= x0 or y1 <= y0:
        return
    roi = img[y0:y1, x0:x1]
    layer = np.empty_like(roi)
    layer[:] = colour
    paint.blend(roi, layer, np.ascontiguousarray(mask[y0 - y:y1 - y, x0 - x:x1 - x]))


def _fit_code(code: str, cap_px: int, max_w: int, stretch: float = 1.0, weight: int = 0) -> np.ndarray:
    mask = text_mask(code, cap_px)
    if stretch != 1.0:
        mask = cv2.resize(mask, (max(1, int(round(mask.shape[1] * stretch))), mask.shape[0]),
                          interpolation=cv2.INTER_AREA)
    if weight:
        kernel = np.ones((1 + abs(weight), 1 + abs(weight)), np.uint8)
        mask = cv2.dilate(mask, kernel) if weight > 0 else cv2.erode(mask, kernel)
    if mask.shape[1] > max_w:
        mask = cv2.resize(mask, (max_w, mask.shape[0]), interpolation=cv2.INTER_AREA)
    return mask


def _draw_flag(img, name: str, x: int, y: int, w: int, h: int) -> None:
    stripes = FLAGS[name]
    total = sum(rel for _, rel in stripes)
    top = float(y)
    for colour, rel in stripes:
        bottom = top + h * rel / total
        cv2.rectangle(img, (x, int(round(top))), (x + w - 1, int(round(bottom)) - 1), colour, -1)
        top = bottom


@dataclass(frozen=True)
class _StripLayout:
    """Proportions of one plate's strip, as factors of the standard layout."""

    width: float = 1.0
    code_size: float = 1.0
    code_stretch: float = 1.0
    code_weight: int = 0        # px of dilation (>0) or erosion (<0) of the code
    code_lift: float = 0.08     # code baseline above the strip's foot, in plate heights
    ring: float = 1.0

    @staticmethod
    def draw(rng: np.random.Generator) -> "_StripLayout":
        if not STRIP_VARIETY:
            return _StripLayout()
        return _StripLayout(width=float(rng.uniform(0.8, 1.1)), code_size=float(rng.uniform(0.55, 1.05)),
                            code_stretch=float(rng.uniform(0.75, 1.25)), code_weight=int(rng.integers(-1, 2)),
                            code_lift=float(rng.uniform(0.04, 0.14)), ring=float(rng.uniform(0.75, 1.1)))


def _draw_band(img, style: Style, s: float, text_ink, layout: _StripLayout) -> float:
    """Draws the left band; returns where the text area may start (mm)."""
    band = style.band
    w_mm, h_mm = style.size_mm
    if band is None:
        return 8.0
    bw = (44.0 * min(1.0, h_mm / 110.0) if w_mm >= 400 else 36.0) * layout.width * band.width
    x0, y0, y1 = 2.0, 2.0, h_mm - 2.0
    if band.colour is not None:
        cv2.rectangle(img, (int(x0 * s), int(y0 * s)), (int((x0 + bw) * s), int(y1 * s)),
                      band.colour, -1)
    cx = (x0 + bw / 2) * s
    code_cap = int(round(min(22.0, 0.2 * h_mm + 4) * layout.code_size * s))
    code_ink = WHITE if band.colour is not None else text_ink
    if band.flag is None:
        ring_r, star_r = 0.3 * bw * s * layout.ring, 0.07 * bw * s * layout.ring
        ring_cy = y0 * s + ring_r + 0.16 * bw * s
        for k in range(12):
            a = k * np.pi / 6
            _star(img, cx + ring_r * np.cos(a), ring_cy + ring_r * np.sin(a), star_r, EU_YELLOW)
    else:
        fw, fh = int(0.7 * bw * s), int(0.45 * bw * s)
        _draw_flag(img, band.flag, int(cx - fw / 2), int((y0 + 0.12 * bw) * s), fw, fh)
    code = _fit_code(band.code, max(3, code_cap), int(0.82 * bw * s), layout.code_stretch, layout.code_weight)
    _paste_mask(img, code, int(cx - code.shape[1] / 2),
                int((y1 - layout.code_lift * h_mm) * s) - code.shape[0], code_ink)
    if band.rule:
        cv2.line(img, (int((x0 + bw + 1.5) * s), int((y0 + 3) * s)), (int((x0 + bw + 1.5) * s), int((y1 - 3) * s)),
                 text_ink, max(1, int(round(1.2 * s))))
    return x0 + bw + 4.0


def _emblem_image(kind: str, size: int, rng: np.random.Generator):
    """A small colour emblem (BGR + alpha), `size` px tall."""
    h, w = size, int(size * {"de_seals": 0.48, "hu_seals": 0.45}.get(kind, 0.8))
    img = np.full((h, w, 3), 255, np.uint8)
    alpha = np.zeros((h, w), np.uint8)
    if kind == "hu_seals":
        # A red, yellow or blue sticker over the hyphen, a green, blue or silver one under it;
        # faded ones and a gray hyphen are as common as bright ones (in gray
        # they are lighter than the characters, not as dark).
        r = max(1, int(h * 0.19))
        over = [(60, 50, 200), (60, 50, 200), (30, 200, 230), (170, 110, 40)][int(rng.integers(4))]
        under = [(70, 160, 60), (170, 110, 40), (175, 175, 170)][int(rng.integers(3))]
        for cy, colour in ((int(h * 0.19), over), (int(h * 0.81), under)):
            colour = tuple(int(c + (250 - c) * rng.uniform(0.0, 0.3)) for c in colour)
            cv2.circle(img, (w // 2, cy), r, colour, -1, cv2.LINE_AA)
            cv2.circle(alpha, (w // 2, cy), r, 255, -1, cv2.LINE_AA)
            cv2.circle(img, (w // 2, cy), max(1, r // 2), tuple(int(c * 0.7) for c in colour), 1, cv2.LINE_AA)
        t = max(1, int(round(h * 0.09)))
        dash = int(rng.uniform(25, 150))
        cv2.rectangle(img, (int(w * 0.12), h // 2 - t // 2), (int(w * 0.88), h // 2 - t // 2 + t), (dash,) * 3, -1)
        cv2.rectangle(alpha, (int(w * 0.12), h // 2 - t // 2), (int(w * 0.88), h // 2 - t // 2 + t), 255, -1)
        return img, alpha
    if kind == "de_seals":
        r = w // 2 - 1
        hu = [(60, 160, 240), (80, 200, 80), (200, 120, 60), (180, 110, 200),
              (40, 200, 230), (120, 90, 160)][int(rng.integers(6))]
        for cy, colour in ((int(h * 0.27), hu), (int(h * 0.75), (225, 225, 225))):
            cv2.circle(img, (w // 2, cy), r, colour, -1, cv2.LINE_AA)
            cv2.circle(alpha, (w // 2, cy), r, 255, -1, cv2.LINE_AA)
            cv2.circle(img, (w // 2, cy), max(1, r // 3), (40, 40, 40), -1, cv2.LINE_AA)
        return img, alpha
    shield = np.array([[0, 0], [w - 1, 0], [w - 1, h * 0.6], [w / 2, h - 1], [0, h * 0.6]])
    pts = [np.round(shield * 16).astype(np.int32)]
    cv2.fillPoly(img, pts, (40, 30, 200), cv2.LINE_AA, 4)
    cv2.fillPoly(alpha, pts, 255, cv2.LINE_AA, 4)
    t = max(1, w // 8)
    if kind == "hr_arms":
        # The Croatian chequy: red and white squares, five by five, down to the point.
        cell_w, cell_h = w / 5, h * 0.85 / 5
        for row in range(5):
            for col in range(5):
                if (row + col) % 2:
                    x0, y0 = int(col * cell_w), int(row * cell_h)
                    img[y0:int(y0 + cell_h) + 1, x0:int(x0 + cell_w) + 1] = WHITE
        img[alpha == 0] = 255
    elif kind == "sk_arms":
        cv2.ellipse(img, (w // 2, int(h * 0.95)), (w // 2, int(h * 0.28)), 0, 180, 360,
                    (160, 60, 10), -1, cv2.LINE_AA)
        cv2.line(img, (w // 2, int(h * 0.12)), (w // 2, int(h * 0.7)), WHITE, t)
        for yy, half in ((0.3, 0.25), (0.48, 0.33)):
            cv2.line(img, (int(w * (0.5 - half)), int(h * yy)),
                     (int(w * (0.5 + half)), int(h * yy)), WHITE, t)
    else:
        cv2.ellipse(img, (w // 2, int(h * 0.45)), (int(w * 0.28), int(h * 0.2)), 0, 0, 360,
                    WHITE, -1, cv2.LINE_AA)
        cv2.line(img, (int(w * 0.3), int(h * 0.62)), (int(w * 0.4), int(h * 0.78)), WHITE, t)
        cv2.line(img, (int(w * 0.68), int(h * 0.62)), (int(w * 0.6), int(h * 0.78)), WHITE, t)
    return img, alpha


def _row_items(row: str, cap_px: int, style: Style, with_emblem: bool,
               first_row: bool, rng: np.random.Generator, face: Face = DIN):
    """The row as ('ink', mask) / ('colour', (bgr, alpha)) / ('gap', px) items."""
    emblem = style.emblem if with_emblem and first_row else None
    if emblem == "hu_seals" and "-" in row:
        left, right = row.split("-", 1)
        pad = int(cap_px * 0.1)
        return (_row_items(left, cap_px, style, False, first_row, rng, face)
                + [("gap", pad), ("colour", _emblem_image(emblem, int(cap_px * 0.95), rng)), ("gap", pad)]
                + _row_items(right, cap_px, style, False, first_row, rng, face))
    groups = row.split(" ")
    if style.region_box:
        groups = groups[:1]
    items = []
    if emblem == "lt_arms":
        items += [("colour", _emblem_image(emblem, int(cap_px * 0.8), rng)),
                  ("gap", int(cap_px * 0.25))]
    for i, group in enumerate(groups):
        if i > 0:
            if i == 1 and emblem in ("de_seals", "sk_arms", "hr_arms"):
                pad = int(cap_px * 0.12)
                items += [("gap", pad),
                          ("colour", _emblem_image(emblem, int(cap_px * 0.95), rng)),
                          ("gap", pad)]
            else:
                items.append(("gap", int(SPACE_GAP * cap_px)))
        items.append(("ink", text_mask(group, cap_px, small_letters=style.region_box, face=face)))
    if emblem == "hr_arms" and len(groups) == 1:
        # A Croatian motorcycle plate's top row is the area code alone; the arms follow it.
        pad = int(cap_px * 0.12)
        items += [("gap", pad), ("colour", _emblem_image(emblem, int(cap_px * 0.95), rng))]
    return items


def _item_width(item) -> int:
    kind, v = item
    return v if kind == "gap" else (v.shape[1] if kind == "ink" else v[0].shape[1])


def _draw_row(img, ink_layer, items, x0: int, x1: int, top: int, cap_px: int) -> None:
    """Centres the row between x0 and x1, squeezing it if it is too wide.

    Characters go to `ink_layer` (inked and embossed later, all at once);
    emblems are printed straight onto `img`.
    """
    total = sum(_item_width(it) for it in items)
    squeeze = min(1.0, (x1 - x0) / max(total, 1))
    x = x0 + ((x1 - x0) - total * squeeze) / 2
    for kind, v in items:
        w = max(1, int(round(_item_width((kind, v)) * squeeze)))
        xi = int(x)
        if kind == "ink":
            m = cv2.resize(v, (w, v.shape[0]))
            sub = ink_layer[top:top + m.shape[0], xi:xi + w]
            np.maximum(sub, m[:sub.shape[0], :sub.shape[1]], out=sub)
        elif kind == "colour":
            col, a = (cv2.resize(p, (w, p.shape[0])) for p in v)
            y = top + (cap_px - col.shape[0]) // 2
            sub = img[y:y + col.shape[0], xi:xi + w]
            paint.blend(sub, np.ascontiguousarray(col[:sub.shape[0], :sub.shape[1]]),
                        np.ascontiguousarray(a[:sub.shape[0], :sub.shape[1]]))
        x += w


def _draw_region_box(img, region: str, style: Style, s: float) -> float:
    """Russian region box at the right; returns where the main text must end (mm)."""
    w_mm, h_mm = style.size_mm
    bx = w_mm - 118.0
    cv2.line(img, (int(bx * s), int(3 * s)), (int(bx * s), int((h_mm - 3) * s)),
             style.ink, max(1, int(round(1.6 * s))))
    cx = (bx + w_mm - 3) / 2 * s
    digits = text_mask(region, int(round(0.5 * h_mm * s)))
    digits = cv2.resize(digits, (min(digits.shape[1], int(100 * s)), digits.shape[0]))
    _paste_mask(img, digits, int(cx - digits.shape[1] / 2), int(0.1 * h_mm * s), style.ink)
    rus = text_mask("RUS", int(round(0.15 * h_mm * s)))
    fw, fh = int(22 * s), int(14 * s)
    total = rus.shape[1] + int(3 * s) + fw
    rx = int(cx - total / 2)
    ry = int((h_mm - 8) * s) - rus.shape[0]
    _paste_mask(img, rus, rx, ry, style.ink)
    _draw_flag(img, "RU", rx + rus.shape[1] + int(3 * s), ry + (rus.shape[0] - fh) // 2, fw, fh)
    cv2.rectangle(img, (rx + rus.shape[1] + int(3 * s), ry + (rus.shape[0] - fh) // 2),
                  (rx + rus.shape[1] + int(3 * s) + fw, ry + (rus.shape[0] - fh) // 2 + fh),
                  style.ink, 1)
    return bx - 5.0


def _emboss(img, ink_mask: np.ndarray, s: float, strength: float) -> np.ndarray:
    """Pressed characters: a light edge above-left, a dark one below-right."""
    d = max(1, int(round(0.7 * s)))
    m = ink_mask.astype(np.float32) / 255.0
    shade = np.zeros_like(m)
    shade[d:, d:] -= np.clip(m[:-d, :-d] - m[d:, d:], 0, 1)
    shade[:-d, :-d] += np.clip(m[d:, d:] - m[:-d, :-d], 0, 1) * 0.6
    return paint.modulate(img, 1.0 + strength * shade)


def _wear(img, rng: np.random.Generator, amount: float) -> np.ndarray:
    """Dirt and uneven reflective sheeting: slow multiplicative blotches."""
    h, w = img.shape[:2]
    low = rng.standard_normal((3, 6)).astype(np.float32)
    blotch = cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC)
    grad = np.linspace(1.0 + 0.03 * rng.standard_normal(), 1.0, h, dtype=np.float32)[:, None]
    gain = (1.0 - amount * np.clip(blotch, 0, None) * 0.12) * grad
    return paint.modulate(img, gain)


def render_plate(plate: Plate, px_per_mm: float, rng: np.random.Generator) -> FlatPlate:
    """The plate as it would look photographed flat and front-on, unlit."""
    style = style_for(plate)
    if STRIP_SHUFFLE:
        names, weights = zip(*_SHUFFLED_STRIPS)
        country = names[int(rng.choice(len(names), p=np.array(weights) / sum(weights)))]
        style = dataclasses.replace(style, band=strip_of(country))
        plate = dataclasses.replace(plate, country=country)
    s = float(px_per_mm)
    w_mm, h_mm = style.size_mm
    W, H = max(8, int(round(w_mm * s))), max(4, int(round(h_mm * s)))
    tint = rng.normal(0, 4, 3)
    img = np.empty((H, W, 3), np.uint8)
    img[:] = np.clip(np.array(style.background) + tint, 0, 255)

    text_x0 = _draw_band(img, style, s, style.ink, _StripLayout.draw(rng))
    text_x1 = w_mm - 8.0
    if style.region_box:
        text_x1 = _draw_region_box(img, plate.rows[0].split(" ")[-1], style, s)

    n = len(plate.rows)
    margin, row_gap = 0.12 * h_mm, 0.07 * h_mm
    cap_mm = min((h_mm - 2 * margin - (n - 1) * row_gap) / n, 0.68 * h_mm)
    cap_px = max(3, int(round(cap_mm * s)))
    block = n * cap_mm + (n - 1) * row_gap
    ink_layer = np.zeros((H, W), np.uint8)
    with_emblem = style.emblem is not None and rng.random() < style.emblem_share
    face = _pick_face(plate)
    for i, row in enumerate(plate.rows):
        top = int(round(((h_mm - block) / 2 + i * (cap_mm + row_gap)) * s))
        items = _row_items(row, cap_px, style, with_emblem, i == 0, rng, face)
        _draw_row(img, ink_layer, items, int(text_x0 * s), int(text_x1 * s), top, cap_px)
    _paste_mask(img, ink_layer, 0, 0, style.ink)

    border_px = max(1, int(round(1.1 * s)))
    inset = int(round(1.2 * s))
    cv2.rectangle(img, (inset, inset), (W - 1 - inset, H - 1 - inset), style.ink,
                  border_px, cv2.LINE_AA)
    img = _emboss(img, ink_layer, s, float(rng.uniform(0.1, 0.3)))
    img = _wear(img, rng, float(rng.uniform(0.0, 0.5)))
    return FlatPlate(plate, img, _rounded_rect_mask(W, H, int(round(4.0 * s))))

"""What each country's plate looks like: size, colours, side band, emblems.

Kept apart from the drawing code so that adding a country or fixing a colour
is a data change.  Sizes are the registry sizes in millimetres; the renderer
works in millimetres too, so proportions (band width, character height,
border) stay right at any output resolution.  Colours are BGR, as OpenCV
wants them.
"""

from __future__ import annotations

from dataclasses import dataclass

from plate_text import Plate

EU_BLUE = (153, 51, 0)
EU_YELLOW = (0, 204, 255)
WHITE = (245, 245, 242)
BLACK = (25, 22, 20)
TAXI_YELLOW = (20, 200, 245)
NL_YELLOW = (10, 190, 250)
BE_RED = (40, 30, 170)

# Flags as horizontal stripes (BGR, relative height), top to bottom.
FLAGS = {
    "BY": (((40, 30, 200), 2.0), ((50, 140, 20), 1.0)),
    "RU": (((250, 250, 250), 1.0), ((170, 60, 0), 1.0), ((40, 30, 210), 1.0)),
    "UA": (((187, 91, 0), 1.0), ((0, 213, 255), 1.0)),
    "HU": (((50, 40, 205), 1.0), ((250, 250, 250), 1.0), ((60, 140, 40), 1.0)),
}


@dataclass(frozen=True)
class Band:
    """The strip at the left edge: EU stars or a national flag over a code."""

    code: str
    colour: tuple[int, int, int] | None  # None: no strip, code on plate white
    flag: str | None = None               # FLAGS key drawn instead of EU stars
    width: float = 1.0                    # of the EU strip's width
    rule: bool = False                    # a line between strip and text


@dataclass(frozen=True)
class Style:
    size_mm: tuple[float, float]
    background: tuple[int, int, int]
    ink: tuple[int, int, int]
    band: Band | None
    # Something printed in the first gap of the top row instead of a space
    # (German inspection seals, Slovak and Croatian arms), around the hyphen
    # (Hungarian stickers) or before the text (Lithuanian
    # arms, only on plates made since October 2023, hence the share).
    emblem: str | None = None
    emblem_share: float = 1.0
    # Russian plates put the region code in a framed box with the flag.
    region_box: bool = False


_BANDS = {
    "LV": Band("LV", EU_BLUE),
    "LT": Band("LT", EU_BLUE),
    "EE": Band("EST", EU_BLUE),
    "PL": Band("PL", EU_BLUE),
    "FI": Band("FIN", EU_BLUE),
    "DE": Band("D", EU_BLUE),
    "SK": Band("SK", EU_BLUE),
    "CZ": Band("CZ", EU_BLUE),
    "HU": Band("H", EU_BLUE),
    "HR": Band("HR", EU_BLUE),
    "NL": Band("NL", EU_BLUE),
    "BE": Band("B", EU_BLUE),
    "FR": Band("F", EU_BLUE),
    "IT": Band("I", EU_BLUE),
    "SE": Band("S", EU_BLUE),
    "ES": Band("E", EU_BLUE),
    "RO": Band("RO", EU_BLUE),
    "UA": Band("UA", EU_BLUE, flag="UA"),
    "BY": Band("BY", None, flag="BY"),
}

# Series whose strip is not the country's current one.
# A Ukrainian motorcycle plate has no strip: the flag stands in its top left
# corner and `UA` is printed under it in the plate's ink, beside the last row.
# A Croatian one (200 x 200 mm, three rows) has none either.
_SERIES_BANDS = {("HU", "pre2004"): Band("H", None, flag="HU", width=0.6, rule=True),
                 ("UA", "motorcycle"): Band("UA", None, flag="UA", width=0.8),
                 ("HR", "motorcycle"): None}

_STANDARD_SIZE = {"FI": (442.0, 118.0), "RU": (520.0, 112.0)}
_LAYOUT_SIZE = {
    ("LT", "square"): (300.0, 150.0),
    ("LT", "motorcycle"): (230.0, 150.0),
    ("UA", "motorcycle"): (220.0, 170.0),
    ("HR", "motorcycle"): (200.0, 200.0),
    (None, "square"): (280.0, 200.0),
    (None, "motorcycle"): (240.0, 130.0),
}
# Hungarian validity stickers sit above and below the hyphen; some cars lack them.
_EMBLEMS = {"DE": ("de_seals", 1.0), "SK": ("sk_arms", 1.0), "HR": ("hr_arms", 1.0),
            "LT": ("lt_arms", 0.3), "HU": ("hu_seals", 0.85)}


def strip_of(country: str) -> Band | None:
    """The left strip of `country`'s plates; None where they have none."""
    return _BANDS.get(country)


def style_for(plate: Plate) -> Style:
    """The look of `plate`, from its country, series and layout."""
    if plate.layout == "standard":
        size = _STANDARD_SIZE.get(plate.country, (520.0, 110.0))
    else:
        size = _LAYOUT_SIZE.get((plate.country, plate.layout),
                                _LAYOUT_SIZE[(None, plate.layout)])
    background = TAXI_YELLOW if plate.series == "taxi" else NL_YELLOW if plate.country == "NL" else WHITE
    ink = BE_RED if plate.country == "BE" else BLACK
    emblem, share = _EMBLEMS.get(plate.country, (None, 0.0))
    on_standard = plate.layout == "standard" and plate.series in ("regular", "vanity", "pre2004")
    if not on_standard and (plate.country, plate.series) != ("HR", "motorcycle"):
        emblem = None
    band = _SERIES_BANDS.get((plate.country, plate.series), strip_of(plate.country))
    return Style(size_mm=size, background=background, ink=ink,
                 band=band, emblem=emblem,
                 emblem_share=share, region_box=plate.country == "RU")

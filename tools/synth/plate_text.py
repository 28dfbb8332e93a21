"""Random, valid registration strings for the plate formats the border sees.

The recognition engine is trained and scored on synthetic plates, so every
string produced here must be one a registry could actually issue: wrong
alphabets or impossible lengths would teach the engine to read plates that
do not exist.  Each series is written once, as a list of fields, and both the
generator and the validating regular expression are derived from that list so
that they cannot drift apart.

A plate may have several rows (square and motorcycle plates); its label is
the rows joined by one space, as in the real-data ground truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

DIGITS = "0123456789"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Latvian serials skip I (confused with 1) and the letters Latvian lacks.
LV_LETTERS = "ABCDEFGHJKLMNOPRSTUVZ"
LT_LETTERS = "ABCDEFGHIJKLMNOPRSTUVYZ"
EE_LETTERS = "ABCDEFGHIJKLMNOPRSTUVXYZ"
FI_LETTERS = "ABCDEFGHIJKLMNOPRSTUVXYZ"
# Cyrillic registries only issue letters that have a Latin twin, so the plate
# reads the same in both scripts; labels use the Latin twin.
RU_LETTERS = "ABEKMHOPCTYX"
BY_LETTERS = "ABEIKMHOPCTX"
UA_LETTERS = "ABCEHIKMOPTX"
CZ_REGION_LETTERS = "ABCEHJKLMPSTUZ"
PL_LETTERS = "ACEFGHJKLMNPRSTUVWXY"
# Croatian letters: no Q, W, X, Y (diacritic letters are left out).
HR_LETTERS = "ABCDEFGHIJKLMNOPRSTUVZ"
# Letter sets of the catalogue's rows (common/plate/plate_format.cc).
NL_LETTERS = "BDFGHJKLNPRSTVXZ"
FR_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"
IT_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
SE_LETTERS = "ABCDEFGHJKLMNOPRSTUWXYZ"
ES_LETTERS = "BCDFGHJKLMNPRSTVWXYZ"
RO_LETTERS = "ABCDEFGHIJKLMNOPRSTUVWXYZ"


@dataclass(frozen=True)
class Field:
    """A run of characters drawn from one alphabet."""

    chars: str
    min_len: int
    max_len: int
    first_chars: str | None = None
    needs_letter: bool = False

    def generate(self, rng: np.random.Generator) -> str:
        n = int(rng.integers(self.min_len, self.max_len + 1))
        pool = np.array(list(self.chars))
        out = list(rng.choice(pool, n))
        if self.first_chars:
            out[0] = str(rng.choice(np.array(list(self.first_chars))))
        if self.needs_letter and not any(c.isalpha() for c in out):
            letters = np.array([c for c in self.chars if c.isalpha()])
            out[int(rng.integers(n))] = str(rng.choice(letters))
        return "".join(out)

    def regex(self) -> str:
        ahead = f"(?=[{self.chars}]*[A-Z])" if self.needs_letter else ""
        if self.first_chars:
            return (f"{ahead}[{self.first_chars}]"
                    f"[{self.chars}]{{{self.min_len - 1},{self.max_len - 1}}}")
        return f"{ahead}[{self.chars}]{{{self.min_len},{self.max_len}}}"


@dataclass(frozen=True)
class OneOf:
    """A fixed code taken from a list (district codes, taxi prefixes)."""

    options: tuple[str, ...]

    def generate(self, rng: np.random.Generator) -> str:
        return self.options[int(rng.integers(len(self.options)))]

    def regex(self) -> str:
        return "(?:" + "|".join(re.escape(o) for o in self.options) + ")"


@dataclass(frozen=True)
class Lit:
    """Separator printed on the plate; ROW starts a new row."""

    text: str

    def generate(self, rng: np.random.Generator) -> str:
        return self.text

    def regex(self) -> str:
        return " " if self.text == ROW_BREAK else re.escape(self.text)


ROW_BREAK = "\n"
ROW = Lit(ROW_BREAK)


def letters(alphabet: str, n: int, m: int | None = None) -> Field:
    return Field(alphabet, n, m or n)


def digits(n: int, m: int | None = None) -> Field:
    return Field(DIGITS, n, m or n)


def number(n: int, m: int) -> Field:
    """Serial number printed without leading zeros."""
    return Field(DIGITS, n, m, first_chars="123456789")


def vanity(alphabet: str, n: int, m: int) -> Field:
    """Personalised plate: free letters and digits, never digits only."""
    return Field(alphabet + DIGITS, n, m, needs_letter=True)


@dataclass(frozen=True)
class Series:
    """One kind of plate a country issues.

    `layout` tells the renderer which plate shape carries it:
    standard (one row, 520 mm class), square (two rows, car) or
    motorcycle (two rows, small).  `max_chars` caps the length without
    separators where the registry caps it (Germany: 8).
    """

    name: str
    weight: float
    fields: tuple
    layout: str = "standard"
    max_chars: int | None = None

    def regex(self) -> re.Pattern:
        return re.compile("".join(f.regex() for f in self.fields))


@dataclass(frozen=True)
class Plate:
    country: str
    series: str
    layout: str
    rows: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.rows)


LV_TAXI = OneOf(("TX", "TE"))
DE_DISTRICTS = OneOf((
    "A", "AC", "B", "BI", "BN", "BO", "C", "D", "DD", "DO", "DU", "E", "EF",
    "F", "FR", "GE", "H", "HB", "HD", "HH", "HL", "J", "K", "KA", "KI", "KO",
    "KR", "L", "M", "MA", "MD", "MG", "MS", "MZ", "N", "OL", "OS", "PB", "R",
    "RE", "S", "SB", "TR", "UL", "W", "WI", "WOB", "REG", "HAL", "LDS", "PAF",
))
PL_REGIONS = OneOf((
    "WA", "WB", "WE", "WW", "KR", "KK", "GD", "GA", "PO", "PZ", "WR", "DW",
    "LU", "LB", "SK", "SY", "BI", "BL", "EL", "ZS", "NO", "OP", "RZ", "TK",
    "CB", "FZ", "CT",
))
PL_COUNTIES = OneOf((
    "KRA", "WPI", "WZ", "GDA", "PZ", "DWR", "LLU", "SBI", "BIA", "ELW",
    "ZSZ", "NOL", "OPO", "RZE", "TKI", "CTR", "FZI", "WOT", "KNS", "SWD",
))
UA_REGIONS = OneOf((
    "AA", "KA", "AB", "AC", "AE", "AH", "AI", "AK", "AM", "AO", "AP", "AT",
    "AX", "BA", "BB", "BC", "BE", "BH", "BI", "BK", "BM", "BO", "BT", "BX",
    "CA", "CB", "CE", "KI", "II",
))
# The commonest Croatian registration areas, diacritics dropped as labels do.
HR_AREAS = OneOf((
    "ZG", "ST", "RI", "OS", "ZD", "PU", "SB", "KA", "VK", "BJ", "DU", "SK",
    "VU", "KR", "PZ", "VT", "BM", "DA", "NA", "SI",
))
RO_COUNTIES = OneOf((
    "AB", "AG", "AR", "BC", "BH", "BN", "BR", "BT", "BV", "BZ", "CJ", "CL", "CS", "CT", "CV", "DB", "DJ",
    "GJ", "GL", "GR", "HD", "HR", "IF", "IL", "IS", "MH", "MM", "MS", "NT", "OT", "PH", "SB", "SJ", "SM",
    "SV", "TL", "TM", "TR", "VL", "VN", "VS",
))
SK_DISTRICTS = OneOf((
    "BA", "BL", "BB", "BJ", "KE", "KS", "NR", "NZ", "PO", "PP", "PD", "TT",
    "TN", "ZA", "LM", "MT", "TV", "SL", "SC", "DS",
))
RU_REGIONS = OneOf(tuple(f"{r:02d}" for r in range(1, 100)) + (
    "102", "116", "123", "124", "134", "138", "150", "152", "154", "159",
    "161", "163", "174", "177", "178", "186", "190", "196", "197", "199",
    "750", "761", "777", "790", "797", "799",
))

SERIES: dict[str, tuple[Series, ...]] = {
    "LV": (
        Series("regular", 60, (letters(LV_LETTERS, 2), Lit("-"), number(1, 4))),
        Series("trailer", 5, (letters(LV_LETTERS, 1), Lit("-"), number(1, 4))),
        Series("taxi", 5, (LV_TAXI, Lit("-"), number(1, 4))),
        Series("vanity", 10, (vanity(LV_LETTERS, 2, 8),)),
        Series("square", 12, (letters(LV_LETTERS, 2), ROW, number(1, 4)),
               layout="square"),
        Series("motorcycle", 8, (letters(LV_LETTERS, 2), ROW, number(1, 4)),
               layout="motorcycle"),
    ),
    "LT": (
        Series("regular", 70, (letters(LT_LETTERS, 3), Lit(" "), digits(3))),
        Series("taxi", 5, (Lit("T"), digits(5))),
        Series("vanity", 10, (vanity(LT_LETTERS, 2, 6),)),
        Series("square", 10, (letters(LT_LETTERS, 3), ROW, digits(3)),
               layout="square"),
        Series("motorcycle", 5, (digits(3), ROW, letters(LT_LETTERS, 2)),
               layout="motorcycle"),
    ),
    "EE": (
        Series("regular", 1, (digits(3), Lit(" "), letters(EE_LETTERS, 3))),
    ),
    "PL": (
        Series("regular", 3, (PL_REGIONS, Lit(" "), digits(5))),
        Series("regular", 3, (PL_REGIONS, Lit(" "), digits(4), letters(PL_LETTERS, 1))),
        Series("regular", 3, (PL_REGIONS, Lit(" "), digits(3), letters(PL_LETTERS, 2))),
        Series("regular", 2, (PL_COUNTIES, Lit(" "), digits(4))),
        Series("regular", 2, (PL_COUNTIES, Lit(" "), digits(2), letters(PL_LETTERS, 2))),
    ),
    "BY": (
        Series("regular", 1, (number(4, 4), Lit(" "), letters(BY_LETTERS, 2),
                              Lit("-"), Field("1234567", 1, 1))),
    ),
    "RU": (
        Series("regular", 1, (letters(RU_LETTERS, 1), digits(3),
                              letters(RU_LETTERS, 2), Lit(" "), RU_REGIONS)),
    ),
    "FI": (
        Series("regular", 1, (letters(FI_LETTERS, 3), Lit("-"), number(1, 3))),
    ),
    "DE": (
        Series("regular", 1, (DE_DISTRICTS, Lit(" "), letters(LATIN, 1, 2),
                              Lit(" "), number(1, 4)), max_chars=8),
    ),
    "UA": (
        Series("regular", 1, (UA_REGIONS, Lit(" "), digits(4), Lit(" "),
                              letters(UA_LETTERS, 2))),
        # Motorcycles carry the same text in three rows.
        Series("motorcycle", 0.15, (UA_REGIONS, ROW, digits(4), ROW,
                                    letters(UA_LETTERS, 2)), layout="motorcycle"),
    ),
    "SK": (
        Series("regular", 1, (SK_DISTRICTS, Lit(" "), digits(3), letters(LATIN, 2))),
    ),
    "CZ": (
        Series("regular", 1, (Field("123456789", 1, 1),
                              letters(CZ_REGION_LETTERS, 1),
                              Field(DIGITS + LATIN, 1, 1), Lit(" "), digits(4))),
    ),
    "HU": (
        Series("regular", 2, (letters(LATIN, 3), Lit("-"), digits(3))),
        # The same plates from before 2004: the flag over an H instead of the EU strip.
        Series("pre2004", 1, (letters(LATIN, 3), Lit("-"), digits(3))),
        Series("2022", 1, (letters(LATIN, 2), Lit(" "), letters(LATIN, 2), Lit("-"), digits(3))),
    ),
    "HR": (
        Series("regular", 1, (HR_AREAS, Lit(" "), number(3, 4), Lit("-"), letters(HR_LETTERS, 1, 2))),
        # Motorcycles: the area code (and the arms), the number, the letters in three rows.
        Series("motorcycle", 0.15, (HR_AREAS, ROW, number(3, 4), ROW, letters(HR_LETTERS, 1, 2)),
               layout="motorcycle"),
    ),
    # Dutch sidecodes 7-11 (yellow plates).
    "NL": (
        Series("regular", 1, (digits(2), Lit("-"), letters(NL_LETTERS, 3), Lit("-"), digits(1))),
        Series("regular", 1, (digits(1), Lit("-"), letters(NL_LETTERS, 3), Lit("-"), digits(2))),
        Series("regular", 1, (letters(NL_LETTERS, 2), Lit("-"), digits(3), Lit("-"), letters(NL_LETTERS, 1))),
        Series("regular", 1, (letters(NL_LETTERS, 1), Lit("-"), digits(3), Lit("-"), letters(NL_LETTERS, 2))),
        Series("regular", 1, (letters(NL_LETTERS, 3), Lit("-"), digits(2), Lit("-"), letters(NL_LETTERS, 1))),
    ),
    # Belgian plates are printed in red.
    "BE": (
        Series("regular", 1, (Field("12", 1, 1), Lit("-"), letters(LATIN, 3), Lit("-"), digits(3))),
    ),
    "FR": (
        Series("regular", 1, (letters(FR_LETTERS, 2), Lit("-"), digits(3), Lit("-"), letters(FR_LETTERS, 2))),
    ),
    "IT": (
        Series("regular", 1, (letters(IT_LETTERS, 2), Lit(" "), digits(3), letters(IT_LETTERS, 2))),
    ),
    "SE": (
        Series("regular", 1, (letters(SE_LETTERS, 3), Lit(" "), digits(3))),
    ),
    "ES": (
        Series("regular", 1, (digits(4), Lit(" "), letters(ES_LETTERS, 3))),
    ),
    "RO": (
        Series("regular", 2, (RO_COUNTIES, Lit(" "), digits(2), Lit(" "), letters(RO_LETTERS, 3))),
        Series("regular", 1, (Lit("B"), Lit(" "), digits(2, 3), Lit(" "), letters(RO_LETTERS, 3))),
    ),
}

COUNTRIES = tuple(SERIES)


def _series_of(country: str) -> tuple[Series, ...]:
    try:
        return SERIES[country]
    except KeyError:
        raise ValueError(f"unknown plate country {country!r}; "
                         f"known: {', '.join(COUNTRIES)}") from None


def _from_series(country: str, series: Series, rng: np.random.Generator) -> Plate:
    while True:
        raw = "".join(f.generate(rng) for f in series.fields)
        chars = sum(c.isalnum() for c in raw)
        if series.max_chars is None or chars <= series.max_chars:
            return Plate(country, series.name, series.layout,
                         tuple(raw.split(ROW_BREAK)))


def random_plate(country: str, rng: np.random.Generator,
                 series: str | None = None) -> Plate:
    """A random plate of `country`; any series (weighted) unless one is named."""
    options = _series_of(country)
    if series is not None:
        options = tuple(s for s in options if s.name == series)
        if not options:
            raise ValueError(f"country {country} has no plate series {series!r}")
    weights = np.array([s.weight for s in options], dtype=float)
    chosen = options[int(rng.choice(len(options), p=weights / weights.sum()))]
    return _from_series(country, chosen, rng)


def matching_series(country: str, text: str) -> Series | None:
    """The series whose format `text` (a label, rows joined by space) fits."""
    for s in _series_of(country):
        chars = sum(c.isalnum() for c in text)
        if s.regex().fullmatch(text) and (s.max_chars is None or chars <= s.max_chars):
            return s
    return None


def parse_plate(country: str, text: str) -> Plate:
    """A Plate for a given label, e.g. for the video's vehicle list.

    Two-row layouts need to know where the row breaks; a label matching a
    one-row series is taken as one row, otherwise the first space breaks it.
    """
    text = text.strip().upper()
    series = matching_series(country, text)
    if series is None:
        raise ValueError(f"{country} plate {text!r} matches no known {country} format")
    if series.layout == "standard":
        return Plate(country, series.name, series.layout, (text,))
    top, bottom = text.split(" ", 1)
    return Plate(country, series.name, series.layout, (top, bottom))


class PlateMix:
    """Draws plates from a country mix written like "LV:4,LT:4,PL,EE" or "all".

    A country without a weight counts 1; the mix is what a border lane sees,
    so it is the knob for how many foreign plates a dataset holds.
    """

    def __init__(self, spec: str):
        items = COUNTRIES if spec.strip().lower() == "all" else \
            [p.strip() for p in spec.split(",") if p.strip()]
        if not items:
            raise ValueError(f"country mix {spec!r} names no country")
        self.countries, weights = [], []
        for item in items:
            code, _, weight = item.partition(":")
            code = code.strip().upper()
            _series_of(code)
            try:
                w = float(weight) if weight else 1.0
            except ValueError:
                raise ValueError(f"country mix {spec!r}: weight {weight!r} of {code} "
                                 "is not a number") from None
            if w <= 0:
                raise ValueError(f"country mix {spec!r}: weight of {code} must be positive")
            self.countries.append(code)
            weights.append(w)
        self.p = np.array(weights) / sum(weights)

    def __call__(self, rng: np.random.Generator) -> Plate:
        return random_plate(self.countries[int(rng.choice(len(self.countries), p=self.p))], rng)

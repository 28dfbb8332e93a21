"""The recogniser's alphabet and label handling, shared by training and export.

The net emits one of 37 classes per time step: CTC blank (0) and the 36
characters a normalised plate text may hold. The C++ reader
(edge/engine/crnn_reader.cc) hard-codes the same order, so changing it
means retraining and re-exporting the model.
"""

from __future__ import annotations

import numpy as np

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BLANK = 0
NUM_CLASSES = len(ALPHABET) + 1


def normalise(text: str) -> str:
    """A plate label as the reader outputs it: upper case, separators dropped."""
    return "".join(ch for ch in text.upper() if ch in ALPHABET)


def encode(text: str) -> list[int]:
    """Class indices of a normalised text; raises on a character outside the alphabet."""
    try:
        return [ALPHABET.index(ch) + 1 for ch in text]
    except ValueError:
        raise ValueError(f"label {text!r} has a character outside {ALPHABET}") from None


def greedy_decode(probs: np.ndarray) -> str:
    """Best-path CTC decoding of one (steps, classes) probability matrix."""
    best = probs.argmax(axis=1)
    out, prev = [], BLANK
    for k in best:
        if k != BLANK and k != prev:
            out.append(ALPHABET[k - 1])
        prev = k
    return "".join(out)

"""A map over worker processes that yields in the order of its inputs.

The generator's images and the training batches each depend on their index
alone, so drawing them in several processes must give exactly what one
process gives; `imap` keeps the order, and forked workers share what the
parent loaded (crops, fonts) instead of pickling it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator


def ordered_map(fn: Callable, items: Iterable, processes: int, chunksize: int = 1) -> Iterator:
    """fn over items, in order: in this process where `processes` is 0, else
    in that many forked ones."""
    if processes <= 0:
        yield from map(fn, items)
        return
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield from pool.imap(fn, items, chunksize)

"""How many processes a step uses: one rule for the page pool, the two-core emit and
black's pool. A step runs in parallel only when it has cores to spare and enough work
that starting processes pays; each step states what "enough" is in its own unit."""

from __future__ import annotations

import os

PAGES_FROM = 64  # pages to parse
FORMAT_FROM = 64  # texts to format with black
EMIT_FROM = 500  # types in the model: a smaller one is emitted faster than a process starts


def count(asked: int | None = None) -> int:
    """The processes a step may use: ``asked``, else one per core."""
    return asked if asked is not None else (os.cpu_count() or 1)


def parallel(processes: int, work: int, least: int) -> bool:
    """Whether ``work`` items are worth ``processes`` processes."""
    return processes > 1 and work >= least

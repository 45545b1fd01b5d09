"""Progress on stderr for long runs, only where a person watches: a terminal, and not --quiet.

Logs and pipes get nothing of it. tqdm draws the bar.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

SHOW_FROM = 200  # steps; shorter work finishes before a bar helps


class Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    @classmethod
    def for_terminal(cls, quiet: bool = False) -> Progress:
        return cls(not quiet and sys.stderr.isatty())

    def track(self, items: Iterable[T], total: int, label: str) -> Iterator[T]:
        if not self.enabled or total < SHOW_FROM:
            yield from items
            return
        from tqdm import tqdm

        with tqdm(items, total=total, desc=label, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True) as bar:
            yield from bar


QUIET = Progress(False)

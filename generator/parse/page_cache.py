"""The page records of a docs root, kept between runs in graphdoc's cache (``pages-<key>.pickle``).

A page's key is a hash of its path and bytes, so a page whose bytes are unchanged is
not parsed again.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from ..base.cache import folder, key, read_pickled_dict, write_atomically
from ..base.choices import ALL, Readings
from .records import PageRecord


def page_key(path: str, data: bytes) -> str:
    return hashlib.sha256(path.encode() + b"\0" + data).hexdigest()


class PageCache:
    """The page records of one docs root, by a hash of each page's path and bytes."""

    def __init__(self, root: Path, readings: Readings = ALL) -> None:
        where = folder()
        choice = (readings.stamp,) if readings.stamp else ()  # records made with some readings off are kept apart
        self.file = where / f"pages-{key('pages', str(root.resolve()), *choice)}.pickle" if where else None
        # Each record is kept pickled on its own: saving after one page changed
        # writes the other records' bytes as they are instead of pickling them again.
        self.old: dict[str, bytes] = read_pickled_dict(self.file)
        self.new: dict[str, bytes] = {}

    def get(self, key: str) -> PageRecord | None:
        """The record of a page of this run, kept for the next."""
        found = self.new.get(key) or self.old.get(key)
        record = _record(found)
        if found is not None and record is not None:
            self.new[key] = found
        return record

    def peek(self, key: str) -> PageRecord | None:
        """A record of an earlier run, read without keeping it for the next (an earlier version of a page)."""
        return _record(self.old.get(key))

    def keep(self, key: str) -> bool:
        """Keep a page of this run for the next without reading it; False when it is not here."""
        found = self.old.get(key)
        if found is not None:
            self.new[key] = found
        return found is not None

    def put(self, key: str, record: PageRecord) -> None:
        self.new[key] = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)

    def put_pickled(self, key: str, data: bytes) -> None:
        """``put`` of a record pickled already (by the worker that parsed it)."""
        self.new[key] = data

    def save(self) -> None:
        """Keep only this run's pages (the root's pages as they are now); skip the write when nothing changed."""
        if self.file is None or self.new.keys() == self.old.keys():
            return
        write_atomically(self.file, pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL))


def _record(pickled: bytes | None) -> PageRecord | None:
    """A kept record; None for none, or a damaged one (its page is parsed again)."""
    if pickled is None:
        return None
    try:
        record = pickle.loads(pickled)
    except Exception:  # noqa: BLE001 - a damaged entry: parse the page again
        return None
    return record if isinstance(record, PageRecord) else None

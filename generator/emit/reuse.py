"""Files rendered by an earlier run, reused when everything that went into them is the same.

A rendered file depends on its template, the values the template is given, and
graphdoc's own code (filters, layout helpers, black's settling), nothing else.
So each file's final text is stored under a hash of the template's name and
the pickled values, in a cache file named for graphdoc's fingerprint (its code,
templates and library versions). A stored text is only found again when it
would come out the same; a run after one page changed renders only the files
whose values changed. Nothing here decides what a file says: deleting the
cache costs time, never a different result.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from typing import Any

from ..base import cache
from ..model.ir import Model
from .render import render

Settle = Callable[[dict[str, str]], dict[str, str]]


def _key(template: str, context: dict[str, Any]) -> bytes | None:
    """A hash of everything a render is given; None when it can't be pickled (rendered, not stored)."""
    try:
        data = pickle.dumps((template, context), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return hashlib.blake2b(data, digest_size=20).digest()


def scope_of(model: Model) -> str:
    """What tells one docs root's model from another's, and stays when a page is edited:
    the names of its types."""
    return hashlib.sha256("\0".join(t.full_name for t in model.types).encode()).hexdigest()[:16]


class Renders:
    """One target's rendered files: stored texts where the key matches, fresh renders elsewhere."""

    def __init__(self, target: str, scope: str = "") -> None:
        """``scope`` tells docs roots apart (``scope_of``): each keeps its own entry, so
        generating two roots in turn finds each one's renders."""
        where = cache.folder()
        self.target = target
        self.file = where / f"renders-{target}-{cache.key('renders', target, scope)}.pickle" if where else None
        self.old: dict[bytes, str] = cache.read_pickled_dict(self.file)
        self.kept: dict[bytes, str] = {}
        self.texts: dict[str, str | None] = {}  # in the order added; None until rendered
        self.fresh: dict[str, tuple[bytes | None, str]] = {}

    def add(self, path: str, template: str, context: dict[str, Any]) -> None:
        """The file ``path``: ``template`` rendered with ``context``."""
        key = _key(template, context)
        found = self.old.get(key) if key is not None else None
        self.texts[path] = found
        self.fresh.pop(path, None)  # a path added again holds its latest text
        if found is None:
            self.fresh[path] = (key, render(template, **context))
        elif key is not None:
            self.kept[key] = found

    def files(self, settle: Settle) -> dict[str, str]:
        """Every file, in the order added, the fresh ones passed through ``settle``; stores what this run used."""
        settled = settle({path: text for path, (_, text) in self.fresh.items()})
        for path, (key, _) in self.fresh.items():
            self.texts[path] = settled[path]
            if key is not None:
                self.kept[key] = settled[path]
        if self.file is not None and self.kept.keys() != self.old.keys():
            cache.write_atomically(self.file, pickle.dumps(self.kept, protocol=pickle.HIGHEST_PROTOCOL))
        return {path: text for path, text in self.texts.items() if text is not None}

"""The mock's data, kept between runs: fitting the docs' examples to their schemas is the
slowest step of a run, and a page edit seldom changes what it reads.

The key is a digest of everything the mock data is made from (the types' shapes, the
operations, the examples and graphdoc itself) with the descriptions left out, so an
edited description, the usual edit, finds the data of the run before.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections.abc import Callable
from typing import Any

from .. import cache
from ..mockdata import MockData
from ..model import Model

_KEPT = 2  # entries kept: the last two models, as when switching between two docs roots
_SKIPPED = frozenset({"description"})


def _feed(digest: Any, value: Any) -> None:
    """Feed ``value``'s content, descriptions left out, into ``digest``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        digest.update(type(value).__name__.encode())
        for f in dataclasses.fields(value):
            if f.name not in _SKIPPED:
                _feed(digest, getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        digest.update(b"[%d" % len(value))
        for item in value:
            _feed(digest, item)
    elif isinstance(value, dict):
        digest.update(b"{%d" % len(value))
        for k, v in value.items():
            _feed(digest, k)
            _feed(digest, v)
    else:
        digest.update(repr(value).encode() + b"\0")


def key(model: Model) -> str:
    digest = hashlib.sha256(cache.tool_fingerprint().encode())
    for part in (model.types, model.operations, model.examples):
        _feed(digest, part)
    return digest.hexdigest()


def cached(model: Model, make: Callable[[], MockData]) -> MockData:
    """The mock data of ``model``: from the cache when its inputs are unchanged, else made
    and kept."""
    where = cache.folder()
    if where is None:
        return make()
    path = where / f"mockdata-{cache.tool_fingerprint()[:16]}.pickle"
    wanted = key(model)
    entries = cache.read_pickled_dict(path)
    found = entries.get(wanted)
    if isinstance(found, MockData):
        return found
    data = make()
    kept = dict(list(entries.items())[1 - _KEPT :])  # the newest, beside this one
    kept[wanted] = data
    cache.write_atomically(path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL), replaces="mockdata-*.pickle")
    return data

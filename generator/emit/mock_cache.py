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
from functools import cache as memoized
from pathlib import Path
from typing import Any

import orjson

from ..base import cache
from ..model.ir import Model
from ..payloads.mockdata import MockData


def _shapes(model: Model) -> tuple[Any, ...]:
    """What the mock data is made from, descriptions and lines left out: the types' shapes,
    the operations and the examples."""
    types = [
        (
            t.full_name,
            t.kind,
            t.base_type,
            t.abstract,
            t.open_type,
            t.key_property,
            t.flags,
            [(p.name, p.type, p.collection, p.nullable, p.read_only, p.values) for p in t.properties],
            [(n.name, n.type, n.collection) for n in t.navigation_properties],
            [(m.name, str(m.value)) for m in t.members],  # as text: orjson writes no integer past 64 bits
        )
        for t in model.types
    ]
    return types, model.operations, model.examples


@memoized
def _written(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass that go into the key: all but its description."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.name != "description")


def _fields(value: Any) -> list[Any]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [getattr(value, name) for name in _written(type(value))]
    raise TypeError(type(value).__name__)


def key(model: Model) -> str:
    # JSON text, not pickle: pickle's bytes depend on which equal strings are one object,
    # which differs between a run that parsed the pages and one that read them from the cache
    shapes = _shapes(model)
    try:
        text = orjson.dumps(shapes, default=_fields, option=orjson.OPT_PASSTHROUGH_DATACLASS)
    except orjson.JSONEncodeError:  # anything else orjson refuses: the slower spelling
        text = repr(shapes).encode("utf-8", "surrogatepass")
    return cache.key("mockdata", hashlib.sha256(text).hexdigest())


def entry(model: Model) -> Path | None:
    """Where the mock data of ``model`` is kept (None when caching is off)."""
    where = cache.folder()
    return where / f"mockdata-{key(model)}.pickle" if where is not None else None


def cached(path: Path | None, make: Callable[[], MockData]) -> MockData:
    """The mock data kept at ``path`` (``entry``): from the cache when its inputs are
    unchanged, else made and kept (one entry per key; the cache's size cap decides how
    many stay)."""
    if path is None:
        return make()
    found = cache.read_pickled_dict(path).get("data")
    if isinstance(found, MockData):
        return found
    data = make()
    cache.write_atomically(path, pickle.dumps({"data": data}, protocol=pickle.HIGHEST_PROTOCOL))
    return data

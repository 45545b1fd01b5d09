"""The mock's data, kept between runs: fitting the docs' examples to their schemas is the
slowest step of a run, and a page edit seldom changes what it reads.

The key is a digest of everything the mock data is made from (the types' shapes, the
operations, the examples and graphdoc itself) with the descriptions left out, so an
edited description, the usual edit, finds the data of the run before.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable
from typing import Any

from .. import cache
from ..mockdata import MockData
from ..model import Model


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
            [(m.name, m.value) for m in t.members],
        )
        for t in model.types
    ]
    operations = [
        dataclasses.replace(o, description="", parameters=tuple(dataclasses.replace(p, description="") for p in o.parameters))
        for o in model.operations
    ]
    return types, operations, model.examples


def key(model: Model) -> str:
    # repr, not pickle: pickle's bytes depend on which equal strings are one object, which
    # differs between a run that parsed the pages and one that read them from the cache
    return cache.key("mockdata", repr(_shapes(model)))


def cached(model: Model, make: Callable[[], MockData]) -> MockData:
    """The mock data of ``model``: from the cache when its inputs are unchanged, else made
    and kept (one entry per key; the cache's size cap decides how many stay)."""
    where = cache.folder()
    if where is None:
        return make()
    path = where / f"mockdata-{key(model)}.pickle"
    found = cache.read_pickled_dict(path).get("data")
    if isinstance(found, MockData):
        return found
    data = make()
    cache.write_atomically(path, pickle.dumps({"data": data}, protocol=pickle.HIGHEST_PROTOCOL))
    return data

"""``graphdoc diff``: what changed in an API's contract between two models, and what it breaks.

``compare`` reads two models and nothing else: ``types`` pairs and compares the types,
``endpoints`` the operations, and which change is breaking is decided once, in
``changes.KINDS``. ``sides`` makes a model of what the command line names (a docs
folder, a git revision's folder, a ``model.json``), ``render`` writes the changes for
people, GitHub and tools. ``diff`` keeps each comparison in graphdoc's cache under the
keys of its two sides, so a second diff of the same trees only hashes their pages.

May import: base, parse, model, output.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..base import cache
from ..model.ir import Model
from .changes import KINDS, Change
from .endpoints import compare_operations
from .sides import Tree
from .types import compare_types, pair

__all__ = ["KINDS", "Change", "compare", "diff"]


def compare(old: Model, new: Model) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by namespace, type, operation and name."""
    pairing = pair(old, new)
    found = [*compare_types(old, new, pairing), *compare_operations(old, new, pairing.new_name())]
    return sorted(found, key=Change.sort_key)


def diff(old: Tree, new: Tree) -> list[Change]:
    """``compare`` of the two sides' models, or the kept result of an earlier diff of the same two."""
    where = cache.folder()
    kept = where / "diffs" / f"{cache.key('diff', old.key, new.key)}.json" if where else None
    found = _kept(kept)
    if found is None:
        found = compare(old.build(), new.build())
        if kept is not None:
            cache.write_atomically(kept, json.dumps([asdict(c) for c in found]).encode("utf-8"))
    cache.trim()
    return found


def _kept(path: Any) -> list[Change] | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = [Change(**item) for item in data]
    except (OSError, ValueError, TypeError):
        return None  # none kept, or unreadable: compare again
    if any(c.change not in KINDS or c.side not in ("old", "new") for c in found):
        return None  # written by something else: compare again
    cache.used(path)
    return found

"""A model without resolving, when the pages changed in prose alone.

Resolve reads no description (``prose``): the model of stand-ins it made last is the
model of any pages that differ from those in their texts alone. So each full resolve
of a docs root keeps that model in the cache, with each page's key (a hash of its
path and bytes) and texts. The next run compares keys: a page whose key changed is
split again and compared, by its shape, with the version the kept model was made
from; when every changed page keeps its shape, the kept model is filled with the
texts as they are now. Records of unchanged pages are never read. Any other change
(a table, an annotation, lines that move, a page added or removed) resolves in full,
as does a run that finds no kept model: the result is the same either way, only slower.

Two cache entries per docs root, each naming the model it belongs to (its stamp):
the pages' keys with their texts, one entry so that they always go together, read
first and rewritten after each run; and the model, written only by a full resolve.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from ..base import cache
from ..base.choices import ALL, Readings
from ..base.progress import QUIET, Progress
from ..parse import parse_page
from ..parse.load import Source, page_keys, parse_sources
from ..parse.page_cache import PageCache
from . import prose
from .ir import Model
from .resolve import resolve_shaped, split_all


def model(
    docs: Path, sources: list[Source], keys: dict[str, str] | None = None, progress: Progress = QUIET, texts: bool = True, readings: Readings = ALL
) -> Model:
    """The model of ``docs``'s pages (``sources``, their keys ``keys`` when the caller
    has them): filled from the kept one when only prose changed, else resolved (and
    kept for the next run). ``texts=False``: the descriptions left as stand-ins, for a
    reader of none (``graphdoc diff``), which saves filling in every one of them. ``readings``:
    those this run applies; a model made with some off is kept apart from the default's."""
    keys = keys if keys is not None else page_keys(sources)
    entries = _Entries(docs, readings)
    pages = PageCache(docs, readings)
    readable = len(keys) == len(sources)  # with an unreadable page, everything is resolved and nothing kept
    if readable:
        filled = _refill(sources, keys, entries, pages, texts, readings)
        if filled is not None:
            return filled
    shaped, said = split_all(parse_sources(docs, sources, progress=progress, keys=keys, pages=pages, readings=readings))
    made = resolve_shaped(shaped, readings)
    if readable:
        stamp = hashlib.sha256("\0".join(f"{rel}\0{key}" for rel, key in keys.items()).encode()).hexdigest()
        entries.write("shape", stamp, made)
        entries.write("pages", stamp, (keys, said))
    return prose.fill(made, prose.joined(said.values())) if texts else made


def _refill(sources: list[Source], keys: dict[str, str], entries: _Entries, pages: PageCache, filled: bool, readings: Readings) -> Model | None:
    stamp, pages_kept = entries.read("pages")
    if stamp is None or not isinstance(pages_kept, tuple) or len(pages_kept) != 2:
        return None
    kept_keys, texts = pages_kept
    if not isinstance(kept_keys, dict) or not isinstance(texts, dict) or kept_keys.keys() != keys.keys():
        return None
    changed: dict[str, prose.Texts] = {}
    for rel, data in sources:
        key = keys[rel]
        if key == kept_keys[rel] and pages.keep(key):
            continue
        before = pages.peek(kept_keys[rel])
        if before is None or not isinstance(data, bytes):
            return None  # the version the model was made from is no longer at hand
        now = pages.get(key)
        if now is None:
            now = parse_page(data, rel, readings)
            pages.put(key, now)  # kept, and found again by a full parse should this run need one
        shaped_now, changed[rel] = prose.split(now)
        if prose.shape_key(shaped_now) != prose.shape_key(prose.split(before)[0]):
            return None
    shape_stamp, made = entries.read("shape")
    if shape_stamp != stamp or not isinstance(made, Model):
        return None
    pages.save()
    if changed:
        texts.update(changed)
        entries.write("pages", stamp, (keys, texts))
    return prose.fill(made, prose.joined(texts.values())) if filled else made


class _Entries:
    """The kept model's entries for one docs root, each a stamp and a value."""

    def __init__(self, docs: Path, readings: Readings = ALL) -> None:
        where = cache.folder()
        root = str(docs.resolve())
        choice = (readings.stamp,) if readings.stamp else ()
        self.paths = {kind: where / f"model{kind}-{cache.key('model', kind, root, *choice)}.pickle" if where else None for kind in ("pages", "shape")}

    def read(self, kind: str) -> tuple[str | None, Any]:
        found = cache.read_pickled_dict(self.paths[kind])
        return found.get("stamp"), found.get("value")

    def write(self, kind: str, stamp: str, value: Any) -> None:
        path = self.paths[kind]
        if path is not None:
            cache.write_atomically(path, pickle.dumps({"stamp": stamp, "value": value}, protocol=pickle.HIGHEST_PROTOCOL))

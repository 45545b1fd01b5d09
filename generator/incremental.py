"""A model without resolving, when the pages changed in prose alone.

Resolve reads no description (``prose``): the model of stand-ins it made last is the
model of any pages that differ from those in their texts alone. So each full resolve
of a docs root keeps that model in the cache, with each page's key (a hash of its
path and bytes) and texts. The next run compares keys: a page whose key changed is
split again and compared, by its shape, with the version the kept model was made
from; when every changed page keeps its shape, the kept model is filled with the
texts as they are now. Records of unchanged pages are never read. Any other change
(a table, an annotation, a page added or removed) resolves in full, as does a run
that finds no kept model: the result is the same either way, only slower.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path

from . import cache, prose
from .load import Source, parse_sources
from .model import Model
from .parse import parse_page
from .progress import QUIET, Progress
from .resolve import resolve_shaped, split_all


@dataclass(frozen=True)
class _Kept:
    """The last full resolve of a docs root: its model of stand-ins, and each page's key and texts."""

    keys: dict[str, str]  # page path -> page key
    texts: dict[str, prose.Texts]  # page path -> its texts
    model: Model


def model(docs: Path, sources: list[Source], progress: Progress = QUIET) -> Model:
    """The model of ``docs``'s pages (``sources``): filled from the kept one when only
    prose changed, else resolved (and kept for the next run)."""
    entry = _entry(docs)
    keys = {rel: cache.page_key(rel, data) for rel, data in sources if isinstance(data, bytes)}
    kept = _read(entry)
    if kept is not None and len(keys) == len(sources) and keys.keys() == kept.keys.keys():
        filled = _refill(docs, sources, keys, kept, entry)
        if filled is not None:
            return filled
    shaped, texts = split_all(parse_sources(docs, sources, progress=progress))
    made = resolve_shaped(shaped)
    if len(keys) == len(sources):  # an unreadable page is resolved, not kept
        _write(entry, _Kept(keys, texts, made))
    return prose.fill(made, prose.joined(texts.values()))


def _refill(docs: Path, sources: list[Source], keys: dict[str, str], kept: _Kept, entry: Path | None) -> Model | None:
    pages = cache.PageCache(docs)
    texts = dict(kept.texts)
    for rel, data in sources:
        key = keys[rel]
        if key == kept.keys[rel] and pages.keep(key):
            continue
        before = pages.peek(kept.keys[rel])
        if before is None or not isinstance(data, bytes):
            return None  # the version the model was made from is no longer at hand
        now = pages.get(key) or parse_page(data, rel)
        pages.put(key, now)
        shaped_now, texts[rel] = prose.split(now)
        if prose.shape_key(shaped_now) != prose.shape_key(prose.split(before)[0]):
            return None
    pages.save()
    _write(entry, _Kept(keys, texts, kept.model))
    return prose.fill(kept.model, prose.joined(texts.values()))


def _entry(docs: Path) -> Path | None:
    where = cache.folder()
    return where / f"model-{cache.key('model', str(docs.resolve()))}.pickle" if where else None


def _read(entry: Path | None) -> _Kept | None:
    found = cache.read_pickled_dict(entry).get("kept")
    return found if isinstance(found, _Kept) else None


def _write(entry: Path | None, kept: _Kept) -> None:
    if entry is not None:
        cache.write_atomically(entry, pickle.dumps({"kept": kept}, protocol=pickle.HIGHEST_PROTOCOL))

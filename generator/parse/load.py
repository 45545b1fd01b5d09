"""Find and read the pages of a docs root, and parse each one."""

from __future__ import annotations

import os
import pickle
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..base.choices import ALL, Readings
from ..base.diagnostics import make
from ..base.progress import QUIET, Progress
from ..base.workers import PAGES_FROM, count, parallel
from .page import key_of_path, parse_page
from .page_cache import PageCache, page_key
from .records import PageRecord

FOLDERS = ("resources", "api")


class DocsRootError(Exception):
    """The docs root can't be used at all (a usage error, exit 2)."""


def _page_names(root: Path) -> list[tuple[str, str]]:
    """Every markdown page under ``root/resources`` and ``root/api``: its path and its
    path relative to ``root`` (POSIX), sorted."""
    if not root.exists():
        raise DocsRootError(f"{root}: does not exist")
    if not root.is_dir():
        raise DocsRootError(f"{root}: not a folder")
    folders = [name for name in FOLDERS if (root / name).is_dir()]
    if not folders:
        raise DocsRootError(f"{root}: no resources/ or api/ folder; give the folder that holds them")
    found: list[tuple[str, str]] = []
    for folder in folders:
        base = str(root / folder)
        for parent, _, names in os.walk(base):
            inside = folder + parent[len(base) :].replace(os.sep, "/") + "/"
            found.extend((os.path.join(parent, n), inside + n) for n in names if n.lower().endswith(".md"))
    # Sorted as paths sort (by part), on plain strings: thousands of Path objects cost a tenth of a warm run.
    found.sort(key=lambda pair: pair[1].split("/"))
    return [(name, rel) for name, rel in found if os.path.isfile(name)]


def _read(path: str, rel: str) -> tuple[str, bytes | PageRecord]:
    """The page's bytes, or the record of a page that can't be read."""
    try:
        with open(path, "rb") as handle:
            return rel, handle.read()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return rel, PageRecord(path=rel, key=key_of_path(rel), diagnostics=(make("UNREADABLE", reason, rel, 1),))


def _parse(item: tuple[bytes, str, Readings]) -> PageRecord:
    return parse_page(*item)


def _parse_pickled(item: tuple[bytes, str, Readings]) -> bytes:
    """A pool worker's record, pickled there: the parent unpickles it once and keeps these
    bytes for the page cache, instead of the pool pickling it and the cache pickling it again."""
    return pickle.dumps(parse_page(*item), protocol=pickle.HIGHEST_PROTOCOL)


def read_page(path: Path, root: Path) -> PageRecord:
    rel, data = _read(str(path), path.relative_to(root).as_posix())
    return data if isinstance(data, PageRecord) else parse_page(data, rel)


Source = tuple[str, "bytes | PageRecord"]  # a page's path and bytes, or the record of an unreadable one


def read_sources(root: Path) -> list[Source]:
    """Every page's relative path and bytes, in path order."""
    return [_read(name, rel) for name, rel in _page_names(root)]


def page_keys(sources: list[Source]) -> dict[str, str]:
    """Each readable page's key (a hash of its path and bytes), by its path: the pages are
    hashed once a run, and the run's record, the kept model and the page cache share it."""
    return {rel: page_key(rel, data) for rel, data in sources if isinstance(data, bytes)}


def read_pages(root: Path, use_cache: bool = True, workers: int | None = None) -> list[PageRecord]:
    return parse_sources(root, read_sources(root), use_cache, workers)


def parse_sources(
    root: Path,
    sources: list[Source],
    use_cache: bool = True,
    workers: int | None = None,
    progress: Progress = QUIET,
    keys: Mapping[str, str] | None = None,
    pages: PageCache | None = None,
    readings: Readings = ALL,
) -> list[PageRecord]:
    """Every page's record, in path order: from the cache where the bytes are known,
    parsed on every core otherwise. The result does not depend on the worker count.
    ``keys``: the pages' keys when the caller has them (``page_keys``); ``pages``: the
    root's page cache when the caller has read it already (made with ``readings``);
    ``readings``: those of the pages' words to apply."""
    cache = pages if pages is not None else PageCache(root, readings) if use_cache else None
    records: list[PageRecord | None] = []
    todo: list[tuple[int, str, bytes, str]] = []
    for index, (rel, data) in enumerate(sources):
        if isinstance(data, PageRecord):
            records.append(data)
            continue
        key = keys[rel] if keys is not None else page_key(rel, data)
        found = cache.get(key) if cache is not None else None
        records.append(found)
        if found is None:
            todo.append((index, rel, data, key))
    processes = count(workers)
    items = [(data, rel, readings) for _, rel, data, _ in todo]
    if parallel(processes, len(items), PAGES_FROM):
        with ProcessPoolExecutor(max_workers=processes) as pool:  # each record read as it comes, while the pool parses on
            for (index, _, _, key), data in zip(todo, progress.track(pool.map(_parse_pickled, items, chunksize=32), len(items), "parse")):
                records[index] = pickle.loads(data)
                if cache is not None:
                    cache.put_pickled(key, data)
    else:
        parsed = [_parse(item) for item in progress.track(items, len(items), "parse")]
        for (index, _, _, key), record in zip(todo, parsed):
            records[index] = record
            if cache is not None:
                cache.put(key, record)
    if cache is not None:
        cache.save()
    return [record for record in records if record is not None]

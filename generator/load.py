"""Find and read the pages of a docs root, and parse each one."""

from __future__ import annotations

from pathlib import Path

from .cache import PageCache, page_key
from .diagnostics import make
from .parse import key_of_path, parse_page
from .parse.records import PageRecord

FOLDERS = ("resources", "api")


class DocsRootError(Exception):
    """The docs root can't be used at all (a usage error, exit 2)."""


def page_paths(root: Path) -> list[Path]:
    """Every markdown page under ``root/resources`` and ``root/api``, sorted."""
    if not root.is_dir():
        raise DocsRootError(f"{root}: not a folder")
    folders = [root / name for name in FOLDERS if (root / name).is_dir()]
    if not folders:
        raise DocsRootError(f"{root}: no resources/ or api/ folder; give the folder that holds them")
    found: list[Path] = []
    for folder in folders:
        found.extend(p for p in folder.rglob("*") if p.suffix.lower() == ".md" and p.is_file())
    return sorted(found)


def relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def read_page(path: Path, root: Path, cache: PageCache | None = None) -> PageRecord:
    rel = relative(path, root)
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return PageRecord(path=rel, key=key_of_path(rel), diagnostics=(make("UNREADABLE", reason, rel, 1),))
    if cache is None:
        return parse_page(data, rel)
    key = page_key(rel, data)
    record = cache.get(key)
    if record is None:
        record = parse_page(data, rel)
        cache.put(key, record)
    return record


def read_pages(root: Path, use_cache: bool = True) -> list[PageRecord]:
    paths = page_paths(root)
    cache = PageCache(root) if use_cache else None
    records = [read_page(path, root, cache) for path in paths]
    if cache is not None:
        cache.save()
    return records

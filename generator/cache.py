"""A cache of page records by content, so unchanged pages are not parsed again.

One file per docs root, holding the records of its pages keyed by a hash of
the page's path and bytes. The key also covers the parser's own source, so a
new version of graphdoc never reads an old record, and its file replaces the
old one's. Delete the folder at any time: the result is the same, only slower.
The folder is ``$GRAPHDOC_CACHE_DIR`` or the user's cache folder
(``~/.cache/graphdoc``), never a folder of the project.

Also here: the fingerprint of graphdoc itself (``tool_fingerprint``), which the
run records and the stored renders are keyed by, and the helpers every cache
file shares.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from .parse.records import PageRecord

_CODE = ("parse", "diagnostics.py", "cache.py")  # what decides a page record
# Libraries whose version can change what graphdoc writes.
_LIBRARIES = ("black", "orjson", "jinja2", "markdown-it-py", "mdit-py-plugins", "pyyaml")


def folder() -> Path | None:
    """Where the cache lives, or None when caching is off (``GRAPHDOC_CACHE_DIR=``)."""
    configured = os.environ.get("GRAPHDOC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphdoc"


def hash_sources(digest: Any, root: Path, paths: list[Path]) -> None:
    """Feed each file's path (relative to ``root``) and bytes into ``digest``."""
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())


def read_pickled_dict(path: Path | None) -> dict[Any, Any]:
    """The dict pickled at ``path``; empty when there is none or it can't be read."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except Exception:  # missing, truncated or from elsewhere: start afresh
        return {}
    return data if isinstance(data, dict) else {}


def write_atomically(path: Path, data: bytes, replaces: str | None = None) -> None:
    """Replace ``path`` with ``data`` in one step; a cache that can't be written only costs time.

    ``replaces``: a pattern for the files of the same kind that ``path`` supersedes
    (those of another version of graphdoc), removed once it is written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
        for old in path.parent.glob(replaces) if replaces else ():
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the parser's source: records made by other code are not reused."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for name in _CODE:
        target = package / name
        hash_sources(digest, package, sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """A hash of everything besides the pages that decides the output."""
    package = Path(__file__).resolve().parent
    digest_ = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest_.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest_.update(name.encode())
    from .render import templates_dir

    for folder in (package, templates_dir()):
        hash_sources(digest_, folder, sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".py", ".j2")))
    return digest_.hexdigest()


def page_key(path: str, data: bytes) -> str:
    return hashlib.sha256(path.encode() + b"\0" + data).hexdigest()


class PageCache:
    def __init__(self, root: Path) -> None:
        where = folder()
        self.root_id = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
        self.file = where / f"pages-{code_fingerprint()}-{self.root_id}.pickle" if where else None
        # Each record is kept pickled on its own: saving after one page changed
        # writes the other records' bytes as they are instead of pickling them again.
        self.old: dict[str, bytes] = read_pickled_dict(self.file)
        self.new: dict[str, bytes] = {}

    def get(self, key: str) -> PageRecord | None:
        found = self.old.get(key)
        if found is None:
            return None
        try:
            record = pickle.loads(found)
        except Exception:  # a damaged entry: parse the page again
            return None
        if not isinstance(record, PageRecord):
            return None
        self.new[key] = found
        return record

    def put(self, key: str, record: PageRecord) -> None:
        self.new[key] = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)

    def save(self) -> None:
        """Keep only this run's pages; skip the write when nothing changed."""
        if self.file is None or self.new.keys() == self.old.keys():
            return
        write_atomically(self.file, pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL), f"pages-*-{self.root_id}.pickle")

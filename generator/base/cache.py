"""The one cache: what a run can reuse from earlier runs, under one size cap.

Entries are files in one folder, each named by its kind and a key made from its
content (``pages-<key>.pickle``, ``renders-<key>.pickle``, ``runs/<key>.json``,
...), and every key includes graphdoc's fingerprint: the bytes of its own
modules and templates and the versions of the libraries that shape its output
(black's formatted texts, which black alone decides, are keyed by black's version).
So another version of graphdoc never reads an entry it did not write, different
docs roots and versions keep entries side by side, and reading an entry marks it
used. After a run, the least recently used entries of every kind go until the
folder is under its cap (``GRAPHDOC_CACHE_MAX_MB``, default 512).

The folder is ``$GRAPHDOC_CACHE_DIR`` or the user's cache folder
(``~/.cache/graphdoc``), never a folder of the project; ``GRAPHDOC_CACHE_DIR=``
turns caching off. Delete it at any time: the result is the same, only slower.
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

from .package_files import own_files

# Libraries whose version can change what graphdoc writes.
_LIBRARIES = ("black", "orjson", "jinja2", "markdown-it-py", "mdit-py-plugins", "pyyaml")
DEFAULT_CAP_MB = 512


def folder() -> Path | None:
    """Where the cache lives, or None when caching is off (``GRAPHDOC_CACHE_DIR=``)."""
    configured = os.environ.get("GRAPHDOC_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphdoc"


def cap_bytes() -> int:
    """The cache's size cap: ``GRAPHDOC_CACHE_MAX_MB`` megabytes, else the default."""
    try:
        megabytes = float(os.environ.get("GRAPHDOC_CACHE_MAX_MB", DEFAULT_CAP_MB))
    except ValueError:
        megabytes = DEFAULT_CAP_MB
    return max(0, int(megabytes * 1024 * 1024))


def read_pickled_dict(path: Path | None) -> dict[Any, Any]:
    """The dict pickled at ``path``, which is marked used; empty when there is none or it can't be read."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, truncated or from elsewhere: start afresh
        return {}
    used(path)
    return data if isinstance(data, dict) else {}


def used(path: Path) -> None:
    """Mark an entry as just used: eviction goes by the time an entry was last read or written."""
    try:
        os.utime(path)
    except OSError:
        pass


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; a cache that can't be written only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except OSError:
        pass


def trim(cap: int | None = None) -> None:
    """Remove the least recently used entries, of any kind, until the folder is under ``cap`` bytes."""
    where = folder()
    if where is None or not where.is_dir():
        return
    limit = cap_bytes() if cap is None else cap
    entries: list[tuple[float, int, Path]] = []
    try:
        for path in where.rglob("*"):
            if path.is_file():
                found = path.stat()
                entries.append((found.st_mtime, found.st_size, path))
    except OSError:
        return  # another run is changing the folder: trim next time
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries, key=lambda entry: (entry[0], str(entry[2]))):
        if total <= limit:
            break
        try:
            path.unlink()
            total -= size
        except OSError:
            pass


def key(*parts: str) -> str:
    """An entry's key: a hash of graphdoc's fingerprint and ``parts``."""
    digest = hashlib.sha256(tool_fingerprint().encode())
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """A hash of everything besides the pages that decides the output: graphdoc's own
    modules and templates, as they are on disk, and the libraries' versions."""
    digest = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(name.encode())
    for root, path in own_files():
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


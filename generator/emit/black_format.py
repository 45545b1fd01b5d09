"""Format generated Python with black, the way ``black --check`` will judge it.

black is by far the costliest step of a run, so its results are cached by the
hash of the text it was given (in the same cache folder as parsed pages), and
the misses are formatted on every core when there are many of them. A cached
result is exactly what black would return: the key covers black's version and
mode.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import cache

PARALLEL_FROM = 64  # fewer misses than this are formatted in this process


@lru_cache(maxsize=1)
def _mode() -> Any:
    import black

    return black.Mode(target_versions={black.TargetVersion.PY310})


def format_source(source: str) -> str:
    import black

    return black.format_str(source, mode=_mode())


# What decides black's output besides the text: its version and our mode. Read from
# the package metadata, not by importing black, which costs more than a warm run.
_MODE = "py310,line-length=88"


@lru_cache(maxsize=1)
def _version() -> str:
    return importlib.metadata.version("black")


def _key(source: str) -> str:
    return hashlib.sha256(f"{_version()}\0{_MODE}\0{source}".encode()).hexdigest()


def _cache_file() -> Path | None:
    where = cache.folder()
    return where / f"black-{_version()}.pickle" if where else None


def _load(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except Exception:  # missing or unreadable: start afresh
        return {}
    return data if isinstance(data, dict) else {}


def _save(path: Path | None, data: dict[str, str]) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass  # a cache that can't be written only costs time


def format_many(sources: dict[str, str], workers: int | None = None) -> dict[str, str]:
    """Format every text; names are only carried along. Same result with any worker count."""
    path = _cache_file()
    known = _load(path)
    keys = {name: _key(text) for name, text in sources.items()}
    missing = sorted({keys[name]: name for name in sources if keys[name] not in known}.items())
    if missing:
        texts = [sources[name] for _, name in missing]
        count = workers if workers is not None else (os.cpu_count() or 1)
        if count > 1 and len(texts) >= PARALLEL_FROM:
            with ProcessPoolExecutor(max_workers=count) as pool:
                results = list(pool.map(format_source, texts, chunksize=16))
        else:
            results = [format_source(text) for text in texts]
        for (key, _), result in zip(missing, results):
            known[key] = result
        _save(path, {key: known[key] for key in set(keys.values()) | set(known)})
    return {name: known[keys[name]] for name in sources}

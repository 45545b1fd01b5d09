"""black, only where a generated module could still need it.

The templates lay code out the way black does (``generator.emit.layout``), so black
is not run on every module: ``settle`` sends a module to black only when it has
a line longer than black allows that black could still break, which the
layout could not place. Tests hold every module of the specs, the hostile
pages and the real corpus to ``black --check``.

black's results are cached by the hash of the text it was given (in the same
cache folder as parsed pages), and many misses are formatted on every core. A
cached result is exactly what black would return: the key covers black's
version and mode.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
import re
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..base import cache
from ..base.workers import FORMAT_FROM, count, parallel
from .layout import WIDTH


@lru_cache(maxsize=1)
def _mode() -> Any:
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY310})


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


KEPT = 20_000  # formatted texts kept, the most recently used


def _save(path: Path | None, data: dict[str, str]) -> None:
    if path is not None:
        kept = dict(list(data.items())[-KEPT:])  # in the order last used
        cache.write_atomically(path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


def format_many(sources: dict[str, str], workers: int | None = None) -> dict[str, str]:
    """Format every text; names are only carried along. Same result with any worker count."""
    path = _cache_file()
    known = cache.read_pickled_dict(path)
    keys = {name: _key(text) for name, text in sources.items()}
    missing = sorted({keys[name]: name for name in sources if keys[name] not in known}.items())
    for name in sources:  # what this run used moves to the end: the first to go are the longest unused
        if keys[name] in known:
            known[keys[name]] = known.pop(keys[name])
    if missing:
        texts = [sources[name] for _, name in missing]
        processes = count(workers)
        if parallel(processes, len(texts), FORMAT_FROM):
            with ProcessPoolExecutor(max_workers=processes) as pool:
                results = list(pool.map(format_source, texts, chunksize=16))
        else:
            results = [format_source(text) for text in texts]
        for (key, _), result in zip(missing, results):
            known[key] = result
    if sources:  # only what a stored render lacked comes here: rare enough to keep the order each time
        _save(path, known)
    return {name: known[keys[name]] for name in sources}


_STRING = re.compile(r"""[rbf]*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")
_BRACKETS = re.compile(r"[][(){}]")
_ANNOTATED = re.compile(r"\s*\w+: ")  # black wraps a long type hint in parentheses


def _splittable(line: str) -> bool:
    """Whether black could break ``line``: it breaks at brackets and around long type
    hints, so a line with neither but the bracket it ends with is as short as black
    can make it."""
    if line.lstrip().startswith("#"):
        return False  # black never breaks a comment
    code = _STRING.sub('""', line).rstrip()
    if code.endswith(("(", "[", "{")):
        return _BRACKETS.search(code[:-1]) is not None
    return _BRACKETS.search(code) is not None or _ANNOTATED.match(code) is not None


_LONG_LINE = re.compile(rf"^.{{{WIDTH + 1},}}$", re.MULTILINE)


def needs_black(source: str) -> bool:
    """Whether a line of ``source`` is too long and black could still break it.
    Docstring text is never reflowed by black."""
    for match in _LONG_LINE.finditer(source):
        line = match.group()
        in_doc = source.count('"""', 0, match.start()) % 2 == 1
        if not (in_doc or '"""' in line) and _splittable(line):
            return True
    return False


def settle(sources: dict[str, str]) -> dict[str, str]:
    """Every module as black would leave it, running black only where it could change something."""
    rough = {name: text for name, text in sources.items() if name.endswith(".py") and needs_black(text)}
    return {**sources, **format_many(rough)} if rough else dict(sources)

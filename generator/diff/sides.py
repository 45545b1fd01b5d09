"""What ``graphdoc diff``'s OLD and NEW name, and the model of each, through graphdoc's cache.

A side is a docs folder (``docs``), a git revision and folder (``origin/main:docs``),
or a model dump (``generated/model.json``, or an output folder holding one). Each has
a key, a hash of all it holds (the pages, as ``generate`` hashes them, or the dump's
bytes), and its model is made only when no earlier diff of the same two keys is kept:
then as ``generate`` makes it, from the cache's parsed pages and kept model. The pages
of a git revision are kept under a folder name of their own for each side, so that
the revision and the working folder's pages never take each other's place there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..base.choices import ALL, Readings
from ..base.progress import QUIET, Progress
from ..base.usage import UsageError
from ..model import incremental
from ..model.ir import Model
from ..model.model_file import ModelFileError, load
from ..output import runs
from ..parse.load import FOLDERS, Source, page_keys, read_sources
from . import git
from .changes import Side

MODEL_FILE = "model.json"


@dataclass(frozen=True)
class Tree:
    spec: str  # as the command line gave it
    root: str  # what goes before a page's path so that it reads from the working folder
    key: str  # a hash of everything the side holds
    build: Callable[[], Model]


def tree(spec: str, side: Side, shown: Callable[[Path], str], progress: Progress = QUIET, readings: Readings = ALL) -> Tree:
    """The side ``spec`` names; ``shown``: how a docs folder is written before its pages' paths;
    ``readings``: those a side of pages is read with (a model dump is as it was made)."""
    path = Path(spec)
    if path.is_file():
        return _dump(spec, path)
    if path.is_dir():
        if not any((path / folder).is_dir() for folder in FOLDERS) and (path / MODEL_FILE).is_file():
            return _dump(spec, path / MODEL_FILE)
        sources = read_sources(path)  # a folder without pages fails here, as for generate
        return _pages(spec, shown(path), path, sources, progress, readings)
    if ":" in spec and not path.exists():
        top = git.top(spec)
        revision, _, folder = spec.partition(":")
        sources = git.read_sources(spec)
        # the cache keys a docs root by its path: a git side gets one no folder has
        identity = top / folder / f".graphdoc-git-{side}"
        return _pages(spec, f"{spec.rstrip('/')}/" if folder.strip("/.") else f"{revision}:", identity, sources, progress, readings)
    raise UsageError(f"{spec}: no such folder or file, and not a git revision and folder (REV:FOLDER)")


def _pages(spec: str, root: str, docs: Path, sources: list[Source], progress: Progress, readings: Readings) -> Tree:
    keys = page_keys(sources)
    # the comparison reads no description: the model's stand-ins for them are not filled in

    def model() -> Model:
        return incremental.model(docs, sources, keys, progress, texts=False, readings=readings)

    return Tree(spec, root, runs.key(sources, keys, readings), model)


def _dump(spec: str, path: Path) -> Tree:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror or error}") from None

    def build() -> Model:
        try:
            return load(path)
        except ModelFileError as error:
            raise UsageError(str(error)) from None

    return Tree(spec, "", hashlib.sha256(b"model.json\0" + data).hexdigest(), build)

"""A docs folder as a git revision holds it, read straight from the repository.

``origin/main:docs`` names the folder ``docs`` of the revision ``origin/main``, as git
itself reads ``REV:PATH`` (from the top of the repository; ``REV:./docs`` from the
working folder). Its pages come out of git's object store (``git ls-tree`` for the
names, one ``git cat-file --batch`` for the bytes), so a CI job needs no second
checkout. They are the same sources a folder gives (``load.read_sources``): the
pages under ``resources/`` and ``api/``, by path, in path order.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..base.usage import UsageError
from ..parse.load import FOLDERS, Source

_BLOB = "blob"
_LINK_MODE = "120000"  # a symbolic link: its target's name, not a page


def _git(arguments: list[str], spec: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *arguments], input=stdin, capture_output=True, check=False)
    except OSError as error:
        raise UsageError(f"{spec}: git can't be run ({error.strerror or error})") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"{spec}: {said[0] if said else f'git {arguments[0]} failed'}")
    return done.stdout


def top(spec: str) -> Path:
    """The top folder of the working folder's repository."""
    return Path(_git(["rev-parse", "--show-toplevel"], spec).decode().strip())


def read_sources(spec: str) -> list[Source]:
    """The pages of ``REV:FOLDER`` (``spec``), as ``load.read_sources`` gives a folder's."""
    if spec.startswith("-"):
        raise UsageError(f"{spec}: not a revision and folder")
    listing = _git(["ls-tree", "-r", "-z", spec], spec)
    wanted: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        about, _, name = entry.partition(b"\t")
        mode, kind, oid = about.decode().split(" ")
        rel = name.decode("utf-8", "surrogateescape")
        if kind != _BLOB or mode == _LINK_MODE or rel.split("/", 1)[0] not in FOLDERS or not rel.lower().endswith(".md"):
            continue
        wanted.append((rel, oid))
    if not _has_folders(listing):
        raise UsageError(f"{spec}: no resources/ or api/ folder; give the folder that holds them")
    wanted.sort(key=lambda pair: pair[0].split("/"))
    contents = _contents([oid for _, oid in wanted], spec)
    return [(rel, contents[oid]) for rel, oid in wanted]


def _has_folders(listing: bytes) -> bool:
    return any(entry.partition(b"\t")[2].split(b"/", 1)[0].decode("utf-8", "replace") in FOLDERS for entry in listing.split(b"\0") if entry)


def _contents(oids: list[str], spec: str) -> dict[str, bytes]:
    """Each object's bytes, from one ``git cat-file --batch``."""
    if not oids:
        return {}
    unique = list(dict.fromkeys(oids))
    output = _git(["cat-file", "--batch"], spec, stdin="".join(f"{oid}\n" for oid in unique).encode())
    found: dict[str, bytes] = {}
    at = 0
    for oid in unique:
        end = output.index(b"\n", at)
        header = output[at:end].decode().split(" ")
        if len(header) != 3 or header[1] != _BLOB:
            raise UsageError(f"{spec}: git could not give {oid} ({' '.join(header[1:])})")
        size = int(header[2])
        found[oid] = output[end + 1 : end + 1 + size]
        at = end + 1 + size + 1  # the object, then a line break
    return found

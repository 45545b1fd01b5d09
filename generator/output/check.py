"""``graphdoc check``: emit in memory, compare with the output folder on disk."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .write import encode, existing_files, previous_manifest

ADDED = "added"  # generate would write it; it is missing
REMOVED = "removed"  # generate wrote it before and would delete it now
CHANGED = "changed"  # generate would write other bytes
STRAY = "stray"  # graphdoc did not write it; generate would refuse to run


@dataclass(frozen=True)
class Change:
    kind: str
    path: str  # relative to the output folder
    old: str | None = None
    new: str | None = None

    def diff(self, out: Path) -> str:
        before = (self.old or "").splitlines(keepends=True)
        after = (self.new or "").splitlines(keepends=True)
        label = f"{out.as_posix()}/{self.path}"
        lines = difflib.unified_diff(
            before,
            after,
            fromfile=label if self.old is not None else "/dev/null",
            tofile=label if self.new is not None else "/dev/null",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _text(data: bytes | None) -> str | None:
    """A file's text for a diff; None when it is not UTF-8."""
    try:
        return data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        return None


def compare(out: Path, files: Mapping[str, str | bytes]) -> list[Change]:
    """How the output folder differs from exactly ``files`` (plus the manifest)."""
    expected, _ = encode(files)
    on_disk = existing_files(out)
    known = previous_manifest(out)
    changes: list[Change] = []
    for name in sorted(set(expected) | set(on_disk)):
        new = expected.get(name)
        if name not in on_disk:
            changes.append(Change(ADDED, name, None, _text(new)))
            continue
        old = _read(on_disk[name])
        if new is None:
            changes.append(Change(REMOVED if name in known else STRAY, name, _text(old), None))
        elif old != new:
            changes.append(Change(CHANGED, name, _text(old), _text(new)))
    return changes

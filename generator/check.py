"""``graphdoc check``: emit in memory, compare with the output folder on disk."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .write import existing_files, previous_manifest, with_manifest

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


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def compare(out: Path, files: dict[str, str]) -> list[Change]:
    """How the output folder differs from exactly ``files`` (plus the manifest)."""
    expected = with_manifest(files)
    on_disk = existing_files(out)
    known = previous_manifest(out)
    changes: list[Change] = []
    for name in sorted(set(expected) | set(on_disk)):
        new = expected.get(name)
        if name not in on_disk:
            changes.append(Change(ADDED, name, None, new))
            continue
        old = _read(on_disk[name])
        if new is None:
            changes.append(Change(REMOVED if name in known else STRAY, name, old, None))
        elif old != new:
            changes.append(Change(CHANGED, name, old, new))
    return changes

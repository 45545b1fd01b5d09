"""``graphdoc diff OLD NEW``: the command, from its arguments to its exit code."""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ..base.choices import ALL, Readings
from ..base.progress import Progress
from ..base.usage import UsageError
from . import diff
from .changes import KINDS, Change, Side, at_least
from .render import counts, render
from .sides import tree


def selected_kinds(options: Iterable[str]) -> frozenset[str] | None:
    """The change kinds ``--select`` names: kinds, globs over them (``operation-*``) and
    severities (``breaking``); None when it names none (every kind)."""
    words = [word.strip() for option in options for word in option.split(",") if word.strip()]
    if not words:
        return None
    found: set[str] = set()
    for word in words:
        lowered = word.lower()
        matched = {k for k, (severity, _, _) in KINDS.items() if severity == lowered or fnmatch.fnmatchcase(k, lowered)}
        if not matched:
            raise UsageError(f"--select: {word!r} is no change kind, glob over them or severity; see the README's table of changes")
        found |= matched
    return frozenset(found)


def run(
    old: str, new: str, style: str, fail_on: str, select: Iterable[str], quiet: bool, shown: Callable[[Path], str], readings: Readings = ALL
) -> int:
    kinds = selected_kinds(select)  # a bad --select fails before the long part
    progress = Progress.for_terminal(quiet)
    before, after = tree(old, "old", shown, progress, readings), tree(new, "new", shown, progress, readings)
    changes: list[Change] = [c for c in diff(before, after) if kinds is None or c.change in kinds]
    roots: dict[Side, str] = {"old": before.root, "new": after.root}
    sys.stdout.write(render(changes, style, roots, (old, new), counted=not quiet))
    if not quiet and style != "text":
        print(counts(changes), file=sys.stderr)
    failing = at_least(fail_on)
    return 1 if any(c.severity in failing for c in changes) else 0


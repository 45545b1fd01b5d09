"""The changes written out: text for people, JSON for tools, GitHub annotations, markdown for a pull request.

Each change's page is written from the working folder, under the root of its side
(``roots``): the new docs, or the old ones for what is gone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence

from ..base.lint_output import github_escape
from .changes import BREAKING, INFO, KINDS, SEVERITIES, WARNING, Change, Side

FORMATS = ("text", "json", "github", "markdown")
# A pull-request comment holds 65,536 characters: past this many rows a section says how many more.
MARKDOWN_ROWS = 100
_GITHUB_LEVEL = {BREAKING: "error", WARNING: "warning", INFO: "notice"}
_PLURAL = {BREAKING: "breaking", WARNING: "warnings", INFO: "info"}


def counts(changes: Sequence[Change]) -> str:
    """``12 changes: 3 breaking, 4 warnings, 5 info``."""
    found = Counter(c.severity for c in changes)
    said = ", ".join(f"{found[s]} {s if found[s] == 1 else _PLURAL[s]}" for s in SEVERITIES)
    return f"{len(changes)} change{'' if len(changes) == 1 else 's'}: {said}"


def _by_kind(changes: Sequence[Change]) -> list[tuple[str, str, int]]:
    """(severity, kind, count), the most severe first, then the most frequent."""
    found = Counter(c.change for c in changes)
    order = {kind: index for index, kind in enumerate(KINDS)}
    return sorted(((KINDS[k][0], k, n) for k, n in found.items()), key=lambda x: (SEVERITIES.index(x[0]), -x[2], order[x[1]]))


def render(changes: Sequence[Change], style: str, roots: dict[Side, str], sides: tuple[str, str] = ("", ""), counted: bool = True) -> str:
    """``changes`` in ``style``; ``sides``: OLD and NEW as the command line named them (markdown's
    heading); ``counted``: text starts with the counts (by severity, by kind)."""
    if style == "json":
        return json.dumps([c.to_json(roots) for c in changes], indent=2, ensure_ascii=False) + "\n"
    if style == "github":
        return "".join(
            f"::{_GITHUB_LEVEL[c.severity]} file={github_escape(c.shown_path(roots), True)},line={c.line},"
            f"title={c.change}::{github_escape(c.message)}\n"
            for c in changes
        )
    if style == "markdown":
        return _markdown(changes, roots, sides)
    return _text(changes, roots, counted)


def _text(changes: Sequence[Change], roots: dict[Side, str], counted: bool) -> str:
    """Counts first, then the changes by namespace and type."""
    lines: list[str] = []
    if counted:
        lines = [counts(changes)]
        lines += [f"  {severity:<8}  {kind:<32} {n:>6}" for severity, kind, n in _by_kind(changes)]
    namespace: str | None = None
    type_name: str | None = None
    for c in changes:
        if c.namespace != namespace:
            namespace, type_name = c.namespace, None
            header = namespace or "(no namespace)"
            lines += ["", header] if lines else [header]
        if c.type != type_name:
            type_name = c.type
            lines.append(f"  {c.type[len(namespace) + 1 :] if namespace else c.type}")
        lines.append(f"    {c.display(roots)}")
    return "".join(line + "\n" for line in lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def _cell(text: str) -> str:
    """Text that stays itself in a markdown table cell: markup escaped, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _code(text: str) -> str:
    """``text`` as a markdown code span, whatever backticks it holds."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _markdown(changes: Sequence[Change], roots: dict[Side, str], sides: tuple[str, str]) -> str:
    heading = f"### graphdoc diff {_code(sides[0])} \u2192 {_code(sides[1])}" if all(sides) else "### graphdoc diff"
    lines = [heading, "", f"**{counts(changes)}**"]
    if not changes:
        return "\n".join(lines) + "\n"
    lines += ["", "| severity | change | count |", "| --- | --- | ---: |"]
    lines += [f"| {severity} | `{kind}` | {n} |" for severity, kind, n in _by_kind(changes)]
    for severity in SEVERITIES:
        chosen = [c for c in changes if c.severity == severity]
        if not chosen:
            continue
        heading = f"{_PLURAL[severity].capitalize()} ({len(chosen)})"
        table = ["| change | type | what | where |", "| --- | --- | --- | --- |"]
        table += [
            f"| `{c.change}` | {_cell(c.type)} | {_cell(c.message)} | {_cell(c.shown_path(roots))}:{c.line} |"
            for c in chosen[:MARKDOWN_ROWS]
        ]
        if len(chosen) > MARKDOWN_ROWS:
            table.append(f"| | | and {len(chosen) - MARKDOWN_ROWS} more (`graphdoc diff --format json` lists them all) | |")
        if severity == INFO:
            lines += ["", f"<details><summary>{heading}</summary>", "", *table, "", "</details>"]
        else:
            lines += ["", f"#### {heading}", "", *table]
    return "\n".join(lines) + "\n"

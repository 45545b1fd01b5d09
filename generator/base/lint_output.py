"""Diagnostics as text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .diagnostics import ERROR, WARNING, Diagnostic, shown_path


def github_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render(diagnostics: Sequence[Diagnostic], style: str, root: str = "") -> str:
    """``diagnostics`` in ``style``; each path is written with ``root`` before it, so that
    it names the page from the working folder (where GitHub looks for it)."""
    if style == "json":
        return json.dumps([d.to_json(root) for d in diagnostics], indent=2, ensure_ascii=False) + "\n"
    if style == "github":
        level = {ERROR: "error", WARNING: "warning"}
        return "".join(
            f"::{level.get(d.severity, 'notice')} file={github_escape(shown_path(d.path, root), True)},line={d.line},"
            f"title={d.code}::{github_escape(d.message)}\n"
            for d in diagnostics
        )
    return "".join(d.display(root) + "\n" for d in diagnostics)

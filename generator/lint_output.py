"""Diagnostics as text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .diagnostics import ERROR, WARNING, Diagnostic


def _github_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render(diagnostics: Sequence[Diagnostic], style: str) -> str:
    if style == "json":
        return json.dumps([d.to_json() for d in diagnostics], indent=2, ensure_ascii=False) + "\n"
    if style == "github":
        level = {ERROR: "error", WARNING: "warning"}
        return "".join(
            f"::{level.get(d.severity, 'notice')} file={_github_escape(d.path, True)},line={d.line},"
            f"title={d.code}::{_github_escape(d.message)}\n"
            for d in diagnostics
        )
    return "".join(f"{d}\n" for d in diagnostics)

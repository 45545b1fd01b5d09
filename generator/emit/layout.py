"""Line layout for generated Python, decided once: the shape black gives a line.

Generated modules must pass ``black --check``. Running black on thousands of
modules costs far more than generating them, so the templates lay out each
bracketed line the way black's stable style does and black never has to
change anything:

- a line that fits in ``WIDTH`` stays on one line;
- a call, ``def`` or class header that doesn't fit puts its arguments on one
  indented line when they fit there ("hug");
- otherwise, and always for collection literals and imports, one item per line
  with a trailing comma, which black keeps as it is (the magic trailing comma).

``black_format.settle`` is the safety net for any line this can't place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

WIDTH = 88
STEP = 4


def fits(text: str, indent: int) -> bool:
    return indent + len(text) <= WIDTH


def bracket(head: str, items: Sequence[str], tail: str, indent: int = 0, hug: bool = True, trail: int = 0) -> str:
    """``head`` + items joined by commas + ``tail``, laid out as black would.

    ``head`` ends with the opening bracket and ``tail`` starts with the closing
    one; ``indent`` is the column the line starts at and ``trail`` the length of
    what follows the tail on that line. ``hug=False`` for collection literals and
    imports, which black never hugs. Items must be single-line.
    """
    joined = ", ".join(items)
    if not items or fits(head + joined + tail, indent + trail):
        return head + joined + tail
    inner = " " * (indent + STEP)
    if hug and fits(joined, indent + STEP):
        return f"{head}\n{inner}{joined}\n{' ' * indent}{tail}"
    body = "".join(f"{inner}{_item(item, indent + STEP)}\n" for item in items)
    return f"{head}\n{body}{' ' * indent}{tail}"


def _item(item: str, indent: int) -> str:
    """One item and its comma on their own line; a parameter too long for it gets
    its type hint in parentheses, as black does."""
    name, colon, annotation = item.partition(": ")
    if not colon or not name.isidentifier():
        return item + ","
    return parens(f"{name}: ", annotation, ",", indent)


def literal(head: str, items: Sequence[str], tail: str, indent: int = 0, tuple_: bool = False, trail: int = 0) -> str:
    """A collection literal whose items are laid out already (for column
    ``indent + STEP``, maybe on several lines): on one line when every item is
    one line and the whole fits, else one item per line. A one-item tuple keeps
    its comma."""
    joined = ", ".join(items) + ("," if tuple_ and len(items) == 1 else "")
    if not items or ("\n" not in joined and fits(head + joined + tail, indent + trail)):
        return head + joined + tail
    inner = " " * (indent + STEP)
    body = "".join(f"{inner}{item},\n" for item in items)
    return f"{head}\n{body}{' ' * indent}{tail}"


def import_from(module: str, names: Sequence[str], indent: int = 0) -> str:
    """``from module import names``; too long, the names go in parentheses one per line."""
    line = f"from {module} import {', '.join(names)}"
    if fits(line, indent):
        return line
    return bracket(f"from {module} import (", names, ")", indent, hug=False)


def hug(head: str, body: str, tail: str, indent: int = 0) -> str:
    """``head`` + ``body`` + ``tail``, with ``body`` on its own indented line when the
    whole doesn't fit but the body does. ``head`` ends with an opening bracket."""
    whole = head + body + tail
    if fits(whole, indent) or not fits(body, indent + STEP):
        return whole
    return f"{head}\n{' ' * (indent + STEP)}{body}\n{' ' * indent}{tail}"


def comprehension(head: str, element: str, clause: str, tail: str, indent: int = 0) -> str:
    """``[element for ...]``: on one line, else inside the brackets on one line, else
    split before ``for`` (``head`` ends with the bracket, ``clause`` is ``for ...``)."""
    body = f"{element} {clause}"
    if fits(head + body + tail, indent) or fits(body, indent + STEP):
        return hug(head, body, tail, indent)
    inner = " " * (indent + STEP)
    return f"{head}\n{inner}{element}\n{inner}{clause}\n{' ' * indent}{tail}"


def annotated(name: str, annotation: str, value: str, indent: int = 0) -> str:
    """``name: annotation = value``; too long, black wraps the value, else the annotation."""
    line = f"{name}: {annotation} = {value}"
    if fits(line, indent):
        return line
    if fits(f"{name}: {annotation} = (", indent) and fits(value, indent + STEP):
        return hug(f"{name}: {annotation} = (", value, ")", indent)
    return parens(f"{name}: ", annotation, f" = {value}", indent)


def parens(head: str, atom: str, tail: str = "", indent: int = 0) -> str:
    """``head`` + ``atom`` + ``tail``, with ``atom`` moved into parentheses on its own
    line when the whole doesn't fit but the atom does (black's optional parentheses)."""
    if fits(head + atom + tail, indent):
        return head + atom + tail
    return hug(head + "(", atom, ")" + tail, indent) if fits(atom, indent + STEP) else head + atom + tail


def all_order(names: Iterable[str]) -> list[str]:
    """Names in the order ruff wants ``__all__`` (RUF022, isort style): CONSTANTS, then
    Classes, then the rest, each group in natural order (``A2`` before ``A10``)."""

    def key(name: str) -> tuple[int, list[tuple[int, int, str]]]:
        group = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
        chunks = [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", name) if part]
        return group, chunks

    return sorted(names, key=key)

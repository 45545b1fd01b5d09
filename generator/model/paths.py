"""The segments of a documented request path, and what each one is.

``/users/{id | userPrincipalName}/calendarView(start='{s}')`` reads as an entity
set, a key, and a function call with a parameter. The kinds:

- ``key``: ``{id}`` (a placeholder), or ``name('{id}')`` / ``name({id})`` (a key in
  parentheses after a collection's name: ``keyed`` names the collection);
- ``call``: ``name(a='{a}', b={b})``, a function or action with its parameters;
- ``cast``: ``microsoft.graph.user``, a cast to a derived type;
- ``ref`` / ``value`` / ``count``: ``$ref``, ``$value``, ``$count``;
- ``colon``: ``root:``, ``{item-path}:``, the colon syntax that addresses a drive item by path;
- ``literal``: anything else, a property, a navigation property, an entity set or a singleton.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..runtime.handlers._routes import split_outside

_PLACEHOLDER = re.compile(r"^\{[^{}]*\}$")
_KEYED = re.compile(r"^([A-Za-z_][\w.]*)\((?:'?\{([^{}]*)\}'?|'([^']*)')\)$")
_CALL = re.compile(r"^([A-Za-z_][\w.]*)\((.*)\)$")
_ARGUMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$")
_CAST = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}$")
_SPECIAL = {"$ref": "ref", "$value": "value", "$count": "count"}


@dataclass(frozen=True)
class Segment:
    text: str  # as written
    kind: str  # key | call | cast | ref | value | count | colon | literal
    name: str = ""  # the literal's, collection's or function's name; the placeholder's for a key
    arguments: tuple[tuple[str, str], ...] = ()  # a call's (name, written value) pairs


@cache
def segment(text: str) -> Segment:
    if text in _SPECIAL:
        return Segment(text, _SPECIAL[text], text)
    if _PLACEHOLDER.match(text):
        return Segment(text, "key", text[1:-1].strip())
    keyed = _KEYED.match(text)
    if keyed and "=" not in text:
        return Segment(text, "key", keyed.group(2) or keyed.group(3) or "id", arguments=(("", keyed.group(1)),))
    call = _CALL.match(text)
    if call:
        arguments = tuple(
            (found.group(1), found.group(2)) for part in split_outside(call.group(2), ",") if (found := _ARGUMENT.match(part))
        )
        return Segment(text, "call", call.group(1), arguments)
    if ":" in text:
        return Segment(text, "colon", text)
    if _CAST.match(text):
        return Segment(text, "cast", text)
    return Segment(text, "literal", text)


def segments(path: str) -> list[Segment]:
    """A documented path's segments (``root:/{path}:`` kept as its parts)."""
    return [segment(part) for part in path.strip("/").split("/") if part]

"""JSON text of every emitted JSON file, decided once: two-space indent, UTF-8, keys in order.

orjson writes it an order of magnitude faster than the standard library, which
matters when a run writes thousands of schemas. Integers past 64 bits, which
orjson refuses, are written as they are, so a value prints the same whole or in
parts (templates nest printed parts, see ``nested``). Anything else orjson refuses
goes through ``json``, which writes the same layout.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_PRINTED = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def dumps(value: Any) -> str:
    """``value`` as indented JSON text, ending with a newline."""
    printed = _orjson(value)
    return printed.decode() if printed is not None else json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def encoded(value: Any) -> bytes:
    """``dumps``'s text in UTF-8, without ever holding it as a string: a document of many
    megabytes costs a third of the time."""
    printed = _orjson(value)
    return printed if printed is not None else (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode()


def _orjson(value: Any) -> bytes | None:
    try:
        return orjson.dumps(value, option=_PRINTED)
    except (TypeError, orjson.JSONEncodeError):
        pass
    try:  # integers past 64 bits, written as they are; numbers keep orjson's spelling
        return orjson.dumps(_long_integers_as_text(value), option=_PRINTED)
    except (TypeError, orjson.JSONEncodeError):
        return None


def _long_integers_as_text(value: Any) -> Any:
    if type(value) is int and not -(2**63) <= value < 2**64:
        return orjson.Fragment(str(value).encode())
    if isinstance(value, (list, tuple)):
        return [_long_integers_as_text(item) for item in value]
    if isinstance(value, dict):
        return {key: _long_integers_as_text(item) for key, item in value.items()}
    return value


def compact(value: Any) -> str:
    """``value`` as JSON text on one line (the ``tojson`` filter): a string or key in a
    printed document comes out as ``dumps`` would print it."""
    try:
        return orjson.dumps(value).decode()
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(value, ensure_ascii=False)


def nested(text: str, indent: int) -> str:
    """Printed JSON text placed ``indent`` spaces deep inside a larger printed document:
    the same text ``dumps`` would give for the whole."""
    return text.rstrip("\n").replace("\n", "\n" + " " * indent)


def nested_encoded(value: Any, indent: int) -> bytes:
    """``nested(dumps(value), indent)`` in UTF-8."""
    return encoded(value).rstrip(b"\n").replace(b"\n", b"\n" + b" " * indent)

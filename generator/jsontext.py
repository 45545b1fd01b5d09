"""JSON text of every emitted JSON file, decided once: two-space indent, UTF-8, keys in order.

orjson writes it an order of magnitude faster than the standard library, which
matters when a run writes thousands of schemas. Values orjson refuses (integers
past 64 bits, lone surrogates from an escaped example) go through ``json``,
which writes the same layout.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    """``value`` as indented JSON text, ending with a newline."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def compact(value: Any) -> str:
    """``value`` as JSON text on one line, for templates whose output is read back
    and printed by ``dumps``."""
    try:
        return orjson.dumps(value).decode()
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(value, ensure_ascii=False)


def nested(text: str, indent: int) -> str:
    """Printed JSON text placed ``indent`` spaces deep inside a larger printed document:
    the same text ``dumps`` would give for the whole."""
    return text.rstrip("\n").replace("\n", "\n" + " " * indent)

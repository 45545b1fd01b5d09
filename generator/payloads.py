"""Read payload files for ``graphdoc validate``: strict JSON, bounded."""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .usage import UsageError


class PayloadError(UsageError):
    """A payload file that can't be checked at all (exit 2)."""


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key)
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# Python refuses to read longer integers (sys.int_max_str_digits); say so in our words.
MAX_INT_DIGITS = 4300
_LONG_INT = re.compile(f"[0-9]{{{MAX_INT_DIGITS + 1}}}")
# Only escapes can spell half a surrogate pair: the values are searched for the
# culprit only when the text holds one (a fast search, with a literal prefix).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _Overflow(ValueError):
    pass


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # 1e400: valid JSON, but no double holds it
        raise _Overflow(text if len(text) <= 40 else text[:37] + "...")
    return value


def parse(text: str) -> Any:
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants, parse_float=_float)
    except _Duplicate as error:
        raise PayloadError(f"not JSON: the key {str(error)!r} appears twice in one object") from None
    except _Overflow as error:
        raise PayloadError(f"not JSON this tool can read: the number {error} is past the range of a double") from None
    except RecursionError:
        raise PayloadError("not JSON this tool can read: nested too deeply") from None
    except json.JSONDecodeError as error:
        raise PayloadError(f"not JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    except ValueError as error:
        if "integer string conversion" in str(error):  # Python's own limit on integer digits
            found = _LONG_INT.search(text)
            line = text.count("\n", 0, found.start()) + 1 if found else 1
            message = f"an integer longer than {MAX_INT_DIGITS} digits at line {line}"
            raise PayloadError(f"not JSON this tool can read: {message}") from None
        raise PayloadError(f"not JSON: {error}") from None
    if _SURROGATE_ESCAPE.search(text):
        where = _first(value, lambda item: isinstance(item, str) and not _encodable(item))
        if where is not None:
            raise PayloadError(f"not Unicode text: the string or key at {where} holds half of a surrogate pair")
    return value


def _first(value: Any, bad: Callable[[Any], bool]) -> str | None:
    """The JSON pointer of the first value or key (in document order) that is ``bad``."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        item, pointer = stack.pop()
        if bad(item):
            return _printable(pointer) or "(root)"
        children: list[tuple[str, Any]] = []
        if isinstance(item, dict):
            children = list(item.items())
        elif isinstance(item, list):
            children = [(str(index), child) for index, child in enumerate(item)]
        for key, child in reversed(children):
            inner = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
            if bad(key):
                return _printable(inner)
            stack.append((child, inner))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


STDIN = "-"


def load(name: str) -> Any:
    """The payload in file ``name`` (``-``: standard input)."""
    try:
        data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except FileNotFoundError:
        raise PayloadError("does not exist") from None
    except OSError as error:
        raise PayloadError(f"can't be read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PayloadError(f"not UTF-8 text (byte {error.start})") from None
    return parse(text)


class UntypedPayload(UsageError):
    """A payload that names no type, checked without ``--type`` (exit 2)."""


def odata_type(payload: Any) -> str:
    if not isinstance(payload, dict):
        kind = "an array" if isinstance(payload, list) else "not an object"
        raise UntypedPayload(f"the payload is {kind}, so it has no @odata.type; pass --type NAME")
    written = payload.get("@odata.type")
    if not isinstance(written, str) or not written.strip():
        raise UntypedPayload("the payload has no @odata.type; pass --type NAME")
    return written

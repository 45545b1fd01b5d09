"""Read payload files for ``graphdoc validate``: strict JSON, bounded.

orjson reads a payload when its answer is sure to be the one ``parse`` gives; anything
else (an error, a key twice, an integer past 64 bits, deep nesting) is read again by
``parse``, which refuses it in its own words.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from ..base.usage import UsageError
from ..runtime.handlers._issues import printable
from .validation import stated_type


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
            return printable(pointer) or "(root)"
        children: list[tuple[str, Any]] = []
        if isinstance(item, dict):
            children = list(item.items())
        elif isinstance(item, list):
            children = [(str(index), child) for index, child in enumerate(item)]
        for key, child in reversed(children):
            inner = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
            if bad(key):
                return printable(inner)
            stack.append((child, inner))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


STDIN = "-"


def load(name: str) -> Any:
    """The payload in file ``name`` (``-``: standard input)."""
    try:
        data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except FileNotFoundError:
        raise PayloadError("does not exist") from None
    except OSError as error:
        raise PayloadError(f"can't be read: {error.strerror or error}") from None
    return parse_bytes(data)


def parse_bytes(data: bytes) -> Any:
    """``parse`` of the UTF-8 text ``data`` (a byte order mark is read past), in a few
    microseconds when orjson's answer is sure to be parse's."""
    body = data[3:] if data.startswith(_BOM) else data
    if data.count(b"[") + data.count(b"{") < _FAST_OPENERS and not _LONG_DIGITS.search(data):
        try:
            value = orjson.loads(body)
            if not isinstance(value, (dict, list)) or _keys(body) == _keys(orjson.dumps(value)):
                return value
        except (orjson.JSONDecodeError, orjson.JSONEncodeError):
            pass  # not JSON (parse says why), or nested past what orjson writes back
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PayloadError(f"not UTF-8 text (byte {error.start})") from None
    return parse(text)


_BOM = b"\xef\xbb\xbf"
# orjson reads deeper nesting than json (1024 against the recursion limit), keeps the
# last of two equal keys, and reads an integer past 64 bits as a float: a payload that
# could hold any of these is left to parse. Counting brackets and digit runs in the
# bytes errs on the safe side (inside strings they cost only the fast path).
_FAST_OPENERS = 900
_LONG_DIGITS = re.compile(rb"[0-9]{19}")
# Each string of a JSON text, and the colon after it when it is a key.
_STRINGS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?', re.DOTALL)


def _keys(text: bytes) -> int:
    """How many object keys the JSON text holds: a key written twice counts twice in the
    text, once in what orjson made of it."""
    found = _STRINGS.findall(text)
    return len(found) - found.count(b"")


class UntypedPayload(UsageError):
    """A payload that names no type, checked without ``--type`` (exit 2)."""


def odata_type(payload: Any) -> str:
    if not isinstance(payload, dict):
        kind = "an array" if isinstance(payload, list) else "not an object"
        raise UntypedPayload(f"the payload is {kind}, so it has no @odata.type; pass --type NAME")
    written = stated_type(payload)
    if written is None:
        raise UntypedPayload("the payload has no @odata.type; pass --type NAME")
    return written

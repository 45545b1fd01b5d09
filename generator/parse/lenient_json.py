"""Read JSON the way a person reads the JSON in documentation pages.

Pages hold JSON that is often not strict: comments, trailing commas, missing
commas between lines, single or curly quotes, unquoted placeholders such as
``String`` or ``"id": {id}``, an unquoted time (``"duration": 00:00:00``), ``...``
where content was left out, Python's ``True``/``None``. ``loads`` first tries strict JSON (the fast path every valid
block takes); only then does it run a tolerant recursive-descent reader that
records each repair it made, so the caller can report it.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["JsonError", "loads"]

MAX_DEPTH = 200


class JsonError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line  # 0-based line within the text


_TOKEN = re.compile(
    r"""
    (?P<ws>[\s\ufeff\u200b]+)
  | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z)|\#[^\n]*)
  | (?P<punct>[{}\[\]:,])
  | (?P<dstring>"(?:[^"\\\n]|\\.)*")
  | (?P<sstring>'(?:[^'\\\n]|\\.)*')
  | (?P<cstring>[\u201c\u201d][^\u201c\u201d\n]*[\u201c\u201d])
  | (?P<ellipsis>\.\.\.+|\u2026)
  | (?P<time>\d+(?::\d\d){1,2}(?:\.\d+)?(?![\w:.]))
  | (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![\w.-]))
  | (?P<bare>[^\s{}\[\]:,"']+(?:[ \t]+[^\s{}\[\]:,"']+)*)
    """,
    re.VERBOSE | re.DOTALL,
)

_WORDS = {"true": True, "false": False, "null": None, "True": True, "False": False, "None": None}


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []  # kind, text, offset
        self.repairs: list[str] = []
        self.pos = 0
        self._lex()

    def _lex(self) -> None:
        text = self.text
        offset = 0
        while offset < len(text):
            match = _TOKEN.match(text, offset)
            if match is None:
                raise JsonError(f"unexpected character {text[offset]!r}", self._line(offset))
            kind = match.lastgroup or ""
            if kind == "comment":
                self._repair("comment removed")
            elif kind != "ws":
                self.tokens.append((kind, match.group(), offset))
            offset = match.end()

    def _line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset)

    def _repair(self, what: str) -> None:
        if what not in self.repairs:
            self.repairs.append(what)

    def _peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _error(self, message: str) -> JsonError:
        token = self._peek()
        offset = token[2] if token else len(self.text)
        return JsonError(message, self._line(offset))

    def _is(self, text: str) -> bool:
        token = self._peek()
        return token is not None and token[0] == "punct" and token[1] == text

    def document(self) -> Any:
        while self._peek() is not None and self._peek()[0] == "ellipsis":  # type: ignore[index]
            self.pos += 1
            self._repair("'...' placeholder skipped")
        value = self.value(0)
        if self._peek() is not None:
            raise self._error("unexpected content after the JSON value")
        return value

    def value(self, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self._error("JSON nested too deeply")
        token = self._peek()
        if token is None:
            raise self._error("JSON ends early")
        kind, text, _ = token
        if kind == "punct" and text == "{":
            return self.obj(depth)
        if kind == "punct" and text == "[":
            return self.array(depth)
        if kind == "punct":
            raise self._error(f"unexpected {text!r}")
        self.pos += 1
        return self.scalar(kind, text)

    def scalar(self, kind: str, text: str) -> Any:
        if kind == "dstring":
            try:
                return json.loads(text)
            except ValueError:
                self._repair("bad escape in a string")
                return text[1:-1]
        if kind in ("sstring", "cstring"):
            self._repair("non-JSON quotes")
            return text[1:-1].replace("\\'", "'")
        if kind == "number":
            if _is_json_number(text):
                return json.loads(text)
            self._repair("number not in JSON form")
            return float(text)
        if kind == "ellipsis":
            self._repair("'...' placeholder read as a string")
            return text
        if text in _WORDS:
            if text not in ("true", "false", "null"):
                self._repair(f"{text} read as a JSON literal")
            return _WORDS[text]
        self._repair("unquoted text read as a string")
        return text

    def obj(self, depth: int) -> dict[str, Any]:
        self.pos += 1  # {
        result: dict[str, Any] = {}
        while True:
            token = self._peek()
            if token is None:
                raise self._error("object is not closed")
            kind, text, _ = token
            if kind == "punct" and text == "}":
                self.pos += 1
                return result
            if kind == "punct" and text == ",":
                self.pos += 1
                self._repair("extra comma")
                continue
            if kind == "ellipsis":
                self.pos += 1
                self._repair("'...' placeholder skipped")
                continue
            if kind == "punct":
                raise self._error(f"expected a property name, found {text!r}")
            self.pos += 1
            if kind in ("bare", "number"):
                self._repair("unquoted property name")
                key = text
            else:
                key = str(self.scalar(kind, text))
            if not self._is(":"):
                raise self._error(f"expected ':' after {key!r}")
            self.pos += 1
            result[key] = self.value(depth + 1)
            if self._is(","):
                self.pos += 1
                if self._is("}"):
                    self._repair("trailing comma")
            elif not self._is("}") and self._peek() is not None:
                self._repair("missing comma")

    def array(self, depth: int) -> list[Any]:
        self.pos += 1  # [
        result: list[Any] = []
        while True:
            token = self._peek()
            if token is None:
                raise self._error("array is not closed")
            kind, text, _ = token
            if kind == "punct" and text == "]":
                self.pos += 1
                return result
            if kind == "punct" and text == ",":
                self.pos += 1
                self._repair("extra comma")
                continue
            if kind == "ellipsis":
                self.pos += 1
                self._repair("'...' placeholder skipped")
                continue
            result.append(self.value(depth + 1))
            if self._is(","):
                self.pos += 1
                if self._is("]"):
                    self._repair("trailing comma")
            elif not self._is("]") and self._peek() is not None:
                self._repair("missing comma")


_JSON_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?\Z")


def _is_json_number(text: str) -> bool:
    return _JSON_NUMBER.match(text) is not None


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether any value sits more than ``limit`` containers deep (walked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def loads(text: str) -> tuple[Any, list[str]]:
    """The value and the repairs it took (empty for strict JSON).

    Raises JsonError (with a 0-based line) when even a tolerant reading fails.
    """
    value, repairs = _loads(text)
    if _HALF_PAIR_ESCAPE.search(text) is not None:
        value, replaced = _whole_characters(value)
        if replaced:
            repairs = [*repairs, "half of a surrogate pair (an escape from \\ud800 to \\udfff) read as U+FFFD"]
    return value, repairs


def _loads(text: str) -> tuple[Any, list[str]]:
    try:
        value = json.loads(text)
    except RecursionError:
        raise JsonError("JSON nested too deeply", 0) from None
    except ValueError:
        pass
    else:
        # The same bound as the tolerant reader: deeper values break whatever
        # recurses over them later (pickling a page record for the cache, for one).
        if text.count("[") + text.count("{") > MAX_DEPTH and _deeper_than(value, MAX_DEPTH):
            raise JsonError("JSON nested too deeply", 0)
        return value, []
    reader = _Reader(text)
    try:
        value = reader.document()
    except RecursionError:
        raise JsonError("JSON nested too deeply", 0) from None
    return value, reader.repairs


# Page bytes are decoded with invalid UTF-8 replaced; an escape can still spell half
# of a surrogate pair, which is no character and can't be written out as UTF-8.
_HALF_PAIR_ESCAPE = re.compile(r"\\[uU][dD][89abcdefABCDEF]")
_HALF_PAIR = re.compile("[\ud800-\udfff]")


def _whole_characters(value: Any) -> tuple[Any, bool]:
    """``value`` with every half of a surrogate pair in its strings and keys replaced by U+FFFD."""
    if isinstance(value, str):
        fixed = _HALF_PAIR.sub("\ufffd", value)
        return fixed, fixed != value
    if isinstance(value, list):
        items = [_whole_characters(item) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    if isinstance(value, dict):
        changed = False
        result = {}
        for key, item in value.items():
            new_key, key_changed = _whole_characters(key)
            new_item, item_changed = _whole_characters(item)
            result[new_key] = new_item
            changed = changed or key_changed or item_changed
        return result, changed
    return value, False

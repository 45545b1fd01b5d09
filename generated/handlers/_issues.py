"""Why a payload breaks its schema, in words: where, what was expected, what was found.

jsonschema finds the errors; this turns each into an ``Issue`` (a JSON pointer
into the payload, what the schema expected and what the payload holds) that a
person can act on. ``graphdoc validate``, ``generator.validate`` and the mock
service's 400 answers all speak through it, so each says the same thing.
The schemas' own patterns live here too, with the words an issue gives for them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the words need no jsonschema; importing this module stays cheap
    from jsonschema.exceptions import ValidationError

# Patterns the schemas use, with the words an issue gives for them.
TIME_OF_DAY = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,12})?)?$"
BASE64 = r"^[A-Za-z0-9+/_-]*={0,2}$"
# Duration: ISO 8601, as Graph writes it (OData's Edm.Duration): an optional sign,
# a decimal fraction on the last component only, weeks alone. JSON Schema's own
# reading (RFC 3339's appendix, which jsonschema-rs follows) has no sign and no
# fraction, so the schemas state durations with this pattern (and the compiled validator is
# given it for a schema that says format: duration).
# No lookaround: jsonschema-rs then matches it with its fast engine.
_N = "[0-9]+"
_X = "[0-9]+(?:[.,][0-9]+)?"  # the last component may have a fraction
DURATION = (
    f"^[-+]?P(?:{_X}W"
    f"|(?:{_N}Y)?(?:{_N}M)?{_X}D|(?:{_N}Y)?{_X}M|{_X}Y"
    f"|(?:{_N}Y)?(?:{_N}M)?(?:{_N}D)?T"
    f"(?:(?:{_N}H)?(?:{_N}M)?{_X}S|(?:{_N}H)?{_X}M|{_X}H))$"
)
FLOAT_WORDS = r"^(NaN|INF|-INF)$"
DECIMAL = r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
PATTERN_NAMES = {
    TIME_OF_DAY: "a time of day (hh:mm[:ss[.fffffff]])",
    BASE64: "base64 text",
    DURATION: "a duration string",
    FLOAT_WORDS: 'a number or one of "NaN", "INF", "-INF"',
    DECIMAL: "a decimal number",
}

# A schema's pattern is an ECMA 262 regular expression (JSON Schema says so, and
# jsonschema-rs reads it so). Python's re reads some of it otherwise: its $ also
# matches before a final line break, its \s takes controls ECMA's doesn't (and not
# U+FEFF), its \d and \w take other scripts' digits and letters. search() reads those
# as ECMA does, so the explanation agrees with the compiled validator on every string.
_ECMA_SPACE = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_ECMA_ESCAPES = {"s": f"[{_ECMA_SPACE}]", "S": f"[^{_ECMA_SPACE}]"}
_COMPILED: dict[str, re.Pattern[str]] = {}


def search(pattern: str, text: str) -> bool:
    """Whether ``text`` matches the schema pattern ``pattern`` as ECMA 262 reads it."""
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        try:  # \d, \w and \b are ASCII in ECMA 262
            compiled = re.compile(_ecma(pattern), re.ASCII)
        except re.error:  # a construct this reading doesn't know: Python's own
            compiled = re.compile(pattern)
        _COMPILED[pattern] = compiled
    return compiled.search(text) is not None


def _ecma(pattern: str) -> str:
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped == "s" and in_class:
                out.append(_ECMA_SPACE)
            elif escaped in "sS" and not in_class:
                out.append(_ECMA_ESCAPES[escaped])
            elif escaped == "S":
                raise re.error("\\S inside a class")
            else:
                out.append(char + escaped)
            index += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            negated = pattern.startswith("^", index + 1)
            if pattern.startswith("]", index + 1 + negated):
                raise re.error(
                    "ECMA's [] and [^] hold nothing; Python reads the ] as a member"
                )
            out.append(char)
        else:
            out.append(r"\Z" if char == "$" else char)
        index += 1
    return "".join(out)


@dataclass(frozen=True)
class Issue:
    pointer: str  # JSON pointer into the payload ("" is the payload itself)
    expected: str
    found: str

    @property
    def message(self) -> str:
        return f"expected {self.expected}, found {self.found}"

    def __str__(self) -> str:
        return f"{self.pointer or '(root)'}: {self.message}"


def issues(errors: Iterable[ValidationError]) -> Iterator[Issue]:
    """Each error as the issues it stands for, in the order jsonschema finds them.
    Lazy, so a caller can stop after as many as it lists."""
    for error in errors:
        yield from _issues(error)


def pointer(path: Iterable[Any]) -> str:
    """A JSON pointer (RFC 6901) to the value at ``path``, printable whatever its keys hold."""
    return printable(
        "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)
    )


def printable(text: str) -> str:
    """``text`` with lone surrogates written as escapes, so an issue can always be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _found(instance: Any) -> str:
    if instance is None:
        return "null"
    kinds = {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        type(None): "null",
    }
    kind = kinds.get(type(instance), "number")
    if isinstance(instance, (dict, list)):
        return kind
    text = json.dumps(
        instance if not isinstance(instance, str) else instance[:60], ensure_ascii=False
    )
    return printable(f"{kind} {text if len(text) <= 60 else text[:57] + '...'}")


def _is_null_branch(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


def _issues(error: ValidationError) -> Iterator[Issue]:
    keyword = error.validator
    if "propertyNames" in error.relative_schema_path and isinstance(
        error.instance, str
    ):
        # a closed type names what it admits: its properties and OData's annotations
        yield Issue(
            pointer([*error.absolute_path, error.instance]),
            "no such property (the type is closed)",
            printable(f"property {error.instance[:60]!r}"),
        )
        return
    if keyword in ("anyOf", "oneOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        options = (
            error.validator_value if isinstance(error.validator_value, list) else []
        )
        kept = [
            errs
            for index, errs in branches.items()
            if not _is_null_branch(options[index] if index < len(options) else None)
        ]
        if len(kept) == 1:
            for sub in kept[0]:
                yield from _issues(sub)
            return
    where = pointer(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.validator_value
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        known = schema.get("properties", {})
        patterns = list(schema.get("patternProperties", {}))
        for key in error.instance:
            if key not in known and not any(search(p, key) for p in patterns):
                found = printable(f"property {key[:60]!r}")
                yield Issue(
                    where + pointer([key]),
                    "no such property (the type is closed)",
                    found,
                )
        return
    found = _found(error.instance)
    members = flags_members(str(value)) if keyword == "pattern" else None
    if members is not None and isinstance(error.instance, str):
        parts = error.instance.split(
            ","
        )  # as the pattern reads them: spaces after a comma
        spelt = [parts[0], *(part.lstrip(_ECMA_SPACE) for part in parts[1:])]
        strangers = [part for part in spelt if part not in members]
        if strangers:
            verb = "is" if len(strangers) == 1 else "are"
            found += f" ({_listed(strangers[:3])} {verb} no member)"
    yield Issue(where, _expected(str(keyword), value, error.message), found)


def _listed(values: list[Any]) -> str:
    """The first eight values, as JSON: ``"a", "b", ...``."""
    return ", ".join(json.dumps(v) for v in values[:8]) + (
        ", ..." if len(values) > 8 else ""
    )


# A flags enum's schema: its members, then any more after commas (the schema emitter's form).
_FLAGS = re.compile(r"\^\((?P<one>.+)\)\(,\\s\*\((?P=one)\)\)\*\$", re.DOTALL)


def flags_members(pattern: str) -> list[str] | None:
    """The members of a flags enum's pattern, or None for another pattern."""
    found = _FLAGS.fullmatch(pattern)
    if found is None:
        return None
    members: list[str] = []
    current: list[str] = []
    escaped = False
    for char in found.group("one"):
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            members.append("".join(current))
            current = []
        else:
            current.append(char)
    members.append("".join(current))
    return members


def _expected(keyword: str, value: Any, message: str) -> str:
    if keyword == "type":
        kinds = value if isinstance(value, list) else [value]
        return " or ".join(str(k) for k in kinds)
    if keyword == "enum" and isinstance(value, list):
        return f"one of {_listed(value)}"
    if keyword == "format":
        return f"a {value} string"
    if keyword == "pattern":
        members = flags_members(str(value))
        if members is not None:
            return f"a comma-separated combination of {_listed(members)}"
        return PATTERN_NAMES.get(str(value)) or f"a string matching {value}"
    if keyword == "minimum":
        return f"a number >= {value}"
    if keyword == "maximum":
        return f"a number <= {value}"
    if keyword == "const":
        return json.dumps(value)
    return printable(message if len(message) <= 200 else message[:197] + "...")

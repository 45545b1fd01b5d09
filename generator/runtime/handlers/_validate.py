"""Whether a payload is valid, decided by a compiled validator; why not, told by jsonschema.

jsonschema-rs compiles each schema once and answers valid or not at native speed.
jsonschema stays the reference for what the schemas mean and explains an invalid
payload (``_issues`` turns its errors into words), so a caller asks ``valid()`` first
and the reference only when that says no. Both read the schemas the same way: the
formats and patterns as the schemas document them (the checks below, the patterns as
ECMA 262 reads them), a test holding the two to the same verdict on every documented
example and on generated payloads. Without jsonschema-rs, or for a schema it can't
compile, jsonschema decides alone (a one-line note says so, once).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urljoin

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.protocols import Validator as Reference
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ._issues import search

try:
    import jsonschema_rs
except ImportError:  # jsonschema decides alone (see note())
    jsonschema_rs = None  # type: ignore[assignment]

log = logging.getLogger("graphdoc.validate")

# -- formats, as the schemas document them ----------------------------------

# Duration: ISO 8601, as Graph writes it (OData's Edm.Duration): an optional sign,
# a decimal fraction on the last component only, weeks alone. JSON Schema's own
# reading (RFC 3339's appendix, which jsonschema-rs follows) has no sign and no
# fraction, so the compiled validator is given this pattern instead of the format.
_PART = "[0-9]+(?:[.,][0-9]+{0}(?![0-9T])|{0})"
DURATION = (
    "^[-+]?P(?:[0-9]+(?:[.,][0-9]+)?W|(?=[0-9]|T[0-9])"
    + "".join(f"(?:{_PART.format(unit)})?" for unit in "YMD")
    + "(?:T(?=[0-9])"
    + "".join(f"(?:{_PART.format(unit)})?" for unit in "HMS")
    + ")?)$"
)
# Date-time and date: RFC 3339, as JSON Schema says. A leap second (:60) only where
# one can fall, at 23:59 UTC; the year 0000 is a year (Python's datetime can't hold
# either, so the generated models refuse them). jsonschema-rs reads them so.
_DATE = "([0-9]{4})-([0-9]{2})-([0-9]{2})"
_DATE_ONLY = re.compile(_DATE)
_DATE_TIME = re.compile(
    _DATE
    + r"[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))"
)
_UUID = re.compile(
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_date(year: str, month: str, day: str) -> bool:
    y, m, d = int(year), int(month), int(day)
    if not 1 <= m <= 12:
        return False
    leap = m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 1 <= d <= _DAYS[m - 1] + leap


def is_date(value: object) -> bool:
    """RFC 3339 ``full-date``: ``2026-02-28``."""
    if not isinstance(value, str):
        return True
    found = _DATE_ONLY.fullmatch(value)
    return found is not None and _is_date(*found.groups())


def is_date_time(value: object) -> bool:
    """RFC 3339 ``date-time``: ``2026-02-28T08:30:00.5Z``, ``...+01:00``."""
    if not isinstance(value, str):
        return True
    found = _DATE_TIME.fullmatch(value)
    if found is None:
        return False
    year, month, day, hour, minute, second, sign, zone_hour, zone_minute = (
        found.groups()
    )
    h, m, s = int(hour), int(minute), int(second)
    if not (_is_date(year, month, day) and h <= 23 and m <= 59 and s <= 60):
        return False
    offset = 0
    if sign:
        if int(zone_hour) > 23 or int(zone_minute) > 59:
            return False
        offset = (int(zone_hour) * 60 + int(zone_minute)) * (1 if sign == "+" else -1)
    return s < 60 or (h * 60 + m - offset) % 1440 == 23 * 60 + 59


def is_duration(value: object) -> bool:
    """ISO 8601 duration: ``PT40M``, ``P1DT2H``, ``-PT0.5S``, ``P1Y2M``, ``P2W``."""
    return not isinstance(value, str) or search(DURATION, value)


def is_uuid(value: object) -> bool:
    """A GUID as text: 8-4-4-4-12 hex digits."""
    return not isinstance(value, str) or _UUID.fullmatch(value) is not None


FORMATS: dict[str, Callable[[object], bool]] = {
    "date": is_date,
    "date-time": is_date_time,
    "duration": is_duration,
    "uuid": is_uuid,
}
FORMAT_CHECKER = FormatChecker(formats=())
FORMAT_CHECKER.checkers.update(Draft202012Validator.FORMAT_CHECKER.checkers)
for _name, _check in FORMATS.items():
    FORMAT_CHECKER.checks(_name)(_check)


# -- the reference: jsonschema, patterns read as ECMA 262 -----------------------


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Any, patterns: dict[str, Any], instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if search(pattern, key):
                yield from validator.descend(
                    value, subschema, path=key, schema_path=pattern
                )


def _additional_properties(
    validator: Any, extra: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    known = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    extras = [
        key
        for key in instance
        if key not in known and not any(search(p, key) for p in patterns)
    ]
    if validator.is_type(extra, "object"):
        for key in extras:
            yield from validator.descend(instance[key], extra, path=key)
    elif extra is False and extras:
        unexpected = ", ".join(repr(key) for key in extras)
        yield ValidationError(f"Additional properties are not allowed ({unexpected})")


_extend: Callable[..., type[Reference]] = extend
REFERENCE = _extend(
    Draft202012Validator,
    {
        "pattern": _pattern,
        "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties,
    },
    format_checker=FORMAT_CHECKER,
)


# -- the compiled validator ---------------------------------------------------

# Payloads nested deeper than this many arrays and objects go to the reference: it
# answers them as it always has (valid, or too deep to check), and jsonschema-rs,
# which recurses on the machine stack, never meets one nested thousands deep.
MAX_DEPTH = 32
_DEPTH_ID = "urn:graphdoc:depth"
# jsonschema-rs compiles a $ref into the schema that holds it, once per path that
# leads there, which is exponential on Graph's polymorphic types (a type's root
# dispatches to every derived type, whose properties lead back). A $ref into a
# schema document that leads to more than this many documents is compiled once, as
# a validator of its own, and called from the others (the keyword below).
_MAX_INLINE = 20
_CALL = "x-graphdoc-call"
_INT64_MIN = -(2**63)
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_VALUES = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_notes: set[str] = set()


def note(key: str, message: str) -> None:
    """Say ``message`` on stderr (through logging), once per ``key`` and process."""
    if key not in _notes:
        _notes.add(key)
        log.warning("graphdoc: %s", message)


def _subschemas(
    schema: Mapping[str, Any], change: Callable[[Any], Any]
) -> dict[str, Any]:
    """``schema`` with ``change`` applied to each of its direct subschemas."""
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            value = {name: change(sub) for name, sub in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            value = [change(sub) for sub in value]
        elif key in _SCHEMA_VALUES:
            value = change(value)
        out[key] = value
    return out


def _targets(document: Any, base: str) -> set[str]:
    """The other documents the ``$ref``s in ``document`` (whose id is ``base``) lead to."""
    found: set[str] = set()
    stack = [document]
    while stack:
        schema = stack.pop()
        if not isinstance(schema, dict):
            continue
        ref = schema.get("$ref")
        if isinstance(ref, str):
            found.add(urljoin(base, ref).partition("#")[0])
        for key, value in schema.items():
            if key in _SCHEMA_MAPS and isinstance(value, dict):
                stack.extend(value.values())
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                stack.extend(value)
            elif key in _SCHEMA_VALUES:
                stack.append(value)
    return found - {base}


def _large(documents: Mapping[str, Any]) -> set[str]:
    """The documents that lead (through ``$ref``s) to more than ``_MAX_INLINE`` documents."""
    edges = {i: _targets(d, i) for i, d in documents.items()}
    large: set[str] = set()
    for start in documents:
        seen, stack = {start}, [start]
        while stack and len(seen) <= _MAX_INLINE:
            for target in edges.get(stack.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        if len(seen) > _MAX_INLINE:
            large.add(start)
    return large


def _compiled_form(schema: Any, base: str, large: set[str]) -> Any:
    """``schema`` as jsonschema-rs is given it: the same meaning, read its way.

    ``format: duration`` becomes the pattern above; an Int64 minimum also takes the
    float that equals it (jsonschema-rs finds -9223372036854775808.0 below
    -9223372036854775808); a ``$ref`` into a large document becomes a call.
    """
    if not isinstance(schema, dict):
        return schema
    out = _subschemas(schema, lambda sub: _compiled_form(sub, base, large))
    also: list[dict[str, Any]] = []
    if out.get("format") == "duration":
        del out["format"]
        also.append({"pattern": DURATION})
    for bound in ("minimum", "maximum"):
        value = out.get(bound)
        if type(value) is int and not _INT64_MIN < value < -_INT64_MIN:
            try:
                same = float(value)
            except OverflowError:  # no float equals it
                continue
            if same == value:
                del out[bound]
                also.append({"anyOf": [{bound: value}, {"const": same}]})
    ref = out.get("$ref")
    if isinstance(ref, str):
        target = urljoin(base, ref)
        if target.partition("#")[0] in large - {base}:
            del out["$ref"]
            out[_CALL] = target
    if also:
        out["allOf"] = [*out.get("allOf", []), *also]
    return out


def _depth_schema(levels: int) -> dict[str, Any]:
    """Accepts a value with at most ``levels`` arrays and objects nested."""
    defs: dict[str, Any] = {
        f"d{n}": {
            "items": {"$ref": f"#/$defs/d{n + 1}"},
            "additionalProperties": {"$ref": f"#/$defs/d{n + 1}"},
        }
        for n in range(levels)
    }
    defs[f"d{levels}"] = {"type": ["string", "number", "boolean", "null"]}
    return {"$id": _DEPTH_ID, "$defs": defs, "$ref": "#/$defs/d0"}


class Schemas:
    """A set of schema documents (each with its own ``$id``), registered for both validators."""

    def __init__(self, documents: Iterable[Mapping[str, Any]]) -> None:
        self.by_id: dict[str, Mapping[str, Any]] = {
            d["$id"]: d for d in documents if isinstance(d.get("$id"), str)
        }
        # Without "$schema": jsonschema would validate a document that names its dialect
        # with that dialect's stock validator, not with the reference's reading of patterns.
        self.registry: Registry[Any] = Registry().with_resources(
            (
                i,
                Resource.from_contents(
                    {k: v for k, v in d.items() if k != "$schema"},
                    default_specification=DRAFT202012,
                ),
            )
            for i, d in self.by_id.items()
        )
        self._compiled: Any = None  # jsonschema-rs's registry, made on first use
        self._calls: dict[str, Callable[[Any], bool]] = {}

    def validator(self, schema: Mapping[str, Any], name: str = "") -> Validator:
        """Both validators of ``schema`` (its ``$ref``s resolve among these schemas)."""
        reference = REFERENCE(
            schema, registry=self.registry, format_checker=FORMAT_CHECKER
        )
        return Validator(reference, self._compile(schema, name or "a schema"))

    def _compile(
        self, schema: Mapping[str, Any], name: str
    ) -> Callable[[Any], bool] | None:
        if jsonschema_rs is None:
            note(
                "missing",
                "jsonschema-rs is not installed; jsonschema checks payloads alone (slower)",
            )
            return None
        try:
            if self._compiled is None:
                self._compiled = self._registry()
            form = _compiled_form(schema, "", self._compiled[1])
            if _CALL in form:  # the schema's own $ref is what is compiled here
                form["$ref"] = form.pop(_CALL)
            return self._rs({"allOf": [{"$ref": _DEPTH_ID}, form]})
        except Exception as error:  # noqa: BLE001 - any failure: the reference decides
            note(
                "compile",
                f"jsonschema-rs can't compile {name} ({type(error).__name__}: "
                f"{str(error)[:200]}); jsonschema checks it alone",
            )
            return None

    def _registry(self) -> tuple[Any, set[str]]:
        large = _large(self.by_id)
        resources = [(i, _compiled_form(d, i, large)) for i, d in self.by_id.items()]
        resources.append((_DEPTH_ID, _depth_schema(MAX_DEPTH)))
        return jsonschema_rs.Registry(resources), large

    def _rs(self, schema: Mapping[str, Any]) -> Callable[[Any], bool]:
        schemas = self

        class Call:
            """The keyword that validates a value against a separately compiled schema."""

            def __init__(self, parent: Any, uri: str, path: Any) -> None:
                self.uri = uri

            def validate(self, instance: Any) -> None:
                check = schemas._calls.get(self.uri)
                if check is None:
                    check = schemas._calls[self.uri] = schemas._rs({"$ref": self.uri})
                if not check(instance):
                    raise ValueError(f"not valid against {self.uri}")

        compiled = jsonschema_rs.Draft202012Validator(
            dict(schema),
            registry=self._compiled[0],
            validate_formats=True,
            keywords={_CALL: Call},
            offline=True,
        )
        is_valid: Callable[[Any], bool] = compiled.is_valid
        return is_valid


class Validator:
    """One schema's two validators: the compiled one decides, the reference explains."""

    __slots__ = ("fast", "reference")

    def __init__(
        self, reference: Reference, fast: Callable[[Any], bool] | None
    ) -> None:
        self.reference = reference
        self.fast = fast  # jsonschema-rs's is_valid, or None: the reference decides

    def valid(self, payload: Any) -> bool:
        """True when the compiled validator finds ``payload`` valid. False when it finds it
        invalid or can't tell (no compiled validator, a value that isn't JSON such as a
        lone surrogate): ask ``reference``, which explains, and whose verdict stands."""
        fast = self.fast
        if fast is None:
            return False
        try:
            return fast(payload)
        except Exception:  # noqa: BLE001 - a value jsonschema-rs can't read
            return False

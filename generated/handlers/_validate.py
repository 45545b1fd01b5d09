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

import copy
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urljoin

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.protocols import Validator as Reference
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ._issues import DURATION, search

try:
    import jsonschema_rs
except ImportError:  # jsonschema decides alone (see note())
    jsonschema_rs = None  # type: ignore[assignment]

log = logging.getLogger("graphdoc.validate")

# -- formats, as the schemas document them ----------------------------------

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

# jsonschema-rs compiles a $ref into the schema that holds it, once for each path that
# leads there: exponential on Graph's polymorphic types (a type's root dispatches to
# every derived type, whose properties lead back; the corpus's user took 24 GB). So a
# $ref into a document that leads to more than _MAX_INLINE documents is a call (the
# keyword below) to a validator compiled once for its target.
# So is each derived type of a large base type that has more than _MAX_CASES of them
# (entity has 1,154 in the corpus): a value of that type pays for one call, not the
# compile of every derived type.
# It also recurses on the machine stack: a payload nested thousands deep through a
# recursive type crashed the process. So the root of every document on a cycle first
# checks that the value is at most MAX_DEPTH arrays and objects deep, and calls nest at
# most MAX_CALLS deep. A payload deeper than that goes to the reference, which answers
# it as it always has (valid, or too deep to check).
_MAX_INLINE = 30
_MAX_CASES = 16  # a large base type with more derived types dispatches to them by calls
MAX_DEPTH = 32
MAX_CALLS = 32
_CALL = "x-graphdoc-call"
_DEPTH = "urn:graphdoc:max-depth"
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
_DOCUMENT_KEYS = ("$id", "$schema", "$defs")  # what stays at a guarded document's top
_notes: set[str] = set()
_MISSING = "jsonschema-rs is not installed; jsonschema checks payloads alone (slower)"
_calls = threading.local()  # .depth: calls under way in this thread


def note(key: str, message: str) -> None:
    """Say ``message`` on stderr (through logging), once per ``key`` and process."""
    if key not in _notes:
        _notes.add(key)
        log.warning("graphdoc: %s", message)


def _subschemas(schema: Mapping[str, Any]) -> Iterator[Any]:
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            yield from value.values()
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            yield from value
        elif key in _SCHEMA_VALUES:
            yield value


def _absolute(base: str, ref: str) -> str:
    """``ref`` resolved against ``base``; the emitted schemas' two kinds without urljoin's cost."""
    if ref.startswith("#"):
        return base.partition("#")[0] + ref
    if ref.startswith(("https://", "http://", "urn:")):
        return ref
    return urljoin(base, ref)


def _refs(document: Any, base: str) -> Iterator[str]:
    """The ``$ref``s in ``document`` (whose id is ``base``), made absolute."""
    stack = [document]
    while stack:
        schema = stack.pop()
        if isinstance(schema, dict):
            ref = schema.get("$ref")
            if isinstance(ref, str):
                yield _absolute(base, ref)
            stack.extend(_subschemas(schema))


class _Plan:
    """Which ``$ref``s of a set of documents jsonschema-rs calls, and which documents it guards."""

    def __init__(self, documents: Mapping[str, Any]) -> None:
        edges: dict[str, set[str]] = {}
        self.recursive: set[str] = set()  # documents on a cycle of $refs
        for i, document in documents.items():
            targets = edges[i] = set()
            for ref in _refs(document, i):
                target, _, fragment = ref.partition("#")
                if target != i:
                    targets.add(target)
                elif not fragment.strip("/"):  # its own root, from inside
                    self.recursive.add(i)
        self.large: set[str] = set()
        for start in documents:
            seen, stack = {start}, [start]
            cycle = False
            while stack and len(seen) <= _MAX_INLINE:
                for target in edges.get(stack.pop(), ()):
                    cycle = cycle or target == start
                    if target not in seen:
                        seen.add(target)
                        stack.append(target)
            if len(seen) > _MAX_INLINE:
                self.large.add(start)
            elif cycle:
                self.recursive.add(start)

    def calls(self, base: str, target: str) -> bool:
        """Whether the ``$ref`` to ``target`` in document ``base`` is a call."""
        document, _, fragment = target.partition("#")
        if document == base:  # a large document's own root, from inside, is a cycle
            return base in self.large and not fragment.strip("/")
        return document in self.large


def _compiled_form(schema: Any, base: str, plan: _Plan) -> Any:
    """``schema`` as jsonschema-rs is given it: the same meaning, read its way.

    ``format: duration`` becomes the pattern above; an Int64 minimum also takes the
    float that equals it (jsonschema-rs finds -9223372036854775808.0 below
    -9223372036854775808); a ``$ref`` the plan calls becomes the call keyword.
    """
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            value = {k: _compiled_form(v, base, plan) for k, v in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            value = [_compiled_form(v, base, plan) for v in value]
        elif key in _SCHEMA_VALUES:
            value = _compiled_form(value, base, plan)
        out[key] = value
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
    if isinstance(ref, str) and plan.calls(base, _absolute(base, ref)):
        out[_CALL] = _absolute(base, out.pop("$ref"))
    cases = out.get("allOf")
    if isinstance(cases, list) and len(cases) > _MAX_CASES:
        derived = [c for c in cases if _odata_types(c) is not None and "then" in c]
        if (
            base in plan.large
        ):  # each derived type of a wide base is compiled on its own
            for case in derived:
                then = case["then"]
                if isinstance(then, dict) and isinstance(then.get("$ref"), str):
                    case["then"] = {_CALL: _absolute(base, then["$ref"])}
        chosen = {id(c) for c in derived}
        out["allOf"] = [_dispatch(derived)] + [c for c in cases if id(c) not in chosen]
    if also:
        out["allOf"] = [*out.get("allOf", []), *also]
    return out


def _odata_types(case: Any) -> list[str] | None:
    """The @odata.type spellings a derived-type case of a root schema applies to, or None."""
    condition = case.get("if") if isinstance(case, dict) else None
    if not isinstance(condition, dict) or condition.get("required") != ["@odata.type"]:
        return None
    names = condition.get("properties", {}).get("@odata.type", {}).get("enum")
    return (
        names
        if isinstance(names, list) and all(isinstance(n, str) for n in names)
        else None
    )


def _dispatch(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """The derived-type cases of a root schema as a tree of halves, each half tried only when
    @odata.type names one of its types (the types are distinct): about 2 log2(n) checks for a
    value of a base type with n derived types instead of n (entity has 1,154)."""
    if len(cases) <= 4:
        return {"allOf": cases}
    half = len(cases) // 2
    names = [
        re.sub(r"([\\.^$|?*+()\[\]{}])", r"\\\1", n)
        for c in cases[:half]
        for n in _odata_types(c) or ()
    ]
    condition = {"type": "string", "pattern": f"^(?:{'|'.join(names)})$"}
    return {
        "if": {"required": ["@odata.type"], "properties": {"@odata.type": condition}},
        "then": _dispatch(cases[:half]),
        "else": _dispatch(cases[half:]),
    }


def _guarded(document: dict[str, Any]) -> dict[str, Any]:
    """``document``, checking the depth of a value before anything else (allOf keeps order)."""
    rest = {k: v for k, v in document.items() if k not in _DOCUMENT_KEYS}
    kept = {k: v for k, v in document.items() if k in _DOCUMENT_KEYS}
    return {**kept, "allOf": [{"$ref": _DEPTH}, rest]}


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
    return {"$id": _DEPTH, "$defs": defs, "$ref": "#/$defs/d0"}


def _holds_local_ref(schema: Any) -> bool:
    """Whether ``schema`` has a ``$ref`` into itself (``#...``), which resolves only with
    the schema as its validator's root."""
    if isinstance(schema, Mapping):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            return True
        return any(_holds_local_ref(v) for v in schema.values())
    if isinstance(schema, list):
        return any(_holds_local_ref(v) for v in schema)
    return False


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
        self._base: Reference | None = None  # the validator the references evolve from
        self._plan: _Plan | None = None
        self._calling: set[str] = set()  # documents whose compiled form calls
        self._targets: dict[str, Callable[[Any], bool]] = {}  # call target -> validator
        # Said here, once: a process forked later knows it was said.
        if jsonschema_rs is None:
            note("missing", _MISSING)

    def validator(self, schema: Mapping[str, Any], name: str = "") -> Validator:
        """Both validators of ``schema`` (its ``$ref``s resolve among these schemas)."""

        def reference() -> Reference:
            if _holds_local_ref(schema):
                return REFERENCE(
                    schema, registry=self.registry, format_checker=FORMAT_CHECKER
                )
            # evolved from one validator, each shares its resolver: a new validator
            # would combine the whole registry again (~8 ms on the corpus's schemas)
            base = self._base
            if base is None:
                base = self._base = REFERENCE(
                    {}, registry=self.registry, format_checker=FORMAT_CHECKER
                )
            return base.evolve(schema=schema)

        return Validator(reference, self._compile(schema, name or "a schema"))

    def _compile(
        self, schema: Mapping[str, Any], name: str
    ) -> Callable[[Any], bool] | None:
        if jsonschema_rs is None:
            note("missing", _MISSING)
            return None
        try:
            return self._rs(schema)
        except Exception as error:  # noqa: BLE001 - any failure: the reference decides
            note(
                "compile",
                f"jsonschema-rs can't compile {name} ({type(error).__name__}: "
                f"{str(error)[:200]}); jsonschema checks it alone",
            )
            return None

    def _rs(self, schema: Mapping[str, Any]) -> Callable[[Any], bool]:
        """jsonschema-rs's ``is_valid`` for ``schema``, whose own ``$ref`` it compiles in place."""
        plan = self._plan
        if plan is None:
            plan = self._plan = _Plan(self.by_id)
            forms = {i: _compiled_form(d, i, plan) for i, d in self.by_id.items()}
            self._calling = {i for i, form in forms.items() if _holds_call(form)}
            resources = [
                (i, _guarded(form) if i in plan.recursive else form)
                for i, form in forms.items()
            ]
            resources.append((_DEPTH, _depth_schema(MAX_DEPTH)))
            self._compiled = jsonschema_rs.Registry(resources)
        form = _compiled_form(schema, "", plan)
        if _CALL in form:  # the schema's own $ref is what is compiled here
            form["$ref"] = form.pop(_CALL)
        options: dict[str, Any] = {}
        # Only a large document calls (what it leads to inline is small, and a small
        # document leads to small ones only); the keyword costs jsonschema-rs ~0.2 us a
        # payload when it is there at all, so it is there only when needed.
        ref = form.get("$ref")
        own = ref.partition("#")[0] if isinstance(ref, str) else ""
        if own in self._calling or _holds_call(form):
            options["keywords"] = {_CALL: self._call_keyword()}
        compiled = jsonschema_rs.Draft202012Validator(
            form,
            registry=self._compiled,
            validate_formats=True,
            offline=True,
            **options,
        )
        is_valid: Callable[[Any], bool] = compiled.is_valid
        return is_valid

    def _call_keyword(self) -> type:
        schemas = self

        class Call:
            """Validates a value against the separately compiled schema it names."""

            def __init__(self, parent: Any, target: str, path: Any) -> None:
                self.target = target

            def validate(self, instance: Any) -> None:
                check = schemas._targets.get(self.target)
                if check is None:
                    check = schemas._targets[self.target] = schemas._rs(
                        {"$ref": self.target}
                    )
                depth = getattr(_calls, "depth", 0)
                if depth >= MAX_CALLS:  # the reference takes it from here
                    raise RecursionError("nested too deeply for the compiled validator")
                _calls.depth = depth + 1
                try:
                    valid = check(instance)
                finally:
                    _calls.depth = depth
                if not valid:
                    raise ValueError(f"not valid against {self.target}")

        return Call


def _spelt(errors: Iterable[ValidationError], body: Any) -> Any:
    """``body`` with the first enum member an error finds written in another case put in
    its documented spelling (a copy), or ``body`` itself when there is none."""
    for error in errors:
        found = _member(error)
        if found is not None:
            path, member = found
            spelt = copy.deepcopy(body)
            node = spelt
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = member
            return spelt
    return body


def _member(error: ValidationError) -> tuple[list[Any], str] | None:
    """(where, member) for an enum error whose string is a member in another case,
    looked for among the errors of each branch of a oneOf or anyOf too."""
    if (
        error.validator == "enum"
        and isinstance(error.instance, str)
        and error.absolute_path
        and isinstance(error.validator_value, list)
    ):
        wanted = error.instance.lower()
        for member in error.validator_value:
            if isinstance(member, str) and member.lower() == wanted:
                return list(error.absolute_path), member
    for inner in error.context or ():
        found = _member(inner)
        if found is not None:
            return found
    return None


def _holds_call(form: Any) -> bool:
    stack = [form]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if _CALL in node:
                return True
            stack.extend(_subschemas(node))
    return False


MAX_SPELLINGS = 20  # enum members respelt in one payload, at most


class Validator:
    """One schema's two validators: the compiled one decides, the reference explains."""

    __slots__ = ("_make", "_reference", "fast")

    def __init__(
        self, reference: Callable[[], Reference], fast: Callable[[Any], bool] | None
    ) -> None:
        self._make = reference
        self._reference: Reference | None = None
        self.fast = fast  # jsonschema-rs's is_valid, or None: the reference decides

    @property
    def reference(self) -> Reference:
        """jsonschema's validator, made when first asked for: a type whose payloads are all
        valid never needs it (making one takes ~8 ms on the corpus's 3,000 schemas)."""
        found = self._reference
        if found is None:
            found = self._reference = self._make()
        return found

    def read(self, payload: Any) -> Any:
        """``payload`` as Graph reads it: itself when valid, or with the enum members it
        writes in another case (``"Text"`` for ``text``) put in their documented spelling
        when that makes it valid (a copy); a ``ValueError`` when it is not valid either way.
        """
        if self.valid(payload):
            return payload
        spelt = payload
        for _ in range(MAX_SPELLINGS):
            try:
                again = _spelt(self.reference.iter_errors(spelt), spelt)
            except RecursionError:
                break
            if again is spelt:
                break
            spelt = again
            if self.valid(spelt) or not any(self.reference.iter_errors(spelt)):
                return spelt
        raise ValueError("not valid")

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

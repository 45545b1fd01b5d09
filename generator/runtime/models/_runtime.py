"""Runtime support for the generated models (standard library only).

Every generated class lists its fields in ``_FIELDS``: the attribute, the wire
name, the kind of value and whether it may be null. ``Model.from_dict`` and
``Model.to_dict`` read that table, so the generated modules hold declarations only.

The models read the wire format as the JSON Schemas do: whatever ``graphdoc
validate`` refuses, ``from_dict`` refuses, at the same JSON pointer and for the same
reason (``/schedule/state: expected one of "Active", "Disabled", "Paused", found
string "Running"``), and ``to_dict`` writes only what the schemas accept, naming the
attribute path when it can't (``SynchronizationJob.schedule.interval: expected ...``).
A few values the schemas accept have no Python form: a leap second, the year 0000,
a duration in years or months; ``from_dict`` refuses those too, saying so.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime
import decimal
import enum
import importlib
import json
import math
import re
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

_M = TypeVar("_M", bound="Model")

ODATA_TYPE = "@odata.type"


@dataclasses.dataclass(frozen=True)
class Field:
    """One property of a generated class, as the runtime (de)serializes it."""

    attr: str
    wire: str
    # str bool byte sbyte int16 int32 int64 float decimal datetime date time duration
    # uuid bytes any enum flags model
    kind: str
    target: str = ""  # "module.Class" of an enum or model field
    collection: bool = False
    nullable: bool = True  # the page doesn't say "not nullable" (a key never is)


@dataclasses.dataclass(kw_only=True, slots=True, repr=False)
class Model:
    """Base of every generated class.

    ``additional_data`` keeps what a payload carries beyond the declared properties:
    instance annotations (``@odata.etag``, ``name@odata.nextLink``) and, for an open
    type, any other property. ``@odata.type`` is the class itself, kept aside to be
    written back as it was spelt, so ``from_dict(x.to_dict()) == x``.
    """

    additional_data: dict[str, Any] = dataclasses.field(default_factory=dict)
    _spelling: dict[str, str] = dataclasses.field(
        default_factory=dict, repr=False, compare=False
    )
    _nulls: frozenset[str] = dataclasses.field(
        default=frozenset(), repr=False, compare=False
    )

    _ODATA_TYPE: ClassVar[str] = ""
    _ABSTRACT: ClassVar[bool] = False
    _POLYMORPHIC: ClassVar[bool] = (
        False  # it has a base or derived types: payloads name it
    )
    _OPEN: ClassVar[bool] = False  # it or a base is an open type: it takes any property
    _FIELDS: ClassVar[tuple[Field, ...]] = ()
    _REGISTRY: ClassVar[dict[str, type[Model]]] = {}
    _TABLES: ClassVar[dict[type[Model], dict[str, Field]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "_ODATA_TYPE" in cls.__dict__:
            Model._REGISTRY[cls._ODATA_TYPE] = cls

    def __post_init__(self) -> None:
        if type(self).__dict__.get("_ABSTRACT", False):
            raise TypeError(
                f"{type(self).__name__} is abstract: create one of the types derived from it"
            )

    def __repr__(self) -> str:
        """The class and the fields that are set: big types stay readable."""
        shown = [
            f"{spec.attr}={getattr(self, spec.attr)!r}"
            for spec in _table(type(self)).values()
            if getattr(self, spec.attr) is not None
        ]
        if self.additional_data:
            shown.append(f"additional_data={self.additional_data!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    # A TypeVar, not typing.Self: the models support Python 3.10.
    @classmethod
    def from_dict(cls: type[_M], data: Mapping[str, Any]) -> _M:  # noqa: PYI019
        """Build from a JSON object; ``@odata.type`` picks the class, this one or one derived from it."""
        if not isinstance(data, Mapping):
            raise TypeError(
                f"{cls.__name__}.from_dict needs a JSON object, got {type(data).__name__}"
            )
        return cast(
            "_M", _build(cls, data, "")
        )  # _build gives cls or a class derived from it

    @classmethod
    def from_json(cls: type[_M], text: str | bytes) -> _M:  # noqa: PYI019
        """Build from JSON text."""
        return cls.from_dict(json.loads(text))

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value, in the wire format the service uses."""
        return _dump(self, type(self).__name__)

    def to_json(self, **options: Any) -> str:
        """This value as JSON text; ``options`` are ``json.dumps``'s (``indent=2``, ...)."""
        return json.dumps(self.to_dict(), **{"ensure_ascii": False, **options})


def _table(cls: type[Model]) -> dict[str, Field]:
    """Wire name -> field, for a class and every class it derives from."""
    found = Model._TABLES.get(cls)
    if found is None:
        found = {}
        for klass in reversed(cls.__mro__):
            for spec in klass.__dict__.get("_FIELDS", ()):
                found[spec.wire] = spec
        Model._TABLES[cls] = found
    return found


def _resolve(target: str) -> Any:
    module, _, name = target.rpartition(".")
    return getattr(importlib.import_module("." + module, __package__), name)


# -- what a payload may hold, in the words graphdoc validate uses ---------------


def _at(where: str, key: str | int) -> str:
    """The JSON pointer (RFC 6901) of ``key`` inside the value at ``where``."""
    return f"{where}/{str(key).replace('~', '~0').replace('/', '~1')}"


def _found(value: Any) -> str:
    """A JSON value as an issue shows it: ``string "x"``, ``number 5``, ``object``."""
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return "object" if isinstance(value, dict) else "array"
    kind = "string" if isinstance(value, str) else "number"
    try:
        text = json.dumps(
            value[:60] if isinstance(value, str) else value, ensure_ascii=False
        )
    except (TypeError, ValueError):
        text = repr(value)
    return f"{kind} {text if len(text) <= 60 else text[:57] + '...'}"


def _refuse(
    where: str,
    expected: str,
    value: Any,
    error: type[Exception] = ValueError,
    found: str = "",
) -> Exception:
    """The error of a value that breaks its schema, said as ``graphdoc validate`` says it."""
    return error(
        f"{where or '(root)'}: expected {expected}, found {found or _found(value)}"
    )


def _listed(values: list[str]) -> str:
    return ", ".join(json.dumps(v) for v in values[:8]) + (
        ", ..." if len(values) > 8 else ""
    )


# The JSON type each kind of value is written as (a reference to a type's schema
# says only what that schema says; a primitive's "or null" is its own).
_JSON: dict[str, str] = {
    "bool": "boolean",
    "float": "number or string",
    "decimal": "number or string",
    "model": "object",
    "enum": "string",
    "flags": "string",
    **{kind: "integer" for kind in ("byte", "sbyte", "int16", "int32", "int64")},
}
_RANGES: dict[str, tuple[int, int]] = {
    "byte": (0, 255),
    "sbyte": (-128, 127),
    "int16": (-(2**15), 2**15 - 1),
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
}
# OData control annotations, which every type takes: @odata.etag, name@odata.nextLink.
_ANNOTATION = re.compile(r"[^@]*@odata\.[A-Za-z.]+\Z")


def _class_of(cls: type[Model], data: Mapping[str, Any], where: str) -> type[Model]:
    """The class ``data`` names in ``@odata.type``: ``cls`` or one derived from it."""
    written = data.get(ODATA_TYPE)
    if written is None:
        if cls.__dict__.get("_ABSTRACT", False):
            raise TypeError(
                f"{where or '(root)'}: {cls.__name__} is abstract and the payload names no type in @odata.type"
            )
        return cls
    if not isinstance(written, str):
        raise _refuse(_at(where, ODATA_TYPE), "string", written, TypeError)
    found = _registered(written.lstrip("#"))
    if found is None or not issubclass(found, cls):
        expected = f"{cls._ODATA_TYPE or cls.__name__} or a type derived from it"
        raise _refuse(_at(where, ODATA_TYPE), expected, written)
    return found


def _registered(odata_type: str) -> type[Model] | None:
    """The class of ``odata_type``, importing its module if no code has yet."""
    found = Model._REGISTRY.get(odata_type)
    if found is None:
        package = importlib.import_module(__package__ or "")
        class_name = getattr(package, "TYPES", {}).get(odata_type)
        if class_name is not None:
            getattr(package, class_name)  # importing it registers it
            found = Model._REGISTRY.get(odata_type)
    return found


def _build(cls: type[Model], data: Mapping[str, Any], where: str) -> Model:
    target = _class_of(cls, data, where)
    table = _table(target)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    spelling: dict[str, str] = {}
    nulls: set[str] = set()
    for key, value in data.items():
        spec = table.get(key)
        if spec is not None:
            if type(value) is _PLAIN.get(spec.kind) and not spec.collection:
                values[spec.attr] = value  # what _decode gives a str or bool as it is
            elif value is not None:
                values[spec.attr] = _decode(spec, value, spelling, _at(where, key))
            elif spec.nullable or spec.kind == "any":
                nulls.add(spec.attr)
            else:
                raise _refuse(_at(where, key), _wire(spec), None, TypeError)
        elif key == ODATA_TYPE:
            spelling[ODATA_TYPE] = value  # the class itself: written back as spelt
        elif target._OPEN or _ANNOTATION.match(key):
            extra[key] = value
        else:
            raise _refuse(
                _at(where, key),
                "no such property (the type is closed)",
                key,
                found=f"property {key[:60]!r}",
            )
    return target(
        **values, additional_data=extra, _spelling=spelling, _nulls=frozenset(nulls)
    )


# The kinds whose value is the same in JSON and Python, by the type it has in both: a
# value of exactly that type is read and written as it is (a subclass takes the long way).
_PLAIN: dict[str, type] = {"str": str, "bool": bool}


def _wire(spec: Field, item: bool = False) -> str:
    """The JSON a field's schema takes: ``string or null``, ``array``, ``object``."""
    if spec.collection and not item:
        return "array or null" if spec.nullable else "array"
    kind = _JSON.get(spec.kind, "string")
    primitive = spec.kind not in ("model", "enum", "flags")
    return f"{kind} or null" if spec.nullable and primitive and not item else kind


def _dump(model: Model, where: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    cls = type(model)
    written = model._spelling.get(ODATA_TYPE)
    if written is not None and written.lstrip("#") == cls._ODATA_TYPE:
        result[ODATA_TYPE] = written
    elif cls._POLYMORPHIC or written is not None:
        result[ODATA_TYPE] = "#" + cls._ODATA_TYPE
    for spec in _table(cls).values():
        value = getattr(model, spec.attr)
        if value is None:
            if spec.attr in model._nulls:
                result[spec.wire] = None
            continue
        if type(value) is _PLAIN.get(spec.kind) and not spec.collection:
            result[spec.wire] = value  # what _encode writes of a str or bool
            continue
        result[spec.wire] = _encode(
            spec, value, model._spelling, f"{where}.{spec.attr}"
        )
    for key, value in model.additional_data.items():
        if key == ODATA_TYPE:
            continue  # the class says what it is
        if not (cls._OPEN or _ANNOTATION.match(key)) or key in result:
            raise ValueError(
                f"{where}.additional_data: {key!r} is no property of {cls.__name__}, a closed "
                "type: only @odata annotations may be added"
                if key not in result
                else f"{where}.additional_data: {key!r} is a declared property; set the attribute"
            )
        result[key] = value
    return result


def _decode(spec: Field, value: Any, spelling: dict[str, str], where: str) -> Any:
    if not spec.collection:
        return _decode_one(spec, value, spelling, spec.attr, where)
    if not isinstance(value, list):
        raise _refuse(where, _wire(spec), value, TypeError)
    decoded = []
    for i, item in enumerate(value):
        if item is None and spec.kind != "any":
            raise _refuse(_at(where, i), _wire(spec, item=True), None, TypeError)
        decoded.append(
            _decode_one(spec, item, spelling, f"{spec.attr}[{i}]", _at(where, i))
        )
    return decoded


def _encode(spec: Field, value: Any, spelling: dict[str, str], where: str) -> Any:
    if not spec.collection:
        return _encode_one(spec, value, spelling, spec.attr, where)
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{where}: expected a list, got {type(value).__name__}")
    encoded = []
    for i, item in enumerate(value):
        if item is None and spec.kind != "any":
            raise TypeError(
                f"{where}[{i}]: None has no place in a list (the wire format has no null items)"
            )
        encoded.append(
            _encode_one(spec, item, spelling, f"{spec.attr}[{i}]", f"{where}[{i}]")
        )
    return encoded


def _expect(value: Any, kinds: tuple[type, ...], what: str, where: str) -> None:
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise TypeError(f"{where}: expected {what}, got {type(value).__name__}")


def _decode_one(
    spec: Field, value: Any, spelling: dict[str, str], slot: str, where: str
) -> Any:
    kind = spec.kind
    if kind == "any":
        return value
    if kind == "model":
        if not isinstance(value, Mapping):
            raise _refuse(where, _wire(spec, item=spec.collection), value, TypeError)
        return _build(_resolve(spec.target), value, where)
    if kind == "bool":
        if not isinstance(value, bool):
            raise _refuse(where, _wire(spec, item=spec.collection), value, TypeError)
        return value
    if kind in _RANGES:
        return _integer(kind, value, _wire(spec, item=spec.collection), where)
    if kind in ("float", "decimal"):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise _refuse(where, _wire(spec, item=spec.collection), value, TypeError)
    elif not isinstance(value, str):
        raise _refuse(where, _wire(spec, item=spec.collection), value, TypeError)
    if kind == "str":
        return value
    decoded = _parse(spec, value, where)
    if isinstance(value, str) and _format(spec, decoded) != value:
        spelling[slot] = value  # printed back as it came while the value is unchanged
    return decoded


def _integer(kind: str, value: Any, wire: str, where: str) -> int:
    """An Edm integer: JSON has one number type, so 2.0 is an integer too."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _refuse(where, wire, value, TypeError)
    low, high = _RANGES[kind]
    if value < low:
        raise _refuse(where, f"a number >= {low}", value)
    if value > high:
        raise _refuse(where, f"a number <= {high}", value)
    return value


# The Python values each kind of field holds, and how an error names them.
_PYTHON: dict[str, tuple[tuple[type, ...], str]] = {
    "str": ((str,), "str"),
    "bool": ((bool,), "bool"),
    "float": ((int, float), "float"),
    "decimal": ((decimal.Decimal, int), "decimal.Decimal"),
    "datetime": ((datetime.datetime,), "datetime.datetime"),
    "date": ((datetime.date,), "datetime.date"),
    "time": ((datetime.time,), "datetime.time"),
    "duration": ((datetime.timedelta,), "datetime.timedelta"),
    "uuid": ((uuid.UUID,), "uuid.UUID"),
    "bytes": ((bytes,), "bytes"),
    **{kind: ((int,), "int") for kind in _RANGES},
}


def _check(spec: Field, value: Any, where: str) -> None:
    """``value`` is what a field of ``spec``'s kind holds and the schemas accept; else
    a TypeError (the wrong type) or ValueError (a value out of range) naming ``where``.
    """
    kind = spec.kind
    if kind in _PYTHON:
        kinds, name = _PYTHON[kind]
        _expect(value, kinds, name, where)
        if kind == "date" and isinstance(value, datetime.datetime):
            raise TypeError(f"{where}: expected datetime.date, got datetime.datetime")
        if kind == "datetime" and value.utcoffset() is None:
            raise TypeError(
                f"{where}: a naive datetime has no UTC offset, which the wire format requires; give it a tzinfo"
            )
        if kind in _RANGES and not _RANGES[kind][0] <= value <= _RANGES[kind][1]:
            low, high = _RANGES[kind]
            raise ValueError(f"{where}: {value} is out of its range, {low} to {high}")
        if kind == "decimal" and not decimal.Decimal(value).is_finite():
            raise ValueError(f"{where}: {value} has no wire form: give a finite number")
    elif kind in ("enum", "model"):
        target = _resolve(spec.target)
        if not isinstance(value, target):
            raise TypeError(
                f"{where}: expected {target.__name__}, got {type(value).__name__}"
            )
    elif kind == "flags":
        target = _resolve(spec.target)
        if not isinstance(value, (set, frozenset)) or not all(
            isinstance(item, target) for item in value
        ):
            raise TypeError(
                f"{where}: expected a frozenset of {target.__name__}, got {type(value).__name__}"
            )
        if not value:
            raise ValueError(
                f"{where}: an empty set of {target.__name__} has no wire form; leave it None"
            )


def _encode_one(
    spec: Field, value: Any, spelling: dict[str, str], slot: str, where: str
) -> Any:
    kind = spec.kind
    if kind == "any":
        return value
    _check(spec, value, where)
    if kind in ("str", "bool") or kind in _RANGES:
        return value
    if kind == "model":
        return _dump(value, where)
    kept = spelling.get(slot)
    if kept is not None and _same(_parse(spec, kept, where), value):
        return kept
    return _format(spec, value)


_UTC = datetime.timezone(datetime.timedelta(0))  # datetime.UTC, which Python 3.10 lacks
_FLOAT_WORDS = {"NaN": math.nan, "INF": math.inf, "-INF": -math.inf}
# The schemas' readings (graphdoc's handlers/_validate.py and _issues.py), in ASCII digits.
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})\Z"
)
_TIME = re.compile(
    r"([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.([0-9]{1,12}))?)?\Z"
)
_N = "[0-9]+"
_X = "[0-9]+(?:[.,][0-9]+)?"
_DURATION = re.compile(
    f"([-+])?P(?:(?P<W>{_X})W"
    f"|(?:(?P<Y>{_N})Y)?(?:(?P<M>{_N})M)?(?P<D>{_X})D|(?:(?P<Y2>{_N})Y)?(?P<M2>{_X})M|(?P<Y3>{_X})Y"
    f"|(?:(?P<Y4>{_N})Y)?(?:(?P<M4>{_N})M)?(?:(?P<D4>{_N})D)?T"
    f"(?:(?:(?P<h>{_N})H)?(?:(?P<m>{_N})M)?(?P<s>{_X})S|(?:(?P<h2>{_N})H)?(?P<m2>{_X})M|(?P<h3>{_X})H))\\Z"
)
_DURATION_UNITS = {"W": 604800, "D": 86400, "h": 3600, "m": 60, "s": 1}
_GUID = re.compile(
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\Z"
)
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]*={0,2}\Z")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")
# ECMA 262's white space, which a flags value may hold after each comma (\s in its pattern)
_SPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _same(a: Any, b: Any) -> bool:
    if (
        isinstance(a, float)
        and isinstance(b, float)
        and math.isnan(a)
        and math.isnan(b)
    ):
        return True
    return bool(type(a) is type(b) and a == b)


def _micros(fraction: str | None) -> int:
    return int((fraction or "0")[:6].ljust(6, "0"))


def _is_date(year: str, month: str, day: str) -> bool:
    y, m, d = int(year), int(month), int(day)
    if not 1 <= m <= 12:
        return False
    leap = m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 1 <= d <= _DAYS[m - 1] + leap


def _parse(spec: Field, value: Any, where: str) -> Any:
    kind = spec.kind
    if kind == "float":
        if isinstance(value, str):
            if value not in _FLOAT_WORDS:
                raise _refuse(where, 'a number or one of "NaN", "INF", "-INF"', value)
            return _FLOAT_WORDS[value]
        try:
            return float(value)
        except OverflowError:
            raise ValueError(
                f"{where}: {_found(value)} is past what Python's float can hold"
            ) from None
    if kind == "decimal":
        if isinstance(value, str) and not _DECIMAL.match(value):
            raise _refuse(where, "a decimal number", value)
        return decimal.Decimal(str(value))
    if kind == "datetime":
        return _parse_datetime(value, where)
    if kind == "date":
        found = _DATE.match(value)
        if found is None or not _is_date(*found.groups()):
            raise _refuse(where, "a date string", value)
        try:
            return datetime.date(*(int(part) for part in found.groups()))
        except ValueError:
            raise ValueError(
                f"{where}: {value!r} is a date Python's datetime can't hold (the year 0000)"
            ) from None
    if kind == "time":
        match = _TIME.match(value)
        if match is None:
            raise _refuse(where, "a time of day (hh:mm[:ss[.fffffff]])", value)
        hour, minute, second, fraction = match.groups()
        return datetime.time(
            int(hour), int(minute), int(second or 0), _micros(fraction)
        )
    if kind == "duration":
        return _parse_duration(value, where)
    if kind == "uuid":
        if not _GUID.match(value):
            raise _refuse(where, "a uuid string", value)
        return uuid.UUID(value)
    if kind == "bytes":
        if not _BASE64.match(value):
            raise _refuse(where, "base64 text", value)
        try:
            padded = value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4)
            return base64.b64decode(
                padded.replace("-", "+").replace("_", "/"), validate=True
            )
        except (binascii.Error, ValueError):
            raise ValueError(
                f"{where}: {value!r} is base64 text of no whole bytes"
            ) from None
    enum_class = _resolve(spec.target)
    members = [str(member.value) for member in enum_class]
    if kind == "flags":
        parts = value.split(",")
        spelt = [parts[0], *(part.lstrip(_SPACE) for part in parts[1:])]
        strangers = [part for part in spelt if part not in members]
        if strangers:
            verb = "is" if len(strangers) == 1 else "are"
            raise _refuse(
                where,
                f"a comma-separated combination of {_listed(members)}",
                value,
                found=f"{_found(value)} ({_listed(strangers[:3])} {verb} no member)",
            )
        return frozenset(enum_class(part) for part in spelt)
    if value not in members:
        raise _refuse(where, f"one of {_listed(members)}", value)
    return enum_class(value)


def _parse_datetime(value: str, where: str) -> datetime.datetime:
    match = _DATETIME.match(value)
    if match is None:
        raise _refuse(where, "a date-time string", value)
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    h, m, s = int(hour), int(minute), int(second)
    if not (_is_date(year, month, day) and h <= 23 and m <= 59 and s <= 60):
        raise _refuse(where, "a date-time string", value)
    zone, shift = _UTC, 0
    if offset not in ("Z", "z"):
        zone_hours, zone_minutes = int(offset[1:3]), int(offset[4:6])
        if zone_hours > 23 or zone_minutes > 59:
            raise _refuse(where, "a date-time string", value)
        shift = (zone_hours * 60 + zone_minutes) * (-1 if offset[0] == "-" else 1)
        zone = datetime.timezone(datetime.timedelta(minutes=shift))
    if s == 60:  # a leap second falls at 23:59:60 UTC only
        if (h * 60 + m - shift) % 1440 != 23 * 60 + 59:
            raise _refuse(where, "a date-time string", value)
        raise ValueError(
            f"{where}: {value!r} is a leap second, which Python's datetime can't hold"
        )
    try:
        return datetime.datetime(
            int(year), int(month), int(day), h, m, s, _micros(fraction), tzinfo=zone
        )
    except ValueError:
        raise ValueError(
            f"{where}: {value!r} is a date-time Python's datetime can't hold (the year 0000)"
        ) from None


def _parse_duration(value: str, where: str) -> datetime.timedelta:
    match = _DURATION.match(value)
    if match is None:
        raise _refuse(where, "a duration string", value)
    parts = {name: text for name, text in match.groupdict().items() if text}
    if any(name[0] in "YM" for name in parts):
        raise ValueError(
            f"{where}: {value!r} is a duration in years or months, which Python's timedelta can't hold"
        )
    micros = decimal.Decimal(0)
    for name, text in parts.items():
        unit = _DURATION_UNITS[name[0]]
        micros += decimal.Decimal(text.replace(",", ".")) * unit * 1_000_000
    try:
        length = datetime.timedelta(microseconds=int(micros))
    except OverflowError:
        raise ValueError(
            f"{where}: {value!r} is longer than Python's timedelta holds"
        ) from None
    return -length if match.group(1) == "-" else length


def _format(spec: Field, value: Any) -> Any:
    kind = spec.kind
    if kind == "float":
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return value
    if kind == "decimal":
        value = decimal.Decimal(value)
        if value == value.to_integral_value():
            return int(value)
        number = float(value)
        # a float that reads back as this decimal, else the text the schemas also take
        return number if decimal.Decimal(repr(number)) == value else str(value)
    if kind == "datetime":
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if kind in ("date", "time"):
        return value.isoformat()
    if kind == "duration":
        return _format_duration(value)
    if kind == "uuid":
        return str(value)
    if kind == "bytes":
        return base64.b64encode(value).decode("ascii")
    if kind == "flags":
        order: list[enum.Enum] = (
            list(next(iter(value)).__class__.__members__.values()) if value else []
        )
        return ",".join(str(member.value) for member in order if member in value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _format_duration(value: datetime.timedelta) -> str:
    sign = "-" if value < datetime.timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "P" + (f"{value.days}D" if value.days else "")
    clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if seconds or value.microseconds:
        fraction = (
            f".{value.microseconds:06d}".rstrip("0") if value.microseconds else ""
        )
        clock += f"{seconds}{fraction}S"
    if clock:
        text += "T" + clock
    return sign + (text if text != "P" else "PT0S")

"""Runtime support for the generated models (standard library only).

Every generated class lists its fields in ``_FIELDS``: the attribute, the wire
name and the kind of value. ``Model.from_dict`` and ``Model.to_dict`` read that
table, so the generated modules hold declarations only.

Errors name where they are: ``from_dict`` by the payload's path
(``schedule/state: 'Running' is not a member of ...``), ``to_dict`` by the
attribute path (``SynchronizationJob.schedule.interval: expected ...``).
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
    # str bool int float decimal datetime date time duration uuid bytes any enum flags model
    kind: str
    target: str = ""  # "module.Class" of an enum or model field
    collection: bool = False


@dataclasses.dataclass(kw_only=True, slots=True, repr=False)
class Model:
    """Base of every generated class.

    ``additional_data`` keeps what a payload carries beyond the declared
    properties (instance annotations such as ``@odata.type`` included), so
    ``to_dict`` gives back everything ``from_dict`` was given.
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

    def to_json(self) -> str:
        """This value as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False)


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


def _at(where: str, key: str | int) -> str:
    return f"{where}/{key}" if where else str(key)


def _class_of(cls: type[Model], data: Mapping[str, Any], where: str) -> type[Model]:
    """The class ``data`` names in ``@odata.type``: ``cls`` or one derived from it."""
    written = data.get(ODATA_TYPE)
    if written is None:
        if cls.__dict__.get("_ABSTRACT", False):
            raise TypeError(
                f"{where or '(root)'}: {cls.__name__} is abstract and the payload names no type in @odata.type"
            )
        return cls
    found = _registered(written.lstrip("#")) if isinstance(written, str) else None
    if found is None or not issubclass(found, cls):
        raise ValueError(
            f"{_at(where, ODATA_TYPE)}: {written!r} is not {cls._ODATA_TYPE or cls.__name__} or a type derived from it"
        )
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
        if spec is None:
            extra[key] = value
        elif value is None:
            nulls.add(spec.attr)
        else:
            values[spec.attr] = _decode(spec, value, spelling, _at(where, key))
    return target(
        **values, additional_data=extra, _spelling=spelling, _nulls=frozenset(nulls)
    )


def _dump(model: Model, where: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    written = model.additional_data.get(ODATA_TYPE)
    if written is not None:
        result[ODATA_TYPE] = written
    elif type(model)._POLYMORPHIC:
        result[ODATA_TYPE] = "#" + type(model)._ODATA_TYPE
    for spec in _table(type(model)).values():
        value = getattr(model, spec.attr)
        if value is None:
            if spec.attr in model._nulls:
                result[spec.wire] = None
            continue
        result[spec.wire] = _encode(
            spec, value, model._spelling, f"{where}.{spec.attr}"
        )
    for key, value in model.additional_data.items():
        result.setdefault(key, value)
    return result


def _decode(spec: Field, value: Any, spelling: dict[str, str], where: str) -> Any:
    if not spec.collection:
        return _decode_one(spec, value, spelling, spec.attr, where)
    if not isinstance(value, list):
        raise TypeError(f"{where}: expected a JSON array, got {type(value).__name__}")
    return [
        (
            None
            if item is None
            else _decode_one(spec, item, spelling, f"{spec.attr}[{i}]", _at(where, i))
        )
        for i, item in enumerate(value)
    ]


def _encode(spec: Field, value: Any, spelling: dict[str, str], where: str) -> Any:
    if not spec.collection:
        return _encode_one(spec, value, spelling, spec.attr, where)
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{where}: expected a list, got {type(value).__name__}")
    return [
        (
            None
            if item is None
            else _encode_one(spec, item, spelling, f"{spec.attr}[{i}]", f"{where}[{i}]")
        )
        for i, item in enumerate(value)
    ]


def _expect(value: Any, kinds: tuple[type, ...], what: str, where: str) -> None:
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise TypeError(f"{where}: expected {what}, got {type(value).__name__}")


def _decode_one(
    spec: Field, value: Any, spelling: dict[str, str], slot: str, where: str
) -> Any:
    kind = spec.kind
    if kind == "any":
        return value
    if kind == "str":
        _expect(value, (str,), "a string", where)
        return value
    if kind == "bool":
        _expect(value, (bool,), "true or false", where)
        return value
    if kind == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value)  # JSON has one number type: 2.0 is an integer too
        _expect(value, (int,), "an integer", where)
        return value
    if kind == "model":
        _expect(value, (Mapping,), "a JSON object", where)
        return _build(_resolve(spec.target), value, where)
    if kind in ("float", "decimal"):
        _expect(value, (int, float, str), "a number", where)
    else:
        _expect(value, (str,), "a string", where)
    decoded = _parse(spec, value, where)
    if isinstance(value, str) and _format(spec, decoded) != value:
        spelling[slot] = value  # printed back as it came while the value is unchanged
    return decoded


# The Python values each kind of field holds, and how an error names them.
_PYTHON: dict[str, tuple[tuple[type, ...], str]] = {
    "str": ((str,), "str"),
    "bool": ((bool,), "bool"),
    "int": ((int,), "int"),
    "float": ((int, float), "float"),
    "decimal": ((decimal.Decimal, int), "decimal.Decimal"),
    "datetime": ((datetime.datetime,), "datetime.datetime"),
    "date": ((datetime.date,), "datetime.date"),
    "time": ((datetime.time,), "datetime.time"),
    "duration": ((datetime.timedelta,), "datetime.timedelta"),
    "uuid": ((uuid.UUID,), "uuid.UUID"),
    "bytes": ((bytes,), "bytes"),
}


def _check(spec: Field, value: Any, where: str) -> None:
    """``value`` is what a field of ``spec``'s kind holds; else a TypeError naming ``where``."""
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


def _encode_one(
    spec: Field, value: Any, spelling: dict[str, str], slot: str, where: str
) -> Any:
    kind = spec.kind
    if kind == "any":
        return value
    _check(spec, value, where)
    if kind in ("str", "bool", "int"):
        return value
    if kind == "model":
        return _dump(value, where)
    kept = spelling.get(slot)
    if kept is not None and _same(_parse(spec, kept, where), value):
        return kept
    return _format(spec, value)


_UTC = datetime.timezone(datetime.timedelta(0))  # datetime.UTC, which Python 3.10 lacks
_FLOAT_WORDS = {"NaN": math.nan, "INF": math.inf, "-INF": -math.inf}
_DATETIME = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?([Zz]|[+-]\d\d:?\d\d)?\Z"
)
_TIME = re.compile(r"(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?\Z")
_DURATION = re.compile(
    r"(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?\Z"
)


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


def _parse(spec: Field, value: Any, where: str) -> Any:
    kind = spec.kind
    if kind == "float":
        if isinstance(value, str):
            if value not in _FLOAT_WORDS:
                raise ValueError(f"{where}: {value!r} is not a number")
            return _FLOAT_WORDS[value]
        return float(value)
    if kind == "decimal":
        try:
            return decimal.Decimal(str(value))
        except decimal.InvalidOperation:
            raise ValueError(f"{where}: {value!r} is not a decimal number") from None
    if kind == "datetime":
        return _parse_datetime(value, where)
    if kind == "date":
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{where}: {value!r} is not an ISO 8601 date") from None
    if kind == "time":
        match = _TIME.match(value)
        if match is None:
            raise ValueError(f"{where}: {value!r} is not a time of day")
        hour, minute, second, fraction = match.groups()
        try:
            return datetime.time(
                int(hour), int(minute), int(second or 0), _micros(fraction)
            )
        except ValueError:
            raise ValueError(f"{where}: {value!r} is not a time of day") from None
    if kind == "duration":
        return _parse_duration(value, where)
    if kind == "uuid":
        try:
            return uuid.UUID(value)
        except ValueError:
            raise ValueError(f"{where}: {value!r} is not a GUID") from None
    if kind == "bytes":
        try:
            padded = value + "=" * (-len(value) % 4)
            return base64.b64decode(
                padded.replace("-", "+").replace("_", "/"), validate=True
            )
        except (binascii.Error, ValueError):
            raise ValueError(f"{where}: {value!r} is not base64") from None
    enum_class = _resolve(spec.target)
    try:
        if kind == "flags":
            return frozenset(
                enum_class(part.strip()) for part in value.split(",") if part.strip()
            )
        return enum_class(value)
    except ValueError:
        raise ValueError(
            f"{where}: {value!r} is not a member of {enum_class.__name__}"
        ) from None


def _parse_datetime(value: str, where: str) -> datetime.datetime:
    match = _DATETIME.match(value)
    if match is None:
        raise ValueError(f"{where}: {value!r} is not an ISO 8601 date-time")
    year, month, day, clock_hour, clock_minute, second, fraction, offset = (
        match.groups()
    )
    zone: datetime.tzinfo | None = None
    if offset in ("Z", "z"):
        zone = _UTC
    elif offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        try:
            zone = datetime.timezone(
                sign
                * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            )
        except ValueError:
            raise ValueError(f"{where}: {value!r} has no valid UTC offset") from None
    try:
        return datetime.datetime(
            int(year),
            int(month),
            int(day),
            int(clock_hour),
            int(clock_minute),
            int(second or 0),
            _micros(fraction),
            tzinfo=zone,
        )
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date-time that exists") from None


def _parse_duration(value: str, where: str) -> datetime.timedelta:
    match = _DURATION.match(value)
    if match is None or value.rstrip("T").endswith("P"):
        raise ValueError(
            f"{where}: {value!r} is not an ISO 8601 duration in days, hours, minutes and seconds"
        )
    negative, days, hours, minutes, seconds = match.groups()
    whole, _, fraction = (seconds or "0").partition(".")
    try:
        length = datetime.timedelta(
            days=int(days or 0),
            hours=int(hours or 0),
            minutes=int(minutes or 0),
            seconds=int(whole),
            microseconds=_micros(fraction),
        )
    except OverflowError:
        raise ValueError(
            f"{where}: {value!r} is longer than Python's timedelta holds"
        ) from None
    return -length if negative else length


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
        return int(value) if value == value.to_integral_value() else float(value)
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

"""Runtime support for the generated models (standard library only).

Every generated class lists its fields in ``_FIELDS``: the attribute, the wire
name and the kind of value. ``Model.from_dict`` and ``Model.to_dict`` read that
table, so the generated modules hold declarations only.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime
import decimal
import enum
import importlib
import math
import re
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

_M = TypeVar("_M", bound="Model")


@dataclasses.dataclass(frozen=True)
class Field:
    """One property of a generated class, as the runtime (de)serializes it."""

    attr: str
    wire: str
    # str bool int float decimal datetime date time duration uuid bytes any enum flags model
    kind: str
    target: str = ""  # "module.Class" of an enum or model field
    collection: bool = False


@dataclasses.dataclass(kw_only=True, slots=True)
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

    # A TypeVar, not typing.Self: the models support Python 3.10.
    @classmethod
    def from_dict(cls: type[_M], data: Mapping[str, Any]) -> _M:  # noqa: PYI019
        """Build from a JSON object; ``@odata.type`` picks the most derived class."""
        if not isinstance(data, Mapping):
            raise TypeError(
                f"{cls.__name__}.from_dict needs a JSON object, got {type(data).__name__}"
            )
        target: type[_M] = cls
        written = data.get("@odata.type")
        if isinstance(written, str):
            found = Model._REGISTRY.get(written.lstrip("#"))
            if found is not None and issubclass(found, cls):
                target = found
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
                values[spec.attr] = _decode(spec, value, spelling)
        return target(
            **values, additional_data=extra, _spelling=spelling, _nulls=frozenset(nulls)
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value, in the wire format the service uses."""
        result: dict[str, Any] = {}
        for spec in _table(type(self)).values():
            value = getattr(self, spec.attr)
            if value is None:
                if spec.attr in self._nulls:
                    result[spec.wire] = None
                continue
            result[spec.wire] = _encode(spec, value, self._spelling)
        for key, value in self.additional_data.items():
            result.setdefault(key, value)
        return result


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


def _decode(spec: Field, value: Any, spelling: dict[str, str]) -> Any:
    if not spec.collection:
        return _decode_one(spec, value, spelling, spec.attr)
    if not isinstance(value, list):
        raise TypeError(
            f"{spec.wire}: expected a JSON array, got {type(value).__name__}"
        )
    return [
        None if item is None else _decode_one(spec, item, spelling, f"{spec.attr}[{i}]")
        for i, item in enumerate(value)
    ]


def _encode(spec: Field, value: Any, spelling: dict[str, str]) -> Any:
    if not spec.collection:
        return _encode_one(spec, value, spelling, spec.attr)
    return [
        None if item is None else _encode_one(spec, item, spelling, f"{spec.attr}[{i}]")
        for i, item in enumerate(value)
    ]


def _expect(spec: Field, value: Any, kinds: tuple[type, ...], what: str) -> None:
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise TypeError(f"{spec.wire}: expected {what}, got {type(value).__name__}")


def _decode_one(spec: Field, value: Any, spelling: dict[str, str], slot: str) -> Any:
    kind = spec.kind
    if kind == "any":
        return value
    if kind == "str":
        _expect(spec, value, (str,), "a string")
        return value
    if kind == "bool":
        _expect(spec, value, (bool,), "true or false")
        return value
    if kind == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value)  # JSON has one number type: 2.0 is an integer too
        _expect(spec, value, (int,), "an integer")
        return value
    if kind == "model":
        _expect(spec, value, (Mapping,), "a JSON object")
        return _resolve(spec.target).from_dict(value)
    if kind in ("float", "decimal"):
        _expect(spec, value, (int, float, str), "a number")
    else:
        _expect(spec, value, (str,), "a string")
    decoded = _parse(spec, value)
    if isinstance(value, str) and _format(spec, decoded) != value:
        spelling[slot] = value  # printed back as it came while the value is unchanged
    return decoded


def _encode_one(spec: Field, value: Any, spelling: dict[str, str], slot: str) -> Any:
    kind = spec.kind
    if kind in ("any", "str", "bool", "int"):
        return value
    if kind == "model":
        result = value.to_dict()
        if type(value) is not _resolve(spec.target) and "@odata.type" not in result:
            result = {"@odata.type": "#" + type(value)._ODATA_TYPE, **result}
        return result
    kept = spelling.get(slot)
    if kept is not None and _same(_parse(spec, kept), value):
        return kept
    return _format(spec, value)


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


def _parse(spec: Field, value: Any) -> Any:
    kind = spec.kind
    if kind == "float":
        if isinstance(value, str):
            if value not in _FLOAT_WORDS:
                raise ValueError(f"{spec.wire}: {value!r} is not a number")
            return _FLOAT_WORDS[value]
        return float(value)
    if kind == "decimal":
        try:
            return decimal.Decimal(str(value))
        except decimal.InvalidOperation:
            raise ValueError(
                f"{spec.wire}: {value!r} is not a decimal number"
            ) from None
    if kind == "datetime":
        match = _DATETIME.match(value)
        if match is None:
            raise ValueError(f"{spec.wire}: {value!r} is not an ISO 8601 date-time")
        year, month, day, clock_hour, clock_minute, second, fraction, offset = (
            match.groups()
        )
        zone: datetime.tzinfo | None = None
        if offset in ("Z", "z"):
            zone = datetime.timezone.utc
        elif offset:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            zone = datetime.timezone(
                sign
                * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            )
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
    if kind == "date":
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{spec.wire}: {value!r} is not an ISO 8601 date"
            ) from None
    if kind == "time":
        match = _TIME.match(value)
        if match is None:
            raise ValueError(f"{spec.wire}: {value!r} is not a time of day")
        hour, minute, second, fraction = match.groups()
        return datetime.time(
            int(hour), int(minute), int(second or 0), _micros(fraction)
        )
    if kind == "duration":
        match = _DURATION.match(value)
        if match is None or value.rstrip("T").endswith("P"):
            raise ValueError(
                f"{spec.wire}: {value!r} is not an ISO 8601 duration in days, hours, minutes and seconds"
            )
        negative, days, hours, minutes, seconds = match.groups()
        whole, _, fraction = (seconds or "0").partition(".")
        length = datetime.timedelta(
            days=int(days or 0),
            hours=int(hours or 0),
            minutes=int(minutes or 0),
            seconds=int(whole),
            microseconds=_micros(fraction),
        )
        return -length if negative else length
    if kind == "uuid":
        try:
            return uuid.UUID(value)
        except ValueError:
            raise ValueError(f"{spec.wire}: {value!r} is not a GUID") from None
    if kind == "bytes":
        try:
            padded = value + "=" * (-len(value) % 4)
            return base64.b64decode(
                padded.replace("-", "+").replace("_", "/"), validate=True
            )
        except (binascii.Error, ValueError):
            raise ValueError(f"{spec.wire}: {value!r} is not base64") from None
    enum_class = _resolve(spec.target)
    try:
        if kind == "flags":
            return frozenset(
                enum_class(part.strip()) for part in value.split(",") if part.strip()
            )
        return enum_class(value)
    except ValueError:
        raise ValueError(
            f"{spec.wire}: {value!r} is not a member of {enum_class.__name__}"
        ) from None


def _format(spec: Field, value: Any) -> Any:
    kind = spec.kind
    if kind == "float":
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return value
    if kind == "decimal":
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

"""Edm primitive types: how pages spell them, the CSDL name each one means, and
the JSON Schema of a value of each (which the schema emitter and validation share)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..runtime.handlers._issues import (
    BASE64,
    DECIMAL,
    DURATION,
    FLOAT_WORDS,
    TIME_OF_DAY,
)

EDM: dict[str, str] = {
    "string": "Edm.String",
    "str": "Edm.String",
    "url": "Edm.String",
    "uri": "Edm.String",
    "int16": "Edm.Int16",
    "short": "Edm.Int16",
    "int32": "Edm.Int32",
    "int": "Edm.Int32",
    "integer": "Edm.Int32",
    "int64": "Edm.Int64",
    "long": "Edm.Int64",
    "bool": "Edm.Boolean",
    "boolean": "Edm.Boolean",
    "double": "Edm.Double",
    "float": "Edm.Double",
    "number": "Edm.Double",
    "single": "Edm.Single",
    "decimal": "Edm.Decimal",
    "numeric": "Edm.Decimal",
    "byte": "Edm.Byte",
    "sbyte": "Edm.SByte",
    "datetimeoffset": "Edm.DateTimeOffset",
    "datetime": "Edm.DateTimeOffset",
    "timestamp": "Edm.DateTimeOffset",
    "date": "Edm.Date",
    "timeofday": "Edm.TimeOfDay",
    "time": "Edm.TimeOfDay",
    "duration": "Edm.Duration",
    "timespan": "Edm.Duration",
    "guid": "Edm.Guid",
    "uuid": "Edm.Guid",
    "binary": "Edm.Binary",
    "stream": "Edm.Stream",
    "octet": "Edm.Stream",
    "object": "Edm.Untyped",
    "json": "Edm.Untyped",
    "any": "Edm.Untyped",
    "untyped": "Edm.Untyped",
    "dynamic": "Edm.Untyped",
}

UNTYPED = "Edm.Untyped"


@cache
def edm_type(name: str) -> str | None:
    """The CSDL primitive a written type name means, or None."""
    lowered = name.lower()
    lowered = lowered.removeprefix("edm.")
    return EDM.get(lowered)


def is_primitive(type_name: str) -> bool:
    return type_name.startswith("Edm.")


INT_RANGES = {
    "Edm.Byte": (0, 255),
    "Edm.SByte": (-128, 127),
    "Edm.Int16": (-(2**15), 2**15 - 1),
    "Edm.Int32": (-(2**31), 2**31 - 1),
    "Edm.Int64": (-(2**63), 2**63 - 1),
}


def primitive_schema(type_name: str) -> dict[str, Any]:
    """The JSON Schema of one value of an Edm primitive type."""
    if type_name in INT_RANGES:
        low, high = INT_RANGES[type_name]
        return {"type": "integer", "minimum": low, "maximum": high}
    if type_name in ("Edm.Double", "Edm.Single"):
        return {"type": ["number", "string"], "pattern": FLOAT_WORDS}
    if type_name == "Edm.Decimal":
        return {"type": ["number", "string"], "pattern": DECIMAL}
    if type_name == "Edm.Boolean":
        return {"type": "boolean"}
    if type_name == "Edm.DateTimeOffset":
        return {"type": "string", "format": "date-time"}
    if type_name == "Edm.Date":
        return {"type": "string", "format": "date"}
    if type_name == "Edm.TimeOfDay":
        return {"type": "string", "pattern": TIME_OF_DAY}
    if type_name == "Edm.Duration":
        # a pattern, not format: duration, which tools read as RFC 3339's (no sign, no fraction)
        return {"type": "string", "pattern": DURATION}
    if type_name == "Edm.Guid":
        return {"type": "string", "format": "uuid"}
    if type_name == "Edm.Binary":
        return {"type": "string", "contentEncoding": "base64", "pattern": BASE64}
    if type_name == UNTYPED:
        return {}
    return {"type": "string"}  # Edm.String, Edm.Stream and any other primitive

"""How pages spell Edm primitive types, and the CSDL name each one means."""

from __future__ import annotations

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


def edm_type(name: str) -> str | None:
    """The CSDL primitive a written type name means, or None."""
    lowered = name.lower()
    if lowered.startswith("edm."):
        lowered = lowered[4:]
    return EDM.get(lowered)


def is_primitive(type_name: str) -> bool:
    return type_name.startswith("Edm.")

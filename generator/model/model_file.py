"""The model read back from its JSON dump: a generated output's ``model.json`` (a released contract).

The inverse of ``Model.to_json``: what ``graphdoc inspect --format json`` prints and
``generate`` writes reads back as the model it was made from, but for what the dump
leaves out (an operation's description and documented response). A file that is
not such a dump is a ``ModelFileError`` naming the file, and where JSON breaks, the line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from ..base.diagnostics import Diagnostic
from .ir import (
    PERMISSION_KINDS,
    Effect,
    Example,
    Header,
    Member,
    Method,
    Model,
    NavigationProperty,
    Operation,
    OperationKind,
    Parameter,
    Permission,
    Property,
    Source,
    Type,
    TypeKind,
)


class ModelFileError(Exception):
    """The file is not a model dump (a usage error: one line, exit 2)."""


def load(path: Path) -> Model:
    try:
        data = json.loads(path.read_bytes())
    except json.JSONDecodeError as error:
        raise ModelFileError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
    except UnicodeDecodeError:
        raise ModelFileError(f"{path}: not JSON: not UTF-8 text") from None
    try:
        return from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ModelFileError(f"{path}: not a graphdoc model.json ({type(error).__name__}: {error})") from None


def from_json(data: dict[str, Any]) -> Model:
    return Model(
        types=tuple(_type(t) for t in data["types"]),
        diagnostics=tuple(Diagnostic.from_json(d) for d in data.get("diagnostics", ())),
        examples=tuple(_example(e) for e in data.get("examples", ())),
        operations=tuple(_operation(o) for o in data.get("operations", ())),
    )


def _source(data: dict[str, Any]) -> Source:
    return Source(str(data["path"]), int(data["line"]))


def _maybe_source(data: dict[str, Any] | None) -> Source | None:
    return None if data is None else _source(data)


def _parameter(data: dict[str, Any]) -> Parameter:
    return Parameter(
        name=str(data["name"]),
        type=str(data["type"]),
        collection=bool(data["collection"]),
        description=str(data.get("description", "")),
        required=bool(data.get("required", False)),
        line=int(data.get("line", 0)),
    )


def _method(data: dict[str, Any]) -> Method:
    return Method(
        name=str(data["name"]),
        http_method=str(data["httpMethod"]),
        path=str(data["path"]),
        return_type=data["returnType"],
        returns_collection=bool(data["returnsCollection"]),
        description=str(data.get("description", "")),
        paths=tuple(str(p) for p in data.get("paths", ())),
        request_body_type=data.get("requestBodyType"),
        parameters=tuple(_parameter(p) for p in data.get("parameters", ())),
        success_status=int(data.get("successStatus", 200)),
        source=_maybe_source(data.get("source")),
    )


def _type(data: dict[str, Any]) -> Type:
    kind = str(data["kind"])
    if kind not in ("entity", "complex", "enum"):
        raise ValueError(f"type {data.get('fullName')!r} is of no kind graphdoc knows: {kind!r}")
    return Type(
        full_name=str(data["fullName"]),
        name=str(data["name"]),
        namespace=str(data["namespace"]),
        kind=cast(TypeKind, kind),
        source=_source(data["source"]),
        base_type=data.get("baseType"),
        abstract=bool(data.get("abstract", False)),
        open_type=bool(data.get("openType", False)),
        key_property=data.get("keyProperty"),
        flags=bool(data.get("isFlags", False)),
        description=str(data.get("description", "")),
        properties=tuple(
            Property(
                name=str(p["name"]),
                type=str(p["type"]),
                collection=bool(p["collection"]),
                nullable=bool(p.get("nullable", True)),
                read_only=bool(p.get("readOnly", False)),
                description=str(p.get("description", "")),
                line=int(p.get("line", 0)),
                values=tuple(str(v) for v in p.get("values", ())),
            )
            for p in data.get("properties", ())
        ),
        navigation_properties=tuple(
            NavigationProperty(
                name=str(n["name"]),
                type=str(n["type"]),
                collection=bool(n["collection"]),
                description=str(n.get("description", "")),
                line=int(n.get("line", 0)),
            )
            for n in data.get("navigationProperties", ())
        ),
        members=tuple(
            Member(name=str(m["name"]), value=int(m["value"]), description=str(m.get("description", "")), line=int(m.get("line", 0)))
            for m in data.get("members", ())
        ),
        methods=tuple(_method(m) for m in data.get("methods", ())),
    )


def _permission(data: dict[str, Any]) -> Permission:
    kind = str(data["kind"])
    if kind not in PERMISSION_KINDS:
        raise ValueError(f"a permission of no kind graphdoc knows: {kind!r}")
    return Permission(kind=kind, names=tuple(str(n) for n in data["names"]), line=int(data.get("line", 0)))


def _operation(data: dict[str, Any]) -> Operation:
    return Operation(
        id=str(data["id"]),
        owner=str(data["owner"]),
        name=str(data["name"]),
        kind=cast(OperationKind, str(data["kind"])),
        http_method=str(data["httpMethod"]),
        paths=tuple(str(p) for p in data["paths"]),
        status=int(data["status"]),
        returns=data.get("returns"),
        returns_collection=bool(data.get("returnsCollection", False)),
        item=data.get("item"),
        key=data.get("key"),
        body=data.get("body"),
        parameters=tuple(_parameter(p) for p in data.get("parameters", ())),
        function_parameters=tuple(str(p) for p in data.get("functionParameters", ())),
        effects=tuple(Effect(path=tuple(str(p) for p in e["path"]), value=str(e["value"])) for e in data.get("effects", ())),
        source=_maybe_source(data.get("source")),
        headers=tuple(Header(name=str(h["name"]), required=bool(h.get("required", False)), line=int(h.get("line", 0))) for h in data.get("headers", ())),
        permissions=tuple(_permission(p) for p in data.get("permissions", ())),
    )


def _example(data: dict[str, Any]) -> Example:
    body = data.get("body")
    return Example(
        kind=data["kind"],
        name=str(data["name"]),
        type=data.get("type"),
        collection=bool(data.get("isCollection", False)),
        truncated=bool(data.get("truncated", False)),
        http_method=data.get("httpMethod"),
        url=data.get("url"),
        status=data.get("status"),
        body=None if body is None else json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        source=_source(data["source"]),
    )

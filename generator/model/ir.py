"""The intermediate model: what the documentation says the service is.

Frozen dataclasses, free of markdown, Jinja and Python output concerns. Every
emitter reads this and nothing else. ``to_json`` is the stable dump that
``graphdoc inspect`` prints and ``generated/model.json`` holds.

Types are spelt as CSDL spells them: ``Edm.String``, ``Edm.Int64``, ... or the
namespace-qualified name of a documented type. ``Edm.Untyped`` stands for a
value of any JSON shape (the type the documentation named was not found).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from ..base.diagnostics import Diagnostic

TypeKind = Literal["entity", "complex", "enum"]
ENTITY: TypeKind = "entity"
COMPLEX: TypeKind = "complex"
ENUM: TypeKind = "enum"
ExampleKind = Literal["request", "response"]


@dataclass(frozen=True)
class Source:
    path: str
    line: int

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line}


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    collection: bool = False
    nullable: bool = True
    read_only: bool = False
    description: str = ""
    line: int = 0  # on the page of its type; 0 when no line says it
    values: tuple[str, ...] = ()  # a String's documented possible values ("Possible values are: ...")

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "collection": self.collection,
            "nullable": self.nullable,
            "readOnly": self.read_only,
            "description": self.description,
            "values": list(self.values),
            "line": self.line,
        }


@dataclass(frozen=True)
class NavigationProperty:
    name: str
    type: str
    collection: bool = False
    description: str = ""
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "collection": self.collection,
            "description": self.description,
            "line": self.line,
        }


@dataclass(frozen=True)
class Member:
    name: str
    value: int
    description: str = ""
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "description": self.description, "line": self.line}


@dataclass(frozen=True)
class Parameter:
    """A request-body parameter of an action (from the API page's table)."""

    name: str
    type: str
    collection: bool = False
    description: str = ""
    required: bool = False  # the page says "Required."
    line: int = 0  # on the API page

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "collection": self.collection,
            "description": self.description,
            "required": self.required,
            "line": self.line,
        }


@dataclass(frozen=True)
class Header:
    """A request header an API page lists."""

    name: str
    required: bool = False  # the page says "Required."
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "required": self.required, "line": self.line}


# Who calls: a signed-in user of a work or school account, of a personal Microsoft account, or an app.
PermissionKind = Literal["delegated-work", "delegated-personal", "application"]
PERMISSION_KINDS: tuple[PermissionKind, ...] = get_args(PermissionKind)


@dataclass(frozen=True)
class Permission:
    """A row of an API page's Permissions table: the permissions of one kind, any of which
    allows the call, least privileged first; none when the kind is not supported."""

    kind: PermissionKind
    names: tuple[str, ...]
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "names": list(self.names), "line": self.line}


@dataclass(frozen=True)
class Example:
    """A request or response example an annotation ties to a type.

    ``body`` is the JSON text of the payload (canonical, compact) or None when
    the example has no body or its body is not JSON.
    """

    kind: ExampleKind
    name: str
    type: str | None
    collection: bool
    truncated: bool
    http_method: str | None
    url: str | None
    status: int | None
    body: str | None
    source: Source

    def payload(self) -> Any:
        return None if self.body is None else json.loads(self.body)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "type": self.type,
            "isCollection": self.collection,
            "truncated": self.truncated,
            "httpMethod": self.http_method,
            "url": self.url,
            "status": self.status,
            "body": self.payload(),
            "source": self.source.to_json(),
        }


@dataclass(frozen=True)
class Method:
    name: str
    http_method: str
    path: str
    return_type: str | None
    returns_collection: bool
    description: str = ""
    paths: tuple[str, ...] = ()
    request_body_type: str | None = None
    parameters: tuple[Parameter, ...] = ()
    success_status: int = 200
    source: Source | None = None  # the API page (examples share its path)
    headers: tuple[Header, ...] = ()  # the API page's request headers, carried to the operation
    permissions: tuple[Permission, ...] = ()  # the API page's permissions, carried to the operation

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "httpMethod": self.http_method,
            "path": self.path,
            "returnType": self.return_type,
            "returnsCollection": self.returns_collection,
            "description": self.description,
            "paths": list(self.paths),
            "requestBodyType": self.request_body_type,
            "parameters": [p.to_json() for p in self.parameters],
            "successStatus": self.success_status,
            "source": self.source.to_json() if self.source else None,
        }


# What an operation does (``Operation.kind``).
OperationKind = Literal[
    "list",  # GET a collection
    "get",  # GET one entity
    "create",  # POST to a collection (or PUT to a single-valued path that creates)
    "update",  # PATCH: the body's properties merged into the item
    "replace",  # PUT: the item replaced by the body
    "delete",
    "action",  # POST to a named action
    "function",  # GET of a named function, with its parameters
    "add-ref",  # POST .../$ref: add a reference to a collection
    "set-ref",  # PUT .../$ref: set a single-valued reference
    "remove-ref",  # DELETE .../{id}/$ref (or .../$ref): remove a reference
    "get-ref",  # GET .../$ref
    "get-value",  # GET .../$value, or a stream property
    "put-value",  # PUT .../$value
    "count",  # GET .../$count
]
OPERATION_KINDS: tuple[OperationKind, ...] = get_args(OperationKind)


@dataclass(frozen=True)
class Effect:
    """What an action does to the item it is called on: sets a state-like property."""

    path: tuple[str, ...]  # property names, from the item down
    value: str

    def to_json(self) -> dict[str, Any]:
        return {"path": list(self.path), "value": self.value}


@dataclass(frozen=True)
class Operation:
    """One documented operation, as HTTP and the pages say it: no language's names in it.

    ``paths`` are the documented path templates, the first the one the operation is
    known by; ``item`` the type of one item the path addresses (or lists, or creates),
    ``key`` that type's key property.
    """

    id: str  # unique, from wire names: "synchronizationJob.start"
    owner: str  # the type whose Methods table lists it
    name: str  # the Methods table's name for it
    kind: OperationKind
    http_method: str
    paths: tuple[str, ...]
    status: int
    returns: str | None = None
    returns_collection: bool = False
    item: str | None = None
    key: str | None = None
    body: str | None = None  # type of the request body: a create's, update's or replace's
    parameters: tuple[Parameter, ...] = ()  # an action's body parameters
    function_parameters: tuple[str, ...] = ()  # a function's: name(a='{a}')
    effects: tuple[Effect, ...] = ()
    response_example: str | None = None  # the first documented 2xx response body (JSON text)
    description: str = ""
    source: Source | None = None
    headers: tuple[Header, ...] = ()
    permissions: tuple[Permission, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "owner": self.owner,
            "name": self.name,
            "kind": self.kind,
            "httpMethod": self.http_method,
            "paths": list(self.paths),
            "status": self.status,
            "returns": self.returns,
            "returnsCollection": self.returns_collection,
            "item": self.item,
            "key": self.key,
            "body": self.body,
            "parameters": [p.to_json() for p in self.parameters],
            "functionParameters": list(self.function_parameters),
            "effects": [e.to_json() for e in self.effects],
            "headers": [h.to_json() for h in self.headers],
            "permissions": [p.to_json() for p in self.permissions],
            "source": self.source.to_json() if self.source else None,
        }


@dataclass(frozen=True)
class Type:
    full_name: str
    name: str
    namespace: str
    kind: TypeKind
    source: Source
    base_type: str | None = None
    abstract: bool = False
    open_type: bool = False
    key_property: str | None = None
    flags: bool = False  # an enum whose values combine ("a,b")
    description: str = ""
    properties: tuple[Property, ...] = ()
    navigation_properties: tuple[NavigationProperty, ...] = ()
    members: tuple[Member, ...] = ()
    methods: tuple[Method, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "fullName": self.full_name,
            "name": self.name,
            "namespace": self.namespace,
            "kind": self.kind,
            "baseType": self.base_type,
            "abstract": self.abstract,
            "openType": self.open_type,
            "keyProperty": self.key_property,
            "isFlags": self.flags,
            "description": self.description,
            "properties": [p.to_json() for p in self.properties],
            "navigationProperties": [n.to_json() for n in self.navigation_properties],
            "members": [m.to_json() for m in self.members],
            "methods": [m.to_json() for m in self.methods],
            "source": self.source.to_json(),
        }


@dataclass(frozen=True)
class Model:
    types: tuple[Type, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    examples: tuple[Example, ...] = ()
    operations: tuple[Operation, ...] = ()
    _index: dict[str, Type] = field(default_factory=dict, compare=False, repr=False, hash=False)
    _examples_by_path: dict[str, list[Example]] = field(default_factory=dict, compare=False, repr=False, hash=False)

    def __post_init__(self) -> None:
        self._index.update((t.full_name, t) for t in self.types)

    def get(self, full_name: str) -> Type | None:
        return self._index.get(full_name)

    def ancestors(self, full_name: str) -> list[Type]:
        """Base types of a type, nearest first (cycles were broken by resolve)."""
        chain: list[Type] = []
        seen = {full_name}
        current = self.get(full_name)
        while current is not None and current.base_type is not None and current.base_type not in seen:
            current = self.get(current.base_type)
            if current is None:
                break
            seen.add(current.full_name)
            chain.append(current)
        return chain

    def key_of(self, full_name: str) -> str | None:
        """A type's key property: its own, else the nearest base's; None for a type keyed
        by nothing (or not in the model)."""
        found = self.get(full_name)
        chain = [found, *self.ancestors(full_name)] if found is not None else []
        return next((t.key_property for t in chain if t.key_property), None)

    def examples_of(self, method: Method) -> list[Example]:
        """The examples on a method's API page."""
        if method.source is None:
            return []
        if not self._examples_by_path and self.examples:
            for example in self.examples:
                self._examples_by_path.setdefault(example.source.path, []).append(example)
        return list(self._examples_by_path.get(method.source.path, ()))

    def to_json(self) -> dict[str, Any]:
        return {
            "types": [t.to_json() for t in self.types],
            "operations": [o.to_json() for o in self.operations],
            "examples": [e.to_json() for e in self.examples],
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }

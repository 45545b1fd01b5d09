"""OpenAPI 3.1 description of the model's operations and types (``openapi.json``).

Written for OpenAPI tools (client generators, mock servers, docs renderers), in
the shapes they read:

- each type's own shape is a component named by its full name; a derived type is
  ``allOf`` its base and its own properties;
- a type with derived types is referred to through a union component
  (``<type>.polymorphic``): ``oneOf`` the type and each type derived from it, with
  a ``discriminator`` on ``@odata.type`` and its ``mapping``;
- a collection answer is a ``<type>.collection`` component (``value``, ``@odata.nextLink``);
- operationIds are the model's wire ids (``synchronizationJob.start``; a second
  documented path of one operation adds ``.path2``); every documented path is a
  path here, with the OData query options Graph documents for it;
- the docs' request and response examples that fit their types ride along.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..model import ENUM, Operation, Type
from ..navigation import pattern
from ..primitives import is_primitive, primitive_schema
from ..render import render_encoded
from ..runtime.handlers import _query
from ..runtime.handlers._routes import compile_template
from .jsonschema import CONTROL_ANNOTATIONS, DIALECT

if TYPE_CHECKING:
    from .views import Views

FILE = "openapi.json"
ERROR = "GraphError"
REFERENCE = "ReferenceBody"
POLYMORPHIC = ".polymorphic"
COLLECTION = ".collection"
_OPTION_SCHEMAS: dict[str, dict[str, Any]] = {
    "$top": {"type": "integer", "minimum": 0},
    "$skip": {"type": "integer", "minimum": 0},
    "$count": {"type": "boolean"},
}


def _component(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema or "oneOf" in schema or "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kinds = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
    return {**schema, "type": [*kinds, "null"]}


def openapi_path(documented: str) -> str:
    """A documented path with its placeholders named as the mock's router names them."""
    return compile_template(documented).named


class OpenApiView:
    def __init__(self, views: Views) -> None:
        self.model = views.model
        self.schemas = views.schemas
        self.mock = views.mock
        self.collections: set[str] = set()
        self.open_family: dict[str, bool] = {}  # by type name: whether it or a type derived from it is open

    # -- components ----------------------------------------------------------------
    def ref(self, type_name: str) -> dict[str, Any]:
        """A value of ``type_name``: any type derived from it too. A closed type (one that
        is not an open type, nor any type derived from it) is closed where it is used:
        ``unevaluatedProperties`` sees the properties of the whole ``allOf`` chain, where
        ``additionalProperties`` on a shape would refuse the properties its derived types add."""
        found = self.model.get(type_name)
        if found is None:
            return primitive_schema(type_name)
        if found.kind == ENUM:
            return _component(type_name)
        family = [type_name, *self.schemas.descendants(type_name)]
        schema = _component(type_name + POLYMORPHIC if len(family) > 1 else type_name)
        open_family = self.open_family.get(type_name)
        if open_family is None:
            open_family = any(o.open_type for name in family for o in self.schemas.lineage(self.model.get(name) or found))
            self.open_family[type_name] = open_family
        if open_family:
            return schema
        return {**schema, "patternProperties": CONTROL_ANNOTATIONS, "unevaluatedProperties": False}

    def member(self, type_name: str, collection: bool, nullable: bool, description: str = "") -> dict[str, Any]:
        schema = self.ref(type_name)
        if collection:
            schema = {"type": "array", "items": schema}
        elif nullable:
            schema = _nullable(schema)
        return {"description": description, **schema} if description else schema

    def shape(self, t: Type) -> dict[str, Any]:
        """The type's own component."""
        head: dict[str, Any] = {"title": t.name}
        if t.description:
            head["description"] = t.description
        if t.kind == ENUM:
            names = [m.name for m in t.members]
            if t.flags:
                return {**head, "type": "string", "pattern": self.schemas.type_context(t)["flags_pattern"]}
            return {**head, "type": "string", "enum": names}
        # @odata.type names the type or one derived from it, as the JSON Schemas (and the mock) demand;
        # a derived type's allOf narrows its base's names to its own
        names = [t.full_name, *self.schemas.descendants(t.full_name)]
        alternatives = "|".join(re.escape(name) for name in names)
        properties: dict[str, Any] = {"@odata.type": {"type": "string", "pattern": f"^#?({alternatives})$"}}
        for p in t.properties:
            schema = self.member(p.type, p.collection, p.nullable, p.description)
            properties[p.name] = {**schema, "readOnly": True} if p.read_only else schema
        for n in t.navigation_properties:
            properties[n.name] = self.member(n.type, n.collection, not n.collection, n.description)
        own = {"type": "object", "properties": properties}
        if t.base_type is not None and self.model.get(t.base_type) is not None:
            return {**head, "allOf": [_component(t.base_type), own]}
        return {**head, **own}

    def union(self, t: Type) -> dict[str, Any]:
        """``oneOf`` the type and its derived types, told apart by ``@odata.type``."""
        names = [n for n in [t.full_name, *self.schemas.descendants(t.full_name)] if not self._abstract(n)] or [t.full_name]
        return {
            "title": f"{t.name} or a type derived from it",
            "oneOf": [_component(n) for n in names],
            "discriminator": {
                "propertyName": "@odata.type",
                "mapping": {f"#{n}": f"#/components/schemas/{n}" for n in names},
            },
        }

    def _abstract(self, name: str) -> bool:
        found = self.model.get(name)
        return found is not None and found.abstract

    def collection(self, type_name: str) -> dict[str, Any]:
        """A page of a collection: ``value`` and the link to the next page."""
        if self.model.get(type_name) is None:
            return {
                "type": "object",
                "properties": {"value": {"type": "array", "items": primitive_schema(type_name)}},
                "required": ["value"],
            }
        self.collections.add(type_name)
        return _component(type_name + COLLECTION)

    def components(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for t in self.model.types:
            found[t.full_name] = self.shape(t)
            if t.kind != ENUM and self.schemas.descendants(t.full_name):
                found[t.full_name + POLYMORPHIC] = self.union(t)
        for name in sorted(self.collections):
            found[name + COLLECTION] = {
                "title": f"a page of {name.rsplit('.', 1)[-1]}",
                "type": "object",
                "properties": {
                    "@odata.context": {"type": "string"},
                    "@odata.count": {"type": "integer"},
                    "@odata.nextLink": {"type": "string"},
                    "value": {"type": "array", "items": self.ref(name)},
                },
                "required": ["value"],
            }
        return found

    # -- operations ----------------------------------------------------------------
    def request_body(self, op: Operation) -> dict[str, Any] | None:
        examples = {name: {"value": body} for name, body in self.mock.requests.get(op.id, [])}
        if op.kind in ("create", "update", "replace") and op.body and self.model.get(op.body) is not None:
            schema = self.ref(op.body)
        elif op.kind in ("add-ref", "set-ref"):
            schema = _component(REFERENCE)
        elif op.kind == "put-value":
            return {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
        elif op.kind == "action" and op.parameters:
            schema = {
                "type": "object",
                "properties": {p.name: self.member(p.type, p.collection, True, p.description) for p in op.parameters},
            }
        else:
            return None
        content: dict[str, Any] = {"schema": schema}
        if examples:
            content["examples"] = examples
        return {"required": op.kind != "action", "content": {"application/json": content}}

    def response_schema(self, op: Operation) -> dict[str, Any] | None:
        kind = op.kind
        if kind in ("list",) and op.item:
            return self.collection(op.item)
        if kind in ("get", "create", "update", "replace") and op.item and self.model.get(op.item) is not None:
            return self.ref(op.item)
        if kind == "get-ref":
            return {"type": "object", "properties": {"value": {"type": "array", "items": _component(REFERENCE)}}}
        if kind in ("action", "function", "get", "create") and op.returns:
            if op.returns_collection:
                return self.collection(op.returns)
            if is_primitive(op.returns):
                return {"type": "object", "properties": {"value": _nullable(primitive_schema(op.returns))}}
            return self.ref(op.returns)
        return None

    def success(self, op: Operation) -> dict[str, Any]:
        answer: dict[str, Any] = {"description": "Success"}
        if op.kind == "count":
            answer["content"] = {"text/plain": {"schema": {"type": "integer", "minimum": 0}}}
            return answer
        if op.kind == "get-value":
            answer["content"] = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
            return answer
        schema = self.response_schema(op)
        if schema is None or op.status == 204:
            return answer
        content: dict[str, Any] = {"schema": schema}
        example = self.mock.answers.get(op.id)
        if example is not None:
            content["example"] = example
        answer["content"] = {"application/json": content}
        return answer

    def parameters(self, op: Operation, path: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}} for name in compile_template(path).params
        ]
        collection = op.kind == "list" or (op.kind in ("action", "function") and op.returns_collection)
        for name in _query.allowed(op.kind, collection):
            schema = _OPTION_SCHEMAS.get(name) or {"type": "string", "pattern": _query.PATTERNS[name]}
            found.append({"name": name, "in": "query", "required": False, "schema": schema})
        return found

    def operation(self, op: Operation, path: str, index: int) -> dict[str, Any]:
        owner = self.model.get(op.owner)
        result: dict[str, Any] = {
            "operationId": op.id if index == 0 else f"{op.id}.path{index + 1}",
            "summary": op.name,
            "tags": [owner.name if owner else op.owner],
            "parameters": self.parameters(op, path),
        }
        if op.description:
            result["description"] = op.description
        body = self.request_body(op)
        if body is not None:
            result["requestBody"] = body
        error = {"description": "An error, in Microsoft Graph's shape", "content": {"application/json": {"schema": _component(ERROR)}}}
        result["responses"] = {str(op.status): self.success(op), "4XX": error, "5XX": error}
        return result

    def document(self) -> dict[str, Any]:
        paths: dict[str, dict[str, Any]] = {}
        keys: dict[str, str] = {}  # a path with its keys blanked -> the first spelling of it
        for op in self.model.operations:
            for index, documented in enumerate(op.paths):
                if "?" in documented:
                    continue
                key = keys.setdefault(pattern(documented), openapi_path(documented))
                methods = paths.setdefault(key, {})
                if op.http_method.lower() not in methods:
                    methods[op.http_method.lower()] = self.operation(op, key, index)
        return {"paths": dict(sorted(paths.items())), "schemas": self.components()}


def files(views: Views) -> dict[str, str | bytes]:
    parts = OpenApiView(views).document()
    return {FILE: render_encoded("openapi/openapi.json.j2", dialect=DIALECT, error=ERROR, reference=REFERENCE, **parts)}

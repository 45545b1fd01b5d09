"""OpenAPI 3.1 description of the same operations and schemas (``openapi.json``).

Component schemas are the JSON Schema target's documents with their ``$ref``s
pointed into ``#/components/schemas``, so both outputs say the same thing.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Model
from ..names import SCHEMA_BASE
from ..primitives import is_primitive, primitive_schema
from ..render import render
from .handlers import OperationView, handlers_view
from .jsonschema import DIALECT

FILE = "openapi.json"
ERROR = "GraphError"


# A "$ref" key and its value in printed JSON. Inside a JSON string every quote is
# escaped, so this can only match a real "$ref" key.
_REF = re.compile(r'"\$ref": "((?:[^"\\]|\\.)*)"')


def _component(document: str, files: dict[str, str], here: str) -> str:
    """A printed schema document as a component, printed: without the ``$schema`` and
    ``$id`` lines only a standalone document needs, its ``$ref``s pointed into components."""
    opening, schema, id_, rest = document.split("\n", 3)
    assert opening == "{" and schema.startswith('  "$schema": ') and id_.startswith('  "$id": '), here
    return _REF.sub(lambda match: f'"$ref": "{_pointer(match.group(1), files, here)}"', "{\n" + rest)


def _pointer(ref: str, files: dict[str, str], here: str) -> str:
    document, _, fragment = ref.partition("#")
    name = files[document.removeprefix(SCHEMA_BASE)] if document else here
    return f"#/components/schemas/{name}" + fragment


class OpenApiView:
    def __init__(self, model: Model) -> None:
        self.model = model
        self.handlers = handlers_view(model)
        self.schemas = self.handlers.schemas
        self.by_file = {file: name for name, file in self.schemas.files.items()}

    def component(self, type_name: str) -> str:
        return _component(self.schemas.texts()[type_name], self.by_file, type_name)

    def ref(self, type_name: str) -> dict[str, Any]:
        if self.model.get(type_name) is not None:
            return {"$ref": f"#/components/schemas/{type_name}"}
        return primitive_schema(type_name)

    def body_schema(self, op: OperationView) -> dict[str, Any] | None:
        if op.body is not None:
            return self.ref(op.body)
        if op.parameters:
            properties = {p.wire: self.member(p.type, p.collection) for p in op.parameters}
            return {"type": "object", "properties": properties}
        return None

    def member(self, type_name: str, collection: bool) -> dict[str, Any]:
        schema = self.ref(type_name)
        if collection:
            schema = {"type": "array", "items": schema}
        return {"anyOf": [schema, {"type": "null"}]} if schema else schema

    def response_schema(self, op: OperationView) -> dict[str, Any] | None:
        if op.returns is None:
            return None
        item = self.ref(op.returns)
        if op.returns_collection:
            return {
                "type": "object",
                "properties": {"value": {"type": "array", "items": item}, "@odata.nextLink": {"type": "string"}},
                "required": ["value"],
            }
        if is_primitive(op.returns):
            return {"type": "object", "properties": {"value": {"anyOf": [item, {"type": "null"}]}}}
        return item

    def operation(self, op: OperationView) -> dict[str, Any]:
        parameters: list[dict[str, Any]] = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}} for name, _ in op.path_params
        ]
        if op.kind == "list":
            parameters += [
                {"name": "$top", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                {"name": "$skiptoken", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]+$"}},
            ]
        result: dict[str, Any] = {
            "operationId": op.operation_id,
            "summary": op.method.name,
            "description": op.method.description,
            "tags": [op.owner.name],
            "parameters": parameters,
        }
        body = self.body_schema(op)
        if body is not None:
            result["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
        success: dict[str, Any] = {"description": "Success"}
        schema = self.response_schema(op)
        if schema is not None and op.status != 204:
            success["content"] = {"application/json": {"schema": schema}}
        error = {
            "description": "An error, in Microsoft Graph's shape",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR}"}}},
        }
        result["responses"] = {str(op.status): success, "4XX": error, "5XX": error}
        return result

    def document(self) -> dict[str, Any]:
        paths: dict[str, dict[str, Any]] = {}
        for op in self.handlers.operations:
            paths.setdefault(op.path, {})[op.http_method.lower()] = self.operation(op)
        components = {t.full_name: self.component(t.full_name) for t in self.model.types}
        return {
            "paths": dict(sorted(paths.items())),
            "schemas": components,
        }


def emit(model: Model) -> dict[str, str]:
    view = OpenApiView(model)
    parts = view.document()
    return {FILE: render("openapi/openapi.json.j2", dialect=DIALECT, error=ERROR, **parts)}

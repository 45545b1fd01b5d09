"""API handler stubs, their in-memory default implementation and the ASGI app (``handlers/``).

The operation view decided here (kind, path parameters, body, effects of
actions) is what both this target and the OpenAPI target describe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import runtime
from ..layout import bracket, comprehension, literal
from ..model import ENTITY, ENUM, Method, Model, Type
from ..names import PythonNames, attribute, distinct, python_names, snake
from ..primitives import is_primitive
from ..render import pystr, render
from . import black_format
from .jsonschema import schema_view
from .memo import per_model
from .python_models import PACKAGE as MODELS
from .reuse import Renders

PACKAGE = "handlers"

# What an action's name says it does to a state-like enum property of its target.
STATE_VERBS = {
    "start": "active",
    "resume": "active",
    "restart": "active",
    "activate": "active",
    "enable": "enabled",
    "pause": "paused",
    "suspend": "suspended",
    "stop": "stopped",
    "disable": "disabled",
}


@dataclass
class Parameter:
    wire: str
    arg: str
    type: str
    collection: bool


@dataclass
class OperationView:
    owner: Type
    method: Method
    handler: str
    method_name: str
    http_method: str
    path: str
    path_params: list[tuple[str, str]]
    kind: str
    status: int
    returns: str | None
    returns_collection: bool
    body: str | None = None
    parameters: list[Parameter] = field(default_factory=list)
    example: Any = None
    effects: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    key: str | None = None
    lists_all: bool = False

    @property
    def operation_id(self) -> str:
        return f"{self.handler}.{self.method_name}"


def _path(template: str) -> tuple[str, list[tuple[str, str]]]:
    """A Starlette path template with identifier names, and (name, argument) pairs."""
    params: list[tuple[str, str]] = []
    taken: set[str] = set()

    def rename(match: re.Match[str]) -> str:
        raw = match.group(1)
        name = re.sub(r"\W", "_", raw, flags=re.ASCII).strip("_") or "id"
        if name[0].isdigit():
            name = "p_" + name
        base, counter = name, 2
        while name in taken:
            name = f"{base}_{counter}"
            counter += 1
        taken.add(name)
        params.append((name, attribute(name)))
        return "{" + name + "}"

    path = re.sub(r"\{([^{}]*)\}", rename, template)
    path = re.sub(r"[^A-Za-z0-9_\-./{}$~]", "_", path)  # a literal segment with odd characters
    return path, params


class HandlersView:
    def __init__(self, model: Model, names: PythonNames | None = None) -> None:
        self.model = model
        self.names = names or python_names(model)
        self.schemas = schema_view(model)
        self.operations = self._operations()

    def _is_entity(self, type_name: str | None) -> bool:
        found = self.model.get(type_name) if type_name else None
        return found is not None and found.kind == ENTITY

    def _kind(self, method: Method) -> str:
        verb = method.http_method
        if verb == "GET":
            if method.returns_collection:
                return "list" if self._is_entity(method.return_type) else "function"
            return "get" if self._is_entity(method.return_type) else "function"
        if verb == "POST":
            creates = self._is_entity(method.return_type) and not method.parameters
            return "create" if creates and method.request_body_type in (None, method.return_type) else "action"
        return {"PUT": "replace", "PATCH": "update", "DELETE": "delete"}.get(verb, "action")

    def _operations(self) -> list[OperationView]:
        found: list[OperationView] = []
        seen: set[tuple[str, str]] = set()
        for t in self.model.types:
            if not t.methods:
                continue
            handler = self.names.modules[t.full_name]
            method_names = distinct([(str(i), attribute(snake(m.name))) for i, m in enumerate(t.methods)], set())
            for index, method in enumerate(t.methods):
                path, params = _path(method.path)
                if (method.http_method, path) in seen:
                    continue  # two Methods rows for one API page: the first one serves it
                seen.add((method.http_method, path))
                kind = self._kind(method)
                body = None
                if kind in ("create", "update", "replace"):
                    body = method.request_body_type or method.return_type or t.full_name
                    if self.model.get(body) is None or self.model.get(body).kind == ENUM:  # type: ignore[union-attr]
                        body = None
                returns = method.return_type
                key_type = self.model.get(returns or "") or t
                op = OperationView(
                    owner=t,
                    method=method,
                    handler=handler,
                    method_name=method_names[str(index)],
                    http_method=method.http_method,
                    path=path,
                    path_params=params,
                    kind=kind,
                    status=method.success_status,
                    returns=returns,
                    returns_collection=method.returns_collection,
                    body=body,
                    parameters=self._parameters(method, {arg for _, arg in params}),
                    example=self._example(method),
                    effects=self._effects(t, method) if kind == "action" else [],
                    key=key_type.key_property,
                )
                found.append(op)
        creates = {(op.path) for op in found if op.kind == "create"}
        for op in found:
            op.lists_all = op.kind == "list" and op.path not in creates
        return found

    def _parameters(self, method: Method, taken: set[str]) -> list[Parameter]:
        args = distinct([(p.name, attribute(p.name)) for p in method.parameters], set(taken) | {"self"})
        return [Parameter(p.name, args[p.name], p.type, p.collection) for p in method.parameters]

    def _example(self, method: Method) -> Any:
        for example in self.model.examples_of(method):
            if example.kind == "response" and example.body is not None and (example.status or 200) < 300:
                return example.payload()
        if method.return_type is None:
            return None
        if method.returns_collection:
            return []
        if is_primitive(method.return_type):
            return {"value": None}
        return {}

    def _effects(self, t: Type, method: Method) -> list[tuple[tuple[str, ...], str]]:
        verb = snake(method.name).split("_")[0]
        word = STATE_VERBS.get(verb)
        if word is None:
            return []
        effects: list[tuple[tuple[str, ...], str]] = []

        def walk(type_name: str, trail: tuple[str, ...], depth: int) -> None:
            holder = self.model.get(type_name)
            if holder is None or depth > 2:
                return
            for owner in [*reversed(self.model.ancestors(type_name)), holder]:
                for p in owner.properties:
                    target = self.model.get(p.type)
                    if p.collection:
                        continue
                    # the state's values: an enum's members, or a String's documented possible values
                    values = [m.name for m in target.members] if target is not None and target.kind == ENUM else list(p.values)
                    value = next((v for v in values if v.lower() == word), None)
                    if value is not None:
                        effects.append(((*trail, p.name), value))
                    elif target is not None and target.kind not in (ENUM, ENTITY):
                        walk(target.full_name, (*trail, p.name), depth + 1)

        walk(t.full_name, (), 1)
        return effects

    # -- Python --------------------------------------------------------------
    def _model_ref(self, type_name: str, imports: set[tuple[str, str]]) -> str | None:
        found = self.model.get(type_name)
        if found is None:
            return None
        class_name = self.names.classes[type_name]
        imports.add((f"..{MODELS}.{self.names.modules[type_name]}", class_name))
        return class_name

    def _annotation(self, type_name: str | None, collection: bool, imports: set[tuple[str, str]]) -> str:
        if type_name is None:
            return "None"
        found = self.model.get(type_name)
        if found is None:
            base = {"Edm.Boolean": "bool", "Edm.Int32": "int", "Edm.Int64": "int", "Edm.Int16": "int", "Edm.Double": "float"}.get(
                type_name, "Any" if type_name == "Edm.Untyped" else "str"
            )
        else:
            base = self._model_ref(type_name, imports) or "Any"
            if found.kind == ENUM and found.flags:
                base = f"frozenset[{base}]"
        return f"list[{base}]" if collection else base

    def resource_context(self, t: Type, ops: list[OperationView]) -> dict[str, Any]:
        imports: set[tuple[str, str]] = set()
        methods = []
        signatures: list[str] = []  # every annotation written, to tell whether Any is used
        for op in ops:
            args = [{"name": arg, "annotation": "str"} for _, arg in op.path_params]
            body_expr = "None"
            if op.body is not None:
                args.append({"name": "body", "annotation": self._annotation(op.body, False, imports)})
                body_expr = "body"
            elif op.parameters:
                for p in op.parameters:
                    args.append({"name": p.arg, "annotation": self._annotation(p.type, p.collection, imports) + " | None"})
                body_expr = literal("{", [f"{pystr(p.wire)}: {p.arg}" for p in op.parameters], "}", 12, trail=1)
            target = self.model.get(op.returns) if op.returns else None
            result: str | None = "return result"
            returns = "Any"  # a primitive or enum comes back as the JSON value the service holds
            if op.returns is None:
                result, returns = None, "None"
            elif target is not None and target.kind != ENUM:
                model_class = self._model_ref(target.full_name, imports)
                returns = self._annotation(target.full_name, op.returns_collection, imports)
                result = (
                    comprehension("return [", f"{model_class}.from_dict(item)", "for item in result", "]", 8)
                    if op.returns_collection
                    else bracket(f"return {model_class}.from_dict(", ["result"], ")", 8)
                )
            params = ["self", *(f"{a['name']}: {a['annotation']}" for a in args)]
            signatures += [returns, *params]
            methods.append(
                {
                    "name": op.method_name,
                    "params": params,
                    "returns": returns,
                    "doc": f"{op.method.description} {op.http_method} {op.method.path}".strip(),
                    "key": op.operation_id,
                    "path_items": [f"{pystr(arg)}: {arg}" for _, arg in op.path_params],
                    "body_expr": body_expr,
                    "result": result,
                }
            )
        class_name = self.names.classes[t.full_name]
        return {
            "doc": f"Handlers for {t.name}: one method per documented operation.",
            "needs_any": any(m["result"] for m in methods) or any(re.search(r"\bAny\b", text) for text in signatures),
            "handlers_class": f"{class_name}Handlers",
            "handlers_doc": f"Operations on {t.name}. Override a method to give it real behaviour; "
            "a stub answers 501 Not Implemented.",
            "memory_class": f"{class_name}InMemory",
            "imports": sorted(imports),
            "methods": methods,
        }

    def _model_target(self, type_name: str | None) -> str | None:
        if not type_name or self.model.get(type_name) is None:
            return None
        return f"{self.names.modules[type_name]}.{self.names.classes[type_name]}"

    def operation_context(self, op: OperationView) -> dict[str, Any]:
        body_schema = None
        if op.body is not None:
            body_schema = self.schemas.value(op.body)
        elif op.parameters:
            body_schema = {
                "type": "object",
                "properties": {p.wire: self.schemas.member(p.type, p.collection, True, "", False) for p in op.parameters},
            }
        return {
            "handler": op.handler,
            "method_name": op.method_name,
            "http_method": op.http_method,
            "path": op.path,
            "kind": op.kind,
            "path_params": op.path_params,
            "status": op.status,
            "returns": op.returns,
            "returns_collection": op.returns_collection,
            "body": op.body,
            "body_model": self._model_target(op.body),
            "parameters": [
                {"wire": p.wire, "arg": p.arg, "model": self._model_target(p.type), "collection": p.collection}
                for p in op.parameters
            ],
            "body_schema": body_schema,
            "example": op.example,
            "effects": op.effects,
            "key": op.key,
            "lists_all": op.lists_all,
            "returns_entity": op.kind in ("get", "create", "update", "replace") and self._is_entity(op.returns or op.body),
        }

    def read_only(self) -> dict[str, list[str]]:
        """Each type's read-only properties, inherited ones included: the service drops
        them from request bodies. Types without any are left out."""
        found: dict[str, list[str]] = {}
        for t in self.model.types:
            names = [p.name for owner in self.schemas.lineage(t) for p in owner.properties if p.read_only]
            if names:
                found[t.full_name] = names
        return found

    def files(self) -> dict[str, str]:
        renders = Renders("handlers")
        by_owner: dict[str, list[OperationView]] = {}
        for op in self.operations:
            by_owner.setdefault(op.owner.full_name, []).append(op)
        memories = []
        exports = []
        for full_name, ops in sorted(by_owner.items()):
            t = self.model.get(full_name)
            assert t is not None
            context = self.resource_context(t, ops)
            module = ops[0].handler
            renders.add(f"{PACKAGE}/{module}.py", "handlers/resource.py.j2", context)
            memories.append((module, context["memory_class"]))
            exports.append((module, (context["handlers_class"], context["memory_class"])))
        memories.sort()  # imports in module order, as isort has them
        exports.sort()
        operations = [self.operation_context(op) for op in self.operations]
        table = render("handlers/operations.json.j2", operations=operations, read_only=self.read_only())
        renders.add(f"{PACKAGE}/app.py", "handlers/app.py.j2", {"memories": memories})
        renders.add(f"{PACKAGE}/__init__.py", "handlers/init.py.j2", {"exports": exports})
        return {**renders.files(black_format.settle), **runtime.files(PACKAGE), f"{PACKAGE}/operations.json": table}


handlers_view = per_model(HandlersView)


def emit(model: Model) -> dict[str, str]:
    return handlers_view(model).files()

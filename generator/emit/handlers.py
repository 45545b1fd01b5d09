"""API handler stubs, their in-memory default implementation and the mock service (``handlers/``).

The model's operations say what each documented method does; this target gives
them Python names (a module per resource, a method per operation, an argument
per path placeholder and action parameter) and writes the operation table the
service runs on (``operations.json``), the docs' examples it starts with
(``seed.json``) and the runtime modules it needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .. import runtime
from ..model.ir import ENUM, Operation
from ..model.names import attribute, distinct, snake
from ..model.navigation import pattern
from ..model.primitives import is_primitive
from ..runtime.handlers._routes import compile_template
from . import black_format
from .layout import all_order, bracket, comprehension, literal
from .python_models import PACKAGE as MODELS
from .python_models import PRIMITIVES
from .render import pystr, render_encoded
from .reuse import Renders, scope_of

if TYPE_CHECKING:
    from ..model.ir import Model
    from ..model.names import PythonNames
    from ..payloads.mockdata import MockData
    from .jsonschema import SchemaView

PACKAGE = "handlers"


class Views(Protocol):
    """What the handlers' view and ``files`` read of one model's ``Views``: views.py is not
    imported here, since it builds the ``HandlersView``."""

    @property
    def model(self) -> Model: ...

    @property
    def names(self) -> PythonNames: ...

    @property
    def schemas(self) -> SchemaView: ...

    @property
    def mock(self) -> MockData: ...

    @property
    def handlers(self) -> HandlersView: ...


@dataclass
class PythonOperation:
    """An operation with its Python names."""

    op: Operation
    module: str  # the handler key: the owner's module
    method: str
    args: list[tuple[str, str]]  # (placeholder of the first path, argument)
    parameters: dict[str, str]  # action parameter wire name -> argument


class HandlersView:
    def __init__(self, views: Views) -> None:
        self.views = views
        self.model = views.model
        self.names = views.names
        self.schemas = views.schemas
        self.operations = self._named()

    def _named(self) -> list[PythonOperation]:
        found: list[PythonOperation] = []
        taken: dict[str, set[str]] = {}
        for op in self.model.operations:
            module = self.names.modules[op.owner]
            method = distinct([("", attribute(snake(op.id.split(".", 1)[1])))], taken.setdefault(module, {"self"}))[""]
            template = compile_template(op.paths[0])
            used = {"self", "body"}
            args = distinct([(name, attribute(name)) for name in template.params], used)
            parameters = distinct([(p.name, attribute(p.name)) for p in op.parameters], used)
            found.append(PythonOperation(op, module, method, [(n, args[n]) for n in template.params], parameters))
        return found

    # -- Python ----------------------------------------------------------------
    def _model_ref(self, type_name: str, imports: set[tuple[str, str]]) -> str:
        class_name = self.names.classes[type_name]
        imports.add((f"..{MODELS}.{self.names.modules[type_name]}", class_name))
        return class_name

    def _annotation(self, type_name: str | None, collection: bool, imports: set[tuple[str, str]]) -> str:
        if type_name is None:
            return "None"
        found = self.model.get(type_name)
        if found is None:
            base = PRIMITIVES.get(type_name, PRIMITIVES["Edm.String"]).wire  # handlers take and give JSON values
        else:
            base = self._model_ref(type_name, imports)
            if found.kind == ENUM and found.flags:
                base = f"frozenset[{base}]"
        return f"list[{base}]" if collection else base

    def _structured(self, type_name: str | None) -> bool:
        found = self.model.get(type_name) if type_name else None
        return found is not None and found.kind != ENUM

    def _returns(self, named: PythonOperation, imports: set[tuple[str, str]]) -> tuple[str, str | None]:
        """The return annotation and the statement turning the memory's JSON into it."""
        op = named.op
        kind = op.kind
        if kind in ("delete", "add-ref", "set-ref", "remove-ref"):
            return "None", None
        if kind == "count":
            return "int", "return int(result)"
        if kind in ("get-ref", "get-value", "put-value"):
            return "Any", "return result"
        if kind in ("list", "get", "create", "update", "replace") and self._structured(op.item):
            target = op.item
        elif kind in ("action", "function") and self._structured(op.returns):
            target = op.returns
        elif op.returns is None:
            return "None", None
        else:  # a primitive or enum comes back as the JSON value the service holds
            return "Any", "return result"
        assert target is not None
        model_class = self._model_ref(target, imports)
        collection = kind == "list" or (kind in ("action", "function") and op.returns_collection)
        if collection:
            element = f"{model_class}.from_dict(item)"
            return f"list[{model_class}]", comprehension("return [", element, "for item in result", "]", 8)
        if kind in ("action", "function"):  # the docs may show no answer (202 Accepted): then none
            convert = bracket(f"return {model_class}.from_dict(", ["result"], ")", 8)
            return f"{model_class} | None", f"if result is None:\n            return None\n        {convert}"
        return model_class, bracket(f"return {model_class}.from_dict(", ["result"], ")", 8)

    def method_context(self, named: PythonOperation, imports: set[tuple[str, str]]) -> dict[str, Any]:
        op = named.op
        params = ["self", *(f"{arg}: str" for _, arg in named.args)]
        body_expr = "None"
        if op.kind in ("create", "update", "replace") and self._structured(op.body):
            assert op.body is not None
            params.append(f"body: {self._annotation(op.body, False, imports)}")
            body_expr = "body"
        elif op.kind in ("add-ref", "set-ref"):
            params.append("body: dict[str, Any]")
            body_expr = "body"
        elif op.parameters:
            for p in op.parameters:
                params.append(f"{named.parameters[p.name]}: {self._annotation(p.type, p.collection, imports)} | None")
            items = [f"{pystr(p.name)}: {named.parameters[p.name]}" for p in op.parameters]
            body_expr = literal("{", items, "}", 12, trail=1)
        returns, result = self._returns(named, imports)
        return {
            "name": named.method,
            "params": params,
            "returns": returns,
            "doc": f"{op.description} {op.http_method} {op.paths[0]}".strip(),
            "key": op.id,
            "path_items": [f"{pystr(arg)}: {arg}" for _, arg in named.args],
            "body_expr": body_expr,
            "result": result,
        }

    def resource_context(self, owner: str, ops: list[PythonOperation]) -> dict[str, Any]:
        imports: set[tuple[str, str]] = set()
        methods = [self.method_context(named, imports) for named in ops]
        t = self.model.get(owner)
        assert t is not None
        class_name = self.names.classes[owner]
        signatures = [text for m in methods for text in (m["returns"], *m["params"])]
        return {
            "doc": f"Handlers for {t.name}: one method per documented operation.",
            "needs_any": any(m["result"] for m in methods) or any(re.search(r"\bAny\b", s) for s in signatures),
            "handlers_class": f"{class_name}Handlers",
            "handlers_doc": f"Operations on {t.name}. Override a method to give it real behaviour; "
            "a stub answers 501 Not Implemented.",
            "memory_class": f"{class_name}InMemory",
            "imports": sorted(imports),
            "methods": methods,
        }

    # -- the table ---------------------------------------------------------------
    def _model_target(self, type_name: str | None) -> str | None:
        if not type_name or self.model.get(type_name) is None:
            return None
        return f"{self.names.modules[type_name]}.{self.names.classes[type_name]}"

    def body_schema(self, op: Operation) -> dict[str, Any] | None:
        if op.kind in ("create", "update", "replace") and self._structured(op.body):
            assert op.body is not None
            return self.schemas.value(op.body)
        if op.kind == "action" and op.parameters:
            properties = {p.name: self.schemas.member(p.type, p.collection, True, "", False) for p in op.parameters}
            return {"type": "object", "properties": properties}
        return None

    def entry(self, named: PythonOperation, data: MockData, lists_all: bool) -> dict[str, Any]:
        op = named.op
        return {
            "id": op.id,
            "handler": named.module,
            "method": named.method,
            "kind": op.kind,
            "http_method": op.http_method,
            "paths": list(op.paths),
            "args": named.args,
            "status": op.status,
            "returns": op.returns,
            "collection": op.returns_collection,
            "item": op.item,
            "key": op.key,
            "body": op.body if self._structured(op.body) else None,
            "body_model": self._model_target(op.body) if self._structured(op.body) else None,
            "body_schema": self.body_schema(op),
            "parameters": [
                {"wire": p.name, "arg": named.parameters[p.name], "model": self._model_target(p.type), "collection": p.collection}
                for p in op.parameters
            ],
            "example": data.answers.get(op.id, self._default_answer(op)),
            "effects": [[list(e.path), e.value] for e in op.effects],
            "lists_all": lists_all,
        }

    @staticmethod
    def _default_answer(op: Operation) -> Any:
        """What an action or function answers where the docs show no answer that fits: an
        empty collection, a null value, or nothing (no item of its type is made up)."""
        if op.returns is None:
            return None
        if op.returns_collection:
            return {"value": []}
        return {"value": None} if is_primitive(op.returns) else None

    def read_only(self) -> dict[str, list[str]]:
        """Each type's read-only properties, inherited ones included: the service drops
        them from request bodies. Types without any are left out."""
        found: dict[str, list[str]] = {}
        for t in self.model.types:
            names = [p.name for owner in self.schemas.lineage(t) for p in owner.properties if p.read_only]
            if names:
                found[t.full_name] = names
        return found

    def lists_all(self) -> set[str]:
        """Lists of a top-level collection nothing creates items in: they list every
        stored item of their type, wherever it was created."""
        created = {pattern(p) for op in self.model.operations if op.kind == "create" for p in op.paths}
        return {
            op.id
            for op in self.model.operations
            if op.kind == "list" and not any(pattern(p) in created or "{" in p for p in op.paths)
        }

    def files(self) -> dict[str, str | bytes]:
        renders = Renders("handlers", scope_of(self.model))
        by_owner: dict[str, list[PythonOperation]] = {}
        for named in self.operations:
            by_owner.setdefault(named.op.owner, []).append(named)
        memories: dict[str, str] = {}
        exports: list[tuple[str, str]] = []
        for owner, ops in sorted(by_owner.items()):
            context = self.resource_context(owner, ops)
            module = ops[0].module
            renders.add(f"{PACKAGE}/{module}.py", "handlers/resource.py.j2", context)
            memories[module] = context["memory_class"]
            exports += [(module, context["handlers_class"]), (module, context["memory_class"])]
        data = self.views.mock
        everything = self.lists_all()
        table = {
            "operations": [self.entry(named, data, named.op.id in everything) for named in self.operations],
            "handlers": dict(sorted(memories.items())),
            "readOnly": self.read_only(),
            "me": data.me,
            "bases": {t.full_name: t.base_type for t in self.model.types if t.base_type and self.model.get(t.base_type)},
        }
        names = all_order(name for _, name in exports)
        renders.add(f"{PACKAGE}/__init__.py", "handlers/init.py.j2", {"exports": sorted(exports), "names": names})
        return {
            **renders.files(black_format.settle),
            **runtime.files(PACKAGE),
            f"{PACKAGE}/operations.json": render_encoded("handlers/operations.json.j2", table=table),
            f"{PACKAGE}/seed.json": render_encoded("handlers/seed.json.j2", seed=[*map(list, data.aliases.items()), *map(list, data.seed)]),
        }


def files(views: Views) -> dict[str, str | bytes]:
    return views.handlers.files()

"""Runtime of the generated service: the in-memory store, request handling and the ASGI app.

The generated modules beside this one hold the handler classes (one per
resource) and the operation table; this module turns them into a Starlette
application that validates request bodies against the emitted JSON Schemas and
answers errors in Microsoft Graph's shape.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import importlib
import json
import uuid
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

MAX_BODY_BYTES = 1024 * 1024
PAGE_SIZE = 100
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "bundle.json"


@dataclasses.dataclass(frozen=True)
class Parameter:
    """One request-body parameter of an action."""

    wire: str
    arg: str  # the handler method's argument
    model: Any = None  # generated class of a model or enum value, None for a JSON value
    collection: bool = False


@dataclasses.dataclass(frozen=True)
class Operation:
    """One documented method: where it lives, what it takes and what it gives back."""

    handler: str  # key of the handler object, e.g. "synchronization_job"
    method_name: str  # Python method on the handler class
    http_method: str
    path: str  # Starlette path template
    kind: str  # list create get update replace delete action function
    path_params: tuple[tuple[str, str], ...]  # (template name, Python argument)
    status: int
    returns: str | None  # full type name, or an Edm primitive
    returns_collection: bool = False
    body: str | None = None  # full type name of the request body
    body_model: Any = None  # generated class of the request body
    parameters: tuple[Parameter, ...] = ()  # action parameters
    body_schema: Mapping[str, Any] | None = None  # JSON Schema of the request body
    example: Any = None  # documented response body, the default answer of actions
    effects: tuple[
        tuple[tuple[str, ...], str], ...
    ] = ()  # (property path, new value) an action sets
    key: str | None = None  # key property of the type a list, create or get works on
    lists_all: bool = (
        False  # a list with no collection of its own: every stored item of its type
    )


def _model(target: str | None) -> Any:
    """The generated class named ``module.Class`` in the models package beside this one."""
    if not target:
        return None
    module, _, name = target.rpartition(".")
    package = __package__.rpartition(".")[0] if __package__ else ""
    return getattr(importlib.import_module(f"{package}.models.{module}"), name)


def load_operations(path: Path) -> list[Operation]:
    """The operation table, from the JSON file written beside this module."""
    operations = []
    for entry in json.loads(path.read_text(encoding="utf-8")):
        parameters = tuple(
            Parameter(p["wire"], p["arg"], _model(p["model"]), p["collection"])
            for p in entry.pop("parameters")
        )
        operations.append(
            Operation(
                **{
                    **entry,
                    "path_params": tuple(tuple(pair) for pair in entry["path_params"]),
                    "effects": tuple(
                        (tuple(names), value) for names, value in entry["effects"]
                    ),
                    "body_model": _model(entry["body_model"]),
                    "parameters": parameters,
                }
            )
        )
    return operations


class GraphError(Exception):
    """An error answered as ``{"error": {"code": ..., "message": ...}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status
    )


class Store:
    """Payloads by the path that addresses them, safe under concurrent requests."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.items: dict[str, dict[str, Any]] = {}  # path -> stored JSON object
        self.types: dict[str, str] = {}  # path -> full type name

    def get(self, path: str) -> dict[str, Any]:
        found = self.items.get(path)
        if found is None:
            raise GraphError(404, "itemNotFound", f"nothing at {path}")
        return copy.deepcopy(found)

    def put(self, path: str, type_name: str, payload: dict[str, Any]) -> None:
        self.items[path] = copy.deepcopy(payload)
        self.types[path] = type_name

    def delete(self, path: str) -> None:
        if path not in self.items:
            raise GraphError(404, "itemNotFound", f"nothing at {path}")
        for key in [k for k in self.items if k == path or k.startswith(path + "/")]:
            del self.items[key]
            del self.types[key]

    def children(self, collection: str) -> list[dict[str, Any]]:
        prefix = collection + "/"
        return [
            copy.deepcopy(v)
            for k, v in self.items.items()
            if k.startswith(prefix) and "/" not in k[len(prefix) :]
        ]

    def of_type(self, type_name: str) -> list[dict[str, Any]]:
        return [
            copy.deepcopy(self.items[k])
            for k, t in self.types.items()
            if t == type_name
        ]


def to_json(value: Any) -> Any:
    """A handler's value (model, enum, list of them, or plain JSON) as JSON."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, frozenset):
        return ",".join(sorted(to_json(item) for item in value))
    return getattr(value, "value", value) if hasattr(value, "_value_") else value


def from_json(model: Any, value: Any, collection: bool) -> Any:
    if model is None or value is None:
        return value
    if collection:
        if not isinstance(value, list):
            raise TypeError("expected a JSON array")
        return [from_json(model, item, False) for item in value]
    return model.from_dict(value) if hasattr(model, "from_dict") else model(value)


class InMemory:
    """The default behaviour of every operation, on a shared store."""

    def __init__(self, operations: list[Operation], store: Store | None = None) -> None:
        self.store = store or Store()
        self.operations = {f"{op.handler}.{op.method_name}": op for op in operations}

    async def call(
        self, key: str, arguments: Mapping[str, str], body: Any = None
    ) -> Any:
        """Run operation ``key`` on the path its arguments fill in."""
        operation = self.operations[key]
        path = operation.path
        for name, arg in operation.path_params:
            path = path.replace(
                "{" + name + "}", str(arguments[arg]).replace("/", "%2F")
            )
        async with self.store.lock:
            result = self._run(operation, path, to_json(body))
        if (
            operation.returns is not None
            and operation.returns.startswith("Edm.")
            and isinstance(result, dict)
        ):
            return result.get("value")
        return result

    def _run(self, operation: Operation, path: str, body: Any) -> Any:
        store = self.store
        kind = operation.kind
        if kind == "list":
            return (
                store.of_type(operation.returns or "")
                if operation.lists_all
                else store.children(path)
            )
        if kind == "get":
            return store.get(path)
        if kind == "create":
            payload = dict(body or {})
            key = operation.key or "id"
            payload.setdefault(key, str(uuid.uuid4()))
            # The key is one path segment, as path arguments are (see call()).
            target = f"{path}/{str(payload[key]).replace('/', '%2F')}"
            if target in store.items:
                raise GraphError(
                    409, "conflict", f"{key} {payload[key]!r} exists already"
                )
            store.put(target, operation.returns or "", payload)
            return payload
        if kind == "replace":
            payload = dict(body or {})
            if operation.key and operation.key not in payload:
                previous = store.items.get(path, {})
                payload[operation.key] = previous.get(operation.key, str(uuid.uuid4()))
            store.put(path, operation.body or operation.returns or "", payload)
            return payload
        if kind == "update":
            current = store.get(path)
            current.update(body or {})
            store.put(path, store.types[path], current)
            return current
        if kind == "delete":
            store.delete(path)
            return None
        # Actions and functions work on the item their path continues from.
        parent = path.rsplit("/", 1)[0]
        if operation.effects:
            current = store.get(parent)
            for names, value in operation.effects:
                node = current
                for name in names[:-1]:
                    if not isinstance(node.get(name), dict):
                        node[name] = {}
                    node = node[name]
                node[names[-1]] = value
            store.put(parent, store.types[parent], current)
        elif parent not in store.items and parent.count("/") > 1:
            parents = [k for k in store.items if k.startswith(parent + "/")]
            if not parents:
                raise GraphError(404, "itemNotFound", f"nothing at {parent}")
        return copy.deepcopy(operation.example)


Handler = Callable[..., Awaitable[Any]]


def _validator(
    schema: Mapping[str, Any], registry: Registry[Any]
) -> Draft202012Validator:
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _registry() -> Registry[Any]:
    bundle = json.loads(SCHEMAS.read_text(encoding="utf-8"))
    return Registry().with_resources(
        (
            document["$id"],
            Resource.from_contents(document, default_specification=DRAFT202012),
        )
        for document in bundle["$defs"].values()
    )


def _pointer(path: Any) -> str:
    return (
        "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)
        or "(root)"
    )


async def _read_body(request: Request, operation: Operation) -> Any:
    if operation.body is None and not operation.parameters:
        return None
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise GraphError(
            415, "unsupportedMediaType", "send the request body as application/json"
        )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise GraphError(
            413,
            "requestEntityTooLarge",
            f"request bodies are limited to {MAX_BODY_BYTES} bytes",
        )
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > MAX_BODY_BYTES:
            raise GraphError(
                413,
                "requestEntityTooLarge",
                f"request bodies are limited to {MAX_BODY_BYTES} bytes",
            )
    try:
        value = json.loads(data.decode("utf-8"))
        # An escaped lone surrogate is valid JSON but not text: refuse it here.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise GraphError(
            400, "BadRequest", "the request body is not JSON text"
        ) from None
    return value


def _page(request: Request, items: list[Any]) -> dict[str, Any]:
    top_text = request.query_params.get("$top", str(PAGE_SIZE))
    skip_text = request.query_params.get("$skiptoken", "0")
    if not (top_text.isdigit() and skip_text.isdigit() and int(top_text) >= 1):
        raise GraphError(
            400,
            "BadRequest",
            "$top must be a whole number from 1, $skiptoken one from 0",
        )
    top, skip = min(int(top_text), PAGE_SIZE), int(skip_text)
    page: dict[str, Any] = {"value": items[skip : skip + top]}
    if skip + top < len(items):
        query = {k: v for k, v in request.query_params.items() if k != "$skiptoken"}
        query["$skiptoken"] = str(skip + top)
        page["@odata.nextLink"] = str(request.url.replace(query=urlencode(query)))
    return page


def build_app(operations: list[Operation], handlers: Mapping[str, Any]) -> Starlette:
    """A Starlette app routing each operation to ``handlers[op.handler].<op.method_name>``."""
    registry = _registry()
    validators = {
        id(op): _validator(op.body_schema, registry)
        for op in operations
        if op.body_schema is not None
    }

    def endpoint_for(
        path_ops: dict[str, Operation],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            operation = path_ops[request.method]
            try:
                body = await _read_body(request, operation)
                validator = validators.get(id(operation))
                if validator is not None:
                    try:
                        errors = sorted(
                            validator.iter_errors(body),
                            key=lambda e: list(e.absolute_path),
                        )
                    except RecursionError:
                        raise GraphError(
                            400, "BadRequest", "the request body is nested too deeply"
                        ) from None
                    if errors:
                        first = errors[0]
                        message = f"{_pointer(first.absolute_path)}: {first.message}"
                        raise GraphError(400, "BadRequest", message[:500])
                arguments: dict[str, Any] = {
                    arg: request.path_params[name]
                    for name, arg in operation.path_params
                }
                if operation.parameters:
                    if not isinstance(body, dict):
                        raise GraphError(
                            400, "BadRequest", "the request body must be a JSON object"
                        )
                    for parameter in operation.parameters:
                        arguments[parameter.arg] = from_json(
                            parameter.model,
                            body.get(parameter.wire),
                            parameter.collection,
                        )
                elif operation.body is not None:
                    if not isinstance(body, dict):
                        raise GraphError(
                            400, "BadRequest", "the request body must be a JSON object"
                        )
                    arguments["body"] = from_json(operation.body_model, body, False)
                handler = getattr(handlers[operation.handler], operation.method_name)
                result = await handler(**arguments)
            except GraphError as error:
                return error_response(error.status, error.code, error.message)
            except NotImplementedError:
                return error_response(
                    501,
                    "notImplemented",
                    f"{operation.method_name} has no implementation yet",
                )
            except (TypeError, ValueError) as error:
                return error_response(400, "BadRequest", str(error)[:500])
            if operation.status == 204 or result is None and operation.returns is None:
                return Response(
                    status_code=operation.status if operation.status != 200 else 204
                )
            if operation.returns_collection:
                items = to_json(list(result or []))
                try:
                    page = _page(request, items)
                except GraphError as error:
                    return error_response(error.status, error.code, error.message)
                return JSONResponse(page, status_code=operation.status)
            value = to_json(result)
            if not isinstance(value, dict):
                value = {"value": value}
            return JSONResponse(value, status_code=operation.status)

        return endpoint

    by_path: dict[str, dict[str, Operation]] = {}
    for op in operations:
        by_path.setdefault(op.path, {})[op.http_method] = op
    literal = lambda path: (
        -sum(1 for part in path.split("/") if part and not part.startswith("{")),
        path,
    )  # noqa: E731
    routes = [
        Route(path, endpoint_for(ops), methods=sorted(ops))
        for path, ops in sorted(by_path.items(), key=lambda i: literal(i[0]))
    ]

    async def http_error(request: Request, error: Exception) -> Response:
        status = getattr(error, "status_code", 500)
        codes = {404: "notFound", 405: "methodNotAllowed"}
        detail = (
            "no such resource"
            if status == 404
            else (
                f"{request.method} is not supported here"
                if status == 405
                else str(error)
            )
        )
        response = error_response(status, codes.get(status, "error"), detail)
        response.headers.update(
            getattr(error, "headers", None) or {}
        )  # Allow, on a 405
        return response

    async def server_error(request: Request, error: Exception) -> Response:
        return error_response(
            500, "internalServerError", "the service failed; see its log"
        )

    return Starlette(
        routes=routes,
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )

"""Runtime of the generated service: the in-memory store, request handling and the ASGI app.

The generated modules beside this one hold the handler classes (one per
resource) and the operation table; this module turns them into a Starlette
application that validates request bodies against the emitted JSON Schemas and
answers as Microsoft Graph does: errors as
``{"error": {"code", "message", "innerError": {...}}}``, ``@odata.context`` on
every JSON answer, paths matched case-insensitively, with or without a
``/v1.0`` or ``/beta`` prefix.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import importlib
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._issues import Issue, issues
from ._validate import Schemas, Validator

MAX_BODY_BYTES = 1024 * 1024
PAGE_SIZE = 100
MAX_DETAILS = 20  # issues listed in a 400's error details
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "bundle.json"

log = logging.getLogger("graphdoc.service")

# Graph's error codes (https://learn.microsoft.com/graph/errors), one per status.
ERROR_CODES = {
    400: "invalidRequest",
    404: "itemNotFound",
    405: "notAllowed",
    409: "nameAlreadyExists",
    413: "invalidRequest",
    415: "notSupported",
    500: "generalException",
    501: "notSupported",
}


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
    # (property path, new value) an action sets
    effects: tuple[tuple[tuple[str, ...], str], ...] = ()
    key: str | None = None  # key property of the type a list, create or get works on
    # a list with no collection of its own: every stored item of its type
    lists_all: bool = False
    returns_entity: bool = (
        False  # an entity, addressed by the path: its context ends in /$entity
    )


@dataclasses.dataclass(frozen=True)
class Table:
    """Everything the service knows of the documented API, from ``operations.json``."""

    operations: list[Operation]
    # type -> its read-only properties (inherited ones included), dropped from request bodies
    read_only: Mapping[str, frozenset[str]]


def _model(target: str | None) -> Any:
    """The generated class named ``module.Class`` in the models package beside this one."""
    if not target:
        return None
    module, _, name = target.rpartition(".")
    package = __package__.rpartition(".")[0] if __package__ else ""
    return getattr(importlib.import_module(f"{package}.models.{module}"), name)


def _operation(entry: dict[str, Any]) -> Operation:
    parameters = tuple(
        Parameter(p["wire"], p["arg"], _model(p["model"]), p["collection"])
        for p in entry.pop("parameters")
    )
    return Operation(
        **{
            **entry,
            "path_params": tuple((name, arg) for name, arg in entry["path_params"]),
            "effects": tuple(
                (tuple(names), value) for names, value in entry["effects"]
            ),
            "body_model": _model(entry["body_model"]),
            "parameters": parameters,
        }
    )


def load_table(path: Path) -> Table:
    """The operation table, from the JSON file written beside this module."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Table(
        operations=[_operation(entry) for entry in data["operations"]],
        read_only={name: frozenset(names) for name, names in data["readOnly"].items()},
    )


class GraphError(Exception):
    """An error answered in Graph's shape; the code follows from the status."""

    def __init__(
        self, status: int, message: str, details: Iterable[Issue] = ()
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = list(details)


def error_response(
    request: Request, status: int, message: str, details: Iterable[Issue] = ()
) -> JSONResponse:
    """``{"error": {"code", "message", "innerError": {...}}}``, as Graph answers."""
    state = request.scope.get("state") or {}
    body: dict[str, Any] = {
        "code": ERROR_CODES.get(status, "generalException"),
        "message": message,
    }
    listed = [
        {"code": "invalidValue", "message": str(issue), "target": issue.pointer}
        for issue in details
    ]
    if listed:
        body["details"] = listed
    body["innerError"] = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()),
        "request-id": state.get("request_id", ""),
        "client-request-id": state.get("client_request_id", ""),
    }
    return JSONResponse({"error": body}, status_code=status)


class Store:
    """Payloads by the path that addresses them, safe under concurrent requests."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.items: dict[str, dict[str, Any]] = {}  # path -> stored JSON object
        self.types: dict[str, str] = {}  # path -> full type name

    def get(self, path: str) -> dict[str, Any]:
        found = self.items.get(path)
        if found is None:
            raise GraphError(404, f"nothing at {path}")
        return copy.deepcopy(found)

    def put(self, path: str, type_name: str, payload: dict[str, Any]) -> None:
        self.items[path] = copy.deepcopy(payload)
        self.types[path] = type_name

    def delete(self, path: str) -> None:
        if path not in self.items:
            raise GraphError(404, f"nothing at {path}")
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


def fill(template: str, values: Mapping[str, str]) -> str:
    """A path template with each ``{name}`` replaced by its value, kept one segment."""
    return re.sub(
        r"\{(\w+)\}",
        lambda match: str(values[match.group(1)]).replace("/", "%2F"),
        template,
    )


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
        path = fill(
            operation.path,
            {name: arguments[arg] for name, arg in operation.path_params},
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
                raise GraphError(409, f"{key} {payload[key]!r} exists already")
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
                raise GraphError(404, f"nothing at {parent}")
        return copy.deepcopy(operation.example)


Handler = Callable[..., Awaitable[Any]]


def _validator(schema: Mapping[str, Any], registry: Schemas) -> Validator:
    return registry.validator(schema)


def _registry() -> Schemas:
    bundle = json.loads(SCHEMAS.read_text(encoding="utf-8"))
    return Schemas(bundle["$defs"].values())


async def _read_body(request: Request, operation: Operation) -> Any:
    if operation.body is None and not operation.parameters:
        return None
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise GraphError(415, "send the request body as application/json")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise GraphError(413, f"request bodies are limited to {MAX_BODY_BYTES} bytes")
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > MAX_BODY_BYTES:
            raise GraphError(
                413, f"request bodies are limited to {MAX_BODY_BYTES} bytes"
            )
    try:
        value = json.loads(data.decode("utf-8"))
        # An escaped lone surrogate is valid JSON but not text: refuse it here.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise GraphError(400, "the request body is not JSON text") from None
    return value


def _check_body(validator: Validator, body: Any) -> None:
    """A 400 that says what ``graphdoc validate`` would say about the body."""
    if validator.valid(body):  # jsonschema-rs decides; jsonschema explains a refusal
        return
    try:
        found = list(
            islice(issues(validator.reference.iter_errors(body)), MAX_DETAILS + 1)
        )
    except RecursionError:
        raise GraphError(400, "the request body is nested too deeply") from None
    if found:
        found = list(dict.fromkeys(found))
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise GraphError(400, f"{found[0]}{more}"[:500], found[:MAX_DETAILS])


def _page(request: Request, items: list[Any]) -> dict[str, Any]:
    top_text = request.query_params.get("$top", str(PAGE_SIZE))
    skip_text = request.query_params.get("$skiptoken", "0")
    if not (top_text.isdigit() and skip_text.isdigit() and int(top_text) >= 1):
        raise GraphError(
            400, "$top must be a whole number from 1, $skiptoken one from 0"
        )
    top, skip = min(int(top_text), PAGE_SIZE), int(skip_text)
    page: dict[str, Any] = {"value": items[skip : skip + top]}
    if skip + top < len(items):
        query = {k: v for k, v in request.query_params.items() if k != "$skiptoken"}
        query["$skiptoken"] = str(skip + top)
        page["@odata.nextLink"] = str(request.url.replace(query=urlencode(query)))
    return page


def context(request: Request, operation: Operation) -> str:
    """The ``@odata.context`` of an answer: the metadata URL and what the answer is, as Graph writes it
    (``.../$metadata#users('42')/messages/$entity``)."""
    base = f"{request.url.scheme}://{request.url.netloc}{request.scope.get('root_path', '')}/$metadata#"
    if operation.kind in ("action", "function") or operation.returns is None:
        shown = operation.returns or "Edm.Untyped"
        return base + (
            f"Collection({shown})" if operation.returns_collection else shown
        )
    parts: list[str] = []
    segments = operation.path.strip("/").split("/")
    for index, segment in enumerate(segments):
        name = re.fullmatch(r"\{(\w+)\}", segment)
        if name is None:
            parts.append(segment)
        elif parts and not (operation.returns_entity and index == len(segments) - 1):
            parts[-1] += (
                "('"
                + str(request.path_params.get(name.group(1), "")).replace("'", "''")
                + "')"
            )
    tail = "/$entity" if operation.returns_entity else ""
    return base + "/".join(parts) + tail


def _with_context(
    request: Request, operation: Operation, value: dict[str, Any]
) -> dict[str, Any]:
    return {"@odata.context": context(request, operation), **value}


def _without_read_only(
    operation: Operation, body: Any, read_only: Mapping[str, frozenset[str]]
) -> Any:
    """A create, update or replace body without the read-only properties of its type: the
    service keeps its own values of those (a create may still choose its key)."""
    if (
        operation.kind not in ("create", "update", "replace")
        or not isinstance(body, dict)
        or operation.body is None
    ):
        return body
    written = body.get("@odata.type")
    type_name = (
        written.lstrip("#")
        if isinstance(written, str) and written.lstrip("#") in read_only
        else operation.body
    )
    dropped = read_only.get(type_name, frozenset()) - (
        {operation.key} if operation.kind == "create" else set()
    )
    return (
        {k: v for k, v in body.items() if k not in dropped}
        if dropped & body.keys()
        else body
    )


class VersionPrefix:
    """Graph's URLs start with ``/v1.0`` or ``/beta``: both are taken off before routing
    (into ``root_path``, so answers' links keep them), and every answer carries a
    ``request-id`` (and the client's ``client-request-id``) as Graph's do."""

    PREFIX = re.compile(r"/(?:v1\.0|beta)(?=/|$)", re.IGNORECASE)

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        root = scope.get("root_path", "")
        path = scope["path"]
        rest = path.removeprefix(root)
        prefix = self.PREFIX.match(rest)
        scope = {**scope, "root_path": root + prefix.group()} if prefix else dict(scope)
        request_id = str(uuid.uuid4())
        client_id = next(
            (
                v.decode("latin-1")
                for k, v in scope.get("headers", ())
                if k == b"client-request-id"
            ),
            request_id,
        )
        scope["state"] = {
            **scope.get("state", {}),
            "request_id": request_id,
            "client_request_id": client_id,
        }

        async def send_with_ids(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"request-id", request_id.encode()),
                    (b"client-request-id", client_id.encode("latin-1")),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_ids)


def _route(
    path: str, endpoint: Callable[[Request], Awaitable[Response]], methods: list[str]
) -> Route:
    """A route whose literal segments match in any case, as Graph's do."""
    route = Route(path, endpoint, methods=methods)
    route.path_regex = re.compile(route.path_regex.pattern, re.IGNORECASE)
    return route


def _specificity(path: str) -> tuple[int, str]:
    """More literal segments first: ``/jobs/start`` before ``/jobs/{id}``."""
    return (
        -sum(1 for part in path.split("/") if part and not part.startswith("{")),
        path,
    )


def build_app(table: Table, handlers: Mapping[str, Any]) -> Starlette:
    """A Starlette app routing each operation to ``handlers[op.handler].<op.method_name>``."""
    known = sorted({op.handler for op in table.operations})
    unknown = sorted(set(handlers) - set(known))
    if unknown:
        raise ValueError(
            f"no resource is called {', '.join(map(repr, unknown))}; the resources are {', '.join(known)}"
        )
    registry = _registry()
    validators = {
        id(op): _validator(op.body_schema, registry)
        for op in table.operations
        if op.body_schema is not None
    }

    def arguments_of(
        request: Request, operation: Operation, body: Any
    ) -> dict[str, Any]:
        """The handler's arguments: path values, then the body as its models."""
        arguments: dict[str, Any] = {
            arg: request.path_params[name] for name, arg in operation.path_params
        }
        if (operation.parameters or operation.body is not None) and not isinstance(
            body, dict
        ):
            raise GraphError(400, "the request body must be a JSON object")
        try:
            for parameter in operation.parameters:
                value = body.get(parameter.wire)
                arguments[parameter.arg] = from_json(
                    parameter.model, value, parameter.collection
                )
            if operation.body is not None and not operation.parameters:
                arguments["body"] = from_json(operation.body_model, body, False)
        except (TypeError, ValueError) as error:
            raise GraphError(400, str(error)[:500]) from None
        return arguments

    async def answer(request: Request, operation: Operation) -> Response:
        body = await _read_body(request, operation)
        validator = validators.get(id(operation))
        if validator is not None:
            _check_body(validator, body)
        arguments = arguments_of(
            request, operation, _without_read_only(operation, body, table.read_only)
        )
        handler = getattr(handlers[operation.handler], operation.method_name)
        try:
            result = await handler(**arguments)
        except (GraphError, NotImplementedError):
            raise
        except Exception as error:  # a bug in the handler, not in the request
            log.exception("%s.%s failed", operation.handler, operation.method_name)
            name = f"{operation.handler}.{operation.method_name}"
            raise GraphError(
                500, f"{name} raised {type(error).__name__}: {error}"[:500]
            ) from None
        if operation.status == 204 or result is None and operation.returns is None:
            return Response(
                status_code=operation.status if operation.status != 200 else 204
            )
        if operation.returns_collection:
            page = _page(request, to_json(list(result or [])))
            return JSONResponse(
                _with_context(request, operation, page), status_code=operation.status
            )
        value = to_json(result)
        if not isinstance(value, dict):
            value = {"value": value}
        return JSONResponse(
            _with_context(request, operation, value), status_code=operation.status
        )

    def endpoint_for(
        path_ops: dict[str, Operation],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            operation = path_ops[request.method]
            try:
                return await answer(request, operation)
            except GraphError as error:
                return error_response(
                    request, error.status, error.message, error.details
                )
            except NotImplementedError:
                return error_response(
                    request, 501, f"{operation.method_name} has no implementation yet"
                )

        return endpoint

    by_path: dict[str, dict[str, Operation]] = {}
    for op in table.operations:
        by_path.setdefault(op.path, {})[op.http_method] = op
    routes = [
        _route(path, endpoint_for(ops), sorted(ops))
        for path, ops in sorted(by_path.items(), key=lambda i: _specificity(i[0]))
    ]

    async def http_error(request: Request, error: Exception) -> Response:
        status = getattr(error, "status_code", 500)
        if status == 404:
            message = f"no resource at {request.url.path}"
        elif status == 405:
            message = f"{request.method} is not supported at {request.url.path}"
        else:
            message = str(getattr(error, "detail", error))
        response = error_response(request, status, message)
        response.headers.update(
            getattr(error, "headers", None) or {}
        )  # Allow, on a 405
        return response

    async def server_error(request: Request, error: Exception) -> Response:
        return error_response(request, 500, "the service failed; see its log")

    return Starlette(
        routes=routes,
        middleware=[Middleware(VersionPrefix)],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )

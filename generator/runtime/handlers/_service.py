"""Runtime of the generated service: the operation table, request handling and the ASGI app.

``operations.json`` beside this module lists every documented operation: its
kind, its documented paths, its body, its handler. This module routes each
request to it by those paths (``_routes``), reads and checks the body against
the emitted JSON Schemas, calls the handler object and shapes the answer as
Microsoft Graph does: errors as ``{"error": {"code", "message", "innerError"}}``,
``@odata.context`` on every JSON answer, collections paged with
``@odata.nextLink``, OData query options followed (``_query``), paths matched in
any case, with or without a ``/v1.0`` or ``/beta`` prefix.

Nothing is imported or compiled before a request needs it (handler modules,
models, schema validators, routes, the docs' examples in ``seed.json``), so the
service of a whole API starts at once.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import random
import re
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import _batch, _query
from ._issues import Issue, issues
from ._routes import Found, NoRoute, NotAllowed, Router, Template
from ._store import (
    CURRENT,
    Current,
    Effect,
    GraphError,
    InMemory,
    Store,
    Work,
    to_json,
)
from ._validate import Schemas, Validator

MAX_BODY_BYTES = 1024 * 1024
# Every answer says it comes from this mock; POST to RESET_PATH puts the store back as it
# started (the docs' examples, or empty), as a test between its cases wants.
MOCK_HEADER = "graphdoc-mock"
RESET_PATH = "/_graphdoc/reset"
# GET KEYS_PATH?path=/teams lists the keys the store holds there (graphdoc replay's)
KEYS_PATH = "/_graphdoc/keys"
VALUE_PATH = "/_graphdoc/value"  # where a download's redirect leads
_PROBE = "graphdoc-probe"
MAX_DETAILS = 20  # issues listed in a 400's error details
# request body validators kept, the most recently used (a large type's: ~25 MB)
KEPT_VALIDATORS = 8
KEPT_CONTEXTS = 1024  # answers' @odata.context, by what they follow from
HERE = Path(__file__).resolve().parent
SCHEMAS = HERE.parent / "schemas" / "bundle.json"
METADATA = HERE.parent / "metadata.xml"
# kinds that take a JSON object as their body
_SAFE = "/:@()',=$!*+;~"  # characters kept as they are in a Location path
JSON_BODIES = {"create", "update", "replace", "add-ref", "set-ref"}

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
    # "module.Class" of a model or enum value, None for a JSON value
    model: str | None = None
    collection: bool = False


@dataclasses.dataclass
class Operation:
    """One documented operation: where it lives, what it takes and what it gives back."""

    id: str  # "synchronizationJob.start"
    handler: str  # key of the handler object, e.g. "synchronization_job"
    method: str  # Python method on the handler class
    kind: str  # list get create update replace delete action function add-ref ...
    http_method: str
    paths: list[str]  # documented path templates; the first is the handler's
    args: list[tuple[str, str]]  # (placeholder of the first path, Python argument)
    status: int
    returns: str | None = None  # full type name, or an Edm primitive
    collection: bool = False
    item: str | None = None
    key: str | None = None
    body: str | None = None  # full type name of the request body
    body_model: str | None = None  # "module.Class" of it
    body_schema: Mapping[str, Any] | None = None
    parameters: list[Parameter] = dataclasses.field(default_factory=list)
    example: Any = None  # documented response body, the default answer of actions
    effects: list[Effect] = dataclasses.field(default_factory=list)
    lists_all: bool = False

    @property
    def work(self) -> Work:
        return Work(
            self.id,
            self.kind,
            self.key,
            self.item,
            self.returns,
            self.collection,
            self.lists_all,
            tuple(self.effects),
            self.example,
            self.paths[0],
        )


def _operation(entry: dict[str, Any]) -> Operation:
    entry = dict(entry)
    entry["args"] = [tuple(pair) for pair in entry["args"]]
    entry["parameters"] = [Parameter(**p) for p in entry["parameters"]]
    entry["effects"] = [Effect(tuple(path), value) for path, value in entry["effects"]]
    return Operation(**entry)


@dataclasses.dataclass
class Table:
    """Everything the service knows of the documented API, from ``operations.json``."""

    operations: dict[str, Operation]
    handlers: dict[str, str]  # handler key -> its in-memory class
    # type -> read-only properties, inherited ones too
    read_only: Mapping[str, frozenset[str]]
    me: str  # the user /me stands for
    bases: dict[str, str]  # type -> its base type
    seed: Path | None  # the docs' examples: items at the paths the docs read them from


def load_table(folder: Path) -> Table:
    """The operation table, from the JSON files written beside this module."""
    data = json.loads((folder / "operations.json").read_text(encoding="utf-8"))
    seed = folder / "seed.json"
    return Table(
        operations={e["id"]: _operation(e) for e in data["operations"]},
        handlers=data["handlers"],
        read_only={k: frozenset(v) for k, v in data["readOnly"].items()},
        me=data["me"],
        bases=data["bases"],
        seed=seed if seed.is_file() else None,
    )


_MODELS: dict[str, Any] = {}  # "module.Class" -> the class, found once


def _model(target: str | None) -> Any:
    """The generated class named ``module.Class`` in the models package beside this one."""
    if not target:
        return None
    found = _MODELS.get(target)
    if found is None:
        module, _, name = target.rpartition(".")
        package = __package__.rpartition(".")[0] if __package__ else ""
        found = getattr(importlib.import_module(f"{package}.models.{module}"), name)
        _MODELS[target] = found
    return found


class LazyHandlers:
    """The handler objects by key: the caller's, else the generated in-memory ones,
    each imported the first time a request needs it."""

    def __init__(
        self, table: Table, given: Mapping[str, Any], memory: InMemory
    ) -> None:
        unknown = sorted(set(given) - set(table.handlers))
        if unknown:
            raise ValueError(
                f"no resource is called {', '.join(map(repr, unknown))}; "
                f"the resources are {', '.join(sorted(table.handlers))}"
            )
        self.table = table
        self.found: dict[str, Any] = dict(given)
        self.memory = memory

    def __getitem__(self, key: str) -> Any:
        found = self.found.get(key)
        if found is None:
            module = importlib.import_module(f"{__package__}.{key}")
            found = self.found[key] = getattr(module, self.table.handlers[key])(
                self.memory
            )
        return found


# JSONResponse's encoder, made once: json.dumps makes one for each answer it writes
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
)


class Answer(JSONResponse):
    """A JSONResponse, its body written as JSONResponse writes it by an encoder made once."""

    def render(self, content: Any) -> bytes:
        return _ENCODER.encode(content).encode("utf-8")


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


def from_json(model: Any, value: Any, collection: bool) -> Any:
    if model is None or value is None:
        return value
    if collection:
        if not isinstance(value, list):
            raise TypeError("expected a JSON array")
        return [from_json(model, item, False) for item in value]
    return model.from_dict(value) if hasattr(model, "from_dict") else model(value)


def _validator(schema: Mapping[str, Any], registry: Schemas) -> Validator:
    return registry.validator(schema)


def _registry() -> Schemas:
    bundle = json.loads(SCHEMAS.read_text(encoding="utf-8"))
    return Schemas(bundle["$defs"].values())


def _check_body(validator: Validator, body: Any) -> Any:
    """The body as the service reads it (enum members without regard to case, as Graph
    reads them: ``Validator.read``), or a 400 that says what ``graphdoc validate`` would
    say about it."""
    try:
        return validator.read(body)
    except ValueError:
        pass
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
    return body


async def _read_bytes(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise GraphError(413, f"request bodies are limited to {MAX_BODY_BYTES} bytes")
    data = bytearray()
    # the messages as Request.stream reads them, without an async generator's cost
    while True:
        message = await request.receive()
        if message["type"] == "http.request":
            data.extend(message.get("body", b""))
            if len(data) > MAX_BODY_BYTES:
                raise GraphError(
                    413, f"request bodies are limited to {MAX_BODY_BYTES} bytes"
                )
            if not message.get("more_body", False):
                return bytes(data)
        elif message["type"] == "http.disconnect":
            raise ClientDisconnect()


def _parse_json(request: Request, raw: bytes) -> Any:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise GraphError(415, "send the request body as application/json")
    try:
        value = json.loads(raw.decode("utf-8"))
        # An escaped lone surrogate is valid JSON but not text: refuse it here. Only an
        # escape (\\u) makes one (UTF-8 text holds none); a long body is written again
        # all the same, as one nested deeply enough may be read but not written.
        if b"\\u" in raw or len(raw) >= sys.getrecursionlimit():
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise GraphError(400, "the request body is not JSON text") from None
    return value


async def _read_body(request: Request, operation: Operation) -> tuple[Any, bytes]:
    """The body as JSON (None when the operation takes none) and as it came."""
    if request.method in ("GET", "DELETE", "HEAD"):
        return None, b""
    raw = await _read_bytes(request)
    if operation.kind == "put-value":
        return None, raw
    if operation.kind in JSON_BODIES:
        if not raw.strip():
            raise GraphError(400, "this request needs a JSON object as its body")
        return _parse_json(request, raw), raw
    if operation.kind == "action" and (operation.parameters or raw.strip()):
        # Graph takes a body-less action's POST without a body or a content type.
        return (_parse_json(request, raw) if raw.strip() else {}), raw
    return None, raw


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


def _arguments(found: Found) -> dict[str, str]:
    """The handler's path arguments. Another documented path than the first gives them by
    placeholder name where the names agree, and the rest in order from the end (the
    item's own key last in both)."""
    operation: Operation = found.value
    values = found.values
    wanted = [name for name, _ in operation.args]
    given = {name: values[name] for name in wanted if name in values}
    rest = [name for name in wanted if name not in given]
    spare = [value for name, value in values.items() if name not in given]
    for name, value in zip(reversed(rest), reversed(spare)):
        given[name] = value
    return {arg: given.get(name, "") for name, arg in operation.args}


_QUALIFIED = re.compile(r"^(?:[A-Za-z_]\w*\.)+([A-Za-z_]\w*(?:\(.*\))?)$")


def _unqualified(path: str) -> str:
    """A path whose last segment is a namespace-qualified name (``microsoft.graph.delta()``)
    with the name alone, as OData lets a client call a bound action or function."""
    head, _, last = path.rstrip("/").rpartition("/")
    found = _QUALIFIED.match(last)
    return f"{head}/{found.group(1)}" if found else path


_CALLED = re.compile(r"^([A-Za-z_][\w.]*)\(.*\)$")


def _uncalled(path: str) -> str:
    """A path whose last segment calls a function with arguments (``get(period='D7')``)
    as the function's name alone, for a function the docs document without them."""
    head, _, last = path.rstrip("/").rpartition("/")
    found = _CALLED.match(last)
    return f"{head}/{found.group(1)}" if found else path


_DELTA = re.compile(r"(?i)/delta(?:\(\))?/?$")  # a delta function's path
_ROOT = re.compile(r"(?i)(?<!/items)/root(?=/|$)")


def _rooted(path: str) -> str:
    """``.../drive/root/children`` as ``.../drive/items/root/children``: the key alias Graph
    gives a drive's root item, where the docs document the item by key."""
    return _ROOT.sub("/items/root", path, count=1)


def context(base: str, found: Found, me: str) -> str:
    """The ``@odata.context`` of an answer, as Graph writes it: the metadata URL and what
    the answer is (``.../$metadata#users('42')/messages/$entity``)."""
    operation: Operation = found.value
    if (
        operation.kind
        in ("action", "function", "count", "get-value", "put-value", "get-ref")
        or not operation.item
    ):
        shown = operation.returns or "Edm.Untyped"
        return f"{base}/$metadata#" + (
            f"Collection({shown})" if operation.collection else shown
        )
    entity = operation.kind in ("get", "create", "update", "replace")
    parts: list[str] = []
    template: Template = found.template
    for index, (kind, text) in enumerate(template.parts):
        last = index == len(template.parts) - 1
        if kind == "literal" and index == 0 and text.lower() == "me":
            parts += [f"users('{me}')"]
        elif kind in ("literal", "cast", "colon", "call"):
            parts.append(text.split("\0")[0])
        elif kind == "keyed":
            name, param = text.split("\0")
            parts.append(f"{name}('{_quoted(found.values.get(param, ''))}')")
        elif parts and not (entity and last):
            parts[-1] += f"('{_quoted(found.values.get(text, ''))}')"
    return f"{base}/$metadata#" + "/".join(parts) + ("/$entity" if entity else "")


def _owner_parts(parts: list[tuple[str, str]]) -> int | None:
    """How many of a template's parts name the item its path names by key before its
    end (``/users/{id}`` of ``/users/{id}/messages``): None when it names none, or a
    drive item's path (``root:/a/b:``) comes before that key."""
    keys = [i for i, (kind, _) in enumerate(parts[:-1]) if kind in ("param", "keyed")]
    if not keys or any(kind == "colon" for kind, _ in parts[: keys[-1]]):
        return None
    return keys[-1] + 1


# (scheme, Host header, server) -> the "scheme://host" of request.url there
_ORIGINS: dict[tuple[Any, ...], str] = {}
KEPT_ORIGINS = 64


def _base(request: Request) -> str:
    """The service's URL as a request reaches it (``http://host/v1.0``): ``request.url``'s
    scheme and host, and the root path. Where a server is named (as every ASGI server
    names it), those follow from the scope's scheme, Host header and server alone, not
    its path, so they are read once for each (``request.url`` takes microseconds)."""
    scope = request.scope
    root = scope.get("root_path", "")
    server = scope.get("server")
    if server is None:
        return f"{request.url.scheme}://{request.url.netloc}{root}"
    host = next((v for k, v in scope["headers"] if k == b"host"), None)
    key = (scope.get("scheme", "http"), host, *server)
    found = _ORIGINS.get(key)
    if found is None:
        found = f"{request.url.scheme}://{request.url.netloc}"
        if len(_ORIGINS) >= KEPT_ORIGINS:
            _ORIGINS.clear()
        _ORIGINS[key] = found
    return f"{found}{root}"


def _quoted(value: str) -> str:
    return value.replace("'", "''")


# a version 4 UUID's fixed bits: the version (4) and the variant (RFC 4122)
_UUID_CLEARED = ~(0xF000 << 64 | 0xC000 << 48)
_UUID_SET = 0x4000 << 64 | 0x8000 << 48


def _request_id() -> str:
    """A random version 4 UUID, written as ``str(uuid.uuid4())`` writes one; an answer's
    id needs no secret randomness, which costs a system call (os.urandom) each time."""
    text = f"{random.getrandbits(128) & _UUID_CLEARED | _UUID_SET:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


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
        rest = scope["path"].removeprefix(root)
        prefix = self.PREFIX.match(rest)
        scope = {**scope, "root_path": root + prefix.group()} if prefix else dict(scope)
        request_id = _request_id()
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
                    (MOCK_HEADER.encode(), b"1"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_ids)


# how surely an operation is what its method means at a path: lower is surer
_RESOURCE_KINDS = {
    "list": 0,
    "create": 0,
    "update": 0,
    "replace": 0,
    "delete": 0,
    "get": 1,
}


class Service:
    """Answers every documented operation: route, read, check, call, shape."""

    def __init__(
        self, table: Table, handlers: Mapping[str, Any], *, empty: bool, me: str | None
    ) -> None:
        self.table = table
        self.me = me or table.me
        self.memory = InMemory(
            {op.id: op.work for op in table.operations.values()}, bases=table.bases
        )
        self.empty = empty
        self.memory.store.pending = None if empty else table.seed
        self.handlers = LazyHandlers(table, handlers, self.memory)
        self.router: Router = Router()
        for op in table.operations.values():
            for path in op.paths:
                self.router.add(path, op.http_method, op)
        self.validators: dict[str, Validator] = {}
        self.registry: Schemas | None = None
        # (documented path, parts) -> whether the docs document a GET of that item
        self.owners: dict[tuple[str, int], bool] = {}
        # documented path -> the parts that name its owner (_owner_parts)
        self.owned: dict[str, int | None] = {}
        # (base, operation, path, values) -> the @odata.context of its answer
        self.contexts: dict[tuple[Any, ...], str] = {}

    # how $expand reads an expanded item: by its own path
    item_view = Operation("", "", "", "get", "GET", [""], [], 200)

    async def reset(self, page: str | None = None) -> None:
        async with self.memory.store.lock:
            self.memory.store.reset(None if self.empty else self.table.seed, page)

    # -- routing ---------------------------------------------------------------
    def find(self, method: str, path: str) -> Found:
        """The operation at ``path``, found as Graph finds it: a path documented only under
        ``/users/{id}`` works from ``/me`` too, an action or function is called by its name
        alone or qualified by its namespace (``.../microsoft.graph.delta()``), and a drive's
        ``root`` is its item ``root`` (``/drives/{id}/root`` is ``/drives/{id}/items/root``).
        """
        try:
            return self.router.find(
                method, path
            )  # most requests: the path as documented
        except (NoRoute, NotAllowed) as error:
            tried: NoRoute | NotAllowed | None = error
        forms = [_unqualified(path), _rooted(path), _uncalled(path)]
        for candidate in dict.fromkeys(forms):
            for form in dict.fromkeys([candidate, self.as_user(candidate)]):
                try:
                    return self.router.find(method, form)
                except (NoRoute, NotAllowed) as error:
                    # a path's other methods say more than another path's absence
                    if tried is None or isinstance(error, NotAllowed):
                        tried = tried if isinstance(tried, NotAllowed) else error
        assert tried is not None
        raise tried

    def as_user(self, path: str) -> str:
        """``/me/...`` as ``/users/<me>/...``; any other path as it is."""
        head, _, rest = path.lstrip("/").partition("/")
        if head.lower() != "me":
            return path
        return f"/users/{quote(self.me, safe='')}" + (f"/{rest}" if rest else "")

    def ancestry(self, type_name: str | None) -> list[str]:
        """The type and its bases, nearest first."""
        chain: list[str] = []
        while type_name and type_name not in chain:
            chain.append(type_name)
            type_name = self.table.bases.get(type_name)
        return chain

    def choose(self, found: Found, body: Any) -> Found:
        """One of the operations documented for this method at this path: the one for the
        type the request names (a create's ``@odata.type``) or the stored item is, or the
        most general one."""
        choices: list[Operation] = found.choices
        if len(choices) == 1:
            return found
        first = choices[0]
        target: str | None = None
        if isinstance(body, dict) and isinstance(body.get("@odata.type"), str):
            target = body["@odata.type"].lstrip("#")
        elif first.kind not in ("list", "create"):
            store = self.memory.store
            store.ready()
            path = self.store_path(found)
            target = store.types.get(path) or store.types.get(path.rsplit("/", 1)[0])
        for name in self.ancestry(target):
            for choice in choices:
                if choice.item == name:
                    return dataclasses.replace(found, value=choice)
        # a list before a get, and either before an action or function some other page
        # documents at the same path; then the most general item
        general = min(
            choices,
            key=lambda c: (
                _RESOURCE_KINDS.get(c.kind, len(_RESOURCE_KINDS)),
                len(self.ancestry(c.item)) if c.item else 99,
            ),
        )
        return dataclasses.replace(found, value=general)

    def as_stored(self, found: Found, body: Any) -> Any:
        """An update's or replace's body that names no type, read as the type of the item
        it changes when that derives from the type the docs give the body (a change to a
        bigThing sent as a thing, an abstract type, is a change to a bigThing)."""
        operation: Operation = found.value
        if (
            operation.kind not in ("update", "replace")
            or not isinstance(body, dict)
            or "@odata.type" in body
            or operation.body is None
        ):
            return body
        store = self.memory.store
        store.ready()
        stored = store.types.get(self.store_path(found))
        if (
            stored
            and stored != operation.body
            and operation.body in self.ancestry(stored)
        ):
            return {"@odata.type": f"#{stored}", **body}
        return body

    def store_path(self, found: Found) -> str:
        """Where the store keeps what ``found`` addresses, each key read as Graph reads it
        (``Store.key``: another case, an alternate key, ``root``)."""
        store = self.memory.store
        return store.resolve(found.template.fill(found.values, self.me, store.key))

    def keys(self, path: str, then: str = "") -> list[dict[str, str]]:
        """The key and type of each item the store holds in the collection at ``path``
        (``GET /_graphdoc/keys?path=...&then=...``: how ``graphdoc replay`` fills the
        docs' placeholders where the docs document no list). ``then``, the rest of the
        URL after the key, finds the collection where the docs document nothing at an
        item of it, only below one (``/financials/companies/{id}/items/{id}``)."""
        prefix = VersionPrefix.PREFIX.match(path)
        path = path[prefix.end() :] if prefix else path
        probe = path.rstrip("/") + "/" + _PROBE
        upto = len(probe.strip("/").split("/"))
        probes = [probe] + ([f"{probe}/{then.strip('/')}"] if then.strip("/") else [])
        forms = [form for p in probes for form in (p, self.as_user(p))]
        for form in dict.fromkeys(forms):
            for route, values in self.router.candidates(form):
                if len(route.template.parts) < upto:
                    continue
                where = route.template.fill(
                    values, self.me, self.memory.store.key, upto=upto
                )
                if where.endswith("/" + _PROBE):
                    listed = self.memory.store.listed(where[: -len(_PROBE) - 1])
                    return [
                        {"key": key, "type": type_name} for key, type_name in listed
                    ]
        return []

    def places(self, found: Found, path: str) -> tuple[str, str | None]:
        """``store_path``, and the store path of the item ``path`` names by key before its
        end (``/users/42`` of ``/users/42/messages``), which a list or create there needs:
        the start of the first, filled once (each key read once). The owner is None when
        there is none, it is the user ``/me`` stands for, who always is, or the docs
        document no GET of it (an item of a type the docs leave out: whether it is can't
        be known)."""
        template: Template = found.template
        upto = self.owned.get(template.documented, 0)
        if upto == 0:
            upto = self.owned[template.documented] = _owner_parts(template.parts)
        if upto is not None:
            readable = self.owners.get((template.documented, upto))
            if readable is None:
                head = "/" + "/".join(path.strip("/").split("/")[:upto])
                try:
                    self.find("GET", head)
                    readable = True
                except (NoRoute, NotAllowed):
                    readable = False
                self.owners[(template.documented, upto)] = readable
            if not readable:
                upto = None
        store = self.memory.store
        ends: list[int] = []
        segments = template.segments(found.values, self.me, store.key, ends=ends)
        where = store.resolve("/" + "/".join(segments))
        if upto is None:
            return where, None
        owner = "/" + "/".join(segments[: ends[upto - 1]])
        return where, None if owner == f"/users/{self.me}" else owner

    def context(self, base: str, found: Found) -> str:
        """``context(base, found, me)``, kept for the ``KEPT_CONTEXTS`` last asked for (a
        client asks the same again and again)."""
        operation: Operation = found.value
        key = (base, operation.id, found.template.documented, *found.values.items())
        written = self.contexts.get(key)
        if written is None:
            written = context(base, found, self.me)
            if len(self.contexts) >= KEPT_CONTEXTS:
                self.contexts.clear()
            self.contexts[key] = written
        return written

    # -- the body ----------------------------------------------------------------
    def validator(self, operation: Operation) -> Validator | None:
        """The body's validators, kept for the ``KEPT_VALIDATORS`` operations used last: a
        compiled validator of a large Graph type holds megabytes, and a client of the
        whole API (replay) reaches thousands of operations."""
        if operation.body_schema is None:
            return None
        found = self.validators.pop(operation.id, None)
        if found is None:
            if self.registry is None:
                self.registry = _registry()
            found = _validator(operation.body_schema, self.registry)
            if len(self.validators) >= KEPT_VALIDATORS:
                del self.validators[next(iter(self.validators))]
        self.validators[operation.id] = found  # the most recently used last
        return found

    def handler_arguments(self, found: Found, body: Any) -> dict[str, Any]:
        """The handler's arguments: path values, then the body as its models."""
        operation: Operation = found.value
        arguments: dict[str, Any] = dict(_arguments(found))
        if operation.kind == "function" and body is None:
            # a function's parameters are in its URL (name(a='x')), not a body
            body = {}
        if (operation.parameters or operation.body is not None) and not isinstance(
            body, dict
        ):
            raise GraphError(400, "the request body must be a JSON object")
        try:
            for parameter in operation.parameters:
                arguments[parameter.arg] = from_json(
                    _model(parameter.model),
                    body.get(parameter.wire),
                    parameter.collection,
                )
            if operation.kind in ("create", "update", "replace"):
                arguments["body"] = from_json(_model(operation.body_model), body, False)
            elif operation.kind in ("add-ref", "set-ref"):
                arguments["body"] = body
        except (TypeError, ValueError) as error:
            raise GraphError(400, str(error)[:500]) from None
        return arguments

    # -- answering -----------------------------------------------------------------
    async def answer(self, request: Request, path: str) -> Response:
        try:
            found = self.find(
                request.method if request.method != "HEAD" else "GET", path
            )
        except NotAllowed as error:
            created = self.created(request, path)
            if created is not None:
                return created
            message = f"{request.method} is not supported at {path}; it takes {', '.join(error.allowed)}"
            response = error_response(request, 405, message)
            response.headers["Allow"] = ", ".join(error.allowed)
            return response
        except NoRoute:
            created = self.created(request, path)
            if created is not None:
                return created
            return error_response(request, 404, f"no resource at {path}")
        body, raw = await _read_body(request, found.value)
        found = self.choose(found, body)
        operation: Operation = found.value
        collection = operation.kind == "list" or (
            operation.collection and operation.kind in ("action", "function")
        )
        delta = operation.kind == "function" and _DELTA.search(path) is not None
        query = (
            _query.options(
                request.query_params, _query.allowed(operation.kind, collection, delta)
            )
            if request.scope.get("query_string")
            else {}  # most requests: no options to read
        )
        validator = self.validator(operation)
        if validator is not None:
            body = _check_body(validator, body)
        body = _without_read_only(operation, body, self.table.read_only)
        body = self.as_stored(found, body)
        arguments = self.handler_arguments(found, body)
        handler = getattr(self.handlers[operation.handler], operation.method)
        where, owner = self.places(found, path)
        token = CURRENT.set(
            Current(
                where,
                raw,
                owner,
                found.template.parts[-1][0] in ("param", "keyed", "mixed"),
            )
        )
        try:
            result = await handler(**arguments)
        except (GraphError, NotImplementedError, _query.QueryError):
            raise
        except Exception as error:  # a bug in the handler, not in the request
            log.exception("%s failed", operation.id)
            raise GraphError(
                500, f"{operation.id} raised {type(error).__name__}: {error}"[:500]
            ) from None
        finally:
            CURRENT.reset(token)
        return self.shape(request, found, result, query, collection)

    def created(self, request: Request, path: str) -> Response | None:
        """A GET of an item that a create made where the docs document no GET of it:
        answered from the store, so every created item can be read back at its URL."""
        if request.method not in ("GET", "HEAD") or "/" not in path.strip("/"):
            return None
        parent, _, key = path.rstrip("/").rpartition("/")
        try:
            found = self.find("POST", parent)
        except (NoRoute, NotAllowed):
            return None
        creates = [op for op in found.choices if op.kind == "create"]
        if not creates:
            return None
        store = self.memory.store
        store.ready()
        where = f"{self.store_path(found)}/{key.replace('/', '%2F')}"
        if not store.has(where):
            return error_response(request, 404, f"nothing at {where}")
        base = _base(request)
        item_type = store.types.get(store.at(where)) or creates[0].item or "Edm.Untyped"
        answer = {
            "@odata.context": f"{base}/$metadata#{item_type}/$entity",
            **store.get(where),
        }
        return JSONResponse(answer)

    def shape(
        self,
        request: Request,
        found: Found,
        result: Any,
        query: dict[str, str],
        collection: bool,
    ) -> Response:
        operation: Operation = found.value
        kind = operation.kind
        if kind == "count":
            return PlainTextResponse(str(result), status_code=200)
        if kind == "get-value" and operation.status in (301, 302, 303, 307):
            # as Graph answers a download: a redirect to where the bytes are
            where = quote(self.store_path(found), safe="")
            base = _base(request)
            return Response(
                status_code=operation.status,
                headers={"Location": f"{base}{VALUE_PATH}?path={where}"},
            )
        if kind == "get-value" and isinstance(result, tuple):
            content, media_type = result
            return Response(content, status_code=200, media_type=media_type)
        if operation.status == 204 or (result is None and kind != "get-value"):
            return Response(
                status_code=operation.status if operation.status in (202, 204) else 204
            )
        base = _base(request)
        value = to_json(result)
        headers: dict[str, str] = {}
        if collection or (kind == "get-ref" and isinstance(value, list)):
            answer = self.page(
                request,
                found,
                list(value or []) if isinstance(value, list) else [value],
                query,
            )
        elif isinstance(value, dict):
            if "$expand" in query:
                value = self.expand(
                    value, self.store_path(found), query["$expand"], operation
                )
            answer = _query.select(value, query.get("$select"), query.get("$expand"))
            if kind == "create" and operation.key and operation.key in value:
                where = request.scope["path"].removeprefix(
                    request.scope.get("root_path", "")
                )
                headers["Location"] = (
                    f"{base}{quote(where, safe=_SAFE)}/{quote(str(value[operation.key]), safe='')}"
                )
        else:
            answer = {"value": value}
        answer = {"@odata.context": self.context(base, found), **answer}
        return Answer(answer, status_code=operation.status, headers=headers)

    def expand(
        self, item: dict[str, Any], path: str, text: str, operation: Operation
    ) -> dict[str, Any]:
        """``item`` with the related items the store holds under it for each ``$expand``
        name, each with the options given it (``members($select=id;$top=5)``)."""
        store = self.memory.store
        item = dict(item)
        if operation.kind == "create":
            path = f"{path}/{item.get(operation.key or 'id', '')}"
        for name, options in _query.expanded(text):
            where = f"{path}/{name}"
            levels = options.get("$levels", "1")
            if levels.lower() == "max" or levels.isdigit() and int(levels) > 1:
                deeper = _query.MAX_LEVELS if levels.lower() == "max" else int(levels)
                options = {
                    **options,
                    "$levels": str(min(deeper, _query.MAX_LEVELS) - 1),
                }
                options["$expand"] = f"{name}($levels={options['$levels']})"
            elif "$levels" in options and not levels.isdigit():
                raise _query.QueryError(
                    f"$levels takes a number or max, not {levels!r}"
                )
            children = store.children(where)
            if children:
                items, skip, top, _ = _query.apply(children, options)
                item[name] = [
                    self.nested(child, f"{where}/{child.get('id', '')}", options)
                    for child in items[skip : skip + top]
                ]
            elif store.has(where):
                item[name] = self.nested(store.get(where), where, options)
        return item

    def nested(
        self, item: dict[str, Any], path: str, options: dict[str, str]
    ) -> dict[str, Any]:
        """An expanded item, with its own ``$expand`` and ``$select``."""
        if "$expand" in options:
            item = self.expand(item, path, options["$expand"], self.item_view)
        return _query.select(item, options.get("$select"), options.get("$expand"))

    def page(
        self,
        request: Request,
        found: Found,
        items: list[Any],
        query: dict[str, str],
    ) -> dict[str, Any]:
        objects = [item for item in items if isinstance(item, dict)]
        if len(objects) == len(items):
            items, skip, top, count = _query.apply(objects, query)
            if "$expand" in query:
                path = self.store_path(found)
                key = found.value.key or "id"
                items = [
                    self.expand(
                        item,
                        f"{path}/{item.get(key, '')}",
                        query["$expand"],
                        found.value,
                    )
                    for item in items
                ]
            items = [
                _query.select(item, query.get("$select"), query.get("$expand"))
                for item in items
            ]
        else:  # a collection of primitive values: paged, not filtered
            skip, top, count = (
                int(query.get("$skip") or 0),
                int(query.get("$top") or _query.PAGE_SIZE),
                None,
            )
        page: dict[str, Any] = {}
        if count is not None:
            page["@odata.count"] = count
        page["value"] = items[skip : skip + top]
        if top and skip + top < len(items):
            kept = {
                k: v
                for k, v in request.query_params.items()
                if k.lower() not in ("$skiptoken", "$skip")
            }
            kept["$skiptoken"] = str(skip + top)
            page["@odata.nextLink"] = str(request.url.replace(query=urlencode(kept)))
        return page


def metadata(request: Request) -> Response:
    """The service's CSDL, where every ``@odata.context`` points: the ``metadata.xml``
    generated beside the handlers."""
    if not METADATA.is_file():
        return error_response(request, 404, "this output holds no metadata.xml")
    return Response(METADATA.read_bytes(), media_type="application/xml")


def build_app(
    table: Table,
    handlers: Mapping[str, Any] | None = None,
    *,
    empty: bool = False,
    me: str | None = None,
) -> Starlette:
    """A Starlette app answering each operation with ``handlers[<key>]`` (the generated
    in-memory handler where none is given). ``empty``: start without the docs' examples;
    ``me``: the user ``/me`` stands for."""
    service = Service(table, handlers or {}, empty=empty, me=me)

    async def endpoint(request: Request) -> Response:
        # the scope's path, as sent: request.url drops line breaks and tabs, as urlsplit does
        path = (
            request.scope["path"].removeprefix(request.scope.get("root_path", ""))
            or "/"
        )
        lowered = path.lower()
        if lowered == "/$metadata" and request.method in ("GET", "HEAD"):
            return metadata(request)
        if lowered == RESET_PATH and request.method == "POST":
            # ?page=api/x.md: that page's examples first where pages disagree (replay's)
            await service.reset(request.query_params.get("page"))
            return Response(status_code=204)
        if lowered == VALUE_PATH and request.method in ("GET", "HEAD"):
            # where a download's redirect leads: the bytes the store holds there
            stored = service.memory.store.values.get(
                request.query_params.get("path", "")
            )
            content, media_type = stored or (b"", "application/octet-stream")
            return Response(content, media_type=media_type)
        if lowered == KEYS_PATH and request.method == "GET":
            async with service.memory.store.lock:
                service.memory.store.ready()
                listed = service.keys(
                    request.query_params.get("path", "/"),
                    request.query_params.get("then", ""),
                )
            return JSONResponse({"value": listed})
        if lowered == "/$batch" and request.method == "POST":
            try:
                return JSONResponse(await _batch.batch(request, endpoint, failed))
            except _batch.BatchError as error:
                return error_response(request, 400, str(error))
        try:
            return await service.answer(request, path)
        except GraphError as error:
            return error_response(request, error.status, error.message, error.details)
        except _query.QueryError as error:
            return error_response(request, 400, str(error))
        except NotImplementedError:
            return error_response(
                request, 501, "this operation has no implementation yet"
            )

    def failed(request_id: str, message: str) -> Response:
        """A batch's answer to a request whose dependency failed."""
        return JSONResponse(
            {"error": {"code": "failedDependency", "message": message}},
            status_code=424,
        )

    async def http_error(request: Request, error: Exception) -> Response:
        status = getattr(error, "status_code", 500)
        return error_response(request, status, str(getattr(error, "detail", error)))

    async def server_error(request: Request, error: Exception) -> Response:
        return error_response(request, 500, "the service failed; see its log")

    route = Route("/{path:path}", endpoint)
    # every method reaches the router, which answers 405 with Allow itself
    route.methods = None
    app = Starlette(
        routes=[route],
        middleware=[Middleware(VersionPrefix)],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.service = service
    return app


Handler = Callable[..., Awaitable[Any]]
__all__ = ["GraphError", "Handler", "Store", "Table", "build_app", "load_table"]

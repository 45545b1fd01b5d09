"""The mock's data, from the docs' own examples.

The mock starts with what the docs show: an item that a documented GET example
answers is in its store, at the path that request reads it from (as the mock's
router fills that path in: ``_routes``), and each action answers with its
documented response. Items that other documented requests address (an update's,
a delete's, an action's) are there too, as stubs holding just their key, so the
docs' requests replayed in page order find what they work on. ``/me`` is the
user a documented ``GET /me`` answers.

A documented example can break its own type (lint's EXAMPLE_INVALID): the mock
keeps such an example without the properties that break it, so what it answers
always matches its schemas.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from .model import ENUM, Example, Model, Operation
from .primitives import is_primitive
from .runtime.handlers._routes import Found, NoRoute, NotAllowed, Router
from .workers import FIT_FROM, count, on_two_cores, parallel

if TYPE_CHECKING:
    from .validation import SchemaSet

DEFAULT_ME = "me"
_HOST = re.compile(r"^https?://[^/]+", re.IGNORECASE)
_VERSION = re.compile(r"^/(?:v1\.0|beta)(?=/|$)", re.IGNORECASE)
_ROUNDS = 8  # properties dropped from one example, a round at a time, before it is given up


@dataclass
class MockData:
    seed: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (store path, type, item)
    answers: dict[str, Any] = field(default_factory=dict)  # operation id -> its documented answer
    # operation id -> (example name, body) of each documented request body that fits its type
    requests: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    me: str = DEFAULT_ME


# Hosts of Microsoft Graph's national clouds. A request example addressed elsewhere (a
# notification the service sends to an app's callback URL) is not a request to the service.
GRAPH_HOSTS = ("graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "graph.microsoft.de", "microsoftgraph.chinacloudapi.cn")


def without_host(url: str) -> str:
    """A documented request URL with its scheme and host taken off: path and query."""
    return _HOST.sub("", url.strip()) or "/"


def to_graph(request: Example) -> bool:
    """Whether a request example is addressed to the service (or to no host at all)."""
    url = (request.url or "").strip()
    host = urlsplit(url).hostname if _HOST.match(url) else None
    return host is None or any(host == h or host.endswith("." + h) for h in GRAPH_HOSTS)


def request_path(url: str) -> str:
    """A documented request URL's path: no host, no version prefix, no query, decoded."""
    path = urlsplit(without_host(url).replace(" ", "%20")).path or "/"
    return unquote(_VERSION.sub("", path) or "/")


def exchanges(model: Model) -> Iterator[tuple[Example, Example | None]]:
    """Each request example with the response example after it on its page, in page order."""
    by_page: dict[str, list[Example]] = {}
    for example in model.examples:
        if example.source.path.startswith("api/"):
            by_page.setdefault(example.source.path, []).append(example)
    for page in sorted(by_page):
        examples = sorted(by_page[page], key=lambda e: e.source.line)
        for index, example in enumerate(examples):
            if example.kind != "request" or not example.http_method or not example.url:
                continue
            response = None
            for after in examples[index + 1 :]:
                if after.kind == "request":
                    break
                if after.kind == "response":
                    response = after
                    break
            yield example, response


def router(model: Model) -> Router:
    found: Router = Router()
    for op in model.operations:
        for path in op.paths:
            found.add(path, op.http_method, op)
    return found


def route(found_in: Router, request: Example) -> Found | None:
    """Where a documented request goes: of the operations documented for its method and
    path, the one its own page documents, else the first."""
    try:
        found = found_in.find(request.http_method or "GET", request_path(request.url or ""))
    except (NoRoute, NotAllowed):
        return None
    mine = [op for op in found.choices if op.source is not None and op.source.path == request.source.path]
    return replace(found, value=mine[0]) if mine else found


class _Builder:
    """Runs over the docs' examples twice. Which examples are fitted to which type does not
    depend on what fitting them gives, so the first run only lists them; they are then
    fitted a type at a time, each type's validator built once and let go before the next
    (all kept at once, the corpus's 1,139 compiled validators took 800 MB); the second
    run reads the results in the order it asks for them."""

    def __init__(self, model: Model, schemas: SchemaSet, workers: int | None = None) -> None:
        self.model = model
        self.schemas = schemas
        self.workers = workers
        self.router = router(model)
        self.data = MockData()
        self.taken: set[str] = set()
        self.asked: list[tuple[Any, str | None]] = []  # the first run's fits, in order
        self.fitted: Iterator[Any] | None = None  # their results, for the second run

    def fit(self, value: Any, type_name: str | None) -> Any:
        """``value`` without the properties that break ``type_name``'s schema; None when
        it can't be made to fit (None in the first run, which only lists what it asks)."""
        if self.fitted is None:
            self.asked.append((value, type_name))
            return None
        found = next(self.fitted, self)
        if found is self:
            raise AssertionError("the second run asked for more fits than the first")
        return found

    def fit_all(self) -> list[Any]:
        """The first run's fits, done a type at a time; on two cores when there are many."""
        groups: dict[str, list[int]] = {}
        for index, (_, type_name) in enumerate(self.asked):
            groups.setdefault(type_name or "", []).append(index)
        ordered = [groups[name] for name in sorted(groups)]
        if parallel(count(self.workers), len(self.asked), FIT_FROM):
            # every other type to each core: both get small and large types alike
            mine, theirs = on_two_cores(lambda: self.fitted_groups(ordered[::2]), lambda: self.fitted_groups(ordered[1::2]))
            found = {**mine, **theirs}
        else:
            found = self.fitted_groups(ordered)
        return [found[index] for index in range(len(self.asked))]

    def fitted_groups(self, groups: list[list[int]]) -> dict[int, Any]:
        """The fits of ``groups`` (indices into the asked fits, one type each), by index,
        each type's validator let go before the next."""
        found: dict[int, Any] = {}
        for group in groups:
            for index in group:
                found[index] = self.fitted_value(*self.asked[index])
            self.schemas.forget_validators()
        return found

    def fitted_value(self, value: Any, type_name: str | None) -> Any:
        # jsonschema comes with it: loaded only when there are fits to make
        from .validation import SchemaError

        target = self.model.get(type_name) if type_name else None
        if target is None or target.kind == ENUM:
            return value
        if not isinstance(value, dict):
            return None
        written = value.get("@odata.type")
        named = self.model.get(written.lstrip("#")) if isinstance(written, str) else None
        if named is not None and target.full_name in {t.full_name for t in self.model.ancestors(named.full_name)}:
            target = named  # the example says which derived type it is
        if target.abstract and target.full_name != (named.full_name if named else None):
            return None  # an abstract type's item must say which derived type it is
        value = {k: v for k, v in value.items() if not k.startswith("@odata.") or k == "@odata.type"}
        for _ in range(_ROUNDS):
            try:
                issues = self.schemas.validate(value, target.full_name)
            except SchemaError:
                return None
            if not issues:
                return value
            names = {i.pointer.split("/")[1] for i in issues if i.pointer.count("/") >= 1}
            names = {unquote(n).replace("~1", "/").replace("~0", "~") for n in names}
            if not names & value.keys():
                return None  # the item itself is wrong, not a property of it
            value = {k: v for k, v in value.items() if k not in names}
        return None

    def answer(self, op: Operation) -> Any:
        if op.response_example is None:
            return None
        try:
            body = json.loads(op.response_example)
        except ValueError:
            return None
        if op.returns is None or is_primitive(op.returns):
            return body
        if op.returns_collection:
            items = body.get("value") if isinstance(body, dict) else body
            if not isinstance(items, list):
                return None
            fitted = [self.fit(item, op.returns) for item in items]
            return {"value": [item for item in fitted if item is not None]}
        return self.fit(body, op.returns)

    def route(self, request: Example) -> tuple[Found, str] | None:
        found = route(self.router, request)
        return None if found is None else (found, found.template.fill(found.values, self.data.me))

    def put(self, path: str, type_name: str, item: dict[str, Any]) -> None:
        if path.lower() not in self.taken:
            self.taken.add(path.lower())
            self.data.seed.append((path, type_name, item))

    def me(self, pairs: list[tuple[Example, Example | None]]) -> str:
        for request, response in pairs:
            if request.http_method == "GET" and request_path(request.url or "").lower() == "/me" and response:
                try:
                    body = response.payload()
                except ValueError:
                    continue
                if isinstance(body, dict) and isinstance(body.get("id"), str) and body["id"]:
                    return str(body["id"])
        return DEFAULT_ME

    def read(self, found: Found, path: str, response: Example) -> None:
        """A documented GET's answer, into the store where that GET reads it."""
        op: Operation = found.value
        try:
            body = response.payload()
        except ValueError:
            return
        if op.kind == "get" and isinstance(body, dict) and op.item:
            item = self.fit(body, op.item)
            if item is not None:
                self.put(path, _type_of(item, op.item), item)
        elif op.kind == "list" and isinstance(body, dict) and isinstance(body.get("value"), list) and op.item:
            key = op.key or "id"
            for entry in body["value"]:
                item = self.fit(entry, op.item) if isinstance(entry, dict) else None
                if item is not None and isinstance(item.get(key), (str, int)) and str(item[key]):
                    self.put(f"{path}/{str(item[key]).replace('/', '%2F')}", _type_of(item, op.item), item)

    def stub(self, found: Found, path: str) -> None:
        """An item another documented request works on, holding its key."""
        op: Operation = found.value
        if op.kind in ("update", "replace", "delete", "remove-ref") or op.effects:
            # the item itself; a removed reference, what $ref follows; an action's, its item
            target = path if op.kind in ("update", "replace", "delete") else path.rsplit("/", 1)[0]
            item_type = op.item or ""
            key = op.key or "id"
            last = target.rsplit("/", 1)[-1]
            if "(" in last or not last:
                return
            self.put(target, item_type, {key: last.replace("%2F", "/")})

    def request(self, op: Operation, request: Example) -> None:
        """A documented request body, kept for the operation when it fits its type."""
        if request.body is None or op.kind not in ("create", "update", "replace", "action"):
            return
        try:
            body = request.payload()
        except ValueError:
            return
        if op.kind == "action":
            fits = isinstance(body, dict) and {p.name for p in op.parameters} >= set(body)
        else:
            fits = isinstance(body, dict) and self.fit(body, op.body) == {
                k: v for k, v in body.items() if not k.startswith("@odata.") or k == "@odata.type"
            }
        if fits:
            self.data.requests.setdefault(op.id, []).append((request.name or f"example {len(self.data.requests.get(op.id, [])) + 1}", body))

    def run(self) -> MockData:
        pairs = list(exchanges(self.model))
        self.data.me = me = self.me(pairs)
        routed = [(r, s, self.route(r)) for r, s in pairs]  # routing is most of a run: done once
        self.once(routed)  # lists the fits
        results = self.fit_all()
        self.data, self.taken, self.fitted = MockData(me=me), set(), iter(results)
        data = self.once(routed)
        if next(self.fitted, self) is not self:
            raise AssertionError("the second run asked for fewer fits than the first")
        return data

    def once(self, routed: list[tuple[Example, Example | None, tuple[Found, str] | None]]) -> MockData:
        for request, response, hit in routed:
            documented_read = request.http_method == "GET" and response is not None and response.body is not None
            if hit is not None and documented_read and response is not None and (response.status or 200) < 300:
                self.read(hit[0], hit[1], response)
        for request, _, hit in routed:
            if hit is not None:
                self.stub(*hit)
                self.request(hit[0].value, request)
        for op in self.model.operations:
            answer = self.answer(op)
            if answer is not None:
                self.data.answers[op.id] = answer
        return self.data


def _type_of(item: dict[str, Any], declared: str) -> str:
    written = item.get("@odata.type")
    return written.lstrip("#") if isinstance(written, str) and written.strip("#") else declared


def mock_data(model: Model, schemas: SchemaSet, workers: int | None = None) -> MockData:
    """The store and the answers the mock starts with (``workers``: the processes fitting
    may use; default one per core)."""
    return _Builder(model, schemas, workers).run()

"""``graphdoc replay``: send the docs' own request examples to a service and hold it to the docs.

Every request example of the API pages (or of those a ``--select`` glob picks),
in page order, goes to the service: the mock built in this process from the same
docs, or any service at ``--base-url``. Each answer is checked against the
response example that follows the request on its page: the status must be of
the documented class (2xx, 4xx ...) and a 2xx body must validate against the
documented response type. A request example lint finds wrong (its body breaks its
schema, EXAMPLE_INVALID; its URL is none of its page's requests, EXAMPLE_URL) is
the page's error, not the service's.
"""

from __future__ import annotations

import fnmatch
import json
import tempfile
import warnings
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from . import mockdata
from .diagnostics import Diagnostic, make
from .model import Example, Model
from .runtime.handlers._routes import Router
from .runtime.handlers._service import MOCK_HEADER, RESET_PATH

PASS = "pass"
OUTCOMES = (
    PASS,
    "page error",  # the request example breaks its own schema, or its page's documented requests
    "wrong status",
    "not found",  # 404 for an item the service doesn't have
    "no route",  # 404: the service routes no such path
    "method not allowed",  # 405
    "invalid body",  # 2xx, but the body doesn't match the documented type
    "create unreadable",  # a create answered 2xx, but a GET of the new item's URL finds nothing
    "server error",  # 5xx
    "unreachable",  # no answer at all
)


@dataclass(frozen=True)
class Exchange:
    """One documented request and the answer the docs show for it."""

    request: Example
    response: Example | None

    @property
    def target(self) -> str:
        """The request's path and query, with the docs' host taken off."""
        return mockdata.without_host(self.request.url or "")


@dataclass
class Result:
    exchange: Exchange
    outcome: str
    status: int | None = None
    detail: str = ""


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(r.outcome for r in self.results)

    @property
    def failed(self) -> bool:
        return any(r.outcome not in (PASS, "page error") for r in self.results)

    def summary(self) -> str:
        counts = self.counts()
        total = len(self.results) or 1
        shown = ", ".join(f"{counts[o]} {o} ({100 * counts[o] / total:.1f}%)" for o in OUTCOMES if counts[o])
        return f"replay: {len(self.results)} requests; {shown or 'none'}"

    def diagnostics(self) -> list[Diagnostic]:
        return [
            make(
                "REPLAY_PAGE_ERROR" if r.outcome == "page error" else "REPLAY_FAILED",
                f"{r.exchange.request.http_method} {r.exchange.target[:120]}: {r.outcome}: {r.detail}",
                r.exchange.request.source.path,
                r.exchange.request.source.line,
            )
            for r in self.results
            if r.outcome != PASS
        ]


def exchanges(model: Model, select: Sequence[str] = ()) -> list[Exchange]:
    """Every request example addressed to the service, with the response example after it
    on its page, in page order."""
    return [
        Exchange(request, response)
        for request, response in mockdata.exchanges(model)
        if mockdata.to_graph(request)
        and (not select or any(fnmatch.fnmatch(request.source.path, p) or fnmatch.fnmatch(request.source.path.split("/")[-1], p) for p in select))
    ]


class Checker:
    """Checks an answer against the docs: the status class and the body's type."""

    def __init__(self, model: Model, pages: Collection[str] | None = None) -> None:
        """``pages``: the paths of the pages whose examples are replayed, when not all are
        (lint's verdicts are needed on those only)."""
        from .emit.views import Views
        from .lint import check_examples

        self.views = views = Views(model)  # the mock built from the model shares them
        self.model = model
        self.schemas = views.schema_set
        self.lint = check_examples(model, views=views, pages=pages)
        self.broken = {(example.source.path, example.source.line) for example, _, _ in self.lint.failures}
        self.router: Router = mockdata.router(model)
        # API pages the model serves nothing of: unlinked, and of no known type
        self.unserved = {d.path for d in model.diagnostics if d.code == "UNSERVED_API_PAGE"}

    def created_at(self, exchange: Exchange, status: int, body: Any) -> str | None:
        """The URL path of the item a documented create made, when this answer is one."""
        request = exchange.request
        if request.http_method != "POST" or status // 100 != 2 or not isinstance(body, dict):
            return None
        found = mockdata.route(self.router, request)
        if found is None:
            return None
        operation = found.value
        key = body.get(operation.key or "id")
        if operation.kind != "create" or not isinstance(key, (str, int)) or not str(key):
            return None
        return f"{urlsplit(exchange.target).path.rstrip('/')}/{quote(str(key), safe='')}"

    def check(self, exchange: Exchange, status: int, body: Any) -> Result:
        request = exchange.request
        where = (request.source.path, request.source.line)
        if where in self.broken:
            return Result(exchange, "page error", status, "the request example breaks its own schema (see lint)")
        if where in self.lint.requests:
            return Result(exchange, "page error", status, f"{self.lint.requests[where]} (see lint)")
        documented = exchange.response.status if exchange.response and exchange.response.status else None
        expected_class = (documented or 200) // 100
        if status // 100 != expected_class:
            failure = _failure(status, body)
            if failure in ("no route", "method not allowed") and request.source.path in self.unserved:
                return Result(exchange, "page error", status, "no Methods table links the page, and no type it works on is known (UNSERVED_API_PAGE)")
            return Result(exchange, failure, status, f"documented {documented or '2xx'}, answered {status}: {_said(body)}")
        if status // 100 == 2 and exchange.response is not None and exchange.response.type and isinstance(body, (dict, list)):
            problem = self.body_problem(exchange.response, body)
            if problem and (exchange.response.source.path, exchange.response.source.line) in self.broken:
                return Result(exchange, "page error", status, f"the response example breaks its own schema (see lint), and so does the answer: {problem}")
            if problem:
                return Result(exchange, "invalid body", status, problem)
        return Result(exchange, PASS, status)

    def collection(self, response: Example) -> bool:
        """Whether the docs' response is a collection: its annotation says so, or its body
        is ``{"value": [...]}`` and the type has no ``value`` of its own."""
        if response.collection:
            return True
        try:
            shown = response.payload()
        except ValueError:
            return False
        if not (isinstance(shown, dict) and isinstance(shown.get("value"), list)):
            return False
        found = self.model.get(response.type or "")
        owners = [found, *self.model.ancestors(found.full_name)] if found is not None else []
        return not any(p.name == "value" for t in owners for p in t.properties)

    def body_problem(self, response: Example, body: Any) -> str:
        from .lint import _values
        from .validation import SchemaError

        type_name = response.type or ""
        values = _values(replace(replace_body(response, body), collection=self.collection(response)), type_name)
        if values is None:
            return "not the collection the docs show ({\"value\": [...]})"
        try:
            for prefix, value in values:
                issues = self.schemas.validate(value, type_name)
                if issues:
                    return f"{prefix}{issues[0]}"
        except SchemaError as error:
            return str(error)
        return ""


def replace_body(example: Example, body: Any) -> Example:
    return replace(example, body=json.dumps(body, ensure_ascii=False))


def _failure(status: int, body: Any) -> str:
    if status == 404:
        message = str(body.get("error", {}).get("message", "")) if isinstance(body, dict) else ""
        return "no route" if message.startswith("no resource at") else "not found"
    if status == 405:
        return "method not allowed"
    if status >= 500:
        return "server error"
    return "wrong status"


def _said(body: Any) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return f"{body['error'].get('code')}: {str(body['error'].get('message'))[:160]}"
    return ""


def _request_parts(exchange: Exchange) -> tuple[str, str, bytes | None, dict[str, str]]:
    request = exchange.request
    target = exchange.target
    parts = urlsplit(target)
    path = parts.path or "/"
    query = parts.query
    headers: dict[str, str] = {}
    content = None
    if request.body is not None:
        content = request.body.encode("utf-8")
        headers["content-type"] = "application/json"
    return path, query, content, headers


def send_all(client: Any, checker: Checker, found: list[Exchange]) -> Iterator[Result]:
    """Each request in turn. A graphdoc mock (its answers say so) is reset before each page,
    so every page starts from the docs' examples; any other service gets the docs'
    requests and nothing else."""
    mock = False
    page = None
    for exchange in found:
        if mock and exchange.request.source.path != page:
            client.request("POST", RESET_PATH)
        page = exchange.request.source.path
        path, query, content, headers = _request_parts(exchange)
        url = path + (f"?{query}" if query else "")
        try:
            response = client.request(exchange.request.http_method or "GET", url, content=content, headers=headers)
        except Exception as error:  # a service that doesn't answer: the replay goes on  # noqa: BLE001
            yield Result(exchange, "unreachable", None, f"{type(error).__name__}: {error}")
            continue
        mock = mock or MOCK_HEADER in response.headers
        try:
            body = response.json() if response.content else None
        except ValueError:
            body = None
        result = checker.check(exchange, response.status_code, body)
        created = checker.created_at(exchange, response.status_code, body) if result.outcome == PASS else None
        if created is not None:
            try:
                again = client.request("GET", created)
            except Exception as error:  # noqa: BLE001
                result = Result(exchange, "unreachable", None, f"GET {created}: {type(error).__name__}: {error}")
            else:
                if again.status_code // 100 != 2:
                    result = Result(exchange, "create unreadable", again.status_code, f"GET {created} answered {again.status_code}")
        yield result


def replay(model: Model, base_url: str | None = None, select: Sequence[str] = ()) -> Report:
    """Send the docs' requests to ``base_url``, or to a mock built here from ``model``."""
    import httpx

    found = exchanges(model, select)
    pages = {path for e in found for path in (e.request.source.path, e.response.source.path if e.response else "")} if select else None
    checker = Checker(model, pages)
    report = Report()
    if base_url is not None:
        with httpx.Client(base_url=base_url.rstrip("/"), timeout=30) as client:
            report.results.extend(send_all(client, checker, found))
        return report
    with warnings.catch_warnings():  # starlette's advice to its own users, not to ours
        warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
        from starlette.testclient import TestClient

    from .emit import emit_all
    from .serve import load_app
    from .write import write_tree

    with tempfile.TemporaryDirectory(prefix="graphdoc-replay-") as where:
        out = Path(where) / "mock"
        write_tree(out, emit_all(model, ["models", "handlers", "schemas"], views=checker.views))
        with TestClient(load_app(out), base_url="http://graph.localhost", raise_server_exceptions=False) as client:
            report.results.extend(send_all(client, checker, found))
    return report


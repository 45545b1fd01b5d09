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

import asyncio
import fnmatch
import json
import logging
import re
import tempfile
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from ..base.diagnostics import Diagnostic, make
from ..model.ir import Example, Model
from ..payloads import mockdata
from ..runtime.handlers._routes import Router
from ..runtime.handlers._service import KEYS_PATH, MOCK_HEADER, RESET_PATH

PASS = "pass"
KEPT_TYPES = 8  # types whose validators the checker keeps at once (a large type's: ~25 MB)
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
        from ..emit.views import Views
        from .lint import check_examples

        self.views = views = Views(model)  # the mock built from the model shares them
        self.model = model
        self.schemas = views.schema_set
        self.lint = check_examples(model, views=views, pages=pages)
        self.broken = {(example.source.path, example.source.line) for example, _, _ in self.lint.failures}
        self.router: Router = mockdata.router(model)
        # API pages the model serves nothing of: unlinked, and of no known type
        self.unserved = {d.path for d in model.diagnostics if d.code == "UNSERVED_API_PAGE"}

    def created_at(self, exchange: Exchange, status: int, body: Any, sent: str) -> str | None:
        """The URL path of the item a documented create made, when this answer is one
        (``sent``: the path the create was sent to)."""
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
        return f"{sent.rstrip('/')}/{str(key).replace('/', '%2F')}"

    def check(self, exchange: Exchange, status: int, body: Any, sent: str = "") -> Result:
        """The answer ``status`` and ``body`` to ``exchange``'s request, sent as ``sent`` (its
        path with the placeholders the docs left filled in)."""
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
            problem = self.identity_problem(exchange, body, sent) or self.body_problem(exchange.response, body)
            if problem and (exchange.response.source.path, exchange.response.source.line) in self.broken:
                return Result(exchange, "page error", status, f"the response example breaks its own schema (see lint), and so does the answer: {problem}")
            if problem:
                return Result(exchange, "invalid body", status, problem)
        return Result(exchange, PASS, status)

    def identity_problem(self, exchange: Exchange, body: Any, sent: str) -> str:
        """What makes an answer to a GET not the thing asked for, whatever its schema allows
        (an open type takes any properties): a collection where the docs show one item or
        the other way round; an item of another key or type than the one asked for."""
        request, response = exchange.request, exchange.response
        if request.http_method != "GET" or response is None or not response.type:
            return ""
        listed = isinstance(body, dict) and isinstance(body.get("value"), list) and not self.has_value(response.type)
        if self.collection(response):
            return "" if listed or isinstance(body, list) else 'not the collection the docs show ({"value": [...]})'
        if listed:
            return 'a collection ({"value": [...]}) where the docs show one item'
        if not isinstance(body, dict):
            return ""
        written = body.get("@odata.type")
        said = written.lstrip("#") if isinstance(written, str) else ""
        known = said and said != response.type and self.model.get(said) is not None and self.model.get(response.type) is not None
        if known and not any(t.full_name == response.type for t in self.model.ancestors(said)):
            return f"a {said}, where the docs show a {response.type}"
        found = mockdata.route(self.router, replace(request, url=sent)) if sent else None
        if found is not None and found.value.kind == "get" and found.template.parts and found.template.parts[-1][0] in ("param", "keyed"):
            asked = found.values.get(found.template.params[-1]) if found.template.params else None
            key = found.value.key or "id"
            have = body.get(key)
            if asked and not mockdata.unfilled(asked) and have is not None and str(have).lower() != asked.lower() and not _alternate(asked, body):
                return f"the item {key} {have!r}, where {asked!r} was asked for"
        return ""

    def has_value(self, type_name: str) -> bool:
        """Whether the type (or a base) has a property named ``value`` of its own."""
        found = self.model.get(type_name)
        owners = [found, *self.model.ancestors(found.full_name)] if found is not None else []
        return any(p.name == "value" for t in owners for p in t.properties)

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
        from ..payloads.validation import SchemaError
        from .lint import _values

        type_name = response.type or ""
        values = _values(replace(replace_body(response, body), collection=self.collection(response)), type_name)
        if values is None:
            return "not the collection the docs show ({\"value\": [...]})"
        if self.schemas.kept > KEPT_TYPES:
            self.schemas.forget_validators()  # memory stays that of a few types'
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


def _alternate(asked: str, body: dict[str, Any]) -> bool:
    """Whether a key asked for is another of the item's values (``/users/{userPrincipalName}``)."""
    return any(isinstance(v, str) and v.lower() == asked.lower() for v in body.values())


# what a client leaves as it is in a URL's path and in its query (everything else is
# percent-encoded, an existing %XX kept)
_PATH_SAFE = "/:@()',=$!*+;~%"
_QUERY_SAFE = "=&$'(),:/@!*+;~?%"
_KEY = re.compile(r"^\{[^{}]*\}$")
_KEYED = re.compile(r"^([A-Za-z_][\w.]*)\('?(\{[^{}]*\})'?\)$")


class _Sender:
    """Sends the docs' requests as a client would: each placeholder the docs left in a
    path (``/mobileApps/{mobileAppId}``) filled with the key of an item the service has
    (the one the docs' answer shows when the service has it, else one of the documented
    type, else the first its list gives), the URL percent-encoded."""

    def __init__(self, client: Any, checker: Checker) -> None:
        self.client = client
        self.checker = checker
        self.mock = False  # a graphdoc mock: its store says what it holds where no list is documented

    def url(self, exchange: Exchange) -> tuple[str, str]:
        """The path and query to send."""
        parts = urlsplit(exchange.target)
        path = self.filled(exchange, parts.path or "/")
        return quote(path, safe=_PATH_SAFE), quote(parts.query, safe=_QUERY_SAFE)

    def filled(self, exchange: Exchange, path: str) -> str:
        segments = path.split("/")
        keys = [i for i, s in enumerate(segments) if _KEY.match(s) or _KEYED.match(s)]
        for index in keys:
            keyed = _KEYED.match(segments[index])
            collection = "/".join(segments[:index] + ([keyed.group(1)] if keyed else []))
            then = "/".join(segments[index + 1 :])
            key = self.key_in(collection, exchange, own=index == keys[-1] and index >= len(segments) - 2, then=then)
            if key is not None:
                segments[index] = f"{keyed.group(1)}('{key}')" if keyed else key.replace("/", "%2F")
        return "/".join(segments)

    def key_in(self, collection: str, exchange: Exchange, own: bool, then: str = "") -> str | None:
        """The key of an item of ``collection`` to put in the URL (``then`` after it), or
        None to leave the placeholder as the docs wrote it."""
        shown = _shown(exchange) if own else None
        try:
            listed: Any
            if self.mock:
                answer = self.client.request("GET", KEYS_PATH, params={"path": collection, "then": then})
                keys = answer.json().get("value") if answer.status_code == 200 else None
                listed = [{"id": k.get("key"), "@odata.type": f"#{k.get('type')}"} for k in keys or () if isinstance(k, dict)]
            else:
                answer = self.client.request("GET", quote(collection, safe=_PATH_SAFE))
                listed = answer.json().get("value") if answer.status_code == 200 and answer.content else None
        except Exception:  # a service that can't list it: the docs' URL as it is  # noqa: BLE001
            listed = None
        items = [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []
        wanted = _wanted_type(exchange)
        for item in items:
            if shown is not None and shown[0] in item and str(item[shown[0]]) == shown[1]:
                return shown[1]
        for item in items:
            if wanted and str(item.get("@odata.type", "")).lstrip("#") == wanted and isinstance(item.get("id"), (str, int)):
                return str(item["id"])
        first = next((str(item["id"]) for item in items if isinstance(item.get("id"), (str, int))), None)
        return first if first is not None else None


def _shown(exchange: Exchange) -> tuple[str, str] | None:
    """The key the docs' answer shows for the item a request works on: ("id", "42")."""
    try:
        body = exchange.response.payload() if exchange.response is not None else None
    except ValueError:
        return None
    if isinstance(body, dict) and isinstance(body.get("id"), (str, int)) and str(body["id"]):
        return "id", str(body["id"])
    return None


def _wanted_type(exchange: Exchange) -> str:
    """The type the docs say the item is: the answer's, or the request body's @odata.type."""
    if exchange.response is not None and exchange.response.type:
        return exchange.response.type
    try:
        body = exchange.request.payload()
    except ValueError:
        return ""
    written = body.get("@odata.type") if isinstance(body, dict) else None
    return written.lstrip("#") if isinstance(written, str) else ""


def send_all(client: Any, checker: Checker, found: list[Exchange]) -> Iterator[Result]:
    """Each request in turn. A graphdoc mock (its answers say so) is reset before each page,
    with that page's examples first where pages put different items at one path, so every
    page starts from the docs' examples; any other service gets the docs' requests, and
    the GETs of collections that fill in the docs' placeholders."""
    mock = False
    page = None
    sender = _Sender(client, checker)
    for exchange in found:
        if mock and exchange.request.source.path != page:
            client.request("POST", RESET_PATH, params={"page": exchange.request.source.path})
        page = exchange.request.source.path
        path, query = sender.url(exchange)
        url = path + (f"?{query}" if query else "")
        request = exchange.request
        content = request.body.encode("utf-8") if request.body is not None else None
        headers = {"content-type": "application/json"} if content is not None else {}
        try:
            response = client.request(request.http_method or "GET", url, content=content, headers=headers)
        except Exception as error:  # a service that doesn't answer: the replay goes on  # noqa: BLE001
            yield Result(exchange, "unreachable", None, f"{type(error).__name__}: {error}")
            continue
        if not mock and MOCK_HEADER in response.headers:
            mock = sender.mock = True  # the first answer says so: from now on each page starts afresh
            client.request("POST", RESET_PATH, params={"page": page})
            path, query = sender.url(exchange)  # the docs' placeholders filled from its store now
            url = path + (f"?{query}" if query else "")
            response = client.request(request.http_method or "GET", url, content=content, headers=headers)
        try:
            body = response.json() if response.content else None
        except ValueError:
            body = None
        result = checker.check(exchange, response.status_code, body, unquote(path))
        created = checker.created_at(exchange, response.status_code, body, unquote(path)) if result.outcome == PASS else None
        if created is not None:
            try:
                again = client.request("GET", quote(created, safe=_PATH_SAFE))
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
        with httpx.Client(base_url=base_url.rstrip("/"), timeout=30) as remote:
            report.results.extend(send_all(remote, checker, found))
        return report
    from ..emit import emit_all
    from ..output.write import write_tree
    from .serve import load_app

    # a handler that raises is a server error in the report, one line: its traceback,
    # which the service logs for its own users, is not the replay's to print
    log = logging.getLogger("graphdoc.service")
    with tempfile.TemporaryDirectory(prefix="graphdoc-replay-") as where:
        out = Path(where) / "mock"
        write_tree(out, emit_all(model, ["models", "handlers", "schemas", "csdl"], views=checker.views))
        was, log.disabled = log.disabled, True
        client = InProcess(load_app(out))
        try:
            report.results.extend(send_all(client, checker, found))
        finally:
            client.close()
            log.disabled = was
    return report


class InProcess:
    """A client of an ASGI app run here, in this thread: each request runs to its end on
    one event loop (a test client's thread costs more than the mock's answer)."""

    def __init__(self, app: Any) -> None:
        import httpx

        self.loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self.client = httpx.AsyncClient(transport=transport, base_url="http://graph.localhost")

    def request(self, method: str, url: str, **options: Any) -> Any:
        return self.loop.run_until_complete(self.client.request(method, url, **options))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


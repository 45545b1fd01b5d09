"""Graph's JSON batching: ``POST /$batch`` with up to 20 requests, answered in one response.

The body is ``{"requests": [{"id", "method", "url", "headers", "body", "dependsOn"}]}``;
each request is answered by the service as if it had been sent alone (its URL relative
to the version root, ``/me/messages``), and the answer is ``{"responses": [{"id",
"status", "headers", "body"}]}``. A request runs after those it ``dependsOn``; when one
of them did not succeed it is not run and answers ``424 Failed Dependency``, as Graph's
does. The SDKs batch this way (``BatchRequestContent``).
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message

MAX_REQUESTS = 20

Endpoint = Callable[[Request], Awaitable[Response]]


class BatchError(ValueError):
    """A batch the service can't read (a 400 that says why)."""


def _requests(payload: Any) -> list[dict[str, Any]]:
    """The batch's requests, checked: each with an id of its own, a method and a URL."""
    listed = payload.get("requests") if isinstance(payload, dict) else None
    if not isinstance(listed, list) or not listed:
        raise BatchError('a batch is {"requests": [...]}, with one request or more')
    if len(listed) > MAX_REQUESTS:
        raise BatchError(
            f"a batch holds at most {MAX_REQUESTS} requests, not {len(listed)}"
        )
    seen: set[str] = set()
    for entry in listed:
        if not isinstance(entry, dict):
            raise BatchError("each request of a batch is a JSON object")
        for name in ("id", "method", "url"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                raise BatchError(f"each request of a batch needs its {name!r}")
        if entry["id"] in seen:
            raise BatchError(f"two requests of the batch have the id {entry['id']!r}")
        seen.add(entry["id"])
        depends = entry.get("dependsOn", [])
        if not isinstance(depends, list) or not all(
            isinstance(d, str) for d in depends
        ):
            raise BatchError("dependsOn lists the ids of other requests of the batch")
    ids = {entry["id"] for entry in listed}
    for entry in listed:
        unknown = [
            d for d in entry.get("dependsOn", []) if d not in ids or d == entry["id"]
        ]
        if unknown:
            raise BatchError(
                f"request {entry['id']!r} depends on {unknown[0]!r}, which the batch lacks"
            )
    return listed


def _ordered(listed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The requests in their order, each after those it depends on; a cycle is an error."""
    by_id = {entry["id"]: entry for entry in listed}
    done: list[dict[str, Any]] = []
    state: dict[str, int] = {}  # 1: being placed, 2: placed

    def place(entry: dict[str, Any]) -> None:
        if state.get(entry["id"]) == 2:
            return
        if state.get(entry["id"]) == 1:
            raise BatchError(
                f"the requests' dependsOn go round in a circle at {entry['id']!r}"
            )
        state[entry["id"]] = 1
        for name in entry.get("dependsOn", []):
            place(by_id[name])
        state[entry["id"]] = 2
        done.append(entry)

    for entry in listed:
        place(entry)
    return done


def _sub_request(outer: Request, entry: dict[str, Any]) -> Request:
    """One request of the batch, as the service reads a request sent alone."""
    url = entry["url"].strip()
    if "://" in url:
        raise BatchError(
            f"request {entry['id']!r}: a batch's URLs are relative, /me/messages"
        )
    path, _, query = ("/" + url.lstrip("/")).partition("?")
    headers = {str(k).lower(): str(v) for k, v in (entry.get("headers") or {}).items()}
    body = entry.get("body")
    content = b""
    if body is not None:
        if isinstance(body, str) and not headers.get("content-type", "").startswith(
            "application/json"
        ):
            try:  # a body that isn't JSON travels base64-encoded
                content = base64.b64decode(body, validate=True)
            except ValueError:
                content = body.encode("utf-8")
        else:
            content = json.dumps(body).encode("utf-8")
            headers.setdefault("content-type", "application/json")
    headers["content-length"] = str(len(content))
    root = outer.scope.get("root_path", "")
    request_id = str(uuid.uuid4())
    scope = {
        **outer.scope,
        "method": entry["method"].upper(),
        "path": root + path,
        "raw_path": (root + path).encode("utf-8"),
        "query_string": query.encode("utf-8"),
        "headers": [
            (k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()
        ],
        "state": {
            **(outer.scope.get("state") or {}),
            "request_id": request_id,
            "client_request_id": headers.get("client-request-id", request_id),
        },
    }
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": content, "more_body": False}

    return Request(scope, receive)


def _answer(entry: dict[str, Any], response: Response) -> dict[str, Any]:
    headers = {
        k: v for k, v in response.headers.items() if k.lower() != "content-length"
    }
    found: dict[str, Any] = {
        "id": entry["id"],
        "status": response.status_code,
        "headers": headers,
    }
    content = bytes(response.body or b"")
    if content:
        if response.media_type and "json" in response.media_type:
            found["body"] = json.loads(content)
        else:
            found["body"] = base64.b64encode(content).decode("ascii")
    return found


async def batch(
    request: Request, endpoint: Endpoint, failed: Callable[[str, str], Response]
) -> dict[str, Any]:
    """The answers to a batch's requests, each answered by ``endpoint``; ``failed`` makes
    the answer (in Graph's error shape) of a request whose dependency failed."""
    raw = await request.body()
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeError, ValueError):
        raise BatchError("the batch is not JSON text") from None
    listed = _ordered(_requests(payload))
    answers: dict[str, dict[str, Any]] = {}
    for entry in listed:
        broken = [
            d
            for d in entry.get("dependsOn", [])
            if not 200 <= answers[d]["status"] < 300
        ]
        if broken:
            response = failed(
                entry["id"], f"request {broken[0]!r}, which this one depends on, failed"
            )
        else:
            try:
                response = await endpoint(_sub_request(request, entry))
            except BatchError as error:
                response = failed(entry["id"], str(error))
                response.status_code = 400
        answers[entry["id"]] = _answer(entry, response)
    return {"responses": [answers[entry["id"]] for entry in listed]}

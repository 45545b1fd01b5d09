"""The mock service against hostile clients: bad bodies, wrong types, huge bodies, path tricks, write storms.

Every answer is the right 4xx (never a 5xx), and concurrent writes to one job
are neither lost nor torn. "Torn" means a state nobody wrote: fields of one
client's write mixed with another's. Each write below carries a tag in every
field it sets, so any observed state either holds one tag throughout or is torn.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from live_service import graph_error

MIB = 1024 * 1024
JSON = {"content-type": "application/json"}


@pytest.fixture
def job(client: httpx.Client) -> str:
    """A fresh job's path, under a synchronization of its own."""
    sp = f"/servicePrincipals/hostile-{time.monotonic_ns()}/synchronization"
    assert client.put(sp, json={"secrets": []}).status_code == 201
    created = client.post(f"{sp}/jobs", json={"templateId": "t"})
    assert created.status_code == 201
    return f"{sp}/jobs/{created.json()['id']}"


def error(response: httpx.Response, status: int) -> str:
    return str(graph_error(response, status)["code"])


BAD_BODIES = {
    "not JSON": b"{not json",
    "trailing comma": b'{"secrets": [],}',
    "cut short": b'{"secrets": [{"key": "UserName", "val',
    "not UTF-8": b'{"secrets": [{"key": "UserName", "value": "\xff\xfe"}]}',
    "UTF-16": '{"secrets": []}'.encode("utf-16"),
    "empty": b"",
    "NaN": b'{"secrets": NaN}',
    "number past a double": b'{"secrets": 1e400}',
    "5000-digit integer": b'{"secrets": ' + b"9" * 5000 + b"}",
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "nested 900 deep": b'{"secrets": ' + b"[" * 900 + b"]" * 900 + b"}",
    "an array": b"[]",
    "null": b"null",
    "a string": b'"secrets"',
    "unknown property": b'{"colour": "red"}',
    "wrong type inside": b'{"secrets": [{"key": 5}]}',
}


@pytest.mark.parametrize("name", sorted(BAD_BODIES))
def test_malformed_bodies_are_400(client: httpx.Client, job: str, name: str) -> None:
    synchronization = job.split("/jobs/")[0]
    assert error(client.patch(synchronization, content=BAD_BODIES[name], headers=JSON), 400) == "invalidRequest"
    assert client.get(synchronization).json()["secrets"] == []  # nothing was written


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        (None, 415),
        ("text/plain", 415),
        ("application/jsonx", 415),
        ("application/merge-patch+json", 415),
        ("multipart/form-data; boundary=x", 415),
        ("application/x-www-form-urlencoded", 415),
        ("APPLICATION/JSON", 200),
        ("application/json; charset=utf-8", 200),
    ],
)
def test_content_types(client: httpx.Client, job: str, content_type: str | None, status: int) -> None:
    synchronization = job.split("/jobs/")[0]
    headers = {"content-type": content_type} if content_type else {}
    response = client.patch(synchronization, content=b'{"secrets": []}', headers=headers)
    if status == 415:
        assert error(response, 415) == "notSupported"
    else:
        assert response.status_code == status, response.text


def test_oversized_bodies_are_413_declared_or_streamed(client: httpx.Client, job: str) -> None:
    synchronization = job.split("/jobs/")[0]
    big = b'{"secrets": [{"key": "UserName", "value": "' + b"x" * MIB + b'"}]}'
    assert error(client.patch(synchronization, content=big, headers=JSON), 413) == "invalidRequest"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must hold while reading
        yield b'{"secrets": [{"key": "UserName", "value": "'
        for _ in range(4 * 1024):
            yield b"x" * 1024
        yield b'"}]}'

    assert error(client.patch(synchronization, content=chunks(), headers=JSON), 413) == "invalidRequest"
    just_under = b'{"secrets": [{"key": "UserName", "value": "' + b"x" * (MIB - 100) + b'"}]}'
    assert client.patch(synchronization, content=just_under, headers=JSON).status_code == 200


def raw_request(base_url: str, head: bytes) -> bytes:
    """Send bytes as they are (no client-side normalising of the path); the status line back."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return data.split(b"\r\n", 1)[0]


def test_path_tricks_get_4xx(base_url: str, client: httpx.Client, job: str) -> None:
    sp = job.split("/synchronization/")[0]
    tricks = [
        f"{sp}/..%2F..%2Fetc/synchronization/jobs",
        f"{job}/%2e%2e/start",
        f"{job}%2Fstart",
        f"{job}/%2e%2e",
        f"{sp}//synchronization//jobs",
        f"{job}%00",
        f"{job}/%ff%fe",
        f"{job}/%",
        f"{job}/" + "x" * 8000,
        "/%2e%2e/%2e%2e/etc/passwd",
    ]
    for path in tricks:
        status = int(raw_request(base_url, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode()).split()[1])
        assert 400 <= status < 500 or status == 307, (path, status)  # 307: Starlette's trailing-slash redirect
    for head in [
        b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET " + job.encode() + b"/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /" + b"a" * 60_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    ]:
        status_line = raw_request(base_url, head)
        assert status_line.startswith(b"HTTP/1.1 4"), status_line
    assert client.get(job).status_code == 200  # the job is still there, untouched


def test_lone_surrogate_in_a_body_is_400(client: httpx.Client, job: str) -> None:
    jobs = job.rsplit("/", 1)[0]
    response = client.post(jobs, content=b'{"templateId": "\\udfff"}', headers=JSON)
    assert response.status_code == 400, response.text


def test_an_id_in_a_body_cannot_address_another_resource(client: httpx.Client, job: str) -> None:
    jobs = job.rsplit("/", 1)[0]
    client.post(jobs, json={"id": "ghost/schema", "templateId": "spoof"})
    assert client.get(f"{jobs}/ghost/schema").status_code == 404


CLIENTS = 60


def storm(base_url: str, work: Any) -> list[Any]:
    """Run ``work(client, n)`` for n in 0..CLIENTS-1, each on its own connection, all at once."""
    start = threading.Barrier(CLIENTS)

    def one(n: int) -> Any:
        with httpx.Client(base_url=base_url, timeout=60) as c:
            start.wait()
            return work(c, n)

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        return list(pool.map(one, range(CLIENTS)))


def schema_of(n: int) -> dict[str, Any]:
    tag = f"c{n}"
    return {
        "version": tag,
        "synchronizationRules": [{"name": tag, "sourceDirectoryName": tag, "targetDirectoryName": tag}],
    }


def tag_of(schema: dict[str, Any]) -> str:
    """The one tag a schema holds throughout; fails on a torn one."""
    rule = schema["synchronizationRules"][0]
    tags = {schema["version"], rule["name"], rule["sourceDirectoryName"], rule["targetDirectoryName"]}
    assert len(tags) == 1 and len(schema["synchronizationRules"]) == 1, f"torn: {schema}"
    return tags.pop()


def test_concurrent_replaces_of_one_jobs_schema_are_never_torn(base_url: str, client: httpx.Client, job: str) -> None:
    def work(c: httpx.Client, n: int) -> tuple[int, int, dict[str, Any]]:
        put = c.put(f"{job}/schema", json=schema_of(n))
        got = c.get(f"{job}/schema")
        return put.status_code, got.status_code, got.json()

    results = storm(base_url, work)
    assert {put for put, _, _ in results} <= {201, 204} and {get for _, get, _ in results} == {200}
    seen = {tag_of({k: v for k, v in body.items() if k != "id"}) for _, _, body in results}
    assert seen <= {f"c{n}" for n in range(CLIENTS)}
    final = client.get(f"{job}/schema").json()
    assert tag_of({k: v for k, v in final.items() if k != "id"}) in {f"c{n}" for n in range(CLIENTS)}


def test_concurrent_actions_on_one_job_leave_a_state_someone_set(base_url: str, client: httpx.Client, job: str) -> None:
    """start and pause each set two fields at once; no reader ever sees one from each."""
    verbs = ["start", "pause"]

    def work(c: httpx.Client, n: int) -> tuple[int, dict[str, Any]]:
        done = c.post(f"{job}/{verbs[n % 2]}")
        return done.status_code, c.get(job).json()

    results = storm(base_url, work)
    assert {status for status, _ in results} == {204}
    for _, state in [*results, (0, client.get(job).json())]:
        pair = (state["status"]["code"], state["schedule"]["state"])
        assert pair in {("Active", "Active"), ("Paused", "Paused")}, f"torn: {pair}"
        assert state["templateId"] == "t"  # the fields no action touches are kept


def test_concurrent_patches_lose_nothing_and_tear_nothing(base_url: str, client: httpx.Client, job: str) -> None:
    """Each client PATCHes its own template (no lost update) and the shared synchronization (no torn one)."""
    synchronization = job.split("/jobs/")[0]
    templates = [
        client.post(f"{synchronization}/templates", json={"factoryTag": "f"}).json()["id"] for _ in range(CLIENTS)
    ]

    def secrets(n: int) -> list[dict[str, str]]:
        return [{"key": "UserName", "value": f"c{n}"}, {"key": "Password", "value": f"c{n}"}]

    def work(c: httpx.Client, n: int) -> tuple[int, int]:
        own = c.patch(f"{synchronization}/templates/{templates[n]}", json={"description": f"c{n}"})
        shared = c.patch(synchronization, json={"secrets": secrets(n)})
        return own.status_code, shared.status_code

    assert set(storm(base_url, work)) == {(204, 200)}  # as documented: template updates answer 204
    for n, template in enumerate(templates):
        got = client.get(f"{synchronization}/templates").json()["value"]
        assert {t["id"]: t for t in got}[template]["description"] == f"c{n}"
    final = client.get(synchronization).json()["secrets"]
    assert final in [secrets(n) for n in range(CLIENTS)], f"torn: {final}"

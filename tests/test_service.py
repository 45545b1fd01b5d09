"""The generated mock service, driven over real HTTP on loopback."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import httpx
import pytest
from conftest import GENERATED, ROOT
from live_service import free_port, graph_error

SP = "5f0d2c9e-8a41-4b6d-9e3f-7c12a4b8d065"
BASE = f"/servicePrincipals/{SP}/synchronization"


def test_life_of_a_synchronization_job(client: httpx.Client) -> None:
    template = client.post(f"{BASE}/templates", json={"factoryTag": "box", "discoverable": True})
    assert template.status_code == 201
    template_id = template.json()["id"]
    created = client.post(f"{BASE}/jobs", json={"templateId": template_id})
    assert created.status_code == 201
    job = created.json()
    job_id = job["id"]
    assert job["templateId"] == template_id
    assert client.get(f"{BASE}/jobs/{job_id}").json() == job
    listed = client.get(f"{BASE}/jobs").json()
    assert job_id in [j["id"] for j in listed["value"]]
    assert client.post(f"{BASE}/jobs/{job_id}/start").status_code == 204
    assert client.get(f"{BASE}/jobs/{job_id}").json()["status"]["code"] == "Active"
    assert client.post(f"{BASE}/jobs/{job_id}/pause").status_code == 204
    assert client.get(f"{BASE}/jobs/{job_id}").json()["status"]["code"] == "Paused"
    schema = {"version": "2", "synchronizationRules": [{"name": "rule", "sourceDirectoryName": "Box"}]}
    assert client.put(f"{BASE}/jobs/{job_id}/schema", json=schema).status_code == 204
    got = client.get(f"{BASE}/jobs/{job_id}/schema").json()
    assert got["version"] == "2" and got["synchronizationRules"][0]["name"] == "rule"
    assert client.get(f"{BASE}/jobs/{job_id}/schema/functions").status_code == 200
    assert client.delete(f"{BASE}/jobs/{job_id}/schema").status_code == 204
    graph_error(client.get(f"{BASE}/jobs/{job_id}/schema/functions"), 404)  # bound to what is gone
    assert client.put(f"{BASE}/jobs/{job_id}/schema", json=schema).status_code == 204
    assert client.get(f"{BASE}/jobs/{job_id}/schema/functions").status_code == 200  # back again
    assert client.delete(f"{BASE}/jobs/{job_id}").status_code == 204
    graph_error(client.get(f"{BASE}/jobs/{job_id}"), 404)
    graph_error(client.get(f"{BASE}/jobs/{job_id}/schema"), 404)  # gone with its job


def test_every_seed_method_answers(client: httpx.Client) -> None:
    sp = f"/servicePrincipals/seed-{time.monotonic_ns()}/synchronization"
    secrets = {"secrets": [{"key": "BaseAddress", "value": "https://example.com"}]}
    assert client.put(sp, json=secrets).status_code == 201  # Create
    assert client.get(sp).json()["secrets"] == secrets["secrets"]  # Get
    updated = client.patch(sp, json={"secrets": []})  # Update
    assert updated.status_code == 200 and updated.json()["secrets"] == []
    assert any(s.get("secrets") == [] for s in client.get("/synchronizations").json()["value"])  # List
    token = client.post(f"{sp}/acquireAccessToken", json={"credentials": [{"key": "UserName", "value": "u"}]})
    assert token.status_code == 204  # acquireAccessToken
    ping = client.get(f"{sp}/ping")
    assert ping.status_code == 200 and isinstance(ping.json()["value"], str)  # Ping
    assert client.post(f"{sp}/jobs", json={"templateId": "t"}).status_code == 201  # Create synchronizationJob
    assert len(client.get(f"{sp}/jobs").json()["value"]) == 1  # List jobs
    assert client.post(f"{sp}/templates", json={"factoryTag": "x"}).status_code == 201  # Create synchronizationTemplate
    assert len(client.get(f"{sp}/templates").json()["value"]) == 1  # List templates
    assert client.delete(sp).status_code == 204  # Delete
    graph_error(client.get(sp), 404)


def test_paging_with_next_link(client: httpx.Client) -> None:
    sp = f"/servicePrincipals/paging-{time.monotonic_ns()}/synchronization/jobs"
    for n in range(5):
        assert client.post(sp, json={"templateId": f"t{n}"}).status_code == 201
    first = client.get(sp, params={"$top": 2}).json()
    assert len(first["value"]) == 2 and "@odata.nextLink" in first
    seen = [j["templateId"] for j in first["value"]]
    link = first["@odata.nextLink"]
    while link:
        page = client.get(link).json()
        seen += [j["templateId"] for j in page["value"]]
        link = page.get("@odata.nextLink")
    assert seen == [f"t{n}" for n in range(5)]


def test_bad_requests_get_graph_errors(client: httpx.Client) -> None:
    jobs = f"{BASE}/jobs"
    graph_error(client.post(jobs, content=b"{not json", headers={"content-type": "application/json"}), 400)
    error = graph_error(client.post(jobs, json={"templateId": 5}), 400)
    assert "/templateId" in error["message"]
    graph_error(client.post(jobs, json={"schedule": {"interval": "soon"}}), 400)
    graph_error(client.post(jobs, json={"unknownProperty": 1}), 400)
    graph_error(client.post(jobs, content=b"templateId=x", headers={"content-type": "text/plain"}), 415)
    graph_error(client.get("/no/such/path"), 404)
    graph_error(client.patch(jobs, json={}), 405)
    created = client.post(jobs, json={"id": "fixed-id", "templateId": "t"})
    assert created.status_code in (201, 409)
    graph_error(client.post(jobs, json={"id": "fixed-id", "templateId": "t"}), 409)


def test_openapi_is_valid_and_matches_routes() -> None:
    from openapi_spec_validator import validate

    document = json.loads((GENERATED / "openapi.json").read_text(encoding="utf-8"))
    validate(document)
    assert document["openapi"].startswith("3.1")
    operations = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops}
    assert ("POST", "/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/start") in operations
    assert ("GET", "/synchronizations") in operations
    assert len(operations) >= 25


def _served(*options: str) -> httpx.Response:
    """``GET /synchronizations`` from ``graphdoc serve`` run with ``options``."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", str(port), *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/synchronizations", timeout=2)
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)


def test_serve_starts_with_the_docs_examples() -> None:
    response = _served()
    assert response.status_code == 200
    # the items the list example of list-synchronizations.md shows
    assert [item["id"] for item in response.json()["value"]] == [SP, "e93a0b57-2c8d-4f16-b4a9-7d05c3e1f862"]


def test_serve_empty_starts_with_nothing() -> None:
    response = _served("--empty")
    assert response.status_code == 200 and response.json()["value"] == []


def test_serve_without_generated_service_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2 and "run graphdoc generate" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="loopback server test")
def test_concurrent_writes_lose_nothing(base_url: str) -> None:
    import asyncio

    sp = f"/servicePrincipals/busy-{time.monotonic_ns()}/synchronization/jobs"

    async def burst() -> list[int]:
        async with httpx.AsyncClient(base_url=base_url, timeout=20) as c:
            responses = await asyncio.gather(*(c.post(sp, json={"templateId": f"t{n}"}) for n in range(60)))
            return [r.status_code for r in responses]

    statuses = asyncio.run(burst())
    assert statuses == [201] * 60
    with httpx.Client(base_url=base_url) as c:
        assert len(c.get(sp, params={"$top": 100}).json()["value"]) == 60


def test_method_without_api_page_still_gets_a_handler(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import codes, model_of
    from pages import resource

    from generator.emit import emit_all

    entity = resource(
        "widget",
        [("id", "String", "Id.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id"}',
        methods=[("[spin](../api/widget-spin.md)", "None", "Spin it.")],
    )
    model = model_of(tmp_path, {"resources/widget.md": entity})
    assert "MISSING_API_PAGE" in codes(model)
    files = emit_all(model, ["handlers"])
    table = json.loads(files["handlers/operations.json"])["operations"]
    assert [(op["method"], op["http_method"], op["paths"]) for op in table] == [("spin", "POST", ["/widget/{id}/spin"])]
    assert "async def spin(self, id: str) -> None:" in files["handlers/widget.py"]


def test_errors_have_graphs_shape_and_one_code_per_status(client: httpx.Client) -> None:
    jobs = f"{BASE}/jobs"
    client.post(jobs, json={"id": "taken", "templateId": "t"})
    answers = {
        "itemNotFound": client.get("/no/such/path", headers={"client-request-id": "mine-1"}),
        "notAllowed": client.patch(jobs, json={}),
        "notSupported": client.post(jobs, content=b"x", headers={"content-type": "text/plain"}),
        "invalidRequest": client.post(jobs, json={"templateId": 5}),
        "nameAlreadyExists": client.post(jobs, json={"id": "taken", "templateId": "t"}),
    }
    statuses = {"itemNotFound": 404, "notAllowed": 405, "notSupported": 415, "invalidRequest": 400, "nameAlreadyExists": 409}
    for code, response in answers.items():
        error = graph_error(response, statuses[code])
        assert error["code"] == code
        inner = error["innerError"]
        assert set(inner) == {"date", "request-id", "client-request-id"}
        assert inner["request-id"] == response.headers["request-id"]
        assert len(inner["date"]) == len("2026-01-01T00:00:00")
    assert answers["itemNotFound"].json()["error"]["innerError"]["client-request-id"] == "mine-1"
    assert answers["itemNotFound"].headers["client-request-id"] == "mine-1"


def test_a_bad_body_gets_the_words_graphdoc_validate_uses(client: httpx.Client) -> None:
    import generator

    body = {"schedule": {"state": "Running"}, "templateId": 5}
    error = graph_error(client.post(f"{BASE}/jobs", json=body), 400)
    issues = [str(issue) for issue in generator.validate(body, "synchronizationJob", GENERATED / "schemas")]
    assert issues[0] == '/schedule/state: expected one of "Active", "Disabled", "Paused", found string "Running"'
    assert error["message"] == f"{issues[0]} (and 1 more)"
    assert [(d["target"], d["message"]) for d in error["details"]] == [(i.split(":")[0], i) for i in issues]


def test_answers_carry_odata_context(client: httpx.Client, base_url: str) -> None:
    sp = f"ctx-{time.monotonic_ns()}"
    jobs = f"/servicePrincipals/{sp}/synchronization/jobs"
    created = client.post(jobs, json={"templateId": "t"}).json()
    metadata = f"{base_url}/$metadata#"
    assert created["@odata.context"] == f"{metadata}servicePrincipals('{sp}')/synchronization/jobs/$entity"
    assert client.get(f"{jobs}/{created['id']}").json() == created
    assert client.get(jobs).json()["@odata.context"] == f"{metadata}servicePrincipals('{sp}')/synchronization/jobs"
    ping = client.get(f"/servicePrincipals/{sp}/synchronization/ping").json()
    assert ping["@odata.context"] == f"{metadata}Edm.String"


def test_paths_match_in_any_case_and_under_a_version_prefix(client: httpx.Client, base_url: str) -> None:
    sp = f"case-{time.monotonic_ns()}"
    created = client.post(f"/servicePrincipals/{sp}/synchronization/jobs", json={"templateId": "t"}).json()
    for prefix in ("", "/v1.0", "/beta", "/BETA"):
        response = client.get(f"{prefix}/SERVICEPRINCIPALS/{sp}/Synchronization/jobs/{created['id']}")
        assert response.status_code == 200, (prefix, response.text)
        assert response.json()["templateId"] == "t"
        assert response.json()["@odata.context"].startswith(f"{base_url}{prefix}/$metadata#")
    graph_error(client.get(f"/servicePrincipals/{sp.upper()}/synchronization/jobs/{created['id']}"), 404)  # keys keep their case
    graph_error(client.get(f"/v2.0/servicePrincipals/{sp}/synchronization/jobs"), 404)


def test_read_only_properties_in_bodies_are_ignored(client: httpx.Client) -> None:
    sp = f"/servicePrincipals/ro-{time.monotonic_ns()}/synchronization"
    assert client.put(sp, json={"secrets": []}).status_code == 201
    stored_id = client.get(sp).json()["id"]
    assert client.patch(sp, json={"id": "another", "secrets": []}).json()["id"] == stored_id  # id is read-only
    schedule = {"interval": "PT40M", "state": "Active"}  # a job's schedule is read-only: the service keeps its own
    job = client.post(f"{sp}/jobs", json={"id": "chosen", "templateId": "t", "schedule": schedule}).json()
    assert job["id"] == "chosen" and "schedule" not in job  # a create may still choose its key


def test_a_handler_that_raises_is_a_500_and_unknown_handler_keys_are_refused() -> None:
    import importlib

    from live_service import app_from, running

    app_from(GENERATED)
    package = [name for name in sys.modules if re.fullmatch(r"graphdoc_service(_\d+)?", name)][-1]  # the newest
    app_module = importlib.import_module(f"{package}.handlers.app")
    jobs_module = importlib.import_module(f"{package}.handlers.synchronization_job")

    class Broken(jobs_module.SynchronizationJobHandlers):  # type: ignore[misc,name-defined]
        async def get_synchronization_job(self, service_principal_id: str, job_id: str) -> None:
            raise TypeError("a bug in my handler")

    with running(app_module.create_app({"synchronization_job": Broken()})) as url:
        response = httpx.get(f"{url}{BASE}/jobs/j1")
        error = graph_error(response, 500)
        assert error["code"] == "generalException" and "TypeError: a bug in my handler" in error["message"]
        graph_error(httpx.post(f"{url}{BASE}/jobs/j1/start"), 501)  # a stub left as is
    with pytest.raises(ValueError, match="'synchronizationJob'.*synchronization_job"):
        app_module.create_app({"synchronizationJob": Broken()})


def test_a_key_that_is_a_line_break_addresses_an_item_not_the_collection(client: httpx.Client) -> None:
    """"$" matches before a final line break; the routes end with "\\Z", so
    /templates/%0A is the item "\\n" (not there), never the list of templates."""
    templates = "/servicePrincipals/0/synchronization/templates"
    assert client.get(f"{templates}/%0A").status_code == 404
    patched = client.patch(f"{templates}/%0A", json={"description": "x"})
    assert patched.status_code == 404, patched.text

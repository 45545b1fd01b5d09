"""graphdoc replay: the docs' own requests, sent to the mock or to any service, held to the docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GENERATED, ROOT, SPECS, write_docs
from live_service import app_from, running
from pages import resource
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from test_operations import PAGES

from generator.pipeline import build_model
from generator.service.replay import PASS, replay


def graphdoc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_the_specs_requests_all_pass_against_the_in_process_mock() -> None:
    done = graphdoc("replay", "specs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""  # nothing failed, so nothing is listed
    assert done.stderr.startswith("replay: ") and " pass (100.0%)" in done.stderr


def test_the_same_requests_pass_against_a_served_mock_over_http() -> None:
    with running(app_from(GENERATED)) as url:
        report = replay(build_model(SPECS), base_url=url)
    assert report.results and {r.outcome for r in report.results} == {PASS}


def test_every_kind_on_small_pages_passes(tmp_path: Path) -> None:
    report = replay(build_model(write_docs(tmp_path / "docs", PAGES)))
    outcomes = {r.exchange.request.source.path: (r.outcome, r.detail) for r in report.results}
    # the page whose request line is no request sends no URL either: the page's error
    assert outcomes.pop("api/widget-lost.md") == ("page error", "request example: '/beta**' is not a URL path (it holds '*') (see lint)")
    assert {o for o, _ in outcomes.values()} == {PASS}, outcomes
    assert len(outcomes) == 19


def broken_service() -> Starlette:
    """A service that gets everything wrong: each GET answers a widget with a bad size, each write 500."""

    async def anything(request: Request) -> JSONResponse:
        if request.method == "GET":
            return JSONResponse({"id": "w1", "size": "huge"})
        return JSONResponse({"error": {"code": "generalException", "message": "down"}}, status_code=500)

    return Starlette(routes=[Route("/{path:path}", anything, methods=["GET", "POST", "PATCH", "PUT", "DELETE"])])


def test_a_service_that_breaks_the_docs_is_reported_and_fails(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", PAGES)
    with running(broken_service()) as url:
        done = graphdoc("replay", str(docs), "--base-url", url, "--format", "json", "--select", "widget-get.md", "--select", "widget-post.md")
    assert done.returncode == 1, done.stderr
    found = {(d["path"].rsplit("/", 1)[-1], d["message"].split(": ")[1]) for d in json.loads(done.stdout)}
    assert found == {("widget-get.md", "invalid body"), ("widget-post.md", "server error")}
    assert "1 invalid body" in done.stderr and "1 server error" in done.stderr


def test_a_request_example_lint_finds_wrong_is_the_pages_error(tmp_path: Path) -> None:
    pages = dict(PAGES)
    pages["api/widget-post.md"] = str(pages["api/widget-post.md"]).replace('{"name": "made", "size": 2}', '{"name": "made", "size": "two"}')
    docs = write_docs(tmp_path / "docs", pages)
    done = graphdoc("replay", str(docs), "--format", "github", "--select", "widget-post.md")
    assert done.returncode == 0, done.stdout + done.stderr  # a page error fails the docs' lint, not the service
    (line,) = done.stdout.splitlines()
    assert line.startswith("::warning file=") and "widget-post.md" in line and "page error" in line
    assert '/size: expected integer or null, found string "two"' in line
    lint = graphdoc("lint", str(docs), "--select", "EXAMPLE_INVALID")
    assert lint.returncode == 1 and "widget-post.md" in lint.stdout


def test_a_url_the_page_does_not_document_is_a_lint_error(tmp_path: Path) -> None:
    pages = dict(PAGES)
    pages["api/widget-get.md"] = str(pages["api/widget-get.md"]).replace("beta/widgets/w1", "beta/gizmos/w1")
    docs = write_docs(tmp_path / "docs", pages)
    lint = graphdoc("lint", str(docs), "--select", "EXAMPLE_URL", "-q")
    assert lint.returncode == 1
    assert "api/widget-get.md" in lint.stdout and "GET /gizmos/w1 is none of the requests the page documents" in lint.stdout
    report = replay(build_model(docs), select=["widget-get.md"])
    assert [r.outcome for r in report.results] == ["page error"]


@pytest.mark.parametrize("option", ["--base-url", "--select", "--format"])
def test_replay_help_names_its_options(option: str) -> None:
    done = graphdoc("replay", "--help")
    assert done.returncode == 0 and option in done.stdout


def _plain_page(title: str, request: str, blocks: str) -> str:
    """An API page as the oldest docs write one: no annotations, bold labels over bare fences."""
    return f"""---
title: "{title}"
doc_type: apiPageType
---

# {title}

Does {title}.

## HTTP request
```http
{request}
```

## Response
If successful, this method returns a `200 OK` response code.

## Example
{blocks}
"""


LEDGER = resource("ledger", [("id", "String", "The key."), ("name", "String", "The name.")])
ENTRY = resource(
    "entry",
    [("id", "String", "The key."), ("amount", "Int32", "How much.")],
    methods=[("[Get entry](../api/entry-get.md)", "[entry](entry.md)", "Reads one."), ("[Update entry](../api/entry-update.md)", "[entry](entry.md)", "Changes one.")],
)
GET_ENTRY = _plain_page(
    "Get entry",
    "GET /books/ledgers/{id}/entries/{id}",
    '**Request**\n```http\nGET https://graph.microsoft.com/beta/books/ledgers/{id}/entries/{id}\n```\n\n'
    '**Response**\n```json\n{"id": "e1", "amount": 5}\n```\n',
)
UPDATE_ENTRY = _plain_page(
    "Update entry",
    "PATCH /books/ledgers/{id}/entries/{id}",
    '**Request**\n```http\nPATCH https://graph.microsoft.com/beta/books/ledgers/{id}/entries/{id}\nContent-type: application/json\n```\n'
    '```json\n{"amount": 6}\n```\n',
)


def test_old_pages_bare_answers_and_items_below_undocumented_parents(tmp_path: Path) -> None:
    """A bare JSON fence after a GET is its answer, one after a request that may still lack
    its body is not; an item whose parents the docs never GET is seeded at a real URL
    (a key made for each parent) and replay finds it there."""
    pages = {"resources/ledger.md": LEDGER, "resources/entry.md": ENTRY, "api/entry-get.md": GET_ENTRY, "api/entry-update.md": UPDATE_ENTRY}
    model = build_model(write_docs(tmp_path / "docs", pages))
    kinds = {e.source.path: [x.kind for x in model.examples if x.source.path == e.source.path] for e in model.examples}
    assert kinds == {"api/entry-get.md": ["request", "response"], "api/entry-update.md": ["request"]}
    report = replay(model)
    outcomes = [(r.exchange.request.http_method, r.outcome, r.detail) for r in report.results]
    assert [o[:2] for o in outcomes] == [("GET", PASS), ("PATCH", PASS)], outcomes

"""graphdoc lint tells the truth: its summary counts what it printed, its exit code follows
the errors it printed, and an error it prints is the page's, not graphdoc's misreading."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, codes, model_of, write_docs
from pages import ENTITY, resource
from test_operations import PAGES, api

from generator.service.example_urls import Requests, not_a_path


def lint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "lint", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def severities(output: str) -> Counter[str]:
    return Counter(line.split(": ")[1] for line in output.splitlines())


def summary_counts(stderr: str) -> tuple[Counter[str], Counter[str], int]:
    """What a summary line says was shown, hidden and left unselected."""
    line = next(line for line in stderr.splitlines() if "diagnostics: " in line)
    shown_text, _, rest = line.split("diagnostics: ", 1)[1].partition(";")
    shown = Counter({kind: int(n) for n, kind in re.findall(r"(\d+) (error|warning|info)s?\b", shown_text)})
    hidden_text = next((part for part in rest.split(";") if "hidden" in part), "")
    hidden = Counter({kind: int(n) for n, kind in re.findall(r"(\d+) (error|warning|info)s?\b", hidden_text)})
    unselected = re.search(r"(\d+) more not selected", rest)
    return shown, hidden, int(unselected.group(1)) if unselected else 0


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The widget pages, with a request body that breaks its type (an example error), a
    request to a path the page doesn't document (a URL error), a page with no tables (a
    warning) and placeholder descriptions (infos)."""
    pages = dict(PAGES)
    pages["api/widget-post.md"] = str(pages["api/widget-post.md"]).replace('{"name": "made", "size": 2}', '{"name": "made", "size": "two"}')
    pages["api/widget-get.md"] = str(pages["api/widget-get.md"]).replace("beta/widgets/w1", "beta/gizmos/w1")
    pages["resources/note.md"] = "---\ndoc_type: resourcePageType\n---\n# note resource type\n\nNo tables at all.\n"
    pages["resources/label.md"] = resource("label", [("text", "String", "Not yet documented"), ("size", "Int32", "TBD")])
    return write_docs(tmp_path_factory.mktemp("lint") / "docs", pages)


def test_the_summary_counts_what_lint_printed_and_the_infos_it_hid(docs: Path) -> None:
    shown = lint(str(docs))
    printed = severities(shown.stdout)
    assert printed["error"] >= 2 and printed["warning"] >= 1
    assert printed["info"] == 0  # infos are hidden by default, as ruff shows violations only
    said, hidden, unselected = summary_counts(shown.stderr)
    assert said == printed and unselected == 0
    everything = lint(str(docs), "--severity", "info")
    assert severities(everything.stdout)["info"] == hidden["info"] > 0
    assert "--severity info shows them" in shown.stderr
    assert summary_counts(everything.stderr)[0] == severities(everything.stdout)
    assert shown.returncode == 1  # errors were printed


def test_select_and_severity_change_the_counts_and_the_exit_code(docs: Path) -> None:
    urls = lint(str(docs), "--select", "EXAMPLE_URL")
    assert set(line.split(": ")[2].split()[0] for line in urls.stdout.splitlines()) == {"EXAMPLE_URL"}
    said, _, unselected = summary_counts(urls.stderr)
    assert said == severities(urls.stdout) and said["error"] == len(urls.stdout.splitlines())
    assert unselected > 0 and urls.returncode == 1
    tables = lint(str(docs), "--select", "NO_TABLES")
    assert tables.stdout and severities(tables.stdout) == Counter({"warning": len(tables.stdout.splitlines())})
    assert tables.returncode == 0  # the errors elsewhere were not printed
    errors = lint(str(docs), "--severity", "error")
    said, hidden, _ = summary_counts(errors.stderr)
    assert said == severities(errors.stdout) and hidden["warning"] > 0 and hidden["info"] > 0


def test_the_github_format_posts_no_notices_by_default(docs: Path) -> None:
    github = lint(str(docs), "--format", "github", "-q").stdout.splitlines()
    assert github and not [line for line in github if line.startswith("::notice")]
    assert any(line.startswith("::notice") for line in lint(str(docs), "--format", "github", "--severity", "info", "-q").stdout.splitlines())


def test_inspect_counts_what_it_printed(docs: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "inspect", str(docs), "--select", "NO_TABLES"], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    printed = done.stdout.splitlines()[:-1]
    said, _, unselected = summary_counts(done.stdout.splitlines()[-1])
    assert said == severities("\n".join(printed)) and unselected > 0


# (documented request, the example's method and path, whether the page documents it)
FORMS = [
    ("GET /me/drive/items/{id}/workbook/worksheets/{id|name}", "GET /me/drive/items/{id}/workbook/worksheets/{id|name}", True),
    ("GET /a/getPolicySummary", "GET /a/getPolicySummary(policyId='parameterValue')", True),
    ("GET /a/getPolicySummary()", "GET /a/getPolicySummary", True),
    ("GET /a/filter(on='parameterValue')", "GET /a/filter(on='reviewer')", True),
    ("GET /a/filter(on='parameterValue')", "GET /a/filter(by='reviewer')", False),
    ("GET /r/f(startDateTime=startDateTime-value,endDateTime=endDateTime-value)", "GET /r/f(startDateTime='2017',endDateTime='2018')", True),
    ("GET /users/{id}/messages/{id}", "GET /users('42')/messages('AAMk=')", True),
    ("GET /keys/'{keyId}'", "GET /keys/b465e4e8", True),
    ("GET /things('{id}')", "GET /things/42", True),
    ("PUT /drives/{d}/root:/{item-path}:/content", "PUT /drives/x/root:/FolderA/FileB.txt:/content", True),
    ("GET /chats/{id}/hostedContents/{id}", "GET /chats/19:x@thread.v2/hostedContents/aWQ9/$value", True),
    ("GET /groups/{id}/members", "GET /groups/{id}/members/$count", True),
    ("GET /groups/{id}/members", "GET /groups/{id}/members/microsoft.graph.user", True),
    ("POST /users/{id | userPrincipalName}/assignLicense", "POST /users('42')/assignLicense", True),
    ("GET /~/onPremisesPublishingProfiles/{type}/agents", "GET /onPremisesPublishingProfiles/provisioning/agents", True),
    ("GET /workbook/worksheets/{id|name}/charts", "GET /me/drive/items/{id}/workbook/worksheets/{id|name}/charts", True),
    ("GET /me/drive/items/{item-id}/children", "GET /me/drive/root/children", True),
    ("GET /drives/{drive-id}/items/{item-id}/children", "GET /drives/d1/root:/a/b:/children", True),
    ("PUT /me/drive/items/{item-id}/content", "PUT /me/drive/root:/FolderA/FileB.txt:/content", True),
    ("GET /me/drive/items/{id}/workbook/worksheets/{id}/pivotTables", "GET /me/drive/root/workbook/worksheets/{id}/pivotTables", True),
    ("GET /me/drive/root:/{item-path}:/workbook/names", "GET /me/drive/items/{id}/workbook/names", True),
    ("GET /groups/{Id}/events/{Id}/extensions/{extensionId}", "GET /groups/g1/events/AAMk=/extensions/Com.Contoso.Deal", True),
    # what stays the page's error
    ("POST /users/{id | userPrincipalName}/assignLicense", "POST /me/assignLicense", False),
    ("GET /me/drive/items/{id}/workbook/names", "GET /drive/root/workbook/names", False),
    ("GET /sites/{s}/lists/{l}/items/{id}", "GET /sites/s1/lists/l1/root", False),
    ("DELETE /me/calendars/{id}", "DELETE /me/calendar", False),
    ("GET /things/{id}", "GET /gizmos/1", False),
    ("GET /things/{id}", "DELETE /things/1", False),
    ("POST /apps/{id}/policies/$ref", "POST /apps/1/policies", False),
    ("GET /accessPackage/{id}/groups", "GET /accessPackages/1/groups", False),
    ("GET /sites/root", "GET /sites/{site-id}", False),
    ("GET /reports/f(period='{p}')", "GET /reports/f(period='D7')/content", False),
]


@pytest.mark.parametrize("documented, example, documents", FORMS)
def test_example_urls_are_held_to_the_forms_the_docs_use(documented: str, example: str, documents: bool) -> None:
    method, _, path = example.partition(" ")
    assert not_a_path(path) is None
    assert Requests([tuple(documented.split(" ", 1))]).documents(method, path) is documents  # type: ignore[list-item]


def test_what_is_no_url_path() -> None:
    assert not_a_path("/beta**") == "it holds '*'"
    assert not_a_path("sites/{siteId}/lists") == "it does not start with /"
    assert not_a_path("/me/drive/items/{id}/workbook/worksheets/{id|name}") is None
    assert not_a_path("/worksheets/{id}/Cell(row=<row>,column=<column>)") is None


def test_lint_finds_no_error_in_an_example_written_as_its_request(tmp_path: Path) -> None:
    pages = {
        "resources/entity.md": ENTITY,
        "resources/sheet.md": resource(
            "sheet",
            [("id", "String", "Key.")],
            methods=[("[Get](../api/sheet-get.md)", "[sheet](sheet.md)", "Get."), ("[Summary](../api/sheet-summary.md)", "String", "Summary.")],
            annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.sheet", "keyProperty": "id"}',
        ),
        "api/sheet-get.md": api("Get sheet", "GET /books/{id}/sheets/{id|name}", example="/books/{id}/sheets/{id|name}", response='{"id": "s"}'),
        "api/sheet-summary.md": api(
            "Summary", "GET /books/{id}/sheets/getSummary", example="/books/b1/sheets/getSummary(policyId='parameterValue')", response='{"value": "x"}'
        ),
    }
    docs = write_docs(tmp_path / "docs", pages)
    done = lint(str(docs), "--select", "EXAMPLE_URL", "-q")
    assert done.returncode == 0 and done.stdout == ""


def test_a_long_url_is_cut_saying_so_and_json_has_it_whole(tmp_path: Path) -> None:
    long_id = "Z" * 150
    pages = dict(PAGES)
    pages["api/widget-get.md"] = str(pages["api/widget-get.md"]).replace("beta/widgets/w1", f"beta/gizmos/{long_id}")
    docs = write_docs(tmp_path / "docs", pages)
    text = lint(str(docs), "--select", "EXAMPLE_URL", "-q").stdout
    (line,) = [line for line in text.splitlines() if "widget-get.md" in line]
    assert "... (cut: 158 characters; the JSON format has it whole)" in line and long_id not in line
    (found,) = [d for d in json.loads(lint(str(docs), "--select", "EXAMPLE_URL", "--format", "json", "-q").stdout) if "widget-get" in d["path"]]
    assert found["found"] == f"GET /gizmos/{long_id}"
    assert "GET /widgets/{id}" in found["expected"]


def test_a_base_type_page_listing_its_derived_types_keeps_its_own_base(tmp_path: Path) -> None:
    statistics = resource(
        "activityStatistics", [("id", "String", "Key."), ("duration", "Duration", "How long.")], annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.activityStatistics", "keyProperty": "id"}'
    ).replace(
        "Describes activityStatistics.",
        "Describes activityStatistics.\n\nThe following types of statistics are derived from **activityStatistics**:\n\n* [Call](callactivitystatistics.md)\n",
    )
    config = resource("authBase", [("kind", "String", "Kind.")]).replace(
        "Describes authBase.", "Describes authBase.\n\nA [basicAuth](basicauth.md) is derived from authBase."
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/activitystatistics.md": statistics,
            "resources/callactivitystatistics.md": resource("callActivityStatistics", [("calls", "Int32", "Calls.")]),
            "resources/authbase.md": config,
            "resources/basicauth.md": resource("basicAuth", [("user", "String", "User.")], inherits="authBase"),
        },
    )
    assert "INHERITANCE_CYCLE" not in codes(model)
    assert model.get("microsoft.graph.activityStatistics").base_type == "microsoft.graph.entity"  # type: ignore[union-attr]
    assert model.get("microsoft.graph.callActivityStatistics").base_type == "microsoft.graph.activityStatistics"  # type: ignore[union-attr]
    assert model.get("microsoft.graph.authBase").base_type is None  # type: ignore[union-attr]
    assert model.get("microsoft.graph.basicAuth").base_type == "microsoft.graph.authBase"  # type: ignore[union-attr]


def test_a_page_that_documents_a_request_in_a_section_of_its_own_documents_it(tmp_path: Path) -> None:
    page = api("List drives", "GET /groups/{groupId}/drives", example="/groups/g1/drives", response='{"value": []}').replace(
        "## Request body",
        '## List a site\'s drives\n\n<!-- {"blockType": "request", "name": "site-list-drives"} -->\n```http\nGET /sites/{siteId}/drives\n```\n\n## Request body',
    )
    drive = resource(
        "drive",
        [("id", "String", "Key.")],
        methods=[("[List](../api/drive-list.md)", "[drive](drive.md) collection", "List.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.drive", "keyProperty": "id"}',
    )
    model = model_of(tmp_path, {"resources/entity.md": ENTITY, "resources/drive.md": drive, "api/drive-list.md": page})
    (listing,) = [op for op in model.operations if op.source is not None and op.source.path == "api/drive-list.md"]
    assert listing.paths == ("/groups/{groupId}/drives", "/sites/{siteId}/drives")

"""Operations: each kind, path form and body form, read from small pages, then served.

The pages are written here in today's format (front matter, a Methods table, HTTP
request blocks annotated "ignored", examples annotated request/response). Each
test reads what the model says and what the mock generated from it answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import codes, model_of
from pages import enum_page, resource
from starlette.testclient import TestClient

from generator.emit import emit_all
from generator.model.ir import Model, Operation
from generator.output.write import write_tree
from generator.service.serve import load_app

KEYED = '{"blockType": "resource", "@odata.type": "microsoft.graph.%s", "keyProperty": "id"}'
DERIVED = '{"blockType": "resource", "@odata.type": "microsoft.graph.%s", "baseType": "microsoft.graph.%s"}'


def api(
    title: str,
    requests: str,
    *,
    example: str = "",
    body: str = "",
    status: str = "200 OK",
    response: str = "",
    response_type: str = "",
    collection: bool | None = None,
    body_table: str = "",
    heading: str = "## HTTP request",
) -> str:
    """An API page: its request lines, then one example request and its response."""
    first = requests.splitlines()[0]
    method, path = first.split()[0], example or first.split()[1]
    annotation: dict[str, Any] = {"blockType": "response"}
    if response_type:
        annotation["@odata.type"] = response_type
    if collection is not None:
        annotation["isCollection"] = collection
    request_body = f"Content-Type: application/json\n\n{body}\n" if body else ""
    return f"""---
title: "{title}"
description: "{title}."
doc_type: apiPageType
---

# {title}

Namespace: microsoft.graph

{title}.

{heading}

<!-- {{ "blockType": "ignored" }} -->
```http
{requests}
```

## Request body
{body_table}

## Response

If successful, this method returns a `{status}` response code.

## Examples

### Request

<!-- {{ "blockType": "request", "name": "{title.lower().replace(' ', '_')}" }} -->
```http
{method} https://graph.microsoft.com/beta{path}
{request_body}```

### Response

<!-- {json.dumps(annotation)} -->
```http
HTTP/1.1 {status}
Content-Type: application/json

{response}
```
"""


def row(title: str, page: str, returns: str) -> tuple[str, str, str]:
    return (f"[{title}](../api/{page}.md)", returns, f"{title}.")


WIDGET = "[widget](widget.md)"
PAGES: dict[str, str | bytes] = {
    "resources/widget.md": resource(
        "widget",
        [
            ("id", "String", "Key."),
            ("name", "String", "Name."),
            ("size", "Int32", "Size."),
            ("state", "[widgetState](widgetstate.md)", "State."),
            ("files", "[fileInfo](fileinfo.md) collection", "Files."),
        ],
        relationships=[("parts", "[part](part.md) collection", "Parts."), ("photo", "[photo](photo.md)", "Photo.")],
        methods=[
            row("List widgets", "widget-list", f"{WIDGET} collection"),
            row("Create widget", "widget-post", WIDGET),
            row("Get widget", "widget-get", WIDGET),
            row("Update widget", "widget-update", WIDGET),
            row("Replace widget", "widget-replace", WIDGET),
            row("Delete widget", "widget-delete", "None"),
            row("Add part", "widget-post-parts", "None"),
            row("Remove part", "widget-delete-parts", "None"),
            row("Count widgets", "widget-count", "Int32"),
            row("Pause", "widget-pause", "None"),
            row("Usage", "widget-usage", "String"),
            row("List gadgets", "widget-list-gadgets", "[gadget](gadget.md) collection"),
            row("List parts", "widget-list-parts", "[part](part.md)"),  # the page answers a collection
            row("Upload photo", "widget-put-photo", "None"),
            row("Download photo", "widget-get-photo", "Stream"),
            row("Lost", "widget-lost", "None"),
        ],
        annotation=KEYED % "widget",
    ),
    "resources/gadget.md": resource("gadget", [("volts", "Int32", "Volts.")], annotation=DERIVED % ("gadget", "widget")),
    "resources/part.md": resource(
        "part",
        [("id", "String", "Key."), ("label", "String", "Label.")],
        methods=[row("Create part", "part-post", "[part](part.md)")],
        annotation=KEYED % "part",
    ),
    "resources/photo.md": resource("photo", [("id", "String", "Key.")], annotation=KEYED % "photo"),
    "resources/user.md": resource(
        "user",
        [("id", "String", "Key."), ("displayName", "String", "Name.")],
        relationships=[("widgets", f"{WIDGET} collection", "The user's widgets.")],
        methods=[row("Get user", "user-get", "[user](user.md)"), row("List my widgets", "user-list-widgets", f"{WIDGET} collection")],
        annotation=KEYED % "user",
    ),
    "resources/fileinfo.md": resource("fileInfo", [("fileName", "String", "Name."), ("bytes", "Int64", "Size.")]),
    "resources/widgetstate.md": enum_page("widgetState", [("active", "0", "On."), ("paused", "1", "Paused.")]),
    "api/widget-list.md": api(
        "List widgets",
        "GET /widgets",
        response='{"value": [{"id": "w1", "name": "first", "size": 3, "state": "active"}, {"id": "w2", "name": "second", "size": 1}]}',
        response_type="microsoft.graph.widget",
        collection=True,
    ),
    "api/widget-post.md": api(
        "Create widget",
        "POST /widgets",
        body='{"name": "made", "size": 2}',
        status="201 Created",
        response='{"id": "w9", "name": "made", "size": 2}',
        response_type="microsoft.graph.widget",
    ),
    "api/widget-get.md": api(
        "Get widget",
        "GET /widgets/{id}\nGET /widgets('{id}')",
        example="/widgets/w1",
        response='{"id": "w1", "name": "first", "size": 3, "state": "active"}',
        response_type="microsoft.graph.widget",
    ),
    "api/widget-update.md": api(
        "Update widget",
        "PATCH /widgets/{id}",
        example="/widgets/w1",
        body='{"size": 5, "files": [{"fileName": "a.txt"}]}',
        status="204 No Content",
        body_table=(
            "|Property|Type|Description|\n|:---|:---|:---|\n|name|String|Name.|\n|size|Int32|Size.|\n"
            "|files|[fileInfo](../resources/fileinfo.md) collection|Files.|\n|files/fileName|String|A file's name.|\n"
        ),
    ),
    "api/widget-replace.md": api("Replace widget", "PUT /widgets/{id}", example="/widgets/w2", body='{"name": "new"}', status="204 No Content"),
    "api/widget-delete.md": api("Delete widget", "DELETE /widgets/{id}", example="/widgets/w2", status="204 No Content"),
    "api/widget-post-parts.md": api(
        "Add part",
        "POST /widgets/{id}/parts/$ref",
        example="/widgets/w1/parts/$ref",
        body='{"@odata.id": "https://graph.microsoft.com/beta/parts/p1"}',
        status="204 No Content",
    ),
    "api/widget-delete-parts.md": api(
        "Remove part", "DELETE /widgets/{id}/parts/{part-id}/$ref", example="/widgets/w1/parts/p1/$ref", status="204 No Content"
    ),
    "api/widget-count.md": api("Count widgets", "GET /widgets/$count", response="2"),
    "api/widget-pause.md": api("Pause", "POST /widgets/{id}/pause", example="/widgets/w1/pause", status="204 No Content"),
    "api/widget-usage.md": api(
        "Usage",
        "GET /widgets/{id}/usage(period='{period}')",
        example="/widgets/w1/usage(period='D7')",
        response='{"value": "fine"}',
    ),
    "api/widget-list-gadgets.md": api(
        "List gadgets",
        "GET /widgets/microsoft.graph.gadget",
        response='{"value": []}',
        response_type="microsoft.graph.gadget",
        collection=True,
    ),
    "api/widget-list-parts.md": api(
        "List parts",
        "GET /widgets/{id}/parts",
        example="/widgets/w1/parts",
        response='{"value": [{"id": "p1", "label": "bolt"}]}',
        response_type="microsoft.graph.part",
    ),
    "api/widget-put-photo.md": api("Upload photo", "PUT /widgets/{id}/photo/$value", example="/widgets/w1/photo/$value", status="204 No Content"),
    "api/widget-get-photo.md": api("Download photo", "GET /widgets/{id}/photo/$value", example="/widgets/w1/photo/$value"),
    "api/widget-lost.md": api("Lost", "GET ** Collection URI for microsoft.graph.widget not found"),
    "api/part-post.md": api(
        "Create part",
        "POST /parts",
        body='{"label": "nut"}',
        status="201 Created",
        response='{"id": "p1", "label": "nut"}',
        response_type="microsoft.graph.part",
    ),
    "api/user-get.md": api(
        "Get user",
        "GET /users/{id}\nGET /me",
        example="/me",
        response='{"id": "u1", "displayName": "Ada"}',
        response_type="microsoft.graph.user",
    ),
    "api/user-list-widgets.md": api(
        "List my widgets",
        "GET /users/{id}/widgets\nGET /me/widgets",
        example="/me/widgets",
        response='{"value": [{"id": "mine", "name": "my widget"}]}',
        response_type="microsoft.graph.widget",
        collection=True,
    ),
    # no Methods table links it, and its request stands under no "HTTP request" heading
    "api/widget-spin.md": api("Spin widget", "POST /widgets/{id}/spin", example="/widgets/w1/spin", status="204 No Content", heading=""),
}


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    return model_of(tmp_path_factory.mktemp("docs"), PAGES)


@pytest.fixture(scope="module")
def client(model: Model, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    out = tmp_path_factory.mktemp("out") / "generated"
    write_tree(out, emit_all(model, ["models", "handlers", "schemas", "openapi"]))
    with TestClient(load_app(out), base_url="http://graph.localhost", raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def _fresh(request: pytest.FixtureRequest) -> None:
    if "client" in request.fixturenames:
        request.getfixturevalue("client").post("/_graphdoc/reset")


def by_name(model: Model) -> dict[str, Operation]:
    return {op.name: op for op in model.operations}


# -- what the model says ------------------------------------------------------------


def test_each_kind_is_read_from_method_path_and_status(model: Model) -> None:
    kinds = {name: op.kind for name, op in by_name(model).items()}
    assert kinds == {
        "List widgets": "list",
        "Create widget": "create",
        "Get widget": "get",
        "Update widget": "update",
        "Replace widget": "replace",
        "Delete widget": "delete",
        "Add part": "add-ref",
        "Remove part": "remove-ref",
        "Count widgets": "count",
        "Pause": "action",
        "Usage": "function",
        "List gadgets": "list",
        "List parts": "list",
        "Upload photo": "put-value",
        "Download photo": "get-value",
        "Create part": "create",
        "Get user": "get",
        "List my widgets": "list",
        "Spin widget": "action",
        "Lost": "action",  # its page gives no request: assumed from the type and the name
    }


def test_every_documented_path_is_an_operation_path(model: Model) -> None:
    ops = by_name(model)
    assert ops["Get widget"].paths == ("/widgets/{id}", "/widgets('{id}')")
    assert ops["List my widgets"].paths == ("/users/{id}/widgets", "/me/widgets")
    assert ops["Usage"].function_parameters == ("period",)
    assert ops["List gadgets"].paths == ("/widgets/microsoft.graph.gadget",)


def test_a_collection_answer_makes_a_list_and_the_disagreement_is_reported(model: Model) -> None:
    parts = by_name(model)["List parts"]
    assert parts.returns_collection and parts.returns == "microsoft.graph.part"
    assert "RETURNS_COLLECTION" in codes(model)


def test_a_line_that_is_not_a_request_never_becomes_a_route(model: Model) -> None:
    assert not any("*" in path for op in model.operations for path in op.paths)
    assert by_name(model)["Lost"].paths == ("/widget/{id}/lost",)  # assumed, and said so
    assert any(d.code == "NO_HTTP_REQUEST" and "assumed POST /widget/{id}/lost" in d.message for d in model.diagnostics)
    assert any(d.code == "BAD_HTTP_REQUEST" and d.path == "api/widget-lost.md" for d in model.diagnostics)


def test_an_unlisted_page_is_served_by_the_type_its_path_addresses(model: Model) -> None:
    spin = by_name(model)["Spin widget"]
    assert (spin.owner, spin.http_method, spin.paths) == ("microsoft.graph.widget", "POST", ("/widgets/{id}/spin",))
    assert any(d.code == "UNLISTED_API_PAGE" and d.path == "api/widget-spin.md" for d in model.diagnostics)


def test_nested_body_rows_describe_the_parent_object(model: Model) -> None:
    widget = model.get("microsoft.graph.widget")
    assert widget is not None
    assert [(p.name, p.type, p.collection) for p in widget.properties if p.name.startswith("files")] == [
        ("files", "microsoft.graph.fileInfo", True)
    ]
    assert by_name(model)["Update widget"].body == "microsoft.graph.widget"


def test_a_state_verb_says_what_an_action_changes(model: Model) -> None:
    assert [(e.path, e.value) for e in by_name(model)["Pause"].effects] == [(("state",), "paused")]


def test_a_create_makes_an_item_of_the_listed_collection(model: Model) -> None:
    create = by_name(model)["Create widget"]
    assert (create.item, create.key, create.body, create.status) == ("microsoft.graph.widget", "id", "microsoft.graph.widget", 201)


# -- what the mock answers -------------------------------------------------------------


def test_the_mock_starts_from_the_docs_examples(client: TestClient) -> None:
    listed = client.get("/widgets")
    assert listed.status_code == 200
    assert {w["id"] for w in listed.json()["value"]} >= {"w1", "w2"}
    assert client.get("/widgets/w1").json()["name"] == "first"
    assert client.get("/me").json()["displayName"] == "Ada"


def test_create_then_read_back_at_its_url(client: TestClient) -> None:
    made = client.post("/widgets", json={"name": "new one", "size": 4})
    assert made.status_code == 201, made.text
    key = made.json()["id"]
    assert made.headers["Location"].endswith(f"/widgets/{key}")
    assert client.get(f"/widgets/{key}").json()["name"] == "new one"
    assert client.get(f"/widgets('{key}')").json()["size"] == 4  # the key-in-parentheses path


def test_update_merges_and_replace_replaces(client: TestClient) -> None:
    assert client.patch("/widgets/w1", json={"size": 8, "files": [{"fileName": "b.txt"}]}).status_code == 204
    after = client.get("/widgets/w1").json()
    assert (after["name"], after["size"], after["files"]) == ("first", 8, [{"fileName": "b.txt"}])
    assert client.put("/widgets/w2", json={"name": "only"}).status_code == 204
    replaced = client.get("/widgets/w2").json()
    assert replaced["name"] == "only" and "size" not in replaced


def test_delete_removes(client: TestClient) -> None:
    assert client.delete("/widgets/w2").status_code == 204
    assert client.get("/widgets/w2").status_code == 404


def test_references_are_added_and_removed(client: TestClient) -> None:
    assert client.post("/widgets/w1/parts/$ref", json={"@odata.id": "https://graph.microsoft.com/beta/parts/p7"}).status_code == 204
    assert "p7" in {p["id"] for p in client.get("/widgets/w1/parts").json()["value"]}
    assert client.delete("/widgets/w1/parts/p7/$ref").status_code == 204
    assert "p7" not in {p["id"] for p in client.get("/widgets/w1/parts").json()["value"]}


def test_count_and_value(client: TestClient) -> None:
    count = client.get("/widgets/$count")
    assert count.status_code == 200 and int(count.text) == len(client.get("/widgets").json()["value"])
    assert client.put("/widgets/w1/photo/$value", content=b"\x89PNG", headers={"Content-Type": "image/png"}).status_code == 204
    stored = client.get("/widgets/w1/photo/$value")
    assert (stored.status_code, stored.content) == (200, b"\x89PNG")


def test_an_action_without_a_body_needs_no_content_type_and_has_its_effect(client: TestClient) -> None:
    response = client.post("/widgets/w1/pause")
    assert response.status_code == 204, response.text
    assert client.get("/widgets/w1").json()["state"] == "paused"


def test_function_parameters_quoted_or_not(client: TestClient) -> None:
    for path in ("/widgets/w1/usage(period='D7')", "/widgets/w1/usage(period=D7)"):
        assert client.get(path).status_code == 200, path


def test_a_cast_segment_narrows_the_list(client: TestClient) -> None:
    client.post("/widgets", json={"@odata.type": "#microsoft.graph.gadget", "id": "g1", "volts": 5})
    gadgets = client.get("/widgets/microsoft.graph.gadget")
    assert gadgets.status_code == 200
    assert [g["id"] for g in gadgets.json()["value"]] == ["g1"]


def test_me_is_one_configurable_user(client: TestClient) -> None:
    mine = client.get("/me/widgets").json()["value"]
    assert [w["id"] for w in mine] == ["mine"]
    assert client.get("/users/u1/widgets").json()["value"] == mine


def test_query_options_the_docs_state_for_every_api(client: TestClient) -> None:
    page = client.get("/widgets", params={"$top": "1", "$count": "true", "$orderby": "name desc", "$select": "name"})
    body = page.json()
    assert body["@odata.count"] >= 2 and len(body["value"]) == 1 and "@odata.nextLink" in body
    assert "name" in body["value"][0] and "size" not in body["value"][0]  # the key comes too, as in Graph
    second = client.get(body["@odata.nextLink"].removeprefix("http://graph.localhost")).json()
    assert second["value"] and second["value"][0] != body["value"][0]
    found = client.get("/widgets", params={"$filter": "name eq 'first'"}).json()["value"]
    assert [w["id"] for w in found] == ["w1"]
    refused = client.get("/widgets", params={"$apply": "groupby((name))"})
    assert refused.status_code == 400 and "$apply" in refused.json()["error"]["message"]


def test_an_unlisted_page_is_served(client: TestClient) -> None:
    assert client.post("/widgets/w1/spin").status_code == 204  # the status its page documents
    assert client.put("/widgets/w1/spin").status_code == 405  # routed: the method is what is wrong

"""Pages in the format the Graph docs have used since 2022 (written here for the tests).

The differences that matter: permissions come from an [!INCLUDE] under an
annotation of their own, sections of an API page nest at level 3 (### Request,
### Response, ### Example 2: ...), and tab groups carry each language's sample.
"""

from __future__ import annotations

from pathlib import Path

from conftest import codes, model_of
from pages import resource

WIDGET = resource(
    "widget",
    [("id", "String", "The identifier."), ("size", "Int32", "The size.")],
    annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id"}',
    methods=[
        ("[Get widget](../api/widget-get.md)", "[widget](widget.md)", "Read a widget."),
        ("[Spin widget](../api/widget-spin.md)", "[widget](widget.md)", "Spin a widget."),
    ],
)

GET = """---
title: "Get widget"
description: "Read the properties of a widget."
ms.localizationpriority: medium
doc_type: apiPageType
ms.date: 03/14/2025
---

# Get widget

Namespace: microsoft.graph

[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

Read the properties of a [widget](../resources/widget.md) object.

[!INCLUDE [national-cloud-support](../../includes/all-clouds.md)]

## Permissions

Choose the least privileged permission that works for your app.

<!-- { "blockType": "permissions", "name": "widget_get" } -->
[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]

## HTTP request

```http
GET /widgets/{widget-id}
```

## Request body

Don't supply a request body for this method.

## Response

If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.

### Example 1: Get a widget

#### Request

# [HTTP](#tab/http)
<!-- { "blockType": "request", "name": "get_widget" } -->
```http
GET https://graph.microsoft.com/beta/widgets/42
```

# [C#](#tab/csharp)
[!INCLUDE [sample-code](../includes/snippets/csharp/get-widget-csharp-snippets.md)]

---

#### Response

> [!NOTE]
> The response object shown here might be shortened for readability.

<!-- { "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.widget" } -->
```http
HTTP/1.1 200 OK
Content-Type: application/json

{"id": "42", "size": 3}
```

### Example 2: Get a widget's size

#### Request

```http
GET https://graph.microsoft.com/beta/widgets/42?$select=size
```

#### Response

```http
HTTP/1.1 200 OK
Content-Type: application/json

{"size": 3}
```
"""

SPIN = """---
title: "Spin widget"
doc_type: apiPageType
---

# Spin widget

Namespace: microsoft.graph

Spin a widget once.

## Permissions

<!-- { "blockType": "permissions", "name": "widget_spin" } -->
[!INCLUDE [permissions-table](../includes/permissions/widget-spin-permissions.md)]

## HTTP request

```http
POST /widgets/{widget-id}/spin
```

## Request body

Don't supply a request body for this method.

### Response

If successful, this action returns a `204 No Content` response code; it answers 200 with a body only when asked to.

## Example

### Request

<!-- { "blockType": "request", "name": "spin_widget" } -->
```http
POST https://graph.microsoft.com/beta/widgets/42/spin
```

### Response

<!-- { "blockType": "response" } -->
```http
HTTP/1.1 204 No Content
```
"""


def widget_model(tmp_path: Path):  # type: ignore[no-untyped-def]
    return model_of(
        tmp_path,
        {"resources/widget.md": WIDGET, "api/widget-get.md": GET, "api/widget-spin.md": SPIN},
    )


def test_a_permissions_annotation_does_not_take_the_request_block(tmp_path: Path) -> None:
    model = widget_model(tmp_path)
    widget = model.get("microsoft.graph.widget")
    assert widget is not None
    routes = {m.name: (m.http_method, m.path) for m in widget.methods}
    assert routes == {"Get widget": ("GET", "/widgets/{widget-id}"), "Spin widget": ("POST", "/widgets/{widget-id}/spin")}
    assert "NO_HTTP_REQUEST" not in codes(model) and "MISSING_API_PAGE" not in codes(model)


def test_level_3_response_gives_the_status(tmp_path: Path) -> None:
    widget = widget_model(tmp_path).get("microsoft.graph.widget")
    assert widget is not None
    assert {m.name: m.success_status for m in widget.methods} == {"Get widget": 200, "Spin widget": 204}


def test_examples_under_example_n_headings_are_kept(tmp_path: Path) -> None:
    model = widget_model(tmp_path)
    on_get = [e for e in model.examples if e.source.path == "api/widget-get.md"]
    assert [(e.kind, e.name, e.status) for e in on_get] == [
        ("request", "get_widget", None),
        ("response", "", 200),
        ("request", "", None),  # Example 2's blocks carry no annotation: their first lines say what they are
        ("response", "", 200),
    ]
    assert on_get[1].payload() == {"id": "42", "size": 3} and on_get[3].payload() == {"size": 3}


def test_includes_tabs_and_notes_are_not_the_description(tmp_path: Path) -> None:
    model = widget_model(tmp_path)
    get = next(m for m in model.get("microsoft.graph.widget").methods if m.name == "Get widget")  # type: ignore[union-attr]
    assert get.source is not None and get.source.path == "api/widget-get.md"
    assert not [d for d in model.diagnostics if d.severity != "info"]

"""Small pages in the Graph format, built for tests."""

from __future__ import annotations


def resource(
    name: str,
    properties: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    *,
    relationships: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    methods: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    annotation: str | None = None,
    json_block: str | None = None,
    inherits: str | None = None,
    namespace: str = "microsoft.graph",
) -> str:
    """A resource page; tables are (name, type cell, description) rows."""
    lines = [
        "---",
        f'title: "{name} resource type"',
        "doc_type: resourcePageType",
        "---",
        "",
        f"# {name} resource type",
        "",
        f"Namespace: {namespace}",
        "",
        f"Describes {name}.",
        "",
    ]
    if inherits:
        lines += [f"Inherits from [{inherits}]({inherits.lower()}.md).", ""]
    if methods:
        lines += ["## Methods", "|Method|Return type|Description|", "|:---|:---|:---|"]
        lines += [f"|{a}|{b}|{c}|" for a, b, c in methods] + [""]
    lines += ["## Properties", "|Property|Type|Description|", "|:---|:---|:---|"]
    lines += [f"|{a}|{b}|{c}|" for a, b, c in properties] + [""]
    if relationships:
        lines += ["## Relationships", "|Relationship|Type|Description|", "|:---|:---|:---|"]
        lines += [f"|{a}|{b}|{c}|" for a, b, c in relationships] + [""]
    if annotation is None:
        annotation = f'{{"blockType": "resource", "@odata.type": "{namespace}.{name}"}}'
    lines += ["## JSON representation", "", f"<!-- {annotation} -->", "```json"]
    lines += [json_block if json_block is not None else "{}", "```", ""]
    return "\n".join(lines)


def enum_page(name: str, members: list[tuple[str, str, str]]) -> str:
    lines = [
        "---",
        f'title: "{name} enum type"',
        "doc_type: enumPageType",
        "---",
        "",
        f"# {name} enum type",
        "",
        "Namespace: microsoft.graph",
        "",
        f"Values of {name}.",
        "",
        "## Members",
        "|Member|Value|Description|",
        "|:---|:---|:---|",
    ]
    lines += [f"|{a}|{b}|{c}|" for a, b, c in members]
    return "\n".join(lines) + "\n"


def api_page(title: str, request: str, *, body: str = "", response: str = "", status: str = "200 OK", extra: str = "") -> str:
    return f"""---
title: "{title}"
doc_type: apiPageType
---

# {title}

Namespace: microsoft.graph

Does {title}.

## HTTP request
<!-- {{ "blockType": "ignored" }} -->
```http
{request}
```

{extra}

## Response

If successful, this method returns a `{status}` response code.

## Examples

### Request
<!-- {{ "blockType": "request", "name": "example_request" }} -->
```http
{request.splitlines()[0].split()[0]} https://graph.microsoft.com/beta{request.splitlines()[0].split()[1]}
Content-type: application/json

{body}
```

### Response
<!-- {{ "blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.thing" }} -->
```http
HTTP/1.1 {status}
Content-type: application/json

{response}
```
"""


# The documented base entity, keyed by id, as Graph's pages give it.
ENTITY = resource(
    "entity",
    [("id", "String", "Identifier.")],
    annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id"}',
)

# A base type, a derived one, and a type holding base-typed values: for polymorphism tests.
SHAPES = {
    "resources/shape.md": resource("shape", [("name", "String", "Name.")]),
    "resources/circle.md": resource(
        "circle",
        [("radius", "Double", "Radius.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.circle", "baseType": "microsoft.graph.shape"}',
    ),
    "resources/drawing.md": resource("drawing", [("shapes", "[shape](shape.md) collection", "Shapes.")]),
}

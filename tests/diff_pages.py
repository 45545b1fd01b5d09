"""Two small docs trees for graphdoc diff: a base, and the same with one change made.

``base()`` documents a widget (an entity with properties of each kind, relationships and
six operations), the shapes of ``pages.SHAPES``, a person and a derived special person,
a color enum and a spare complex type nobody uses. Each builder takes what a change
alters, so a test says only that.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pages import ENTITY, SHAPES, resource

Row = tuple[str, str, str]

PROPERTIES: list[Row] = [
    ("name", "String", "Name."),
    ("size", "Int32", "Size."),
    ("tags", "String collection", "Tags."),
    ("color", "[color](color.md)", "Color."),
    ("mood", "String", "Mood."),
    ("ref", "String", "Reference."),
    ("state", "String", "State. Read-only."),
    ("code", "String", "Code. Not nullable."),
    ("outline", "[shape](shape.md)", "Outline."),
]
RELATIONSHIPS: list[Row] = [
    ("parts", "[part](part.md) collection", "Parts."),
    ("owner", "[person](person.md)", "Owner."),
]
METHODS: list[Row] = [
    ("[Get widget](../api/widget-get.md)", "[widget](widget.md)", "Get one."),
    ("[List widgets](../api/widget-list.md)", "[widget](widget.md) collection", "List them."),
    ("[reset](../api/widget-reset.md)", "None", "Reset one."),
    ("[Update widget](../api/widget-update.md)", "None", "Update one."),
    ("[measure](../api/widget-measure.md)", "Double", "Measure one."),
    ("[Get owner](../api/widget-get-owner.md)", "[person](person.md)", "Its owner."),
]
PERMISSIONS: list[tuple[str, str]] = [
    ("Delegated (work or school account)", "Widget.Read, Widget.ReadWrite.All"),
    ("Delegated (personal Microsoft account)", "Not supported."),
    ("Application", "Widget.ReadWrite.All"),
]
HEADERS: list[tuple[str, str]] = [("Authorization", "Bearer {token}. Required.")]
PARAMETERS: list[Row] = [("mode", "String", "Mode."), ("force", "Boolean", "Force. Optional.")]


def annotation(name: str, namespace: str = "microsoft.graph", **more: object) -> str:
    return json.dumps({"blockType": "resource", "@odata.type": f"{namespace}.{name}", **more})


def entity_type(name: str, properties: Sequence[Row] = (), *, base: str = "entity", **more: object) -> str:
    """An entity type deriving from ``base`` (keyed by id through ``entity``)."""
    return resource(name, list(properties), annotation=annotation(name, baseType=f"microsoft.graph.{base}", **more))


def widget(
    properties: Sequence[Row] = PROPERTIES,
    relationships: Sequence[Row] = RELATIONSHIPS,
    methods: Sequence[Row] = METHODS,
    **more: object,
) -> str:
    more.setdefault("baseType", "microsoft.graph.entity")
    return resource("widget", list(properties), relationships=list(relationships), methods=list(methods), annotation=annotation("widget", **more))


def enum(name: str, members: Sequence[tuple[str, int]], description: str = "") -> str:
    lines = ["---", f'title: "{name} enum type"', "doc_type: enumPageType", "---", "", f"# {name} enum type", ""]
    lines += ["Namespace: microsoft.graph", "", description or f"Values of {name}.", "", "## Members"]
    lines += ["|Member|Value|Description|", "|:---|:---|:---|", *(f"|{m}|{v}|The {m} value.|" for m, v in members)]
    return "\n".join(lines) + "\n"


def api(
    title: str,
    *requests: str,
    permissions: Sequence[tuple[str, str]] = PERMISSIONS,
    headers: Sequence[tuple[str, str]] = HEADERS,
    parameters: Sequence[Row] = (),
    body: str | None = None,
    status: str = "200 OK",
) -> str:
    """An API page: its Permissions, HTTP request, Request headers, Request body and Response."""
    method, path = requests[0].split(" ", 1)
    lines = ["---", f'title: "{title}"', "doc_type: apiPageType", "---", "", f"# {title}", "", "Namespace: microsoft.graph", ""]
    lines += [f"Does {title}.", ""]
    if permissions:
        lines += ["## Permissions", "", "|Permission type|Permissions (from least to most privileged)|", "|:---|:---|"]
        lines += [f"|{kind}|{names}|" for kind, names in permissions] + [""]
    lines += ["## HTTP request", '<!-- { "blockType": "ignored" } -->', "```http", *requests, "```", ""]
    if headers:
        lines += ["## Request headers", "|Name|Description|", "|:---|:---|", *(f"|{h}|{d}|" for h, d in headers), ""]
    lines += ["## Request body", ""]
    if parameters:
        lines += ["|Parameter|Type|Description|", "|:---|:---|:---|", *(f"|{a}|{b}|{c}|" for a, b, c in parameters), ""]
    elif body:
        lines += [f"In the request body, supply a JSON representation of a [{body}](../resources/{body.lower()}.md) object.", ""]
    else:
        lines += ["Do not supply a request body for this method.", ""]
    lines += ["## Response", "", f"If successful, this method returns a `{status}` response code.", ""]
    lines += ["## Examples", "", "### Request", '<!-- { "blockType": "request", "name": "example" } -->', "```http"]
    lines += [f"{method} https://graph.microsoft.com/beta{path.split('(')[0].replace('{id}', '1')}", "```", ""]
    return "\n".join(lines)


def base() -> dict[str, str]:
    return {
        "resources/entity.md": ENTITY,
        **SHAPES,
        "resources/widget.md": widget(),
        "resources/part.md": entity_type("part", [("label", "String", "Label.")]),
        "resources/person.md": entity_type("person", [("alias", "String", "Alias.")]),
        "resources/specialperson.md": entity_type("specialPerson", [("badge", "String", "Badge.")], base="person"),
        "resources/color.md": enum("color", [("red", 0), ("green", 1)]),
        "resources/spare.md": resource("spare", [("serial", "String", "Serial."), ("batch", "Int32", "Batch.")]),
        "api/widget-get.md": api("Get widget", "GET /widgets/{id}"),
        "api/widget-list.md": api("List widgets", "GET /widgets"),
        "api/widget-reset.md": api("reset", "POST /widgets/{id}/reset", parameters=PARAMETERS, status="204 No Content"),
        "api/widget-update.md": api("Update widget", "PATCH /widgets/{id}", body="widget", status="204 No Content"),
        "api/widget-measure.md": api("measure", "GET /widgets/{id}/measure(unit='{unit}')"),
        "api/widget-get-owner.md": api("Get owner", "GET /widgets/{id}/owner"),
    }


def replaced(rows: Sequence[Row], name: str, row: Row | None) -> list[Row]:
    """``rows`` with the row named ``name`` replaced by ``row`` (or dropped)."""
    return [r if r[0] != name else row for r in rows if r[0] != name or row is not None]  # type: ignore[misc]

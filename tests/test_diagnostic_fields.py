"""Diagnostics say what they are about beside the message: the type, the property (or
member, or method), and where a value is read or compared, the two values. A tool that
filters lint's JSON by type or property must find every resolve diagnostic so marked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import write_docs
from generator.base.diagnostics import Diagnostic
from generator.model.names import python_names
from generator.pipeline import build_model
from pages import ENTITY, api_page, enum_page, resource

G = "microsoft.graph."

PAGES: dict[str, str | bytes] = {
    "resources/entity.md": ENTITY,
    # an id and relationships but no key (KEY_ASSUMED), and a row for most of the table conventions
    "resources/widget.md": resource(
        "widget",
        [
            ("id", "String", "Id."),
            ("size", "Int32", "Size."),
            ("size", "Int32", "Size, again."),  # DUPLICATE_PROPERTY
            ("gear", "[gizmo](gizmo.md)", "A gizmo."),  # UNKNOWN_TYPE: no such page
            ("mood", "moodKind", "Possible values are: `calm`, `angry`."),  # INLINE_ENUM
            ("shade", "String", "Possible values are: `light`, `dark`."),  # ENUM_FROM_VALUES: widgetShade's
        ],
        relationships=[("parts", "[part](part.md) collection", "Its parts.")],
        methods=[
            ("[Get widget](../api/widget-get.md)", "[widget](widget.md)", "Read one."),  # MISSING_API_PAGE
            ("[List widgets](../api/widget-list.md)", "[widget](widget.md)", "List them."),  # RETURNS_COLLECTION
        ],
        json_block='{"id": "String", "size": 1024, "shade": "String", "extra": "String"}',  # JSON_ONLY_PROPERTY extra, TABLE_ONLY_PROPERTY gear, mood
    ),
    "resources/widgetshade.md": enum_page("widgetShade", [("light", "0", "Light."), ("dark", "1", "Dark.")]),
    "resources/part.md": resource("part", [("weight", "Int32", "Weight.")]),  # ENTITY_FROM_RELATIONSHIP
    "resources/circle.md": resource(  # UNKNOWN_BASE_TYPE
        "circle",
        [("radius", "Double", "Radius.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.circle", "baseType": "microsoft.graph.shapeless"}',
    ),
    "resources/label.md": resource("label", [("fooBar", "String", "One."), ("foo_bar", "String", "Two.")]),  # NAME_COLLISION
    "api/widget-list.md": api_page("List widgets", "GET /widgets", response='{"value": [{"id": "1"}]}'),
    "api/part-delete.md": api_page("Delete part", "DELETE /parts/{id}", status="204 No Content"),  # UNLISTED_API_PAGE
}

# code -> the (type, property) of each of its diagnostics on PAGES
ABOUT: dict[str, set[tuple[str, str]]] = {
    "DUPLICATE_PROPERTY": {(G + "widget", "size")},
    "UNKNOWN_TYPE": {(G + "widget", "gear")},
    "INLINE_ENUM": {(G + "widget", "mood")},
    "ENUM_FROM_VALUES": {(G + "widget", "shade")},
    "KEY_ASSUMED": {(G + "widget", "id")},
    "ENTITY_FROM_RELATIONSHIP": {(G + "part", "id")},
    "MISSING_API_PAGE": {(G + "widget", "Get widget")},
    "RETURNS_COLLECTION": {(G + "widget", "List widgets")},
    "JSON_ONLY_PROPERTY": {(G + "widget", "extra")},
    "TABLE_ONLY_PROPERTY": {  # the other pages' JSON blocks are empty
        *((G + "widget", name) for name in ("gear", "mood")),
        *((G + "label", name) for name in ("fooBar", "foo_bar")),
        (G + "entity", "id"),
        (G + "part", "weight"),
        (G + "circle", "radius"),
    },
    "UNKNOWN_BASE_TYPE": {(G + "circle", "")},
    "UNLISTED_API_PAGE": {(G + "part", "Delete part")},
}


def about(diagnostics: list[Diagnostic], code: str) -> set[tuple[str, str]]:
    return {(d.type, d.property) for d in diagnostics if d.code == code}


def test_resolve_diagnostics_name_their_type_and_property(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", PAGES)
    model = build_model(docs)
    diagnostics = list(model.diagnostics)
    assert {code: about(diagnostics, code) for code in ABOUT} == ABOUT
    # where a value is read as another, the page's word and what the model has
    by_code = {d.code: d for d in diagnostics}
    assert (by_code["UNKNOWN_TYPE"].expected, by_code["UNKNOWN_TYPE"].found) == ("gizmo", "Edm.Untyped")
    assert (by_code["INLINE_ENUM"].expected, by_code["INLINE_ENUM"].found) == ("moodKind", G + "moodKind")
    assert (by_code["ENUM_FROM_VALUES"].expected, by_code["ENUM_FROM_VALUES"].found) == ("Edm.String", G + "widgetShade")
    assert (by_code["RETURNS_COLLECTION"].expected, by_code["RETURNS_COLLECTION"].found) == (G + "widget", G + "widget collection")
    assert by_code["UNKNOWN_BASE_TYPE"].expected == G + "shapeless"
    assert by_code["MISSING_API_PAGE"].found.startswith("GET /widget")
    # the generated code's names: the attribute that had to differ
    (collision,) = [d for d in python_names(model).diagnostics if d.code == "NAME_COLLISION"]
    assert (collision.type, collision.property, collision.expected) == (G + "label", "foo_bar", "foo_bar")
    assert collision.found != collision.expected

    lint = subprocess.run(
        [sys.executable, "-m", "generator", "lint", str(docs), "--format", "json", "--severity", "info", "-q"], check=False, capture_output=True, text=True
    )
    assert lint.returncode in (0, 1), lint.stderr
    shown = json.loads(lint.stdout)
    unknown = [d for d in shown if d["code"] == "UNKNOWN_TYPE"]
    assert [(d["type"], d["property"], d["expected"], d["found"]) for d in unknown] == [(G + "widget", "gear", "gizmo", "Edm.Untyped")]
    assert {(d["type"], d["property"]) for d in shown if d["code"] == "NAME_COLLISION"} == {(G + "label", "foo_bar")}
    assert not any("property" in d for d in shown if d["code"] == "UNKNOWN_BASE_TYPE")  # empty fields are left out

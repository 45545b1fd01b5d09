"""Quirks of real pages, each read as a person would read it."""

from __future__ import annotations

from pathlib import Path

from conftest import codes, model_of
from pages import ENTITY, api_page, enum_page, resource


def test_api_page_quirks(tmp_path: Path) -> None:
    page = """
    ---
    title: "Get thing"
    doc_type: apiPageType
    ---
    # Get thing

    Namespace: microsoft.graph

    ## HTTP request

    # [HTTP](#tab/http)
    <!-- { "blockType": "ignored" } -->
    ```http
    GET /users/{id | userPrincipalName}/things/{thing-id}
    or
    GET/me/things/{thing-id}
    ```

    ```http
    GET /groups/{id}/things/{thing-id}
    ```

    ## Response

    If successful, this method returns a `204, No Content` response code.

    ## Example

    ### Request
    ```http
    GET https://graph.microsoft.com/beta/me/things/1
    ```

    ### Response
    ```http
    HTTP/1.1 200 OK
    Content-type: application/json

    {"name": "x"}
    ```
    """
    thing = resource(
        "thing",
        [("name", "String", "Name.")],
        methods=[("[Get thing](../api/thing-get.md)", "[thing](thing.md)", "Get it."), ("**Reading**", "", "")],
    )
    model = model_of(tmp_path, {"resources/thing.md": thing, "api/thing-get.md": page})
    t = model.get("microsoft.graph.thing")
    assert t is not None and [m.name for m in t.methods] == ["Get thing"]  # the label row is no method
    get = t.methods[0]
    assert get.paths == ("/users/{id|userPrincipalName}/things/{thing-id}", "/me/things/{thing-id}", "/groups/{id}/things/{thing-id}")
    assert get.success_status == 204
    examples = model.examples_of(get)
    assert [(e.kind, e.http_method, e.status) for e in examples] == [("request", "GET", None), ("response", None, 200)]
    assert examples[1].payload() == {"name": "x"} and examples[1].type is None
    assert "NO_HTTP_REQUEST" not in codes(model) and "BAD_HTTP_REQUEST" not in codes(model)


def test_description_skips_disclaimer_and_derived_from_in_text(tmp_path: Path) -> None:
    page = resource("child", [("x", "String", "X.")]).replace(
        "Describes child.",
        "> **Important:** APIs under /beta are subject to change.\n\nA child thing. Derived from [entity](entity.md).",
    )
    model = model_of(tmp_path, {"resources/entity.md": ENTITY, "resources/child.md": page})
    child = model.get("microsoft.graph.child")
    assert child is not None and child.description.startswith("A child thing.")
    assert child.base_type == "microsoft.graph.entity"


def test_folder_decides_page_kind_over_doc_type(tmp_path: Path) -> None:
    page = resource("odd", [("x", "Int32", "X.")]).replace("doc_type: resourcePageType", "doc_type: apiPageType")
    model = model_of(tmp_path, {"resources/odd.md": page})
    assert model.get("microsoft.graph.odd") is not None


def test_broken_row_and_side_tables(tmp_path: Path) -> None:
    page = resource(
        "row",
        [("name", "String", "Name, which goes on"), ("The rest of the sentence.", "", ""), ("@microsoft.graph.x", "String", "Annotation.")],
    )
    page += "\n### Properties of a policy definition\n|Property|Type|Description|\n|:--|:--|:--|\n|Version|Int32|Not a property of row.|\n"
    model = model_of(tmp_path, {"resources/row.md": page})
    row = model.get("microsoft.graph.row")
    assert row is not None and [(p.name, p.description) for p in row.properties] == [("name", "Name, which goes on The rest of the sentence.")]
    assert "ROW_JOINED" in codes(model)


def test_entity_read_from_id_and_methods(tmp_path: Path) -> None:
    page = resource("loose", [("id", "String", "Id."), ("a", "String", "A.")], relationships=[("more", "[loose](loose.md)", "More.")])
    model = model_of(tmp_path, {"resources/loose.md": page})
    loose = model.get("microsoft.graph.loose")
    assert loose is not None and loose.kind == "entity" and loose.key_property == "id"
    assert "KEY_ASSUMED" in codes(model)


def test_key_in_annotation_but_in_no_table(tmp_path: Path) -> None:
    page = resource(
        "keyed",
        [("a", "String", "A.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.keyed", "keyProperty": "id"}',
    )
    model = model_of(tmp_path, {"resources/keyed.md": page})
    keyed = model.get("microsoft.graph.keyed")
    assert keyed is not None and [(p.name, p.nullable) for p in keyed.properties] == [("id", False), ("a", True)]


def test_more_specific_base_wins(tmp_path: Path) -> None:
    operation = resource("operation", [("state", "String", "")], inherits="entity")
    special = resource(
        "special",
        [("extra", "String", "")],
        inherits="operation",
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.special", "baseType": "microsoft.graph.entity"}',
    )
    model = model_of(tmp_path, {"resources/entity.md": ENTITY, "resources/operation.md": operation, "resources/special.md": special})
    s = model.get("microsoft.graph.special")
    assert s is not None and s.base_type == "microsoft.graph.operation"
    assert "BASE_TYPE_MISMATCH" in codes(model)


def test_inline_values_reuse_a_documented_enum(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/level.md": enum_page("level", [("low", "0", ""), ("high", "1", "")]),
            "resources/gauge.md": resource("gauge", [("reading", "String", "Possible values are: `low`, `high`. Use `eq` to filter.")]),
        },
    )
    gauge = model.get("microsoft.graph.gauge")
    assert gauge is not None and gauge.properties[0].type == "microsoft.graph.level"
    assert model.get("microsoft.graph.gaugeReading") is None


def test_json_placeholder_keys_are_not_properties(tmp_path: Path) -> None:
    page = resource("bag", [("a", "String", "A.")], json_block='{"a": "String", "fbab97d0-4932": "String", "A": "String"}')
    model = model_of(tmp_path, {"resources/bag.md": page})
    bag = model.get("microsoft.graph.bag")
    assert bag is not None and [p.name for p in bag.properties] == ["a"]


def test_examples_of_an_unlinked_api_page_are_kept(tmp_path: Path) -> None:
    page = api_page("List things", "GET /things", response='{"value": []}')
    model = model_of(tmp_path, {"api/thing-list.md": page})
    assert [e.kind for e in model.examples] == ["request", "response"]


def test_an_unquoted_time_in_a_json_example_reads_as_a_string(tmp_path: Path) -> None:
    """reportroot-getteamsuseractivityuserdetail.md writes ``"audioDuration": 00:00:00`` in a
    response that is ``{"value": [...]}``: read as meant, the operation answers a collection."""
    from generator.parse.lenient_json import loads

    assert loads('{"value": [{"audioDuration": 00:00:00, "at": 12:30, "count": 2}]}') == (
        {"value": [{"audioDuration": "00:00:00", "at": "12:30", "count": 2}]},
        ["unquoted text read as a string"],
    )
    page = api_page("List things", "GET /things", response='{"value": [{"took": 00:01:30.5}]}')
    model = model_of(tmp_path, {"api/thing-list.md": page})
    assert [e.payload() for e in model.examples if e.kind == "response"] == [{"value": [{"took": "00:01:30.5"}]}]
    assert "JSON_INVALID" not in {d.code for d in model.diagnostics}

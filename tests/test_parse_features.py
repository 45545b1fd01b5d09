"""Each format feature the parser reads, shown on a small page."""

from __future__ import annotations

from pathlib import Path

from conftest import codes, model_of
from pages import api_page, enum_page, resource

ENTITY = resource(
    "entity",
    [("id", "String", "Unique identifier. Read-only.")],
    annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id", "abstract": true}',
    json_block='{"id": "String (identifier)"}',
)


def test_primitive_link_and_collection_cells(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/thing.md": resource(
                "thing",
                [
                    ("name", "String", "The name."),
                    ("count", "Int64", "How many."),
                    ("when", "DateTimeOffset", "When it happened."),
                    ("span", "Duration", "How long."),
                    ("tags", "String collection", "Tags."),
                    ("parts", "[part](part.md) collection", "Parts."),
                    ("more", "Collection([part](part.md))", "More parts."),
                    ("qualified", "microsoft.graph.part", "A qualified name."),
                    ("ids", "Collection(Edm.Guid)", "Guids."),
                ],
            ),
            "resources/part.md": resource("part", [("label", "String", "A label.")]),
        },
    )
    thing = model.get("microsoft.graph.thing")
    assert thing is not None
    types = {p.name: (p.type, p.collection) for p in thing.properties}
    assert types == {
        "name": ("Edm.String", False),
        "count": ("Edm.Int64", False),
        "when": ("Edm.DateTimeOffset", False),
        "span": ("Edm.Duration", False),
        "tags": ("Edm.String", True),
        "parts": ("microsoft.graph.part", True),
        "more": ("microsoft.graph.part", True),
        "qualified": ("microsoft.graph.part", False),
        "ids": ("Edm.Guid", True),
    }
    assert thing.kind == "complex"


def test_enum_page_with_members_table(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {"resources/color.md": enum_page("color", [("red", "0", "Red."), ("green", "1", "Green."), ("blue", "4", "Blue.")])},
    )
    color = model.get("microsoft.graph.color")
    assert color is not None and color.kind == "enum"
    assert [(m.name, m.value, m.description) for m in color.members] == [
        ("red", 0, "Red."),
        ("green", 1, "Green."),
        ("blue", 4, "Blue."),
    ]


def test_enum_sections_on_a_values_page(tmp_path: Path) -> None:
    page = """
    ---
    title: "Enum values"
    doc_type: enumPageType
    ---
    # Enum values

    Namespace: microsoft.graph

    ### alpha values

    |Member|
    |:---|
    |one|
    |two|

    ### beta values

    |Member|Value|
    |:---|:---|
    |x|1|
    """
    model = model_of(tmp_path, {"resources/enums.md": page})
    alpha, beta = model.get("microsoft.graph.alpha"), model.get("microsoft.graph.beta")
    assert alpha is not None and [(m.name, m.value) for m in alpha.members] == [("one", 0), ("two", 1)]
    assert beta is not None and [(m.name, m.value) for m in beta.members] == [("x", 1)]


def test_possible_values_of_a_string_stay_a_string_with_its_values(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/status.md": resource(
                "status",
                [("code", "String", "The code. Possible values are: `NotRun`, `Active`, `Paused`.")],
            )
        },
    )
    status = model.get("microsoft.graph.status")
    assert status is not None
    assert (status.properties[0].type, status.properties[0].values) == ("Edm.String", ("NotRun", "Active", "Paused"))
    assert model.get("microsoft.graph.statusCode") is None  # no enum is made up
    assert "INLINE_ENUM" not in codes(model)


def test_possible_values_of_a_documented_enum_are_that_enum(tmp_path: Path) -> None:
    from pages import enum_page

    model = model_of(
        tmp_path,
        {
            "resources/status.md": resource(
                "status",
                [
                    ("code", "String", "Possible values are: `NotRun`, `Active`."),  # the members of 'phase'
                    ("mode", "String", "Possible values are: `on`, `off`."),  # an enum named statusMode
                ],
            ),
            "resources/phase.md": enum_page("phase", [("NotRun", "0", ""), ("Active", "1", "")]),
            "resources/statusmode.md": enum_page("statusMode", [("on", "0", ""), ("off", "1", ""), ("auto", "2", "")]),
        },
    )
    status = model.get("microsoft.graph.status")
    assert status is not None
    assert [(p.name, p.type, p.values) for p in status.properties] == [
        ("code", "microsoft.graph.phase", ()),
        ("mode", "microsoft.graph.statusMode", ()),
    ]
    assert codes(model).count("ENUM_FROM_VALUES") == 2


def test_values_for_an_undocumented_type_named_in_the_cell_are_that_enum(tmp_path: Path) -> None:
    page = resource("device", [("kind", "deviceKind", "Possible values are: `phone`, `tablet`.")])
    model = model_of(tmp_path, {"resources/device.md": page})
    kind = model.get("microsoft.graph.deviceKind")
    assert kind is not None and [m.name for m in kind.members] == ["phone", "tablet"]
    assert "INLINE_ENUM" in codes(model)


def test_inline_values_without_backticks(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {"resources/x.md": resource("x", [("mode", "String", "Possible values are: on, off, or auto. More text.")])},
    )
    x = model.get("microsoft.graph.x")
    assert x is not None and x.properties[0].values == ("on", "off", "auto")


def test_abstract_base_and_derived_type(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/job.md": resource(
                "job",
                [("id", "String", "Inherited from entity."), ("state", "String", "State.")],
                inherits="entity",
                annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.job", "baseType": "microsoft.graph.entity", "keyProperty": "id"}',
                json_block='{"id": "String (identifier)", "state": "String"}',
            ),
        },
    )
    entity, job = model.get("microsoft.graph.entity"), model.get("microsoft.graph.job")
    assert entity is not None and entity.abstract and entity.kind == "entity" and entity.key_property == "id"
    assert entity.properties[0].read_only and not entity.properties[0].nullable
    assert job is not None and job.base_type == "microsoft.graph.entity" and job.kind == "entity"
    # A type lists what it declares, not what it inherits.
    assert [p.name for p in job.properties] == ["state"]
    assert [t.full_name for t in model.ancestors("microsoft.graph.job")] == ["microsoft.graph.entity"]


def test_inherits_line_alone_sets_the_base(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {"resources/entity.md": ENTITY, "resources/item.md": resource("item", [("size", "Int32", "Size.")], inherits="entity")},
    )
    item = model.get("microsoft.graph.item")
    assert item is not None and item.base_type == "microsoft.graph.entity" and item.kind == "entity"


def test_open_type_and_navigation_properties(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/bag.md": resource(
                "bag",
                [("key", "String", "Key.")],
                annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.bag", "openType": true}',
            ),
            "resources/owner.md": resource(
                "owner",
                [("bags", "[bag](bag.md) collection", "Bags.")],
                relationships=[("items", "[owner](owner.md) collection", "Children."), ("parent", "[owner](owner.md)", "Parent.")],
                inherits="entity",
            ),
        },
    )
    bag, owner = model.get("microsoft.graph.bag"), model.get("microsoft.graph.owner")
    assert bag is not None and bag.open_type
    assert owner is not None
    assert [(n.name, n.type, n.collection) for n in owner.navigation_properties] == [
        ("items", "microsoft.graph.owner", True),
        ("parent", "microsoft.graph.owner", False),
    ]
    assert owner.properties[0].collection and owner.properties[0].type == "microsoft.graph.bag"


def test_annotation_and_json_block_read_as_meant(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/loose.md": resource(
                "loose",
                [("a", "String", "A."), ("b", "Boolean", "B.")],
                annotation='{\n  "blockType": "resource",\n  "@type": "microsoft.graph.loose", // a comment\n  "optionalProperties": [\n  ],\n}',
                json_block='{\n  "a": "String",\n  "b": true,\n  "c": 42,\n}',
            )
        },
    )
    loose = model.get("microsoft.graph.loose")
    assert loose is not None
    assert {p.name: p.type for p in loose.properties} == {"a": "Edm.String", "b": "Edm.Boolean", "c": "Edm.Int32"}
    assert {"ANNOTATION_REPAIRED", "JSON_REPAIRED", "JSON_ONLY_PROPERTY"} <= set(codes(model))


def test_table_wins_over_json_block(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/part.md": resource("part", [("x", "String", "X.")]),
            "resources/m.md": resource(
                "m",
                [("p", "[part](part.md)", "P."), ("only", "String", "Only here.")],
                json_block='{"p": [{"@odata.type": "microsoft.graph.part"}]}',
            ),
        },
    )
    m = model.get("microsoft.graph.m")
    assert m is not None and (m.properties[0].type, m.properties[0].collection) == ("microsoft.graph.part", False)
    diagnostics = {d.code: d for d in model.diagnostics}
    assert "TABLE_JSON_TYPE_MISMATCH" in diagnostics and "TABLE_ONLY_PROPERTY" in diagnostics
    assert diagnostics["TABLE_JSON_TYPE_MISMATCH"].path == "resources/m.md"


def test_not_nullable_and_read_only(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {"resources/n.md": resource("n", [("a", "String", "Required. Not nullable."), ("b", "String", "Read-only."), ("c", "String", "")])},
    )
    n = model.get("microsoft.graph.n")
    assert n is not None
    assert [(p.name, p.nullable, p.read_only) for p in n.properties] == [("a", False, False), ("b", True, True), ("c", True, False)]


def test_methods_meet_their_api_pages(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/thing.md": resource(
                "thing",
                [("name", "String", "Name.")],
                inherits="entity",
                methods=[
                    ("[List things](../api/thing-list.md)", "[thing](thing.md) collection", "List them."),
                    ("[Create thing](../api/thing-post.md)", "[thing](thing.md)", "Make one."),
                    ("[start](../api/thing-start.md)", "None", "Start it."),
                    ("[Missing](../api/thing-missing.md)", "None", "No page."),
                ],
            ),
            "api/thing-list.md": api_page("List things", "GET /things", response='{"value": []}'),
            "api/thing-post.md": api_page(
                "Create thing",
                "POST /things/",
                body='{"name": "a"}',
                response='{"id": "1", "name": "a"}',
                status="201 Created",
                extra="## Request body\nSupply a JSON representation of a [thing](../resources/thing.md) object.\n",
            ),
            "api/thing-start.md": api_page(
                "start",
                "POST /things/{thingId}/start\nPOST /me/things/{thingId}/start",
                body='{"force": true}',
                status="204 No Content",
                extra="## Request body\n|Parameter|Type|Description|\n|:--|:--|:--|\n|force|Boolean|Force it.|\n",
            ),
        },
    )
    thing = model.get("microsoft.graph.thing")
    assert thing is not None
    listed, create, start, missing = thing.methods
    assert (listed.http_method, listed.path, listed.return_type, listed.returns_collection) == (
        "GET",
        "/things",
        "microsoft.graph.thing",
        True,
    )
    assert (create.http_method, create.path, create.success_status, create.request_body_type) == (
        "POST",
        "/things",
        201,
        "microsoft.graph.thing",
    )
    assert start.paths == ("/things/{thingId}/start", "/me/things/{thingId}/start")
    assert [(p.name, p.type) for p in start.parameters] == [("force", "Edm.Boolean")]
    assert start.success_status == 204 and start.return_type is None
    request, response = model.examples_of(create)
    assert request.kind == "request" and request.payload() == {"name": "a"} and request.http_method == "POST"
    assert response.kind == "response" and response.status == 201 and response.truncated
    assert response.type == "microsoft.graph.thing"
    assert missing.http_method == "POST"
    missing_diag = [d for d in model.diagnostics if d.code == "MISSING_API_PAGE"]
    assert missing_diag and "assumed POST" in missing_diag[0].message


def test_crlf_bom_and_tabs_read_like_plain_pages(tmp_path: Path) -> None:
    text = resource("w", [("a", "Int32", "A.")]).replace("\n", "\r\n")
    model = model_of(tmp_path, {"resources/w.md": b"\xef\xbb\xbf" + text.encode()})
    w = model.get("microsoft.graph.w")
    assert w is not None and w.properties[0].type == "Edm.Int32"
    assert not [d for d in model.diagnostics if d.severity == "error"]

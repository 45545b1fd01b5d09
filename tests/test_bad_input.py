"""Bad input: every problem is a diagnostic with path and line; the run goes on."""

from __future__ import annotations

from pathlib import Path

from conftest import codes, model_of
from generator.base.diagnostics import CODES
from pages import resource

GOOD = resource("good", [("a", "String", "A.")])


def _only(model, code):  # type: ignore[no-untyped-def]
    found = [d for d in model.diagnostics if d.code == code]
    assert found, f"no {code} in {[str(d) for d in model.diagnostics]}"
    return found[0]


def test_non_utf8_page(tmp_path: Path) -> None:
    page = resource("latin", [("a", "String", "caf\u00e9 A.")]).encode("latin-1")
    model = model_of(tmp_path, {"resources/latin.md": page, "resources/good.md": GOOD})
    diagnostic = _only(model, "NOT_UTF8")
    assert diagnostic.path == "resources/latin.md" and diagnostic.line > 1
    assert model.get("microsoft.graph.latin") is not None  # still read, with replacements
    assert model.get("microsoft.graph.good") is not None


def test_empty_page(tmp_path: Path) -> None:
    model = model_of(tmp_path, {"resources/empty.md": "", "resources/good.md": GOOD})
    assert _only(model, "EMPTY_PAGE").path == "resources/empty.md"
    assert model.get("microsoft.graph.good") is not None


def test_page_without_tables(tmp_path: Path) -> None:
    page = "---\ndoc_type: resourcePageType\n---\n# lonely resource type\n\nJust prose.\n"
    model = model_of(tmp_path, {"resources/lonely.md": page})
    assert _only(model, "NO_TABLES").line == 4


def test_a_second_page_of_a_type_adds_the_rows_the_first_lacks(tmp_path: Path) -> None:
    other = resource("good", [("b", "Int32", "B.")])
    model = model_of(tmp_path, {"resources/good.md": GOOD, "resources/zz-copy.md": other})
    diagnostic = _only(model, "TYPE_MERGED")
    assert diagnostic.path == "resources/zz-copy.md" and diagnostic.severity == "warning"
    good = model.get("microsoft.graph.good")
    assert good is not None and [p.name for p in good.properties] == ["a", "b"]
    assert "DUPLICATE_TYPE" not in codes(model)


def test_two_pages_typing_one_property_differently(tmp_path: Path) -> None:
    other = resource("good", [("a", "Int32", "A number here.")])
    model = model_of(tmp_path, {"resources/good.md": GOOD, "resources/zz-copy.md": other})
    diagnostic = _only(model, "DUPLICATE_TYPE")
    assert diagnostic.path == "resources/zz-copy.md" and diagnostic.severity == "error"
    good = model.get("microsoft.graph.good")
    assert good is not None and [(p.name, p.type) for p in good.properties] == [("a", "Edm.String")]  # the first page's word


def test_identical_repeat_is_only_info(tmp_path: Path) -> None:
    model = model_of(tmp_path, {"resources/good.md": GOOD, "resources/zz-copy.md": GOOD})
    assert _only(model, "REPEATED_TYPE").severity == "info"
    assert "DUPLICATE_TYPE" not in codes(model)


def test_broken_annotation(tmp_path: Path) -> None:
    page = resource("b", [("a", "String", "A.")], annotation='{"blockType": "resource", "@odata.type": ')
    model = model_of(tmp_path, {"resources/b.md": page})
    diagnostic = _only(model, "ANNOTATION_INVALID")
    assert diagnostic.path == "resources/b.md" and diagnostic.severity == "error"
    assert model.get("microsoft.graph.b") is not None  # the tables still count


def test_json_block_that_is_not_json(tmp_path: Path) -> None:
    page = resource("j", [("a", "String", "A.")], json_block='{\n  "a": "x",\n  ]]\n}')
    model = model_of(tmp_path, {"resources/j.md": page})
    diagnostic = _only(model, "JSON_INVALID")
    assert diagnostic.line == page.splitlines().index("  ]]") + 1


def test_inheritance_cycle_is_broken(tmp_path: Path) -> None:
    a = resource("a", [("x", "String", "X.")], inherits="b")
    b = resource("b", [("y", "String", "Y.")], inherits="a")
    model = model_of(tmp_path, {"resources/a.md": a, "resources/b.md": b, "resources/good.md": GOOD})
    _only(model, "INHERITANCE_CYCLE")
    bases = {t.name: t.base_type for t in model.types}
    assert bases["a"] is None and bases["b"] == "microsoft.graph.a"
    assert model.ancestors("microsoft.graph.b")[0].name == "a"


def test_self_inheritance(tmp_path: Path) -> None:
    model = model_of(tmp_path, {"resources/s.md": resource("s", [("x", "String", "X.")], inherits="s")})
    _only(model, "INHERITANCE_CYCLE")
    s = model.get("microsoft.graph.s")
    assert s is not None and s.base_type is None


def test_missing_base_type(tmp_path: Path) -> None:
    page = resource(
        "orphan",
        [("x", "String", "X.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.orphan", "baseType": "microsoft.graph.ghost"}',
    )
    model = model_of(tmp_path, {"resources/orphan.md": page})
    assert "ghost" in _only(model, "UNKNOWN_BASE_TYPE").message
    orphan = model.get("microsoft.graph.orphan")
    assert orphan is not None and orphan.base_type is None and orphan.properties


def test_unknown_type_reads_as_untyped(tmp_path: Path) -> None:
    page = resource("u", [("x", "[ghost](ghost.md)", "X.")])
    model = model_of(tmp_path, {"resources/u.md": page})
    diagnostic = _only(model, "UNKNOWN_TYPE")
    assert "ghost" in diagnostic.message and diagnostic.line == page.splitlines().index("|x|[ghost](ghost.md)|X.|") + 1
    u = model.get("microsoft.graph.u")
    assert u is not None and u.properties[0].type == "Edm.Untyped"


def test_bad_front_matter(tmp_path: Path) -> None:
    page = GOOD.replace('title: "good resource type"', "title: [unclosed")
    model = model_of(tmp_path, {"resources/good.md": page})
    _only(model, "BAD_FRONT_MATTER")
    assert model.get("microsoft.graph.good") is not None


def test_every_code_has_a_severity_and_text() -> None:
    for code, (severity, meaning) in CODES.items():
        assert code.isupper() and severity in ("error", "warning", "info") and meaning


def test_half_a_surrogate_pair_in_json_is_replaced_and_reported(tmp_path: Path) -> None:
    """An escape like \\ud800 spells no character and can't be written as UTF-8: it is
    read as U+FFFD, with a note at the block's line, and every output is written."""
    from generator.emit import emit_all
    from generator.output.write import write_tree

    api = "\n".join(
        [
            "# Get good",
            "",
            "## HTTP request",
            "```http",
            "GET /goods/{id}",
            "```",
            "",
            "## Response",
            '<!-- {"blockType": "response", "@odata.type": "microsoft.graph.good"} -->',
            "```http",
            "HTTP/1.1 200 OK",
            "Content-Type: application/json",
            "",
            '{"a": "x\\ud800y", "\\udfff": 1}',
            "```",
        ]
    )
    page = resource("good", [("a", "String", "A.")], methods=[("[Get good](../api/good-get.md)", "[good](good.md)", "Get.")])
    model = model_of(tmp_path, {"resources/good.md": page, "api/good-get.md": api})
    note = _only(model, "JSON_REPAIRED")
    assert note.path == "api/good-get.md" and note.line == 14 and "surrogate" in note.message
    files = emit_all(model)
    write_tree(tmp_path / "out", files)  # every text encodes as UTF-8
    assert '"x\ufffdy"'.encode() in files["handlers/operations.json"]


def test_placeholder_descriptions_are_reported_not_copied(tmp_path: Path) -> None:
    from generator.emit import emit_all

    page = resource(
        "widget",
        [
            ("size", "Int32", "Not yet documented"),
            ("shape", "String", "TODO: Add Description"),
            ("kind", "String", "Not yet documented. Possible values are: `round`, `square`."),
            ("name", "String", "The name."),
        ],
    ).replace("Describes widget.", "...")
    model = model_of(tmp_path, {"resources/widget.md": page})
    widget = model.get("microsoft.graph.widget")
    assert widget is not None and widget.description == ""
    descriptions = {p.name: p.description for p in widget.properties}
    assert descriptions == {"size": "", "shape": "", "kind": "Possible values are: round, square.", "name": "The name."}
    placeholders = [d for d in model.diagnostics if d.code == "PLACEHOLDER_TEXT"]
    assert len(placeholders) == 4 and {d.severity for d in placeholders} == {"info"}
    text = "\n".join(emit_all(model, ["schemas", "models"]).values())
    assert "Not yet documented" not in text and "TODO" not in text and '"""..."""' not in text

"""graphdoc diff on small trees: every change kind and the severity Graph's policy gives it,
what is said once or not at all, the sides it reads, its formats and exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, SPECS, write_docs
from diff_pages import (
    HEADERS,
    METHODS,
    PARAMETERS,
    PERMISSIONS,
    PROPERTIES,
    RELATIONSHIPS,
    annotation,
    api,
    base,
    entity_type,
    enum,
    replaced,
    widget,
)
from pages import resource

from generator.diff import KINDS, Change, compare
from generator.pipeline import build_model

Pages = dict[str, str]
Edit = Callable[[Pages], Pages]


def changes_between(tmp_path: Path, old: Pages, new: Pages) -> list[Change]:
    return compare(build_model(write_docs(tmp_path / "old", old)), build_model(write_docs(tmp_path / "new", new)))


def _with(**pages: str | None) -> Edit:
    """An edit: the named pages (``api__widget_get_md`` is ``api/widget-get.md``) replaced, or dropped when None."""

    def edit(tree: Pages) -> Pages:
        found = dict(tree)
        for key, text in pages.items():
            name = key.removesuffix("_md").replace("__", "/").replace("_", "-") + ".md"
            assert name in tree or text is not None, name
            if text is None:
                found.pop(name, None)
            else:
                found[name] = text
        return found

    return edit


def _props(name: str, row: tuple[str, str, str] | None) -> str:
    return widget(properties=replaced(PROPERTIES, name, row))


def _rels(name: str, row: tuple[str, str, str] | None) -> str:
    return widget(relationships=replaced(RELATIONSHIPS, name, row))


def _keyed_part(key: str) -> str:
    return resource("part", [("label", "String", "Label."), ("code", "String", "Code.")], annotation=annotation("part", keyProperty=key))


NO_EDIT: Edit = _with()
GADGET = resource("gadget", [("knob", "String", "Knob.")])
ROUND = resource("roundShape", [("round", "Boolean", "Round.")], annotation=annotation("roundShape", baseType="microsoft.graph.shape"))
CIRCLE_OF_ROUND = resource("circle", [("radius", "Double", "Radius.")], annotation=annotation("circle", baseType="microsoft.graph.roundShape"))
CIRCLE_ALONE = resource("circle", [("radius", "Double", "Radius.")])
SPARE_RENAMED = resource("spareItem", [("serial", "String", "Serial."), ("batch", "Int32", "Batch.")])
SPARE_MOVED = resource("spare", [("serial", "String", "Serial."), ("batch", "Int32", "Batch.")], namespace="microsoft.graph.stock")
ENTITY_WITH_NAME = resource(
    "entity",
    [("id", "String", "Identifier."), ("name", "String", "Name.")],
    annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id"}',
)
ENTITY_WITH_OWNER = resource(
    "entity",
    [("id", "String", "Identifier.")],
    relationships=[("owner", "[person](person.md)", "Owner.")],
    annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id"}',
)
THING = resource("thing", [("what", "String", "What.")])
# abstract, with a concrete type derived from it (circle): an abstract type nothing concrete
# derives from is read as one that can be made (ABSTRACT_WITHOUT_KINDS)
ABSTRACT_SHAPE = resource("shape", [("name", "String", "Name.")], annotation=annotation("shape", abstract=True))
# an update's body is the item its path addresses, or a type derived from it the page names
SPECIAL_WIDGET = entity_type("specialWidget", [("glow", "Boolean", "Glow.")], base="widget")
WITH_EXTRA = widget(properties=[*PROPERTIES, ("extra", "[thing](thing.md)", "Extra.")])
PERMISSIONS_FEWER = [PERMISSIONS[0][0:1] + ("Widget.ReadWrite.All",), *PERMISSIONS[1:]]
PERMISSIONS_MORE = [PERMISSIONS[0], ("Delegated (personal Microsoft account)", "Widget.Read"), PERMISSIONS[2]]

# change kind -> (severity by Graph's policy, the old tree's edit, the new tree's edit)
CASES: dict[str, tuple[str, Edit, Edit]] = {
    "type-added": ("info", NO_EDIT, _with(resources__gadget_md=GADGET)),
    "type-removed": ("breaking", NO_EDIT, _with(resources__spare_md=None)),
    "type-renamed": ("breaking", NO_EDIT, _with(resources__spare_md=SPARE_RENAMED)),
    "type-kind-changed": ("breaking", NO_EDIT, _with(resources__spare_md=entity_type("spare", [("serial", "String", "Serial."), ("batch", "Int32", "Batch.")]))),
    "base-changed": ("breaking", NO_EDIT, _with(resources__circle_md=CIRCLE_ALONE)),
    "base-extended": ("info", NO_EDIT, _with(resources__roundshape_md=ROUND, resources__circle_md=CIRCLE_OF_ROUND)),
    "key-changed": ("breaking", _with(resources__part_md=_keyed_part("label")), _with(resources__part_md=_keyed_part("code"))),
    "abstract-added": ("breaking", NO_EDIT, _with(resources__shape_md=ABSTRACT_SHAPE)),
    "abstract-removed": ("info", _with(resources__shape_md=ABSTRACT_SHAPE), NO_EDIT),
    "open-type-added": ("info", NO_EDIT, _with(resources__widget_md=widget(openType=True))),
    "open-type-removed": ("warning", _with(resources__widget_md=widget(openType=True)), NO_EDIT),
    "flags-changed": ("breaking", NO_EDIT, _with(resources__color_md=enum("color", [("red", 1), ("green", 2)], "Flags: the values combine."))),
    "member-added": ("info", NO_EDIT, _with(resources__color_md=enum("color", [("red", 0), ("green", 1), ("blue", 2)]))),
    "member-removed": ("breaking", NO_EDIT, _with(resources__color_md=enum("color", [("red", 0)]))),
    "member-renamed": ("breaking", NO_EDIT, _with(resources__color_md=enum("color", [("red", 0), ("Green", 1)]))),
    "property-added": ("info", NO_EDIT, _with(resources__widget_md=widget(properties=[*PROPERTIES, ("weight", "Double", "Weight.")]))),
    "non-nullable-property-added": ("warning", NO_EDIT, _with(resources__widget_md=widget(properties=[*PROPERTIES, ("weight", "Double", "Weight. Not nullable.")]))),
    "property-removed": ("breaking", NO_EDIT, _with(resources__widget_md=_props("size", None))),
    "property-renamed": ("breaking", NO_EDIT, _with(resources__widget_md=_props("name", ("Name", "String", "Name.")))),
    "property-moved": ("info", NO_EDIT, _with(resources__entity_md=ENTITY_WITH_NAME, resources__widget_md=_props("name", None))),
    "property-type-changed": ("breaking", NO_EDIT, _with(resources__widget_md=_props("size", ("size", "Int64", "Size.")))),
    "property-type-narrowed": ("warning", NO_EDIT, _with(resources__widget_md=_props("outline", ("outline", "[circle](circle.md)", "Outline.")))),
    "property-string-enum-changed": ("warning", NO_EDIT, _with(resources__widget_md=_props("mood", ("mood", "[color](color.md)", "Mood.")))),
    "property-format-changed": ("info", NO_EDIT, _with(resources__widget_md=_props("ref", ("ref", "Guid", "Reference.")))),
    "property-type-documented": ("info", _with(resources__widget_md=WITH_EXTRA), _with(resources__widget_md=WITH_EXTRA, resources__thing_md=THING)),
    "property-type-undocumented": ("warning", _with(resources__widget_md=WITH_EXTRA, resources__thing_md=THING), _with(resources__widget_md=WITH_EXTRA)),
    "property-collection-changed": ("breaking", NO_EDIT, _with(resources__widget_md=_props("tags", ("tags", "String", "Tags.")))),
    "property-became-nullable": ("warning", NO_EDIT, _with(resources__widget_md=_props("code", ("code", "String", "Code.")))),
    "property-became-not-nullable": ("warning", NO_EDIT, _with(resources__widget_md=_props("name", ("name", "String", "Name. Not nullable.")))),
    "property-became-read-only": ("warning", NO_EDIT, _with(resources__widget_md=_props("name", ("name", "String", "Name. Read-only.")))),
    "property-became-writable": ("info", NO_EDIT, _with(resources__widget_md=_props("state", ("state", "String", "State.")))),
    "navigation-added": ("info", NO_EDIT, _with(resources__widget_md=widget(relationships=[*RELATIONSHIPS, ("spares", "[part](part.md) collection", "Spares.")]))),
    "navigation-removed": ("breaking", NO_EDIT, _with(resources__widget_md=_rels("parts", None))),
    "navigation-renamed": ("breaking", NO_EDIT, _with(resources__widget_md=_rels("parts", ("Parts", "[part](part.md) collection", "Parts.")))),
    "navigation-moved": ("info", NO_EDIT, _with(resources__entity_md=ENTITY_WITH_OWNER, resources__widget_md=_rels("owner", None))),
    "navigation-type-changed": ("breaking", NO_EDIT, _with(resources__widget_md=_rels("owner", ("owner", "[part](part.md)", "Owner.")))),
    "navigation-type-narrowed": ("warning", NO_EDIT, _with(resources__widget_md=_rels("owner", ("owner", "[specialPerson](specialperson.md)", "Owner.")))),
    "navigation-collection-changed": ("breaking", NO_EDIT, _with(resources__widget_md=_rels("owner", ("owner", "[person](person.md) collection", "Owners.")))),
    "operation-added": (
        "info",
        NO_EDIT,
        _with(
            resources__widget_md=widget(methods=[*METHODS, ("[Delete widget](../api/widget-delete.md)", "None", "Delete one.")]),
            api__widget_delete_md=api("Delete widget", "DELETE /widgets/{id}", status="204 No Content"),
        ),
    ),
    "operation-removed": ("breaking", NO_EDIT, _with(resources__widget_md=widget(methods=METHODS[:1] + METHODS[2:]), api__widget_list_md=None)),
    "path-added": ("info", NO_EDIT, _with(api__widget_get_md=api("Get widget", "GET /widgets/{id}", "GET /me/widgets/{id}"))),
    "path-removed": ("breaking", _with(api__widget_get_md=api("Get widget", "GET /widgets/{id}", "GET /me/widgets/{id}")), NO_EDIT),
    "parameter-added": ("info", NO_EDIT, _with(api__widget_reset_md=api("reset", "POST /widgets/{id}/reset", parameters=[*PARAMETERS, ("note", "String", "A note.")], status="204 No Content"))),
    "required-parameter-added": ("breaking", NO_EDIT, _with(api__widget_reset_md=api("reset", "POST /widgets/{id}/reset", parameters=[*PARAMETERS, ("reason", "String", "Why. Required.")], status="204 No Content"))),
    "parameter-removed": ("breaking", NO_EDIT, _with(api__widget_reset_md=api("reset", "POST /widgets/{id}/reset", parameters=PARAMETERS[:1], status="204 No Content"))),
    "parameter-type-changed": ("breaking", NO_EDIT, _with(api__widget_reset_md=api("reset", "POST /widgets/{id}/reset", parameters=[("mode", "Int32", "Mode."), PARAMETERS[1]], status="204 No Content"))),
    "parameter-became-required": ("breaking", NO_EDIT, _with(api__widget_reset_md=api("reset", "POST /widgets/{id}/reset", parameters=[("mode", "String", "Mode. Required."), PARAMETERS[1]], status="204 No Content"))),
    "request-body-changed": (
        "breaking",
        _with(resources__specialwidget_md=SPECIAL_WIDGET),
        _with(resources__specialwidget_md=SPECIAL_WIDGET, api__widget_update_md=api("Update widget", "PATCH /widgets/{id}", body="specialWidget", status="204 No Content")),
    ),
    "response-changed": ("breaking", NO_EDIT, _with(resources__widget_md=widget(methods=[*METHODS[:4], ("[measure](../api/widget-measure.md)", "Int32", "Measure one."), METHODS[5]]))),
    "response-narrowed": ("info", NO_EDIT, _with(resources__widget_md=widget(methods=[*METHODS[:5], ("[Get owner](../api/widget-get-owner.md)", "[specialPerson](specialperson.md)", "Its owner.")]))),
    "status-changed": ("warning", NO_EDIT, _with(api__widget_reset_md=api("reset", "POST /widgets/{id}/reset", parameters=PARAMETERS, status="200 OK"))),
    "required-header-added": ("breaking", NO_EDIT, _with(api__widget_list_md=api("List widgets", "GET /widgets", headers=[*HEADERS, ("ConsistencyLevel", "eventual. Required.")]))),
    "header-added": ("info", NO_EDIT, _with(api__widget_list_md=api("List widgets", "GET /widgets", headers=[*HEADERS, ("Prefer", "return=minimal.")]))),
    "header-removed": ("info", _with(api__widget_list_md=api("List widgets", "GET /widgets", headers=[*HEADERS, ("Prefer", "return=minimal.")])), NO_EDIT),
    "permission-added": ("info", NO_EDIT, _with(api__widget_get_md=api("Get widget", "GET /widgets/{id}", permissions=PERMISSIONS_MORE))),
    "permission-removed": ("warning", NO_EDIT, _with(api__widget_get_md=api("Get widget", "GET /widgets/{id}", permissions=PERMISSIONS_FEWER))),
}


def test_every_change_kind_has_a_case() -> None:
    assert set(CASES) == set(KINDS)


def test_the_readme_table_is_the_change_kinds() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \| (breaking|warning|info) \| (.+?) \| (.+?) \|$", readme, re.MULTILINE)
    assert {kind: (severity, what, why) for kind, severity, what, why in rows} == KINDS


@pytest.mark.parametrize("kind", list(CASES))
def test_each_change_kind_and_its_severity(kind: str, tmp_path: Path) -> None:
    severity, old_edit, new_edit = CASES[kind]
    found = changes_between(tmp_path, old_edit(base()), new_edit(base()))
    assert kind in {c.change for c in found}, [c.display({"old": "", "new": ""}) for c in found]
    assert {c.severity for c in found if c.change == kind} == {severity}


def test_the_base_tree_is_its_own_contract(tmp_path: Path) -> None:
    assert changes_between(tmp_path, base(), base()) == []
    model = build_model(write_docs(tmp_path / "docs", base()))
    assert not [d for d in model.diagnostics if d.severity != "info"], model.diagnostics  # the cases change one thing each


def _one(found: list[Change], kind: str) -> Change:
    chosen = [c for c in found if c.change == kind]
    assert len(chosen) == 1, chosen
    return chosen[0]


def test_a_removal_is_on_the_old_page_an_addition_on_the_new_one(tmp_path: Path) -> None:
    new = widget(properties=[*replaced(PROPERTIES, "size", None), ("weight", "Double", "Weight.")])
    found = changes_between(tmp_path, base(), {**base(), "resources/widget.md": new})
    removed, added = _one(found, "property-removed"), _one(found, "property-added")
    old_lines = base()["resources/widget.md"].splitlines()
    assert removed.side == "old" and removed.path == "resources/widget.md" and "|size|" in old_lines[removed.line - 1]
    assert added.side == "new" and "|weight|" in new.splitlines()[added.line - 1]
    assert (removed.type, removed.property, removed.old) == ("microsoft.graph.widget", "size", "Edm.Int32")
    assert (added.property, added.new) == ("weight", "Edm.Double")


def test_a_renamed_type_is_said_once(tmp_path: Path) -> None:
    """A page moved with its type to another namespace, and a property typed with it: one rename."""
    old = {**base(), "resources/widget.md": widget(properties=[*PROPERTIES, ("spare", "[spare](spare.md)", "Spare.")])}
    new = {**old, "resources/spare.md": None, "resources/stock-spare.md": SPARE_MOVED}
    new["resources/widget.md"] = widget(properties=[*PROPERTIES, ("spare", "microsoft.graph.stock.spare", "Spare.")])
    found = changes_between(tmp_path, old, {k: v for k, v in new.items() if v is not None})
    renamed = _one(found, "type-renamed")
    assert (renamed.old, renamed.new, renamed.path) == ("microsoft.graph.spare", "microsoft.graph.stock.spare", "resources/stock-spare.md")
    assert [c.change for c in found] == ["type-renamed"]  # no removal, no addition, no property retyped


def test_a_case_renamed_property_on_a_renamed_type_is_said_of_the_new_name(tmp_path: Path) -> None:
    renamed = resource("spareItem", [("Serial", "String", "Serial."), ("batch", "Int32", "Batch.")])
    found = changes_between(tmp_path, base(), {**base(), "resources/spare.md": renamed})
    assert {(c.change, c.type) for c in found} == {("type-renamed", "microsoft.graph.spareItem"), ("property-renamed", "microsoft.graph.spareItem")}


def test_properties_moved_to_a_new_base_are_no_removal(tmp_path: Path) -> None:
    base_type = resource("gadgetBase", [("name", "String", "Name."), ("size", "Int32", "Size.")], annotation=annotation("gadgetBase", baseType="microsoft.graph.entity"))
    new = {**base(), "resources/gadgetbase.md": base_type, "resources/widget.md": widget(properties=PROPERTIES[2:], baseType="microsoft.graph.gadgetBase")}
    found = changes_between(tmp_path, base(), new)
    assert {c.change for c in found} == {"type-added", "base-extended", "property-moved"}
    assert sorted(c.property or "" for c in found if c.change == "property-moved") == ["name", "size"]


def test_what_is_no_change_to_a_client(tmp_path: Path) -> None:
    """The Authorization header newly listed; a path documented on another page; a String whose
    values graphdoc read as an enum once that enum is documented; a Methods row graphdoc had to
    guess an operation for (no API page); prose."""
    old = {**base(), "resources/widget.md": widget(methods=[*METHODS, ("[Clean widget](../api/widget-clean.md)", "None", "Clean.")])}
    old["api/widget-list.md"] = api("List widgets", "GET /widgets", headers=[])
    new = dict(base())
    new["api/widget-list.md"] = api("List widgets", "GET /widgets", headers=[*HEADERS, ("Content-Type", "application/json. Required.")])
    new["api/widget-get.md"] = api("Get widget", "GET /widgets/{id}").replace("Does Get widget.", "Reads one widget, as it is now.")
    found = changes_between(tmp_path, old, new)
    assert found == [], found


def test_a_string_read_as_an_enum_counts_as_the_string_the_page_wrote(tmp_path: Path) -> None:
    said = ("mood", "String", "Mood. Possible values are: `happy`, `sad`.")
    old = {**base(), "resources/widget.md": _props("mood", said), "resources/feeling.md": enum("feeling", [("happy", 0), ("sad", 1)])}
    new = {**old, "resources/feeling.md": enum("feeling", [("happy", 0), ("sad", 1), ("calm", 2)])}
    new["resources/widget.md"] = _props("mood", ("mood", "[color](color.md)", "Mood."))
    found = changes_between(tmp_path, old, new)
    assert "property-type-changed" not in {c.change for c in found}
    assert _one(found, "property-string-enum-changed").old == "microsoft.graph.feeling"


def test_a_function_called_with_parameters_now_is_the_same_endpoint(tmp_path: Path) -> None:
    old = {**base(), "api/widget-measure.md": api("measure", "GET /widgets/{id}/measure")}
    found = changes_between(tmp_path, old, base())
    assert [(c.change, c.parameter) for c in found] == [("required-parameter-added", "unit")]


def test_an_operation_whose_paths_all_changed_is_still_its_page(tmp_path: Path) -> None:
    new = {**base(), "api/widget-list.md": api("List widgets", "GET /things/widgets")}
    found = changes_between(tmp_path, base(), new)
    assert {(c.change, c.old, c.new) for c in found} == {("path-removed", "/widgets", None), ("path-added", None, "/things/widgets")}


def test_an_operation_documented_on_another_page_is_no_change(tmp_path: Path) -> None:
    moved = {k: v for k, v in base().items() if k != "api/widget-list.md"}
    moved["api/widgets-list.md"] = api("List widgets", "GET /widgets")
    moved["resources/widget.md"] = widget(methods=[*METHODS[:1], ("[List widgets](../api/widgets-list.md)", "[widget](widget.md) collection", "List."), *METHODS[2:]])
    assert changes_between(tmp_path, base(), moved) == []


def test_a_kind_of_caller_no_longer_supported(tmp_path: Path) -> None:
    fewer = [PERMISSIONS[0], PERMISSIONS[1], ("Application", "Not supported.")]
    found = changes_between(tmp_path, base(), {**base(), "api/widget-get.md": api("Get widget", "GET /widgets/{id}", permissions=fewer)})
    removed = _one(found, "permission-removed")
    assert (removed.old, removed.severity, removed.side) == ("application: Widget.ReadWrite.All", "warning", "old")
    # a page that no longer has a Permissions table says nothing of permissions
    assert changes_between(tmp_path / "none", base(), {**base(), "api/widget-get.md": api("Get widget", "GET /widgets/{id}", permissions=[])}) == []


# -- the command ----------------------------------------------------------


def graphdoc(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    """``old`` and ``new`` docs folders: a breaking change, a warning and an addition."""
    write_docs(tmp_path / "old", base())
    new = {**base(), "resources/widget.md": widget(properties=[*replaced(PROPERTIES, "size", None), ("weight", "Double", "Weight.")])}
    new["api/widget-get.md"] = api("Get widget", "GET /widgets/{id}", permissions=PERMISSIONS_FEWER)
    write_docs(tmp_path / "new", new)
    return tmp_path


def test_text_gives_the_counts_first_then_the_changes_by_namespace_and_type(trees: Path) -> None:
    done = graphdoc("diff", "old", "new", cwd=trees)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "3 changes: 1 breaking, 1 warning, 1 info"
    assert re.match(r"  breaking\s+property-removed\s+1$", lines[1])
    assert "microsoft.graph" in lines and "  widget" in lines
    assert any(line.startswith("    old/resources/widget.md:") and ": breaking: property-removed " in line for line in lines)
    assert any(line.startswith("    old/api/widget-get.md:") and ": warning: permission-removed " in line for line in lines)
    quiet = graphdoc("diff", "old", "new", "-q", cwd=trees).stdout
    assert quiet.splitlines()[0] == "microsoft.graph"


def test_json_is_a_list_of_changes(trees: Path) -> None:
    done = graphdoc("diff", "old", "new", "--format", "json", cwd=trees)
    changes = json.loads(done.stdout)
    assert done.stderr.strip() == "3 changes: 1 breaking, 1 warning, 1 info"
    removed = next(c for c in changes if c["change"] == "property-removed")
    assert removed == {
        "change": "property-removed",
        "severity": "breaking",
        "type": "microsoft.graph.widget",
        "property": "size",
        "old": "Edm.Int32",
        "new": None,
        "path": "old/resources/widget.md",
        "line": removed["line"],
        "message": "microsoft.graph.widget has no property size",
    }
    permission = next(c for c in changes if c["change"] == "permission-removed")
    assert permission["operation"] == "GET /widgets/{id}" and permission["path"] == "old/api/widget-get.md"


def test_github_annotations_and_markdown(trees: Path) -> None:
    github = graphdoc("diff", "old", "new", "--format", "github", cwd=trees).stdout.splitlines()
    assert any(line.startswith("::error file=old/resources/widget.md,line=") and "title=property-removed::" in line for line in github)
    assert any(line.startswith("::warning file=old/api/widget-get.md,") for line in github)
    assert any(line.startswith("::notice file=new/resources/widget.md,") for line in github)
    markdown = graphdoc("diff", "old", "new", "--format", "markdown", cwd=trees).stdout
    assert markdown.startswith("### graphdoc diff `old` \u2192 `new`\n\n**3 changes: 1 breaking, 1 warning, 1 info**")
    assert "#### Breaking (1)" in markdown and "<details><summary>Info (1)</summary>" in markdown
    assert "| `property-removed` | microsoft.graph.widget | microsoft.graph.widget has no property size | old/resources/widget.md:" in markdown


def test_new_defaults_to_the_configured_docs_folder(trees: Path) -> None:
    (trees / "pyproject.toml").write_text('[tool.graphdoc]\nspecs = "new"\n', encoding="utf-8")
    alone = graphdoc("diff", "old", "--format", "json", cwd=trees)
    assert alone.stdout == graphdoc("diff", "old", "new", "--format", "json", cwd=trees).stdout
    assert alone.returncode == 1


def test_exit_codes_follow_fail_on_and_select(trees: Path) -> None:
    assert graphdoc("diff", "old", "new", "--select", "permission-*,property-added", cwd=trees).returncode == 0
    assert graphdoc("diff", "old", "new", "--select", "permission-removed", "--fail-on", "warning", cwd=trees).returncode == 1
    assert graphdoc("diff", "old", "new", "--select", "info", "--fail-on", "warning", cwd=trees).returncode == 0
    assert graphdoc("diff", "old", "new", "--select", "info", "--fail-on", "any", cwd=trees).returncode == 1
    shown = json.loads(graphdoc("diff", "old", "new", "--format", "json", "--select", "warning", cwd=trees).stdout)
    assert [c["change"] for c in shown] == ["permission-removed"]
    assert graphdoc("diff", "old", "old", cwd=trees).returncode == 0


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (("nowhere", "new"), "graphdoc: error: nowhere: no such folder or file, and not a git revision and folder (REV:FOLDER)"),
        (("old", "new", "--select", "property-gone"), "graphdoc: error: --select: 'property-gone' is no change kind, glob over them or severity; see the README's table of changes"),
        (("old/resources/widget.md", "new"), "graphdoc: error: old/resources/widget.md:1: not JSON: Expecting value"),
        (("old", "new", "--fail-on", "never"), "graphdoc: error: argument --fail-on: invalid choice: 'never' (choose from breaking, warning, any)"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(trees: Path, arguments: tuple[str, ...], said: str) -> None:
    done = graphdoc("diff", *arguments, cwd=trees)
    assert done.returncode == 2
    assert done.stderr.strip().replace("'breaking', 'warning', 'any'", "breaking, warning, any") == said
    assert done.stdout == ""


def test_a_model_json_and_an_output_folder_are_sides(trees: Path) -> None:
    assert graphdoc("generate", "old", "--out", "out", "-q", cwd=trees).returncode == 0
    by_folder = json.loads(graphdoc("diff", "old", "new", "--format", "json", cwd=trees).stdout)
    for side in ("out/model.json", "out"):
        by_model = json.loads(graphdoc("diff", side, "new", "--format", "json", cwd=trees).stdout)
        # the same changes; a dump's pages are its docs root's, written as they are
        assert [{**c, "path": c["path"].removeprefix("old/")} for c in by_folder] == by_model
    broken = trees / "broken.json"
    broken.write_text('{"types": [{"fullName": 3}]}', encoding="utf-8")
    done = graphdoc("diff", "broken.json", "new", cwd=trees)
    assert done.returncode == 2 and done.stderr.startswith("graphdoc: error: broken.json: not a graphdoc model.json (KeyError")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_git_revision_is_read_from_git(trees: Path) -> None:
    repo = trees / "repo"
    write_docs(repo / "docs", base())
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, capture_output=True, text=True, check=True)
    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "docs")
    shutil.rmtree(repo / "docs")
    shutil.copytree(trees / "new", repo / "docs")
    done = graphdoc("diff", "HEAD:docs", "docs", "--format", "json", cwd=repo)
    assert done.returncode == 1, done.stderr
    changes = json.loads(done.stdout)
    assert {c["path"] for c in changes if c["change"] == "property-removed"} == {"HEAD:docs/resources/widget.md"}
    in_folders = json.loads(graphdoc("diff", "old", "new", "--format", "json", cwd=trees).stdout)
    assert [c["change"] for c in changes] == [c["change"] for c in in_folders]
    # from a folder below the top, REV:./PATH is the folder here, as git reads it
    assert graphdoc("diff", "HEAD:./resources", "new", cwd=repo / "docs").stderr.startswith("graphdoc: error: HEAD:./resources: no resources/ or api/ folder")
    for wrong in ("HEAD:nothing", "nothing:docs"):
        failed = graphdoc("diff", wrong, "docs", cwd=repo)
        assert failed.returncode == 2 and failed.stderr.startswith(f"graphdoc: error: {wrong}: ")
    outside = graphdoc("diff", "HEAD:docs", "new", cwd=trees)
    assert outside.returncode == 2 and "not a git repository" in outside.stderr


def test_a_diff_is_kept_and_a_changed_page_is_diffed_again(trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    first = graphdoc("diff", "old", "new", "--format", "json", cwd=trees).stdout
    kept = list((tmp_path / "cache" / "diffs").glob("*.json"))
    assert len(kept) == 1
    assert graphdoc("diff", "old", "new", "--format", "json", cwd=trees).stdout == first
    page = trees / "new" / "resources" / "widget.md"
    page.write_text(page.read_text(encoding="utf-8").replace("|name|String|Name.|", "|name|Int32|Name.|"), encoding="utf-8")
    again = json.loads(graphdoc("diff", "old", "new", "--format", "json", cwd=trees).stdout)
    assert "property-type-changed" in {c["change"] for c in again}
    assert len(list((tmp_path / "cache" / "diffs").glob("*.json"))) == 2


def test_the_specs_against_themselves_and_their_committed_model() -> None:
    assert graphdoc("diff", str(SPECS), str(SPECS)).stdout.startswith("0 changes")
    assert graphdoc("diff", "generated/model.json", "specs").returncode == 0



def test_readings_off_compares_what_the_pages_state(tmp_path: Path) -> None:
    """A page that comes to state the base a reading had assumed changes nothing; with the
    reading off, the same edit gives the type a base, and diff says so."""
    entity = resource("entity", [("id", "String", "Id.")], annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id"}')
    annotation = '{"blockType": "resource", "@odata.type": "microsoft.graph.gadget", "keyProperty": "id"}'
    gadget = resource("gadget", [("id", "String", "Id."), ("size", "Int32", "Size.")], annotation=annotation)
    stated = resource("gadget", [("id", "String", "Id."), ("size", "Int32", "Size.")], annotation=annotation, inherits="entity")
    write_docs(tmp_path / "old", {"resources/entity.md": entity, "resources/gadget.md": gadget})
    write_docs(tmp_path / "new", {"resources/entity.md": entity, "resources/gadget.md": stated})
    read = graphdoc("diff", "old", "new", "--format", "json", "-q", cwd=tmp_path)
    assert read.returncode == 0 and json.loads(read.stdout) == [], read.stdout + read.stderr
    stated_only = graphdoc("diff", "old", "new", "--format", "json", "-q", "--readings-off", "ENTITY_BASE_ASSUMED", cwd=tmp_path)
    found = {(change["change"], change["type"], change["old"], change["new"]) for change in json.loads(stated_only.stdout)}
    assert ("base-extended", "microsoft.graph.gadget", None, "microsoft.graph.entity") in found, stated_only.stdout + stated_only.stderr

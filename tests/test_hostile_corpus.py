"""The hostile corpus (tests/hostile): each output survives pages written to attack it."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, snapshot
from models_helpers import import_models
from output_checks import (
    check_definitions_only,
    check_diagnostics,
    check_files,
    import_in_subprocess,
)

from generator.model.ir import Model
from generator.model.names import python_names
from generator.payloads.validation import SchemaSet
from generator.pipeline import build_model

HOSTILE = Path(__file__).resolve().parent / "hostile"


def generate(docs: Path, out: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "GRAPHDOC_CACHE_DIR": ""}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(docs), "--out", str(out), "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


class Run:
    def __init__(self, where: Path) -> None:
        self.where = where
        self.docs = where / "docs"
        shutil.copytree(HOSTILE, self.docs)
        self.before = sorted(p.relative_to(where).as_posix() for p in where.rglob("*"))
        self.out = where / "out"
        generate(self.docs, self.out, "1")
        self.files = {name: data.decode("utf-8") for name, data in snapshot(self.out).items()}
        self.model: Model = build_model(self.docs)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return Run(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def models(run: Run, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    copy = tmp_path_factory.mktemp("hostile-models") / "models"
    shutil.copytree(run.out / "models", copy)  # imported beside the output, never inside it
    return import_models(copy)


def diagnostics(run: Run, code: str) -> list[str]:
    """The run's diagnostics with ``code``: the model's, and the Python names' (collisions)."""
    found = [*run.model.diagnostics, *python_names(run.model).diagnostics]
    return [f"{d.path}: {d.message}" for d in found if d.code == code]


def test_nothing_is_written_outside_the_output_folder(run: Run) -> None:
    after = sorted(p.relative_to(run.where).as_posix() for p in run.where.rglob("*"))
    added = [name for name in after if name not in run.before]
    assert added and all(name == "out" or name.startswith("out/") for name in added), added
    out = run.out.resolve()
    for path in run.out.rglob("*"):
        assert not path.is_symlink() and path.resolve().is_relative_to(out), path
    listed = {line.split()[-1] for line in run.files[".graphdoc-manifest"].splitlines() if line.strip()}  # [hash] path
    assert listed == set(run.files) - {".graphdoc-manifest"}


def test_every_diagnostic_points_into_a_page_and_the_output_is_valid(run: Run) -> None:
    pages = {p.relative_to(run.docs).as_posix(): p.read_bytes() for p in run.docs.rglob("*.md")}
    check_diagnostics(run.model, {k: v for k, v in pages.items() if k.startswith(("resources/", "api/"))})
    check_files({name: text for name, text in run.files.items() if name != ".graphdoc-manifest"})
    assert not any("\x00" in text for text in run.files.values())  # a NUL on a page reaches no output


def test_importing_runs_nothing_but_definitions(run: Run) -> None:
    check_definitions_only(run.files)
    import_in_subprocess(run.out)
    # Watch the import itself: no process, socket, or file written (dependencies are imported first).
    probe = textwrap.dedent(f"""
        import json, os, sys
        import jsonschema, referencing, starlette.applications, starlette.routing
        sys.dont_write_bytecode = True
        seen = []
        WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
        def hook(event, args):
            if event.startswith(("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "subprocess.",
                                 "socket.", "os.remove", "os.rename", "os.rmdir", "os.mkdir", "shutil.", "ctypes.")):
                seen.append(event)
            elif event == "open" and isinstance(args[2], int) and args[2] & WRITE:
                seen.append(f"open for writing: {{args[0]}}")
        sys.addaudithook(hook)
        import {run.out.name}.models, {run.out.name}.handlers.app
        print(json.dumps(seen))
        """)
    result = subprocess.run([sys.executable, "-c", probe], cwd=run.where, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.splitlines()[-1]) == []


def test_colliding_names_are_distinct_stable_and_reported(run: Run, models: ModuleType, tmp_path: Path) -> None:
    collisions = diagnostics(run, "NAME_COLLISION")
    assert "resources/foo_bar.md: Python class for microsoft.graph.foo_bar is FooBar_2 (FooBar is taken)" in collisions
    assert any("hostileThing.foo_bar: Python attribute is foo_bar_2" in c for c in collisions)
    assert any("hostileThing.FOO_BAR: Python attribute is foo_bar_3" in c for c in collisions)
    assert any("hostileKind.a_b: Python member is A_B_2" in c for c in collisions)
    assert models.FooBar._ODATA_TYPE == "microsoft.graph.fooBar"
    assert models.FooBar_2._ODATA_TYPE == "microsoft.graph.foo_bar"
    thing = models.HostileThing.from_dict({"fooBar": "1", "foo_bar": "2", "FOO_BAR": "3"})
    assert (thing.foo_bar, thing.foo_bar_2, thing.foo_bar_3) == ("1", "2", "3")
    assert thing.to_dict() == {"fooBar": "1", "foo_bar": "2", "FOO_BAR": "3"}
    assert models.HostileKind.A_B.value == "a-b" and models.HostileKind.A_B_2.value == "a_b"
    # Another run, another hash seed, another folder: the same bytes.
    again = tmp_path / "again"
    generate(run.docs, again, "2")
    assert snapshot(again) == snapshot(run.out)


def test_odata_types_cannot_leave_their_namespace(run: Run) -> None:
    names = {t.full_name for t in run.model.types}
    assert all(name.replace("_", "a").replace(".", "").isalnum() for name in names), names
    bad = diagnostics(run, "BAD_TYPE_NAME")
    assert any("microsoft.graph/../../evil" in b for b in bad) and any("os.system(" in b for b in bad)
    assert "microsoft.graph.escapee" in names and "os.system" in names  # read by their titles
    assert any("../../../etc/passwd" in d for d in diagnostics(run, "UNKNOWN_ANNOTATION_TYPE"))
    assert sorted(name for name in run.files if name.startswith("schemas/")) == sorted(
        ["schemas/bundle.json", *(f"schemas/{name}.json" for name in names)]
    )


def test_path_tricks_in_request_lines_are_refused(run: Run) -> None:
    (refused,) = [d for d in run.model.diagnostics if d.code == "BAD_HTTP_REQUEST"]
    assert "'..' segment" in refused.message and refused.path == "api/hostilething-run.md"
    lines = (run.docs / refused.path).read_text(encoding="utf-8").split("\n")  # a U+2028 inside is no line break
    assert lines[refused.line - 1].startswith("POST /hostileThings/{id}/../..")
    assert "parameter 'command' is listed twice" in diagnostics(run, "DUPLICATE_PROPERTY")[0]
    operations = json.loads(run.files["handlers/operations.json"])["operations"]
    paths = {op["method"]: op["paths"] for op in operations}
    assert paths["os_system"] == ["/hostileThings/{thing-id\"'}/os.system"]  # served as documented
    assert [op["args"] for op in operations if op["method"] == "os_system"] == [[["thing_id", "thing_id"]]]
    assert all(".." not in path.split("/") for listed in paths.values() for path in listed), paths


def test_cycles_self_reference_and_missing_bases(run: Run, models: ModuleType) -> None:
    cycles = diagnostics(run, "INHERITANCE_CYCLE")
    assert any("cycleA -> microsoft.graph.cycleB -> microsoft.graph.cycleA" in c for c in cycles)
    assert any("selfRef inherits from itself" in c for c in cycles)
    missing = diagnostics(run, "UNKNOWN_BASE_TYPE")
    assert any("orphan" in m and "ghost" in m for m in missing) and any("'../../x'" in m for m in missing)
    enum_bases = diagnostics(run, "BAD_BASE_TYPE")
    assert any("enumChild: its base type microsoft.graph.hostileKind is an enum" in b for b in enum_bases), enum_bases
    assert any("hostileKind: an enum takes no base type" in b for b in enum_bases), enum_bases
    assert models.EnumChild.__mro__[1] is models.Model and models.HostileKind.A_B.value == "a-b"
    assert models.CycleB.__mro__[1] is models.CycleA and models.CycleA.__mro__[1] is models.Model
    assert issubclass(models.OrphanChild, models.Orphan) and models.Orphan.__mro__[1] is models.Model
    tree_payload = {"name": "root", "parent": {"name": "up"}, "children": [{"name": "leaf", "children": []}]}
    assert models.SelfRef.from_dict(tree_payload).to_dict() == tree_payload
    mutual = {"b": {"a": [{"b": {"a": []}}]}}
    assert models.MutualA.from_dict(mutual).to_dict() == mutual
    schemas = SchemaSet.from_texts({name: text for name, text in run.files.items() if name.startswith("schemas/") and name != "schemas/bundle.json"})
    assert schemas.validate(tree_payload, "selfRef") == []
    assert schemas.validate({"children": [{"parent": {"name": 5}}]}, "selfRef")[0].pointer == "/children/0/parent/name"
    assert schemas.validate({"b": {"a": [{"b": {"a": "no"}}]}}, "mutualA")[0].pointer == "/b/a/0/b/a"
    assert schemas.validate({"x": "a", "y": 1}, "orphanChild") == []


def _docstring_after(source: str, class_name: str, attribute: str | None) -> str:
    """The class docstring, or the string right after an attribute's definition."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            if attribute is None:
                return ast.get_docstring(node, clean=False) or ""
            for before, after in zip(node.body, node.body[1:]):
                target = before.target if isinstance(before, ast.AnnAssign) else None
                if isinstance(before, ast.Assign) and len(before.targets) == 1:
                    target = before.targets[0]
                if isinstance(target, ast.Name) and target.id == attribute and isinstance(after, ast.Expr):
                    return str(after.value.value)  # type: ignore[attr-defined]
    raise AssertionError(f"{class_name}.{attribute} not found")


def test_hostile_text_lands_verbatim(run: Run, models: ModuleType) -> None:
    thing = run.model.get("microsoft.graph.hostileThing")
    assert thing is not None
    description = thing.description
    page = (run.docs / "resources" / "hostilething.md").read_text(encoding="utf-8")
    assert "`</script><script>alert(1)</script>`" in page and "&lt;/script&gt;" in page and "<b>markup</b>" in page
    pieces = ['"""triple"""', "'''single'''", "back\\slash", "{{ config }}", '{% include "x" %}', "</script><script>"]
    for piece in [*pieces, "</script> spelt as entities"]:
        assert piece in description, piece
    assert "<b>" not in description  # markup is read as the page shows it; code spans and entities as text
    schema = json.loads(run.files["schemas/microsoft.graph.hostileThing.json"])
    assert schema["description"] == description
    openapi = json.loads(run.files["openapi.json"])
    assert description in {s.get("description") for s in openapi["components"]["schemas"].values()}
    assert " ".join((models.HostileThing.__doc__ or "").split()) == description
    source = run.files["models/hostile_thing.py"]
    note = next(p for p in thing.properties if p.name == "note")
    assert "{% raw %}" in note.description and "</script>" in note.description
    assert " ".join(_docstring_after(source, "HostileThing", "note").split()) == note.description
    kind = run.files["models/hostile_kind.py"]
    assert " ".join(_docstring_after(kind, "HostileKind", "INIT").split()).startswith(
        'A dunder. Ends with a quote" and """triple""" and {{ x }}'
    )
    nul = run.model.get("microsoft.graph.nulpage")
    assert nul is not None and "\ufffd" in nul.description and "\x00" not in nul.description

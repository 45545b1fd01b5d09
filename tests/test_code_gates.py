"""Generated code passes the gates its users hold their own code to: black, the pinned
ruff (its default rules, no configuration) and ``mypy --strict``, run as a user runs
them, from a folder of their own, on the whole output (models, handlers, the service
runtime). The runtime modules pass them where they live, too."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import GENERATED, ROOT, model_of
from generator.emit import emit_all
from generator.output.write import write_tree
from models_helpers import run_tool
from pages import resource
from test_models import HOSTILE_PAGES
from tool_checks import gate_commands


def gates(target: Path, cwd: Path, mypy_cache: Path | None = None) -> None:
    for name, command in gate_commands(target, mypy_cache or cwd / ".mypy"):
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{name}: {(done.stdout + done.stderr)[-3000:]}"


def test_the_committed_output_passes(tmp_path: Path) -> None:
    gates(GENERATED, tmp_path)


def test_output_of_hostile_pages_passes(tmp_path: Path) -> None:
    widget = resource(
        "widget",
        [("id", "String", "Id."), ("lambda", "Int32", 'x"""; import os')],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id"}',
        methods=[
            ("[List widgets](../api/widget-list.md)", "[widget](widget.md) collection", "List."),
            ("[import](../api/widget-import.md)", "[class](class.md)", "An action named as a keyword."),
            ("[None](../api/widget-none.md)", "None", "Another."),
        ],
    )
    model = model_of(tmp_path, {**HOSTILE_PAGES, "resources/widget.md": widget})
    out = tmp_path / "out"
    write_tree(out, emit_all(model))
    gates(out, tmp_path)


def test_the_runtime_modules_pass_where_they_live(tmp_path: Path) -> None:
    # mypy follows them into the rest of graphdoc, so it runs with graphdoc's settings.
    gates(ROOT / "generator" / "runtime", ROOT, mypy_cache=tmp_path / "mypy")


def test_graphdoc_itself_passes_the_pinned_ruff() -> None:
    """The whole package, as its oldest supported Python reads it (mypy --strict: test_typing)."""
    ruff = run_tool("ruff", "check", "--isolated", "--no-cache", "--target-version", "py310", "--output-format", "concise", "generator", cwd=ROOT)
    assert ruff.returncode == 0, ruff.stdout[-3000:]


def test_gates_fail_on_a_broken_module(tmp_path: Path) -> None:
    """The gates can fail: a module with an unused import and an untyped function does."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("import os\n\n\ndef f(x):\n    return x\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        gates(package, tmp_path)

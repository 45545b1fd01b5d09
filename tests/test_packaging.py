"""A non-editable install carries every module and template."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = None  # type: ignore[assignment]


@pytest.mark.skipif(tomllib is None, reason="tomllib needs Python 3.11")
def test_every_subpackage_is_listed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "generator").rglob("__init__.py")}
    found |= {"generator.templates"} | {
        "generator.templates." + p.name for p in (ROOT / "templates").iterdir() if p.is_dir() and p.name != "__pycache__"
    }
    assert found == listed


def test_wheel_holds_modules_and_templates(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("graphdoc-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in (ROOT / "generator").rglob("*.py"):
        assert module.relative_to(ROOT).as_posix() in names, module
    for template in (ROOT / "templates").rglob("*.j2"):
        assert "generator/templates/" + template.relative_to(ROOT / "templates").as_posix() in names, template


def _optional(node: object, parents: dict[object, object]) -> bool:
    """An import inside ``try: ... except ImportError`` (or ModuleNotFoundError): used when there."""
    import ast

    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, ast.Try) and child in parent.body:
            for handler in parent.handlers:
                names = [handler.type] if not isinstance(handler.type, ast.Tuple) else list(handler.type.elts)
                if any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names):
                    return True
        child, parent = parent, parents.get(parent)
    return False


@pytest.mark.skipif(tomllib is None, reason="tomllib needs Python 3.11")
def test_every_library_graphdoc_imports_is_a_dependency() -> None:
    """What graphdoc's own modules import (however lazily) is installed with it: a plain
    ``pip install`` runs every command. Imports guarded by ``except ImportError`` are
    optional and left out."""
    import ast
    import importlib.metadata
    import re

    def normal(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    listed = {normal(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    providers = importlib.metadata.packages_distributions()
    missing: set[str] = set()
    for path in (ROOT / "generator").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top == "generator" or _optional(node, parents):
                    continue
                if not any(normal(d) in listed for d in providers.get(top, [top])):
                    missing.add(f"{top} ({path.relative_to(ROOT)})")
    assert not missing, f"imported but not in [project] dependencies: {sorted(missing)}"

"""The package's layout is its architecture: a package per stage and side, imports one way.

Every import of generator's own modules counts: at module level, inside a function (a
lazy import) and under ``TYPE_CHECKING``. Each subpackage's docstring names the packages
it may import on a line ``May import: a, b.`` (``nothing`` for none); the modules at the
top (``cli``, ``pipeline``, ...) are the package ``generator``, whose own docstring says
the same. No module imports one that imports it back, however far round, and no
package does.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"
TOP = "generator"  # the unit of the modules at the top of the package


def _modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package by its ``__init__``)."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def unit(module: str) -> str:
    """The package a module belongs to: ``generator.model.ir`` -> ``model``; a top module -> ``generator``."""
    parts = module.split(".")
    if len(parts) > 2 or (len(parts) == 2 and MODULES[module].name == "__init__.py"):
        return parts[1]
    return TOP


def imports(module: str) -> list[tuple[str, int]]:
    """(imported module of the package, line) for every import ``module`` makes of its own package."""
    path = MODULES[module]
    here = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names if alias.name in MODULES]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(here.split(".")[: len(here.split(".")) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base not in MODULES:
                continue
            for alias in node.names:
                name = f"{base}.{alias.name}"
                found.append((name if name in MODULES else base, node.lineno))
    return [(target, line) for target, line in found if target != module]


def allowed(package: str) -> set[str]:
    """The packages ``package``'s docstring lets it import."""
    init = PACKAGE / "__init__.py" if package == TOP else PACKAGE / package / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    said = re.search(r"^May import: (.*?)\.?$", docstring, re.MULTILINE)
    assert said, f"{init.relative_to(ROOT)}: the docstring says what the package may import ('May import: ...')"
    if said.group(1).startswith("nothing"):
        return set()
    return {name.strip() for name in said.group(1).split(",")}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _edges() -> dict[str, list[tuple[str, int]]]:
    return {module: imports(module) for module in MODULES}


def test_no_module_imports_one_that_imports_it_back() -> None:
    edges = _edges()
    graph = {module: {target for target, _ in found} for module, found in edges.items()}
    circles = _cycles(graph)
    shown = [
        "\n".join(f"  {m} -> {t} (line {line})" for m in circle for t, line in edges[m] if t in circle) for circle in circles
    ]
    assert not circles, "import circles:\n" + "\n".join(shown)


def test_no_package_imports_one_that_imports_it_back() -> None:
    graph: dict[str, set[str]] = {}
    for module, found in _edges().items():
        graph.setdefault(unit(module), set()).update(unit(target) for target, _ in found if unit(target) != unit(module))
    assert not _cycles(graph), f"package circles: {_cycles(graph)}"


def test_every_package_imports_only_what_its_docstring_allows() -> None:
    packages = {unit(module) for module in MODULES}
    wrong: list[str] = []
    for module, found in _edges().items():
        mine = unit(module)
        may = allowed(mine)
        assert may <= packages, f"{mine}'s docstring names packages that don't exist: {sorted(may - packages)}"
        for target, line in found:
            theirs = unit(target)
            if theirs != mine and theirs not in may:
                wrong.append(f"{MODULES[module].relative_to(ROOT)}:{line} imports {target} ({mine} may import: {', '.join(sorted(may)) or 'nothing'})")
    assert not wrong, "\n".join(wrong)


def test_the_rules_themselves_run_one_way() -> None:
    """What the docstrings allow is itself free of circles, so following it can never make one."""
    graph = {package: allowed(package) for package in {unit(module) for module in MODULES}}
    assert not _cycles(graph), _cycles(graph)


def test_the_reading_sees_what_it_must() -> None:
    """The reading of imports itself: relative, lazy and type-only imports all count."""
    edges = _edges()
    assert "generator.payloads.validation" in {t for t, _ in edges["generator"]}  # from .payloads import validation, in a function
    assert "generator.base.cache" in {t for t, _ in edges["generator.emit.reuse"]}  # from ..base import cache
    assert "generator.emit.views" in {t for t, _ in edges["generator.service.lint"]}  # lazy and under TYPE_CHECKING
    assert unit("generator.cli") == TOP and unit("generator.runtime.handlers._service") == "runtime" and unit("generator.emit") == "emit"

"""Checks every run's output must pass, whatever pages it came from.

Shared by the fuzz tests and the hostile corpus: the pipeline runs to the end,
each diagnostic points at a page and a line in it, every Python file compiles,
every schema is a valid draft 2020-12 schema, every XML file is well-formed,
and importing a generated package runs nothing but imports and class definitions.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from jsonschema import Draft202012Validator

from generator import runtime
from generator.base.diagnostics import CODES
from generator.emit import emit_all, jsontext
from generator.model.ir import Model
from generator.output.write import write_tree
from generator.pipeline import build_model

# Modules that are no page's: the runtime copied as it is, and the app, which builds the service when imported.
FIXED_MODULES = {*runtime.MODULES, "handlers/app.py"}
# The runtime modules' own text, by output path: a copy that is exactly that text compiles
# where it lives (test_code_gates), so it is not compiled again for every run's output.
RUNTIME_TEXTS = {**runtime.files(""), **runtime.files("models"), **runtime.files("handlers")}
# One validator of the draft 2020-12 metaschema, as check_schema builds it (formats checked),
# kept for every schema: building it again for each schema is most of what checking costs.
METASCHEMA = Draft202012Validator(Draft202012Validator.META_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def write_pages(root: Path, pages: dict[str, bytes]) -> Path:
    for name, content in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (root / "resources").mkdir(parents=True, exist_ok=True)
    return root


def run_pipeline(docs: Path, out: Path) -> tuple[Model, dict[str, str]]:
    model = build_model(docs)
    files = emit_all(model)
    write_tree(out, files)
    return model, files


def page_line_counts(pages: dict[str, bytes]) -> dict[str, int]:
    """Lines per page as the parser counts them (any line ending, undecodable bytes replaced)."""
    counts = {}
    for name, data in pages.items():
        text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        counts[name] = text.count("\n") + 1
    return counts


def check_diagnostics(model: Model, pages: dict[str, bytes]) -> None:
    lines = page_line_counts(pages)
    for d in model.diagnostics:
        assert d.path in lines, f"diagnostic for a page that does not exist: {d}"
        assert 1 <= d.line <= lines[d.path], f"line {d.line} outside {d.path} ({lines[d.path]} lines): {d}"
        assert d.code in CODES and d.severity == CODES[d.code][0], str(d)
        assert d.message and "\n" not in d.message, repr(d.message)


def check_files(files: Mapping[str, str | bytes]) -> None:
    """Python compiles; JSON parses and is laid out as ``jsontext.dumps`` prints it
    (templates that nest printed parts must come out the same, whether printed as text or
    straight to bytes); schemas pass check_schema; XML parses, from the UTF-8 bytes the
    writer stores."""
    for name, value in files.items():
        text = value.decode("utf-8") if isinstance(value, bytes) else value
        if name.endswith(".py"):
            if RUNTIME_TEXTS.get(name) != text:
                compile(text, name, "exec", dont_inherit=True)
        elif name.endswith(".json"):
            document = json.loads(text)
            assert text == jsontext.dumps(document), f"{name} is not laid out as jsontext.dumps prints it"
            if name.startswith("schemas/"):
                error = next(METASCHEMA.iter_errors(document), None)
                assert error is None, f"{name} is not a valid draft 2020-12 schema: {error.message if error else ''}"
        elif name.endswith(".xml"):
            ET.fromstring(text.encode("utf-8"))


def only_definitions(source: str, name: str) -> None:
    """Top level holds a docstring, imports, classes and ``if TYPE_CHECKING:`` imports, nothing else."""
    tree = ast.parse(source)
    for node in tree.body:
        where = f"{name}: {ast.dump(node)[:120]}"
        if isinstance(node, ast.Expr):
            assert isinstance(node.value, ast.Constant) and isinstance(node.value.value, str), where
        elif isinstance(node, ast.If):
            assert ast.unparse(node.test) == "TYPE_CHECKING", where
            assert all(isinstance(inner, (ast.ImportFrom, ast.Pass)) for inner in node.body) and not node.orelse, where
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):  # a package's tables: literals only
            assert node.value is not None and _literal(node.value), where
        elif isinstance(node, ast.FunctionDef):  # a package's lazy imports, fixed text of its template
            assert name.endswith("__init__.py") and node.name in ("__getattr__", "__dir__"), where
        elif isinstance(node, ast.ClassDef):
            for decorator in node.decorator_list:  # only the dataclass decorator, with constant options
                assert ast.unparse(decorator).startswith("_dc.dataclass("), where
            for inner in node.body:
                if isinstance(inner, (ast.Assign, ast.AnnAssign)):
                    assert inner.value is None or _inert(inner.value), f"{name}: {ast.unparse(inner)[:120]}"
                else:
                    assert isinstance(inner, (ast.Expr, ast.FunctionDef, ast.AsyncFunctionDef)), where
        else:
            assert isinstance(node, (ast.Import, ast.ImportFrom)), where


def _literal(value: ast.expr) -> bool:
    try:
        ast.literal_eval(value)
    except ValueError:
        return False
    return True


def _inert(value: ast.expr) -> bool:
    """A constant, or a tuple of ``_Field(...)`` rows of constants (``nullable=False`` too): evaluating it does nothing."""
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.Tuple):
        return all(
            isinstance(row, ast.Call)
            and ast.unparse(row.func) == "_Field"
            and all(isinstance(arg, ast.Constant) for arg in [*row.args, *(keyword.value for keyword in row.keywords)])
            for row in value.elts
        )
    return False


def check_definitions_only(files: dict[str, str]) -> None:
    for name, text in files.items():
        if not name.endswith(".py") or name in FIXED_MODULES:
            continue
        only_definitions(text, name)


def import_in_subprocess(out: Path) -> None:
    """Import the generated packages in a fresh interpreter, as ``graphdoc serve`` does:
    the output folder is the parent package of ``models`` and ``handlers``."""
    assert out.name.isidentifier(), out
    code = f"import {out.name}.models, {out.name}.handlers.app"
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, cwd=out.parent, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]

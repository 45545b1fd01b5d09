"""Import a generated models package under a name of its own."""

from __future__ import annotations

import importlib
import itertools
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from generator.emit import emit_all, python_models
from generator.model.ir import Model
from generator.output.write import write_tree

_COUNTER = itertools.count()


def import_models(folder: Path) -> ModuleType:
    """Import ``folder`` (a generated ``models`` package) as a fresh package."""
    name = f"graphdoc_models_{next(_COUNTER)}"
    target = folder.parent / f"_import_{name}"
    shutil.copytree(folder, target / name)
    sys.path.insert(0, str(target))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(target))


def generate_models(model: Model, out: Path) -> Path:
    write_tree(out, emit_all(model, ["models"]))
    return out / python_models.PACKAGE


def run_tool(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m <tool> ...`` in ``cwd``: as a user runs a checker, with that folder's settings."""
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, check=False)

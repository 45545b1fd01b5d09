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

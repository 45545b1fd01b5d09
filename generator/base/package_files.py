"""Where graphdoc's own files are: its templates, and every file whose bytes decide what it writes."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def templates_dir() -> Path:
    try:
        found = Path(str(resources.files("generator.templates")))
        if found.is_dir():
            return found
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "templates"  # a source checkout, not installed


def own_files() -> list[tuple[Path, Path]]:
    """(folder, file) for every module of the package and every template, in a stable order."""
    package = Path(__file__).resolve().parents[1]  # generator/, this module being in generator/base/
    found: list[tuple[Path, Path]] = []
    for folder in (package, templates_dir()):
        found += [(folder, p) for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in (".py", ".j2")]
    return found

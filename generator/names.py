"""Names the outputs need, decided once, for every target.

Type full names are already qualified identifiers (resolve refuses others);
what remains is making file names unique on case-insensitive file systems.
"""

from __future__ import annotations

from .model import Model

SCHEMA_BASE = "https://graphdoc.example/schemas/"
BUNDLE_FILE = "bundle.json"


def unique_stems(full_names: list[str]) -> dict[str, str]:
    """A file stem per name, unique even where only case tells names apart.

    The first name in sorted order keeps its spelling; later ones that fold to
    the same lower-case stem get a numbered suffix, stable across runs.
    """
    stems: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(full_names):
        stem = name
        counter = 2
        while stem.lower() in taken:
            stem = f"{name}_{counter}"
            counter += 1
        taken.add(stem.lower())
        stems[name] = stem
    return stems


def schema_files(model: Model) -> dict[str, str]:
    """Type full name -> schema file name (``microsoft.graph.x.json``)."""
    return {name: f"{stem}.json" for name, stem in unique_stems([t.full_name for t in model.types]).items()}


def schema_id(file_name: str) -> str:
    return SCHEMA_BASE + file_name

"""Code that generated packages run, kept here as ordinary modules and copied into the output as it is.

``handlers/`` holds the mock service's runtime and ``models/`` the models' one; each
file keeps its name in the output (``generated/handlers/_service.py``, ...), so
relative imports between them work in both places. ruff, ``mypy --strict`` and the
tests check them where they live.

May import: nothing of graphdoc (the generated output runs without it).
"""

from __future__ import annotations

from importlib import resources

# output path -> (runtime subpackage, file name)
MODULES = {
    "__init__.py": ("", "output.py"),
    "models/_runtime.py": ("models", "_runtime.py"),
    "handlers/app.py": ("handlers", "app.py"),
    "handlers/_service.py": ("handlers", "_service.py"),
    "handlers/_batch.py": ("handlers", "_batch.py"),
    "handlers/_issues.py": ("handlers", "_issues.py"),
    "handlers/_query.py": ("handlers", "_query.py"),
    "handlers/_routes.py": ("handlers", "_routes.py"),
    "handlers/_store.py": ("handlers", "_store.py"),
    "handlers/_validate.py": ("handlers", "_validate.py"),
}


def files(package: str) -> dict[str, str]:
    """The runtime modules of one output package (``models``, ``handlers``, or ``""`` for
    the output folder itself), by output path."""
    found: dict[str, str] = {}
    for path, (folder, name) in MODULES.items():
        if folder == package:
            source = resources.files(__package__).joinpath(
                *filter(None, (folder, name))
            )
            found[path] = source.read_text(encoding="utf-8")
    return found

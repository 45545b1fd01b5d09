"""``graphdoc serve``: run the generated mock service."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

from .usage import UsageError

PACKAGE = "graphdoc_service"


def load_app(out: Path) -> Any:
    """The ASGI app generated into ``out`` (whatever the folder is called)."""
    app_file = out / "handlers" / "app.py"
    if not app_file.is_file():
        raise UsageError(f"{out}: no generated service here; run graphdoc generate first")
    spec = importlib.util.spec_from_loader(PACKAGE, loader=None, is_package=True)
    assert spec is not None and spec.submodule_search_locations is not None
    spec.submodule_search_locations.append(str(out.resolve()))
    package = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = package
    return importlib.import_module(f"{PACKAGE}.handlers.app").app


def serve(out: Path, host: str, port: int) -> None:
    import uvicorn

    app = load_app(out)
    uvicorn.run(app, host=host, port=port, log_level="info")

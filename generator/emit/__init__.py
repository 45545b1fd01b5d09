"""Emit stage: the model in, file texts out (relative path -> text).

Each target is a function ``emit(model) -> dict[str, str]``; ``TARGETS`` lists
them in the order ``graphdoc generate`` runs them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Model
from . import handlers, jsonschema, model_json, openapi, python_models

Target = Callable[[Model], dict[str, str]]

TARGETS: dict[str, Target] = {
    "model": model_json.emit,
    "schemas": jsonschema.emit,
    "models": python_models.emit,
    "handlers": handlers.emit,
    "openapi": openapi.emit,
}


def emit_all(model: Model, targets: list[str] | None = None) -> dict[str, str]:
    files: dict[str, str] = {}
    for name, target in TARGETS.items():
        if targets is None or name in targets:
            files.update(target(model))
    return dict(sorted(files.items()))

"""Emit stage: the model in, file texts out (relative path -> text).

Each target is a function ``emit(model) -> dict[str, str]``; ``TARGETS`` lists
them in the order ``graphdoc generate`` runs them. A large model is emitted on
two cores: a forked process takes the Python models while this one writes the
rest. Each target's output is the same wherever it runs.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

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

# Two groups of about equal cost; targets that share a view (schemas, handlers and
# OpenAPI share the schema documents) stay together.
SIDE_GROUP = ("model", "models")
PARALLEL_FROM = 500  # types; a smaller model is emitted faster than a process starts

_forked_model: Model | None = None  # the model a forked worker reads


def _emit(model: Model, names: list[str]) -> dict[str, str]:
    files: dict[str, str] = {}
    for name in names:
        files.update(TARGETS[name](model))
    return files


def _emit_forked(names: list[str]) -> dict[str, str]:
    assert _forked_model is not None
    return _emit(_forked_model, names)


def emit_all(model: Model, targets: list[str] | None = None, workers: int | None = None) -> dict[str, str]:
    global _forked_model
    names = [name for name in TARGETS if targets is None or name in targets]
    side = [name for name in names if name in SIDE_GROUP]
    main = [name for name in names if name not in SIDE_GROUP]
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 2 or not side or not main or len(model.types) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return dict(sorted(_emit(model, names).items()))
    _forked_model = model
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_emit_forked, side)
            files = _emit(model, main)
            files.update(future.result())
    finally:
        _forked_model = None
    return dict(sorted(files.items()))

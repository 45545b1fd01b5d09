"""Emit stage: the model in, file texts out (relative path -> text, or UTF-8 bytes).

Each target is a function ``files(views) -> dict[str, str | bytes]`` of one ``Views``
of the model; ``TARGETS`` lists them in the order ``graphdoc generate`` runs them, and
``emit_all(model, [name])`` is one target's files alone. A large model is emitted on
two cores: a forked process takes the model dump, the Python models and CSDL (and the
schemas, when the mock data is kept) while this one makes the rest; ``emit_into`` hands
each half's files to a sink where they are made. Each target's output is the same
wherever it runs.

``views`` makes the ``Views`` (and imports the targets whose views it holds, which take
a ``Views`` Protocol of what they read instead of importing it back); ``render`` is the
Jinja environment, ``layout`` the lines of generated Python, ``jsontext`` JSON text;
``reuse``, ``black_format`` and ``mock_cache`` keep renders, black's lines and the mock
data between runs.

May import: base, model, payloads, runtime.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from ..base.workers import EMIT_FROM, count, on_two_cores, parallel
from ..model.ir import Model
from . import csdl, handlers, jsonschema, model_json, openapi, python_models
from .views import Views

# A file's text, or its UTF-8 bytes where a document of many megabytes is printed straight to bytes.
Text = str | bytes
Target = Callable[[Views], Mapping[str, Text]]

TARGETS: dict[str, Target] = {
    "model": model_json.files,
    "schemas": jsonschema.files,
    "models": python_models.files,
    "handlers": handlers.files,
    "openapi": openapi.files,
    "csdl": csdl.files,
}

# Two groups of about equal cost; targets that share a view stay together. Handlers and
# OpenAPI share the mock data, and making it (when the cache has none) needs the schema
# documents: only when the mock data is kept do the schemas go to the side.
SIDE_GROUP = ("model", "models", "csdl")


def _emit(views: Views, names: list[str]) -> dict[str, Text]:
    files: dict[str, Text] = {}
    for name in names:
        files.update(TARGETS[name](views))
    return files


def emit_all(model: Model, targets: list[str] | None = None, workers: int | None = None, views: Views | None = None) -> dict[str, Text]:
    """Every target's files (or ``targets``'), from one ``Views`` of the model (``views``
    when the caller wants the views afterwards, e.g. for the names' diagnostics; then
    their worker count is the one used, and ``workers`` only makes views here)."""
    views = views if views is not None else Views(model, workers)
    return dict(sorted(emit_into(views, _kept, targets).items()))


def _kept(files: dict[str, Text], main: bool) -> dict[str, Text]:
    return files


Result = TypeVar("Result")


def emit_into(views: Views, sink: Callable[[dict[str, Text], bool], dict[str, Result]], targets: list[str] | None = None) -> dict[str, Result]:
    """Every target's files handed to ``sink`` in the process that emitted them, and what
    ``sink`` makes of them, merged: ``emit_all`` keeps the files, ``graphdoc generate``
    writes them where they are made, so only their hashes travel between the cores.
    ``sink``'s second argument says whether the files are this process's half (or all of
    them); False for the other half's, made in the copy (or here, should the copy fail)."""
    names = [name for name in TARGETS if targets is None or name in targets]
    side: list[str] = []
    if parallel(count(views.workers), len(views.model.types), EMIT_FROM):
        beside = (*SIDE_GROUP, "schemas") if "schemas" in names and views.mock_is_kept else SIDE_GROUP
        side = [name for name in names if name in beside]
    main = [name for name in names if name not in side]
    if not side or not main:
        return sink(_emit(views, names), True)
    views.names  # both groups name Python things: decided once, before the copy  # noqa: B018
    mine, theirs = on_two_cores(lambda: sink(_emit(views, main), True), lambda: sink(_emit(views, side), False))
    return {**mine, **theirs}

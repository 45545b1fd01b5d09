"""graphdoc: Microsoft Graph-style reference pages in, schemas and code out.

The library surface: ``build_model`` (parse and resolve a docs folder),
``SchemaSet`` (the emitted JSON Schemas of a folder, loaded once, checking payloads)
and ``validate`` (one payload against a folder's schemas).

One subpackage per stage and side, data flowing one way: ``parse`` (pages in, page
records out) -> ``model`` (the model and the stage that resolves it) -> ``emit`` (file
texts) -> ``output`` (the output folder); ``payloads`` (the schemas' checks and the
mock's data) and ``service`` (serve, replay, lint) read the model; ``diff`` compares two
models; ``base`` is what they all share and ``runtime`` the code copied into the output.
Each subpackage's docstring names the packages it may import. The modules here are the
entry points: ``cli`` (the command line), ``pipeline`` (the stages in one place) and
``config`` (the ``[tool.graphdoc]`` settings).

May import: base, parse, model, payloads, emit, output, service, diff, runtime.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .pipeline import build_model

if TYPE_CHECKING:
    from pathlib import Path

    from .payloads.validation import SchemaError, SchemaSet, UnknownType
    from .runtime.handlers._issues import Issue

__all__ = ["Issue", "SchemaError", "SchemaSet", "UnknownType", "build_model", "validate"]


def __getattr__(name: str) -> Any:
    # The validation names load jsonschema; commands that don't validate don't pay for it.
    if name == "Issue":
        from .runtime.handlers._issues import Issue

        return Issue
    if name in ("SchemaError", "SchemaSet", "UnknownType"):
        from .payloads import validation

        return getattr(validation, name)
    raise AttributeError(name)


def validate(
    payload: Any, type: str | None = None, schemas: SchemaSet | str | Path = "generated/schemas", *, collection: bool = False
) -> list[Issue]:
    """Every way ``payload`` breaks the schema of ``type`` (default: its ``@odata.type``).

    An empty list means valid. ``schemas`` is a loaded ``SchemaSet`` or a folder (a schema
    folder, an output folder holding ``schemas/``, or the bundle file), whose schemas are
    loaded at the first call and kept: a later call with the same folder uses them while
    the folder resolves to the same bundle and its file is unchanged. ``collection``: the
    payload is a collection response, ``{"value": [...]}``, each item of the type. Raises
    SchemaError when the type can't be told, UnknownType (a SchemaError) when it is not
    among the schemas.
    """
    checking: SchemaSet = (_validation or _load_validation()).loaded(schemas)
    return checking.validate(payload, type, collection=collection)


_validation: Any = None  # the validation module, once a call needs it


def _load_validation() -> Any:
    global _validation
    from .payloads import validation

    _validation = validation
    return validation

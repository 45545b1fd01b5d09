"""graphdoc: Microsoft Graph-style reference pages in, schemas and code out.

The library surface: ``build_model`` (parse and resolve a docs folder),
``SchemaSet`` (the emitted JSON Schemas of a folder, loaded once, checking payloads)
and ``validate`` (one payload against a folder's schemas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .pipeline import build_model

if TYPE_CHECKING:
    from pathlib import Path

    from .runtime.handlers._issues import Issue
    from .validation import SchemaError, SchemaSet

__all__ = ["Issue", "SchemaError", "SchemaSet", "build_model", "validate"]


def __getattr__(name: str) -> Any:
    # The validation names load jsonschema; commands that don't validate don't pay for it.
    if name == "Issue":
        from .runtime.handlers._issues import Issue

        return Issue
    if name in ("SchemaError", "SchemaSet"):
        from . import validation

        return getattr(validation, name)
    raise AttributeError(name)


def validate(payload: Any, type: str | None = None, schemas: SchemaSet | str | Path = "generated/schemas") -> list[Issue]:
    """Every way ``payload`` breaks the schema of ``type`` (default: its ``@odata.type``).

    An empty list means valid. ``schemas`` is a loaded ``SchemaSet`` or a folder, which
    is read at each call: to check many payloads, load it once with
    ``SchemaSet.from_dir`` and pass that (or call its ``validate``). Raises SchemaError
    when the type can't be told or is not among the schemas.
    """
    from .validation import SchemaSet

    if not isinstance(schemas, SchemaSet):
        schemas = SchemaSet.from_dir(schemas)
    return schemas.validate(payload, type)

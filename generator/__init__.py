"""graphdoc: Microsoft Graph-style reference pages in, schemas and code out.

The library surface: ``build_model`` (parse and resolve a docs folder) and
``validate`` (check a payload against emitted JSON Schemas).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pipeline import build_model

if TYPE_CHECKING:
    from .runtime.handlers._issues import Issue
    from .validation import SchemaError, SchemaSet

__all__ = ["Issue", "SchemaError", "SchemaSet", "build_model", "schema_set", "validate"]

_SCHEMA_SETS: dict[str, SchemaSet] = {}  # by absolute folder
_ABSOLUTE: dict[str | Path, SchemaSet] = {}  # by an absolute folder as the caller spells it


def __getattr__(name: str) -> Any:
    # The validation names load jsonschema; commands that don't validate don't pay for it.
    if name == "Issue":
        from .runtime.handlers._issues import Issue

        return Issue
    if name in ("SchemaError", "SchemaSet"):
        from . import validation

        return getattr(validation, name)
    raise AttributeError(name)


def schema_set(schemas: str | Path = "generated/schemas") -> SchemaSet:
    """The schemas in a folder, loaded once per process per folder. A relative
    folder is taken from the working folder at each call."""
    found = _ABSOLUTE.get(schemas)  # the cheap, common case: a folder given as before
    if found is not None:
        return found
    folder = os.path.abspath(schemas)
    found = _SCHEMA_SETS.get(folder)
    if found is None:
        from .validation import SchemaSet

        found = _SCHEMA_SETS[folder] = SchemaSet.from_dir(Path(folder))
    if os.path.isabs(schemas):  # it names the same folder whatever the working folder
        _ABSOLUTE[schemas] = found
    return found


def validate(payload: Any, type: str | None = None, schemas: str | Path = "generated/schemas") -> list[Issue]:
    """Every way ``payload`` breaks the schema of ``type`` (default: its ``@odata.type``).

    An empty list means valid. Raises SchemaError when the type can't be told
    or is not among the schemas.
    """
    if type is None:
        written = payload.get("@odata.type") if isinstance(payload, dict) else None
        if not isinstance(written, str) or not written.strip():
            from .validation import SchemaError

            raise SchemaError("the payload has no @odata.type; give the type")
        type = written
    found = _ABSOLUTE.get(schemas)  # schema_set(), inlined: this is the hot path
    return (found or schema_set(schemas)).validate(payload, type)

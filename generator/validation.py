"""Validate payloads against the emitted JSON Schemas.

``SchemaSet`` loads the schemas once (from a folder or straight from emitted
texts), registers them for offline ``$ref`` resolution, and builds the validators
of a type on first use: jsonschema-rs decides, jsonschema explains
(``runtime/handlers/_validate.py``). Errors come back as ``Issue`` objects: a JSON
pointer into the payload, what was expected and what was found.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator as Reference
from referencing import Registry

from .names import BUNDLE_FILE
from .primitives import edm_type, primitive_schema
from .runtime.handlers._issues import Issue, issues
from .runtime.handlers._validate import FORMAT_CHECKER, Schemas, Validator
from .usage import UsageError

__all__ = ["FORMAT_CHECKER", "MAX_ISSUES", "SchemaError", "SchemaSet"]

MAX_ISSUES = 1000  # per payload


class SchemaError(UsageError):
    """Schemas can't be loaded, or a type is not among them (a usage error)."""


class SchemaSet:
    def __init__(self, documents: Mapping[str, dict[str, Any]]) -> None:
        """``documents``: schema documents, each with its own ``$id``."""
        self.by_id: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, str] = {}
        lower: dict[str, list[str]] = {}
        for document in documents.values():
            schema_id = document.get("$id")
            title = document.get("title")
            if not isinstance(schema_id, str):
                continue
            self.by_id[schema_id] = document
            full_name = schema_id.rsplit("/", 1)[-1].removesuffix(".json")
            self.by_name[full_name] = schema_id
            if isinstance(title, str):
                lower.setdefault(title.lower(), []).append(full_name)
        self.short = lower
        self.schemas = Schemas(self.by_id.values())
        self.registry: Registry[Any] = self.schemas.registry
        self._checks: dict[str, Validator] = {}

    @classmethod
    def from_texts(cls, documents: Mapping[str, str]) -> SchemaSet:
        """From the schema documents' texts, by any name (the schema view's, by type)."""
        return cls({name: json.loads(text) for name, text in documents.items()})

    @classmethod
    def from_dir(cls, folder: str | Path) -> SchemaSet:
        """The schemas in ``folder``: a schema folder, or an output folder holding ``schemas/``."""
        folder = Path(folder)
        if not folder.exists():
            raise SchemaError(f"{folder}: does not exist")
        bundle = folder / BUNDLE_FILE
        if not bundle.exists() and (folder / "schemas" / BUNDLE_FILE).exists():
            bundle = folder / "schemas" / BUNDLE_FILE
        try:
            document = json.loads(bundle.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SchemaError(f"{folder}: no schema bundle here; run graphdoc generate or give --schemas") from None
        except (OSError, ValueError) as error:
            raise SchemaError(f"{bundle}: can't be read: {error}") from None
        defs = document.get("$defs") if isinstance(document, dict) else None
        if not isinstance(defs, dict):
            raise SchemaError(f"{bundle}: not a graphdoc schema bundle")
        return cls(defs)

    def full_name(self, name: str) -> str:
        """``synchronizationJob``, ``microsoft.graph.synchronizationJob`` or ``#...`` -> the full name."""
        name = name.strip().lstrip("#")
        if name in self.by_name or edm_type(name):
            return name
        candidates = self.short.get(name.rsplit(".", 1)[-1].lower(), [])
        exact = [c for c in candidates if c.rsplit(".", 1)[-1] == name.rsplit(".", 1)[-1]]
        if len(exact) == 1:
            return exact[0]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise SchemaError(f"type {name!r} is ambiguous: {', '.join(sorted(candidates))}")
        raise SchemaError(f"type {name!r} is not among the schemas")

    def check(self, type_name: str) -> Validator:
        """The validators of a type: the compiled one decides, jsonschema explains."""
        found = self._checks.get(type_name)  # by the name as given: the common, repeated call
        if found is not None:
            return found
        full_name = self.full_name(type_name)
        found = self._checks.get(full_name)
        if found is None:
            if full_name in self.by_name:
                schema: dict[str, Any] = {"$ref": self.by_name[full_name]}
            else:
                schema = primitive_schema(edm_type(full_name) or full_name)
            found = self._checks[full_name] = self.schemas.validator(schema, full_name)
        self._checks[type_name] = found
        return found

    @property
    def kept(self) -> int:
        """How many validators are kept (a type asked for by two names counts twice)."""
        return len(self._checks)

    def forget_validators(self) -> None:
        """Let go of the validators built for types so far (each holds its compiled schema;
        the few large schemas compiled on their own to be called stay): for a caller that
        checks many types a type at a time, memory stays about that of one type's."""
        self._checks.clear()

    def validator(self, type_name: str) -> Reference:
        """The jsonschema validator of a type: the reference, which explains."""
        return self.check(type_name).reference

    def validate(self, payload: Any, type_name: str | None = None) -> list[Issue]:
        """Every issue, up to ``MAX_ISSUES``; a last issue says when more were left unlisted.

        The type defaults to the payload's ``@odata.type``; SchemaError when it can't be
        told or is not among the schemas.
        """
        if type_name is None:
            type_name = stated_type(payload)
            if type_name is None:
                raise SchemaError("the payload has no @odata.type; give the type")
        check = self._checks.get(type_name) or self.check(type_name)
        fast = check.fast  # Validator.valid(), inlined: this is the hot path
        if fast is not None:
            try:
                valid = fast(payload)
            except Exception:  # noqa: BLE001 - a value it can't read: jsonschema decides
                valid = False
            if valid:
                return []
        validator = check.reference
        try:
            # jsonschema finds errors lazily: stopping early bounds the time and memory
            # a payload with a million wrong values takes.
            found = list(islice(_distinct(issues(validator.iter_errors(payload))), MAX_ISSUES + 1))
        except RecursionError:
            return [Issue("", "a payload nested less deeply", "nesting too deep to check")]
        if len(found) > MAX_ISSUES:
            found[MAX_ISSUES:] = [Issue("", f"at most {MAX_ISSUES} issues listed", "more")]
        return found


def stated_type(payload: Any) -> str | None:
    """The type a payload states: its ``@odata.type``, when that is a string with a name in it."""
    written = payload.get("@odata.type") if isinstance(payload, dict) else None
    return written if isinstance(written, str) and written.strip() else None


def _distinct(found: Iterator[Issue]) -> Iterator[Issue]:
    """Each issue once: one failure can show in two branches of a schema (a type's
    root and its exact shape both want an object)."""
    seen: set[Issue] = set()
    for issue in found:
        if issue not in seen:
            seen.add(issue)
            yield issue

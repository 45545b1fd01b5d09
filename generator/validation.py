"""Validate payloads against the emitted JSON Schemas.

``SchemaSet`` loads the schemas once (from a folder or straight from emitted
texts), registers them for offline ``$ref`` resolution, and builds one
validator per type on first use. Errors come back as ``Issue`` objects: a JSON
pointer into the payload, what was expected and what was found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .emit.jsonschema import PATTERN_NAMES, primitive_schema
from .names import BUNDLE_FILE
from .primitives import edm_type
from .usage import UsageError

FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER
MAX_ISSUES = 1000  # per payload


class SchemaError(UsageError):
    """Schemas can't be loaded, or a type is not among them (a usage error)."""


@dataclass(frozen=True)
class Issue:
    pointer: str  # JSON pointer into the payload ("" is the payload itself)
    expected: str
    found: str

    @property
    def message(self) -> str:
        return f"expected {self.expected}, found {self.found}"

    def __str__(self) -> str:
        return f"{self.pointer or '(root)'}: {self.message}"


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
        self.registry: Registry[Any] = Registry().with_resources(
            (i, Resource.from_contents(d, default_specification=DRAFT202012)) for i, d in self.by_id.items()
        )
        self._validators: dict[str, Draft202012Validator] = {}

    @classmethod
    def from_texts(cls, files: Mapping[str, str]) -> SchemaSet:
        """From emitted files (path -> text); the bundle is left out."""
        return cls({p: json.loads(t) for p, t in files.items() if p.endswith(".json") and not p.endswith(BUNDLE_FILE)})

    @classmethod
    def from_dir(cls, folder: Path) -> SchemaSet:
        bundle = folder / BUNDLE_FILE
        try:
            document = json.loads(bundle.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SchemaError(f"{bundle}: no schema bundle here; run graphdoc generate or give --schemas") from None
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

    def validator(self, type_name: str) -> Draft202012Validator:
        found = self._validators.get(type_name)  # by the name as given: the common, repeated call
        if found is not None:
            return found
        full_name = self.full_name(type_name)
        found = self._validators.get(full_name)
        if found is None:
            if full_name in self.by_name:
                schema: dict[str, Any] = {"$ref": self.by_name[full_name]}
            else:
                schema = primitive_schema(edm_type(full_name) or full_name)
            found = Draft202012Validator(schema, registry=self.registry, format_checker=FORMAT_CHECKER)
            self._validators[full_name] = found
        self._validators[type_name] = found
        return found

    def validate(self, payload: Any, type_name: str) -> list[Issue]:
        """Every issue, up to ``MAX_ISSUES``; a last issue says when more were left unlisted."""
        validator = self.validator(type_name)
        try:
            # jsonschema finds errors lazily: stopping early bounds the time and memory
            # a payload with a million wrong values takes.
            issues = list(islice((i for e in validator.iter_errors(payload) for i in _issues(e)), MAX_ISSUES + 1))
        except RecursionError:
            return [Issue("", "a payload nested less deeply", "nesting too deep to check")]
        if len(issues) > MAX_ISSUES:
            issues[MAX_ISSUES:] = [Issue("", f"at most {MAX_ISSUES} issues listed", "more")]
        return issues


def _pointer(path: Any) -> str:
    return _printable("".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path))


def _printable(text: str) -> str:
    """``text`` with lone surrogates written as escapes, so an issue can always be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _found(instance: Any) -> str:
    kind = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(instance), "number"
    )
    if isinstance(instance, (dict, list)):
        return kind
    text = json.dumps(instance if not isinstance(instance, str) else instance[:60], ensure_ascii=False)
    return _printable(f"{kind} {text if len(text) <= 60 else text[:57] + '...'}")


def _is_null_branch(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


def _issues(error: ValidationError) -> Iterator[Issue]:
    keyword = error.validator
    if keyword in ("anyOf", "oneOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        options = error.validator_value if isinstance(error.validator_value, list) else []
        kept = [errs for index, errs in branches.items() if not _is_null_branch(options[index] if index < len(options) else None)]
        if len(kept) == 1:
            for sub in kept[0]:
                yield from _issues(sub)
            return
    pointer = _pointer(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.validator_value
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        known = schema.get("properties", {})
        patterns = list(schema.get("patternProperties", {}))
        for key in error.instance:
            if key not in known and not any(re.search(p, key) for p in patterns):
                yield Issue(pointer + _pointer([key]), "no such property (the type is closed)", _printable(f"property {key[:60]!r}"))
        return
    if keyword == "type":
        kinds = value if isinstance(value, list) else [value]
        expected = " or ".join(str(k) for k in kinds)
    elif keyword == "enum":
        shown = ", ".join(json.dumps(v) for v in value[:8]) + (", ..." if len(value) > 8 else "")
        expected = f"one of {shown}"
    elif keyword == "format":
        expected = f"a {value} string"
    elif keyword == "pattern":
        expected = PATTERN_NAMES.get(value) or f"a string matching {value}"
    elif keyword == "minimum":
        expected = f"a number >= {value}"
    elif keyword == "maximum":
        expected = f"a number <= {value}"
    elif keyword == "const":
        expected = json.dumps(value)
    else:
        expected = _printable(error.message if len(error.message) <= 200 else error.message[:197] + "...")
    yield Issue(pointer, expected, _found(error.instance))

"""Validate payloads against the emitted JSON Schemas.

``SchemaSet`` loads the schemas once (from a folder or straight from emitted
texts), registers them for offline ``$ref`` resolution, and builds the validators
of a type on first use: jsonschema-rs decides, jsonschema explains
(``runtime/handlers/_validate.py``). Errors come back as ``Issue`` objects: a JSON
pointer into the payload, what was expected and what was found.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator as Reference
from referencing import Registry

from ..base.usage import UsageError
from ..model.names import BUNDLE_FILE
from ..model.primitives import edm_type, primitive_schema
from ..runtime.handlers._issues import Issue, issues
from ..runtime.handlers._validate import FORMAT_CHECKER, Schemas, Validator

__all__ = ["FORMAT_CHECKER", "MAX_ISSUES", "SchemaError", "SchemaSet", "UnknownType", "loaded"]

MAX_ISSUES = 1000  # per payload


class SchemaError(UsageError):
    """Schemas can't be loaded, or a type is not among them (a usage error)."""


class UnknownType(SchemaError):
    """A payload names a type (``@odata.type``) that is not among the schemas."""


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
        """The schemas in ``folder``: a schema folder, an output folder holding ``schemas/``,
        or a schema bundle file itself."""
        return cls.from_bundle(bundle_of(folder))

    @classmethod
    def from_bundle(cls, bundle: Path) -> SchemaSet:
        """The schemas of a bundle file (``bundle.json``: every type's schema under ``$defs``)."""
        try:
            document = json.loads(bundle.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SchemaError(f"{bundle}: does not exist") from None
        except (OSError, ValueError) as error:
            raise SchemaError(f"{bundle}: can't be read: {error}") from None
        defs = document.get("$defs") if isinstance(document, dict) else None
        if not isinstance(defs, dict):
            raise SchemaError(f"{bundle}: not a graphdoc schema bundle; give the schema folder graphdoc generate wrote")
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
        raise UnknownType(f"type {name!r} is not among the schemas")

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

    def validate(self, payload: Any, type_name: str | None = None, *, collection: bool = False) -> list[Issue]:
        """Every issue, up to ``MAX_ISSUES``; a last issue says when more were left unlisted.

        The type defaults to the payload's ``@odata.type``; SchemaError when it can't be
        told, UnknownType when it is not among the schemas. ``collection``: the payload is
        a collection response, ``{"value": [...]}`` (a page of one: ``@odata.nextLink``,
        ``@odata.count`` and the other annotations beside it), each item of the type.
        """
        if collection:
            return self._collection(payload, type_name)
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
        return _bounded(found)

    def _collection(self, payload: Any, type_name: str | None) -> list[Issue]:
        """The issues of a collection response: its shape, then each item's, by its pointer."""
        found: list[Issue] = []
        if isinstance(payload, dict):
            items = payload.get("value")
            for key, value in payload.items():
                if key != "value":
                    found.extend(_page_annotation(key, value))
            if not isinstance(items, list):
                where, what = ("/value", _kind(items)) if "value" in payload else ("", "an object without value")
                return _bounded([Issue(where, "an array of the items (a collection response)", what), *found])
        else:
            return [Issue("", 'a collection response ({"value": [...]})', _kind(payload))]
        for index, item in enumerate(items):
            if len(found) > MAX_ISSUES:
                break
            stated = type_name or stated_type(item)
            if stated is None:
                raise SchemaError(f"/value/{index} has no @odata.type; give the type")
            try:
                found.extend(Issue(f"/value/{index}{i.pointer}", i.expected, i.found) for i in self.validate(item, stated))
            except UnknownType as error:
                raise UnknownType(f"/value/{index}: {error}") from None
        return _bounded(found)
def stated_type(payload: Any) -> str | None:
    """The type a payload states: its ``@odata.type``, when that is a string with a name in it."""
    written = payload.get("@odata.type") if isinstance(payload, dict) else None
    return written if isinstance(written, str) and written.strip() else None


# A collection response holds its items under "value", and OData control annotations beside
# them: a page of one says where the next begins (@odata.nextLink), how many there are, ...
_ANNOTATION = re.compile(r"^[^@]*@odata\.[A-Za-z.]+\Z")
_LINKS = ("@odata.nextLink", "@odata.deltaLink", "@odata.context", "@odata.id")


def _page_annotation(key: str, value: Any) -> list[Issue]:
    """What is wrong with one key beside a collection's ``value``."""
    where = "/" + key.replace("~", "~0").replace("/", "~1")
    if not _ANNOTATION.match(key):
        return [Issue(where, "no such property (a collection response holds value and @odata annotations)", f"property {key[:60]!r}")]
    if key in _LINKS and not isinstance(value, str):
        return [Issue(where, "a URL string", _kind(value))]
    if key == "@odata.count" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        return [Issue(where, "a count (an integer >= 0)", _kind(value))]
    return []


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    names = {dict: "object", list: "array", str: "string", type(None): "null"}
    return names.get(type(value), "number")


def _bounded(found: list[Issue]) -> list[Issue]:
    if len(found) > MAX_ISSUES:
        found[MAX_ISSUES:] = [Issue("", f"at most {MAX_ISSUES} issues listed", "more")]
    return found


def bundle_of(folder: str | Path) -> Path:
    """The schema bundle of ``folder``: a schema folder, an output folder holding
    ``schemas/``, or the bundle itself; SchemaError, in words, when it is none of these."""
    folder = Path(folder)
    if folder.is_file():
        return folder  # from_bundle says whether it is one
    if not folder.exists():
        raise SchemaError(f"{folder}: does not exist")
    if not folder.is_dir():
        raise SchemaError(f"{folder}: not a folder or a schema bundle")
    for bundle in (folder / BUNDLE_FILE, folder / "schemas" / BUNDLE_FILE):
        if bundle.is_file():
            return bundle
    raise SchemaError(f"{folder}: no schema bundle here; run graphdoc generate or give --schemas")


# generator.validate keeps each folder's schemas between calls: (the working folder, the
# folder as given) -> its bundle, and bundle -> (its file's stamp, the schemas). The stamp
# is looked at again once RECHECK seconds have passed since it last was: a system call costs
# more than checking a payload, so a loop over payloads pays for neither.
RECHECK = 0.001
_BUNDLES: dict[tuple[str, str], Path] = {}
_LOADED: dict[Path, tuple[tuple[int, int, int], SchemaSet]] = {}
_KEPT = 4  # bundles kept at once
_last: tuple[float, object, SchemaSet] | None = None  # (checked at, folder as given, its schemas)


def loaded(folder: SchemaSet | str | Path) -> SchemaSet:
    """The schemas of ``folder`` (as ``from_dir`` reads them), loaded once and kept while
    the folder resolves to the same bundle and the bundle's file is unchanged; a
    ``SchemaSet`` itself as it is."""
    global _last
    now = time.monotonic()
    last = _last
    if last is not None and (last[1] is folder or last[1] == folder) and now - last[0] < RECHECK:
        return last[2]
    if isinstance(folder, SchemaSet):
        return folder
    key = (os.getcwd(), os.fspath(folder))
    bundle = _BUNDLES.get(key)
    if bundle is None:
        bundle = _BUNDLES[key] = bundle_of(folder).resolve()
    try:
        stat = os.stat(bundle)
    except OSError:
        _BUNDLES.pop(key, None)
        return SchemaSet.from_dir(folder)  # says what is wrong, in words
    stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    found = _LOADED.get(bundle)
    if found is None or found[0] != stamp:
        found = (stamp, SchemaSet.from_bundle(bundle))
        _LOADED.pop(bundle, None)
        _LOADED[bundle] = found
        while len(_LOADED) > _KEPT:
            del _LOADED[next(iter(_LOADED))]
    _last = (now, folder, found[1])
    return found[1]


def _distinct(found: Iterator[Issue]) -> Iterator[Issue]:
    """Each issue once: one failure can show in two branches of a schema (a type's
    root and its exact shape both want an object)."""
    seen: set[Issue] = set()
    for issue in found:
        if issue not in seen:
            seen.add(issue)
            yield issue

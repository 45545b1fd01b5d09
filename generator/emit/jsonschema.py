"""JSON Schema (draft 2020-12): one file per type plus a bundle of all of them.

Each type's file has two parts. Its root accepts the type or any type derived
from it, chosen by the payload's ``@odata.type``; ``$defs/exact`` is the type
itself with every property it declares or inherits. A property typed as a base
type refers to the base's root, so a derived payload validates as the derived
type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Protocol

from ..model.ir import ENUM, Model, Type
from ..model.names import BUNDLE_FILE, schema_files, schema_id, schema_titles
from ..model.primitives import primitive_schema
from . import jsontext
from .render import render
from .reuse import Renders, scope_of


class Views(Protocol):
    """What ``files`` reads of one model's ``Views``: views.py is not imported here, since
    it builds the ``SchemaView``."""

    @property
    def model(self) -> Model: ...

    @property
    def schemas(self) -> SchemaView: ...


DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Names a closed type still accepts beside its properties: OData control annotations.
ANNOTATION = r"^[^@]*@odata\.[A-Za-z.]+$"
CONTROL_ANNOTATIONS: dict[str, dict[str, Any]] = {ANNOTATION: {}}


def _with_null(schema: dict[str, Any]) -> dict[str, Any]:
    if not schema:
        return schema
    kind = schema.get("type")
    if kind is None or "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kinds = [kind] if isinstance(kind, str) else list(kind)
    return {**schema, "type": [*kinds, "null"]}


class SchemaView:
    """What the templates need for one model: ids, file names, schema parts."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.files = schema_files(model)
        self.titles = schema_titles(model)
        self._texts: dict[str, str] | None = None
        self._descendants: dict[str, tuple[str, ...]] = {}
        self.children: dict[str, list[str]] = {}
        for t in model.types:
            if t.base_type and t.base_type in self.files:
                self.children.setdefault(t.base_type, []).append(t.full_name)

    def ref(self, type_name: str) -> dict[str, Any]:
        return {"$ref": schema_id(self.files[type_name])}

    def value(self, type_name: str) -> dict[str, Any]:
        if type_name in self.files:
            return self.ref(type_name)
        return primitive_schema(type_name)

    def member(
        self, type_name: str, collection: bool, nullable: bool, description: str, read_only: bool, values: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        schema = self.value(type_name)
        if collection:
            schema = {"type": "array", "items": schema}
        if nullable:
            schema = _with_null(schema)
        extra: dict[str, Any] = {}
        if description:
            extra["description"] = description
        if read_only:
            extra["readOnly"] = True
        if values:  # a String's documented values: examples, not a limit (the service may add others)
            extra["examples"] = [[value] for value in values] if collection else list(values)
        return {**extra, **schema}

    def descendants(self, type_name: str) -> tuple[str, ...]:
        """The types derived from ``type_name``, depth first in name order; found once per type."""
        known = self._descendants.get(type_name)
        if known is not None:
            return known
        found: dict[str, None] = {}
        stack = sorted(self.children.get(type_name, []), reverse=True)
        while stack:
            name = stack.pop()
            if name in found or name == type_name:
                continue
            found[name] = None
            stack.extend(sorted(self.children.get(name, []), reverse=True))
        self._descendants[type_name] = tuple(found)
        return self._descendants[type_name]

    def lineage(self, t: Type) -> list[Type]:
        """The type and its bases, root first."""
        return [*reversed(self.model.ancestors(t.full_name)), t]

    def properties(self, t: Type) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for owner in self.lineage(t):
            for p in owner.properties:
                result[p.name] = self.member(p.type, p.collection, p.nullable, p.description, p.read_only, p.values)
            for n in owner.navigation_properties:
                result[n.name] = self.member(n.type, n.collection, not n.collection, n.description, False)
        return result

    def texts(self) -> dict[str, str]:
        """Each type's schema document as printed, by type name; rendered once per model."""
        if self._texts is None:
            renders = Renders("schemas", scope_of(self.model))
            for t in self.model.types:
                renders.add(t.full_name, "jsonschema/type.json.j2", self.type_context(t))
            # read back from the template's text, which fails loudly if it is not JSON, and printed
            self._texts = renders.files(lambda rendered: {name: jsontext.dumps(json.loads(text)) for name, text in rendered.items()})
        return self._texts

    def type_context(self, t: Type) -> dict[str, Any]:
        context: dict[str, Any] = {
            "dialect": DIALECT,
            "id": schema_id(self.files[t.full_name]),
            "title": self.titles[t.full_name],
            "description": t.description,
            "kind": t.kind,
        }
        if t.kind == ENUM:
            names = [m.name for m in t.members]
            context["members"] = names
            context["flags_pattern"] = _flags_pattern(names) if t.flags else None
            return context
        descendants = self.descendants(t.full_name)
        context["type_names"] = _odata_names([t.full_name, *descendants])
        context["cases"] = [
            {"names": _odata_names([d]), "ref": schema_id(self.files[d]) + "#/$defs/exact"} for d in descendants
        ]
        context["descendant_names"] = _odata_names(descendants)
        context["properties"] = self.properties(t)
        context["open"] = any(o.open_type for o in self.lineage(t))
        context["names"] = admitted_names(list(context["properties"]))

        return context


def admitted_names(properties: list[str]) -> dict[str, Any]:
    """What a closed type admits as a name (``propertyNames``): its properties or an OData
    annotation. Stated so rather than as ``additionalProperties: false`` beside
    ``patternProperties``, which code generators (datamodel-code-generator) turn into
    models that refuse the annotations."""
    annotation = {"pattern": ANNOTATION}
    return {"anyOf": [{"enum": properties}, annotation]} if properties else annotation


def _odata_names(full_names: Sequence[str]) -> list[str]:
    """How payloads may spell a type in @odata.type: with or without '#'."""
    return [spelling for name in full_names for spelling in ("#" + name, name)]


def _flags_pattern(names: list[str]) -> str:
    one = "|".join(re.escape(n) for n in names)
    return f"^({one})(,\\s*({one}))*$"


def files(views: Views) -> dict[str, str]:
    view = views.schemas
    documents = view.texts()
    found = {f"schemas/{view.files[t.full_name]}": documents[t.full_name] for t in views.model.types}
    found[f"schemas/{BUNDLE_FILE}"] = render("jsonschema/bundle.json.j2", dialect=DIALECT, id=schema_id(BUNDLE_FILE), documents=documents)
    return found

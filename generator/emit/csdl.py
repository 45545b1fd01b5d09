"""OData CSDL XML 4.0 (``metadata.xml``): the model as OData tools read it.

One ``Schema`` per namespace, with the namespace's types in model order and the
bound actions and functions of the model's operations; one
``EntityContainer`` in the schema of the namespace with the most types, holding
an entity set per top-level list and a singleton per top-level get. Namespaces the
pages spell in two cases (``microsoft.graph.termStore``, ``microsoft.graph.termstore``)
are one schema, spelt as most of its types spell it: OData tools read the document
case-sensitively, and a second schema told apart only by case is one they trip on.

This module decides everything the template prints: which elements exist, their
names and type strings. Names CSDL cannot spell (it wants identifiers) are left
out rather than renamed: the name is what a client sends on the wire, so a
renamed one would describe a property the service does not have. Escaping is
the template's ``xmlquote`` filter's alone.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..model.ir import ENTITY, ENUM, Model, Operation, Type
from ..model.primitives import UNTYPED, is_primitive
from .render import render
from .reuse import Renders, scope_of

if TYPE_CHECKING:
    from .views import Views

FILE = "metadata.xml"
CONTAINER = "GraphService"
BINDING_PARAMETER = "bindingParameter"

OPERATIONS = {("action", "POST"): "Action", ("function", "GET"): "Function"}

_PARENTHESES = re.compile(r"\([^()]*\)")


def is_identifier(name: str) -> bool:
    """A CSDL SimpleIdentifier: a letter or underscore, then letters, digits and
    underscores (Unicode ones too), at most 128 characters."""
    return name.isidentifier() and len(name) <= 128


def segments(path: str) -> list[str]:
    """A path template's segments, with function-call parentheses (``delta(token='{t}')``)
    and any query string taken away first, so a '/' inside them does not split."""
    bare = path.split("?", 1)[0]
    while True:
        shorter = _PARENTHESES.sub("", bare)
        if shorter == bare:
            break
        bare = shorter
    return [segment for segment in bare.split("/") if segment]


class CsdlView:
    """What ``csdl/metadata.xml.j2`` prints: plain dicts and lists of strings, with each
    type's element rendered on its own by ``csdl/type.xml.j2``."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.operations = model.operations
        self.spellings = namespace_spellings(model)
        # a type whose namespace is spelt another way, when its own schema already has the name: left out
        seen: set[str] = set()
        self.dropped: set[str] = set()
        for t in sorted(model.types, key=lambda t: (t.namespace != self.spellings[t.namespace], t.full_name)):
            spelt = self.spelt(t.full_name)
            if spelt in seen:
                self.dropped.add(t.full_name)
            seen.add(spelt)

    def spelt(self, full_name: str) -> str:
        """A type's full name with its namespace as the document spells it."""
        namespace, _, name = full_name.rpartition(".")
        found = self.spellings.get(namespace)
        return f"{found}.{name}" if found is not None else full_name

    # -- types -------------------------------------------------------------
    def type_name(self, type_name: str) -> str:
        """An Edm primitive or a documented type; anything else (never in a resolved
        model, but the document must still point at types that exist) is Edm.Untyped."""
        if is_primitive(type_name):
            return type_name
        if self.model.get(type_name) is not None:
            return self.spelt(type_name)
        return UNTYPED

    def type_ref(self, type_name: str, collection: bool) -> str:
        name = self.type_name(type_name)
        return f"Collection({name})" if collection else name

    def inherited_names(self, t: Type) -> set[str]:
        bases = self.model.ancestors(t.full_name)
        return {p.name for base in bases for p in base.properties} | {n.name for base in bases for n in base.navigation_properties}

    def structured(self, t: Type) -> dict[str, Any]:
        """An entity or complex type. A name the type inherits or already used is skipped
        (CSDL lets no property hide another); so is a relationship's twin. A relationship
        to something other than an entity is a structural property in CSDL's terms."""
        root_entity = t.kind == ENTITY and t.base_type is None
        taken = self.inherited_names(t)
        properties: list[dict[str, Any]] = []
        navigation: list[dict[str, Any]] = []
        key: str | None = None
        for p in t.properties:
            if not is_identifier(p.name) or p.name in taken:
                continue
            taken.add(p.name)
            entry = {"name": p.name, "type": self.type_ref(p.type, p.collection), "description": p.description}
            target = self.model.get(p.type)
            if target is not None and target.kind == ENTITY:  # CSDL: only a navigation property leads to an entity
                navigation.append(entry)
                continue
            # CSDL: a key is a primitive (or enum) value, never null
            is_key = root_entity and p.name == t.key_property and not p.collection and (target is None or target.kind == ENUM)
            key = p.name if is_key else key
            properties.append({**entry, "nullable": p.nullable and not is_key})
        for n in t.navigation_properties:
            if not is_identifier(n.name) or n.name in taken:
                continue
            taken.add(n.name)
            target = self.model.get(n.type)
            entry = {"name": n.name, "type": self.type_ref(n.type, n.collection), "description": n.description}
            if target is not None and target.kind == ENTITY:
                navigation.append(entry)
            else:
                properties.append({**entry, "nullable": True})
        return {
            "element": "EntityType" if t.kind == ENTITY else "ComplexType",
            "name": t.name,
            "base_type": self.spelt(t.base_type) if t.base_type else None,
            "abstract": t.abstract,
            "open": t.open_type,
            "key": key,
            "description": t.description,
            "properties": properties,
            "navigation": navigation,
        }

    def enum(self, t: Type) -> dict[str, Any]:
        taken: set[str] = set()
        members: list[dict[str, Any]] = []
        for m in t.members:
            if is_identifier(m.name) and m.name not in taken:
                taken.add(m.name)
                members.append({"name": m.name, "value": str(m.value), "description": m.description})
        return {"element": "EnumType", "name": t.name, "flags": t.flags, "description": t.description, "members": members}

    def type_entry(self, t: Type) -> dict[str, Any]:
        return self.enum(t) if t.kind == ENUM else self.structured(t)

    # -- bound actions and functions ---------------------------------------
    @staticmethod
    def operation_name(op: Operation) -> str | None:
        """The last segment of the operation's first path, parentheses removed, when it is an identifier."""
        found = segments(op.paths[0])
        return found[-1] if found and is_identifier(found[-1]) else None

    def operation(self, op: Operation) -> dict[str, Any] | None:
        element = OPERATIONS.get((op.kind, op.http_method))
        name = self.operation_name(op)
        if element is None or name is None:
            return None
        taken = {BINDING_PARAMETER}
        parameters = [{"name": BINDING_PARAMETER, "type": self.spelt(op.owner)}]
        for p in op.parameters:
            if is_identifier(p.name) and p.name not in taken:
                taken.add(p.name)
                parameters.append({"name": p.name, "type": self.type_ref(p.type, p.collection)})
        returns = None
        if op.returns is not None:
            returns = self.type_ref(op.returns, op.returns_collection)
        elif element == "Function":
            returns = UNTYPED  # CSDL demands a function's return type; the page gave none
        return {
            "element": element,
            "name": name,
            "parameters": parameters,
            "returns": returns,
            "description": op.description,
        }

    def bound_operations(self) -> dict[str, list[dict[str, Any]]]:
        """Each namespace's actions and functions, in operation order, each (name, binding
        type, kind) once: two paths ending in the same name are one CSDL operation. One
        named like a type of its namespace is left out: a schema's types and operations
        share one set of names (only operations may repeat one, as overloads), and such a
        path (``GET .../workbook/application``, ``POST .../windowsMalwareInformation``)
        reads a relationship or adds to a collection rather than calling an operation."""
        by_namespace: dict[str, list[dict[str, Any]]] = {}
        seen: set[tuple[str, str, str]] = set()
        type_names = {(self.spellings[t.namespace], t.name) for t in self.model.types}
        for op in self.operations:
            entry = self.operation(op)
            owner = self.model.get(op.owner)
            assert owner is not None
            if entry is None or (self.spellings[owner.namespace], entry["name"]) in type_names:
                continue
            identity = (entry["name"], op.owner, entry["element"])
            if identity in seen:
                continue
            seen.add(identity)
            by_namespace.setdefault(self.spellings[owner.namespace], []).append(entry)
        return by_namespace

    # -- the entity container ----------------------------------------------
    def container(self) -> dict[str, Any]:
        """Entity sets (a top-level path that lists entities) and singletons (one that gets
        one entity), by name; the first operation to claim a name keeps it."""
        sets: dict[str, dict[str, str]] = {}
        singletons: dict[str, dict[str, str]] = {}
        for op in self.operations:
            found = segments(op.paths[0])
            if len(found) != 1 or not is_identifier(found[0]) or found[0] in sets or found[0] in singletons:
                continue
            target = self.model.get(op.returns or "")
            if target is None or target.kind != ENTITY:
                continue
            if op.kind == "list":
                sets[found[0]] = {"name": found[0], "type": self.spelt(target.full_name)}
            elif op.kind == "get":
                singletons[found[0]] = {"name": found[0], "type": self.spelt(target.full_name)}
        return {
            "name": CONTAINER,
            "entity_sets": [sets[name] for name in sorted(sets)],
            "singletons": [singletons[name] for name in sorted(singletons)],
        }

    def schemas(self) -> list[dict[str, Any]]:
        counts = Counter(self.spellings[t.namespace] for t in self.model.types)
        # the most types; on a tie the first namespace in sorted order
        home = min(counts, key=lambda namespace: (-counts[namespace], namespace)) if counts else None
        operations = self.bound_operations()
        kept = [t for t in self.model.types if t.full_name not in self.dropped]
        # Each type's element is rendered on its own and kept: after an edit only the changed types render.
        renders = Renders("csdl", scope_of(self.model))
        for t in kept:
            renders.add(t.full_name, "csdl/type.xml.j2", {"t": self.type_entry(t)})
        texts = renders.files(lambda fresh: fresh)
        return [
            {
                "namespace": namespace,
                "types": [texts[t.full_name] for t in kept if self.spellings[t.namespace] == namespace],
                "operations": operations.get(namespace, []),
                "container": self.container() if namespace == home else None,
            }
            for namespace in sorted(counts)
        ]


def namespace_spellings(model: Model) -> dict[str, str]:
    """Each namespace's spelling in the document: of the spellings that differ only in case,
    the one the most types use (on a tie, the first in sorted order)."""
    counts = Counter(t.namespace for t in model.types)
    groups: dict[str, list[str]] = {}
    for namespace in sorted(counts):
        groups.setdefault(namespace.lower(), []).append(namespace)
    return {
        namespace: min(group, key=lambda spelling: (-counts[spelling], spelling)) for group in groups.values() for namespace in group
    }


def files(views: Views) -> dict[str, str]:
    return {FILE: render("csdl/metadata.xml.j2", schemas=CsdlView(views.model).schemas())}

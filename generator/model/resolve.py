"""Resolve stage: every page record in, the model out.

The only stage that sees all pages. Links become types, base types are
chained (cycles broken), inline enums get names, tables and JSON blocks are
reconciled, and methods meet their API pages.

Written rules:
- Table and JSON block: the Properties table is the authority on a property's
  type; a property the JSON block shows but the table lacks is added with the
  type the JSON placeholder implies (JSON_ONLY_PROPERTY), a disagreement in
  type is reported (TABLE_JSON_TYPE_MISMATCH) and the table wins.
- Base type: the annotation's ``baseType`` wins over the "Inherits from" line.
- Properties a base type declares are not repeated on the derived type, even
  when its table lists them (pages routinely do).
- Duplicate types: the first page in path order keeps the name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TypeVar, cast

from ..base.choices import ALL, Readings
from ..base.diagnostics import Diagnostic, make
from ..parse.http import normalize_path
from ..parse.records import (
    ApiRecord,
    ExampleRecord,
    Facet,
    Mention,
    MethodRow,
    PageKey,
    PageRecord,
    PropertyRow,
    TypeRecord,
    TypeRef,
    truthy,
)
from . import prose
from .ir import (
    COMPLEX,
    ENTITY,
    ENUM,
    Example,
    Header,
    Member,
    Method,
    Model,
    NavigationProperty,
    Parameter,
    Permission,
    PermissionKind,
    Property,
    Source,
    Type,
    TypeKind,
)
from .navigation import collection_patterns, navigated, pattern
from .operations import with_operations
from .primitives import UNTYPED, edm_type

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_Item = TypeVar("_Item")  # what a type holds that names another type: a row, a facet
_Done = TypeVar("_Done")  # what a piece of work makes
_Given = TypeVar("_Given")  # ... and what it is given
_JSON_PLACEHOLDER = {
    "string": "Edm.String",
    "boolean": "Edm.Boolean",
    "int32": "Edm.Int32",
    "int64": "Edm.Int64",
    "double": "Edm.Double",
}
_PLACEHOLDER_HINT = re.compile(r"^\s*String\s*\((timestamp|date|duration|time|guid|binary)", re.IGNORECASE)
_HINT_TYPE = {
    "timestamp": "Edm.DateTimeOffset",
    "date": "Edm.Date",
    "duration": "Edm.Duration",
    "time": "Edm.TimeOfDay",
    "guid": "Edm.Guid",
    "binary": "Edm.Binary",
}
_KEY_SEGMENT = re.compile(r"(?:/\{[^/{}]*\}|\((?:'?\{[^()]*\}'?|'[^()']*')\))$")  # ".../{id}" or "...('{id}')"
_ACTION_VERBS = {"list": "GET", "get": "GET", "create": "POST", "post": "POST", "add": "POST", "update": "PATCH", "delete": "DELETE", "remove": "DELETE"}


@dataclass
class _Entry:
    record: TypeRecord
    page: PageRecord
    full_name: str
    base: str | None = None
    kind: TypeKind = COMPLEX
    assumed_key: str | None = None


@dataclass
class _Resolver:
    pages: list[PageRecord]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    entries: dict[str, _Entry] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)
    by_lower_full: dict[str, str] = field(default_factory=dict)
    by_page: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    api_pages: dict[tuple[str, str], PageRecord] = field(default_factory=dict)
    inline_enums: dict[str, Type] = field(default_factory=dict)
    readings: Readings = ALL  # those this run applies (generator.model.readings)

    def report(self, code: str, message: str, path: str, line: int, **about: str) -> None:
        """A diagnostic (``about``: the type and property it concerns, expected and found values)."""
        self.diagnostics.append(make(code, message, path, line, **about))

    # -- indexing --------------------------------------------------------
    def index(self) -> None:
        records: dict[str, list[tuple[TypeRecord, PageRecord]]] = {}
        namespaces = self.namespaces_by_use()
        for page in self.pages:
            self.diagnostics.extend(page.diagnostics)
            if page.api is not None:
                self.api_pages[(page.key.folder, page.key.stem)] = page
            for record in page.types:
                record = self.in_namespace_of_use(record, page, namespaces)
                full_name = record.full_name or f"{record.namespace}.{record.name}"
                records.setdefault(full_name.lower(), []).append((record, page))
        for group in records.values():
            # The type's own page (named after it) keeps the name; then path order.
            group.sort(key=lambda item: (_home_rank(item[1], item[0]), -_size(item[0]), item[1].path, item[0].line))
            record, page = group[0]
            full_name = record.full_name or f"{record.namespace}.{record.name}"
            for other, other_page in group[1:]:
                if _names(other) == _names(record):
                    self.report("REPEATED_TYPE", f"{full_name} is documented by {page.path} already", other_page.path, other.line, type=full_name)
                else:
                    record = self.merged(full_name, record, page, other, other_page)
            self.entries[full_name] = _Entry(record, page, full_name)
            self.by_lower_full[full_name.lower()] = full_name
            self.by_name.setdefault(record.name.lower(), []).append(full_name)
        for full_name in sorted(self.entries):
            entry = self.entries[full_name]
            self.by_page.setdefault((entry.page.key.folder, entry.page.key.stem), []).append(full_name)
        for names in self.by_name.values():
            names.sort()

    def merged(
        self, full_name: str, record: TypeRecord, page: PageRecord, other: TypeRecord, other_page: PageRecord
    ) -> TypeRecord:
        """``record`` with the rows a second page of the same type adds (an Intune page that
        lists more of user's relationships). Rows the first page has keep its word; a row the
        two pages type differently is reported. Added rows are placed on the type's line of
        the first page, which is where the model's lines point."""

        def shape(row: PropertyRow) -> tuple[str, bool] | None:
            return (row.type.name.lower(), row.type.collection) if row.type is not None else None

        added: list[str] = []
        conflicts: list[str] = []
        differ: list[tuple[str, str]] = []  # (first page's type, this page's) of each conflict
        rows: dict[str, tuple[PropertyRow, ...]] = {}
        for kind in ("properties", "navigation"):
            mine = {r.name.lower(): r for r in (*record.properties, *record.navigation)}
            extra: list[PropertyRow] = []
            for row in getattr(other, kind):
                have = mine.get(row.name.lower())
                if have is None:
                    extra.append(replace(row, line=record.line))
                    added.append(row.name)
                elif shape(have) != shape(row) and shape(have) is not None and shape(row) is not None:
                    conflicts.append(row.name)
                    differ.append((_written(have.type), _written(row.type)))
            rows[kind] = (*getattr(record, kind), *extra)
        names = {m.name.lower() for m in record.members}
        members = [replace(m, line=record.line) for m in other.members if m.name.lower() not in names]
        added += [m.name for m in members]
        known = {r.name.lower() for r in record.methods} | {r.link for r in record.methods if r.link is not None}
        methods = [replace(r, line=record.line) for r in other.methods if r.name.lower() not in known and r.link not in known]
        added += [r.name for r in methods]
        if conflicts:
            # one conflicting row is named; several are the message's to list
            one = {"property": conflicts[0], "expected": differ[0][0], "found": differ[0][1]} if len(conflicts) == 1 else {}
            self.report(
                "DUPLICATE_TYPE",
                f"{full_name} is documented by {page.path} already, which types {', '.join(conflicts)} otherwise; its word is kept",
                other_page.path,
                other.line,
                type=full_name,
                **one,
            )
        if not added and not conflicts:
            self.report(
                "REPEATED_TYPE", f"{full_name} is documented by {page.path} already, with more", other_page.path, other.line, type=full_name
            )
        if added:
            self.report(
                "TYPE_MERGED",
                f"{full_name} is documented by {page.path} too; added from this page: {', '.join(added)}",
                other_page.path,
                other.line,
                type=full_name,
            )
        return replace(
            record,
            properties=rows["properties"],
            navigation=rows["navigation"],
            members=(*record.members, *members),
            methods=(*record.methods, *methods),
        )

    def namespaces_by_use(self) -> dict[str, set[str]]:
        """Type name (lower case) -> the namespaces of the pages whose rows name it unlinked,
        or linked to a page that documents a type of that name."""
        found: dict[str, set[str]] = {}
        for page in self.pages:
            for record in page.types:
                for row in (*record.properties, *record.navigation):
                    if row.type is not None and "." not in row.type.name:
                        found.setdefault(row.type.name.lower(), set()).add(record.namespace)
        return found

    def in_namespace_of_use(self, record: TypeRecord, page: PageRecord, namespaces: dict[str, set[str]]) -> TypeRecord:
        """An enum on a values page with no Namespace line belongs to the namespace of the
        types that use it, when they are all of one namespace (``enums-managedtenants.md``
        serves microsoft.graph.managedTenants)."""
        if record.namespace_stated or not record.is_enum:
            return record
        if not self.readings.on("NAMESPACE_FROM_USE"):
            return record
        users = namespaces.get(record.name.lower(), set())
        if len(users) != 1 or record.namespace in users:
            return record
        (namespace,) = users
        self.report(
            "NAMESPACE_FROM_USE",
            f"{record.name}: the page states no namespace, and the types using it are in {namespace}; read as {namespace}.{record.name}",
            page.path,
            record.line,
            type=f"{namespace}.{record.name}",
            found=namespace,
        )
        return replace(record, namespace=namespace)

    # -- type references -------------------------------------------------
    def lookup(self, name: str, namespace: str) -> str | None:
        name = name.lstrip("#")
        if "." in name:
            found = self.by_lower_full.get(name.lower())
            if found:
                return found
            name = name.rsplit(".", 1)[-1]
        candidates = self.by_name.get(name.lower(), [])
        if not candidates:
            return None
        same = [c for c in candidates if c.rsplit(".", 1)[0] == namespace]
        return (same or candidates)[0]

    def page_types(self, key: PageKey | None) -> list[str]:
        if key is None:
            return []
        return self.by_page.get((key.folder or "resources", key.stem), [])

    def resolve_ref(self, ref: TypeRef, namespace: str, path: str, line: int, what: str, **about: str) -> str:
        """The type a type cell names. ``about``: the type and property (or method, or
        parameter) the cell belongs to, for the diagnostics; ``what`` names them in the message."""
        if len(ref.alternatives) > 1:
            return self.common_base(ref, namespace, path, line, what, **about)
        primitive = edm_type(ref.name)
        if ref.name.lower() == "json" and ref.link is None:
            documented = self.lookup("Json", namespace)
            if documented is not None:
                return documented  # the docs define a Json type: that is what a Json cell means
        if primitive is not None and ref.link is None:
            return primitive
        on_page = self.page_types(ref.link)
        for full in on_page:
            if full.rsplit(".", 1)[-1].lower() == ref.name.lower():
                return full
        found = self.lookup(ref.name, namespace)
        if found:
            return found
        if primitive is not None:
            return primitive
        if on_page:
            if ref.link is not None and ref.link.fragment:
                for full in on_page:
                    if full.rsplit(".", 1)[-1].lower() in ref.link.fragment.replace("-", ""):
                        return full
            return on_page[0]
        where = f" (link to {ref.link.folder}/{ref.link.stem}.md, which does not exist)" if ref.link else ""
        self.report("UNKNOWN_TYPE", f"{what}: type {ref.name!r} is not documented{where}; read as {UNTYPED}", path, line, expected=ref.name, found=UNTYPED, **about)
        return UNTYPED

    def common_base(self, ref: TypeRef, namespace: str, path: str, line: int, what: str, **about: str) -> str:
        """A cell naming several types ("[a](a.md) or [b](b.md)") means their closest common base."""
        named = [self.named_by_link(option, namespace) for option in ref.alternatives]
        known = [name for name in named if name is not None]
        if not known:
            return self.resolve_ref(ref.alternatives[0], namespace, path, line, what, **about)
        chains = [[name, *self.written_bases(name)] for name in known]
        shared = next((name for name in chains[0] if all(name in chain for chain in chains[1:])), None)
        if shared is None:
            self.report("BAD_TYPE", f"{what}: {', '.join(known)} have no common base type; read as {known[0]}", path, line, expected=" or ".join(known), found=known[0], **about)
            return known[0]
        if shared not in known and not self.readings.on("COMMON_BASE_TYPE"):
            return known[0]  # the first type the cell names
        if shared not in known:
            self.report("COMMON_BASE_TYPE", f"{what}: one of {', '.join(known)}; read as their common base {shared}", path, line, expected=" or ".join(known), found=shared, **about)
        return shared

    # -- base types and kinds --------------------------------------------
    def link_bases(self) -> None:
        for entry in self.entries.values():
            record, path = entry.record, entry.page.path
            namespace = record.namespace
            from_annotation = None
            if record.base_type:
                from_annotation = self.lookup(record.base_type, namespace)
                if from_annotation is None:
                    self.report(
                        "UNKNOWN_BASE_TYPE",
                        f"{entry.full_name}: base type {record.base_type!r} is not documented",
                        path,
                        record.line,
                        type=entry.full_name,
                        expected=record.base_type,
                    )
            from_line = None
            if record.inherits is not None:
                from_line = self.named_by_link(record.inherits, namespace)
                if from_line is None and from_annotation is None and not record.base_type:
                    self.report(
                        "UNKNOWN_BASE_TYPE",
                        f"{entry.full_name}: inherits from {record.inherits.name!r}, which is not documented",
                        path,
                        record.inherits_line,
                        type=entry.full_name,
                        expected=record.inherits.name,
                    )
            base = from_annotation or (from_line if not record.base_type else None)
            if from_annotation and from_line and from_annotation != from_line:
                # The more specific claim wins when one base derives from the other.
                narrower = from_annotation in self.written_bases(from_line) or self.entity_by_convention(
                    from_annotation, from_line
                )
                base = from_line if narrower else from_annotation
                self.report(
                    "BASE_TYPE_MISMATCH",
                    f"{entry.full_name}: annotation says {from_annotation}, 'Inherits from' says {from_line}; "
                    f"{base} is used",
                    path,
                    record.inherits_line or record.line,
                    type=entry.full_name,
                    expected=from_annotation,
                    found=from_line,
                )
            if base is None and not record.base_type and record.inherits is None:
                base = self.base_from_mentions(entry)
            entry.base = base if base != entry.full_name else None
            if base == entry.full_name:
                self.report("INHERITANCE_CYCLE", f"{entry.full_name} inherits from itself", path, record.line, type=entry.full_name)

    def entity_by_convention(self, ancestor: str, name: str) -> bool:
        """``ancestor`` is the documented entity type, and ``name`` will derive from it by the
        implicit entity base: the root of its written bases is keyed by id and names no base.
        ("Inherits from directoryObject" refines an annotation's entity.)"""
        if ancestor != self.lookup("entity", "microsoft.graph"):
            return False
        chain = [name, *self.written_bases(name)]
        root = self.entries.get(chain[-1])
        return (
            root is not None
            and ancestor not in chain
            and (root.record.key_property or "").lower() == "id"
            and not _names_a_base(root.record)
        )

    def named_by_link(self, ref: TypeRef, namespace: str) -> str | None:
        """The type a link in a sentence names: the type of that name on the linked page,
        else the one type the page documents, else the type of that name anywhere."""
        on_page = self.page_types(ref.link)
        for full in on_page:
            if full.rsplit(".", 1)[-1].lower() == ref.name.lower():
                return full
        if len(on_page) == 1:
            return on_page[0]
        return self.lookup(ref.name, namespace) or (on_page[0] if on_page else None)

    def base_from_mentions(self, entry: _Entry) -> str | None:
        """The base a page states outside its opening lines ("Inherited from [entity]" in the
        id row, "a subclass of [x]" further down): of the ancestors named, the most derived.
        """
        if not self.readings.on("BASE_FROM_TEXT"):
            return None
        named: dict[str, Mention] = {}
        for mention in entry.record.base_mentions:
            found = self.named_by_link(mention.ref, entry.record.namespace)
            if found is not None and found != entry.full_name and found in self.entries:
                named.setdefault(found, mention)
        if not named:
            return None
        chains = {name: self.written_bases(name) for name in named}
        base = max(named, key=lambda name: (all(other in chains[name] for other in named if other != name), len(chains[name])))
        mention = named[base]
        self.report("BASE_FROM_TEXT", f"{entry.full_name}: base type {base}, from 'inherited from' in {mention.where}", entry.page.path, mention.line, type=entry.full_name, found=base)
        return base

    def bases_from_derived_lists(self) -> None:
        """A base type's page that lists the types derived from it gives each its base,
        when the type's own page names none."""
        if not self.readings.on("BASE_FROM_DERIVED_LIST"):
            return
        for name in sorted(self.entries):
            entry = self.entries[name]
            for mention in entry.record.derived:
                found = self.named_by_link(mention.ref, entry.record.namespace)
                child = self.entries.get(found) if found else None
                if child is None or child is entry or child.base is not None or _names_a_base(child.record):
                    continue
                if child.record.is_enum or entry.record.is_enum:
                    continue
                child.base = name
                self.report(
                    "BASE_FROM_DERIVED_LIST",
                    f"{child.full_name}: base type {name}, which lists it as derived ({entry.page.path}:{mention.line})",
                    child.page.path,
                    child.record.line,
                    type=child.full_name,
                    found=name,
                )

    def implicit_entity_bases(self) -> None:
        """A type keyed by id whose page names no base derives from the documented
        entity type, as the service's types do (when the docs define entity, keyed by id);
        not one whose annotation says ``"baseType": null`` (``photo``).
        """
        if not self.readings.on("ENTITY_BASE_ASSUMED"):
            return
        entity = self.lookup("entity", "microsoft.graph")
        root = self.entries.get(entity) if entity else None
        if root is None or (root.record.key_property or root.assumed_key or "").lower() != "id":
            return
        for name in sorted(self.entries):
            entry = self.entries[name]
            key = entry.record.key_property or entry.assumed_key
            if entry is root or entry.base is not None or entry.record.is_enum or (key or "").lower() != "id":
                continue
            if _names_a_base(entry.record):
                continue  # its page names a base that isn't documented: that is reported already
            if entry.record.says_no_base:
                continue  # its annotation says "baseType": null: it derives from nothing
            entry.base = root.full_name
            self.report(
                "ENTITY_BASE_ASSUMED",
                f"{name} is keyed by id and its page names no base type; read as deriving from {root.full_name}",
                entry.page.path,
                entry.record.line,
                type=name,
                found=root.full_name,
            )

    def lineage(self, entry: _Entry) -> list[_Entry]:
        """The type and the types it derives from, nearest first: the one walk up the bases
        (it stops where a cycle would go round again)."""
        chain: list[_Entry] = []
        current: _Entry | None = entry
        while current is not None and current not in chain and len(chain) < 64:
            chain.append(current)
            current = self.entries.get(current.base) if current.base else None
        return chain

    def written_bases(self, full_name: str) -> list[str]:
        """Base types as the pages write them, before any are linked (for comparing claims)."""
        chain: list[str] = []
        current = self.entries.get(full_name)
        while current is not None and len(chain) < 64:
            record = current.record
            written = record.base_type or (record.inherits.name if record.inherits else None)
            found = self.lookup(written, record.namespace) if written else None
            if found is None and not written and record.base_mentions:
                found = self.named_by_link(record.base_mentions[0].ref, record.namespace)
            if found is None or found in chain or found == full_name:
                break
            chain.append(found)
            current = self.entries.get(found)
        return chain

    def drop_enum_bases(self) -> None:
        """Enums neither derive nor are derived from (an enum class can't be extended)."""
        for name in sorted(self.entries):
            entry = self.entries[name]
            base = self.entries.get(entry.base) if entry.base else None
            if base is None or not (entry.record.is_enum or base.record.is_enum):
                continue
            what = "an enum takes no base type" if entry.record.is_enum else f"its base type {base.full_name} is an enum"
            self.report("BAD_BASE_TYPE", f"{name}: {what}; read without one", entry.page.path, entry.record.line, type=name, expected=base.full_name)
            entry.base = None

    def break_cycles(self) -> None:
        for name in sorted(self.entries):
            chain: list[str] = []
            current: str | None = name
            while current is not None and current in self.entries and current not in chain:
                chain.append(current)
                current = self.entries[current].base
            if current is None or current not in chain:
                continue
            cycle = chain[chain.index(current) :]
            victim = min(cycle)
            entry = self.entries[victim]
            entry.base = None
            self.report(
                "INHERITANCE_CYCLE",
                f"base types form a cycle ({' -> '.join(cycle + [cycle[0]])}); {victim} keeps no base type",
                entry.page.path,
                entry.record.line,
                type=victim,
            )

    def assign_kinds(self) -> None:
        for name in sorted(self.entries):
            entry = self.entries[name]
            if entry.record.is_enum:
                entry.kind = ENUM
                continue
            keyed = any(c.record.key_property or c.assumed_key for c in self.lineage(entry))
            entry.kind = ENTITY if keyed else COMPLEX

    def assume_keys(self) -> None:
        """A type with an ``id`` and navigation properties or methods is an entity keyed by id."""
        for name in sorted(self.entries):
            entry = self.entries[name]
            record = entry.record
            if record.is_enum or record.key_property or entry.base:
                continue
            has_id = any(row.name == "id" for row in record.properties)
            if record.says_no_base and not has_id:
                continue  # "baseType": null and no id: a value, derived from nothing and keyed by nothing
            reason = self.key_reason(entry, has_id)
            if reason is not None:
                code, said = reason
                entry.assumed_key = "id"
                self.report(
                    code,
                    f"{entry.full_name}{said}; read as an entity keyed by id",
                    entry.page.path,
                    record.line,
                    type=entry.full_name,
                    property="id",
                )

    def key_reason(self, entry: _Entry, has_id: bool) -> tuple[str, str] | None:
        """The reading (its code) that makes a type keyed by nothing an entity keyed by id,
        and what it saw, or None: an id row beside relationships or methods, a relationship
        leading to it, or API pages addressing one by key (the first that is on)."""
        record = entry.record
        if has_id and (record.navigation or record.methods) and self.readings.on("KEY_ASSUMED"):
            holds = "relationships" if record.navigation else "methods"
            return "KEY_ASSUMED", f" has an id and {holds} but no keyProperty or base type"
        target_of = self.relationship_to(entry) if self.readings.on("ENTITY_FROM_RELATIONSHIP") else None
        if target_of is not None:
            return "ENTITY_FROM_RELATIONSHIP", f": {target_of} is a relationship to it, and relationships lead to entities"
        addressed = self.addressed_by_key(entry) if self.readings.on("ENTITY_FROM_PATHS") else None
        if addressed is not None:
            return "ENTITY_FROM_PATHS", f": its API pages address one by key ({addressed})"
        return None

    def relationship_to(self, entry: _Entry) -> str | None:
        """The first relationship (``type.name``) of another type whose row names ``entry``'s type."""
        return self.relationship_targets.get(entry.full_name)

    @cached_property
    def relationship_targets(self) -> dict[str, str]:
        """Type -> the first relationship (``type.name``) of another type whose row names it."""
        found: dict[str, str] = {}
        for target, holder, row in self.naming(lambda entry: entry.record.navigation, lambda row: row.type):
            if target != holder.full_name:
                found.setdefault(target, f"{holder.full_name}.{row.name}")
        return found

    def naming(self, items: Callable[[_Entry], Iterable[_Item]], cell: Callable[[_Item], TypeRef | None]) -> Iterator[tuple[str, _Entry, _Item]]:
        """(the documented type it names, its holder, the item) for every item of every
        type (``items``) whose type cell (``cell``, None for none) names a documented
        type, in the order of the types' names; nothing is reported."""
        for name in sorted(self.entries):
            holder = self.entries[name]
            for item in items(holder):
                ref = cell(item)
                target = self.quiet_ref(ref, holder.record.namespace) if ref is not None else None
                if target is not None:
                    yield target, holder, item

    def quiet_ref(self, ref: TypeRef, namespace: str) -> str | None:
        """The documented type a type cell names, or None, reporting nothing (resolve_ref reports later)."""
        if edm_type(ref.name) is not None and ref.link is None:
            return None
        return self.named_by_link(ref, namespace)

    def keyed_roots(self) -> None:
        """An entity can't derive from a complex type: the root of a keyed type's bases,
        keyed by nothing itself, is an entity with that key."""
        if not self.readings.on("ENTITY_FROM_DERIVED"):
            return
        for name in sorted(self.entries):
            entry = self.entries[name]
            key = entry.record.key_property or entry.assumed_key
            if not key or entry.base is None:
                continue
            chain = self.lineage(entry)[1:]
            if not chain or any(c.record.key_property or c.assumed_key for c in chain) or chain[-1].record.is_enum:
                continue
            root = chain[-1]
            root.assumed_key = key
            self.report(
                "ENTITY_FROM_DERIVED",
                f"{root.full_name}: {name} derives from it and is keyed by {key}; read as an entity keyed by {key}",
                root.page.path,
                root.record.line,
                type=root.full_name,
                property=key,
            )

    def addressed_by_key(self, entry: _Entry) -> str | None:
        """The request line, if any, by which a method of the type's own page gets,
        updates or deletes one item of a collection by its key (``GET /things/{id}``). A
        path to a single value (``GET /me/analytics/settings``) may lead to a complex value.
        """
        for row in entry.record.methods:
            returns = row.return_type
            verb = row.name.split()[0].lower() if row.name.split() else ""
            if verb not in ("get", "update", "delete") or (returns is not None and (returns.collection or not self.names_type(returns, entry))):
                continue
            page = self.api_pages.get((row.link.folder or "api", row.link.stem)) if row.link else None
            for request in (page.api.requests if page is not None and page.api is not None else ()):
                if request.method in ("GET", "PATCH", "PUT", "DELETE") and _KEY_SEGMENT.search(request.path):
                    return f"{request.method} {request.path}"
        return self.items_addressed_by_key.get(entry.full_name)

    @cached_property
    def items_addressed_by_key(self) -> dict[str, str]:
        """Type -> a request line of any API page that addresses one item of a collection
        of it by key: ``PATCH /security/profiles/{id}``, where ``GET /security/profiles``
        lists that type."""
        lists: dict[str, str] = {}  # path pattern of a list -> the type it lists
        for name in sorted(self.entries):
            entry = self.entries[name]
            for row in entry.record.methods:
                verb = row.name.split()[0].lower() if row.name.split() else ""
                target = self.quiet_ref(row.return_type, entry.record.namespace) if row.return_type and verb == "list" else None
                page = self.api_pages.get((row.link.folder or "api", row.link.stem)) if row.link and target else None
                for request in (page.api.requests if page is not None and page.api is not None else ()):
                    if request.method == "GET":
                        lists.setdefault(_path_pattern(request.path), target)  # type: ignore[arg-type]
        found: dict[str, str] = {}
        for key in sorted(self.api_pages):
            api = self.api_pages[key].api
            for request in api.requests if api is not None else ():
                head, _, last = request.path.rpartition("/")
                listed = lists.get(_path_pattern(head)) if request.method in ("GET", "PATCH", "PUT", "DELETE") else None
                if listed is not None and _KEY_SEGMENT.search("/" + last):
                    found.setdefault(listed, f"{request.method} {request.path}")
        return found

    def names_type(self, ref: TypeRef, entry: _Entry) -> bool:
        """Whether a type cell names ``entry``'s type (by name, or by a link to its page)."""
        if ref.name.rsplit(".", 1)[-1].lower() == entry.record.name.lower():
            return True
        return ref.link is not None and (ref.link.folder or "resources", ref.link.stem) == (entry.page.key.folder, entry.page.key.stem)

    def inherited_names(self, entry: _Entry) -> set[str]:
        """The names (in lower case: Graph's names don't differ by case alone) of the
        properties and relationships the type's bases list."""
        names: set[str] = set()
        for base in self.lineage(entry)[1:]:
            names.update(row.name.lower() for row in base.record.properties)
            names.update(row.name.lower() for row in base.record.navigation)
        return names

    def key_of(self, entry: _Entry) -> str | None:
        """The key property: the one the root of the type's bases is keyed by (a derived type
        can't key itself otherwise), spelt as a Properties table on the way spells it (a
        ``keyProperty`` of ``ID`` and a property ``id`` are one property)."""
        chain = self.lineage(entry)
        keyed = [c for c in chain if c.record.key_property or c.assumed_key]
        if not keyed:
            return None
        root = keyed[-1]
        key = root.record.key_property or root.assumed_key or ""
        rows = [row for c in reversed(chain) for row in c.record.properties]  # the root's spelling first
        return next((row.name for row in rows if row.name.lower() == key.lower()), key)

    # -- properties ------------------------------------------------------
    def property_type(self, row: PropertyRow, entry: _Entry, what: str, shown: Any = None) -> str:
        record = entry.record
        if row.type is None:
            return UNTYPED
        ref = row.type
        if row.possible_values and isinstance(shown, str):
            named = self.lookup(shown.strip(), record.namespace) if re.fullmatch(r"[\w.]+", shown.strip()) else None
            if named and self.entries[named].record.is_enum:
                return named  # the JSON block names the enum the values belong to
        if row.possible_values and ref.link is None and edm_type(ref.name) is None and self.lookup(ref.name, record.namespace) is None and self.readings.on("INLINE_ENUM"):
            return self.inline_enum(row, entry, ref.name.rsplit(".", 1)[-1])
        resolved = self.resolve_ref(ref, record.namespace, entry.page.path, row.line, what, type=entry.full_name, property=row.name)
        if row.possible_values and resolved == "Edm.String":
            documented = self.enum_for_values(row, entry)
            documented = documented if self.readings.on("ENUM_FROM_VALUES") else None
            if documented is not None:
                self.report(
                    "ENUM_FROM_VALUES",
                    f"{entry.full_name}.{row.name}: its possible values are documented enum {documented}'s; read as that enum",
                    entry.page.path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                    expected="Edm.String",
                    found=documented,
                )
                return documented
        return resolved  # a String with possible values stays a String: the values go into its description and examples

    def enum_for_values(self, row: PropertyRow, entry: _Entry) -> str | None:
        """The documented enum a String property's "Possible values" belong to: one of its
        namespace named ``<type><Property>`` or as the property, whose members include them
        all (in any case: ``NotStarted`` is ``notStarted``); else the one of its namespace
        with exactly those members; else the one alone with those members in any case, the
        ``unknownFutureValue`` sentinel left out (commsOperation's ``notStarted``, ``running``
        ... are operationStatus's ``NotStarted``, ``Running`` ...)."""
        record = entry.record
        for name in (record.name + row.name[:1].upper() + row.name[1:], row.name):
            named = self.by_lower_full.get(f"{record.namespace}.{name}".lower())
            enum = self.entries[named].record if named else None
            if (
                enum is not None
                and enum.is_enum
                and _folded(row.possible_values) <= {m.name.lower() for m in enum.members}
            ):
                return named
        exact = self.enums_by_members.get((record.namespace, frozenset(row.possible_values)))
        return exact or self.enums_by_folded_members.get((record.namespace, _folded(row.possible_values)))

    def inline_enum(self, row: PropertyRow, entry: _Entry, written: str) -> str:
        record = entry.record
        name = re.sub(r"\W", "", written, flags=re.ASCII) or "enum"
        full_name = f"{record.namespace}.{name}"
        existing = self.lookup(full_name, record.namespace) or self.enums_by_members.get(
            (record.namespace, frozenset(row.possible_values))
        )
        if existing and existing in self.entries:
            return existing
        if full_name not in self.inline_enums:
            members = tuple(Member(name=value, value=index, line=row.line) for index, value in enumerate(row.possible_values))
            self.inline_enums[full_name] = Type(
                full_name=full_name,
                name=name,
                namespace=record.namespace,
                kind=ENUM,
                source=Source(entry.page.path, row.line),
                description=f"Values of {record.name}.{row.name}.",
                members=members,
            )
            self.report(
                "INLINE_ENUM",
                f"{record.name}.{row.name}: 'Possible values' read as enum {full_name}",
                entry.page.path,
                row.line,
                type=entry.full_name,
                property=row.name,
                expected=written,
                found=full_name,
            )
        return full_name

    def flags(self, entry: _Entry) -> bool:
        reason = _flags_reason(entry.record)
        reason = reason if self.readings.on("FLAGS_INFERRED") else None
        if reason is not None:
            self.report("FLAGS_INFERRED", f"{entry.full_name}: values combine, as {reason}", entry.page.path, entry.record.line, type=entry.full_name)
        return reason is not None

    @cached_property
    def enums_by_members(self) -> dict[tuple[str, frozenset[str]], str]:
        """Documented enums by their namespace and member names, to reuse instead of naming a new one."""
        found: dict[tuple[str, frozenset[str]], str] = {}
        for name in sorted(self.entries):
            entry = self.entries[name]
            if entry.record.is_enum:
                found.setdefault((name.rsplit(".", 1)[0], frozenset(m.name for m in entry.record.members)), name)
        return found

    @cached_property
    def enums_by_folded_members(self) -> dict[tuple[str, frozenset[str]], str | None]:
        """Documented enums by their namespace and member names in lower case, the
        ``unknownFutureValue`` sentinel left out; None where two enums have those members."""
        found: dict[tuple[str, frozenset[str]], str | None] = {}
        for name in sorted(self.entries):
            entry = self.entries[name]
            if entry.record.is_enum:
                key = (name.rsplit(".", 1)[0], _folded(m.name for m in entry.record.members))
                found[key] = name if key not in found else None
        return found

    def is_value_row(self, row: PropertyRow, entry: _Entry) -> bool:
        """A Relationships row whose type is a primitive, an enum or a complex type (one no
        convention made an entity): a property in the wrong table, since a relationship
        leads to an entity."""
        if row.type is None:
            return False
        if edm_type(row.type.name) is not None and row.type.link is None:
            return True
        target = self.quiet_ref(row.type, entry.record.namespace)
        return target is not None and self.entries[target].kind != ENTITY

    def expanded_rows(self, entry: _Entry) -> list[PropertyRow]:
        """Properties rows that the type's API pages say to ``$expand``, typed with an entity:
        relationships in the wrong table, since only a navigation property expands."""
        if not self.readings.on("PROPERTY_IS_RELATIONSHIP"):
            return []
        expands: set[str] = set()
        for method in entry.record.methods:
            page = self.api_pages.get((method.link.folder or "api", method.link.stem)) if method.link else None
            if page is not None and page.api is not None:
                expands.update(name.lower() for name in page.api.expands)
        if not expands:
            return []
        found: list[PropertyRow] = []
        for row in entry.record.properties:
            if row.name.lower() not in expands or row.type is None or row.name == entry.record.key_property:
                continue
            target = self.quiet_ref(row.type, entry.record.namespace)
            if target is not None and self.entries[target].kind == ENTITY:
                found.append(row)
        return found

    def properties(self, entry: _Entry, key: str | None) -> tuple[Property, ...]:
        record, path = entry.record, entry.page.path
        inherited = self.inherited_names(entry)
        expanded = self.expanded_rows(entry)
        for row in expanded:
            self.report(
                "PROPERTY_IS_RELATIONSHIP",
                f"{entry.full_name}.{row.name}: a property of an entity type that its API pages $expand; read as a navigation property",
                path,
                row.line,
                type=entry.full_name,
                property=row.name,
            )
        values = [row for row in record.navigation if self.is_value_row(row, entry)]
        values = values if self.readings.on("RELATIONSHIP_IS_PROPERTY") else []  # off: such a row is left out
        for row in values:
            self.report(
                "RELATIONSHIP_IS_PROPERTY",
                f"{entry.full_name}.{row.name}: listed as a relationship, but a relationship leads to an entity; read as a property",
                path,
                row.line,
                type=entry.full_name,
                property=row.name,
            )
        navigation = {row.name for row in (*record.navigation, *expanded)} - {row.name for row in values}
        result: dict[str, Property] = {}
        shown = record.json.value if record.json is not None and isinstance(record.json.value, dict) else {}
        for row in (*record.properties, *values):
            if row.name.lower() in inherited or (row.name in navigation and row.name != key):
                continue
            if row.name in result:
                self.report("DUPLICATE_PROPERTY", f"{entry.full_name}: property {row.name!r} is listed twice", path, row.line, type=entry.full_name, property=row.name)
                continue
            type_name = self.property_type(row, entry, f"{entry.full_name}.{row.name}", shown.get(row.name))
            result[row.name] = Property(
                name=row.name,
                type=type_name,
                collection=bool(row.type and row.type.collection),
                nullable=not (row.name == key or row.says_not_nullable),
                read_only=row.says_read_only,
                description=row.description,
                line=row.line,
                values=row.possible_values if type_name == "Edm.String" else (),
            )
        if record.json is not None and isinstance(record.json.value, dict):
            self.reconcile(entry, result, inherited | navigation, record.json.value, record.json.line)
        taken = {name.lower() for name in (*result, *navigation)} | inherited
        for holder, row in self.reached_rows.get(entry.full_name, []):
            if row.name.lower() in taken or not self.is_value_row(row, entry) or row.type is None:
                continue
            taken.add(row.name.lower())
            type_name = self.property_type(row, entry, f"{entry.full_name}.{row.name}")
            result[row.name] = Property(name=row.name, type=type_name, collection=row.type.collection, description=row.description, line=record.line)
            self.report(
                "ROW_BY_PATH",
                f"{entry.full_name}.{row.name}: a row of {holder.full_name} names it by a path; added as a property",
                holder.page.path,
                row.line,
                type=entry.full_name,
                property=row.name,
            )
        for holder, facet in self.facets_on.get(entry.full_name, []):
            if facet.name.lower() in taken:
                continue
            taken.add(facet.name.lower())
            result[facet.name] = Property(name=facet.name, type=holder.full_name, line=record.line)
            self.report(
                "PROPERTY_FROM_FACET",
                f"{entry.full_name}.{facet.name}: {holder.full_name} is a facet on it, its page says; added as a property",
                holder.page.path,
                facet.line,
                type=entry.full_name,
                property=facet.name,
            )
        parent = self.entries.get(entry.base) if entry.base else None
        inherits_key = parent is not None and self.key_of(parent) is not None
        if key is not None and not inherits_key and key not in result and key.lower() not in inherited:
            self.report(
                "KEY_NOT_LISTED",
                f"{entry.full_name}: key property {key!r} is in no table; added as Edm.String",
                path,
                record.line,
                type=entry.full_name,
                property=key,
                found="Edm.String",
            )
            result = {key: Property(name=key, type="Edm.String", nullable=False, read_only=True, line=record.line), **result}
        return tuple(result.values())

    def reconcile(self, entry: _Entry, table: dict[str, Property], skip: set[str], value: dict[str, Any], line: int) -> None:
        path = entry.page.path
        had_table = bool(entry.record.properties)
        declared_names = {name.lower(): name for name in table}
        skipped = {name.lower() for name in skip}
        shown: set[str] = set()
        for key, shown_value in value.items():
            name = key.strip()
            if not _IDENTIFIER.match(name) or name.lower() in skipped:
                continue  # annotations, and placeholder keys such as GUIDs or "String-value"
            guess = self.json_type(shown_value, entry.record.namespace)
            declared_name = declared_names.get(name.lower())
            if declared_name is None and self.is_open(entry):
                continue  # an open type's JSON shows keys of the moment: it declares only what its tables list
            if declared_name is None and had_table and not self.readings.on("JSON_ONLY_PROPERTY"):
                continue
            if declared_name is None:
                if had_table:
                    self.report(
                        "JSON_ONLY_PROPERTY",
                        f"{entry.full_name}: {name!r} is in the JSON representation but not in the Properties table; added",
                        path,
                        line,
                        type=entry.full_name,
                        property=name,
                    )
                type_name, collection = guess or (UNTYPED, isinstance(shown_value, list))
                table[name] = Property(name=name, type=type_name, collection=collection, line=line)
                declared_names[name.lower()] = name
                shown.add(name)
                continue
            shown.add(declared_name)
            if guess is None:
                continue
            declared = table[declared_name]
            type_name, collection = guess
            if isinstance(shown_value, bool) and declared.type == "Edm.String" and not declared.collection and self.readings.on("BOOLEAN_FROM_JSON"):
                # "String" in the table, a bare true or false in the JSON: a Boolean, mistyped in the table
                table[declared_name] = replace(declared, type="Edm.Boolean", values=())
                self.report(
                    "BOOLEAN_FROM_JSON",
                    f"{entry.full_name}.{declared_name}: table says String, JSON representation shows {str(shown_value).lower()}; read as Boolean",
                    path,
                    line,
                    type=entry.full_name,
                    property=declared_name,
                    expected="Edm.String",
                    found="Edm.Boolean",
                )
                continue
            both_typed = not type_name.startswith("Edm.") and not declared.type.startswith("Edm.")
            if collection != declared.collection or (both_typed and not self.derives(type_name, declared.type)):
                shown_as, said = _typed(type_name, collection), _typed(declared.type, declared.collection)
                self.report(
                    "TABLE_JSON_TYPE_MISMATCH",
                    f"{entry.full_name}.{declared_name}: table says {said}, JSON representation shows {shown_as}; the table wins",
                    path,
                    line,
                    type=entry.full_name,
                    property=declared_name,
                    expected=said,
                    found=shown_as,
                )
        if had_table:
            for name in sorted(set(table) - shown - skip):
                self.report(
                    "TABLE_ONLY_PROPERTY",
                    f"{entry.full_name}: {name!r} is in the Properties table but not in the JSON representation",
                    path,
                    line,
                    type=entry.full_name,
                    property=name,
                )

    def is_open(self, entry: _Entry) -> bool:
        """The type, or a type it derives from, is open."""
        return any(c.record.open_type for c in self.lineage(entry))

    def derives(self, type_name: str, base: str) -> bool:
        """``type_name`` is ``base`` or derives from it."""
        entry = self.entries.get(type_name)
        return type_name == base or (entry is not None and any(c.full_name == base for c in self.lineage(entry)))

    def json_type(self, value: Any, namespace: str) -> tuple[str, bool] | None:
        """What a JSON representation placeholder says a property's type is."""
        collection = isinstance(value, list)
        if collection:
            if not value:
                return None
            value = value[0]
        if isinstance(value, dict):
            odata = value.get("@odata.type")
            if isinstance(odata, str):
                found = self.lookup(odata, namespace)
                return (found, collection) if found else None
            return None
        if isinstance(value, bool):
            return "Edm.Boolean", collection
        if isinstance(value, int):
            return "Edm.Int64" if abs(value) > 2**31 else "Edm.Int32", collection
        if isinstance(value, float):
            return "Edm.Double", collection
        if isinstance(value, str):
            hint = _PLACEHOLDER_HINT.match(value)
            if hint:
                return _HINT_TYPE[hint.group(1).lower()], collection
            word = value.split("(")[0].strip().lower()
            if word in _JSON_PLACEHOLDER:
                return _JSON_PLACEHOLDER[word], collection
            found = edm_type(word) if word else None
            if found:
                return found, collection
            found = self.lookup(value.strip(), namespace) if re.fullmatch(r"[\w.]+", value.strip()) else None
            if found:
                return found, collection
        return None

    def navigation(self, entry: _Entry, key: str | None) -> tuple[NavigationProperty, ...]:
        result: dict[str, NavigationProperty] = {}
        inherited = self.inherited_names(entry)
        own = {r.name.lower() for r in (*entry.record.properties, *entry.record.navigation)}
        # rows of this page, then rows other pages name by a path to this type (with that page's entry)
        rows: list[tuple[PropertyRow, _Entry | None]] = [(row, None) for row in (*entry.record.navigation, *self.expanded_rows(entry))]
        rows += [(row, holder) for holder, row in self.reached_rows.get(entry.full_name, []) if row.name.lower() not in own]
        for row, by_path in rows:
            if row.name.lower() in inherited or self.is_value_row(row, entry):
                continue
            if row.name == key:
                self.report(
                    "DUPLICATE_PROPERTY",
                    f"{entry.full_name}: key {row.name!r} is listed as a relationship; read as a property",
                    entry.page.path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                )
                continue
            if row.name in result:
                self.report(
                    "DUPLICATE_PROPERTY",
                    f"{entry.full_name}: relationship {row.name!r} is listed twice",
                    entry.page.path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                )
                continue
            type_name = self.property_type(row, entry, f"{entry.full_name}.{row.name}") if row.type else UNTYPED
            if by_path is not None:
                self.report(
                    "ROW_BY_PATH",
                    f"{entry.full_name}.{row.name}: a row of {by_path.full_name} names it by a path; added as a relationship",
                    by_path.page.path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                )
            result[row.name] = NavigationProperty(
                name=row.name,
                type=type_name,
                collection=bool(row.type and row.type.collection),
                description=row.description,
                line=row.line,
            )
        return tuple(result.values())

    def members(self, entry: _Entry) -> tuple[Member, ...]:
        result: dict[str, Member] = {}
        for index, row in enumerate(entry.record.members):
            if row.name in result:
                self.report(
                    "DUPLICATE_PROPERTY",
                    f"{entry.full_name}: member {row.name!r} is listed twice",
                    entry.page.path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                )
                continue
            value = row.value if row.value is not None else index
            result[row.name] = Member(name=row.name, value=value, description=row.description, line=row.line)
        known = {name.lower() for name in result}
        for holder, listing in self.rows_of_enum.get(entry.full_name, []):
            for value_name in listing.possible_values:
                if value_name.lower() in known or value_name == "null" or not _IDENTIFIER.match(value_name):
                    continue
                known.add(value_name.lower())
                value = max((m.value for m in result.values()), default=-1) + 1
                result[value_name] = Member(name=value_name, value=value, line=entry.record.line)
                self.report(
                    "MEMBER_FROM_VALUES",
                    f"{entry.full_name}: member {value_name!r}, from the possible values of {holder.full_name}.{listing.name}",
                    holder.page.path,
                    listing.line,
                    type=entry.full_name,
                    property=value_name,
                )
        return tuple(result.values())

    @cached_property
    def reached_rows(self) -> dict[str, list[tuple[_Entry, PropertyRow]]]:
        """Type -> the rows other pages name by a path to it: agreement's row
        ``file/localizations/{id}/versions`` is ``versions`` of the type ``file/localizations`` holds."""
        found: dict[str, list[tuple[_Entry, PropertyRow]]] = {}
        if not self.readings.on("ROW_BY_PATH"):
            return found
        nested = [(self.entries[name], row) for name in sorted(self.entries) for row in self.entries[name].record.nested]
        for _ in range(4):  # a longer path may go through a row a shorter one added
            before = sum(map(len, found.values()))
            for holder, row in nested:
                parts = [p for p in row.name.strip("/").split("/") if p and not p.startswith("{")]
                current: str | None = holder.full_name
                for part in parts[:-1]:
                    current = self.member_type(current, part, found) if current else None
                last = replace(row, name=parts[-1]) if parts else row
                if current is None or current == holder.full_name or not _IDENTIFIER.match(last.name):
                    continue
                if (holder, last) not in found.get(current, []):
                    found.setdefault(current, []).append((holder, last))
            if sum(map(len, found.values())) == before:
                break
        return found

    def member_type(self, type_name: str, name: str, reached: dict[str, list[tuple[_Entry, PropertyRow]]]) -> str | None:
        """The documented type of a property or relationship row ``name`` of a type or its bases
        (or of a row named by a path to it)."""
        start = self.entries.get(type_name)
        for entry in self.lineage(start) if start is not None else []:
            rows = (*entry.record.properties, *entry.record.navigation, *(row for _, row in reached.get(entry.full_name, [])))
            for row in rows:
                if row.name.lower() == name.lower() and row.type is not None:
                    return self.quiet_ref(row.type, entry.record.namespace)
        return None

    @cached_property
    def facets_on(self) -> dict[str, list[tuple[_Entry, Facet]]]:
        """Type -> the facets other pages say they are on it ("the `bundle` facet on a [driveItem]")."""
        found: dict[str, list[tuple[_Entry, Facet]]] = {}
        if not self.readings.on("PROPERTY_FROM_FACET"):
            return found
        for target, holder, facet in self.naming(lambda entry: entry.record.facets, lambda facet: facet.on):
            if target != holder.full_name and not holder.record.is_enum:
                found.setdefault(target, []).append((holder, facet))
        return found

    @staticmethod
    def listing_rows(entry: _Entry) -> list[PropertyRow]:
        """The property rows that list their possible values, typed with no primitive."""
        return [r for r in entry.record.properties if r.possible_values and r.type is not None and edm_type(r.type.name) is None]

    @cached_property
    def rows_of_enum(self) -> dict[str, list[tuple[_Entry, PropertyRow]]]:
        """Enum -> the property rows typed with it that list their possible values."""
        found: dict[str, list[tuple[_Entry, PropertyRow]]] = {}
        if not self.readings.on("MEMBER_FROM_VALUES"):
            return found
        for target, holder, row in self.naming(self.listing_rows, lambda row: row.type):
            if self.entries[target].record.is_enum:
                found.setdefault(target, []).append((holder, row))
        return found

    # -- methods ---------------------------------------------------------
    def methods(self, entry: _Entry) -> tuple[Method, ...]:
        return tuple(self.method(entry, row) for row in entry.record.methods)

    def method(self, entry: _Entry, row: MethodRow) -> Method:
        record, path = entry.record, entry.page.path
        namespace = record.namespace
        return_type = None
        if row.return_type is not None:
            return_type = self.resolve_ref(row.return_type, namespace, path, row.line, f"{entry.full_name} method {row.name!r}", type=entry.full_name, property=row.name)
        returns_collection = bool(row.return_type and row.return_type.collection)
        page = self.api_pages.get((row.link.folder or "api", row.link.stem)) if row.link else None
        api = page.api if page is not None else None
        if row.return_type is None and api is not None and page is not None:
            answered = self.response_type(api)
            answered = answered if self.readings.on("RETURN_TYPE_FROM_EXAMPLE") else None
            if answered is not None:
                return_type, returns_collection = answered
                shown = f"a collection of {return_type}" if returns_collection else return_type
                self.report(
                    "RETURN_TYPE_FROM_EXAMPLE",
                    f"{entry.full_name} method {row.name!r}: the Methods table names no return type; "
                    f"{page.path}'s response example is {shown}",
                    path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                    found=_typed(return_type, returns_collection),
                )
        if api is None or not api.requests:
            http_method, api_path = self.assumed(entry, row, returns_collection)
            if api is None:
                where = f"{row.link.folder}/{row.link.stem}.md" if row.link else "no link"
                self.report(
                    "MISSING_API_PAGE",
                    f"{entry.full_name} method {row.name!r}: API page not found ({where}); assumed {http_method} {api_path}",
                    path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                    found=f"{http_method} {api_path}",
                )
            else:
                self.report(
                    "NO_HTTP_REQUEST",
                    f"{entry.full_name} method {row.name!r}: {page.path if page else ''} has no HTTP request; assumed {http_method} {api_path}",
                    path,
                    row.line,
                    type=entry.full_name,
                    property=row.name,
                    found=f"{http_method} {api_path}",
                )
            paths: tuple[str, ...] = (api_path,)
        else:
            http_method, api_path = api.requests[0].method, api.requests[0].path
            paths = self.as_called(tuple(dict.fromkeys(r.path for r in api.requests if r.method == http_method)), http_method, api)
            api_path = paths[0]
        parameters: tuple[Parameter, ...] = ()
        body_type = None
        status = None
        source = Source(path, row.line)
        if api is not None and page is not None:
            source = Source(page.path, api.line)
            parameters = self.parameters(api, namespace, page.path)
            if http_method in ("POST", "PUT", "PATCH") and not parameters and api.body_type is not None:
                body_type = self.resolve_ref(api.body_type, namespace, page.path, api.line, f"request body of {page.path}")
                if body_type == UNTYPED:
                    body_type = None
            status = api.success_status
        if status is None:
            status = _default_status(http_method, return_type, row.name)
        if api is not None and return_type is not None and not returns_collection and self.answers_a_collection(api, return_type) and self.readings.on("RETURNS_COLLECTION"):
            returns_collection = True
            self.report(
                "RETURNS_COLLECTION",
                f"{entry.full_name} method {row.name!r}: the Methods table says one {return_type}, "
                f"but {source.path} answers a collection; read as a collection",
                path,
                row.line,
                type=entry.full_name,
                property=row.name,
                expected=return_type,
                found=_typed(return_type, True),
            )
        return Method(
            name=row.name,
            http_method=http_method,
            path=api_path,
            return_type=return_type,
            returns_collection=returns_collection,
            description=row.description,
            paths=paths,
            request_body_type=body_type,
            parameters=parameters,
            success_status=status,
            source=source,
            headers=_headers(api),
            permissions=_permissions(api),
        )

    @cached_property
    def collections(self) -> set[str]:
        """The patterns of the documented paths that address a collection: a path keys an item
        after them, or a Methods row lists what is there."""
        found = collection_patterns(r.path for page in self.api_pages.values() if page.api is not None for r in page.api.requests)
        for entry in self.entries.values():
            for row in entry.record.methods:
                listing = row.name.split()[0].lower() == "list" if row.name.split() else False
                page = self.api_pages.get((row.link.folder or "api", row.link.stem)) if row.link and listing else None
                found.update(pattern(r.path) for r in (page.api.requests if page is not None and page.api is not None else ()) if r.method == "GET")
        return found

    def as_called(self, paths: tuple[str, ...], http_method: str, api: ApiRecord) -> tuple[str, ...]:
        """A function of a collection that a page's syntax writes without its parentheses
        (``GET .../accessPackages/filterByCurrentUser``), which its request example calls with
        arguments (``filterByCurrentUser(on='allowedRequestor')``), is that call: its path
        takes the arguments, each a placeholder (``filterByCurrentUser(on='{on}')``), so that a
        request with any value reaches it rather than reading as a key of the collection.
        Not where the page writes the call too (``usedRange`` and ``usedRange(valuesOnly=true)``
        are both functions), nor after one item (``/root/delta``, whose ``token`` may be left out)."""
        calls: dict[str, str] = {}
        for example in api.examples:
            if http_method == "GET" and example.kind == "request" and example.http_method == http_method and example.url:
                called = _CALLED.match(normalize_path(example.url).rsplit("/", 1)[-1])
                if called is not None:
                    calls.setdefault(called.group(1).lower(), called.group(2))
        written = {path.rsplit("/", 1)[-1].split("(", 1)[0].lower() for path in paths if path.endswith(")")}
        found: list[str] = []
        for path in paths:
            head, _, last = path.rpartition("/")
            arguments = calls.get(last.lower()) if _IDENTIFIER.match(last) and last.lower() not in written else None
            named = [_ARGUMENT.match(part) for part in arguments.split(",")] if arguments is not None else []
            if named and all(named) and pattern(head) in self.collections:
                last += "(" + ",".join(f"{a.group(1)}='{{{a.group(1)}}}'" if a.group(2).startswith("'") else f"{a.group(1)}={{{a.group(1)}}}" for a in named if a) + ")"
            found.append(f"{head}/{last}")
        return tuple(dict.fromkeys(found))

    def captured(self, work: Callable[[_Given], _Done], given: _Given) -> tuple[_Done, list[Diagnostic]]:
        """What ``work`` makes of ``given``, and the diagnostics it reports, apart from the
        others: a part of the model read again (``bases_from_locations``) replaces its
        diagnostics too."""
        kept, self.diagnostics = self.diagnostics, []
        try:
            return work(given), self.diagnostics
        finally:
            self.diagnostics = kept

    def built_type(self, name: str) -> Type:
        entry = self.entries[name]
        record = entry.record
        key = self.key_of(entry) if entry.kind == ENTITY else None
        if not record.open_type and entry.kind != ENUM and self.is_open(entry):
            self.report("OPEN_TYPE_INHERITED", f"{name} derives from an open type; open too", entry.page.path, record.line, type=name)
        return Type(
            full_name=entry.full_name,
            name=entry.full_name.rsplit(".", 1)[-1],
            namespace=entry.full_name.rsplit(".", 1)[0],
            kind=entry.kind,
            source=Source(entry.page.path, record.line),
            base_type=entry.base,
            abstract=record.abstract,
            open_type=entry.kind != ENUM and self.is_open(entry),
            key_property=key,
            description=record.description,
            properties=(self.properties(entry, key) if entry.kind != ENUM else ()),
            navigation_properties=(self.navigation(entry, key) if entry.kind != ENUM else ()),
            members=self.members(entry) if entry.kind == ENUM else (),
            flags=entry.kind == ENUM and self.flags(entry),
            methods=self.methods(entry),
        )

    def completed(self, built: list[Type]) -> tuple[list[Type], list[tuple[str, Method]]]:
        """The types with the inline enums, abstract only where something can be made, and
        the methods of the API pages no Methods table links: requests all the same, whose
        paths imply navigation too."""
        types = self.made_abstract(sorted([*built, *self.inline_enums.values()], key=lambda t: t.full_name))
        return types, self.unlisted_methods({t.full_name: t for t in types})

    def bases_from_locations(self, locate: Callable[[str], tuple[str, bool] | None]) -> set[str]:
        """A type whose page names no base, answered by a 200 or 201 whose ``Location`` (or
        named by a notification whose ``resourceUrl``) is in a relationship of another type,
        derives from that type: the operation a call's mute answers lives in its
        ``operations``, a collection of commsOperation, so a muteParticipantOperation is a
        commsOperation. Not a 202's Location, which names a monitor of the work (a workbook
        session's answer is no operation). The types given a base, each read so only when
        every such URL says the same."""
        if not self.readings.on("BASE_FROM_LOCATION"):
            return set()
        found: dict[str, dict[str, tuple[str, int, str]]] = {}  # type -> base -> where (page, line, URL)
        for page in self.pages:
            for example in page.api.examples if page.api is not None else ():
                for type_name, url in _located_answers(example):
                    answer = self.lookup(type_name, "microsoft.graph")
                    entry = self.entries.get(answer) if answer else None
                    end = locate(normalize_path(url))
                    if entry is None or end is None or end[0] == entry.full_name or self.entries.get(end[0]) is None:
                        continue
                    found.setdefault(entry.full_name, {}).setdefault(end[0], (page.path, example.line, normalize_path(url)))
        given: set[str] = set()
        for name in sorted(found):
            entry, bases = self.entries[name], found[name]
            if len(bases) != 1 or entry.base is not None or _names_a_base(entry.record) or entry.record.says_no_base or entry.record.is_enum:
                continue
            (base, (path, line, url)), = bases.items()
            if self.entries[base].kind != ENTITY or self.entries[base].record.is_enum or any(c.full_name == name for c in self.lineage(self.entries[base])):
                continue  # a relationship leads to an entity; and a type can't derive from its own kind
            entry.base = base
            given.add(name)
            shown = url if len(url) <= 100 else url[:100] + "..."
            self.report(
                "BASE_FROM_LOCATION",
                f"{name}: base type {base}, as the answer at {shown} is in a relationship of that type",
                path,
                line,
                type=name,
                found=base,
            )
        return given

    def made_abstract(self, types: list[Type]) -> list[Type]:
        """An abstract type no documented type derives from that is not abstract itself could
        never be made, nor any value of it read: it is read as a type that can be
        (``ABSTRACT_WITHOUT_KINDS``). The service's metadata agrees on most such pages
        (``openTypeExtension``, ``printTaskDefinition``)."""
        if not self.readings.on("ABSTRACT_WITHOUT_KINDS"):
            return types
        made = _family_made(types)
        found: list[Type] = []
        for t in types:
            if t.abstract and t.full_name not in made:
                self.report(
                    "ABSTRACT_WITHOUT_KINDS",
                    f"{t.full_name} is said to be abstract, but no documented type that is not derives from it; read as a type that can be made",
                    t.source.path,
                    t.source.line,
                    type=t.full_name,
                )
                t = replace(t, abstract=False)
            found.append(t)
        return found

    def unlisted_methods(self, types: dict[str, Type]) -> list[tuple[str, Method]]:
        """The API pages no Methods table links to, as methods of the type they work on:
        the type their response (or request) example names, or the type their file is
        named after (``authenticationflowspolicy-get.md``). They are documented requests
        all the same, and the service answers them."""
        if not self.readings.on("UNLISTED_API_PAGE"):
            return []
        linked = {
            (row.link.folder or "api", row.link.stem) for entry in self.entries.values() for row in entry.record.methods if row.link
        }
        by_lower = {t.name.lower(): t.full_name for t in types.values() if t.kind != ENUM}
        # a path pattern -> the entity a documented get or list there answers: an unlisted
        # page's request works on what its path addresses, else on what the path before
        # its last segment addresses
        addressed: dict[str, str] = {}
        for t in types.values():
            for m in t.methods:
                target = types.get(m.return_type or "")
                if m.http_method == "GET" and target is not None and target.kind == ENTITY:
                    for path in m.paths or (m.path,):
                        addressed.setdefault(_path_pattern(path), target.full_name)
                        if m.returns_collection:
                            addressed.setdefault(_path_pattern(path) + "/{}", target.full_name)
        pages: list[tuple[tuple[str, str], ApiRecord, str | None, str | None]] = []
        for key in sorted(self.api_pages):
            api = self.api_pages[key].api
            if key in linked or api is None or not api.requests:
                continue
            typed = [self.lookup(str(e.annotation.get("@odata.type", "")).strip().lstrip("#"), "microsoft.graph") for e in api.examples]
            response = next((t for e, t in zip(api.examples, typed) if t and e.kind == "response" and t in types), None)
            request = next((t for e, t in zip(api.examples, typed) if t and e.kind == "request" and t in types), None)
            pages.append((key, api, response, request))
            if response is not None and api.requests[0].method == "GET" and types[response].kind == ENTITY:
                at = _path_pattern(api.requests[0].path)
                addressed.setdefault(at, response)  # an unlisted get tells the unlisted update beside it
                if self.answers_a_collection(api, response):
                    addressed.setdefault(at + "/{}", response)
        found: list[tuple[str, Method]] = []
        for key, api, response, request in pages:
            page = self.api_pages[key]
            named = next((by_lower[part] for part in key[1].lower().split("-") if part in by_lower), None)
            at = _path_pattern(api.requests[0].path)
            owner = response or request or named or addressed.get(at) or addressed.get(at.rsplit("/", 1)[0])
            if owner is None:
                # about no type, and the operation is not named: nothing to add to the message
                self.report("UNSERVED_API_PAGE", "no Methods table links this page, and no type it works on is known; not served", page.path, api.line)
                continue
            parameters = self.parameters(api, "microsoft.graph", page.path)
            name = api.title.split(":", 1)[-1].strip() or key[1]
            self.report("UNLISTED_API_PAGE", f"no Methods table links this page; served as an operation of {owner}", page.path, api.line, type=owner, property=name)
            # one operation for each HTTP method the page documents (an update by PATCH and by PUT)
            for http_method in dict.fromkeys(r.method for r in api.requests):
                returns = response if http_method != "DELETE" else None
                status = api.success_status or _default_status(http_method, returns, api.title)
                paths = self.as_called(tuple(dict.fromkeys(r.path for r in api.requests if r.method == http_method)), http_method, api)
                found.append(
                    (
                        owner,
                        Method(
                            name=name,
                            http_method=http_method,
                            path=paths[0],
                            return_type=returns,
                            returns_collection=returns is not None and self.answers_a_collection(api, returns),
                            description=api.description,
                            paths=paths,
                            request_body_type=(request if http_method in ("POST", "PUT", "PATCH") and not parameters else None),
                            parameters=parameters,
                            success_status=status,
                            source=Source(page.path, api.line),
                            headers=_headers(api),
                            permissions=_permissions(api),
                        ),
                    )
                )
        return found

    def response_type(self, api: ApiRecord) -> tuple[str, bool] | None:
        """The documented type, and whether a collection, that an API page's first typed success
        response example names (``"@odata.type": "Collection(microsoft.graph.site)"``).
        """
        for example in api.examples:
            if example.kind != "response" or not 200 <= (example.status or 200) < 300 or example.status == 204:
                continue
            said = str(example.annotation.get("@odata.type", "")).strip().lstrip("#")
            if not said:
                continue
            collection = said.lower().startswith("collection(") and said.endswith(")")
            name = said[len("collection(") : -1].strip() if collection else said
            found = self.lookup(name, "microsoft.graph") if _QUALIFIED_NAME.match(name) else None
            entry = self.entries.get(found) if found else None
            if found is None or entry is None or entry.record.is_enum:
                return None
            return found, collection or self.answers_a_collection(api, found)
        return None

    def answers_a_collection(self, api: ApiRecord, return_type: str) -> bool:
        """The API page's response example is a collection: its annotation says so, or its
        body is ``{"value": [...]}`` where the type has no ``value`` property of its own.
        """
        for example in api.examples:
            if example.kind != "response" or (example.status or 200) >= 300:
                continue
            said = example.annotation.get("isCollection")
            if said is not None:
                return truthy(said)
            if example.body is None or not example.body.startswith('{"'):
                continue
            body = json.loads(example.body)
            if isinstance(body, dict) and isinstance(body.get("value"), list):
                entry = self.entries.get(return_type)
                return entry is None or not any(row.name == "value" for row in entry.record.properties)
            return False
        return False

    def assumed(self, entry: _Entry, row: MethodRow, collection: bool) -> tuple[str, str]:
        words = row.name.split()
        verb = words[0].lower() if words else ""
        http_method = _ACTION_VERBS.get(verb, "POST")
        base = f"/{entry.record.name}"
        if verb in ("get", "update", "delete", "remove") and not collection:
            return http_method, base + "/{id}"
        if verb in _ACTION_VERBS:
            return http_method, base
        action = re.sub(r"\W", "", row.name[:1].lower() + row.name[1:]) or "action"
        return http_method, base + "/{id}/" + action

    def parameters(self, api: ApiRecord, namespace: str, path: str) -> tuple[Parameter, ...]:
        """The request-body parameters, each name once: they become one method's arguments."""
        found: dict[str, Parameter] = {}
        for row in api.parameters:
            if row.name in found:
                # no type: two types' Methods tables may link one API page, and its
                # diagnostics are one diagnostic, whichever method read them
                self.report("DUPLICATE_PROPERTY", f"parameter {row.name!r} is listed twice", path, row.line, property=row.name)
                continue
            found[row.name] = self.parameter(row, namespace, path)
        return tuple(found.values())

    def parameter(self, row: PropertyRow, namespace: str, path: str) -> Parameter:
        type_name = UNTYPED
        if row.type is not None:
            type_name = self.resolve_ref(row.type, namespace, path, row.line, f"parameter {row.name!r}", property=row.name)
        return Parameter(
            name=row.name,
            type=type_name,
            collection=bool(row.type and row.type.collection),
            description=row.description,
            required=row.says_required,
            line=row.line,
        )

    def example(self, record: Any, namespace: str, path: str, owner: str = "") -> Example:
        """``owner``: the type whose page shows the example, if it is a resource page's."""
        annotation = record.annotation
        type_name = None
        written = annotation.get("@odata.type")
        collection = annotation.get("isCollection") in (True, "true", "True")
        if isinstance(written, str) and written.strip():
            written = written.strip().lstrip("#")
            wrapped = re.fullmatch(r"collection\((.*)\)", written, re.IGNORECASE)
            if wrapped:
                written, collection = wrapped.group(1).strip().lstrip("#"), True
            type_name = edm_type(written) or self.lookup(written, namespace)
            if type_name is None:
                self.report(
                    "UNKNOWN_ANNOTATION_TYPE",
                    f"example annotation names {written!r}, which is not documented",
                    path,
                    record.line,
                    type=owner,
                    expected=written,
                )
        return Example(
            kind=record.kind,
            name=str(annotation.get("name") or ""),
            type=type_name,
            collection=collection,
            truncated=annotation.get("truncated") in (True, "true", "True"),
            http_method=record.http_method,
            url=record.url,
            status=record.status,
            body=record.body,
            source=Source(path, record.line),
        )

    # -- assembly --------------------------------------------------------
    def examples(self) -> tuple[Example, ...]:
        found: list[Example] = []
        for page in self.pages:
            if page.api is not None:
                found.extend(self.example(e, "microsoft.graph", page.path) for e in page.api.examples)
            for record in page.types:
                owner = record.full_name or f"{record.namespace}.{record.name}"
                found.extend(self.example(e, record.namespace, page.path, owner) for e in record.examples)
        return tuple(found)

    def build(self) -> Model:
        self.index()
        self.link_bases()
        self.bases_from_derived_lists()
        self.drop_enum_bases()
        self.break_cycles()
        self.assume_keys()
        self.keyed_roots()
        self.implicit_entity_bases()
        self.break_cycles()
        self.assign_kinds()
        built = {name: self.captured(self.built_type, name) for name in sorted(self.entries)}
        (types, unlisted), said = self.captured(self.completed, [t for t, _ in built.values()])
        navigable, address, locate = navigated(Model(types=tuple(types)), unlisted, self.readings)
        given = self.bases_from_locations(locate)
        if given:
            # Read again what a new base changes: the types that derive from one given a base,
            # those of another kind now, and those whose rows name a type of another kind.
            kinds = {name: entry.kind for name, entry in self.entries.items()}
            self.break_cycles()
            self.assign_kinds()
            moved = {name for name, entry in self.entries.items() if entry.kind != kinds[name]}
            again = {name for name, entry in self.entries.items() if name in moved or any(c.full_name in given for c in self.lineage(entry))}
            rows: Callable[[_Entry], Iterable[PropertyRow]] = lambda entry: (*entry.record.properties, *entry.record.navigation)
            again |= {holder.full_name for target, holder, _ in self.naming(rows, lambda row: row.type) if target in moved}
            for name in sorted(again):
                built[name] = self.captured(self.built_type, name)
            (types, unlisted), said = self.captured(self.completed, [t for t, _ in built.values()])
            navigable, address, _ = navigated(Model(types=tuple(types)), unlisted, self.readings)
        for _, found in built.values():
            self.diagnostics.extend(found)
        self.diagnostics.extend(said)
        examples = self.examples()
        self.diagnostics.extend(navigable.diagnostics)
        final_types = navigable.types
        operations = with_operations(Model(types=final_types, examples=examples), unlisted, address).operations
        diagnostics = sorted(set(self.diagnostics), key=lambda d: (d.path, d.line, d.code, d.message))
        return Model(
            types=final_types, diagnostics=tuple(diagnostics), examples=examples, operations=operations
        )


def _located_answers(example: ExampleRecord) -> Iterator[tuple[str, str]]:
    """(the type an answer names in ``@odata.type``, the URL it is at) for a 200 or 201
    response example with a ``Location`` header (the type its annotation names, when the
    body is in a block of its own), and for each notification in an example that gives a
    ``resourceUrl`` and the ``resourceData`` there."""
    try:
        body = json.loads(example.body) if example.body else None
    except ValueError:
        return
    said = body.get("@odata.type") if isinstance(body, dict) else None
    said = said if said is not None or example.body else example.annotation.get("@odata.type")
    if example.kind == "response" and example.status in (200, 201) and example.location and isinstance(said, str):
        yield said.lstrip("#"), example.location
    if not isinstance(body, dict):
        return
    notifications = body.get("value")
    for notification in notifications if isinstance(notifications, list) else ():
        data = notification.get("resourceData") if isinstance(notification, dict) else None
        url = notification.get("resourceUrl") if isinstance(notification, dict) else None
        named = data.get("@odata.type") if isinstance(data, dict) else None
        if isinstance(url, str) and isinstance(named, str):
            yield named.lstrip("#"), url


def _family_made(types: list[Type]) -> set[str]:
    """The types that are, or have among their descendants, a type that is not abstract."""
    bases = {t.full_name: t.base_type for t in types}
    made: set[str] = set()
    for t in types:
        if t.abstract:
            continue
        name: str | None = t.full_name
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            made.add(name)
            name = bases.get(name)
    return made


def _folded(names: Iterable[str]) -> frozenset[str]:
    """Member names as Graph compares them, in any case, without the ``unknownFutureValue``
    sentinel an evolvable enum adds."""
    return frozenset(name.lower() for name in names) - {"unknownfuturevalue"}


def _written(ref: TypeRef | None) -> str:
    """A type cell as the page writes it, for a diagnostic's expected or found value."""
    return _typed(ref.name, ref.collection) if ref is not None else ""


def _typed(name: str, collection: bool) -> str:
    """A type and whether a collection, as the diagnostics write them: ``x collection``."""
    return f"{name} collection" if collection else name


def _path_pattern(path: str) -> str:
    """A path in lower case with its keys blanked: ``/Things/{thing-id}`` and ``/things/{id}`` are one."""
    return re.sub(r"\{[^/{}]*\}", "{}", path.lower())


_QUALIFIED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\Z")
_CALLED = re.compile(r"([A-Za-z_]\w*)\(([^()]*=[^()]*)\)\Z")  # a function called with arguments: name(a='x',b=5)
_ARGUMENT = re.compile(r"\s*([A-Za-z_]\w*)\s*=\s*('[^']*'|[^',]*)\s*\Z")


def _names_a_base(record: TypeRecord) -> bool:
    """The page itself says what the type derives from (whether or not that is documented)."""
    return bool(record.base_type or record.inherits or record.base_mentions)


def _home_rank(page: PageRecord, record: TypeRecord) -> int:
    """0 for the page named after the type, 1 for ``area-type.md``, 2 otherwise."""
    stem, name = page.key.stem, record.name.lower()
    rank = 0 if stem == name else 1 if stem.endswith("-" + name) else 2
    return rank + (3 if page.key.folder != "resources" else 0)


def _size(record: TypeRecord) -> int:
    return len(record.properties) + len(record.navigation) + len(record.members)


def _names(record: TypeRecord) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str, bool]], list[str]]:
    """What two copies of a type must share to be the same: rows, with their types, and members."""

    def rows(found: tuple[PropertyRow, ...]) -> list[tuple[str, str, bool]]:
        return sorted((r.name, r.type.name.lower() if r.type else "", bool(r.type and r.type.collection)) for r in found)

    return (rows(record.properties), rows(record.navigation), sorted(r.name for r in record.members))


def _flags_reason(record: TypeRecord) -> str | None:
    """Why an enum's values combine, if they do: its page says so ("flags", "multi-valued",
    "a comma-separated combination of"). Values that are bits (1, 2, 4, 8) are no proof:
    the service keeps some such enums single-valued."""
    values = [m.value for m in record.members if m.value is not None]
    if any(v < 0 for v in values):
        return None
    said = record.flags_said or next((m.flag_said for m in record.members if m.flag_said), None)
    if said:
        return f"its page says {said!r}"
    return None


def _headers(api: ApiRecord | None) -> tuple[Header, ...]:
    """The request headers an API page lists, each once (the first row that names it)."""
    found: dict[str, Header] = {}
    for row in api.headers if api is not None else ():
        found.setdefault(row.name.lower(), Header(row.name, row.says_required, row.line))
    return tuple(found.values())


def _permissions(api: ApiRecord | None) -> tuple[Permission, ...]:
    return tuple(Permission(cast(PermissionKind, row.kind), row.names, row.line) for row in api.permissions) if api is not None else ()


def _default_status(http_method: str, return_type: str | None, name: str) -> int:
    if http_method == "POST" and name.lower().startswith(("create", "add", "post")):
        return 201
    if return_type is None and http_method in ("POST", "DELETE", "PATCH", "PUT"):
        return 204
    return 200


def resolve(pages: Iterable[PageRecord], readings: Readings = ALL) -> Model:
    """Build the model from page records (order does not matter), applying ``readings``."""
    shaped, texts = split_all(pages)
    return prose.fill(resolve_shaped(shaped, readings), prose.joined(texts.values()))


def split_all(pages: Iterable[PageRecord]) -> tuple[list[PageRecord], dict[str, prose.Texts]]:
    """Every page's record with stand-ins for its texts, and each page's texts by its path."""
    shaped: list[PageRecord] = []
    texts: dict[str, prose.Texts] = {}
    for page in pages:
        record, texts[page.path] = prose.split(page)
        shaped.append(record)
    return shaped, texts


def resolve_shaped(pages: Iterable[PageRecord], readings: Readings = ALL) -> Model:
    """The model of records with stand-ins for their texts (``prose.split``): the texts are
    not read, so the model is the same for any texts."""
    ordered = sorted(pages, key=lambda p: p.path)
    return _Resolver(ordered, readings=readings).build()

"""Resolve stage: every page record in, the model out.

The only stage that sees all pages. ``index`` files every type by name; here the model
is built from it: base types are linked as the pages state them (cycles broken), kinds
and keys decided, each row typed, tables and JSON blocks reconciled, and methods meet
their API pages. Where a page leaves something unsaid, the readings
(``generator.model.readings``) conclude it: building calls each where it applies, and
a run that turns one off gets what the pages state.

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

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, TypeVar, cast

from ..base.choices import ALL, Readings
from ..base.diagnostics import Diagnostic
from ..parse.http import normalize_path
from ..parse.records import (
    ApiRecord,
    MethodRow,
    PageRecord,
    PropertyRow,
    TypeRecord,
    TypeRef,
)
from . import prose
from .index import Entry, Index, names_a_base, typed, verb
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
)
from .navigation import collection_patterns, navigated, pattern
from .operations import with_operations
from .primitives import UNTYPED, edm_type
from .readings.methods import (
    abstract_without_kinds,
    return_type_from_example,
    unlisted_api_page,
)
from .readings.methods import returns_collection as returns_collection_
from .readings.rows import (
    added_by_path,
    boolean_from_json,
    enum_from_values,
    flags_inferred,
    inline_enum,
    json_only_property,
    member_from_values,
    property_from_facet,
    property_is_relationship,
    relationship_is_property,
    row_by_path,
)
from .readings.types import (
    base_from_derived_list,
    base_from_location,
    base_from_text,
    common_base_type,
    entity_base_assumed,
    entity_from_derived,
    entity_from_paths,
    entity_from_relationship,
    key_assumed,
    namespace_from_use,
)

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
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
_ACTION_VERBS = {"list": "GET", "get": "GET", "create": "POST", "post": "POST", "add": "POST", "update": "PATCH", "delete": "DELETE", "remove": "DELETE"}


@dataclass
class _Resolver(Index):
    """Builds the model from the index: links the bases the pages state, decides kinds and
    keys, types each row, and meets each Methods row with its API page, applying the
    readings (``generator.model.readings``) where each concludes."""

    # -- type references -------------------------------------------------
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
        if shared in known:
            return shared
        return common_base_type(self, known, shared, what, path, line, **about) or known[0]  # else the first type the cell names

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
                base = base_from_text(self, entry)
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
            and not names_a_base(root.record)
        )

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
        """Which types keyed by nothing the readings make entities keyed by id (not an enum,
        nor a type with a base, nor a value whose annotation says ``"baseType": null``)."""
        for name in sorted(self.entries):
            entry = self.entries[name]
            record = entry.record
            if record.is_enum or record.key_property or entry.base:
                continue
            has_id = any(row.name == "id" for row in record.properties)
            if record.says_no_base and not has_id:
                continue  # "baseType": null and no id: a value, derived from nothing and keyed by nothing
            # the first of the readings that makes it an entity keyed by id
            key_assumed(self, entry, has_id) or entity_from_relationship(self, entry) or entity_from_paths(self, entry)

    # -- properties ------------------------------------------------------
    def property_type(self, row: PropertyRow, entry: Entry, what: str, shown: Any = None) -> str:
        record = entry.record
        if row.type is None:
            return UNTYPED
        ref = row.type
        if row.possible_values and isinstance(shown, str):
            named = self.lookup(shown.strip(), record.namespace) if re.fullmatch(r"[\w.]+", shown.strip()) else None
            if named and self.entries[named].record.is_enum:
                return named  # the JSON block names the enum the values belong to
        inline = inline_enum(self, row, entry)
        if inline is not None:
            return inline
        resolved = self.resolve_ref(ref, record.namespace, entry.page.path, row.line, what, type=entry.full_name, property=row.name)
        documented = enum_from_values(self, row, entry) if row.possible_values and resolved == "Edm.String" else None
        if documented is not None:
            return documented
        return resolved  # a String with possible values stays a String: the values go into its description and examples

    def properties(self, entry: Entry, key: str | None, expanded: tuple[PropertyRow, ...]) -> tuple[Property, ...]:
        """The type's properties: its Properties rows (less the ``expanded`` ones, which are
        relationships), what its JSON representation adds, and what other pages add."""
        record, path = entry.record, entry.page.path
        inherited = self.inherited_names(entry)
        values = relationship_is_property(self, entry)
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
        for holder, row in row_by_path(self).get(entry.full_name, []):
            if row.name.lower() in taken or not self.is_value_row(row, entry) or row.type is None:
                continue
            taken.add(row.name.lower())
            type_name = self.property_type(row, entry, f"{entry.full_name}.{row.name}")
            result[row.name] = Property(name=row.name, type=type_name, collection=row.type.collection, description=row.description, line=record.line)
            added_by_path(self, entry, holder, row, "a property")
        for facet in property_from_facet(self, entry, frozenset(taken)):
            result[facet.name] = facet
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

    def reconcile(self, entry: Entry, table: dict[str, Property], skip: set[str], value: dict[str, Any], line: int) -> None:
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
            if declared_name is None:
                if had_table and not json_only_property(self, entry, name, line, guess):
                    continue
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
            as_boolean = boolean_from_json(self, entry, declared, shown_value, line)
            if as_boolean is not None:
                table[declared_name] = as_boolean
                continue
            both_typed = not type_name.startswith("Edm.") and not declared.type.startswith("Edm.")
            if collection != declared.collection or (both_typed and not self.derives(type_name, declared.type)):
                shown_as, said = typed(type_name, collection), typed(declared.type, declared.collection)
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

    def navigation(self, entry: Entry, key: str | None, expanded: tuple[PropertyRow, ...]) -> tuple[NavigationProperty, ...]:
        """The type's navigation properties: its Relationships rows (less those that lead to
        no entity), the ``expanded`` Properties rows, and rows other pages name by a path."""
        result: dict[str, NavigationProperty] = {}
        inherited = self.inherited_names(entry)
        own = {r.name.lower() for r in (*entry.record.properties, *entry.record.navigation)}
        # rows of this page, then rows other pages name by a path to this type (with that page's entry)
        rows: list[tuple[PropertyRow, Entry | None]] = [(row, None) for row in (*entry.record.navigation, *expanded)]
        rows += [(row, holder) for holder, row in row_by_path(self).get(entry.full_name, []) if row.name.lower() not in own]
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
                added_by_path(self, entry, by_path, row, "a relationship")
            result[row.name] = NavigationProperty(
                name=row.name,
                type=type_name,
                collection=bool(row.type and row.type.collection),
                description=row.description,
                line=row.line,
            )
        return tuple(result.values())

    def members(self, entry: Entry) -> tuple[Member, ...]:
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
        added = member_from_values(self, entry, result)
        return (*result.values(), *added)

    # -- methods ---------------------------------------------------------
    def methods(self, entry: Entry) -> tuple[Method, ...]:
        return tuple(self.method(entry, row) for row in entry.record.methods)

    def method(self, entry: Entry, row: MethodRow) -> Method:
        record, path = entry.record, entry.page.path
        namespace = record.namespace
        return_type = None
        if row.return_type is not None:
            return_type = self.resolve_ref(row.return_type, namespace, path, row.line, f"{entry.full_name} method {row.name!r}", type=entry.full_name, property=row.name)
        returns_collection = bool(row.return_type and row.return_type.collection)
        page = self.api_page(row.link)
        api = page.api if page is not None else None
        answered = return_type_from_example(self, entry, row, page) if row.return_type is None and page is not None else None
        if answered is not None:
            return_type, returns_collection = answered
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
        if api is not None and return_type is not None and not returns_collection:
            returns_collection = returns_collection_(self, entry, row, api, return_type, source.path)
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
                page = self.api_page(row.link) if verb(row) == "list" else None
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

    def in_namespace_of_use(self, record: TypeRecord, page: PageRecord) -> TypeRecord:
        """The record as indexed: in the namespace of its use, where a reading says so."""
        namespace = namespace_from_use(self, record, page)
        return replace(record, namespace=namespace) if namespace is not None else record

    def captured(self, work: Callable[[_Given], _Done], given: _Given) -> tuple[_Done, list[Diagnostic]]:
        """What ``work`` makes of ``given``, and the diagnostics it reports, apart from the
        others: a part of the model read again (``base_from_location``) replaces its
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
        expanded = property_is_relationship(self, entry) if entry.kind != ENUM else ()
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
            properties=(self.properties(entry, key, expanded) if entry.kind != ENUM else ()),
            navigation_properties=(self.navigation(entry, key, expanded) if entry.kind != ENUM else ()),
            members=self.members(entry) if entry.kind == ENUM else (),
            flags=entry.kind == ENUM and flags_inferred(self, entry),
            methods=self.methods(entry),
        )

    def completed(self, built: list[Type]) -> tuple[list[Type], list[tuple[str, Method]]]:
        """The types with the inline enums, abstract only where something can be made, and
        the methods of the API pages no Methods table links: requests all the same, whose
        paths imply navigation too."""
        types = sorted([*built, *self.inline_enums.values()], key=lambda t: t.full_name)
        made = abstract_without_kinds(self, types)
        types = [replace(t, abstract=False) if t.full_name in made else t for t in types]
        return types, self.unlisted_methods({t.full_name: t for t in types})

    def unlisted_methods(self, types: dict[str, Type]) -> list[tuple[str, Method]]:
        """The methods of the API pages no Methods table links (``UNLISTED_API_PAGE``), each
        with the type it works on."""
        found: list[tuple[str, Method]] = []
        for unlisted in unlisted_api_page(self, types):
            page = self.api_pages[unlisted.key]
            api, owner, name, response, request = cast(ApiRecord, page.api), unlisted.owner, unlisted.name, unlisted.response, unlisted.request
            parameters = self.parameters(api, "microsoft.graph", page.path)
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

    def assumed(self, entry: Entry, row: MethodRow, collection: bool) -> tuple[str, str]:
        first = verb(row)
        http_method = _ACTION_VERBS.get(first, "POST")
        base = f"/{entry.record.name}"
        if first in ("get", "update", "delete", "remove") and not collection:
            return http_method, base + "/{id}"
        if first in _ACTION_VERBS:
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
        """The model: the stages of ``generator.model.readings.STAGES`` in their order, each
        reading applied in its stage."""
        self.add(self.in_namespace_of_use)
        self.link_bases()
        base_from_derived_list(self)
        self.drop_enum_bases()
        self.break_cycles()
        self.assume_keys()
        entity_from_derived(self)
        entity_base_assumed(self)
        self.break_cycles()
        self.assign_kinds()
        built = {name: self.captured(self.built_type, name) for name in sorted(self.entries)}
        (types, unlisted), said = self.captured(self.completed, [t for t, _ in built.values()])
        navigable, address, locate = navigated(Model(types=tuple(types)), unlisted, self.readings)
        given = base_from_location(self, locate)
        if given:
            # Read again what a new base changes: the types that derive from one given a base,
            # those of another kind now, and those whose rows name a type of another kind.
            kinds = {name: entry.kind for name, entry in self.entries.items()}
            self.break_cycles()
            self.assign_kinds()
            moved = {name for name, entry in self.entries.items() if entry.kind != kinds[name]}
            again = {name for name, entry in self.entries.items() if name in moved or any(c.full_name in given for c in self.lineage(entry))}
            rows: Callable[[Entry], Iterable[PropertyRow]] = lambda entry: (*entry.record.properties, *entry.record.navigation)
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


_CALLED = re.compile(r"([A-Za-z_]\w*)\(([^()]*=[^()]*)\)\Z")  # a function called with arguments: name(a='x',b=5)
_ARGUMENT = re.compile(r"\s*([A-Za-z_]\w*)\s*=\s*('[^']*'|[^',]*)\s*\Z")


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

"""The index of the pages: every type by name, the API pages by key, and the lookups and
walks over them that building the model and the readings share.

``Index.add`` files each page's types under their names (a type two pages document is
merged); ``lookup``, ``named_by_link`` and ``quiet_ref`` find the type a name or a link
means; ``lineage``, ``written_bases`` and ``key_of`` walk a type's bases. Nothing here
concludes what a page doesn't state: that is the readings' (``generator.model.readings``),
and building the model from what the index holds is ``resolve``'s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TypeVar

from ..base.choices import ALL, Readings
from ..base.diagnostics import Diagnostic, make
from ..parse.records import (
    ApiRecord,
    MethodRow,
    PageKey,
    PageRecord,
    PropertyRow,
    TypeRecord,
    TypeRef,
    truthy,
)
from .ir import COMPLEX, ENTITY, Type, TypeKind
from .primitives import edm_type

_Item = TypeVar("_Item")  # what a type holds that names another type: a row, a facet
_Made = TypeVar("_Made")


@dataclass
class Entry:
    """A documented type as the index holds it: its record and page, and what building and
    the readings have concluded of it so far (its base, kind and assumed key)."""

    record: TypeRecord
    page: PageRecord
    full_name: str
    base: str | None = None
    kind: TypeKind = COMPLEX
    assumed_key: str | None = None


@dataclass
class Index:
    pages: list[PageRecord]
    readings: Readings = ALL  # those this run applies (generator.model.readings)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)
    by_lower_full: dict[str, str] = field(default_factory=dict)
    by_page: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    api_pages: dict[tuple[str, str], PageRecord] = field(default_factory=dict)
    inline_enums: dict[str, Type] = field(default_factory=dict)  # enums named for a row's values
    memo: dict[str, Any] = field(default_factory=dict)

    def report(self, code: str, message: str, path: str, line: int, **about: str) -> None:
        """A diagnostic (``about``: the type and property it concerns, expected and found values)."""
        self.diagnostics.append(make(code, message, path, line, **about))


    # -- indexing --------------------------------------------------------
    def add(self, refine: Callable[[TypeRecord, PageRecord], TypeRecord] = lambda record, page: record) -> None:
        """Index every page's types; ``refine`` reads each record before it is filed (the
        namespace of an enum, from its use)."""
        records: dict[str, list[tuple[TypeRecord, PageRecord]]] = {}
        for page in self.pages:
            self.diagnostics.extend(page.diagnostics)
            if page.api is not None:
                self.api_pages[(page.key.folder, page.key.stem)] = page
            for record in page.types:
                record = refine(record, page)
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
            self.entries[full_name] = Entry(record, page, full_name)
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
                    differ.append((written(have.type), written(row.type)))
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

    def quiet_ref(self, ref: TypeRef, namespace: str) -> str | None:
        """The documented type a type cell names, or None, reporting nothing (resolve_ref reports later)."""
        if edm_type(ref.name) is not None and ref.link is None:
            return None
        return self.named_by_link(ref, namespace)

    def naming(self, items: Callable[[Entry], Iterable[_Item]], cell: Callable[[_Item], TypeRef | None]) -> Iterator[tuple[str, Entry, _Item]]:
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

    def api_page(self, link: PageKey | None) -> PageRecord | None:
        """The API page a Methods row links to."""
        return self.api_pages.get((link.folder or "api", link.stem)) if link is not None else None

    def once(self, name: str, make: Callable[[], _Made]) -> _Made:
        """What ``make`` makes, made on the first call by this name and kept (a reading's
        table of the whole index)."""
        if name not in self.memo:
            self.memo[name] = make()
        return self.memo[name]  # type: ignore[no-any-return]


    # -- walks over base types ------------------------------------------
    def lineage(self, entry: Entry) -> list[Entry]:
        """The type and the types it derives from, nearest first: the one walk up the bases
        (it stops where a cycle would go round again)."""
        chain: list[Entry] = []
        current: Entry | None = entry
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

    def inherited_names(self, entry: Entry) -> set[str]:
        """The names (in lower case: Graph's names don't differ by case alone) of the
        properties and relationships the type's bases list."""
        names: set[str] = set()
        for base in self.lineage(entry)[1:]:
            names.update(row.name.lower() for row in base.record.properties)
            names.update(row.name.lower() for row in base.record.navigation)
        return names

    def derives(self, type_name: str, base: str) -> bool:
        """``type_name`` is ``base`` or derives from it."""
        entry = self.entries.get(type_name)
        return type_name == base or (entry is not None and any(c.full_name == base for c in self.lineage(entry)))

    def is_open(self, entry: Entry) -> bool:
        """The type, or a type it derives from, is open."""
        return any(c.record.open_type for c in self.lineage(entry))

    def key_of(self, entry: Entry) -> str | None:
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

    def names_type(self, ref: TypeRef, entry: Entry) -> bool:
        """Whether a type cell names ``entry``'s type (by name, or by a link to its page)."""
        if ref.name.rsplit(".", 1)[-1].lower() == entry.record.name.lower():
            return True
        return ref.link is not None and (ref.link.folder or "resources", ref.link.stem) == (entry.page.key.folder, entry.page.key.stem)

    def is_value_row(self, row: PropertyRow, entry: Entry) -> bool:
        """A Relationships row whose type is a primitive, an enum or a complex type (one no
        convention made an entity): a property in the wrong table, since a relationship
        leads to an entity."""
        if row.type is None:
            return False
        if edm_type(row.type.name) is not None and row.type.link is None:
            return True
        target = self.quiet_ref(row.type, entry.record.namespace)
        return target is not None and self.entries[target].kind != ENTITY


    # -- enums and answers ----------------------------------------------
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
                key = (name.rsplit(".", 1)[0], folded(m.name for m in entry.record.members))
                found[key] = name if key not in found else None
        return found

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


def folded(names: Iterable[str]) -> frozenset[str]:
    """Member names as Graph compares them, in any case, without the ``unknownFutureValue``
    sentinel an evolvable enum adds."""
    return frozenset(name.lower() for name in names) - {"unknownfuturevalue"}


def written(ref: TypeRef | None) -> str:
    """A type cell as the page writes it, for a diagnostic's expected or found value."""
    return typed(ref.name, ref.collection) if ref is not None else ""


def typed(name: str, collection: bool) -> str:
    """A type and whether a collection, as the diagnostics write them: ``x collection``."""
    return f"{name} collection" if collection else name


def names_a_base(record: TypeRecord) -> bool:
    """The page itself says what the type derives from (whether or not that is documented)."""
    return bool(record.base_type or record.inherits or record.base_mentions)


def verb(row: MethodRow) -> str:
    """A Methods row's first word in lower case (``list``, ``get``, ``create``, ...)."""
    words = row.name.split()
    return words[0].lower() if words else ""


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


def path_pattern(path: str) -> str:
    """A path in lower case with its keys blanked: ``/Things/{thing-id}`` and ``/things/{id}`` are one."""
    return re.sub(r"\{[^/{}]*\}", "{}", path.lower())

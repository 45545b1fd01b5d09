"""Readings of rows: a property that is a relationship and the reverse, the enum a row's
possible values name, what a JSON representation adds to a table, rows other pages add
by a path or a facet, and an enum's members and whether they combine."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from ...parse.records import Facet, PropertyRow
from ..index import Entry, Index, folded
from ..ir import ENTITY, ENUM, Member, Property, Source, Type
from ..primitives import edm_type
from .rule import reading

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_NONE: Mapping[str, Any] = MappingProxyType({})


# -- properties ----------------------------------------------------------------------------
@reading("PROPERTY_IS_RELATIONSHIP", ())
def property_is_relationship(index: Index, entry: Entry) -> tuple[PropertyRow, ...]:
    """Properties rows that the type's API pages say to ``$expand``, typed with an entity:
    relationships in the wrong table, since only a navigation property expands."""
    expands: set[str] = set()
    for method in entry.record.methods:
        page = index.api_page(method.link)
        if page is not None and page.api is not None:
            expands.update(name.lower() for name in page.api.expands)
    if not expands:
        return ()
    found: list[PropertyRow] = []
    for row in entry.record.properties:
        if (
            row.name.lower() not in expands
            or row.type is None
            or row.name == entry.record.key_property
        ):
            continue
        target = index.quiet_ref(row.type, entry.record.namespace)
        if target is not None and index.entries[target].kind == ENTITY:
            found.append(row)
            index.report(
                "PROPERTY_IS_RELATIONSHIP",
                f"{entry.full_name}.{row.name}: a property of an entity type that its API pages $expand; read as a navigation property",
                entry.page.path,
                row.line,
                type=entry.full_name,
                property=row.name,
            )
    return tuple(found)


@reading("RELATIONSHIP_IS_PROPERTY", ())
def relationship_is_property(index: Index, entry: Entry) -> tuple[PropertyRow, ...]:
    """Relationships rows typed with a primitive, an enum or a complex type: properties in
    the wrong table, since a relationship leads to an entity. (Off, such a row is left out.)
    """
    found = tuple(
        row for row in entry.record.navigation if index.is_value_row(row, entry)
    )
    for row in found:
        index.report(
            "RELATIONSHIP_IS_PROPERTY",
            f"{entry.full_name}.{row.name}: listed as a relationship, but a relationship leads to an entity; read as a property",
            entry.page.path,
            row.line,
            type=entry.full_name,
            property=row.name,
        )
    return found


@reading("INLINE_ENUM", None)
def inline_enum(index: Index, row: PropertyRow, entry: Entry) -> str | None:
    """A row typed with a name no page documents that lists its possible values: an enum of
    that name, with those members (or the documented enum with exactly those members).
    """
    record, ref = entry.record, row.type
    if (
        ref is None
        or not row.possible_values
        or ref.link is not None
        or edm_type(ref.name) is not None
    ):
        return None
    if index.lookup(ref.name, record.namespace) is not None:
        return None
    written = ref.name.rsplit(".", 1)[-1]
    name = re.sub(r"\W", "", written, flags=re.ASCII) or "enum"
    full_name = f"{record.namespace}.{name}"
    existing = index.lookup(full_name, record.namespace) or index.enums_by_members.get(
        (record.namespace, frozenset(row.possible_values))
    )
    if existing and existing in index.entries:
        return existing
    if full_name not in index.inline_enums:
        members = tuple(
            Member(name=value, value=number, line=row.line)
            for number, value in enumerate(row.possible_values)
        )
        index.inline_enums[full_name] = Type(
            full_name=full_name,
            name=name,
            namespace=record.namespace,
            kind=ENUM,
            source=Source(entry.page.path, row.line),
            description=f"Values of {record.name}.{row.name}.",
            members=members,
        )
        index.report(
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


@reading("ENUM_FROM_VALUES", None)
def enum_from_values(index: Index, row: PropertyRow, entry: Entry) -> str | None:
    """The documented enum a String property's "Possible values" belong to: one of its
    namespace named ``<type><Property>`` or as the property, whose members include them
    all (in any case: ``NotStarted`` is ``notStarted``); else the one of its namespace
    with exactly those members; else the one alone with those members in any case, the
    ``unknownFutureValue`` sentinel left out (commsOperation's ``notStarted``, ``running``
    ... are operationStatus's ``NotStarted``, ``Running`` ...)."""
    record = entry.record
    documented: str | None = None
    for name in (record.name + row.name[:1].upper() + row.name[1:], row.name):
        named = index.by_lower_full.get(f"{record.namespace}.{name}".lower())
        enum = index.entries[named].record if named else None
        if (
            enum is not None
            and enum.is_enum
            and folded(row.possible_values) <= {m.name.lower() for m in enum.members}
        ):
            documented = named
            break
    else:
        exact = index.enums_by_members.get(
            (record.namespace, frozenset(row.possible_values))
        )
        documented = exact or index.enums_by_folded_members.get(
            (record.namespace, folded(row.possible_values))
        )
    if documented is None:
        return None
    index.report(
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


@reading("JSON_ONLY_PROPERTY", False)
def json_only_property(index: Index, entry: Entry, name: str, line: int, shown: tuple[str, bool] | None) -> bool:
    """A key the JSON representation shows that the Properties table lacks: a property
    (typed as the JSON placeholder implies: ``shown``, the type and whether a collection).
    Not one that a type of the same base lists in its Properties table with that type: the
    block was copied from that type's page (the MX, SRV and TXT records show the CNAME
    record's ``canonicalName``). The base is not entity, which every entity derives from."""
    sibling = _listed_by_sibling(index, entry, name, shown) if shown is not None else None
    if sibling is not None:
        index.report(
            "JSON_ONLY_PROPERTY",
            f"{entry.full_name}: {name!r} is in the JSON representation but not in the Properties table; "
            f"{sibling}, of the same base type, lists it: not added",
            entry.page.path,
            line,
            type=entry.full_name,
            property=name,
        )
        return False
    index.report(
        "JSON_ONLY_PROPERTY",
        f"{entry.full_name}: {name!r} is in the JSON representation but not in the Properties table; added",
        entry.page.path,
        line,
        type=entry.full_name,
        property=name,
    )
    return True


def _listed_by_sibling(index: Index, entry: Entry, name: str, shown: tuple[str, bool]) -> str | None:
    """The first other type (by name) of ``entry``'s base, entity aside, whose Properties
    table has a row ``name`` (in any case) of the type ``shown``."""
    if entry.base is None or entry.base == index.lookup("entity", "microsoft.graph"):
        return None
    for other in sorted(index.entries):
        sibling = index.entries[other]
        if sibling is entry or sibling.base != entry.base:
            continue
        for row in sibling.record.properties:
            if row.name.lower() == name.lower() and row.type is not None:
                typed_as = edm_type(row.type.name) if row.type.link is None else None
                if (typed_as or index.quiet_ref(row.type, sibling.record.namespace), row.type.collection) == shown:
                    return other
    return None


@reading("BOOLEAN_FROM_JSON", None)
def boolean_from_json(
    index: Index, entry: Entry, declared: Property, shown: Any, line: int
) -> Property | None:
    """ "String" in the table, a bare true or false in the JSON: a Boolean, mistyped in the table."""
    if (
        not isinstance(shown, bool)
        or declared.type != "Edm.String"
        or declared.collection
    ):
        return None
    index.report(
        "BOOLEAN_FROM_JSON",
        f"{entry.full_name}.{declared.name}: table says String, JSON representation shows {str(shown).lower()}; read as Boolean",
        entry.page.path,
        line,
        type=entry.full_name,
        property=declared.name,
        expected="Edm.String",
        found="Edm.Boolean",
    )
    return replace(declared, type="Edm.Boolean", values=())


@reading("ROW_BY_PATH", _NONE)
def row_by_path(index: Index) -> Mapping[str, list[tuple[Entry, PropertyRow]]]:
    """Type -> the rows other pages name by a path to it: agreement's row
    ``file/localizations/{id}/versions`` is ``versions`` of the type ``file/localizations`` holds.
    """
    return index.once("rows by path", lambda: _rows_by_path(index))


def _rows_by_path(index: Index) -> dict[str, list[tuple[Entry, PropertyRow]]]:
    found: dict[str, list[tuple[Entry, PropertyRow]]] = {}
    nested = [
        (index.entries[name], row)
        for name in sorted(index.entries)
        for row in index.entries[name].record.nested
    ]
    for _ in range(4):  # a longer path may go through a row a shorter one added
        before = sum(map(len, found.values()))
        for holder, row in nested:
            parts = [
                p for p in row.name.strip("/").split("/") if p and not p.startswith("{")
            ]
            current: str | None = holder.full_name
            for part in parts[:-1]:
                current = _member_type(index, current, part, found) if current else None
            last = replace(row, name=parts[-1]) if parts else row
            if (
                current is None
                or current == holder.full_name
                or not _IDENTIFIER.match(last.name)
            ):
                continue
            if (holder, last) not in found.get(current, []):
                found.setdefault(current, []).append((holder, last))
        if sum(map(len, found.values())) == before:
            break
    return found


def _member_type(
    index: Index,
    type_name: str,
    name: str,
    reached: dict[str, list[tuple[Entry, PropertyRow]]],
) -> str | None:
    """The documented type of a property or relationship row ``name`` of a type or its bases
    (or of a row named by a path to it)."""
    start = index.entries.get(type_name)
    for entry in index.lineage(start) if start is not None else []:
        rows = (
            *entry.record.properties,
            *entry.record.navigation,
            *(row for _, row in reached.get(entry.full_name, [])),
        )
        for row in rows:
            if row.name.lower() == name.lower() and row.type is not None:
                return index.quiet_ref(row.type, entry.record.namespace)
    return None


def added_by_path(
    index: Index, entry: Entry, holder: Entry, row: PropertyRow, added_as: str
) -> None:
    """Report a row ``row_by_path`` found, added to ``entry`` as ``added_as`` ("a property")."""
    index.report(
        "ROW_BY_PATH",
        f"{entry.full_name}.{row.name}: a row of {holder.full_name} names it by a path; added as {added_as}",
        holder.page.path,
        row.line,
        type=entry.full_name,
        property=row.name,
    )


@reading("PROPERTY_FROM_FACET", ())
def property_from_facet(
    index: Index, entry: Entry, taken: frozenset[str]
) -> tuple[Property, ...]:
    """The facets other pages say are on the type ("the `bundle` facet on a [driveItem]"),
    each a property of it, unless one of that name (lower case, in ``taken``) is there.
    """
    facets: dict[str, list[tuple[Entry, Facet]]] = index.once(
        "facets on", lambda: _facets_on(index)
    )
    seen = set(taken)
    found: list[Property] = []
    for holder, facet in facets.get(entry.full_name, []):
        if facet.name.lower() in seen:
            continue
        seen.add(facet.name.lower())
        found.append(
            Property(name=facet.name, type=holder.full_name, line=entry.record.line)
        )
        index.report(
            "PROPERTY_FROM_FACET",
            f"{entry.full_name}.{facet.name}: {holder.full_name} is a facet on it, its page says; added as a property",
            holder.page.path,
            facet.line,
            type=entry.full_name,
            property=facet.name,
        )
    return tuple(found)


def _facets_on(index: Index) -> dict[str, list[tuple[Entry, Facet]]]:
    found: dict[str, list[tuple[Entry, Facet]]] = {}
    for target, holder, facet in index.naming(
        lambda entry: entry.record.facets, lambda facet: facet.on
    ):
        if target != holder.full_name and not holder.record.is_enum:
            found.setdefault(target, []).append((holder, facet))
    return found


# -- members -------------------------------------------------------------------------------
@reading("MEMBER_FROM_VALUES", ())
def member_from_values(
    index: Index, entry: Entry, have: Mapping[str, Member]
) -> tuple[Member, ...]:
    """The possible values that property rows typed with this enum list, and its page
    doesn't: members of it, numbered after those it ``have``s."""
    rows: dict[str, list[tuple[Entry, PropertyRow]]] = index.once(
        "rows of enum", lambda: _rows_of_enum(index)
    )
    known = {name.lower() for name in have}
    top = max((m.value for m in have.values()), default=-1)
    found: list[Member] = []
    for holder, listing in rows.get(entry.full_name, []):
        for value_name in listing.possible_values:
            if (
                value_name.lower() in known
                or value_name == "null"
                or not _IDENTIFIER.match(value_name)
            ):
                continue
            known.add(value_name.lower())
            top += 1
            found.append(Member(name=value_name, value=top, line=entry.record.line))
            index.report(
                "MEMBER_FROM_VALUES",
                f"{entry.full_name}: member {value_name!r}, from the possible values of {holder.full_name}.{listing.name}",
                holder.page.path,
                listing.line,
                type=entry.full_name,
                property=value_name,
            )
    return tuple(found)


def _rows_of_enum(index: Index) -> dict[str, list[tuple[Entry, PropertyRow]]]:
    """Enum -> the property rows typed with it that list their possible values."""
    found: dict[str, list[tuple[Entry, PropertyRow]]] = {}
    for target, holder, row in index.naming(_listing_rows, lambda row: row.type):
        if index.entries[target].record.is_enum:
            found.setdefault(target, []).append((holder, row))
    return found


def _listing_rows(entry: Entry) -> list[PropertyRow]:
    """The property rows that list their possible values, typed with no primitive."""
    return [
        r
        for r in entry.record.properties
        if r.possible_values and r.type is not None and edm_type(r.type.name) is None
    ]


@reading("FLAGS_INFERRED", False)
def flags_inferred(index: Index, entry: Entry) -> bool:
    """An enum whose page says its values combine ("flags", "multi-valued", "a
    comma-separated combination of") is a flags enum. Values that are bits (1, 2, 4, 8)
    are no proof: the service keeps some such enums single-valued."""
    record = entry.record
    values = [m.value for m in record.members if m.value is not None]
    said = record.flags_said or next(
        (m.flag_said for m in record.members if m.flag_said), None
    )
    if any(v < 0 for v in values) or not said:
        return False
    index.report(
        "FLAGS_INFERRED",
        f"{entry.full_name}: values combine, as its page says {said!r}",
        entry.page.path,
        record.line,
        type=entry.full_name,
    )
    return True

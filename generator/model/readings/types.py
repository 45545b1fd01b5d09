"""Readings of types: the namespace an enum is used in, base types no page states, and
which types are entities keyed by id."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

from ...parse.http import normalize_path
from ...parse.records import ExampleRecord, Mention, PageRecord, TypeRecord
from ..index import Entry, Index, names_a_base, path_pattern, verb
from ..ir import ENTITY
from .rule import reading

_KEY_SEGMENT = re.compile(
    r"(?:/\{[^/{}]*\}|\((?:'?\{[^()]*\}'?|'[^()']*')\))$"
)  # ".../{id}" or "...('{id}')"


# -- index ---------------------------------------------------------------------------------
@reading("NAMESPACE_FROM_USE", None)
def namespace_from_use(
    index: Index, record: TypeRecord, page: PageRecord
) -> str | None:
    """An enum on a values page with no Namespace line belongs to the namespace of the
    types that use it, when they are all of one namespace (``enums-managedtenants.md``
    serves microsoft.graph.managedTenants)."""
    if record.namespace_stated or not record.is_enum:
        return None
    users = index.once(
        "namespaces by use", lambda: _namespaces_by_use(index.pages)
    ).get(record.name.lower(), set())
    if len(users) != 1 or record.namespace in users:
        return None
    (namespace,) = users
    index.report(
        "NAMESPACE_FROM_USE",
        f"{record.name}: the page states no namespace, and the types using it are in {namespace}; read as {namespace}.{record.name}",
        page.path,
        record.line,
        type=f"{namespace}.{record.name}",
        found=namespace,
    )
    return namespace


def _namespaces_by_use(pages: list[PageRecord]) -> dict[str, set[str]]:
    """Type name (lower case) -> the namespaces of the pages whose rows name it unlinked,
    or linked to a page that documents a type of that name."""
    found: dict[str, set[str]] = {}
    for page in pages:
        for record in page.types:
            for row in (*record.properties, *record.navigation):
                if row.type is not None and "." not in row.type.name:
                    found.setdefault(row.type.name.lower(), set()).add(record.namespace)
    return found


# -- bases ---------------------------------------------------------------------------------
@reading("BASE_FROM_TEXT", None)
def base_from_text(index: Index, entry: Entry) -> str | None:
    """The base a page states outside its opening lines ("Inherited from [entity]" in the
    id row, "a subclass of [x]" further down): of the ancestors named, the most derived.
    """
    named: dict[str, Mention] = {}
    for mention in entry.record.base_mentions:
        found = index.named_by_link(mention.ref, entry.record.namespace)
        if found is not None and found != entry.full_name and found in index.entries:
            named.setdefault(found, mention)
    if not named:
        return None
    chains = {name: index.written_bases(name) for name in named}
    base = max(
        named,
        key=lambda name: (
            all(other in chains[name] for other in named if other != name),
            len(chains[name]),
        ),
    )
    mention = named[base]
    index.report(
        "BASE_FROM_TEXT",
        f"{entry.full_name}: base type {base}, from 'inherited from' in {mention.where}",
        entry.page.path,
        mention.line,
        type=entry.full_name,
        found=base,
    )
    return base


@reading("BASE_FROM_DERIVED_LIST", None)
def base_from_derived_list(index: Index) -> None:
    """A base type's page that lists the types derived from it gives each its base,
    when the type's own page names none."""
    for name in sorted(index.entries):
        entry = index.entries[name]
        for mention in entry.record.derived:
            found = index.named_by_link(mention.ref, entry.record.namespace)
            child = index.entries.get(found) if found else None
            if (
                child is None
                or child is entry
                or child.base is not None
                or names_a_base(child.record)
            ):
                continue
            if child.record.is_enum or entry.record.is_enum:
                continue
            child.base = name
            index.report(
                "BASE_FROM_DERIVED_LIST",
                f"{child.full_name}: base type {name}, which lists it as derived ({entry.page.path}:{mention.line})",
                child.page.path,
                child.record.line,
                type=child.full_name,
                found=name,
            )


@reading("COMMON_BASE_TYPE", None)
def common_base_type(
    index: Index,
    known: list[str],
    shared: str,
    what: str,
    path: str,
    line: int,
    **about: str,
) -> str | None:
    """A cell naming several types ("[a](a.md) or [b](b.md)"), none the others' base, means
    their closest common base ``shared``."""
    index.report(
        "COMMON_BASE_TYPE",
        f"{what}: one of {', '.join(known)}; read as their common base {shared}",
        path,
        line,
        expected=" or ".join(known),
        found=shared,
        **about,
    )
    return shared


# -- keys ----------------------------------------------------------------------------------
def _keyed_by_id(index: Index, entry: Entry, code: str, said: str) -> bool:
    entry.assumed_key = "id"
    index.report(
        code,
        f"{entry.full_name}{said}; read as an entity keyed by id",
        entry.page.path,
        entry.record.line,
        type=entry.full_name,
        property="id",
    )
    return True


@reading("KEY_ASSUMED", False)
def key_assumed(index: Index, entry: Entry, has_id: bool) -> bool:
    """A type with an ``id`` row beside relationships or methods is an entity keyed by id."""
    record = entry.record
    if not has_id or not (record.navigation or record.methods):
        return False
    holds = "relationships" if record.navigation else "methods"
    return _keyed_by_id(
        index,
        entry,
        "KEY_ASSUMED",
        f" has an id and {holds} but no keyProperty or base type",
    )


@reading("ENTITY_FROM_RELATIONSHIP", False)
def entity_from_relationship(index: Index, entry: Entry) -> bool:
    """A type another type's relationship leads to is an entity keyed by id."""
    target_of = index.once(
        "relationship targets", lambda: _relationship_targets(index)
    ).get(entry.full_name)
    if target_of is None:
        return False
    return _keyed_by_id(
        index,
        entry,
        "ENTITY_FROM_RELATIONSHIP",
        f": {target_of} is a relationship to it, and relationships lead to entities",
    )


def _relationship_targets(index: Index) -> dict[str, str]:
    """Type -> the first relationship (``type.name``) of another type whose row names it."""
    found: dict[str, str] = {}
    for target, holder, row in index.naming(
        lambda entry: entry.record.navigation, lambda row: row.type
    ):
        if target != holder.full_name:
            found.setdefault(target, f"{holder.full_name}.{row.name}")
    return found


@reading("ENTITY_FROM_PATHS", False)
def entity_from_paths(index: Index, entry: Entry) -> bool:
    """A type whose API pages address one by key (``GET /things/{id}``) is an entity keyed by id."""
    addressed = _addressed_by_key(index, entry)
    if addressed is None:
        return False
    return _keyed_by_id(
        index,
        entry,
        "ENTITY_FROM_PATHS",
        f": its API pages address one by key ({addressed})",
    )


def _addressed_by_key(index: Index, entry: Entry) -> str | None:
    """The request line, if any, by which a method of the type's own page gets,
    updates or deletes one item of a collection by its key (``GET /things/{id}``). A
    path to a single value (``GET /me/analytics/settings``) may lead to a complex value.
    """
    for row in entry.record.methods:
        returns = row.return_type
        if verb(row) not in ("get", "update", "delete") or (
            returns is not None
            and (returns.collection or not index.names_type(returns, entry))
        ):
            continue
        page = index.api_page(row.link)
        for request in (
            page.api.requests if page is not None and page.api is not None else ()
        ):
            if request.method in (
                "GET",
                "PATCH",
                "PUT",
                "DELETE",
            ) and _KEY_SEGMENT.search(request.path):
                return f"{request.method} {request.path}"
    return index.once(
        "items addressed by key", lambda: _items_addressed_by_key(index)
    ).get(entry.full_name)


def _items_addressed_by_key(index: Index) -> dict[str, str]:
    """Type -> a request line of any API page that addresses one item of a collection
    of it by key: ``PATCH /security/profiles/{id}``, where ``GET /security/profiles``
    lists that type."""
    lists: dict[str, str] = {}  # path pattern of a list -> the type it lists
    for name in sorted(index.entries):
        entry = index.entries[name]
        for row in entry.record.methods:
            target = (
                index.quiet_ref(row.return_type, entry.record.namespace)
                if row.return_type and verb(row) == "list"
                else None
            )
            page = index.api_page(row.link) if target else None
            for request in (
                page.api.requests if page is not None and page.api is not None else ()
            ):
                if request.method == "GET" and target is not None:
                    lists.setdefault(path_pattern(request.path), target)
    found: dict[str, str] = {}
    for key in sorted(index.api_pages):
        api = index.api_pages[key].api
        for request in api.requests if api is not None else ():
            head, _, last = request.path.rpartition("/")
            listed = (
                lists.get(path_pattern(head))
                if request.method in ("GET", "PATCH", "PUT", "DELETE")
                else None
            )
            if listed is not None and _KEY_SEGMENT.search("/" + last):
                found.setdefault(listed, f"{request.method} {request.path}")
    return found


@reading("ENTITY_FROM_DERIVED", None)
def entity_from_derived(index: Index) -> None:
    """An entity can't derive from a complex type: the root of a keyed type's bases,
    keyed by nothing itself, is an entity with that key."""
    for name in sorted(index.entries):
        entry = index.entries[name]
        key = entry.record.key_property or entry.assumed_key
        if not key or entry.base is None:
            continue
        chain = index.lineage(entry)[1:]
        if (
            not chain
            or any(c.record.key_property or c.assumed_key for c in chain)
            or chain[-1].record.is_enum
        ):
            continue
        root = chain[-1]
        root.assumed_key = key
        index.report(
            "ENTITY_FROM_DERIVED",
            f"{root.full_name}: {name} derives from it and is keyed by {key}; read as an entity keyed by {key}",
            root.page.path,
            root.record.line,
            type=root.full_name,
            property=key,
        )


@reading("ENTITY_BASE_ASSUMED", None)
def entity_base_assumed(index: Index) -> None:
    """A type keyed by id whose page names no base derives from the documented
    entity type, as the service's types do (when the docs define entity, keyed by id);
    not one whose annotation says ``"baseType": null`` (``photo``).
    """
    entity = index.lookup("entity", "microsoft.graph")
    root = index.entries.get(entity) if entity else None
    if (
        root is None
        or (root.record.key_property or root.assumed_key or "").lower() != "id"
    ):
        return
    for name in sorted(index.entries):
        entry = index.entries[name]
        key = entry.record.key_property or entry.assumed_key
        if (
            entry is root
            or entry.base is not None
            or entry.record.is_enum
            or (key or "").lower() != "id"
        ):
            continue
        if names_a_base(entry.record):
            continue  # its page names a base that isn't documented: that is reported already
        if entry.record.says_no_base:
            continue  # its annotation says "baseType": null: it derives from nothing
        entry.base = root.full_name
        index.report(
            "ENTITY_BASE_ASSUMED",
            f"{name} is keyed by id and its page names no base type; read as deriving from {root.full_name}",
            entry.page.path,
            entry.record.line,
            type=name,
            found=root.full_name,
        )


# -- the model -----------------------------------------------------------------------------
@reading("BASE_FROM_LOCATION", frozenset())
def base_from_location(
    index: Index, locate: Callable[[str], tuple[str, bool] | None]
) -> frozenset[str]:
    """A type whose page names no base, answered by a 200 or 201 whose ``Location`` (or
    named by a notification whose ``resourceUrl``) is in a relationship of another type,
    derives from that type: the operation a call's mute answers lives in its
    ``operations``, a collection of commsOperation, so a muteParticipantOperation is a
    commsOperation. Not a 202's Location, which names a monitor of the work (a workbook
    session's answer is no operation). The types given a base, each read so only when
    every such URL says the same."""
    found: dict[str, dict[str, tuple[str, int, str]]] = (
        {}
    )  # type -> base -> where (page, line, URL)
    for page in index.pages:
        for example in page.api.examples if page.api is not None else ():
            for type_name, url in _located_answers(example):
                answer = index.lookup(type_name, "microsoft.graph")
                entry = index.entries.get(answer) if answer else None
                end = locate(normalize_path(url))
                if (
                    entry is None
                    or end is None
                    or end[0] == entry.full_name
                    or index.entries.get(end[0]) is None
                ):
                    continue
                found.setdefault(entry.full_name, {}).setdefault(
                    end[0], (page.path, example.line, normalize_path(url))
                )
    given: set[str] = set()
    for name in sorted(found):
        entry, bases = index.entries[name], found[name]
        if (
            len(bases) != 1
            or entry.base is not None
            or names_a_base(entry.record)
            or entry.record.says_no_base
            or entry.record.is_enum
        ):
            continue
        ((base, (path, line, url)),) = bases.items()
        if (
            index.entries[base].kind != ENTITY
            or index.entries[base].record.is_enum
            or any(c.full_name == name for c in index.lineage(index.entries[base]))
        ):
            continue  # a relationship leads to an entity; and a type can't derive from its own kind
        entry.base = base
        given.add(name)
        shown = url if len(url) <= 100 else url[:100] + "..."
        index.report(
            "BASE_FROM_LOCATION",
            f"{name}: base type {base}, as the answer at {shown} is in a relationship of that type",
            path,
            line,
            type=name,
            found=base,
        )
    return frozenset(given)


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
    said = (
        said
        if said is not None or example.body
        else example.annotation.get("@odata.type")
    )
    if (
        example.kind == "response"
        and example.status in (200, 201)
        and example.location
        and isinstance(said, str)
    ):
        yield said.lstrip("#"), example.location
    if not isinstance(body, dict):
        return
    notifications = body.get("value")
    for notification in notifications if isinstance(notifications, list) else ():
        data = (
            notification.get("resourceData") if isinstance(notification, dict) else None
        )
        url = (
            notification.get("resourceUrl") if isinstance(notification, dict) else None
        )
        named = data.get("@odata.type") if isinstance(data, dict) else None
        if isinstance(url, str) and isinstance(named, str):
            yield named.lstrip("#"), url

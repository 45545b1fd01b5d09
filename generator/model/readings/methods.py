"""Readings of methods and of the model as a whole: what an API page's response example
says a method returns, abstract types nothing could make, and the API pages no Methods
table links."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...parse.records import ApiRecord, MethodRow, PageRecord
from ..index import Entry, Index, path_pattern, typed
from ..ir import ENTITY, ENUM, Type
from .rule import reading

_QUALIFIED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\Z")


# -- methods -------------------------------------------------------------------------------
@reading("RETURN_TYPE_FROM_EXAMPLE", None)
def return_type_from_example(
    index: Index, entry: Entry, row: MethodRow, page: PageRecord
) -> tuple[str, bool] | None:
    """A Methods row with no return type: what its API page's first typed success response
    example names (``"@odata.type": "Collection(microsoft.graph.site)"``), and whether a collection.
    """
    answered = _response_type(index, page.api) if page.api is not None else None
    if answered is None:
        return None
    return_type, collection = answered
    shown = f"a collection of {return_type}" if collection else return_type
    index.report(
        "RETURN_TYPE_FROM_EXAMPLE",
        f"{entry.full_name} method {row.name!r}: the Methods table names no return type; {page.path}'s response example is {shown}",
        entry.page.path,
        row.line,
        type=entry.full_name,
        property=row.name,
        found=typed(return_type, collection),
    )
    return answered


def _response_type(index: Index, api: ApiRecord) -> tuple[str, bool] | None:
    for example in api.examples:
        if (
            example.kind != "response"
            or not 200 <= (example.status or 200) < 300
            or example.status == 204
        ):
            continue
        said = str(example.annotation.get("@odata.type", "")).strip().lstrip("#")
        if not said:
            continue
        collection = said.lower().startswith("collection(") and said.endswith(")")
        name = said[len("collection(") : -1].strip() if collection else said
        found = (
            index.lookup(name, "microsoft.graph")
            if _QUALIFIED_NAME.match(name)
            else None
        )
        entry = index.entries.get(found) if found else None
        if found is None or entry is None or entry.record.is_enum:
            return None
        return found, collection or index.answers_a_collection(api, found)
    return None


@reading("RETURNS_COLLECTION", False)
def returns_collection(
    index: Index,
    entry: Entry,
    row: MethodRow,
    api: ApiRecord,
    return_type: str,
    where: str,
) -> bool:
    """A Methods row that says one ``return_type`` whose API page (``where``) answers a
    collection of it: a collection."""
    if not index.answers_a_collection(api, return_type):
        return False
    index.report(
        "RETURNS_COLLECTION",
        f"{entry.full_name} method {row.name!r}: the Methods table says one {return_type}, but {where} answers a collection; read as a collection",
        entry.page.path,
        row.line,
        type=entry.full_name,
        property=row.name,
        expected=return_type,
        found=typed(return_type, True),
    )
    return True


# -- the model -----------------------------------------------------------------------------
@reading("ABSTRACT_WITHOUT_KINDS", frozenset())
def abstract_without_kinds(index: Index, types: list[Type]) -> frozenset[str]:
    """An abstract type no documented type derives from that is not abstract itself could
    never be made, nor any value of it read: it is read as a type that can be. The
    service's metadata agrees on most such pages (``openTypeExtension``,
    ``printTaskDefinition``). The names of the types so read."""
    made = _family_made(types)
    found: set[str] = set()
    for t in types:
        if t.abstract and t.full_name not in made:
            index.report(
                "ABSTRACT_WITHOUT_KINDS",
                f"{t.full_name} is said to be abstract, but no documented type that is not derives from it; read as a type that can be made",
                t.source.path,
                t.source.line,
                type=t.full_name,
            )
            found.add(t.full_name)
    return frozenset(found)


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


@dataclass(frozen=True)
class Unlisted:
    """An API page no Methods table links, and the type it works on."""

    key: tuple[str, str]  # the page's (folder, stem)
    owner: str
    name: str  # the operation's, from the page's title
    response: str | None  # the type its response example names
    request: str | None  # ... and its request example


@reading("UNLISTED_API_PAGE", ())
def unlisted_api_page(index: Index, types: dict[str, Type]) -> tuple[Unlisted, ...]:
    """The API pages no Methods table links to, as methods of the type they work on:
    the type their response (or request) example names, or the type their file is
    named after (``authenticationflowspolicy-get.md``), or the entity a documented get
    at their path (or the path before its last segment) answers. They are documented
    requests all the same, and the service answers them."""
    linked = {
        (row.link.folder or "api", row.link.stem)
        for entry in index.entries.values()
        for row in entry.record.methods
        if row.link
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
                    addressed.setdefault(path_pattern(path), target.full_name)
                    if m.returns_collection:
                        addressed.setdefault(
                            path_pattern(path) + "/{}", target.full_name
                        )
    pages: list[tuple[tuple[str, str], ApiRecord, str | None, str | None]] = []
    for key in sorted(index.api_pages):
        api = index.api_pages[key].api
        if key in linked or api is None or not api.requests:
            continue
        named_types = [
            index.lookup(
                str(e.annotation.get("@odata.type", "")).strip().lstrip("#"),
                "microsoft.graph",
            )
            for e in api.examples
        ]
        response = next(
            (
                t
                for e, t in zip(api.examples, named_types)
                if t and e.kind == "response" and t in types
            ),
            None,
        )
        request = next(
            (
                t
                for e, t in zip(api.examples, named_types)
                if t and e.kind == "request" and t in types
            ),
            None,
        )
        pages.append((key, api, response, request))
        if (
            response is not None
            and api.requests[0].method == "GET"
            and types[response].kind == ENTITY
        ):
            at = path_pattern(api.requests[0].path)
            addressed.setdefault(
                at, response
            )  # an unlisted get tells the unlisted update beside it
            if index.answers_a_collection(api, response):
                addressed.setdefault(at + "/{}", response)
    found: list[Unlisted] = []
    for key, api, response, request in pages:
        page = index.api_pages[key]
        named = next(
            (by_lower[part] for part in key[1].lower().split("-") if part in by_lower),
            None,
        )
        at = path_pattern(api.requests[0].path)
        owner = (
            response
            or request
            or named
            or addressed.get(at)
            or addressed.get(at.rsplit("/", 1)[0])
        )
        if owner is None:
            # about no type, and the operation is not named: nothing to add to the message
            index.report(
                "UNSERVED_API_PAGE",
                "no Methods table links this page, and no type it works on is known; not served",
                page.path,
                api.line,
            )
            continue
        name = api.title.split(":", 1)[-1].strip() or key[1]
        index.report(
            "UNLISTED_API_PAGE",
            f"no Methods table links this page; served as an operation of {owner}",
            page.path,
            api.line,
            type=owner,
            property=name,
        )
        found.append(Unlisted(key, owner, name, response, request))
    return tuple(found)

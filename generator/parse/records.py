"""Page records: what one page says, before any other page is consulted.

Records keep names as written (``synchronizationSchedule``, ``String``) and
links as page keys; the resolve stage turns them into model types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..base.diagnostics import Diagnostic


def truthy(value: Any) -> bool:
    """An annotation's flag is set: ``true`` as JSON or as the docs also write it."""
    return value in (True, "true", "True", "TRUE")


@dataclass(frozen=True)
class PageKey:
    """Which page a link points at: its folder and lower-cased stem."""

    folder: str  # "resources" | "api" | ""
    stem: str
    fragment: str = ""


@dataclass(frozen=True)
class TypeRef:
    name: str  # as written: "String", "synchronizationJob", "microsoft.graph.entity"
    collection: bool
    link: PageKey | None = None
    # "[a](a.md) or [b](b.md)": every type the cell names, the first one included
    alternatives: tuple[TypeRef, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A type a sentence of the page names, where it names it: "Inherited from [entity](...)"."""

    ref: TypeRef
    line: int
    where: str  # what holds the sentence, for messages: "the id row", "a paragraph"


@dataclass(frozen=True)
class Facet:
    """"The `bundle` facet on a [driveItem]": the page's type is a property of another type."""

    name: str  # the property's name
    on: TypeRef  # the type that has it
    line: int


@dataclass(frozen=True)
class PropertyRow:
    name: str
    type: TypeRef | None
    description: str
    line: int
    possible_values: tuple[str, ...] = ()
    # What the description says, stated by ``prose.split`` (resolve reads no description)
    says_read_only: bool = False
    says_not_nullable: bool = False
    says_required: bool = False  # a request-body parameter's "Required."


@dataclass(frozen=True)
class MethodRow:
    name: str
    link: PageKey | None
    return_type: TypeRef | None
    description: str
    line: int


@dataclass(frozen=True)
class MemberRow:
    name: str
    value: int | None
    description: str
    line: int
    flag_said: str | None = None  # the word "flag" in the description, stated by ``prose.split``


@dataclass(frozen=True)
class JsonBlock:
    """An annotated JSON representation block of a resource."""

    annotation: dict[str, Any]
    value: Any  # the parsed JSON (None when it could not be read)
    line: int


@dataclass(frozen=True)
class TypeRecord:
    """One type documented on a resource page."""

    name: str
    namespace: str
    full_name: str | None  # from the annotation's @odata.type, when given
    is_enum: bool
    description: str
    line: int
    base_type: str | None = None  # the annotation's baseType
    says_no_base: bool = False  # the annotation's baseType is null: the page says the type derives from nothing
    inherits: TypeRef | None = None  # the "Inherits from [x](...)" line
    inherits_line: int = 0
    # Other sentences naming an ancestor: "Inherited from [x]" in rows, "subclass of [x]", ...
    base_mentions: tuple[Mention, ...] = ()
    # Types this page says derive from it ("the derived types are [a], [b]")
    derived: tuple[Mention, ...] = ()
    facets: tuple[Facet, ...] = ()  # types this page's type is a facet (a property) of
    nested: tuple[PropertyRow, ...] = ()  # rows named by a path from the type ("file/localizations")
    abstract: bool = False
    open_type: bool = False
    key_property: str | None = None
    properties: tuple[PropertyRow, ...] = ()
    navigation: tuple[PropertyRow, ...] = ()
    members: tuple[MemberRow, ...] = ()
    methods: tuple[MethodRow, ...] = ()
    json: JsonBlock | None = None
    examples: tuple[ExampleRecord, ...] = ()  # annotated examples on the resource page
    namespace_stated: bool = True  # False: the page has no Namespace line, and microsoft.graph was assumed
    flags_said: str | None = None  # what the description says that makes the values combine, stated by ``prose.split``


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str
    line: int


@dataclass(frozen=True)
class HeaderRow:
    """A row of an API page's Request headers table: the header and what the page says of it."""

    name: str
    description: str
    line: int
    says_required: bool = False  # stated by ``prose.split``


@dataclass(frozen=True)
class PermissionRow:
    """A row of an API page's Permissions table: the permissions of one kind that allow the call."""

    kind: str  # "delegated-work" | "delegated-personal" | "application"
    names: tuple[str, ...]  # least privileged first; none where the page says "Not supported"
    line: int


@dataclass(frozen=True)
class ExampleRecord:
    kind: str  # "request" | "response"
    annotation: dict[str, Any]
    http_method: str | None
    url: str | None
    status: int | None
    body: str | None  # the JSON body as canonical, compact text; None when there is none or it isn't JSON
    line: int
    location: str | None = None  # a response's Location header: the URL of what it made or answers about


@dataclass(frozen=True)
class ApiRecord:
    title: str
    description: str
    requests: tuple[HttpRequest, ...]
    parameters: tuple[PropertyRow, ...]
    body_type: TypeRef | None
    success_status: int | None
    examples: tuple[ExampleRecord, ...]
    line: int
    expands: tuple[str, ...] = ()  # names the page says to $expand ("include `$expand=manager`")
    headers: tuple[HeaderRow, ...] = ()
    permissions: tuple[PermissionRow, ...] = ()


@dataclass(frozen=True)
class PageRecord:
    path: str  # relative to the docs root, with forward slashes
    key: PageKey
    types: tuple[TypeRecord, ...] = ()
    api: ApiRecord | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

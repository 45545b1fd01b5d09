"""Prose apart from shape.

A page's descriptions reach the model as they are written, and resolve reads them
for nothing else but what they say about four things: a row says it is read-only,
a row says it is not nullable, a request-body parameter or a request header says it
is required, an enum's description or a member's says the values combine. So ``split`` takes the texts out of a record, puts a stand-in where each
was, and states those sayings as fields of the rows; resolve works on such records,
and ``fill`` puts the texts back into the model it makes. Two pages that differ in
prose alone split into the same shape (``shape_key``), and so resolve into the same
model of stand-ins: after such an edit, the pipeline fills the last model with the
new texts instead of resolving again (``incremental``).

A stand-in is a NUL, the page's path, a NUL and the text's place on the page;
no page text holds a NUL (the reader replaces it), so none is mistaken for one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from ..parse.records import (
    ApiRecord,
    HeaderRow,
    MemberRow,
    MethodRow,
    PageRecord,
    PropertyRow,
    TypeRecord,
)
from .ir import (
    Member,
    Method,
    Model,
    NavigationProperty,
    Operation,
    Parameter,
    Property,
    Type,
)

_NOT_NULLABLE = re.compile(r"\bnot nullable\b|\bnon-nullable\b|\bcannot be null\b|\bnot null\b", re.IGNORECASE)
_READ_ONLY = re.compile(r"\bread[- ]only\b", re.IGNORECASE)
_FLAGS_PROSE = re.compile(r"\bflags?\b|\bmulti-?valued?\b|\bcomma-separated\b|\bcombination of\b|\bbit ?masks?\b|\bbitwise\b", re.IGNORECASE)
_FLAG_WORD = re.compile(r"\bflags?\b", re.IGNORECASE)
# "Required." as a sentence of its own ("Bearer {token}. Required."), not "required if ..."
# nor "the key is required": a condition or a subject makes it something else.
_REQUIRED = re.compile(r"(?:^|[.;!?)]\s*)\W*required\W*?(?:[.;!]|$)", re.IGNORECASE)

Texts = dict[str, str]  # stand-in -> text


# Each pattern runs only on a description that holds its key word: most hold neither.
def says_not_nullable(description: str) -> bool:
    return "null" in description.lower() and _NOT_NULLABLE.search(description) is not None


def says_read_only(description: str) -> bool:
    return "only" in description.lower() and _READ_ONLY.search(description) is not None


def says_required(description: str) -> bool:
    return "required" in description.lower() and _REQUIRED.search(description) is not None


def flags_said(description: str) -> str | None:
    """What an enum's description says that makes its values combine ("flags",
    "multi-valued", "a comma-separated combination of"), if it does."""
    said = _FLAGS_PROSE.search(description)
    return said.group() if said else None


def flag_said(description: str) -> str | None:
    """The word "flag" in a member's description: its "no flags set" makes the values
    combine, where its "multivalued attribute" is about something else."""
    said = _FLAG_WORD.search(description)
    return said.group() if said else None


class _Splitter:
    def __init__(self, path: str) -> None:
        self.path = path
        self.texts: Texts = {}

    def stand_in(self, text: str) -> str:
        if not text:
            return ""  # whether there is a text at all is shape: kept
        found = f"\0{self.path}\0{len(self.texts)}"
        self.texts[found] = text
        return found

    def row(self, row: PropertyRow) -> PropertyRow:
        text = row.description
        return _with(row, description=self.stand_in(text), says_read_only=says_read_only(text), says_not_nullable=says_not_nullable(text))

    def rows(self, rows: tuple[PropertyRow, ...]) -> tuple[PropertyRow, ...]:
        return tuple(self.row(row) for row in rows)

    def member(self, row: MemberRow) -> MemberRow:
        return _with(row, description=self.stand_in(row.description), flag_said=flag_said(row.description))

    def method(self, row: MethodRow) -> MethodRow:
        return _with(row, description=self.stand_in(row.description))

    def type(self, record: TypeRecord) -> TypeRecord:
        return _with(
            record,
            description=self.stand_in(record.description),
            flags_said=flags_said(record.description),
            properties=self.rows(record.properties),
            navigation=self.rows(record.navigation),
            nested=self.rows(record.nested),
            members=tuple(self.member(m) for m in record.members),
            methods=tuple(self.method(m) for m in record.methods),
        )

    def parameter(self, row: PropertyRow) -> PropertyRow:
        return _with(self.row(row), says_required=says_required(row.description))

    def header(self, row: HeaderRow) -> HeaderRow:
        return _with(row, description=self.stand_in(row.description), says_required=says_required(row.description))

    def api(self, api: ApiRecord) -> ApiRecord:
        return _with(
            api,
            description=self.stand_in(api.description),
            parameters=tuple(self.parameter(row) for row in api.parameters),
            headers=tuple(self.header(row) for row in api.headers),
        )


def split(page: PageRecord) -> tuple[PageRecord, Texts]:
    """The page's record with stand-ins for its texts and its sayings stated, and the texts."""
    splitter = _Splitter(page.path)
    shaped = _with(
        page,
        types=tuple(splitter.type(t) for t in page.types),
        api=splitter.api(page.api) if page.api is not None else None,
    )
    return shaped, splitter.texts


def shape_key(shaped: PageRecord) -> str:
    """A digest of a split record: equal for two versions of a page that differ in prose
    alone. Written by ``repr``, which spells every value as it is (``1``, ``1.0``, ``True``
    and ``nan`` apart, where JSON writes ``NaN`` as ``null``) and knows nothing of which
    equal strings are one object; it runs on the changed pages only."""
    return hashlib.sha256(repr(shaped).encode("utf-8", "surrogatepass")).hexdigest()


def joined(texts: Iterable[Texts]) -> Texts:
    """Pages' texts in one mapping (their stand-ins name their pages: none is in two)."""
    found: Texts = {}
    for page in texts:
        found.update(page)
    return found


_Item = TypeVar("_Item")
_Described = TypeVar("_Described", Property, NavigationProperty, Member, Parameter)


def _with(item: _Item, **changes: Any) -> _Item:
    """``dataclasses.replace`` for the frozen records and model items, which check nothing
    when made: a copy of the fields with ``changes``, without calling ``__init__`` again
    (a run splits and fills some hundred thousand of them)."""
    copy = object.__new__(type(item))
    copy.__dict__.update(item.__dict__)
    copy.__dict__.update(changes)
    return copy


def fill(model: Model, texts: Mapping[str, str]) -> Model:
    """``model`` with every stand-in replaced by its text."""

    def text(value: str) -> str:
        return texts[value] if value[:1] == "\0" else value

    def each(items: tuple[_Described, ...]) -> tuple[_Described, ...]:
        """The items, a copy of each that holds a stand-in."""
        return tuple(_with(item, description=text(item.description)) if item.description[:1] == "\0" else item for item in items)

    def method(m: Method) -> Method:
        return _with(m, description=text(m.description), parameters=each(m.parameters))

    def type_(t: Type) -> Type:
        return _with(
            t,
            description=text(t.description),
            properties=each(t.properties),
            navigation_properties=each(t.navigation_properties),
            members=each(t.members),
            methods=tuple(method(m) for m in t.methods),
        )

    def operation(o: Operation) -> Operation:
        return _with(o, description=text(o.description), parameters=each(o.parameters))

    return Model(
        types=tuple(type_(t) for t in model.types),
        diagnostics=model.diagnostics,
        examples=model.examples,
        operations=tuple(operation(o) for o in model.operations),
    )

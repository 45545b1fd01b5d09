"""Diagnostics: one type for every problem the pipeline finds.

Stages collect diagnostics and hand them back; nothing deep inside prints.
Codes are stable: tools and CI filters may match on them (README lists them).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"

# code -> (severity, one-line meaning). The README's table is checked against this.
CODES: dict[str, tuple[str, str]] = {
    "NOT_UTF8": (ERROR, "the page is not valid UTF-8; undecodable bytes were replaced"),
    "UNREADABLE": (ERROR, "the page could not be read from disk"),
    "EMPTY_PAGE": (ERROR, "the page has no content"),
    "NO_TITLE": (WARNING, "the page has no H1 title"),
    "BAD_FRONT_MATTER": (WARNING, "the YAML front matter is not a mapping of valid YAML"),
    "NO_TABLES": (WARNING, "a resource page has no Properties, Relationships or Members table"),
    "BAD_TYPE_NAME": (ERROR, "a type name is not a valid (qualified) identifier"),
    "ANNOTATION_INVALID": (ERROR, "an annotation comment could not be read as JSON"),
    "ANNOTATION_REPAIRED": (INFO, "an annotation comment was not strict JSON but was read as meant"),
    "JSON_INVALID": (WARNING, "a JSON block could not be read as JSON"),
    "JSON_REPAIRED": (INFO, "a JSON block was not strict JSON but was read as meant"),
    "BAD_TABLE_ROW": (WARNING, "a table row lacks a name or type cell"),
    "ROW_JOINED": (INFO, "a table row is the rest of the row above, wrapped onto a line of its own; the two are one row"),
    "BAD_TYPE": (WARNING, "a type cell could not be read as a type"),
    "UNKNOWN_TYPE": (WARNING, "a type is neither an Edm primitive nor a documented type"),
    "UNKNOWN_BASE_TYPE": (ERROR, "the base type of a type is not documented"),
    "INHERITANCE_CYCLE": (ERROR, "base types form a cycle"),
    "BAD_BASE_TYPE": (ERROR, "a base type is an enum, or an enum names a base type; the base is dropped"),
    "DUPLICATE_TYPE": (ERROR, "two pages document one type differently (an enum's members, a property's type); the first page's word is kept"),
    "TYPE_MERGED": (WARNING, "a second page documents a type with rows its first page lacks; they are added"),
    "REPEATED_TYPE": (INFO, "a type is documented again, with the same members or properties"),
    "DUPLICATE_PROPERTY": (WARNING, "a property or member is listed twice"),
    "BASE_TYPE_MISMATCH": (WARNING, "the annotation and the 'Inherits from' line name different base types; the more derived wins"),
    "TYPE_NAME_MISMATCH": (WARNING, "the annotation's @odata.type and the page title name different types"),
    "TABLE_ONLY_PROPERTY": (INFO, "a property is in the table but not in the JSON representation"),
    "JSON_ONLY_PROPERTY": (WARNING, "a property is in the JSON representation but not in the table"),
    "TABLE_JSON_TYPE_MISMATCH": (WARNING, "the table and the JSON representation give a property different types"),
    "ABSTRACT_FROM_TEXT": (INFO, "the page says in words that the type is abstract ('an abstract base type for ...'); read as abstract"),
    "ABSTRACT_WITHOUT_KINDS": (WARNING, "a type said to be abstract has no documented type that can be made derived from it; read as one that can be"),
    "BASE_FROM_WORDS": (INFO, "a base named in words after 'inherits from' ('base policy type') was read as the type so named (policyBase)"),
    "ROW_BY_PATH": (INFO, "a Relationships row named by a path ('file/localizations/{id}/versions') was added to the type the path reaches"),
    "PROPERTY_FROM_FACET": (INFO, "a page says its type is a facet on another type ('the `bundle` facet on a [driveItem]'); added as that type's property"),
    "MEMBER_FROM_VALUES": (INFO, "a property typed with an enum lists a possible value the enum lacks; added as a member"),
    "BOOLEAN_FROM_JSON": (INFO, "a property the table types String shows a bare true or false in the JSON representation; read as Boolean"),
    "OPEN_TYPE_INHERITED": (INFO, "a type derived from an open type is open too, as OData has it"),
    "OPEN_TYPE_FROM_TEXT": (INFO, "the page says in words that the type is open ('This is an open type'); read as open"),
    "BASE_FROM_TEXT": (INFO, "a base type read from a sentence outside the page's opening ('Inherited from [x]' in a row, ...)"),
    "BASE_FROM_DERIVED_LIST": (INFO, "a base type read from the base's page, which lists the type as derived from it"),
    "BASE_FROM_LOCATION": (INFO, "a type whose page names no base is answered (by a 200 or 201 with a Location header, or in a notification's resourceUrl) from a relationship of another type; read as deriving from it"),
    "ENTITY_BASE_ASSUMED": (INFO, "a type keyed by id whose page names no base type was read as deriving from entity"),
    "PROPERTY_IS_RELATIONSHIP": (INFO, "a Properties row of an entity type that the API pages $expand was read as a navigation property"),
    "RELATIONSHIP_IS_PROPERTY": (INFO, "a Relationships row of a primitive or enum type was read as a property: relationships lead to entities"),
    "KEY_ASSUMED": (INFO, "a type with an id and relationships or methods but no key was read as an entity"),
    "ENTITY_FROM_PATHS": (INFO, "a type without a key that its API pages address by key (GET /things/{id}) was read as an entity keyed by id"),
    "NAVIGATION_FROM_PATH": (INFO, "a navigation property no page lists, read from an API path (GET /users/{id}/joinedTeams)"),
    "ENTITY_FROM_RELATIONSHIP": (INFO, "a type without a key that a relationship (navigation property) leads to was read as an entity keyed by id"),
    "ENTITY_FROM_DERIVED": (INFO, "a type without a key from which a keyed type derives was read as an entity with that key"),
    "KEY_NOT_LISTED": (INFO, "a type's key property is in no table and was added"),
    "INLINE_ENUM": (INFO, "a property whose type cell names an undocumented type lists its values ('Possible values are'); read as that enum"),
    "ENUM_FROM_VALUES": (INFO, "a String property's 'Possible values' are a documented enum's (by name or by members); read as that enum"),
    "COMMON_BASE_TYPE": (INFO, "a type cell names several types ('a or b'); read as their closest common base"),
    "NAMESPACE_FROM_USE": (INFO, "an enum on a page with no Namespace line was read into the namespace of the types that use it"),
    "FLAGS_INFERRED": (INFO, "an enum's page says its values combine ('flags', 'multi-valued', ...); read as flags"),
    "BROKEN_LINK": (WARNING, "a link points to a page that does not exist"),
    "RETURN_TYPE_FROM_EXAMPLE": (INFO, "a Methods row names no return type; its API page's typed response example gives it"),
    "RETURNS_COLLECTION": (WARNING, "a Methods table says a method returns one item, but its API page answers a collection; read as a collection"),
    "UNLISTED_API_PAGE": (INFO, "an API page no Methods table links to; served as an operation of the type it works on"),
    "UNSERVED_API_PAGE": (WARNING, "an API page no Methods table links to, of no type the docs describe; not served"),
    "MISSING_API_PAGE": (WARNING, "a method's API page is missing; HTTP method and path were assumed"),
    "NO_HTTP_REQUEST": (WARNING, "an API page has no HTTP request block; HTTP method and path were assumed"),
    "BAD_HTTP_REQUEST": (WARNING, "an HTTP request line could not be read"),
    "PLACEHOLDER_TEXT": (INFO, "a description is a placeholder ('Not yet documented', 'TODO', '...'); it is left out"),
    "NAME_COLLISION": (INFO, "two names would be the same in generated code; one got a distinct name"),
    "METADATA_KIND": (WARNING, "the service's metadata says the type is another kind (entity, complex, enum)"),
    "METADATA_BASE_TYPE": (WARNING, "the service's metadata gives the type another base type"),
    "METADATA_KEY": (WARNING, "the service's metadata keys the type by another property"),
    "METADATA_ABSTRACT": (WARNING, "the service's metadata disagrees on whether the type is abstract"),
    "METADATA_OPEN_TYPE": (WARNING, "the service's metadata disagrees on whether the type is open"),
    "METADATA_FLAGS": (WARNING, "the service's metadata disagrees on whether an enum's values combine (flags)"),
    "METADATA_MISSING_PROPERTY": (WARNING, "the service has a property the page lacks"),
    "METADATA_EXTRA_PROPERTY": (WARNING, "the page has a property the service lacks, on the type and its bases"),
    "METADATA_PROPERTY_TYPE": (WARNING, "the service gives a property another type, or collection where the page has one value"),
    "METADATA_MISSING_NAVIGATION": (WARNING, "the service has a navigation property the page lacks"),
    "METADATA_NAME_CASE": (WARNING, "the page spells a property or member in another case than the service"),
    "METADATA_PROPERTY_KIND": (WARNING, "the page lists a property in the other table (properties or relationships) than the service has it"),
    "METADATA_MISSING_MEMBER": (WARNING, "the service has an enum member the page lacks"),
    "METADATA_EXTRA_MEMBER": (WARNING, "the page has an enum member the service lacks"),
    "METADATA_FUTURE_MEMBER": (INFO, "the page and the service disagree only on the unknownFutureValue sentinel member"),
    "METADATA_UNDOCUMENTED_TYPE": (INFO, "the service has a type that no page documents"),
    "REPLAY_FAILED": (ERROR, "a documented request got an answer the docs don't show (status class or body type)"),
    "REPLAY_PAGE_ERROR": (WARNING, "a documented request example lint finds wrong (its body or its URL), so its answer proves nothing"),
    "EXAMPLE_INVALID": (ERROR, "a documented example does not match the schema of its type"),
    "EXAMPLE_URL": (ERROR, "a request example's URL is not a URL path, or is none of the requests its page documents"),
    "EXAMPLE_ABSTRACT": (WARNING, "an example of an abstract type names none of its concrete types in @odata.type; the mock leaves it out"),
    "UNKNOWN_ANNOTATION_TYPE": (WARNING, "an example's annotation names a type that is not documented"),
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    code: str
    message: str
    severity: str
    # What the diagnostic is about, for tools that filter or act on it without reading the
    # message ("" when it doesn't apply): the type's full name, a property or member of it,
    # and where a value is compared, what another source expects and what the page has.
    type: str = ""
    property: str = ""
    expected: str = ""
    found: str = ""

    def __str__(self) -> str:
        return self.display()

    def display(self, root: str = "") -> str:
        """``path:line: severity: CODE message``, the path as ``shown_path`` writes it."""
        return f"{shown_path(self.path, root)}:{self.line}: {self.severity}: {self.code} {self.message}"

    def to_json(self, root: str = "") -> dict[str, object]:
        found: dict[str, object] = {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "path": shown_path(self.path, root),
            "line": self.line,
        }
        for name in _FIELDS:
            if getattr(self, name):
                found[name] = getattr(self, name)
        return found

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Diagnostic:
        return cls(
            path=str(data["path"]),
            line=int(str(data["line"])),
            code=str(data["code"]),
            message=str(data["message"]),
            severity=str(data["severity"]),
            **{name: str(data[name]) for name in _FIELDS if name in data},
        )


def shown_path(path: str, root: str = "") -> str:
    """A diagnostic's path as a reader finds the file: a page's path (relative to the
    docs root) under ``root``, the docs root as written from the working folder; a path
    outside the docs (a metadata file, kept absolute) from the working folder too."""
    if not os.path.isabs(path):
        return root + path
    relative = os.path.relpath(path)
    return path if relative.split(os.sep)[0] == os.pardir else relative.replace(os.sep, "/")


SEVERITIES = (ERROR, WARNING, INFO)  # most severe first


def at_least(severity: str) -> frozenset[str]:
    """The severities as severe as ``severity`` or more."""
    return frozenset(SEVERITIES[: SEVERITIES.index(severity) + 1])


def counted(count: int, severity: str) -> str:
    """``1 error``, ``2 warnings``, ``0 infos``."""
    return f"{count} {severity}{'' if count == 1 else 's'}"


def _listed(counts: Counter[str], severities: Sequence[str]) -> str:
    parts = [counted(counts[s], s) for s in severities]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


@dataclass(frozen=True)
class Shown:
    """The diagnostics a command prints after ``--select`` and ``--severity``, and how
    many it left out for each reason: its summary counts exactly what it printed."""

    diagnostics: list[Diagnostic]
    least: str  # the least severe severity shown
    below: Counter[str]  # left out as less severe than ``least``, by severity
    unselected: int  # left out by --select

    @classmethod
    def of(cls, found: Iterable[Diagnostic], severity: str = INFO, codes: Collection[str] = ()) -> Shown:
        severities = at_least(severity)
        shown: list[Diagnostic] = []
        below: Counter[str] = Counter()
        unselected = 0
        for d in found:
            if codes and d.code not in codes:
                unselected += 1
            elif d.severity not in severities:
                below[d.severity] += 1
            else:
                shown.append(d)
        return cls(shown, severity, below, unselected)

    @property
    def errors(self) -> int:
        return sum(d.severity == ERROR for d in self.diagnostics)

    def summary(self, reveal: str = "--severity info shows them") -> str:
        """``diagnostics: 3 errors, 5 warnings; 12 infos hidden (--severity info shows them)``."""
        counts = Counter(d.severity for d in self.diagnostics)
        text = "diagnostics: " + _listed(counts, SEVERITIES[: SEVERITIES.index(self.least) + 1])
        hidden = [s for s in SEVERITIES if self.below[s]]
        if hidden:
            text += f"; {_listed(self.below, hidden)} hidden ({reveal})"
        if self.unselected:
            text += f"; {self.unselected} more not selected (--select)"
        return text


# Which side is which. Where two sources are compared, ``expected`` is the one that is
# the measure (the service's metadata, the Properties table, the schema) and ``found`` the
# one held to it (the page, the JSON representation, the example): TABLE_JSON_TYPE_MISMATCH,
# METADATA_*, EXAMPLE_INVALID. Where graphdoc reads or assumes a value (read as, assumed,
# ..._FROM_...), ``found`` is what it reads (what the model has) and ``expected`` what the
# page itself wrote there, if it wrote anything: BOOLEAN_FROM_JSON has expected Edm.String,
# found Edm.Boolean; UNKNOWN_TYPE the cell's name and Edm.Untyped; ENTITY_BASE_ASSUMED only
# found. A collection is written "x collection", as the tables' readers write it
# (conformance writes the service's way, Collection(x)). A generated name that had to
# differ (NAME_COLLISION) has the name wanted as expected and the name given as found.
_FIELDS = ("type", "property", "expected", "found")


def make(code: str, message: str, path: str, line: int, **about: str) -> Diagnostic:
    """Build a diagnostic; the severity belongs to the code, decided once above. ``about``:
    any of ``type``, ``property``, ``expected`` and ``found``."""
    severity = CODES[code][0]
    return Diagnostic(path=path, line=line, code=code, message=message, severity=severity, **about)


class Collector:
    """A list of diagnostics bound to one page path."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int) -> None:
        self.items.append(make(code, message, self.path, line))

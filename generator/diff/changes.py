"""What a change to the contract is: its kind, its severity, and where it is said.

Every kind has one severity, decided here by Microsoft Graph's published policy
("Versioning, support, and breaking change policies"), with the reason beside it;
the README's table is checked against this one. A kind's severity never depends on
the case: where the direction of a change decides what it does to clients, the two
directions are two kinds (``property-became-read-only``, ``property-became-writable``).
"""

from __future__ import annotations

import builtins
import os
from dataclasses import dataclass
from typing import Literal

Severity = Literal["breaking", "warning", "info"]
BREAKING: Severity = "breaking"
WARNING: Severity = "warning"
INFO: Severity = "info"
SEVERITIES: tuple[Severity, ...] = (BREAKING, WARNING, INFO)  # most severe first

Side = Literal["old", "new"]

# kind -> (severity, what changed, why it has that severity)
KINDS: dict[str, tuple[Severity, str, str]] = {
    "type-added": (INFO, "a type is documented that was not", "additions are backward compatible"),
    "type-removed": (BREAKING, "a type is no longer documented", "removal of an API or resource"),
    "type-renamed": (
        BREAKING,
        "a type is documented under another name (another namespace, another spelling, or a moved page with the same type)",
        "rename of an API or resource",
    ),
    "type-kind-changed": (BREAKING, "a type became another kind (entity, complex type, enum)", "the fundamental request/response of a resource changes: an entity is addressed by key, a complex type is not"),
    "base-changed": (BREAKING, "a type's base type is another type, or none, where the new base does not derive from the old one", "the properties it inherits and the type it can be read as change"),
    "base-extended": (INFO, "a type got a base where it had none, or a base derived from its old base", "every property it had, it still has; it can still be read as the old base"),
    "key-changed": (BREAKING, "an entity is keyed by another property, or by none", "the URL of a resource changes"),
    "abstract-added": (BREAKING, "a type became abstract", "a client can no longer create or send the type itself"),
    "abstract-removed": (INFO, "a type is no longer abstract", "what clients sent before stays valid"),
    "open-type-added": (INFO, "a type became open", "it accepts more than before; changes to open extensions are backward compatible"),
    "open-type-removed": (WARNING, "a type is no longer open", "properties a client added beyond the declared ones are refused; the policy names no case"),
    "flags-changed": (BREAKING, "an enum's values became combinable (flags), or stopped being", "the format of the value changes ('a,b'), in requests and responses"),
    "member-added": (INFO, "an enum has a member it lacked", "addition of an enum member is backward compatible"),
    "member-removed": (BREAKING, "an enum member is gone", "removal of a declared value"),
    "member-renamed": (BREAKING, "an enum member is spelt in another letter case", "rename of a declared value: enums are compared as written"),
    "property-added": (INFO, "a nullable property is documented that was not", "addition of nullable properties is backward compatible"),
    "non-nullable-property-added": (WARNING, "a property that is not nullable is documented that was not", "the policy guarantees only nullable additions or ones with a default, and the docs state no default"),
    "property-removed": (BREAKING, "a property is gone from the type and its bases", "removal of a declared property"),
    "property-renamed": (BREAKING, "a property is spelt in another letter case", "rename of a declared property"),
    "property-moved": (INFO, "a property is declared on another type of the type's own hierarchy (a base, or the type itself where a base had it)", "clients see the same property on the type"),
    "property-type-changed": (BREAKING, "a property has another type", "change of type of a declared property"),
    "property-type-narrowed": (WARNING, "a property's type is now a type derived from its old type", "every value read is still an old-type value; a client that writes it must send the derived type"),
    "property-string-enum-changed": (WARNING, "a property changed between Edm.String and an enum", "the wire value is a string either way; an enum limits the values, and typed clients see another type"),
    "property-format-changed": (INFO, "a property changed between Edm.String and Edm.Guid", "changes to the format of opaque strings (such as ids) are backward compatible"),
    "property-type-documented": (INFO, "a property's type was one the docs did not describe (Edm.Untyped) and is now documented", "the page names what it named before; the docs now describe it"),
    "property-type-undocumented": (WARNING, "a property's type is one the docs do not describe (Edm.Untyped)", "the contract of the property is unknown"),
    "property-collection-changed": (BREAKING, "a property became a collection, or stopped being one", "change of type of a declared property"),
    "property-became-nullable": (WARNING, "a property that was not nullable is nullable", "clients that relied on a value must handle null; the policy names no case"),
    "property-became-not-nullable": (WARNING, "a nullable property is no longer nullable", "a client that creates the resource may have to send it; the policy names no case"),
    "property-became-read-only": (WARNING, "a property is read-only that was not", "a client that writes it is ignored or refused; the policy names no case"),
    "property-became-writable": (INFO, "a read-only property is no longer read-only", "what clients sent before stays valid"),
    "navigation-added": (INFO, "a navigation property (relationship) is documented that was not", "additions are backward compatible"),
    "navigation-removed": (BREAKING, "a navigation property is gone from the type and its bases", "removal of a declared property, and of the URLs under it"),
    "navigation-renamed": (BREAKING, "a navigation property is spelt in another letter case", "rename of a declared property"),
    "navigation-moved": (INFO, "a navigation property is declared on another type of the type's own hierarchy", "clients see the same relationship on the type"),
    "navigation-type-changed": (BREAKING, "a navigation property leads to another type", "change of type of a declared property"),
    "navigation-type-narrowed": (WARNING, "a navigation property leads to a type derived from its old type", "every item read is still an old-type item; a client that adds one must send the derived type"),
    "navigation-collection-changed": (BREAKING, "a navigation property became a collection, or stopped being one", "change of type of a declared property; its URLs change"),
    "operation-added": (INFO, "an operation (HTTP method and path) is documented that was not", "additions are backward compatible"),
    "operation-removed": (BREAKING, "an operation is no longer documented at any of its paths", "removal of an API"),
    "path-added": (INFO, "an operation is documented at another path too", "additions are backward compatible"),
    "path-removed": (BREAKING, "a path of an operation is no longer documented for its HTTP method", "change to the URL of a resource"),
    "parameter-added": (INFO, "an optional parameter is documented that was not", "additions are backward compatible"),
    "required-parameter-added": (BREAKING, "a required parameter is documented that was not (a function's parameters are all required)", "a request without it fails"),
    "parameter-removed": (BREAKING, "a parameter is gone", "removal of an API parameter"),
    "parameter-type-changed": (BREAKING, "a parameter has another type, or became a collection or stopped being one", "the fundamental request of an API changes"),
    "parameter-became-required": (BREAKING, "an optional parameter is required", "a request without it fails"),
    "request-body-changed": (BREAKING, "an operation's request body is another type", "the fundamental request of an API changes"),
    "response-changed": (BREAKING, "an operation answers another type, or a collection where it answered one item (or the other way round)", "the fundamental response of an API changes"),
    "response-narrowed": (INFO, "an operation answers a type derived from its old answer", "every answer is still an old-type value"),
    "status-changed": (WARNING, "an operation's success status code is another", "a client that tests for the exact code breaks, one that tests for success does not; the policy names no case"),
    "required-header-added": (BREAKING, "an operation requires a request header it did not (newly listed as required, or now said to be required)", "addition of a required request header"),
    "header-added": (INFO, "an operation lists an optional request header it did not", "additions are backward compatible"),
    "header-removed": (INFO, "an operation no longer lists a request header, or no longer requires it", "clients that send it are not refused for it"),
    "permission-added": (INFO, "a permission allows an operation that did not (or a kind of caller is supported that was not)", "clients keep the access they had"),
    "permission-removed": (WARNING, "a permission no longer allows an operation: a client granted only that one needs a higher privilege (or a kind of caller is no longer supported)", "a higher privilege is now required: clients keep working once granted it; the policy names no case"),
}


def severity_of(kind: str) -> Severity:
    return KINDS[kind][0]


def at_least(severity: str) -> frozenset[str]:
    """The severities as severe as ``severity`` or more (``any``: all of them)."""
    found = [s for s in SEVERITIES if s == severity]
    if not found:
        return frozenset(SEVERITIES)
    return frozenset(SEVERITIES[: SEVERITIES.index(found[0]) + 1])


@dataclass(frozen=True)
class Change:
    """One change to the contract. ``path`` and ``line`` are in the new docs, or in the old
    ones for what is gone (``side``); ``old`` and ``new`` are the values before and after,
    where the change has them."""

    change: str
    type: str  # the type's full name (the new one where a type was renamed)
    message: str
    path: str
    line: int
    side: Side = "new"
    property: str | None = None
    member: str | None = None
    operation: str | None = None  # "GET /users/{id}": the HTTP method and the path it is known by
    parameter: str | None = None  # an operation's parameter
    old: str | None = None
    new: str | None = None

    @builtins.property  # the field ``property`` hides the builtin here
    def severity(self) -> Severity:
        return severity_of(self.change)

    @builtins.property
    def namespace(self) -> str:
        return self.type.rpartition(".")[0]

    def shown_path(self, roots: dict[Side, str]) -> str:
        """The page as a reader finds it: under the docs root of its side, as written from the working folder."""
        return self.path if os.path.isabs(self.path) else roots[self.side] + self.path

    def display(self, roots: dict[Side, str]) -> str:
        return f"{self.shown_path(roots)}:{self.line}: {self.severity}: {self.change} {self.message}"

    def to_json(self, roots: dict[Side, str]) -> dict[str, object]:
        found: dict[str, object] = {"change": self.change, "severity": self.severity, "type": self.type}
        for name in ("property", "member", "operation", "parameter"):
            if getattr(self, name) is not None:
                found[name] = getattr(self, name)
        found.update(old=self.old, new=self.new, path=self.shown_path(roots), line=self.line, message=self.message)
        return found

    def sort_key(self) -> tuple[str, str, str, str, str, str, str]:
        about = self.property or self.member or self.parameter or ""
        return (self.namespace, self.type, self.operation or "", about, self.change, self.old or "", self.new or "")

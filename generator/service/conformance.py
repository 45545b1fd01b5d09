"""The model against the service's own metadata: every disagreement, and how much agrees.

``compare`` holds each type the docs and the service both describe against the
service's answer: kind, base type, key, abstract, open, flags, properties (a
property inherited counts as present), their types, navigation properties and
enum members. Each disagreement becomes a diagnostic on the page and line of the
type or property, saying what the service says; each service type the docs
don't document at all, an info line on the metadata file. ``Figures`` are the
shares that agree, the measure of how faithfully the model reads the pages.

The service's metadata only ever measures: it changes nothing in the model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..base.diagnostics import Diagnostic, make
from ..model.ir import ENUM, Model, NavigationProperty, Property, Type
from .metadata import Field, Service, ServiceType

FUTURE = "unknownFutureValue"  # the sentinel Graph adds to evolvable enums; its absence is no error


@dataclass
class Share:
    """How many of ``total`` agree."""

    agree: int = 0
    total: int = 0

    def add(self, agrees: bool) -> None:
        self.total += 1
        self.agree += agrees

    @property
    def percent(self) -> float:
        return 100.0 * self.agree / self.total if self.total else 100.0


@dataclass
class Figures:
    """The shares that agree. Names are compared as Graph compares them, without case, and a
    property the page keeps in the other table (properties or relationships) counts as
    present; both disagreements are still reported, as METADATA_NAME_CASE and
    METADATA_PROPERTY_KIND."""

    types_in_both: int = 0
    undocumented: int = 0  # service types the docs don't describe
    kind: Share = field(default_factory=Share)
    base_type: Share = field(default_factory=Share)
    property_recall: Share = field(default_factory=Share)
    property_precision: Share = field(default_factory=Share)
    property_type: Share = field(default_factory=Share)
    navigation_recall: Share = field(default_factory=Share)
    member_recall: Share = field(default_factory=Share)

    def rows(self) -> list[tuple[str, Share]]:
        return [
            ("kind (entity / complex / enum)", self.kind),
            ("base type", self.base_type),
            ("property recall (service properties the model has, declared or inherited)", self.property_recall),
            ("property precision (model properties the service has on the type or a base)", self.property_precision),
            ("property type + collection", self.property_type),
            ("navigation property recall", self.navigation_recall),
            (f"enum member recall ({FUTURE} left out)", self.member_recall),
        ]

    def text(self) -> str:
        lines = [f"metadata: {self.types_in_both} types in both; {self.undocumented} service types the docs don't describe"]
        width = max(len(label) for label, _ in self.rows())
        for label, share in self.rows():
            lines.append(f"  {label:<{width}}  {share.percent:5.1f}%  ({share.agree}/{share.total})")
        return "\n".join(lines)


@dataclass
class Conformance:
    diagnostics: list[Diagnostic]
    figures: Figures


def _shown(type_name: str, collection: bool) -> str:
    return f"Collection({type_name})" if collection else type_name


class _Comparer:
    def __init__(self, model: Model, service: Service) -> None:
        self.model = model
        self.service = service
        self.figures = Figures()
        self.diagnostics: list[Diagnostic] = []

    def report(self, code: str, message: str, t: Type, line: int = 0, **about: str) -> None:
        """A disagreement about ``t`` (``about``: its property, the service's answer, the page's)."""
        self.diagnostics.append(make(code, message, t.source.path, line or t.source.line, type=t.full_name, **about))

    def run(self) -> Conformance:
        documented = {t.full_name for t in self.model.types}
        for t in self.model.types:
            theirs = self.service.types.get(t.full_name)
            if theirs is not None:
                self.figures.types_in_both += 1
                self.type(t, theirs)
        where = os.path.abspath(self.service.path)
        for name in sorted(set(self.service.types) - documented):
            theirs = self.service.types[name]
            self.figures.undocumented += 1
            self.diagnostics.append(
                make("METADATA_UNDOCUMENTED_TYPE", f"the service has {theirs.kind} type {name}, which no page documents", where, theirs.line, type=name)
            )
        return Conformance(sorted(self.diagnostics), self.figures)

    def type(self, t: Type, theirs: ServiceType) -> None:
        name = t.full_name
        self.figures.kind.add(t.kind == theirs.kind)
        if t.kind != theirs.kind:
            self.report("METADATA_KIND", f"{name}: the page makes it {t.kind}; the service says {theirs.kind}", t, expected=theirs.kind, found=t.kind)
        self.figures.base_type.add(t.base_type == theirs.base_type)
        if t.base_type != theirs.base_type:
            said = theirs.base_type or "no base type"
            self.report(
                "METADATA_BASE_TYPE",
                f"{name}: base type {t.base_type or 'none'} on the page; the service says {said}",
                t,
                expected=theirs.base_type or "",
                found=t.base_type or "",
            )
        for flag, mine, service in (("abstract", t.abstract, theirs.abstract), ("an open type", t.open_type, theirs.open_type)):
            if mine != service:
                code = "METADATA_ABSTRACT" if flag == "abstract" else "METADATA_OPEN_TYPE"
                self.report(code, f"{name}: the service says it is {'' if service else 'not '}{flag}", t, expected=str(service).lower(), found=str(mine).lower())
        if t.kind == ENUM or theirs.kind == "enum":
            self.members(t, theirs)
            return
        self.key(t, theirs)
        self.properties(t, theirs)

    def key(self, t: Type, theirs: ServiceType) -> None:
        key = self.service.key_of(t.full_name)
        mine = t.key_property
        if key and mine is not None and (mine,) != key:
            self.report(
                "METADATA_KEY",
                f"{t.full_name}: key {mine!r} on the page; the service keys it by {', '.join(key)}",
                t,
                property=mine,
                expected=", ".join(key),
                found=mine,
            )

    def _model_names(self, t: Type) -> dict[str, tuple[Type, Property | NavigationProperty]]:
        """The model's properties and navigation properties of ``t``, its own and inherited,
        by name in lower case: Graph's names don't tell two properties apart by case alone."""
        found: dict[str, tuple[Type, Property | NavigationProperty]] = {}
        for owner in [t, *self.model.ancestors(t.full_name)]:
            listed: list[Property | NavigationProperty] = [*owner.properties, *owner.navigation_properties]
            for p in listed:
                found.setdefault(p.name.lower(), (owner, p))
        return found

    def _service_names(self, t: Type) -> dict[str, tuple[Field, bool]]:
        """The service's properties and navigation properties of the type and its bases, by
        name in lower case, each with whether it is a navigation property."""
        found: dict[str, tuple[Field, bool]] = {}
        for service_type in self.service.lineage(t.full_name):
            for value in service_type.properties.values():
                found.setdefault(value.name.lower(), (value, False))
            for value in service_type.navigation.values():
                found.setdefault(value.name.lower(), (value, True))
        return found

    def properties(self, t: Type, theirs: ServiceType) -> None:
        mine = self._model_names(t)
        for declared, is_navigation in [*((p, False) for p in theirs.properties.values()), *((n, True) for n in theirs.navigation.values())]:
            found = mine.get(declared.name.lower())
            share = self.figures.navigation_recall if is_navigation else self.figures.property_recall
            share.add(found is not None)
            what = "navigation property" if is_navigation else "property"
            if found is None:
                code = "METADATA_MISSING_NAVIGATION" if is_navigation else "METADATA_MISSING_PROPERTY"
                self.report(
                    code,
                    f"{t.full_name}: the service has {what} {declared.name} ({_shown(declared.type, declared.collection)}); the page lacks it",
                    t,
                    property=declared.name,
                    expected=_shown(declared.type, declared.collection),
                )
                continue
            owner, prop = found
            self.spelling_and_table(owner, prop, declared, is_navigation)
            if not is_navigation and isinstance(prop, Property):
                agrees = prop.type == declared.type and prop.collection == declared.collection
                self.figures.property_type.add(agrees)
                if not agrees:
                    self.report(
                        "METADATA_PROPERTY_TYPE",
                        f"{owner.full_name}.{prop.name}: {_shown(prop.type, prop.collection)} on the page; "
                        f"the service says {_shown(declared.type, declared.collection)}",
                        owner,
                        prop.line,
                        property=prop.name,
                        expected=_shown(declared.type, declared.collection),
                        found=_shown(prop.type, prop.collection),
                    )
        theirs_all = self._service_names(t)
        mine_declared: list[Property | NavigationProperty] = [*t.properties, *t.navigation_properties]
        for p in mine_declared:
            present = p.name.lower() in theirs_all
            if isinstance(p, Property):
                self.figures.property_precision.add(present)
            if not present:
                what = "property" if isinstance(p, Property) else "navigation property"
                self.report("METADATA_EXTRA_PROPERTY", f"{t.full_name}.{p.name}: the service has no such {what}", t, p.line, property=p.name)

    def spelling_and_table(self, owner: Type, prop: Property | NavigationProperty, declared: Field, is_navigation: bool) -> None:
        """A property both have, spelt in another case, or in the other table."""
        if prop.name != declared.name:
            self.report(
                "METADATA_NAME_CASE",
                f"{owner.full_name}.{prop.name}: the service spells it {declared.name}",
                owner,
                prop.line,
                property=prop.name,
                expected=declared.name,
                found=prop.name,
            )
        if is_navigation != isinstance(prop, NavigationProperty):
            said = "a navigation property (a relationship)" if is_navigation else "a structural property"
            service_kind, page_kind = ("navigation property", "property") if is_navigation else ("property", "navigation property")
            self.report(
                "METADATA_PROPERTY_KIND",
                f"{owner.full_name}.{prop.name}: the service has it as {said}",
                owner,
                prop.line,
                property=prop.name,
                expected=service_kind,
                found=page_kind,
            )

    def members(self, t: Type, theirs: ServiceType) -> None:
        if t.kind != ENUM or theirs.kind != "enum":
            return
        if t.flags != theirs.flags:
            said = "combine" if theirs.flags else "do not combine"
            self.report("METADATA_FLAGS", f"{t.full_name}: the service says its values {said} (IsFlags)", t, expected=str(theirs.flags).lower(), found=str(t.flags).lower())
        mine = {m.name.lower(): m for m in t.members}
        for name in theirs.members:
            found = mine.get(name.lower())
            if name == FUTURE:
                if found is None:
                    self.report("METADATA_FUTURE_MEMBER", f"{t.full_name}: the service has member {FUTURE}; the page lacks it", t, property=FUTURE)
                continue
            self.figures.member_recall.add(found is not None)
            if found is None:
                self.report("METADATA_MISSING_MEMBER", f"{t.full_name}: the service has member {name}; the page lacks it", t, property=name)
            elif found.name != name:
                self.report("METADATA_NAME_CASE", f"{t.full_name}.{found.name}: the service spells it {name}", t, found.line, property=found.name, expected=name, found=found.name)
        theirs_lower = {name.lower() for name in theirs.members}
        for m in t.members:
            if m.name.lower() not in theirs_lower:
                code = "METADATA_FUTURE_MEMBER" if m.name == FUTURE else "METADATA_EXTRA_MEMBER"
                self.report(code, f"{t.full_name}.{m.name}: the service has no such member", t, m.line, property=m.name)


def compare(model: Model, service: Service) -> Conformance:
    """Every disagreement between ``model`` and ``service``, and the figures."""
    return _Comparer(model, service).run()

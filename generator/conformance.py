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

from .csdl import Field, Service, ServiceType
from .diagnostics import Diagnostic, make
from .model import ENUM, Model, Type

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

    def report(self, code: str, message: str, t: Type, line: int = 0) -> None:
        self.diagnostics.append(make(code, message, t.source.path, line or t.source.line))

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
                make("METADATA_UNDOCUMENTED_TYPE", f"the service has {theirs.kind} type {name}, which no page documents", where, theirs.line)
            )
        return Conformance(sorted(self.diagnostics), self.figures)

    def type(self, t: Type, theirs: ServiceType) -> None:
        name = t.full_name
        self.figures.kind.add(t.kind == theirs.kind)
        if t.kind != theirs.kind:
            self.report("METADATA_KIND", f"{name}: the page makes it {t.kind}; the service says {theirs.kind}", t)
        self.figures.base_type.add(t.base_type == theirs.base_type)
        if t.base_type != theirs.base_type:
            said = theirs.base_type or "no base type"
            self.report("METADATA_BASE_TYPE", f"{name}: base type {t.base_type or 'none'} on the page; the service says {said}", t)
        for flag, mine, service in (("abstract", t.abstract, theirs.abstract), ("an open type", t.open_type, theirs.open_type)):
            if mine != service:
                code = "METADATA_ABSTRACT" if flag == "abstract" else "METADATA_OPEN_TYPE"
                self.report(code, f"{name}: the service says it is {'' if service else 'not '}{flag}", t)
        if t.kind == ENUM or theirs.kind == "enum":
            self.members(t, theirs)
            return
        self.key(t, theirs)
        self.properties(t, theirs)
        self.navigation(t, theirs)

    def key(self, t: Type, theirs: ServiceType) -> None:
        key = self.service.key_of(t.full_name)
        mine = t.key_property
        if key and mine is not None and (mine,) != key:
            self.report("METADATA_KEY", f"{t.full_name}: key {mine!r} on the page; the service keys it by {', '.join(key)}", t)

    def _model_names(self, t: Type) -> tuple[dict[str, tuple[Type, object]], dict[str, tuple[Type, object]]]:
        """The model's properties and navigation properties of ``t``, its own and inherited."""
        properties: dict[str, tuple[Type, object]] = {}
        navigation: dict[str, tuple[Type, object]] = {}
        for owner in [t, *self.model.ancestors(t.full_name)]:
            for p in owner.properties:
                properties.setdefault(p.name, (owner, p))
            for n in owner.navigation_properties:
                navigation.setdefault(n.name, (owner, n))
        return properties, navigation

    def properties(self, t: Type, theirs: ServiceType) -> None:
        mine, my_navigation = self._model_names(t)
        service_properties: dict[str, Field] = {}
        service_navigation: dict[str, Field] = {}
        for service_type in self.service.lineage(t.full_name):
            for key, value in service_type.properties.items():
                service_properties.setdefault(key, value)
            for key, value in service_type.navigation.items():
                service_navigation.setdefault(key, value)
        for name, declared in theirs.properties.items():
            found = mine.get(name)
            self.figures.property_recall.add(found is not None)
            if found is None:
                also = " (the page has it as a relationship)" if name in my_navigation else ""
                self.report(
                    "METADATA_MISSING_PROPERTY",
                    f"{t.full_name}: the service has property {name} ({_shown(declared.type, declared.collection)}); the page lacks it{also}",
                    t,
                )
                continue
            owner, prop = found
            type_name, collection = getattr(prop, "type"), getattr(prop, "collection")
            agrees = type_name == declared.type and collection == declared.collection
            self.figures.property_type.add(agrees)
            if not agrees:
                self.report(
                    "METADATA_PROPERTY_TYPE",
                    f"{owner.full_name}.{name}: {_shown(type_name, collection)} on the page; "
                    f"the service says {_shown(declared.type, declared.collection)}",
                    owner,
                    getattr(prop, "line", 0),
                )
        for p in t.properties:
            present = p.name in service_properties
            self.figures.property_precision.add(present)
            if not present:
                also = " (it has it as a navigation property)" if p.name in service_navigation else ""
                self.report("METADATA_EXTRA_PROPERTY", f"{t.full_name}.{p.name}: the service has no such property{also}", t, p.line)
        for n in t.navigation_properties:
            if n.name not in service_navigation and n.name not in service_properties:
                self.report("METADATA_EXTRA_PROPERTY", f"{t.full_name}.{n.name}: the service has no such navigation property", t, n.line)

    def navigation(self, t: Type, theirs: ServiceType) -> None:
        _, mine = self._model_names(t)
        for name, declared in theirs.navigation.items():
            found = name in mine
            self.figures.navigation_recall.add(found)
            if not found:
                self.report(
                    "METADATA_MISSING_NAVIGATION",
                    f"{t.full_name}: the service has navigation property {name} "
                    f"({_shown(declared.type, declared.collection)}); the page lacks it",
                    t,
                )

    def members(self, t: Type, theirs: ServiceType) -> None:
        if t.kind != ENUM or theirs.kind != "enum":
            return
        if t.flags != theirs.flags:
            self.report("METADATA_FLAGS", f"{t.full_name}: the service says its values {'combine' if theirs.flags else 'do not combine'} (IsFlags)", t)
        mine = {m.name: m for m in t.members}
        for name in theirs.members:
            if name == FUTURE:
                if name not in mine:
                    self.report("METADATA_FUTURE_MEMBER", f"{t.full_name}: the service has member {FUTURE}; the page lacks it", t)
                continue
            self.figures.member_recall.add(name in mine)
            if name not in mine:
                self.report("METADATA_MISSING_MEMBER", f"{t.full_name}: the service has member {name}; the page lacks it", t)
        for m in t.members:
            if m.name not in theirs.members:
                code = "METADATA_FUTURE_MEMBER" if m.name == FUTURE else "METADATA_EXTRA_MEMBER"
                self.report(code, f"{t.full_name}.{m.name}: the service has no such member", t, m.line)


def compare(model: Model, service: Service) -> Conformance:
    """Every disagreement between ``model`` and ``service``, and the figures."""
    return _Comparer(model, service).run()

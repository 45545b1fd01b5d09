"""The types of two models compared: types, their properties, relationships and members.

A type is the same type in both models when it has the same full name, or when it
was renamed: a type gone from the old model and one new in the new model, of the same
kind, that either share their short name (a move to another namespace, another letter
case) and half the names (properties, relationships, members) of the smaller one or a
page, or hold half the same names and share their page (the page kept, or moved: the
old page is gone and the new one is new). Each
rename is said once, and every other change to the pair is said of the new name;
a type that names a renamed type is not changed by the rename.

Properties are compared as clients see them: a property a type no longer declares but
now inherits (or the other way round) has moved, not gone. A property or member
spelt in another letter case is renamed; a rename beyond that reads as a removal and
an addition, since nothing in the model ties the two names together.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model.ir import ENTITY, ENUM, Member, Model, NavigationProperty, Property, Type
from ..model.primitives import UNTYPED
from .changes import Change, Side

_STRINGS = frozenset({"Edm.String", "Edm.Guid"})
_RENAME_SIMILARITY = 0.5  # a type of another name and the same page holds at least half the same names
_NAMESAKE_OVERLAP = 0.5  # one of the same short name, half the smaller one's names

Item = Property | NavigationProperty


@dataclass(frozen=True)
class Pairing:
    """Which old type is which new type: by name, and the renames."""

    same: tuple[tuple[Type, Type], ...]
    renamed: tuple[tuple[Type, Type], ...]
    removed: tuple[Type, ...]
    added: tuple[Type, ...]

    def new_name(self) -> dict[str, str]:
        """Old full name -> new full name, for every old type that is still there."""
        names = {o.full_name: n.full_name for o, n in self.same}
        names.update((o.full_name, n.full_name) for o, n in self.renamed)
        return names


def _names(t: Type) -> set[str]:
    named: list[Property | NavigationProperty | Member] = [*t.properties, *t.navigation_properties, *t.members]
    return {x.name.lower() for x in named}


def _similarity(one: set[str], two: set[str]) -> float:
    """The share of their names two types have in common (1.0 for two without any)."""
    return len(one & two) / len(one | two) if one | two else 1.0


def _overlap(one: set[str], two: set[str]) -> float:
    """The share of the smaller one's names the other has too (1.0 for one without any):
    a type merged into a namesake of another page keeps all its names there."""
    return len(one & two) / min(len(one), len(two)) if one and two else 1.0


def pair(old: Model, new: Model) -> Pairing:
    old_names = {t.full_name for t in old.types}
    new_names = {t.full_name for t in new.types}
    gone = [t for t in old.types if t.full_name not in new_names]
    came = [t for t in new.types if t.full_name not in old_names]
    old_pages = {t.source.path for t in old.types}
    new_pages = {t.source.path for t in new.types}
    names = {id(t): _names(t) for t in (*gone, *came)}
    # the candidates of each gone type: its namesakes, the types of its page, and where its
    # page is gone, the types of pages that are new
    by_name: dict[str, list[int]] = {}
    by_page: dict[str, list[int]] = {}
    on_new_pages: list[int] = []
    for j, n in enumerate(came):
        by_name.setdefault(n.name.lower(), []).append(j)
        by_page.setdefault(n.source.path, []).append(j)
        if n.source.path not in old_pages:
            on_new_pages.append(j)
    candidates: list[tuple[tuple[bool, float, bool], int, int]] = []
    for i, o in enumerate(gone):
        page_gone = o.source.path not in new_pages
        pool = [*by_name.get(o.name.lower(), ()), *by_page.get(o.source.path, ()), *(on_new_pages if page_gone else ())]
        for j in dict.fromkeys(pool):
            n = came[j]
            if o.kind != n.kind:
                continue
            namesake = o.name.lower() == n.name.lower()
            same_page = o.source.path == n.source.path
            moved_page = page_gone and n.source.path not in old_pages
            one, two = names[id(o)], names[id(n)]
            similarity = _similarity(one, two)
            if namesake and (_overlap(one, two) >= _NAMESAKE_OVERLAP or same_page or moved_page):
                candidates.append(((True, similarity, same_page), i, j))
            elif (same_page or moved_page) and similarity >= _RENAME_SIMILARITY and one:
                candidates.append(((False, similarity, same_page), i, j))
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    renamed: list[tuple[Type, Type]] = []
    for _, i, j in candidates:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        renamed.append((gone[i], came[j]))
    same = tuple((o, t) for o in old.types if (t := new.get(o.full_name)) is not None)
    renamed.sort(key=lambda p: p[1].full_name)
    return Pairing(
        same=same,
        renamed=tuple(renamed),
        removed=tuple(t for i, t in enumerate(gone) if i not in taken_old),
        added=tuple(t for j, t in enumerate(came) if j not in taken_new),
    )


class _Types:
    def __init__(self, old: Model, new: Model, pairing: Pairing) -> None:
        self.old = old
        self.new = new
        self.pairing = pairing
        self.renamed = pairing.new_name()
        self.read_from_values = (_read_from_values(old), _read_from_values(new))

    # -- what a type is in the other model --------------------------------
    def mapped(self, old_type: str | None) -> str | None:
        """An old type's name as the new model has it (renames followed)."""
        return None if old_type is None else self.renamed.get(old_type, old_type)

    def derives(self, name: str, base: str) -> bool:
        return any(t.full_name == base for t in self.new.ancestors(name))

    def is_enum(self, model: Model, name: str) -> bool:
        found = model.get(name)
        return found is not None and found.kind == ENUM

    @staticmethod
    def effective(model: Model, t: Type, navigation: bool) -> dict[str, tuple[Item, Type]]:
        """Every property (or relationship) clients see on ``t``, with the type that declares it."""
        found: dict[str, tuple[Item, Type]] = {}
        for holder in (t, *model.ancestors(t.full_name)):
            for item in holder.navigation_properties if navigation else holder.properties:
                found.setdefault(item.name, (item, holder))
        return found

    # -- the changes ------------------------------------------------------
    def changes(self) -> Iterator[Change]:
        for t in self.pairing.removed:
            yield _at(t, "old", "type-removed", f"{t.full_name} is no longer documented", old=t.full_name)
        for t in self.pairing.added:
            yield _at(t, "new", "type-added", f"{t.full_name} is documented ({t.kind})", new=t.full_name)
        for o, n in self.pairing.renamed:
            yield _at(n, "new", "type-renamed", f"{o.full_name} is now {n.full_name}", old=o.full_name, new=n.full_name)
        for o, n in (*self.pairing.same, *self.pairing.renamed):
            yield from self.type(o, n)

    def type(self, o: Type, n: Type) -> Iterator[Change]:
        name = n.full_name
        if o.kind != n.kind:
            yield _at(n, "new", "type-kind-changed", f"{name} is {_a(n.kind)}, was {_a(o.kind)}", old=o.kind, new=n.kind)
        old_base, new_base = self.mapped(o.base_type), n.base_type
        if old_base != new_base:
            extended = new_base is not None and (old_base is None or self.derives(new_base, old_base))
            said = f"{name} derives from {new_base or 'no type'}, was {old_base or 'no type'}"
            yield _at(n, "new", "base-extended" if extended else "base-changed", said, old=o.base_type, new=new_base)
        if o.kind == ENTITY and n.kind == ENTITY:
            old_key, new_key = self.old.key_of(o.full_name), self.new.key_of(n.full_name)
            if old_key != new_key:
                yield _at(n, "new", "key-changed", f"{name} is keyed by {new_key or 'nothing'}, was {old_key or 'nothing'}", old=old_key, new=new_key)
        if o.abstract != n.abstract:
            yield _at(n, "new", "abstract-added" if n.abstract else "abstract-removed", f"{name} is {'' if n.abstract else 'no longer '}abstract", old=_flag(o.abstract), new=_flag(n.abstract))
        if o.open_type != n.open_type:
            kind = "open-type-added" if n.open_type else "open-type-removed"
            yield _at(n, "new", kind, f"{name} is {'' if n.open_type else 'no longer '}an open type", old=_flag(o.open_type), new=_flag(n.open_type))
        if o.kind == ENUM and n.kind == ENUM:
            if o.flags != n.flags:
                said = f"{name}'s values {'combine (flags)' if n.flags else 'no longer combine'}"
                yield _at(n, "new", "flags-changed", said, old=_flag(o.flags), new=_flag(n.flags))
            yield from self.members(o, n)
        yield from self.items(o, n, navigation=False)
        yield from self.items(o, n, navigation=True)

    def members(self, o: Type, n: Type) -> Iterator[Change]:
        before = {m.name: m for m in o.members}
        after = {m.name: m for m in n.members}
        gone = [m for m in o.members if m.name not in after]
        came = {m.name.lower(): m for m in n.members if m.name not in before}
        for m in gone:
            now = came.pop(m.name.lower(), None)
            if now is not None:
                yield _member(n, "new", now, "member-renamed", f"{n.full_name} member {m.name} is now {now.name}", old=m.name, new=now.name)
            else:
                yield _member(o, "old", m, "member-removed", f"{n.full_name} has no member {m.name}", old=m.name, named=n.full_name)
        for m in came.values():
            yield _member(n, "new", m, "member-added", f"{n.full_name} has a member {m.name}", new=m.name)

    def items(self, o: Type, n: Type, navigation: bool) -> Iterator[Change]:
        word = "navigation" if navigation else "property"
        said = "relationship" if navigation else "property"
        before = {x.name: x for x in (o.navigation_properties if navigation else o.properties)}
        after = {x.name: x for x in (n.navigation_properties if navigation else n.properties)}
        seen_before = self.effective(self.old, o, navigation)
        seen_after = self.effective(self.new, n, navigation)
        came = {name: x for name, x in after.items() if name not in before}
        by_lower = {name.lower(): name for name in came if name not in seen_before}
        for name, x in before.items():
            if name in after:
                yield from self.item(o.full_name, n, x, after[name], navigation)
                continue
            if name in seen_after:
                now, holder = seen_after[name]
                where = f"{n.full_name}.{name} is declared on {holder.full_name} now"
                yield _item(o, "old", x, f"{word}-moved", where, old=o.full_name, new=holder.full_name, named=n.full_name)
                yield from self.item(o.full_name, n, x, now, navigation, holder)
                continue
            renamed = by_lower.pop(name.lower(), None)
            if renamed is not None:
                now = came.pop(renamed)
                yield _item(n, "new", now, f"{word}-renamed", f"{n.full_name} {said} {name} is now {renamed}", old=name, new=renamed)
                yield from self.item(o.full_name, n, x, now, navigation)
                continue
            yield _item(o, "old", x, f"{word}-removed", f"{n.full_name} has no {said} {name}", old=_typed(x), named=n.full_name)
        for name, x in came.items():
            if name in seen_before:
                earlier, holder = seen_before[name]
                where = f"{n.full_name}.{name} is declared here now, was on {holder.full_name}"
                yield _item(n, "new", x, f"{word}-moved", where, old=self.mapped(holder.full_name), new=n.full_name)
                yield from self.item(holder.full_name, n, earlier, x, navigation)
                continue
            kind = f"{word}-added"
            if isinstance(x, Property) and not x.nullable:
                kind = "non-nullable-property-added"
            yield _item(n, "new", x, kind, f"{n.full_name} has a {said} {name} ({_typed(x)})", new=_typed(x))

    def item(self, o_name: str, n: Type, x: Item, y: Item, navigation: bool, holder: Type | None = None) -> Iterator[Change]:
        """What changed between ``x`` (old, declared by the old type ``o_name``) and ``y`` (new,
        declared by ``holder``, ``n`` itself or a base it inherits it from): one property of ``n``,
        said on the page that declares it now."""
        word = "navigation" if navigation else "property"
        page = holder or n
        old_type, new_type = self.mapped(x.type), y.type
        here = f"{n.full_name}.{y.name}"

        def said(kind: str, message: str, old: str | None, new: str | None) -> Change:
            return _item(page, "new", y, kind, message, old=old, new=new, named=n.full_name)

        if old_type != new_type:
            kind = self.type_change(x.type, new_type, navigation, (o_name, x.name), (page.full_name, y.name))
            yield said(f"{word}-{kind}", f"{here} is {new_type}, was {x.type}", x.type, new_type)
        if x.collection != y.collection:
            yield said(f"{word}-collection-changed", f"{here} is {'a collection' if y.collection else 'no longer a collection'}", _typed(x), _typed(y))
        if isinstance(x, Property) and isinstance(y, Property):
            if x.nullable != y.nullable:
                kind = "property-became-nullable" if y.nullable else "property-became-not-nullable"
                yield said(kind, f"{here} is {'' if y.nullable else 'not '}nullable", _flag(x.nullable), _flag(y.nullable))
            if x.read_only != y.read_only:
                kind = "property-became-read-only" if y.read_only else "property-became-writable"
                yield said(kind, f"{here} is {'read-only' if y.read_only else 'writable'}", _flag(x.read_only), _flag(y.read_only))

    def type_change(self, old_type: str, new_type: str, navigation: bool, old_at: tuple[str, str], new_at: tuple[str, str]) -> str:
        """Which kind of type change a property's is (its name after the property's word).
        ``old_at``, ``new_at``: the property (its type's name and its own) in each model."""
        if self.derives(new_type, self.mapped(old_type) or old_type):
            return "type-narrowed"
        if navigation:
            return "type-changed"
        # an enum graphdoc read from a String's possible values is the String the page wrote
        old_type = self.read_from_values[0].get(old_at, old_type)
        new_type = self.read_from_values[1].get(new_at, new_type)
        if old_type == UNTYPED:
            return "type-documented"
        if new_type == UNTYPED:
            return "type-undocumented"
        if {old_type, new_type} == _STRINGS:
            return "format-changed"
        if "Edm.String" in (old_type, new_type) and (self.is_enum(self.old, old_type) or self.is_enum(self.new, new_type)):
            return "string-enum-changed"
        if old_type == new_type == "Edm.String":
            return "string-enum-changed"  # both pages say String; graphdoc reads their values as different enums
        return "type-changed"


def compare_types(old: Model, new: Model, pairing: Pairing) -> Iterator[Change]:
    return _Types(old, new, pairing).changes()


def _read_from_values(model: Model) -> dict[tuple[str, str], str]:
    """The properties whose enum graphdoc read from a String's possible values
    (``ENUM_FROM_VALUES``), with the type their page wrote."""
    return {(d.type, d.property): d.expected for d in model.diagnostics if d.code == "ENUM_FROM_VALUES" and d.expected}


def _a(kind: str) -> str:
    return {"entity": "an entity", "complex": "a complex type", "enum": "an enum"}.get(kind, kind)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _typed(x: Item) -> str:
    return f"Collection({x.type})" if x.collection else x.type


def _at(t: Type, side: Side, kind: str, message: str, old: str | None = None, new: str | None = None) -> Change:
    return Change(kind, t.full_name, message, t.source.path, t.source.line, side, old=old, new=new)


def _item(t: Type, side: Side, x: Item, kind: str, message: str, old: str | None = None, new: str | None = None, named: str | None = None) -> Change:
    """A change to property ``x`` of ``t``, on ``t``'s page (old or new) at the property's row;
    ``named``: the type's name in the new model, where ``t`` is the old one."""
    line = x.line or t.source.line
    return Change(kind, named or t.full_name, message, t.source.path, line, side, property=x.name, old=old, new=new)


def _member(t: Type, side: Side, m: Member, kind: str, message: str, old: str | None = None, new: str | None = None, named: str | None = None) -> Change:
    line = m.line or t.source.line
    return Change(kind, named or t.full_name, message, t.source.path, line, side, member=m.name, old=old, new=new)

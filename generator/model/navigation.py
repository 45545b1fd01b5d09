"""Navigation properties the API paths imply, where the resource pages don't list them.

``GET /users/{id}/joinedTeams`` answering a collection of team means that ``user``
has a navigation property ``joinedTeams`` (a collection of team), whether or not
``user.md`` lists it: a person reading the docs takes it from the path. This
module reads every documented request path that way. The first segment of a
path is an entity set (``/users``, a collection) or a singleton (``/me``, one
item), known from the requests that get, list or create at it; each following
segment is a key (``{id}``), a cast to a derived type (``microsoft.graph.user``),
or a navigation property of the type so far. A segment no type lists yet
becomes one, typed by what a request answers at that path (or creates or
updates there). A path with a segment that can't be read that way (a function
call, ``$ref``, ``root:/path:``) stops there.

Part of the resolve stage: the model in, the model with the implied navigation
properties (and an info diagnostic for each) out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property

from ..base.choices import ALL, Readings
from ..base.diagnostics import Diagnostic, make
from .ir import ENTITY, ENUM, Method, Model, NavigationProperty, Property, Type

# {id}, or x('{id}'), or a literal GUID (with its dashes or without: a page may write the
# key it used, /education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignmentSettings)
_KEY = re.compile(
    r"^\{[^{}]*\}$|^[^/]*\((?:'?\{[^()]*\}'?|'[^()']*')\)$"
    r"|^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$|^(?=[A-Za-z]*[0-9])[0-9A-Fa-f]{32}$"
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CAST = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")  # microsoft.graph.user
_READS = ("list", "get")  # a Methods row named so reads what its path addresses
_CREATES = ("create", "add", "post", "new")  # ... adds to the collection its path addresses
_FUNCTION = re.compile(r"^(?:get|list|find|create|add)[A-Z]|^delta$")  # named as Graph names functions and actions


@dataclass(frozen=True)
class _End:
    """What a path addresses: a type, and whether a collection of it."""

    type: str
    collection: bool
    rank: int = 0  # how surely a request says so: a read (0), an update or delete on the type's own page (1), a create (2)


def _segments(path: str) -> list[str]:
    return [part for part in path.strip("/").split("/") if part]


def _pattern(segments: list[str]) -> str:
    """A path with its keys blanked, so ``/users/{id}`` and ``/users/{user-id}`` are one."""
    return "/" + "/".join(_blank(part) for part in segments)


def pattern(path: str) -> str:
    """A documented path with its keys blanked: ``/users/{id}/messages`` -> ``/users/{}/messages``."""
    return _pattern(_segments(path))


def collection_patterns(paths: Iterable[str]) -> set[str]:
    """The patterns of the paths that address a collection: some path keys an item after them
    (``/users/{id}`` makes ``/users`` one; ``/users('{id}')`` too)."""
    found: set[str] = set()
    for path in paths:
        segments = _segments(path)
        if not segments or not _KEY.match(segments[-1]):
            continue
        last = segments[-1]
        keyed = last.split("(", 1)[0] if "(" in last else ""
        found.add(_pattern(segments[:-1] + [keyed] if keyed else segments[:-1]))
    return found


def _acts(method: Method, last: str) -> bool:
    """Whether a page documents a POST at a path ending in ``last`` as an action, not a
    create: its Methods row is named after that segment (``reply``, "Invite people" at
    ``.../invite``, "Add" at ``.../tables/add``), or it answers a collection, where a create
    answers the one item it made ("Add permissions" at ``.../invite`` answers the permissions
    an invitation grants)."""
    if method.http_method != "POST":
        return False
    words = method.name.split()
    return (bool(words) and words[0].lower() == last.lower()) or method.returns_collection


@cache
def _blank(part: str) -> str:
    if _KEY.match(part):
        keyed = part.split("(", 1)[0]
        return f"{keyed}({{}})" if "(" in part and keyed else "{}"
    return part.lower()


class _Paths:
    def __init__(self, model: Model, unlisted: Sequence[tuple[str, Method]] = ()) -> None:
        self.model = model
        self.unlisted = unlisted
        self.ends: dict[str, _End] = {}  # path pattern -> what it addresses
        self._prefixes: dict[tuple[str, ...], list[str]] = {}  # a path's segments -> its prefixes' patterns
        self.spellings: dict[str, dict[str, int]] = {}  # segment in lower case -> its spellings, counted
        self.added: dict[str, dict[str, tuple[NavigationProperty, Method, str]]] = {}
        self.children: dict[str, list[Type]] | None = None
        self._descendants: dict[str, list[Type]] = {}
        # (navigation property name in lower case, its type) -> the types that list it
        self.holders: dict[tuple[str, str], list[str]] = {}
        for t in model.types:
            for n in t.navigation_properties:
                self.holders.setdefault((n.name.lower(), n.type), []).append(t.full_name)
        self.listed: dict[str, dict[str, tuple[str, bool]]] = {}
        self.actions: set[str] = set()  # patterns of POST paths that end in an action
        self.named_alone: set[str] = set()  # root patterns typed by the name of their segment alone (/identity)
        self.diagnostics: list[Diagnostic] = []

    # -- what each documented request addresses ---------------------------
    def learn(self) -> list[tuple[Type, Method, list[str], _End]]:
        requests: list[tuple[Type, Method, list[str], _End]] = []
        owned = [(owner, method) for owner in self.model.types for method in owner.methods]
        for name, method in self.unlisted:
            owner_type = self.model.get(name)
            if owner_type is not None:
                owned.append((owner_type, method))
        for owner, method in owned:
            end = self.end_of(owner, method)
            for path in method.paths or (method.path,):
                segments = _segments(path)
                for part in segments:
                    counts = self.spellings.setdefault(part.lower(), {})
                    counts[part] = counts.get(part, 0) + 1
                if segments and _acts(method, segments[-1]):
                    self.actions.add(_pattern(segments))
                if end is None or not segments:
                    continue
                if method.http_method in ("PATCH", "PUT", "DELETE") and _KEY.match(segments[-1]):
                    self.know(_pattern(segments[:-1]), _End(end.type, True, end.rank))
                self.know(_pattern(segments), end)
                requests.append((owner, method, segments, end))
        return requests

    def know(self, pattern: str, end: _End) -> None:
        """What ``pattern`` addresses: the most direct request's word wins, the first of equals."""
        known = self.ends.get(pattern)
        if known is None or end.rank < known.rank:
            self.ends[pattern] = end

    def end_of(self, owner: Type, method: Method) -> _End | None:
        """What a request addresses, when its Methods row says: what a list or get answers,
        the collection a create adds to, the item an update or delete changes."""
        verb = method.name.split()[0].lower() if method.name.split() else ""
        returns = method.return_type
        if method.http_method == "GET" and verb in _READS and returns and self.model.get(returns) is not None:
            return _End(returns, method.returns_collection or verb == "list", 0)  # a list is one, said or not
        if method.http_method in ("POST", "PUT") and verb in _CREATES and returns and self.model.get(returns) is not None:
            # A POST adds to a collection, a PUT creates the one item at its path. What a create
            # answers is not always what it creates, so this is the weakest word.
            return _End(returns, method.http_method == "POST", 2)
        if method.http_method in ("PATCH", "PUT", "DELETE") and verb in ("update", "delete", "replace", "remove"):
            return _End(owner.full_name, False, 1)
        return None

    def spelling(self, part: str) -> str:
        """How the docs spell a segment most: paths often write ``contactfolders`` for ``contactFolders``."""
        counts = self.spellings.get(part.lower(), {part: 1})
        return max(sorted(counts), key=lambda text: (text[:1].islower() and text != text.lower(), counts[text]))

    # -- walking the paths --------------------------------------------------
    def walk(self, owner: Type, method: Method, segments: list[str]) -> None:
        """Follow a path from its first segment whose type is known (its root, most often)."""
        start = next((i for i in range(len(segments)) if self.prefix_type(segments, i) is not None), None)
        if start is None or _KEY.match(segments[start]):
            return
        known = self.prefix_type(segments, start)
        assert known is not None
        current, collection = known.type, known.collection
        for index in range(start + 1, len(segments)):
            part = segments[index]
            if _KEY.match(part):
                if not collection:
                    return  # a key after one item: not a path this reads
                collection = False
                continue
            if _CAST.match(part) and self.model.get(part) is not None:
                current = part
                continue
            if collection or not _NAME.match(part):
                return  # a function call, $ref, $value, root:/path: ... or a segment after a collection
            found = self.navigation(current, part)
            if found is None and _FUNCTION.match(part):
                return  # named as a function or an action is: no property to add
            if found is None and index == len(segments) - 1 and method.http_method == "POST" and self.prefixes(segments)[index] in self.actions:
                return  # a page documents an action there (.../threads/{id}/reply): no property to add
            if found is None:
                end = self.prefix_type(segments, index) or self.named_segment(segments, index)
                if end is None:
                    return
                found = self.add(current, part, end, owner, method, segments)
                if found is None:
                    return
            current, collection = found

    def prefix_type(self, segments: list[str], end: int) -> _End | None:
        """What the path up to ``segments[end]`` addresses, as far as is known."""
        return self.ends.get(self.prefixes(segments)[end])

    def implied_by_next(self, segments: list[str], end: int) -> _End | None:
        """What the path up to ``segments[end]`` must address, by what follows it.
        ``/identityGovernance`` is read by no request, but if exactly one type has a navigation
        property ``entitlementManagement`` of the type ``/identityGovernance/entitlementManagement``
        addresses, that is what it is."""
        if end + 1 >= len(segments):
            return None
        following = segments[end + 1]
        after = self.prefix_type(segments, end + 1)
        if after is None:
            return None
        if _KEY.match(following):
            return _End(after.type, True, 3)
        if not _NAME.match(following):
            return None
        holders = self.holders.get((following.lower(), after.type), [])
        return _End(holders[0], False, 3) if len(holders) == 1 else None

    def navigation(self, type_name: str, name: str) -> tuple[str, bool] | None:
        """A property or navigation property ``name`` (in any case) of the type or a base, or else
        of a type derived from it (a path may leave out the cast): its type and collection flag."""
        holder = self.model.get(type_name)
        if holder is None:
            return None
        wanted = name.lower()
        listed = self.listed.get(type_name)
        if listed is None:
            listed = {}
            for t in reversed([holder, *self.model.ancestors(type_name), *self.descendants(type_name)]):
                listed_here: list[Property | NavigationProperty] = [*t.properties, *t.navigation_properties]
                for p in listed_here:  # the nearest type's wins: written last
                    listed[p.name.lower()] = (p.type, p.collection)
            self.listed[type_name] = listed
        if wanted in listed:
            return listed[wanted]
        for t in [holder, *self.model.ancestors(type_name), *self.descendants(type_name)]:
            for added, _, _ in self.added.get(t.full_name, {}).values():
                if added.name.lower() == wanted:
                    return added.type, added.collection
        return None

    def descendants(self, type_name: str) -> list[Type]:
        """The types derived from ``type_name``, depth first; found once per type."""
        known = self._descendants.get(type_name)
        if known is not None:
            return known
        if self.children is None:
            self.children = {}
            for t in self.model.types:
                if t.base_type:
                    self.children.setdefault(t.base_type, []).append(t)
        found: list[Type] = []
        seen: set[str] = set()
        stack = list(reversed(self.children.get(type_name, [])))
        while stack and len(found) < 10_000:
            t = stack.pop()
            if t.full_name not in seen:
                seen.add(t.full_name)
                found.append(t)
                stack.extend(reversed(self.children.get(t.full_name, [])))
        self._descendants[type_name] = found
        return found

    def add(self, type_name: str, name: str, end: _End, owner: Type, method: Method, segments: list[str]) -> tuple[str, bool] | None:
        holder = self.model.get(type_name)
        target = self.model.get(end.type)
        if holder is None or target is None or target.kind != ENTITY:
            return None
        if holder.kind != ENTITY and not any(end.type == type_name and not end.collection for end in self.roots()):
            return None  # a complex type has navigation properties only as a singleton (/education)
        name = self.spelling(name)
        navigation = NavigationProperty(name=name, type=end.type, collection=end.collection)
        path = "/" + "/".join(segments)
        self.added.setdefault(type_name, {})[name] = (navigation, method, path)
        return end.type, end.collection

    def named_segment(self, segments: list[str], index: int) -> _End | None:
        """A segment no request reads, on the way to one that is read (``/drives/{id}/list``
        in ``/drives/{id}/list/subscriptions``), named exactly as an entity type: one of it."""
        if index + 1 >= len(segments):
            return None
        named = [n for n in self.by_name.get(segments[index].lower(), []) if n in self.entities]
        return _End(named[0], False, 5) if len(named) == 1 else None

    @cached_property
    def by_name(self) -> dict[str, list[str]]:
        """Type name in lower case -> the full names of the types (not enums) so named."""
        found: dict[str, list[str]] = {}
        for t in self.model.types:
            if t.kind != ENUM:
                found.setdefault(t.name.lower(), []).append(t.full_name)
        return found

    @cached_property
    def entities(self) -> set[str]:
        return {t.full_name for t in self.model.types if t.kind == ENTITY}

    def roots(self) -> list[_End]:
        """What the paths' first segments address."""
        return [end for pattern, end in self.ends.items() if pattern.count("/") == 1]

    def kept_on(self, holder: Type) -> bool:
        """Whether the navigation properties the paths imply are the holder's in the model: an
        entity's, and a complex type's that some root is other than by its segment's name alone.
        ``/identity`` is no ``identity``, the value type of an identitySet: the paths under it
        are still followed, but what they imply is not the value type's (``/policies`` is a
        ``policyRoot``, whose name says it is a root)."""
        if holder.kind == ENTITY:
            return True
        return any(end.type == holder.full_name and not end.collection for pattern, end in self.ends.items() if pattern.count("/") == 1 and pattern not in self.named_alone)

    def learn_prefixes(self, requests: list[tuple[Type, Method, list[str], _End]]) -> None:
        """What each unread prefix of the paths addresses: by what follows it, and for a
        singleton that nothing else tells, by its name."""
        self.name_roots(requests, exact=True)  # /teamwork is a teamwork, whatever a path under it suggests
        self.vote_prefixes(requests)
        self.name_roots(requests, exact=False)
        self.vote_prefixes(requests)

    def name_roots(self, requests: list[tuple[Type, Method, list[str], _End]], exact: bool) -> None:
        items = {end.type for end in self.ends.values() if end.collection}
        for first in dict.fromkeys(segments[0] for _, _, segments, _ in requests):
            root = _pattern([first])
            if root not in self.ends and _NAME.match(first):
                named = self.type_named_like(first, exact, items)
                if named is not None:
                    self.ends[root] = _End(named, False, 4)
                    if named.rsplit(".", 1)[-1].lower() == first.lower():
                        self.named_alone.add(root)

    def vote_prefixes(self, requests: list[tuple[Type, Method, list[str], _End]]) -> None:
        """What each unread prefix addresses where what follows it tells, and every path
        under it tells the same: kept, so that ``/identityGovernance`` learnt from one path
        serves every other."""
        for _ in range(4):  # each round can build on the last; a few suffice
            votes: dict[str, set[_End]] = {}
            for _, _, segments, _ in requests:
                patterns = self.prefixes(segments)
                for end in range(len(segments) - 1):
                    pattern = patterns[end]
                    if pattern in self.ends:
                        continue
                    found = self.implied_by_next(segments, end)
                    if found is not None:
                        votes.setdefault(pattern, set()).add(found)
            items = {end.type for end in self.ends.values() if end.collection}
            learnt = {
                pattern: found.pop()
                for pattern, found in votes.items()
                # a singleton no request reads is of a type no collection holds (not /communications as an application)
                if len(found) == 1 and not (pattern.count("/") == 1 and next(iter(found)).type in items)
            }
            if not learnt:
                break
            self.ends.update(learnt)

    def prefixes(self, segments: list[str]) -> list[str]:
        """The patterns of a path's prefixes: ``/users``, ``/users/{}``, ``/users/{}/manager``."""
        key = tuple(segments)
        found = self._prefixes.get(key)
        if found is None:
            found, so_far = [], ""
            for part in segments:
                so_far += "/" + _blank(part)
                found.append(so_far)
            self._prefixes[key] = found
        return found

    def type_named_like(self, segment: str, exact: bool, items: set[str]) -> str | None:
        """The type a singleton no request reads is named after: ``/deviceManagement`` is a
        deviceManagement (``exact``), ``/reports`` a reportRoot, ``/policies`` a policyRoot;
        never one of ``items``, the types collections hold."""
        stem = segment.lower()
        singular = stem[:-3] + "y" if stem.endswith("ies") else stem.removesuffix("s")
        forms = (stem,) if exact else (stem, stem + "root", singular + "root")
        found = [n for wanted in forms for n in self.by_name.get(wanted, []) if n not in items]
        return found[0] if len(set(found)) == 1 else None

    def address(self, path: str) -> tuple[str, bool] | None:
        """What a documented path addresses (a type, and whether a collection of it), walking
        from its first segment through keys, casts and the properties and navigation
        properties of the types, those the paths added included; None where a segment can't
        be read that way (a function call, ``$ref``, ``root:/path:``, an unknown name)."""
        segments = _segments(path)
        known = self.prefix_type(segments, 0) if segments else None
        if known is None:
            return None
        return self.follow(known.type, known.collection, segments[1:], values=False)

    def locate(self, url: str) -> tuple[str, bool] | None:
        """What a URL an answer gives addresses (a ``Location`` header, a notification's
        ``resourceUrl``): read from its first prefix whose type the requests tell, as a walk
        is, with each segment after a collection that collection's key as the service wrote
        it (``/communications/calls/57dab8b1-.../operations/17e3b46c-...`` is one of a call's
        operations); None where a segment can't be read so."""
        segments = _segments(url)
        start = next((i for i in range(len(segments)) if self.prefix_type(segments, i) is not None), None)
        if start is None:
            return None
        known = self.prefix_type(segments, start)
        assert known is not None
        return self.follow(known.type, known.collection, segments[start + 1 :], values=True)

    def follow(self, current: str, collection: bool, parts: list[str], values: bool) -> tuple[str, bool] | None:
        """From ``current`` (a collection of it, when ``collection``) through ``parts``: a
        key after a collection, a cast, or a navigation ``step``. ``values``: a key is written
        as its value (a URL the service gave), so any segment after a collection is one;
        else only a documented key is (``{id}``, ``('{id}')``, a literal GUID), and never
        where no collection is. None where a segment can't be read so."""
        for part in parts:
            if _CAST.match(part) and self.model.get(part) is not None:
                current = part
            elif collection and (values or _KEY.match(part)):
                collection = False
            elif collection or not _NAME.match(part) or (not values and _KEY.match(part)):
                return None
            else:
                found = self.step(current, part)
                if found is None:
                    return None
                current, collection = found
        return current, collection

    def step(self, type_name: str, name: str) -> tuple[str, bool] | None:
        """What the navigation ``name`` of ``type_name`` leads to (a documented type, and
        whether a collection of it); None where it leads nowhere known, or where types
        derived from ``type_name`` give the name different meanings."""
        found = self.navigation(type_name, name)
        if found is None or self.model.get(found[0]) is None or self.ambiguous(type_name, name):
            return None
        return found

    def ambiguous(self, type_name: str, name: str) -> bool:
        """Whether ``name`` is a property only of types derived from ``type_name``, which give
        it different types (``identityCertificate`` of each kind of configuration): a path
        that leaves out the cast does not say which it is."""
        holder = self.model.get(type_name)
        if holder is None:
            return False
        wanted = name.lower()

        def named(t: Type) -> list[tuple[str, bool]]:
            listed: list[Property | NavigationProperty] = [*t.properties, *t.navigation_properties]
            return [(p.type, p.collection) for p in listed if p.name.lower() == wanted]

        if any(named(t) for t in [holder, *self.model.ancestors(type_name)]):
            return False
        return len({found for t in self.descendants(type_name) for found in named(t)}) > 1

    def run(self) -> Model:
        requests = self.learn()
        self.learn_prefixes(requests)
        for owner, method, segments, _ in sorted(requests, key=lambda item: (len(item[2]), item[2])):
            self.walk(owner, method, segments)
        if not self.added:
            return self.model
        types = []
        for t in self.model.types:
            added = self.added.get(t.full_name)
            if not added or not self.kept_on(t):
                types.append(t)
                continue
            for name, (navigation, method, path) in sorted(added.items()):
                source = method.source or t.source
                kind = f"a collection of {navigation.type}" if navigation.collection else navigation.type
                self.diagnostics.append(
                    make(
                        "NAVIGATION_FROM_PATH",
                        f"{t.full_name}: navigation property {name} ({kind}), from the path {method.http_method} {path}",
                        source.path,
                        source.line,
                        type=t.full_name,
                        property=name,
                        found=kind,
                    )
                )
            more = tuple(navigation for _, (navigation, _, _) in sorted(added.items()))
            types.append(replace(t, navigation_properties=(*t.navigation_properties, *more)))
        diagnostics = tuple(sorted({*self.model.diagnostics, *self.diagnostics}, key=lambda d: (d.path, d.line, d.code, d.message)))
        return Model(types=tuple(types), diagnostics=diagnostics, examples=self.model.examples)


Address = Callable[[str], "tuple[str, bool] | None"]


def with_path_navigation(model: Model, unlisted: Sequence[tuple[str, Method]] = (), readings: Readings = ALL) -> tuple[Model, Address]:
    """``model`` with every navigation property its request paths imply added: the paths of
    its types' methods and of ``unlisted`` ones (owner type and method); and what each path
    addresses in that model (``_Paths.address``). With ``NAVIGATION_FROM_PATH`` off in
    ``readings``, the paths still say what they address, but add no navigation property."""
    navigable, address, _ = navigated(model, unlisted, readings)
    return navigable, address


def navigated(model: Model, unlisted: Sequence[tuple[str, Method]] = (), readings: Readings = ALL) -> tuple[Model, Address, Address]:
    """``with_path_navigation``, and what a URL an answer gives addresses (``_Paths.locate``)."""
    paths = _Paths(model, unlisted)
    navigable = paths.run()
    return navigable if readings.on("NAVIGATION_FROM_PATH") else model, paths.address, paths.locate

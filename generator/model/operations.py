"""Operations: what each documented method does over HTTP, decided once for every output.

Part of the resolve stage. Each Methods row and its API page become one
``Operation``: its kind (a list, a create, an action, a ``$ref`` ...), its paths,
the type of item it works on, its body, its success status, what an action does
to its item, and the response the docs show. The handlers, the mock service,
OpenAPI and CSDL all read these; none of them decides a kind again. Names here
are wire names: an operation's ``id`` is ``<type>.<methodName>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from ..runtime.handlers._routes import blank
from .ir import ENTITY, ENUM, Effect, Method, Model, Operation, OperationKind, Type
from .navigation import Address, collection_patterns, pattern
from .paths import Segment, segments

# What an action's name says it does to a state-like property of its item.
STATE_VERBS = {
    "start": "active",
    "resume": "active",
    "restart": "active",
    "activate": "active",
    "enable": "enabled",
    "pause": "paused",
    "suspend": "suspended",
    "stop": "stopped",
    "disable": "disabled",
}
_CREATES = ("create", "add", "post", "new", "upload")
_REF_KINDS: dict[str, OperationKind] = {"POST": "add-ref", "PUT": "set-ref", "DELETE": "remove-ref", "GET": "get-ref"}
_WRITE_KINDS: dict[str, OperationKind] = {"PUT": "replace", "PATCH": "update", "DELETE": "delete"}
_WORD = re.compile(r"[A-Za-z0-9]+")
# what a path alone can tell: the kinds that work on the resource it addresses
RESOURCE_KINDS: tuple[OperationKind, ...] = ("list", "get", "create", "update", "replace", "delete")


def operation_id(owner: Type, name: str) -> str:
    """``synchronizationJob`` and "List jobs" -> ``synchronizationJob.listJobs``."""
    words = _WORD.findall(name) or ["call"]
    camel = words[0][:1].lower() + words[0][1:] + "".join(w[:1].upper() + w[1:] for w in words[1:])
    return f"{owner.name}.{camel}"


class _Operations:
    def __init__(self, model: Model, address: Address | None = None) -> None:
        self.model = model
        self.address = address
        # paths that address a collection: an item of it is addressed by a key after it
        self.collections = collection_patterns(p for t in model.types for m in t.methods for p in m.paths or (m.path,))
        self.collection_names = {n.name.lower() for t in model.types for n in t.navigation_properties if n.collection}
        self.streams = {p.name.lower() for t in model.types for p in t.properties if p.type == "Edm.Stream"}
        # path pattern -> the entity the documented lists there answer: the closest base of
        # their types (one page per derived type lists /deviceAppManagement/mobileApps)
        answered: dict[str, set[str]] = {}
        for t in model.types:
            for m in t.methods:
                if m.http_method == "GET" and m.returns_collection and m.return_type and self.is_entity(m.return_type):
                    for p in m.paths or (m.path,):
                        answered.setdefault(pattern(p), set()).add(m.return_type)
        self.listed = {p: base for p, names in answered.items() if (base := self.closest_base(names)) is not None}

    def posts_to_collection(self, method: Method, last: Segment) -> bool:
        """A POST to an entity set or a collection-valued navigation property, not to an action."""
        if last.kind not in ("literal", "cast"):
            return False
        paths = method.paths or (method.path,)
        return (
            any(pattern(p) in self.collections for p in paths)
            or last.name.lower() in self.collection_names
            or len(segments(method.path)) == 1
        )

    def is_entity(self, type_name: str | None) -> bool:
        found = self.model.get(type_name) if type_name else None
        return found is not None and found.kind == ENTITY

    def closest_base(self, names: set[str]) -> str | None:
        """The nearest type all of ``names`` are or derive from, if any, short of the
        root of all entities (lists of unrelated types at one path are a page's mistake)."""
        chains = [[n, *(t.full_name for t in self.model.ancestors(n))] for n in sorted(names)]
        found = next((n for n in chains[0] if all(n in chain for chain in chains[1:])), None)
        if found is None or (found not in names and not self.model.ancestors(found)):
            return None
        return found

    def is_a(self, type_name: str | None, base: str) -> bool:
        """Whether ``type_name`` is ``base`` or derives from it."""
        return type_name == base or any(t.full_name == base for t in self.model.ancestors(type_name or ""))

    def kind(self, method: Method, last: Segment | None) -> OperationKind:
        verb = method.http_method
        if last is not None and last.kind == "ref":
            return _REF_KINDS.get(verb, "action")
        if last is not None and last.kind == "value":
            return "get-value" if verb == "GET" else "put-value"
        if last is not None and last.kind == "count":
            return "count"
        if last is not None and last.kind == "call":
            return "function" if verb == "GET" else "action"
        if last is not None and last.kind == "literal" and last.name.lower() in self.streams and verb in ("GET", "PUT"):
            return "get-value" if verb == "GET" else "put-value"  # a stream property: .../content
        if verb == "GET":
            if method.returns_collection and self.is_entity(method.return_type):
                return "list"
            return "get" if self.is_entity(method.return_type) else "function"
        if verb == "POST" and last is not None:
            words = method.name.split()
            said = words[0].lower() if words else ""
            if method.success_status == 201 or said in _CREATES:
                if self.posts_to_collection(method, last):
                    return "create"  # the body table, if any, lists the new item's properties
                named_as_action = re.match(r"(?:create|add|new|post|upload)[A-Z]", last.name) is not None  # createOrGet
                if said in _CREATES and len(words) > 1 and not named_as_action and self.is_entity(method.return_type) and not method.returns_collection:
                    return "create"  # "Create accessPackageResourceRequest", at a path no other request keys
            return "action"
        return _WRITE_KINDS.get(verb, "action")

    def listed_at(self, method: Method, keyed: bool) -> str | None:
        """The entity a documented list answers at the method's path (``keyed``: at the
        path without its last key, ``/things`` for ``/things/{id}``)."""
        for path in method.paths or (method.path,):
            found = pattern(path)
            if keyed:
                head, _, last = found.rpartition("/")
                found = head if last == "{}" else ""
            if found in self.listed:
                return self.listed[found]
        return None

    def item(self, owner: Type, method: Method, kind: OperationKind) -> str | None:
        """The entity (or complex value) one item of the path is: for an item of a listed
        collection, the collection's type when the page names a type derived from it (a
        get of ``/threatAssessmentRequests/{id}`` reads any kind of request)."""
        if kind == "get" and method.return_type:
            listed = self.listed_at(method, keyed=True)
            if listed is not None and self.is_a(method.return_type, listed):
                return listed
        if kind in ("list", "get") and method.return_type and self.model.get(method.return_type):
            return method.return_type
        if kind == "create":  # the body is the new item; the answer may be something else (an operation)
            listed = self.listed_at(method, keyed=False)
            for candidate in (method.request_body_type, method.return_type):
                if self.is_entity(candidate) and (listed is None or self.is_a(candidate, listed)):
                    return candidate
            return listed or (owner.full_name if self.is_entity(owner.full_name) else None)
        if kind in ("update", "replace", "delete"):
            body = method.request_body_type or method.return_type
            if body and self.model.get(body) is not None and self.model.get(body).kind != ENUM:  # type: ignore[union-attr]
                return body
            return owner.full_name
        return owner.full_name if kind in ("action", "function", "get-value", "put-value") else None

    def body(self, method: Method, kind: OperationKind, item: str | None) -> str | None:
        """The type a request body is: the page's, unless a create's names something other
        than the new item (``teamsApp`` for an installation made by binding one)."""
        if kind not in ("create", "update", "replace"):
            return None
        found = method.request_body_type or item
        if kind == "create" and item is not None and self.is_entity(found) and not self.is_a(found, item):
            found = item
        target = self.model.get(found) if found else None
        return found if target is not None and target.kind != ENUM else None

    def effects(self, owner: Type, method: Method) -> tuple[Effect, ...]:
        verb = _WORD.findall(method.name)[0].lower() if _WORD.findall(method.name) else ""
        word = STATE_VERBS.get(verb)
        if word is None:
            return ()
        found: list[Effect] = []

        def walk(type_name: str, trail: tuple[str, ...], depth: int) -> None:
            holder = self.model.get(type_name)
            if holder is None or depth > 2:
                return
            for t in [*reversed(self.model.ancestors(type_name)), holder]:
                for p in t.properties:
                    target = self.model.get(p.type)
                    if p.collection:
                        continue
                    values = [m.name for m in target.members] if target is not None and target.kind == ENUM else list(p.values)
                    value = next((v for v in values if v.lower() == word), None)
                    if value is not None:
                        found.append(Effect((*trail, p.name), value))
                    elif target is not None and target.kind not in (ENUM, ENTITY):
                        walk(target.full_name, (*trail, p.name), depth + 1)

        walk(owner.full_name, (), 1)
        return tuple(found)

    def response_example(self, method: Method) -> str | None:
        for example in self.model.examples_of(method):
            if example.kind == "response" and example.body is not None and (example.status or 200) < 300:
                return example.body
        return None

    def operation(self, owner: Type, method: Method, taken: set[str]) -> Operation:
        path_segments = segments(method.path)
        last = path_segments[-1] if path_segments else None
        kind = self.kind(method, last)
        item = self.item(owner, method, kind)
        candidate = self.unique(operation_id(owner, method.name), taken)
        calls = [s for s in path_segments if s.kind == "call"]
        return Operation(
            id=candidate,
            owner=owner.full_name,
            name=method.name,
            kind=kind,
            http_method=method.http_method,
            paths=method.paths or (method.path,),
            status=method.success_status,
            returns=method.return_type,
            returns_collection=method.returns_collection,
            item=item,
            key=self.model.key_of(item) if item else None,
            body=self.body(method, kind, item),
            parameters=method.parameters if kind in ("action", "function") else (),
            function_parameters=tuple(name for name, _ in calls[-1].arguments) if calls else (),
            effects=self.effects(owner, method) if kind == "action" else (),
            response_example=self.response_example(method),
            description=method.description,
            source=method.source,
            headers=method.headers,
            permissions=method.permissions,
        )

    def run(self, unlisted: Sequence[tuple[str, Method]]) -> Model:
        extra: dict[str, list[Method]] = {}
        for owner_name, method in unlisted:
            extra.setdefault(owner_name, []).append(method)
        rows = [(owner, method) for owner in self.model.types for method in [*owner.methods, *extra.get(owner.full_name, ())]]
        # Several Methods rows may link one API page (each member type's table links the page
        # that lists the members): the page serves one operation, of the type it is about.
        by_page: dict[tuple[str, str, str], list[tuple[Type, Method]]] = {}
        for owner, method in rows:
            page = method.source.path if method.source else owner.full_name
            by_page.setdefault((method.http_method, method.path.lower(), page), []).append((owner, method))
        chosen = {id(_page_owner(found)[1]) for found in by_page.values()}
        taken: set[str] = set()
        found = [self.operation(owner, method, taken) for owner, method in rows if id(method) in chosen]
        return replace(self.model, operations=tuple(self.placed(found, taken)))

    # -- each path to the resource it addresses ------------------------------
    def at(self, op: Operation, path: str) -> tuple[OperationKind, str | None]:
        """What an operation is at ``path``: what its page says, unless it works on a
        resource (a list, get, create ... or a GET the page answers with no entity) and the
        path says otherwise. A GET lists what the path addresses when that is a collection
        and gets it when it is one item; the item is what the path addresses unless the page
        names a type derived from it."""
        said = (op.kind, op.item)
        reads = op.kind == "function" and op.http_method == "GET"
        if not segments(path):
            return said
        if self.address is None or (op.kind not in RESOURCE_KINDS and not reads):
            return said
        end = self.address(path)
        target = self.model.get(end[0]) if end else None
        if end is None or target is None or target.kind == ENUM:
            return said
        addressed, collection = end
        if op.http_method == "GET":
            # a list at a path that ends with a name the model reads as one item is the page's
            # word against a Relationships row that forgot "collection": the page's stands
            keyed = segments(path)[-1].kind == "key"
            kind: OperationKind = "list" if collection or (op.kind == "list" and not keyed) else "get"
        elif (op.kind == "create") != collection:
            return said  # a create posts to a collection, an update changes one item: the page is wrong
        else:
            kind = op.kind
        return kind, (op.item if op.item and self.is_a(op.item, addressed) else addressed)

    def placed(self, found: list[Operation], taken: set[str]) -> Iterator[Operation]:
        """The operations with each path given to the resource it addresses.

        A page that documents a method at other resources' paths (open extensions at the
        paths of users, groups, messages ...) does not take over their own get, list or
        create there: at each method and path, one operation serves each kind and item,
        the one of the item's own type first, then one whose page says so, then the one whose
        paths address the fewest kinds of thing, then the first.
        A path that no operation of its resource serves is served as what it addresses: by
        the operation if only its kind changes, else by an operation of the addressed type
        (its page still the one that documents the request)."""
        entries: list[tuple[int, str, OperationKind, str | None]] = []
        for index, op in enumerate(found):
            entries += [(index, path, *self.at(op, path)) for path in op.paths]
        # how many resources an operation's paths address: a page about one thing is surer of it
        # than one that shows a method at the paths of many
        breadth: dict[int, set[str | None]] = {}
        for index, _, _, item in entries:
            breadth.setdefault(index, set()).add(item)
        best: dict[tuple[str, str, OperationKind, str | None], tuple[tuple[int, int, int], int]] = {}
        for index, path, kind, item in entries:
            op = found[index]
            rank = (op.owner != item, (op.kind, op.item) != (kind, item), len(breadth[index]))
            key = (op.http_method, blank(path), kind, item)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, index)
        groups: dict[int, dict[tuple[OperationKind, str | None], list[str]]] = {}
        for index, path, kind, item in entries:
            if best[(found[index].http_method, blank(path), kind, item)][1] == index:
                groups.setdefault(index, {}).setdefault((kind, item), []).append(path)
        for index, op in enumerate(found):
            mine = groups.get(index, {})
            said = (op.kind, op.item)
            if said in mine:
                yield replace(op, paths=tuple(mine.pop(said)))
            else:  # the page's reading serves no path: its item at another kind keeps the name
                same = next(((kind, item) for kind, item in mine if item == op.item), None)
                if same is not None:
                    yield replace(op, kind=same[0], paths=tuple(mine.pop(same)), **self.reading(op, *same))
            for (kind, item), paths in mine.items():
                owner = self.model.get(item or "")
                assert owner is not None
                wanted = operation_id(owner, op.name)
                yield replace(op, id=self.unique(wanted, taken), owner=owner.full_name, kind=kind, paths=tuple(paths), **self.reading(op, kind, item))

    def reading(self, op: Operation, kind: OperationKind, item: str | None) -> dict[str, Any]:
        """The fields of ``op`` that follow from its kind and item."""
        body = op.body if op.body and item and self.is_a(op.body, item) else item
        structured = self.model.get(body) if body else None
        return {
            "item": item,
            "key": self.model.key_of(item) if item else None,
            "returns": item if kind in ("list", "get") else op.returns,
            "returns_collection": kind == "list" if kind in ("list", "get") else op.returns_collection,
            "body": body if kind in ("create", "update", "replace") and structured is not None and structured.kind != ENUM else None,
        }

    @staticmethod
    def unique(wanted: str, taken: set[str]) -> str:
        candidate, counter = wanted, 2
        while candidate.lower() in taken:
            candidate, counter = f"{wanted}{counter}", counter + 1
        taken.add(candidate.lower())
        return candidate


def _page_owner(found: list[tuple[Type, Method]]) -> tuple[Type, Method]:
    """Of the Methods rows that link one API page, the row of the type the page's file is
    named after (``message-get.md``: message; ``intune-devices-manageddevice-get.md``:
    managedDevice), else the first."""
    if len(found) == 1:
        return found[0]
    page = found[0][1].source.path if found[0][1].source else ""
    stem = page.rsplit("/", 1)[-1].removesuffix(".md").lower()
    for part in stem.split("-"):
        for owner, method in found:
            if owner.name.lower() == part:
                return owner, method
    return found[0]


def with_operations(model: Model, unlisted: Sequence[tuple[str, Method]] = (), address: Address | None = None) -> Model:
    """``model`` with its operations: each type's methods', then those of the API pages
    no Methods table lists (``unlisted``: owner type and method). ``address`` tells what a
    path addresses (``navigation.with_path_navigation``); each path goes to the resource
    it addresses (``_Operations.placed``)."""
    return _Operations(model, address).run(unlisted)

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
from collections.abc import Sequence
from dataclasses import replace

from .model import ENTITY, ENUM, Effect, Method, Model, Operation, OperationKind, Type
from .navigation import collection_patterns, pattern
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


def operation_id(owner: Type, name: str) -> str:
    """``synchronizationJob`` and "List jobs" -> ``synchronizationJob.listJobs``."""
    words = _WORD.findall(name) or ["call"]
    camel = words[0][:1].lower() + words[0][1:] + "".join(w[:1].upper() + w[1:] for w in words[1:])
    return f"{owner.name}.{camel}"


class _Operations:
    def __init__(self, model: Model) -> None:
        self.model = model
        # paths that address a collection: an item of it is addressed by a key after it
        self.collections = collection_patterns(p for t in model.types for m in t.methods for p in m.paths or (m.path,))
        self.collection_names = {n.name.lower() for t in model.types for n in t.navigation_properties if n.collection}
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

    def key(self, item: str | None) -> str | None:
        holder = self.model.get(item) if item else None
        if holder is None:
            return None
        for t in [holder, *self.model.ancestors(holder.full_name)]:
            if t.key_property:
                return t.key_property
        return None

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
        wanted = operation_id(owner, method.name)
        candidate, counter = wanted, 2
        while candidate.lower() in taken:
            candidate, counter = f"{wanted}{counter}", counter + 1
        taken.add(candidate.lower())
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
            key=self.key(item),
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
        found: list[Operation] = []
        seen: set[tuple[str, str, str]] = set()
        taken: set[str] = set()
        extra: dict[str, list[Method]] = {}
        for owner_name, method in unlisted:
            extra.setdefault(owner_name, []).append(method)
        for owner in self.model.types:
            for method in [*owner.methods, *extra.get(owner.full_name, ())]:
                page = method.source.path if method.source else owner.full_name
                if (method.http_method, method.path.lower(), page) in seen:
                    continue  # two Methods rows for one API page: the first one serves it
                seen.add((method.http_method, method.path.lower(), page))
                found.append(self.operation(owner, method, taken))
        return replace(self.model, operations=tuple(found))


def with_operations(model: Model, unlisted: Sequence[tuple[str, Method]] = ()) -> Model:
    """``model`` with its operations: each type's methods', then those of the API pages
    no Methods table lists (``unlisted``: owner type and method)."""
    return _Operations(model).run(unlisted)

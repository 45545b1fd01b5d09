"""The mock's data, from the docs' own examples.

The mock starts with what the docs show: an item that a documented GET example
answers is in its store, at the path that request reads it from (as the mock's
router fills that path in: ``_routes``), and each action answers with its
documented response. Items that other documented requests address (an update's,
a delete's, an action's) are there too, as stubs holding just their key, so the
docs' requests replayed in page order find what they work on. ``/me`` is the
user a documented ``GET /me`` answers.

A documented example can break its own type (lint's EXAMPLE_INVALID): the mock
keeps such an example without the properties that break it, so what it answers
always matches its schemas.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..base.workers import FIT_FROM, count, on_two_cores, parallel
from ..model.ir import ENUM, Example, Model, Operation
from ..model.primitives import is_primitive
from ..runtime.handlers._routes import Found, NoRoute, NotAllowed, Router

if TYPE_CHECKING:
    from .validation import SchemaSet

DEFAULT_ME = "me"
_HOST = re.compile(r"^https?://[^/]+", re.IGNORECASE)
_VERSION = re.compile(r"^/(?:v1\.0|beta)(?=/|$)", re.IGNORECASE)
_ROUNDS = 8  # properties dropped from one example, a round at a time, before it is given up


@dataclass
class MockData:
    # (store path, type, item, the page that documents it); one path may hold an item of
    # each of several pages: the store takes the first, or the one of the page it is asked
    # for; an entry with no item is one the page's own create makes (not there for that page)
    seed: list[tuple[str, str, dict[str, Any] | None, str]] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)  # operation id -> its documented answer
    # operation id -> (example name, body) of each documented request body that fits its type
    requests: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    me: str = DEFAULT_ME
    # the store path of an item the docs read by a property's name (a user's drive) -> the
    # path of the same item in its entity set (/drives/{id}), where the mock keeps it
    aliases: dict[str, str] = field(default_factory=dict)


# Hosts of Microsoft Graph's national clouds. A request example addressed elsewhere (a
# notification the service sends to an app's callback URL) is not a request to the service.
GRAPH_HOSTS = ("graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "graph.microsoft.de", "microsoftgraph.chinacloudapi.cn")


def without_host(url: str) -> str:
    """A documented request URL with its scheme and host taken off: path and query."""
    return _HOST.sub("", url.strip()) or "/"


def to_graph(request: Example) -> bool:
    """Whether a request example is addressed to the service (or to no host at all)."""
    url = (request.url or "").strip()
    host = urlsplit(url).hostname if _HOST.match(url) else None
    return host is None or any(host == h or host.endswith("." + h) for h in GRAPH_HOSTS)


def request_path(url: str) -> str:
    """A documented request URL's path: no host, no version prefix, no query, decoded."""
    path = urlsplit(without_host(url).replace(" ", "%20")).path or "/"
    return unquote(_VERSION.sub("", path) or "/")


_UNFILLED = re.compile(r"^(?:\{[^{}]*\}|<[^<>]*>|)$")
_ALTERNATE = re.compile(r"([A-Za-z_]\w*)=\{(\w+)\}")  # a segment of an alternate key: roleTemplateId={id}


def unfilled(value: str) -> bool:
    """Whether a value of a documented URL is a placeholder the docs left (``{id}``, ``<id>``) or nothing."""
    return _UNFILLED.match(value.strip()) is not None


class Kinds:
    """Which types an example can be: an abstract type can't be made, only its concrete descendants."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.children: dict[str, list[str]] = {}
        for t in model.types:
            if t.base_type:
                self.children.setdefault(t.base_type, []).append(t.full_name)
        self._family: dict[str, tuple[str, ...]] = {}
        self._members: dict[str, dict[str, str]] = {}

    def family(self, type_name: str) -> tuple[str, ...]:
        """``type_name`` and the types derived from it, depth first (found once per type)."""
        found = self._family.get(type_name)
        if found is None:
            ordered: list[str] = []
            seen: set[str] = set()
            stack = [type_name]
            while stack:
                name = stack.pop()
                if name not in seen:
                    seen.add(name)
                    ordered.append(name)
                    stack.extend(reversed(self.children.get(name, [])))
            found = self._family[type_name] = tuple(ordered)
        return found

    def made(self, type_name: str) -> list[str]:
        """The concrete types that are ``type_name`` or derive from it."""
        return [n for n in self.family(type_name) if (t := self.model.get(n)) is not None and not t.abstract]

    def polymorphic(self, type_name: str) -> bool:
        """Whether the type has a base or derived types: its items say which type they are."""
        held = self.model.get(type_name)
        return held is not None and bool(held.base_type or self.children.get(type_name))

    def within(self, value: dict[str, Any], type_name: str) -> dict[str, Any]:
        """``value`` (of ``type_name``) with each value inside it of a type with kinds
        saying which kind it is, as the models read it, and those that can't say left out
        (an ``assignTo`` of an abstract recipient type that names no kind)."""
        members = self.members(type_name)
        found: dict[str, Any] = {}
        for name, held in value.items():
            typed = members.get(name)
            if typed is not None and isinstance(held, dict):
                made = self.of(held, typed)
                if made is None:
                    continue
                held = self.labelled(self.within(held, made), made)
            elif typed is not None and isinstance(held, list):
                items = [(item, self.of(item, typed)) for item in held if isinstance(item, dict)]
                if len(items) == len(held):
                    held = [self.labelled(self.within(item, made), made) for item, made in items if made is not None]
            found[name] = held
        return found

    def labelled(self, value: dict[str, Any], made: str) -> dict[str, Any]:
        """``value`` saying it is a ``made`` where its type has kinds, as the models write it."""
        if not self.polymorphic(made) or value.get("@odata.type") == f"#{made}":
            return value
        return {"@odata.type": f"#{made}", **{k: v for k, v in value.items() if k != "@odata.type"}}

    def members(self, type_name: str) -> dict[str, str]:
        """The structured (not primitive, not enum) properties and navigation properties a
        type has, its bases' too, by name: their types."""
        found = self._members.get(type_name)
        if found is None:
            found = {}
            held = self.model.get(type_name)
            for t in [*reversed(self.model.ancestors(type_name)), *([held] if held else [])]:
                typed = [(p.name, p.type) for p in t.properties] + [(n.name, n.type) for n in t.navigation_properties]
                for name, of in typed:
                    target = self.model.get(of)
                    if target is not None and target.kind != ENUM:
                        found[name] = of
            self._members[type_name] = found
        return found

    def of(self, value: dict[str, Any], declared: str) -> str | None:
        """The type an example of ``declared`` is, one that can be made: the type its
        ``@odata.type`` names when that is ``declared`` or derives from it, else ``declared``;
        an abstract one stands for its only concrete descendant when it has exactly one. None
        when no one type can be told (an abstract type of several concrete kinds, and the
        example names none of them)."""
        written = value.get("@odata.type")
        named = written.strip().lstrip("#") if isinstance(written, str) else ""
        target = named if named and named in self.family(declared) else declared
        if self.model.get(target) is None:
            return None
        made = self.made(target)
        if target in made:
            return target
        return made[0] if len(made) == 1 else None


class _Unplaceable(Exception):
    """A documented item whose path can't be given real keys."""


def exchanges(model: Model) -> Iterator[tuple[Example, Example | None]]:
    """Each request example with the response example after it on its page, in page order."""
    by_page: dict[str, list[Example]] = {}
    for example in model.examples:
        if example.source.path.startswith("api/"):
            by_page.setdefault(example.source.path, []).append(example)
    for page in sorted(by_page):
        examples = sorted(by_page[page], key=lambda e: e.source.line)
        for index, example in enumerate(examples):
            if example.kind != "request" or not example.http_method or not example.url:
                continue
            # requests in a row (one per way of addressing the item) share the response after them
            response = next((after for after in examples[index + 1 :] if after.kind != "request"), None)
            yield example, response if response is not None and response.kind == "response" else None


def router(model: Model) -> Router:
    found: Router = Router()
    for op in model.operations:
        for path in op.paths:
            found.add(path, op.http_method, op)
    return found


def route(found_in: Router, request: Example) -> Found | None:
    """Where a documented request goes: of the operations documented for its method and
    path, the one its own page documents, else the first."""
    try:
        found = found_in.find(request.http_method or "GET", request_path(request.url or ""))
    except (NoRoute, NotAllowed):
        return None
    mine = [op for op in found.choices if op.source is not None and op.source.path == request.source.path]
    return replace(found, value=mine[0]) if mine else found


class _Builder:
    """Runs over the docs' examples twice. Which examples are fitted to which type does not
    depend on what fitting them gives, so the first run only lists them; they are then
    fitted a type at a time, each type's validator built once and let go before the next
    (all kept at once, the corpus's 1,139 compiled validators took 800 MB); the second
    run reads the results in the order it asks for them."""

    def __init__(self, model: Model, schemas: SchemaSet, workers: int | None = None) -> None:
        self.model = model
        self.schemas = schemas
        self.workers = workers
        self.router = router(model)
        self.kinds = Kinds(model)
        self.data = MockData()
        self.taken: set[tuple[str, str]] = set()  # (store path in lower case, page)
        self.keys: dict[str, list[str]] = {}  # a collection's store path -> the keys put in it, in order
        self.homes: dict[str, str] | None = None  # each type's entity set (entity_sets(read=True))
        self.trees: dict[str, bool] = {}  # whether a type holds a tree (tree)
        self.stored: set[str] = set()  # the store paths put, in lower case
        self.asked: list[tuple[Any, str | None]] = []  # the first run's fits, in order
        self.fitted: Iterator[Any] | None = None  # their results, for the second run

    def fit(self, value: Any, type_name: str | None) -> Any:
        """``value`` without the properties that break ``type_name``'s schema; None when
        it can't be made to fit (None in the first run, which only lists what it asks)."""
        if self.fitted is None:
            self.asked.append((value, type_name))
            return None
        found = next(self.fitted, self)
        if found is self:
            raise AssertionError("the second run asked for more fits than the first")
        return found

    def fit_all(self) -> list[Any]:
        """The first run's fits, done a type at a time; on two cores when there are many."""
        groups: dict[str, list[int]] = {}
        for index, (_, type_name) in enumerate(self.asked):
            groups.setdefault(type_name or "", []).append(index)
        ordered = [groups[name] for name in sorted(groups)]
        if parallel(count(self.workers), len(self.asked), FIT_FROM):
            # every other type to each core: both get small and large types alike
            mine, theirs = on_two_cores(lambda: self.fitted_groups(ordered[::2]), lambda: self.fitted_groups(ordered[1::2]))
            found = {**mine, **theirs}
        else:
            found = self.fitted_groups(ordered)
        return [found[index] for index in range(len(self.asked))]

    def fitted_groups(self, groups: list[list[int]]) -> dict[int, Any]:
        """The fits of ``groups`` (indices into the asked fits, one type each), by index,
        each type's validator let go before the next."""
        found: dict[int, Any] = {}
        for group in groups:
            for index in group:
                found[index] = self.fitted_value(*self.asked[index])
            self.schemas.forget_validators()
        return found

    def fitted_value(self, value: Any, type_name: str | None) -> Any:
        # jsonschema comes with it: loaded only when there are fits to make
        from .validation import SchemaError

        target = self.model.get(type_name) if type_name else None
        if target is None or target.kind == ENUM:
            return value
        if not isinstance(value, dict):
            return None
        made = self.kinds.of(value, target.full_name)
        if made is None:
            return None  # an abstract type's item must say which kind it is (lint: EXAMPLE_ABSTRACT)
        # as the models write it: read back through a base, it stays itself
        value = self.kinds.labelled({k: v for k, v in value.items() if not k.startswith("@odata.")}, made)
        for _ in range(_ROUNDS):
            try:
                issues = self.schemas.validate(value, made)
            except SchemaError:
                return None
            if not issues:
                return self.kinds.within(value, made)
            names = {i.pointer.split("/")[1] for i in issues if i.pointer.count("/") >= 1}
            names = {unquote(n).replace("~1", "/").replace("~0", "~") for n in names} - {"@odata.type"}
            if not names & value.keys():
                return None  # the item itself is wrong, not a property of it
            value = {k: v for k, v in value.items() if k not in names}
        return None

    def answer(self, op: Operation) -> Any:
        if op.response_example is None:
            return None
        try:
            body = json.loads(op.response_example)
        except ValueError:
            return None
        if op.returns is None or is_primitive(op.returns):
            return body
        if op.returns_collection:
            items = body.get("value") if isinstance(body, dict) else body
            if not isinstance(items, list):
                return None
            fitted = [self.fit(item, op.returns) for item in items]
            return {"value": [item for item in fitted if item is not None]}
        return self.fit(body, op.returns)

    def route(self, request: Example) -> Found | None:
        return route(self.router, request)

    def put(self, path: str, type_name: str, item: dict[str, Any], page: str) -> None:
        """An item into the store at ``path``: the first of each page there (``page`` ""
        for a stub, which any page's item takes the place of)."""
        if (path.lower(), page) not in self.taken:
            self.taken.add((path.lower(), page))
            self.stored.update((path.lower(), self.kept_at(path).lower()))
            self.data.seed.append((path, type_name, item, page))
            collection, _, key = path.rpartition("/")
            self.keys.setdefault(self.kept_at(collection), []).append(key)
            if page:
                self.alias(path, type_name, item, page)

    def me(self, pairs: list[tuple[Example, Example | None]]) -> str:
        for request, response in pairs:
            if request.http_method == "GET" and request_path(request.url or "").lower() == "/me" and response:
                try:
                    body = response.payload()
                except ValueError:
                    continue
                if isinstance(body, dict) and isinstance(body.get("id"), str) and body["id"]:
                    return str(body["id"])
        return DEFAULT_ME

    def place(self, found: Found, item: dict[str, Any] | None, upto: int | None = None, of: str | None = None) -> str | None:
        """The store path of what a documented request reads (of its first ``upto`` parts),
        with real keys only: each the URL gives, but for the item's own key (the last) where
        the URL gives another of its values (an alternate key: ``/users/{userPrincipalName}``)
        or none, which is the key in ``item``; for a key the URL leaves out, the key of the
        first item the docs put in that collection, else that of an item made there for it
        (of the type a GET there reads, else, for the last of the parts, ``of``). None when
        that can't be done."""
        template = found.template
        last_kind, last_text = template.parts[-1] if template.parts else ("", "")
        alternate = _ALTERNATE.fullmatch(last_text) if last_kind == "mixed" else None
        last = (
            last_text
            if last_kind == "param"
            else last_text.split("\0")[-1]
            if last_kind == "keyed"
            else alternate.group(2)
            if alternate
            else None
        )
        op: Operation = found.value
        own = item.get(op.key or "id") if item is not None else None
        own = str(own) if isinstance(own, (str, int)) and str(own) else None
        end_kind, end_text = template.parts[(upto or len(template.parts)) - 1] if template.parts else ("", "")
        end = end_text.split("\0")[-1] if end_kind in ("param", "keyed") else None

        def key(collection: str, name: str, value: str) -> str:
            given = value.partition("=")[2] if alternate else value
            if name == last and own is not None and (alternate or unfilled(given) or given in (str(v) for v in item.values() if isinstance(v, str))):  # type: ignore[union-attr]
                return own
            if not unfilled(value):
                return value
            return self.parent_key(collection, of if name == end else None)

        try:
            return template.fill(found.values, self.data.me, key, upto)
        except _Unplaceable:
            return None

    def parent_key(self, collection: str, of: str | None = None) -> str:
        """A key of an item in ``collection``, for a documented item whose URL leaves it out:
        the first the docs put there, else one of an item made there now (of the type a
        GET of one item there reads, else ``of``, else the type a GET of the collection
        reads, when that can be made)."""
        known = self.keys.get(self.kept_at(collection))
        if known:
            return known[0].replace("%2F", "/")
        key = str(uuid.uuid5(uuid.NAMESPACE_URL, collection))
        listed = self.reader(collection, ("list", "get"))
        if not self.made_at(f"{collection}/{key}", of or (listed.item if listed else None)):
            raise _Unplaceable(collection)
        return key

    def unwrapped(self, op: Operation, body: Any) -> Any:
        """One item the docs wrap as ``{"value": {...}}``, as itself (unless its type has a
        property ``value``)."""
        if op.kind != "get" or not isinstance(body, dict) or not isinstance(body.get("value"), dict):
            return body
        if {k for k in body if not k.startswith("@")} != {"value"} or op.item is None:
            return body
        held = self.model.get(op.item)
        owners = [held, *self.model.ancestors(op.item)] if held else []
        return body if any(p.name == "value" for t in owners for p in t.properties) else body["value"]

    def made(self, found: Found, request: Example) -> None:
        """What a documented create makes, when its body gives the key: the store holds no
        item there while that page is replayed (another page may show the same item), so
        the create finds the place free, as it was for the docs (an entry with no item)."""
        op: Operation = found.value
        if op.kind != "create" or not op.key:
            return
        try:
            body = request.payload()
        except ValueError:
            return
        key = body.get(op.key) if isinstance(body, dict) else None
        collection = self.place(found, None) if isinstance(key, (str, int)) and str(key) else None
        if collection is not None:
            self.data.seed.append((f"{collection}/{str(key).replace('/', '%2F')}", "", None, request.source.path))

    def entity_sets(self, read: bool = False) -> dict[str, str]:
        """The store path of each type's entity set (``/teams``): a top-level collection
        the docs list or create its items in (or, when ``read``, get one of by key:
        ``/drives/{id}``, where no list of all drives is documented)."""
        sets: dict[str, str] = {}
        for op in self.model.operations:
            for path in op.paths:
                if op.kind in ("list", "create") and op.item and re.fullmatch(r"/[A-Za-z_]\w*", path):
                    sets.setdefault(op.item, path.lower())
                elif read and op.kind == "get" and op.item and (found := re.fullmatch(r"(/[A-Za-z_]\w*)/\{[^{}/]*\}", path)):
                    sets.setdefault(op.item, found.group(1).lower())
        return sets

    def shared(self) -> None:
        """Each item the docs read under another item (a user's ``joinedTeams``) is also in
        the entity set of its type (``/teams``), where a client reads it by key: a
        relationship that refers to items, not one that holds them."""
        sets = self.entity_sets()
        for path, type_name, item, page in list(self.data.seed):
            collection, _, last = path.rpartition("/")
            home = sets.get(type_name)
            key = self.model.key_of(type_name)
            # only an item kept by its key: a single-valued relationship holds its item
            if item is not None and home is not None and collection != home and page and key and str(item.get(key)) == last.replace("%2F", "/"):
                self.put(f"{home}/{last}", type_name, item, page)

    def navigation(self, type_name: str, name: str) -> str | None:
        """The type of the collection a type (or a base of it) names ``name``, if any."""
        held = self.model.get(type_name)
        for t in [held, *self.model.ancestors(type_name)] if held else []:
            for nav in t.navigation_properties:
                if nav.name == name and nav.collection:
                    return nav.type
        return None

    def tree(self, type_name: str) -> bool:
        """Whether the type holds a tree of items, as a drive does: its ``items`` hold
        ``children`` of their own kind."""
        found = self.trees.get(type_name)
        if found is None:
            items = self.navigation(type_name, "items")
            found = self.trees[type_name] = items is not None and self.navigation(items, "children") == items
        return found

    def alias(self, path: str, type_name: str, item: dict[str, Any], page: str) -> None:
        """An item that holds a tree (a drive), which the docs read under another item by a
        property's name (``/users/{id}/drive``), is the item of its entity set that has its
        key (``/drives/{id}``): the mock keeps it, and what the docs read under it, there
        alone, so a folder made at one URL is listed at the other. The keys put under the
        alias so far are the target's, so a key the docs leave out is one of them."""
        if self.homes is None:
            self.homes = self.entity_sets(read=True)
        home = self.homes.get(type_name)
        key = self.model.key_of(type_name)
        own = item.get(key) if key else None
        collection, _, last = path.rpartition("/")
        if home is None or collection == home or not isinstance(own, str) or not own or own == last.replace("%2F", "/"):
            return  # no entity set, or an item of a collection, kept by its key: not a property's
        if path in self.data.aliases or not self.tree(type_name):
            return
        target = self.data.aliases[path] = f"{home}/{own.replace('/', '%2F')}"
        for held in [c for c in self.keys if c == path or c.startswith(path + "/")]:
            there = self.keys.setdefault(target + held[len(path) :], [])
            there += [k for k in self.keys.pop(held) if k not in there]
        below = path.lower()
        self.stored |= {target.lower() + p[len(below) :] for p in self.stored if p == below or p.startswith(below + "/")}
        self.put(target, type_name, item, page)

    def kept_at(self, path: str) -> str:
        """Where the mock keeps what ``path`` addresses: past an alias (``alias``)."""
        for alias, target in self.data.aliases.items():
            if path == alias or path.startswith(alias + "/"):
                return target + path[len(alias) :]
        return path

    def made_at(self, path: str, item_type: str | None = None, keyed: bool = True) -> bool:
        """Whether an item is at ``path``: one the docs put there, or a stub made now, holding
        its key (when ``keyed``, the last segment of its path), of the type a documented GET
        of it reads, else ``item_type`` (when that type can be made), else, when neither
        names a type, of none."""
        if path.lower() in self.stored:
            return True
        op = self.reader(path)
        of = op.item if op is not None and op.item else item_type
        made = self.kinds.made(of) if of else []
        last = path.rsplit("/", 1)[-1]
        key = op.key if op is not None and op.key else "id"
        if "(" in last or not last or (of and not made):
            return False
        item: dict[str, Any] = {key: last.replace("%2F", "/")} if keyed else {}
        if made and self.kinds.polymorphic(made[0]):
            item = {"@odata.type": f"#{made[0]}", **item}
        # of no type the docs name (nothing reads it): there only to give a URL below it a real key
        self.put(path, made[0] if made else "", item, "")
        return True

    def reader(self, path: str, kinds: tuple[str, ...] = ("get",)) -> Operation | None:
        """The documented GET of one item at a store path (``/users/<me>/...`` read as
        ``/me/...`` too), or of one of ``kinds``."""
        prefix = f"/users/{self.data.me}/"
        for form in dict.fromkeys([path, "/me/" + path[len(prefix) :] if path.startswith(prefix) else path]):
            try:
                found = self.router.find("GET", form)
            except (NoRoute, NotAllowed):
                continue
            if found.value.kind in kinds:
                op: Operation = found.value
                return op
        return None

    def read(self, found: Found, response: Example) -> None:
        """A documented GET's answer, into the store where a GET of it reads it."""
        op: Operation = found.value
        try:
            body = response.payload()
        except ValueError:
            return
        page = response.source.path
        key = op.key or "id"
        body = self.unwrapped(op, body)
        if op.kind == "get" and isinstance(body, dict) and op.item:
            item = self.fit(body, op.item)
            path = self.place(found, item) if item is not None else None
            if item is not None and path is not None:
                last = path.rsplit("/", 1)[-1].replace("%2F", "/")
                if op.key and found.template.parts[-1][0] in ("param", "keyed") and str(item.get(op.key)) != last:
                    item = {**item, op.key: last}  # the item is the one its URL names: a body saying another is the docs' slip
                self.put(path, _type_of(item, op.item), item, page)
        elif op.kind == "list" and isinstance(body, dict) and isinstance(body.get("value"), list) and op.item:
            entries = [self.fit(entry, op.item) if isinstance(entry, dict) else None for entry in body["value"]]
            collection = self.place(found, None)
            for item in entries:
                if collection is not None and item is not None and isinstance(item.get(key), (str, int)) and str(item[key]):
                    self.put(f"{collection}/{str(item[key]).replace('/', '%2F')}", _type_of(item, op.item), item, page)

    def stub(self, found: Found, request: Example) -> None:
        """The items a documented request works on, each at a real URL: what its URL names
        by key (the item a get reads or an update, replace or delete changes, the one an
        action works on, the ones a collection belongs to, a reference a ``$ref`` removes),
        and the one item an update, replace or delete changes where the URL names it by a
        property (``.../items/{id}/fields``), when the docs put nothing there, is an item
        holding just its key (a stub); a key the docs left as a placeholder is that of an
        item of that collection (the first the docs put there, or a stub made there)."""
        op: Operation = found.value
        parts = found.template.parts
        writes = op.kind in ("update", "replace", "delete")
        for index, (kind, _) in enumerate(parts):
            last = index == len(parts) - 1
            keyed = kind in ("param", "keyed")
            target = last and (writes or op.kind == "get") or op.kind == "remove-ref" and index == len(parts) - 2
            if not (keyed and (not last or target) or last and writes and kind == "literal"):
                continue
            of = op.item if target else None
            path = self.place(found, None, index + 1, of)
            if path is not None:
                self.made_at(path, of, keyed)

    def request(self, op: Operation, request: Example) -> None:
        """A documented request body, kept for the operation when it fits its type."""
        if request.body is None or op.kind not in ("create", "update", "replace", "action"):
            return
        try:
            body = request.payload()
        except ValueError:
            return
        if op.kind == "action":
            fits = isinstance(body, dict) and {p.name for p in op.parameters} >= set(body)
        else:
            fitted = self.fit(body, op.body) if isinstance(body, dict) else None
            fits = isinstance(fitted, dict) and {k: v for k, v in fitted.items() if k != "@odata.type"} == {
                k: v for k, v in body.items() if not k.startswith("@odata.")
            }
        if fits:
            self.data.requests.setdefault(op.id, []).append((request.name or f"example {len(self.data.requests.get(op.id, [])) + 1}", body))

    def run(self) -> MockData:
        pairs = list(exchanges(self.model))
        self.data.me = me = self.me(pairs)
        routed = [(r, s, self.route(r)) for r, s in pairs]  # routing is most of a run: done once
        self.once(routed)  # lists the fits
        results = self.fit_all()
        self.data, self.taken, self.keys, self.stored, self.fitted = MockData(me=me), set(), {}, set(), iter(results)
        data = self.once(routed)
        if next(self.fitted, self) is not self:
            raise AssertionError("the second run asked for fewer fits than the first")
        return data

    def once(self, routed: list[tuple[Example, Example | None, Found | None]]) -> MockData:
        reads = [
            (found, response)
            for request, response, found in routed
            if found is not None
            and request.http_method == "GET"
            and response is not None
            and response.body is not None
            and (response.status or 200) < 300
        ]
        # the items whose URL gives every key but maybe their own first: the others may be put among them
        for found, response in sorted(reads, key=lambda read: sum(unfilled(v) for v in read[0].values.values()) > 1):
            self.read(found, response)
        self.shared()
        for request, _, hit in routed:
            if hit is not None:
                self.stub(hit, request)
                self.request(hit.value, request)
                self.made(hit, request)
        for op in self.model.operations:
            answer = self.answer(op)
            if answer is not None:
                self.data.answers[op.id] = answer
        return self.data


def _type_of(item: dict[str, Any], declared: str) -> str:
    written = item.get("@odata.type")
    return written.lstrip("#") if isinstance(written, str) and written.strip("#") else declared


def mock_data(model: Model, schemas: SchemaSet, workers: int | None = None) -> MockData:
    """The store and the answers the mock starts with (``workers``: the processes fitting
    may use; default one per core)."""
    return _Builder(model, schemas, workers).run()

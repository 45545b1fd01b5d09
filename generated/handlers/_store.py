"""The mock's memory: items by the path that addresses them, and what each kind of operation does to them.

Items are kept by their store path (``/users/42/messages/7``: see ``_routes``),
with their type; a stream's bytes (``$value``) beside them. ``InMemory`` is the
generated handlers' default: list, get, create, update (merge), replace, delete
(with everything under the item), references (``$ref``), streams (``$value``),
``$count``, and actions and functions that answer as the docs show and set the
state-like properties their name says (start, pause ...). One lock guards it.

A tree of items is kept as Graph keeps a drive's: every item in one collection
(``/drives/7/items/{id}``), a folder's ``children`` a view of it by parent, so
``.../items/3/children/9`` is kept at ``.../items/9`` with 3 as its parent. An item the
docs read under another item that is kept elsewhere (a user's ``drive``, which is
``/drives/{its id}``) is kept there alone: the seed names the path it is an alias of.
"""

from __future__ import annotations

import asyncio
import contextvars
import copy
import dataclasses
import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ._routes import compile_template


@dataclasses.dataclass(frozen=True)
class Current:
    """The request being answered, as the store sees it."""

    path: str  # the store path it addresses
    raw: bytes | None  # its body as sent
    # the store path of the item whose collection or property the path names (the nearest
    # one named by a key), which must exist; None when the path names no such item
    owner: str | None = None
    keyed: bool = True  # the path ends with a key (an item of a collection), not a name


# Set by the service, so a handler's call finds the item whichever documented path reached it.
CURRENT: contextvars.ContextVar[Current | None] = contextvars.ContextVar(
    "graphdoc_current", default=None
)


class GraphError(Exception):
    """An error answered in Graph's shape; the code follows from the status."""

    def __init__(self, status: int, message: str, details: Iterable[Any] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = list(details)


@dataclasses.dataclass(frozen=True)
class Effect:
    path: tuple[str, ...]
    value: str


@dataclasses.dataclass(frozen=True)
class Work:
    """What the store needs to know of an operation."""

    id: str
    kind: str
    key: str | None
    item: str | None
    returns: str | None
    collection: bool  # it answers a collection
    lists_all: bool
    effects: tuple[Effect, ...]
    example: Any
    path: str  # the store template: the first documented path's, as _routes fills it


class Store:
    """Items by store path, safe under concurrent requests."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.items: dict[str, dict[str, Any]] = {}  # store path -> JSON object
        self.types: dict[str, str] = {}  # store path -> full type name
        # a collection's store path -> the last segments of the items right under it, in order
        self.kids: dict[str, dict[str, None]] = {}
        # store path -> (bytes, content type)
        self.values: dict[str, tuple[bytes, str]] = {}
        self.gone: set[str] = (
            set()
        )  # store paths a client deleted, until something is put there
        self.pending: Path | None = None  # the docs' examples, loaded on first use
        self.page: str | None = None  # the page whose examples come first
        self.seeds: dict[Path, Seeds] = {}  # each seed file, read once
        # the store path of an item kept at another (/users/42/drive -> /drives/7)
        self.aliases: dict[str, str] = {}
        self.depths: tuple[int, ...] = ()  # the aliases' numbers of segments
        # an item of a tree's flat collection -> its parent's key, as the path it was
        # put at said (its parentReference, when it has one, says it first)
        self.parents: dict[str, str] = {}

    def alias(self, aliases: Mapping[str, str]) -> None:
        """Keep each of ``aliases``' paths at the path it names."""
        self.aliases = dict(aliases)
        self.depths = tuple(sorted({p.count("/") for p in self.aliases}, reverse=True))

    def reset(self, seed: Path | None, page: str | None = None) -> None:
        """Everything forgotten; ``seed``, the docs' examples, loaded again on first use,
        ``page``'s first where pages put different items at one path."""
        self.items.clear()
        self.types.clear()
        self.kids.clear()
        self.values.clear()
        self.gone.clear()
        self.parents.clear()
        self.alias({})
        self.pending = seed
        self.page = page

    def ready(self) -> None:
        """Load the docs' examples (``seed.json``) if they are still pending: read and
        placed once; a reset starts from a copy of that store. A stored item is never
        changed in place (every write puts a new one), so the copies share the items."""
        if self.pending is not None:
            where, self.pending = self.pending, None
            seeds = self.seeds.get(where)
            if seeds is None:
                entries = [tuple(e) for e in json.loads(where.read_text("utf-8"))]
                seeds = self.seeds[where] = Seeds.of(entries)
            self.alias(seeds.aliases)
            self.items.update(seeds.items)
            self.types.update(seeds.types)
            self.kids.update({k: dict(v) for k, v in seeds.kids.items()})
            self.parents.update(seeds.parents)
            for path, type_name, payload in seeds.by_page.get(self.page or "", ()):
                self._keep(path, type_name, payload)
            for path in seeds.made_by.get(self.page or "", ()):
                if path in self.items and path not in seeds.kept_by.get(
                    self.page or "", ()
                ):
                    self.delete(path)

    def at(self, path: str) -> str:
        """Where the store keeps what ``path`` addresses: past an alias, and an item of
        a tree's ``children`` in the tree's flat collection. (Store paths are written one
        way already: literals in lower case, ``_routes``.)"""
        return self._placed(path)[0]

    def _placed(self, path: str) -> tuple[str, str | None]:
        """``at(path)``, and the key (as written) of the parent a tree's item there has,
        when ``path`` reaches it through its parent's ``children``."""
        if self.aliases:
            path = self._unaliased(path)
        return _flat(path) if "/children/" in path else (path, None)

    def _unaliased(self, path: str) -> str:
        """``path`` past the deepest alias it starts with."""
        parts = path.split("/", self.depths[0] + 1)
        for depth in self.depths:
            if len(parts) > depth:
                head = "/".join(parts[: depth + 1])
                found = self.aliases.get(head)
                if found is not None:
                    return found + path[len(head) :]
        return path

    def parent(self, path: str) -> str | None:
        """The key of the parent of the tree's item kept at ``path``, if it has one."""
        reference = self.items[path].get("parentReference")
        if isinstance(reference, dict) and isinstance(reference.get("id"), str):
            return str(reference["id"]) or None
        return self.parents.get(path)

    def root(self, collection: str) -> str | None:
        """The last segment of a collection's root item: the one with a ``root`` facet,
        else (of a tree's items) the first with no parent, else the first; None when it
        is empty."""
        kids = self.kids.get(collection)
        if not kids:
            return None
        orphan: str | None = None
        tree = collection.endswith("/items")
        for last in kids:
            item = self.items[f"{collection}/{last}"]
            if isinstance(item.get("root"), dict):
                return last
            if tree and orphan is None and self.parent(f"{collection}/{last}") is None:
                orphan = last
        return orphan if orphan is not None else next(iter(kids))

    def _under(self, collection: str) -> tuple[str, list[str]]:
        """Where the items right under ``collection`` (a store path) are kept, and their
        last segments: a tree's ``children`` are the items of its flat collection whose
        parent is the item, and the root's are also those whose parent the store doesn't
        know."""
        view = _VIEW.match(collection)
        if view is None:
            return collection, list(self.kids.get(collection, ()))
        flat, key = view.group(1), view.group(2).replace("%2F", "/")
        rooted = self.root(flat) == view.group(2)
        found = []
        for last in self.kids.get(flat, ()):
            parent = self.parent(f"{flat}/{last}")
            if parent == key or (rooted and parent is None and last != view.group(2)):
                found.append(last)
        return flat, found

    def get(self, path: str) -> dict[str, Any]:
        found = self.items.get(self.at(path))
        if found is None:
            raise GraphError(404, f"nothing at {path}")
        copied: dict[str, Any] = _copied(found)
        return copied

    def has(self, path: str) -> bool:
        return self.at(path) in self.items

    def _keep(self, path: str, type_name: str, payload: dict[str, Any]) -> None:
        where, parent = self._placed(path)
        if parent is not None:
            self.parents[where] = parent.replace("%2F", "/")
        self.gone.discard(where)
        self.items[where] = payload
        self.types[where] = type_name
        collection, _, last = where.rpartition("/")
        self.kids.setdefault(collection, {})[last] = None

    def put(self, path: str, type_name: str, payload: dict[str, Any]) -> None:
        self._keep(path, type_name, _copied(payload))

    def delete(self, path: str) -> None:
        where = self.at(path)
        if where not in self.items and where not in self.values:
            raise GraphError(404, f"nothing at {path}")
        doomed, seen = [where], {where}  # a tree's item goes with the items below it
        for above in doomed:  # (the list grows as they are found)
            for below in self._descendants(above):
                if below not in seen:
                    seen.add(below)
                    doomed.append(below)
        for one in doomed:
            self._drop(one)

    def _drop(self, where: str) -> None:
        """The item at ``where`` and everything under its path, forgotten."""
        self.parents.pop(where, None)
        for key in [k for k in self.items if k == where or k.startswith(where + "/")]:
            del self.items[key]
            self.types.pop(key, None)
            collection, _, last = key.rpartition("/")
            self.kids.get(collection, {}).pop(last, None)
        for key in [k for k in self.values if k == where or k.startswith(where + "/")]:
            del self.values[key]

    def _descendants(self, where: str) -> list[str]:
        """The items of a tree's flat collection whose parent is the item at ``where``."""
        collection, _, last = where.rpartition("/")
        if not collection.endswith("/items") or where not in self.items:
            return []
        key = last.replace("%2F", "/")
        return [
            f"{collection}/{k}"
            for k in self.kids.get(collection, ())
            if k != last and self.parent(f"{collection}/{k}") == key
        ]

    def deleted_above(self, path: str) -> str | None:
        """The deleted item ``path`` lies under (its children and what is bound to it went
        with it), or None."""
        if not self.gone:
            return None
        where = self.at(path)
        end = where.find("/", 1)
        while end != -1:
            if where[:end] in self.gone:
                return where[:end]
            end = where.find("/", end + 1)
        return None

    def children(
        self,
        collection: str,
        fits: Callable[[str | None, str | None], bool] | None = None,
        wanted: str | None = None,
    ) -> list[dict[str, Any]]:
        """The items right under ``collection``; with ``fits``, those that are ``wanted``."""
        held, lasts = self._under(self.at(collection))
        paths = [f"{held}/{last}" for last in lasts]
        return [
            _copied(self.items[k])
            for k in paths
            if fits is None or fits(self.types.get(k), wanted)
        ]

    def listed(self, collection: str) -> list[tuple[str, str]]:
        """(key, type) of each item right under ``collection``."""
        held, lasts = self._under(self.at(collection))
        return [
            (last.replace("%2F", "/"), self.types.get(f"{held}/{last}", ""))
            for last in lasts
        ]

    def key(self, collection: str, name: str, value: str) -> str:
        """The key of the item that ``value`` names in ``collection``, as Graph reads a
        URL: the item's own key (in any case), else another of its values that names it
        alone (``/users/{userPrincipalName}``), else for ``root`` the collection's root item
        (``/sites/root``, ``/drives/7/items/root``: ``Store.root``); else ``value``.
        """
        self.ready()
        collection = self.at(collection)
        kids = self.kids.get(collection)
        wanted = _one(value)
        if not kids or wanted in kids:
            return value
        lowered = value.lower()
        found = [k for k in kids if k.lower() == wanted.lower()]
        named, _, given = value.partition("=")
        if not found and given and named.isidentifier():  # roleTemplateId=88d8...
            found = [
                k
                for k in kids
                if str(self.items[f"{collection}/{k}"].get(named, "")).lower()
                == given.lower()
            ]
        if not found:
            found = [
                k
                for k in kids
                if any(
                    isinstance(v, str) and v.lower() == lowered
                    for v in self.items[f"{collection}/{k}"].values()
                )
            ]
        if not found and lowered == "root":
            found = [self.root(collection) or value]
        return found[0].replace("%2F", "/") if found else value

    def resolve(self, path: str) -> str:
        """``path``, or where a ``root`` the docs write as a word (``/sites/root``) is when
        nothing is stored under that word: the collection's root item."""
        where = self.at(path)
        collection, _, last = where.rpartition("/")
        if last.lower() != "root" or where in self.items or where in self.kids:
            return where
        key = self.key(collection, "", "root")
        return f"{collection}/{_one(key)}" if key != "root" else where

    def of_type(self, type_name: str) -> list[dict[str, Any]]:
        return [
            copy.deepcopy(self.items[k])
            for k, t in self.types.items()
            if t == type_name
        ]


# a tree's item under its parent's children: .../items/{parent}/children/{item}
_CHILD = re.compile(r"/items/([^/]+)/children/([^/]+)")
_VIEW = re.compile(r"^(.*/items)/([^/]+)/children$")  # a tree item's children


def _flat(path: str) -> tuple[str, str | None]:
    """``path`` with each tree item written as an item of its tree's flat collection, and
    the key (as written) of the parent of the item it ends at, when it names one."""
    parent = None
    found = _CHILD.search(path)
    while found is not None:
        parent = found.group(1) if found.end() == len(path) else None
        path = f"{path[: found.start()]}/items/{found.group(2)}{path[found.end():]}"
        found = _CHILD.search(path, found.start())
    return path, parent


@dataclasses.dataclass
class Seeds:
    """The docs' examples as a store starts from them: at each path the first item of a
    page, else the first stub (an item the docs only address, of no page); and each page's
    own first items, which take their paths when a reset asks for that page's."""

    items: dict[str, dict[str, Any]]
    types: dict[str, str]
    kids: dict[str, dict[str, None]]
    by_page: dict[str, list[tuple[str, str, dict[str, Any]]]]
    made_by: dict[str, list[str]]  # what each page's own creates make: not there for it
    kept_by: dict[str, set[str]]  # what each page shows itself
    aliases: dict[str, str] = dataclasses.field(default_factory=dict)
    parents: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[tuple[Any, ...]]) -> Seeds:
        """From ``(path, type, item, page)`` entries (the caller's objects, kept as they are;
        no item: the page's create makes one there) and ``(path, path)`` ones, an alias and
        the path it stands for."""
        store = Store()
        listed = list(entries)
        store.alias({e[0]: e[1] for e in listed if len(e) == 2})
        ranks: dict[str, int] = {}  # a page's (1), a stub of no page (2)
        by_page: dict[str, dict[str, tuple[str, str, dict[str, Any]]]] = {}
        made_by: dict[str, list[str]] = {}
        for entry in listed:
            if len(entry) == 2:
                continue
            path, type_name, payload, source = entry
            where = store.at(path)  # where the store keeps it: one rank for one place
            if payload is None:
                made_by.setdefault(source, []).append(where)
                continue
            rank = 1 if source else 2
            if rank < ranks.get(where, 3):
                ranks[where] = rank
                store._keep(path, type_name, payload)
            if source:
                by_page.setdefault(source, {}).setdefault(
                    where, (path, type_name, payload)
                )
        pages = {page: list(found.values()) for page, found in by_page.items()}
        kept = {page: set(found) for page, found in by_page.items()}
        return cls(
            store.items,
            store.types,
            store.kids,
            pages,
            made_by,
            kept,
            store.aliases,
            store.parents,
        )


# kinds that work in a collection or on a property of an item, which must exist: a list of
# an existing item's messages is empty, not missing
_UNDER_AN_ITEM = ("list", "create", "count", "get-ref", "add-ref")


def to_json(value: Any) -> Any:
    """A handler's value (model, enum, list of them, or plain JSON) as JSON."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, frozenset):
        return ",".join(sorted(to_json(item) for item in value))
    return getattr(value, "value", value) if hasattr(value, "_value_") else value


def _type_of(payload: Mapping[str, Any], declared: str | None) -> str:
    """The type a payload names in ``@odata.type``, else the one declared for it."""
    written = payload.get("@odata.type")
    if isinstance(written, str) and written.strip("#"):
        return written.lstrip("#")
    return declared or ""


def _one(value: Any) -> str:
    return str(value).replace("/", "%2F")


_ATOMIC = frozenset((str, int, float, bool, type(None)))


def _copied(value: Any) -> Any:
    """``copy.deepcopy(value)`` of a JSON value, several times faster: what a stored
    item holds (dicts, lists and atoms) copied here, anything else by deepcopy."""
    kind = type(value)
    if kind is dict:
        return {k: v if type(v) in _ATOMIC else _copied(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _ATOMIC else _copied(v) for v in value]
    return value if kind in _ATOMIC else copy.deepcopy(value)


class InMemory:
    """The default behaviour of every operation, on a shared store."""

    def __init__(
        self,
        operations: Mapping[str, Work],
        store: Store | None = None,
        bases: Mapping[str, str] | None = None,
    ) -> None:
        self.store = store or Store()
        self.operations = operations
        self.bases = bases or {}

    def fits(self, stored: str | None, wanted: str | None) -> bool:
        """Whether an item stored as type ``stored`` is a ``wanted`` (or derives from it);
        an item or an operation of no known type fits anything."""
        if not stored or not wanted:
            return True
        seen: set[str] = set()
        current: str | None = stored
        while current and current not in seen:
            if current == wanted:
                return True
            seen.add(current)
            current = self.bases.get(current)
        return False

    async def call(
        self, key: str, arguments: Mapping[str, Any], body: Any = None
    ) -> Any:
        """Run operation ``key`` on the item its path addresses."""
        operation = self.operations[key]
        current = CURRENT.get()
        if current is None:
            # called directly, not through the service: the first documented path, filled in
            template = compile_template(operation.path)
            values = dict(zip(template.params, map(str, arguments.values())))
            current = Current(template.fill(values), None)
        async with self.store.lock:
            self.store.ready()
            owner = current.owner
            if owner and operation.kind in _UNDER_AN_ITEM and not self.store.has(owner):
                raise GraphError(404, f"nothing at {owner}")
            deleted = self.store.deleted_above(current.path)
            if deleted is not None:
                raise GraphError(404, f"nothing at {deleted}: it was deleted")
            result = self._run(operation, current.path, to_json(body), current.raw)
        documented = operation.kind in ("action", "function")
        if (
            documented
            and isinstance(result, dict)
            and (operation.collection or (operation.returns or "").startswith("Edm."))
        ):
            return result.get("value")  # a documented answer: {"value": ...}
        return result

    def _run(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        run = getattr(self, "_" + operation.kind.replace("-", "_"), None)
        if run is None:
            return self._action(operation, path, body)
        return run(operation, path, body, raw)

    def _list(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        items = self.store.children(path, self.fits, operation.item)
        if not items and operation.lists_all and operation.returns:
            items = self.store.of_type(operation.returns)
        return items

    def _get(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        stored = self.store.types.get(self.store.at(path))
        if not self.fits(stored, operation.item):
            raise GraphError(
                404, f"the item at {path} is a {stored}, not a {operation.item}"
            )
        return self.store.get(path)

    def _create(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        payload = dict(body or {})
        key = operation.key or "id"
        payload.setdefault(key, str(uuid.uuid4()))
        target = f"{path}/{_one(payload[key])}"
        if self.store.has(target):
            raise GraphError(409, f"{key} {payload[key]!r} exists already")
        view = _VIEW.match(self.store.at(path))
        if view is not None:  # made in a folder: an item of the tree, under the folder
            flat, parent = view.group(1), view.group(2).replace("%2F", "/")
            given = payload.get("parentReference")
            reference = dict(given) if isinstance(given, dict) else {}
            reference["id"] = parent
            head, _, drive = flat[: -len("/items")].rpartition("/")
            if head == "/drives":
                reference["driveId"] = drive.replace("%2F", "/")
            payload["parentReference"] = reference
        self.store.put(
            target, _type_of(payload, operation.item or operation.returns), payload
        )
        return payload

    def _replace(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        payload = dict(body or {})
        if operation.key and operation.key not in payload:
            previous = self.store.items.get(self.store.at(path), {})
            payload[operation.key] = previous.get(
                operation.key, path.rsplit("/", 1)[-1] or str(uuid.uuid4())
            )
        self.store.put(
            path, _type_of(payload, operation.item or operation.returns), payload
        )
        return payload

    def _update(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        current = self.store.get(path)
        current.update(body or {})
        self.store.put(
            path,
            self.store.types.get(self.store.at(path), operation.item or ""),
            current,
        )
        return current

    def _delete(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        if not self.store.has(path) and path not in self.store.values:
            current = CURRENT.get()
            owner = current.owner if current is not None else None
            named = current is not None and current.keyed
            if owner and not named and self.store.has(owner):
                self.store.gone.add(self.store.at(path))
                return None  # what an existing item holds by a property's name, gone already
        self.store.delete(path)
        self.store.gone.add(self.store.at(path))
        return None

    def _add_ref(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        collection = path.rsplit("/", 1)[0]
        url = body.get("@odata.id") if isinstance(body, dict) else None
        if not isinstance(url, str) or not url.strip("/"):
            raise GraphError(
                400, 'a reference is added with {"@odata.id": "<the URL of the item>"}'
            )
        ref_id = url.rstrip("/").rsplit("/", 1)[-1]
        ref_id = ref_id.split("('", 1)[-1].rstrip("')") if "('" in ref_id else ref_id
        self.store.put(
            f"{collection}/{_one(ref_id)}",
            operation.item or "",
            {operation.key or "id": ref_id, "@odata.id": url},
        )
        return None

    def _set_ref(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        target = path.rsplit("/", 1)[0]
        url = body.get("@odata.id") if isinstance(body, dict) else None
        if not isinstance(url, str):
            raise GraphError(
                400, 'a reference is set with {"@odata.id": "<the URL of the item>"}'
            )
        self.store.put(
            target,
            operation.item or "",
            {
                operation.key or "id": url.rstrip("/").rsplit("/", 1)[-1],
                "@odata.id": url,
            },
        )
        return None

    def _remove_ref(
        self, operation: Work, path: str, body: Any, raw: bytes | None
    ) -> Any:
        self.store.delete(path.rsplit("/", 1)[0])
        return None

    def _get_ref(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        target = path.rsplit("/", 1)[0]
        found = self.store.children(target) or (
            [self.store.get(target)] if self.store.has(target) else []
        )
        return [
            {
                "@odata.id": item.get("@odata.id")
                or f"{target}/{item.get(operation.key or 'id')}"
            }
            for item in found
        ]

    def _get_value(
        self, operation: Work, path: str, body: Any, raw: bytes | None
    ) -> Any:
        target = path.rsplit("/", 1)[0] if path.endswith("/$value") else path
        found = self.store.values.get(self.store.at(target))
        if found is None:
            if operation.example is not None:
                return copy.deepcopy(operation.example)
            # an item's stream (its $value, or a property such as content) nothing has put yet
            item = target if path.endswith("/$value") else target.rsplit("/", 1)[0]
            if self.store.has(item):
                return b"", "application/octet-stream"
            raise GraphError(404, f"no content at {target}")
        return found

    def _put_value(
        self, operation: Work, path: str, body: Any, raw: bytes | None
    ) -> Any:
        target = path.rsplit("/", 1)[0] if path.endswith("/$value") else path
        self.store.values[self.store.at(target)] = (
            raw or b"",
            "application/octet-stream",
        )
        return None

    def _count(self, operation: Work, path: str, body: Any, raw: bytes | None) -> Any:
        return len(self.store.children(path.rsplit("/", 1)[0]))

    def _action(
        self, operation: Work, path: str, body: Any, raw: bytes | None = None
    ) -> Any:
        """Actions and functions work on the item their path continues from."""
        parent = path.rsplit("/", 1)[0]
        if operation.effects:
            current = self.store.get(parent)
            for effect in operation.effects:
                node = current
                for name in effect.path[:-1]:
                    if not isinstance(node.get(name), dict):
                        node[name] = {}
                    node = node[name]
                node[effect.path[-1]] = effect.value
            self.store.put(
                parent, self.store.types.get(self.store.at(parent), ""), current
            )
        return copy.deepcopy(operation.example)


def example_of(text: str | None) -> Any:
    return json.loads(text) if text else None

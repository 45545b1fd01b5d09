"""The operations of two models compared, by what clients call: an HTTP method at a path.

An operation's endpoints are its HTTP method with each of its paths, written as a
pattern (``GET /users/{}``: literal segments in lower case, every key a ``{}``, a key
in parentheses a segment of its own, a function call its name alone: its parameters
are compared as parameters). An old operation is the new operation of the same
owner type (renames followed), HTTP method and first path; else the new one that
serves most of the same endpoints, one of the same owner first; else the one of the
same HTTP method on the same API page (its paths all changed). So which type the
model lets own an operation moves nothing while the endpoints stay.

What the client sees decides what is said: an endpoint no operation of the new model
serves is gone (the whole operation, or one of its paths); one no operation of the old
model served is new; an endpoint served in both by operations that are not paired
(documented on another page now) is no change. An operation whose HTTP method and path
graphdoc assumed (``MISSING_API_PAGE``, ``NO_HTTP_REQUEST``) is no documented endpoint
and is left out. For paired operations: body parameters (added, removed, retyped,
required), a function's parameters, the request body's type where the page states one,
the response (its type, a collection or not, where both pages type it), the success status, the
request headers (``Authorization`` and ``Content-Type`` left out: Graph wants them on
every request, and every request with a body), and the permissions of each kind of
caller (compared where both pages list the kind).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from ..model.ir import Header, Model, Operation, Parameter, Permission
from ..model.paths import segment
from ..model.primitives import UNTYPED
from .changes import Change, Side

Endpoint = tuple[str, str]  # HTTP method, path pattern

# Headers every Graph request carries (and every one with a body): a page that starts or
# stops listing them changes nothing a client sends.
_EVERY_REQUEST = frozenset({"authorization", "content-type"})
_PLACEHOLDER = re.compile(r"'?\{[^{}]*\}'?")
_ASSUMED = frozenset({"MISSING_API_PAGE", "NO_HTTP_REQUEST"})


@cache
def _pattern(path: str) -> str:
    parts: list[str] = []
    for text in path.strip("/").split("/"):
        if not text:
            continue
        found = segment(text)
        if found.kind == "key":
            keyed = found.arguments[0][1] if found.arguments else ""
            parts.extend([keyed.lower(), "{}"] if keyed else ["{}"])
        elif found.kind == "call":
            parts.append(found.name.lower())  # a function is its name, called with parameters or not
        else:
            parts.append(_PLACEHOLDER.sub("{}", text).lower())
    return "/" + "/".join(parts)


def endpoints(operation: Operation) -> list[Endpoint]:
    return list(dict.fromkeys((operation.http_method, _pattern(p)) for p in operation.paths))


def _called(operation: Operation) -> str:
    return f"{operation.http_method} {operation.paths[0]}" if operation.paths else operation.http_method


class _Operations:
    def __init__(self, old: Model, new: Model, renamed: dict[str, str]) -> None:
        self.old = old
        self.new = new
        self.renamed = renamed
        self.before = _documented(old)
        self.now = _documented(new)
        self.served_before = {e for o in self.before for e in endpoints(o)}
        self.served_now = {e for o in self.now for e in endpoints(o)}
        self.stated = (_stated_bodies(old), _stated_bodies(new))

    def mapped(self, name: str | None) -> str | None:
        return None if name is None else self.renamed.get(name, name)

    def derives(self, name: str, base: str) -> bool:
        return any(t.full_name == base for t in self.new.ancestors(name))

    def pairs(self) -> tuple[list[tuple[Operation, Operation]], list[Operation], list[Operation]]:
        """The old and new operations paired, and those of each side left over."""
        waiting: dict[tuple[str, str, str], list[Operation]] = {}
        for n in self.now:
            if n.paths:
                waiting.setdefault((n.owner, n.http_method, _pattern(n.paths[0])), []).append(n)
        paired: list[tuple[Operation, Operation]] = []
        left: list[Operation] = []
        for o in self.before:
            found = waiting.get((self.mapped(o.owner) or o.owner, o.http_method, _pattern(o.paths[0]))) if o.paths else None
            if found:
                paired.append((o, found.pop(0)))
            else:
                left.append(o)
        remaining = [n for group in waiting.values() for n in group]
        by_endpoint: dict[Endpoint, list[int]] = {}
        for index, n in enumerate(remaining):
            for e in endpoints(n):
                by_endpoint.setdefault(e, []).append(index)
        taken: set[int] = set()
        still_unpaired: list[Operation] = []
        for o in left:
            shared: dict[int, int] = {}
            for e in endpoints(o):
                for index in by_endpoint.get(e, ()):
                    if index not in taken:
                        shared[index] = shared.get(index, 0) + 1
            if not shared:
                still_unpaired.append(o)
                continue
            owner = self.mapped(o.owner)
            best = max(shared, key=lambda i: (remaining[i].owner == owner, shared[i], -i))
            taken.add(best)
            paired.append((o, remaining[best]))
        # what is left: an operation whose paths all changed is still the one its page documents
        on_page: dict[tuple[str, str], list[Operation]] = {}
        for index, n in enumerate(remaining):
            if index not in taken and n.source is not None:
                on_page.setdefault((n.source.path, n.http_method), []).append(n)
        unpaired_old: list[Operation] = []
        for o in still_unpaired:
            found = on_page.get((o.source.path, o.http_method)) if o.source is not None else None
            if found:
                paired.append((o, found.pop(0)))
            else:
                unpaired_old.append(o)
        unpaired_new = [n for group in on_page.values() for n in group]
        unpaired_new += [n for index, n in enumerate(remaining) if index not in taken and n.source is None]
        return paired, unpaired_old, unpaired_new

    def changes(self) -> Iterator[Change]:
        paired, gone, came = self.pairs()
        for o in gone:
            lost = [e for e in endpoints(o) if e not in self.served_now]
            if len(lost) == len(endpoints(o)):
                yield _at(o, "old", "operation-removed", f"{_called(o)} is no longer documented", old=_called(o))
            else:
                yield from self.paths_removed(o, lost)
        for n in came:
            fresh = [e for e in endpoints(n) if e not in self.served_before]
            if len(fresh) == len(endpoints(n)):
                yield _at(n, "new", "operation-added", f"{_called(n)} is documented ({n.kind})", new=_called(n))
            else:
                yield from self.paths_added(n, fresh)
        for o, n in paired:
            yield from self.paths_removed(o, [e for e in endpoints(o) if e not in self.served_now], n)
            yield from self.paths_added(n, [e for e in endpoints(n) if e not in self.served_before and e not in endpoints(o)])
            yield from self.operation(o, n)

    def paths_removed(self, o: Operation, lost: Iterable[Endpoint], n: Operation | None = None) -> Iterator[Change]:
        written = {(o.http_method, _pattern(p)): p for p in reversed(o.paths)}
        for e in lost:
            said = f"{o.http_method} {written[e]} is no longer documented"
            yield _at(o, "old", "path-removed", said, old=written[e], named=n)

    def paths_added(self, n: Operation, fresh: Iterable[Endpoint]) -> Iterator[Change]:
        written = {(n.http_method, _pattern(p)): p for p in reversed(n.paths)}
        for e in fresh:
            yield _at(n, "new", "path-added", f"{n.http_method} {written[e]} is documented too", new=written[e])

    def operation(self, o: Operation, n: Operation) -> Iterator[Change]:
        yield from self.parameters(o, n)
        was, body = _body(o, self.stated[0]), _body(n, self.stated[1])
        if was is not None and body is not None and self.mapped(was) != body:
            yield _at(n, "new", "request-body-changed", f"{_called(n)} takes {body}, took {was}", old=was, new=body)
        yield from self.response(o, n)
        if o.status != n.status:
            yield _at(n, "new", "status-changed", f"{_called(n)} answers {n.status}, answered {o.status}", old=str(o.status), new=str(n.status))
        yield from self.headers(o, n)
        yield from self.permissions(o, n)

    def response(self, o: Operation, n: Operation) -> Iterator[Change]:
        if o.returns is None or n.returns is None or UNTYPED in (o.returns, n.returns):
            # nothing was typed that a client could rely on, or the new page no longer says
            # what it answers (an answer with no body shows as a changed status)
            return
        old_returns = self.mapped(o.returns)
        if old_returns == n.returns and o.returns_collection == n.returns_collection:
            return
        said = f"{_called(n)} answers {_shown(n.returns, n.returns_collection)}, answered {_shown(o.returns, o.returns_collection)}"
        narrowed = n.returns is not None and old_returns is not None and o.returns_collection == n.returns_collection and self.derives(n.returns, old_returns)
        kind = "response-narrowed" if narrowed else "response-changed"
        yield _at(n, "new", kind, said, old=_shown(o.returns, o.returns_collection), new=_shown(n.returns, n.returns_collection))

    def parameters(self, o: Operation, n: Operation) -> Iterator[Change]:
        before = {p.name: p for p in o.parameters}
        after = {p.name: p for p in n.parameters}
        called = _called(n)
        for name, p in before.items():
            q = after.get(name)
            if q is None:
                yield _parameter(o, "old", p, "parameter-removed", f"{called} has no parameter {name}", old=_typed(p), named=n)
                continue
            if p.type != UNTYPED and (self.mapped(p.type) != q.type or p.collection != q.collection):
                yield _parameter(n, "new", q, "parameter-type-changed", f"{called} parameter {name} is {_typed(q)}, was {_typed(p)}", old=_typed(p), new=_typed(q))
            if q.required and not p.required:
                yield _parameter(n, "new", q, "parameter-became-required", f"{called} parameter {name} is required", old="false", new="true")
        for name, q in after.items():
            if name not in before:
                kind = "required-parameter-added" if q.required else "parameter-added"
                yield _parameter(n, "new", q, kind, f"{called} has a{' required' if q.required else 'n optional'} parameter {name} ({_typed(q)})", new=_typed(q))
        old_names, new_names = set(o.function_parameters), set(n.function_parameters)
        for name in n.function_parameters:
            if name not in old_names:
                yield _at(n, "new", "required-parameter-added", f"{called} has a parameter {name}", new=name, parameter=name)
        for name in o.function_parameters:
            if name not in new_names:
                yield _at(o, "old", "parameter-removed", f"{called} has no parameter {name}", old=name, parameter=name, named=n)

    def headers(self, o: Operation, n: Operation) -> Iterator[Change]:
        before = {h.name.lower(): h for h in o.headers if h.name.lower() not in _EVERY_REQUEST}
        after = {h.name.lower(): h for h in n.headers if h.name.lower() not in _EVERY_REQUEST}
        called = _called(n)
        for key, h in after.items():
            was = before.get(key)
            if h.required and (was is None or not was.required):
                yield _header(n, "new", h, "required-header-added", f"{called} requires the header {h.name}", old=_header_said(was), new="required")
            elif was is None:
                yield _header(n, "new", h, "header-added", f"{called} takes the header {h.name}", new="optional")
        for key, h in before.items():
            now = after.get(key)
            if now is None or (h.required and not now.required):
                said = "no longer lists" if now is None else "no longer requires"
                yield _header(o if now is None else n, "old" if now is None else "new", h if now is None else now, "header-removed", f"{called} {said} the header {h.name}", old=_header_said(h), new=_header_said(now), named=n)

    def permissions(self, o: Operation, n: Operation) -> Iterator[Change]:
        before, after = _allowed(o.permissions), _allowed(n.permissions)
        called = _called(n)
        for kind in after.keys() & before.keys():
            (old_names, old_line), (new_names, new_line) = before[kind], after[kind]
            for name in new_names:
                if name not in old_names:
                    yield _at(n, "new", "permission-added", f"{called}: {name} allows it ({kind})", new=f"{kind}: {name}", line=new_line)
            for name in old_names:
                if name not in new_names:
                    left = ", ".join(new_names) or "not supported"
                    said = f"{called}: {name} no longer allows it ({kind}; now {left})"
                    yield _at(o, "old", "permission-removed", said, old=f"{kind}: {name}", line=old_line, named=n)


def compare_operations(old: Model, new: Model, renamed: dict[str, str]) -> Iterator[Change]:
    return _Operations(old, new, renamed).changes()


def _documented(model: Model) -> list[Operation]:
    """The operations whose HTTP method and path a page says: not those graphdoc assumed
    for a Methods row without an API page, or whose page has no HTTP request."""
    assumed = {(d.type, d.property) for d in model.diagnostics if d.code in _ASSUMED}
    return [o for o in model.operations if (o.owner, o.name) not in assumed]


def _stated_bodies(model: Model) -> dict[tuple[str, str], str | None]:
    """The request body type each API page states, by page and HTTP method (None where it
    states none, and graphdoc takes the item the operation works on)."""
    return {(m.source.path, m.http_method): m.request_body_type for t in model.types for m in t.methods if m.source is not None}


def _body(op: Operation, stated: dict[tuple[str, str], str | None]) -> str | None:
    """The operation's request body, where its page states it."""
    key = (op.source.path, op.http_method) if op.source is not None else None
    if key in stated and stated[key] is None:
        return None  # the page names no body type: graphdoc took the item's
    return op.body


def _allowed(permissions: tuple[Permission, ...]) -> dict[str, tuple[list[str], int]]:
    """Per kind of caller, every permission that allows the call (the rows of that kind
    together) and the line of its first row."""
    found: dict[str, tuple[list[str], int]] = {}
    for p in permissions:
        names, _ = found.setdefault(p.kind, ([], p.line))
        names.extend(name for name in p.names if name not in names)
    return found


def _shown(name: str | None, collection: bool) -> str:
    if name is None:
        return "nothing"
    return f"Collection({name})" if collection else name


def _typed(p: Parameter) -> str:
    return _shown(p.type, p.collection)


def _header_said(h: Header | None) -> str | None:
    return None if h is None else "required" if h.required else "optional"


def _at(
    op: Operation,
    side: Side,
    kind: str,
    message: str,
    old: str | None = None,
    new: str | None = None,
    line: int | None = None,
    parameter: str | None = None,
    named: Operation | None = None,
) -> Change:
    """A change to an operation, on its API page (old or new); ``named``: the new operation,
    whose owner and first path name the change where ``op`` is the old one."""
    path = op.source.path if op.source else ""
    found = line if line is not None else op.source.line if op.source else 0
    about = named or op
    return Change(kind, about.owner, message, path, found, side, operation=_called(about), parameter=parameter, old=old, new=new)


def _parameter(op: Operation, side: Side, p: Parameter, kind: str, message: str, old: str | None = None, new: str | None = None, named: Operation | None = None) -> Change:
    return _at(op, side, kind, message, old=old, new=new, line=p.line or None, parameter=p.name, named=named)


def _header(op: Operation, side: Side, h: Header, kind: str, message: str, old: str | None = None, new: str | None = None, named: Operation | None = None) -> Change:
    return _at(op, side, kind, message, old=old, new=new, line=h.line or None, named=named)

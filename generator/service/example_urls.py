"""Whether a request example's URL is one of the requests its page documents.

The pages write a request's path in the forms the Graph docs use, and an example may
write the same request another of those ways; each counts as the request documented:

- placeholders, whatever their name (``{id}``, ``{id | name}``, ``'{id}'`` with or
  without its quotes), stand for any one segment, and an example may keep them
  (``/worksheets/{id|name}``, or ``<row>``);
- a key as a segment or in parentheses: ``/users/{id}``, ``/users('42')``, ``/users(42)``;
  a drive's item by id (``/items/{id}``) may be its root (``/root``) or an item by path
  (``/root:/a/b.txt:``);
- a function with or without its parentheses (``/getPolicySummary``,
  ``/getPolicySummary()``), called with arguments, quoted or not, when the page
  lists none or the same names (``getPolicySummary(policyId='x')``,
  ``period='{period_value}'``, ``period=period-value``);
- an item addressed by path: ``root:/{item-path}:/content`` takes
  ``root:/FolderA/FileB.txt:/content``;
- casts to a derived type (``/microsoft.graph.user``) narrow the type, not the place,
  and the docs' ``~/`` service root is the root;
- a path written from ``/workbook`` is the workbook of any drive item
  (``/me/drive/items/{id}/workbook/...``);
- the raw value (``/$value``) or the count (``/$count``) of what a request addresses.

Anything else, a method the page doesn't document, or a path that is no URL path at
all, is the page's error (``EXAMPLE_URL``): ``/me/...`` where the page documents only
``/users/{id}/...`` too, since ``/me`` is a request of its own the page doesn't list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..runtime.handlers._routes import split_outside

# A placeholder: {name}, {id | name}; an example may also write <name>.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|<[A-Za-z_][\w-]*>")
_DOC_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_NAME = re.compile(r"[A-Za-z_]\w*\Z", re.ASCII)
_CALL = re.compile(r"([A-Za-z_][\w.]*)\((.*)\)\Z", re.DOTALL)
_CAST = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}\Z", re.ASCII)
# What no URL path holds outside its placeholders (white space, markdown emphasis, ...).
_NOT_IN_A_PATH = re.compile(r"[\s*<>\\^`|{}]")
_SUFFIXES = ("$value", "$count")
SHOWN = 100  # characters of a URL a message shows


def shown(url: str) -> str:
    """``url`` for a message: whole, or cut at ``SHOWN`` characters, saying so."""
    if len(url) <= SHOWN:
        return url
    return f"{url[:SHOWN]}... (cut: {len(url)} characters; the JSON format has it whole)"


def not_a_path(path: str) -> str | None:
    """Why ``path`` (a request example's, no host) is no URL path, or None when it is one."""
    if not path.startswith("/"):
        return "it does not start with /"
    found = _NOT_IN_A_PATH.search(_PLACEHOLDER.sub("x", path))
    if found is not None:
        return f"it holds {found.group()!r}"
    return None


@dataclass(frozen=True)
class _Colon:
    """``root:/{item-path}:``: an item addressed by a path inside a segment."""

    prefix: str
    inner: str


def _segments(path: str) -> list[str | _Colon]:
    """``path`` in segments, ``name:/.../...:`` kept together as one."""
    parts = [p for p in split_outside(path.strip(), "/") if p.strip()]
    found: list[str | _Colon] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.endswith(":") and "(" not in part and len(part) > 1:
            inner: list[str] = []
            index += 1
            while index < len(parts):
                inner.append(parts[index])
                index += 1
                if inner[-1].endswith(":"):
                    inner[-1] = inner[-1][:-1]
                    break
            found.append(_Colon(part[:-1], "/".join(inner)))
            continue
        found.append(part)
        index += 1
    return found


def _documented(path: str) -> list[str | _Colon]:
    segments = _segments(path)
    if segments and segments[0] == "~":  # the docs' service root
        segments = segments[1:]
    return segments


def _cast(segment: str | _Colon) -> bool:
    """A cast to a derived type (``microsoft.graph.user``), or a key that looks like one
    (an extension's name, ``Com.Contoso.Deal``): the matcher tries it both ways."""
    return isinstance(segment, str) and _CAST.match(segment) is not None


def _placeholder(segment: str | _Colon) -> bool:
    return isinstance(segment, str) and _DOC_PLACEHOLDER.fullmatch(segment.strip("'")) is not None


def _argument_names(arguments: str) -> frozenset[str] | None:
    """The names of ``a='x',b={b}``, in lower case; None when one is not ``name=value``."""
    names: set[str] = set()
    for argument in split_outside(arguments, ","):
        if not argument.strip():
            continue
        name, equals, _ = argument.partition("=")
        if not equals or not _NAME.match(name.strip()):
            return None
        names.add(name.strip().lower())
    return frozenset(names)


def _key(segment: str) -> tuple[str, str] | None:
    """``name('x')`` or ``name(x)``: a key in parentheses, as (name, key). A key may hold
    ``=`` (Graph's ids are often base64); arguments are ``name=value``."""
    call = _CALL.match(segment)
    if call is None:
        return None
    inner = call.group(2).strip()
    quoted = len(inner) > 1 and inner[0] == inner[-1] == "'" and "'" not in inner[1:-1]
    if quoted or (inner and "," not in inner and "'" not in inner and _argument_names(inner) is None):
        return call.group(1), inner.strip("'")
    return None


def _same(documented: str | _Colon, example: str | _Colon) -> bool:
    """Whether one documented segment takes the example's."""
    if isinstance(documented, _Colon) or isinstance(example, _Colon):
        return (
            isinstance(documented, _Colon)
            and isinstance(example, _Colon)
            and documented.prefix.lower() == example.prefix.lower()
            and (_placeholder(documented.inner) or documented.inner.lower() == example.inner.lower())
        )
    if _placeholder(documented):
        return bool(example.strip("'"))
    lowered, wanted = documented.lower(), example.lower()
    if lowered == wanted:
        return True
    call = _CALL.match(documented)
    if call is not None:
        key = _key(documented)
        if key is not None and _placeholder(key[1]):
            theirs = _key(example)
            return theirs is not None and theirs[0].lower() == key[0].lower()
        name, arguments = call.group(1).lower(), call.group(2)
        if wanted == name:  # f() written f
            return not arguments.strip()
        theirs_call = _CALL.match(example)
        if theirs_call is None or theirs_call.group(1).lower() != name:
            return False
        names = _argument_names(arguments)
        return not arguments.strip() or names is None or names == _argument_names(theirs_call.group(2))
    if _NAME.match(documented):  # a function the page lists by its name: called with arguments
        theirs_call = _CALL.match(example)
        return theirs_call is not None and theirs_call.group(1).lower() == lowered
    if _DOC_PLACEHOLDER.search(documented):  # roleTemplateId={id}, {id}$ref: the rest as written
        pieces = _DOC_PLACEHOLDER.split(documented)
        pattern = ".+?".join(re.escape(piece) for piece in pieces)
        return re.fullmatch(pattern, example, re.IGNORECASE) is not None
    return False


def _matches(documented: Sequence[str | _Colon], example: Sequence[str | _Colon], start: int = 0) -> bool:
    """Whether ``documented`` takes ``example[start:]`` (each pair of places tried once)."""
    tried: set[tuple[int, int]] = set()

    def from_here(i: int, j: int) -> bool:
        if (i, j) in tried:
            return False
        tried.add((i, j))
        if i == len(documented):
            rest = [segment for segment in example[j:] if not _cast(segment)]
            return not rest or (len(rest) == 1 and isinstance(rest[0], str) and rest[0].lower() in _SUFFIXES)
        if j == len(example):
            return all(_cast(segment) for segment in documented[i:])
        return any(from_here(i + mine, j + theirs) for mine, theirs in _steps(documented, example, i, j))

    return from_here(0, start)


def _steps(documented: Sequence[str | _Colon], example: Sequence[str | _Colon], i: int, j: int) -> Iterator[tuple[int, int]]:
    """How many documented and example segments the next step of a match takes, each way
    the segments at ``i`` and ``j`` can be the same."""
    mine, theirs = documented[i], example[j]
    following = documented[i + 1] if i + 1 < len(documented) else None
    if _in_drive(documented, i):  # a drive's item by id, or its root, or an item by path: root:/a/b.txt:
        by_id = _is(mine, "items") and following is not None and _placeholder(following)
        if by_id and _root_item(theirs):
            yield 2, 1
        if isinstance(mine, _Colon) and _root_item(mine) and _is(theirs, "items") and j + 1 < len(example):
            yield 1, 2
    if isinstance(mine, str) and isinstance(theirs, str):
        key = _key(theirs)  # /users/{id} written /users('42')
        if _NAME.match(mine) and following is not None and _placeholder(following) and key is not None and key[0].lower() == mine.lower():
            yield 2, 1
        key = _key(mine)  # /users('{id}') written /users/42
        if key is not None and j + 1 < len(example) and theirs.lower() == key[0].lower():
            yield 1, 2
    if _cast(theirs):  # a cast narrows the type, not the place
        yield 0, 1
    if _cast(mine):
        yield 1, 0
    if _same(mine, theirs):
        yield 1, 1


def _in_drive(documented: Sequence[str | _Colon], i: int) -> bool:
    """Whether ``documented[i]`` follows a drive (``/me/drive/...``, ``/drives/{id}/...``)."""
    return i > 0 and (_is(documented[i - 1], "drive") or (i > 1 and _is(documented[i - 2], "drives")))


def _root_item(segment: str | _Colon) -> bool:
    """A drive's root item, or an item by its path from the root (``root:/a/b.txt:``)."""
    return _is(segment, "root") or (isinstance(segment, _Colon) and segment.prefix.lower() == "root")


def _is(segment: str | _Colon, name: str) -> bool:
    return isinstance(segment, str) and segment.lower() == name


class Requests:
    """The requests one page documents: (method, path)."""

    def __init__(self, requests: Iterable[tuple[str, str]]) -> None:
        self.requests = [(method.upper(), path, _documented(path)) for method, path in requests]

    def documents(self, method: str, path: str) -> bool:
        """Whether ``method path`` (an example's path, no host) is one of the page's requests."""
        segments = _segments(path)
        return any(m == method.upper() and _relative_matches(documented, segments) for m, _, documented in self.requests)


def _relative_matches(documented: Sequence[str | _Colon], example: Sequence[str | _Colon]) -> bool:
    """``_matches``; a path the page writes from ``/workbook`` is the workbook of whatever
    drive item the example names before it (the docs' own syntax: ``POST /workbook/functions/{name}``)."""
    if documented and _is(documented[0], "workbook"):
        return any(_is(segment, "workbook") and _matches(documented, example, j) for j, segment in enumerate(example))
    return _matches(documented, example)

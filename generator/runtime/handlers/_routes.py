"""Routing by the documented path templates, as Graph routes: any case, keys in two syntaxes.

A template such as ``/users/{id | userPrincipalName}/calendarView(start='{s}')``
becomes a regular expression that matches the paths clients send:

- literal segments in any case (``/Users/42`` is ``/users/42``);
- ``{placeholder}`` one segment (named as an identifier: ``{id | upn}`` -> ``id``);
- ``name('{id}')`` and ``name({id})`` a key in parentheses, with or without quotes;
- ``name(a='{a}')`` a function's parameters, quoted or not (``period='D7'``, ``period=D7``);
- ``root:/{item-path}:`` a drive item addressed by path, slashes and all.

Each route also gives the *store path* of what it addresses: the path with its
values filled in, written one way whatever the client wrote (names in lower
case, values as sent, ``name('x')`` as ``name/x``, ``/me`` as ``/users/<me>``), so every way of
addressing an item finds the same stored item. The generator uses this module
too, to place the docs' examples in the mock's store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import unquote

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_KEYED = re.compile(r"^([A-Za-z_][\w.]*)\('?\{([^{}]*)\}'?\)$")
_CALL = re.compile(r"^([A-Za-z_][\w.]*)\((.*)\)$")
_ARGUMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*'?\{([^{}]*)\}'?\s*$")
_CAST = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}$")
_ME = "me"
_PLAIN = re.compile(r"[A-Za-z_]\w*")  # a segment that is a name and nothing else
_ALSO = "__keyed"  # the group of a key written in parentheses: /users('42')
_ALTERNATE = re.compile(
    r"([A-Za-z_]\w*)=\{(\w+)\}"
)  # an alternate key: roleTemplateId={id}


def identifier(name: str, taken: set[str]) -> str:
    """A placeholder's name as a Python identifier, distinct from the ones ``taken``."""
    base = (
        re.sub(r"\W", "_", name.split("|")[0].strip(), flags=re.ASCII).strip("_")
        or "id"
    )
    if base[0].isdigit():
        base = "p_" + base
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}_{counter}", counter + 1
    taken.add(candidate)
    return candidate


@dataclass
class Template:
    """One documented path, compiled."""

    documented: str
    # the documented path, each placeholder named as its parameter: OpenAPI's path
    named: str
    # compiled on the first match: OpenAPI and the handler views only read names
    regex: str
    params: list[str]  # placeholder names, as identifiers, in order
    # (kind, text): "literal" | "param" | "keyed" | "call" | "cast" | "colon"
    parts: list[tuple[str, str]]
    # the first segment in lower case ("" when it is a placeholder): the router's index
    first: str
    arguments: dict[str, list[str]] = field(
        default_factory=dict
    )  # a call segment's parameters
    _pattern: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    @property
    def pattern(self) -> re.Pattern[str]:
        found = self._pattern
        if found is None:
            found = self._pattern = re.compile(self.regex, re.IGNORECASE)
        return found

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.match(path)
        if found is None:
            return None
        return {
            name.removesuffix(_ALSO): unquote(value)
            for name, value in found.groupdict().items()
            if value is not None  # of a key's two spellings, the one not taken
        }

    def fill(
        self,
        values: dict[str, str],
        me: str = _ME,
        key: Callable[[str, str, str], str] | None = None,
        upto: int | None = None,
    ) -> str:
        """The store path of what this template addresses with ``values`` (of its first
        ``upto`` parts when given). ``key``, when given, decides each key: called with the
        store path of its collection, the placeholder's name and its value, it returns the
        key to use."""
        return "/" + "/".join(self.segments(values, me, key, upto))

    def segments(
        self,
        values: dict[str, str],
        me: str = _ME,
        key: Callable[[str, str, str], str] | None = None,
        upto: int | None = None,
        ends: list[int] | None = None,
    ) -> list[str]:
        """``fill``'s path as its segments. ``ends``, when given, gets how many there are
        after each part: ``segments[:ends[n - 1]]`` are what ``upto=n`` fills, without
        asking ``key`` again."""
        out: list[str] = []
        parts = self.parts if upto is None else self.parts[:upto]
        for index, (kind, text) in enumerate(parts):
            if kind == "literal":
                lowered = text.lower()
                if index == 0 and lowered == _ME:
                    out += ["users", _one(me)]
                else:
                    out.append(lowered)
            elif kind == "param":
                value = values.get(text, "")
                if key is not None:
                    value = key("/" + "/".join(out), text, value)
                out.append(_one(value))
            elif kind == "keyed":
                name, param = text.split("\0")
                value = values.get(param, "")
                out.append(name.lower())
                if key is not None:
                    value = key("/" + "/".join(out), param, value)
                out.append(_one(value))
            elif kind == "cast":
                pass  # a cast narrows the type, not the place
            elif kind == "call":
                name, params = text.split("\0")
                shown = ",".join(
                    f"{p}={values.get(p, '')}" for p in params.split(",") if p
                )
                out.append(f"{name.lower()}({shown})")
            elif (
                kind == "mixed"
                and key is not None
                and (alternate := _ALTERNATE.fullmatch(text))
            ):
                # roleTemplateId={id}: the item whose roleTemplateId that is
                name, param = alternate.groups()
                written = f"{name}={values.get(param, '')}"
                out.append(_one(key("/" + "/".join(out), param, written)))
            else:  # colon, mixed: kept as written, with the values in it
                out.append(_PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text))
            if ends is not None:
                ends.append(len(out))
        return out


def _one(value: str) -> str:
    """A value kept to one segment of a store path."""
    return str(value).replace("/", "%2F")


@cache
def compile_template(documented: str) -> Template:
    """A documented path, compiled once (the service, OpenAPI and the generator's views
    all ask for the same paths)."""
    return _compile(documented)


def _compile(documented: str) -> Template:
    taken: set[str] = set()
    regex = ["^"]
    params: list[str] = []
    parts: list[tuple[str, str]] = []
    arguments: dict[str, list[str]] = {}
    named: list[str] = []
    segments = [s for s in split_outside(documented, "/") if s.strip()]
    for index, text in enumerate(segments):
        before = len(params)
        found = _segment(text, taken, params, parts, arguments)
        keyed = (
            index
            and parts[-1][0] == "param"
            and parts[-2] == ("literal", segments[index - 1])
        )
        if keyed and _PLAIN.fullmatch(segments[index - 1]):
            # OData addresses a collection's item either way: /users/42, /users('42')
            name = params[-1]
            regex += [rf"(?:/{found}|\('?(?P<{name}{_ALSO}>[^/']+)'?\))"]
        else:
            regex += ["/", found]
        named.append(_renamed(text, params[before:]))
    regex.append(r"/?\Z")  # \Z: "$" would also match before a final line break
    first = (
        segments[0].lower()
        if segments and parts[0][0] in ("literal", "cast", "keyed", "call")
        else ""
    )
    if first and parts[0][0] in ("keyed", "call"):
        first = parts[0][1].split("\0")[0].lower()
    return Template(
        documented,
        "/" + "/".join(named),
        "".join(regex),
        params,
        parts,
        first,
        arguments,
    )


def _renamed(text: str, names: list[str]) -> str:
    """A segment with its placeholders renamed ``names``; braces that made no placeholder
    are left out, so they don't read as one."""
    if len(names) != len(_PLACEHOLDER.findall(text)):
        return text.replace("{", "").replace("}", "")
    found = iter(names)
    return _PLACEHOLDER.sub(lambda _: "{" + next(found) + "}", text)


def _segment(
    text: str,
    taken: set[str],
    params: list[str],
    parts: list[tuple[str, str]],
    arguments: dict[str, list[str]],
) -> str:
    """One segment's regular expression; its parameters and part are added to the lists."""
    keyed = _KEYED.match(text)
    call = _CALL.match(text) if keyed is None else None
    if ":" in text:  # root:/{item-path}: -> the path inside may hold slashes
        found_regex, named = _mixed(text, ".+?", taken, params)
        parts.append(("colon", named))
        return found_regex
    if _PLACEHOLDER.fullmatch(text):
        name = identifier(text[1:-1], taken)
        params.append(name)
        parts.append(("param", name))
        return f"(?P<{name}>[^/]+)"
    if keyed is not None:
        name = identifier(keyed.group(2), taken)
        params.append(name)
        parts.append(("keyed", f"{keyed.group(1)}\0{name}"))
        return re.escape(keyed.group(1)) + rf"\('?(?P<{name}>[^/']+)'?\)"
    if call is not None and "=" in call.group(2):
        names: list[str] = []
        pieces: list[str] = []
        for argument in split_outside(call.group(2), ","):
            if not argument.strip():
                continue
            found = _ARGUMENT.match(argument)
            if found is None:  # an argument written another way: matched as written
                pieces.append(_mixed(argument.strip(), "[^/,)]+?", taken, params)[0])
                continue
            name = identifier(found.group(2), taken)
            names.append(name)
            params.append(name)
            pieces.append(re.escape(found.group(1)) + rf"\s*=\s*'?(?P<{name}>[^/']*)'?")
        parts.append(("call", f"{call.group(1)}\0{','.join(names)}"))
        arguments[call.group(1)] = names
        return re.escape(call.group(1)) + r"\(" + r"\s*,\s*".join(pieces) + r"\)"
    if call is not None and not call.group(2).strip():  # a function without parameters
        parts.append(("call", f"{call.group(1)}\0"))
        return re.escape(call.group(1)) + r"\(\)"
    if _PLACEHOLDER.search(text):  # roleTemplateId={id}, '{id}', {id}$ref
        found_regex, named = _mixed(text, "[^/]+?", taken, params)
        parts.append(("mixed", named))
        return found_regex
    parts.append(("cast" if _CAST.match(text) else "literal", text))
    return re.escape(text)


def _mixed(
    text: str, value: str, taken: set[str], params: list[str]
) -> tuple[str, str]:
    """A segment with placeholders inside other text: its regex (each placeholder a group
    matching ``value``) and the text with the placeholders named as identifiers."""
    regex: list[str] = []
    named: list[str] = []
    position = 0
    for found in _PLACEHOLDER.finditer(text):
        name = identifier(found.group(1), taken)
        params.append(name)
        regex += [re.escape(text[position : found.start()]), f"(?P<{name}>{value})"]
        named += [text[position : found.start()], "{" + name + "}"]
        position = found.end()
    regex.append(re.escape(text[position:]))
    named.append(text[position:])
    return "".join(regex), "".join(named)


def split_outside(text: str, separator: str) -> list[str]:
    """``text``'s parts between ``separator``s outside quotes, braces and
    parentheses: ``a='x,y',b={b}`` -> ``["a='x,y'", "b={b}"]`` at ",", and
    ``w/delta(t='{a/b}')`` -> ``["w", "delta(t='{a/b}')"]`` at "/"."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for index, char in enumerate(text):
        if char == "'":
            quoted = not quoted
        elif char in "{(" and not quoted:
            depth += 1
        elif char in "})" and not quoted:
            depth -= 1
        elif char == separator and not quoted and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def first_segment(path: str) -> str:
    """The router's index of a request path: its first segment, in lower case, up to any parenthesis."""
    head = path.lstrip("/").split("/", 1)[0]
    return head.split("(", 1)[0].lower()


_RANKS = {
    "literal": 0,
    "cast": 0,
    "call": 1,
    "mixed": 1,
    "keyed": 2,
    "param": 3,
    "colon": 4,
}


def specificity(template: Template) -> tuple[int, ...]:
    """Sort key: at the first segment where two templates differ, a literal before a call
    before a key before a placeholder (``/jobs/start`` before ``/jobs/{id}``)."""
    return tuple(_RANKS[kind] for kind, _ in template.parts)


class NoRoute(LookupError):
    """No documented path matches."""


class NotAllowed(LookupError):
    """A documented path matches, but not with this method."""

    def __init__(self, allowed: list[str]) -> None:
        super().__init__(", ".join(allowed))
        self.allowed = allowed


@dataclass
class Found:
    value: Any  # the first of the choices
    template: Template
    values: dict[str, str]
    choices: list[
        Any
    ]  # everything documented for this method at this path, in the order added


@dataclass
class _Route:
    template: Template
    methods: dict[str, list[Any]]


def blank(documented: str) -> str:
    """A documented path with its placeholders blanked, in lower case: two paths that
    differ only in their placeholders' names are one route."""
    return _PLACEHOLDER.sub("{}", documented).lower()


KEPT_FOUND = 1024  # paths whose route a Router keeps


class Router:
    """Documented paths and what each method at them does, found by a request's method and path.

    Paths are indexed by their first segment and compiled on the first request that
    needs them, so a service of thousands of paths starts at once. One method at one
    path may be documented more than once (each derived type's page documents the
    collection they share): all of them are kept, as the choices of that route."""

    def __init__(self) -> None:
        # first segment -> blanked path -> (the first spelling, method -> values)
        self._pending: dict[str, dict[str, tuple[str, dict[str, list[Any]]]]] = {}
        self._routes: dict[str, list[_Route]] = {}
        # (method, path) -> what find found there, for the KEPT_FOUND paths found last:
        # a client asks the same paths again and again, each a few regexes to match
        self._found: dict[tuple[str, str], Found] = {}

    def add(self, documented: str, method: str, value: Any) -> None:
        key = _first_of(documented)
        self._routes.pop(key, None)
        self._found.clear()
        bucket = self._pending.setdefault(key, {})
        _, methods = bucket.setdefault(blank(documented), (documented, {}))
        methods.setdefault(method.upper(), []).append(value)

    def _bucket(self, key: str) -> list[_Route]:
        found = self._routes.get(key)
        if found is None:
            found = [
                _Route(compile_template(path), methods)
                for path, methods in self._pending.get(key, {}).values()
            ]
            found.sort(key=lambda route: specificity(route.template))
            self._routes[key] = found
        return found

    def candidates(self, path: str) -> Iterator[tuple[_Route, dict[str, str]]]:
        for key in (first_segment(path), ""):
            for route in self._bucket(key):
                values = route.template.match(path)
                if values is not None:
                    yield route, values

    def find(self, method: str, path: str) -> Found:
        """The value for ``method`` at the most specific documented path that matches ``path``."""
        found = self._found.get((method, path))
        if found is None:
            found = self._find(method, path)
            if len(self._found) >= KEPT_FOUND:
                self._found.clear()
            self._found[(method, path)] = found
        # the caller's own values: the kept ones stay as found
        return Found(found.value, found.template, dict(found.values), found.choices)

    def _find(self, method: str, path: str) -> Found:
        allowed: list[str] = []
        for route, values in self.candidates(path):
            choices = route.methods.get(method.upper())
            if choices:
                return Found(choices[0], route.template, values, choices)
            allowed += [m for m in route.methods if m not in allowed]
        if allowed:
            raise NotAllowed(sorted(allowed))
        raise NoRoute(path)


def _first_of(documented: str) -> str:
    """A documented path's index: its first segment, or "" when that is a placeholder."""
    head = documented.lstrip("/").split("/", 1)[0]
    return "" if head.startswith("{") or not head else head.split("(", 1)[0].lower()

"""OData query options, as the mock answers them: $filter, $orderby, $select, $search, paging, $count.

Every Graph API documents the same options. The mock does what it can with the
items it holds and says so, with a 400, for anything it can't: an option it
doesn't know, or a $filter beyond comparisons (``eq``, ``ne``, ``gt``, ``ge``,
``lt``, ``le``), ``startswith``/``endswith``/``contains`` and ``and``/``or``.
It never ignores an option silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from ._routes import split_outside

PAGE_SIZE = 100
LIST_OPTIONS = (
    "$top",
    "$skip",
    "$skiptoken",
    "$filter",
    "$orderby",
    "$select",
    "$expand",
    "$search",
    "$count",
)
ITEM_OPTIONS = ("$select", "$expand")
ITEM_KINDS = ("get", "create", "update", "replace")

# What the mock reads of each option, as regular expressions (OpenAPI states them).
_NAME = r"[A-Za-z_][\w.]*(?:/[A-Za-z_][\w.]*)*"
_LITERAL = r"(?:'(?:[^']|'')*'|-?[0-9]+(?:\.[0-9]+)?|true|false|null)"
_TERM = rf"(?:{_NAME}\s+(?:eq|ne|gt|ge|lt|le)\s+{_LITERAL}|(?:startswith|endswith|contains)\(\s*{_NAME}\s*,\s*'(?:[^']|'')*'\s*\))"
PATTERNS = {
    "$filter": rf"^\s*{_TERM}(?:\s+(?:and|or)\s+{_TERM})*\s*$",
    "$orderby": rf"^\s*{_NAME}(?:\s+(?:asc|desc))?(?:\s*,\s*{_NAME}(?:\s+(?:asc|desc))?)*\s*$",
    "$select": rf"^\s*(?:\*|{_NAME})(?:\s*,\s*(?:\*|{_NAME}))*\s*$",
    "$expand": rf"^\s*{_NAME}(?:\s*,\s*{_NAME})*\s*$",
    "$skiptoken": r"^[0-9]+$",
    "$search": r"^.+$",
    "$top": r"^[0-9]+$",
    "$skip": r"^[0-9]+$",
    "$count": r"^(?:true|false)$",
}


DELTA_OPTIONS = (
    "$deltatoken",
    "$skiptoken",
)  # a delta function's state, opaque to the mock


def allowed(kind: str, collection: bool, delta: bool = False) -> tuple[str, ...]:
    """The query options an operation takes: a collection's, an item's, or none; a delta
    function (``.../delta()``) takes its tokens as well, whatever they hold."""
    found = LIST_OPTIONS if collection else ITEM_OPTIONS if kind in ITEM_KINDS else ()
    return (*found, *DELTA_OPTIONS) if delta else found


class QueryError(ValueError):
    """A query option the mock can't follow (a 400 that says which)."""


def options(query: Mapping[str, str], taken: Iterable[str]) -> dict[str, str]:
    """The ``$`` options of a query, by lower-case name; one the mock can't follow is an error.
    Other parameters (``startDateTime``, a function's) are not options: they pass."""
    found: dict[str, str] = {}
    taken = tuple(taken)
    opaque = (
        set(DELTA_OPTIONS) if "$deltatoken" in taken else set()
    )  # a delta function's
    for name, value in query.items():
        key = name.strip().lower()
        if not key.startswith("$"):
            continue
        if key not in taken:
            raise QueryError(f"the mock does not support {name} here")
        pattern = PATTERNS.get(key)
        # $filter and $expand have parsers of their own, which read more than their patterns say
        if (
            pattern is not None
            and key not in ("$filter", "$expand", *opaque)
            # ASCII and the very end, as the ECMA 262 patterns OpenAPI states say
            and not re.fullmatch(pattern, value, re.ASCII)
        ):
            raise QueryError(f"the mock can't read {name}={value[:60]!r}")
        if key == "$expand":
            expanded(value)  # read now, so a bad one is refused whatever is found
        found[key] = value
    return found


_EXPAND_OPTIONS = (
    "$select",
    "$expand",
    "$filter",
    "$orderby",
    "$top",
    "$skip",
    "$count",
    "$levels",
)
MAX_LEVELS = 8  # how deep $levels=max expands


def expanded(text: str) -> list[tuple[str, dict[str, str]]]:
    """What ``$expand`` lists: each name (a cast before it taken off) with its own
    options, ``members($select=id;$top=5)``."""
    found: list[tuple[str, dict[str, str]]] = []
    for part in split_outside(text, ","):
        if not part.strip():
            raise QueryError(f"the mock can't read $expand={text[:60]!r}")
        name, _, rest = part.strip().partition("(")
        name = name.strip().rsplit("/", 1)[-1]
        if name == "*":
            raise QueryError("the mock expands properties given by name, not *")
        if not re.fullmatch(r"[A-Za-z_][\w.]*", name, re.ASCII):
            raise QueryError(f"the mock can't read $expand={text[:60]!r}")
        inner: dict[str, str] = {}
        if rest:
            if not rest.rstrip().endswith(")") or not rest.rstrip()[:-1].strip():
                raise QueryError(f"the mock can't read $expand={text[:60]!r}")
            for option in split_outside(rest.rstrip()[:-1], ";"):
                if not option.strip():
                    continue
                key, _, value = option.strip().partition("=")
                if key.lower() not in _EXPAND_OPTIONS:
                    raise QueryError(f"the mock does not support {key} inside $expand")
                inner[key.lower()] = value
        found.append((name, inner))
    return found


_TOKEN = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')"
    # a date-time, a date or a GUID written without quotes, as OData writes them
    r"|(?P<moment>\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)?)?(?![\w-]))"
    r"|(?P<guid>[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"
    r"|(?P<number>-?\d+(?:\.\d+)?)"
    r"|(?P<member>[A-Za-z_][\w.]*'(?:[^']|'')*')"  # an enum member: microsoft.graph.riskLevel'medium'
    r"|(?P<word>[A-Za-z_][\w./@]*)|(?P<punct>[(),:]))",
    re.ASCII,
)
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "gt": lambda a, b: a is not None and b is not None and a > b,
    "ge": lambda a, b: a is not None and b is not None and a >= b,
    "lt": lambda a, b: a is not None and b is not None and a < b,
    "le": lambda a, b: a is not None and b is not None and a <= b,
}
_TEXT: dict[str, Callable[[str, str], bool]] = {
    "startswith": lambda a, b: a.lower().startswith(b.lower()),
    "endswith": lambda a, b: a.lower().endswith(b.lower()),
    "contains": lambda a, b: b.lower() in a.lower(),
}
Test = Callable[[Mapping[str, Any]], bool]


def _tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None:
            raise QueryError(
                f"the mock can't read this $filter at {text[position:position + 20]!r}"
            )
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


def _literal(kind: str, text: str) -> Any:
    if kind == "string":
        return text[1:-1].replace("''", "'")
    if kind == "member":
        return text[text.index("'") + 1 : -1].replace("''", "'")
    if kind == "guid":
        return text
    if kind == "moment":
        return _moment(text) or text
    if kind == "number":
        return float(text) if "." in text else int(text)
    words = {"true": True, "false": False, "null": None}
    if text.lower() in words:
        return words[text.lower()]
    raise QueryError(
        f"the mock compares properties with literal values only, not {text!r}"
    )


def _moment(text: Any) -> datetime | None:
    """A date-time or date as an aware datetime (UTC when it names no offset), or None."""
    if not isinstance(text, str) or not re.match(r"\d{4}-\d\d-\d\d", text):
        return None
    # Python 3.10 reads neither "Z" nor more than six digits of a fraction
    written = re.sub(r"(\.\d{6})\d+", r"\1", re.sub(r"[Zz]$", "+00:00", text))
    try:
        found = datetime.fromisoformat(written)
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=_UTC)


_UTC = timezone(timedelta(0))


def _value(item: Mapping[str, Any], path: str) -> Any:
    value: Any = item
    for name in path.split("/"):
        value = value.get(name) if isinstance(value, Mapping) else None
    return value


def parse_filter(text: str) -> Test:
    """A $filter expression as a test of one item: comparisons, ``in``, the text
    functions, ``not``, ``and`` (binding first) and ``or``, and parentheses."""
    tokens = _tokens(text)
    if not tokens:
        raise QueryError("the $filter is empty")
    test, position = _or(tokens, 0)
    if position < len(tokens):
        raise QueryError(
            f"the mock's $filter joins comparisons with and/or only, not {tokens[position][1]!r}"
        )
    return test


def _word(tokens: list[tuple[str, str]], position: int, *words: str) -> bool:
    return (
        position < len(tokens)
        and tokens[position][0] in ("word", "punct")
        and tokens[position][1].lower() in words
    )


def _or(tokens: list[tuple[str, str]], position: int) -> tuple[Test, int]:
    return _joined(tokens, position, "or", _and, any)


def _and(tokens: list[tuple[str, str]], position: int) -> tuple[Test, int]:
    return _joined(tokens, position, "and", _unary, all)


def _joined(
    tokens: list[tuple[str, str]],
    position: int,
    word: str,
    operand: Callable[[list[tuple[str, str]], int], tuple[Test, int]],
    combine: Callable[[Iterable[bool]], bool],
) -> tuple[Test, int]:
    """Operands joined by ``word`` (``a or b or c``), one test that ``combine``s theirs."""
    test, position = operand(tokens, position)
    tests = [test]
    while _word(tokens, position, word):
        test, position = operand(tokens, position + 1)
        tests.append(test)
    if len(tests) == 1:
        return tests[0], position
    return (lambda item: combine(t(item) for t in tests)), position


def _unary(tokens: list[tuple[str, str]], position: int) -> tuple[Test, int]:
    if position >= len(tokens):
        raise QueryError("the $filter ends too soon")
    if _word(tokens, position, "not"):
        inner, position = _unary(tokens, position + 1)
        return (lambda item: not inner(item)), position
    if _word(tokens, position, "("):
        inner, position = _or(tokens, position + 1)
        if not _word(tokens, position, ")"):
            raise QueryError("the $filter has a '(' without its ')'")
        return inner, position + 1
    return _term(tokens, position)


def _in(tokens: list[tuple[str, str]], position: int, prop: str) -> tuple[Test, int]:
    """``prop in ('a', 'b')``, from the token after ``in``."""
    if not _word(tokens, position, "("):
        raise QueryError("the mock reads 'property in (value, ...)' only")
    values: list[Any] = []
    position += 1
    while position < len(tokens) and not _word(tokens, position, ")"):
        kind, text = tokens[position]
        if kind != "punct":
            values.append(_literal(kind, text))
        position += 1
    if position >= len(tokens):
        raise QueryError("the $filter has a '(' without its ')'")
    return (lambda item: _value(item, prop) in values), position + 1


def _lambda(
    tokens: list[tuple[str, str]], position: int, path: str, every: bool
) -> tuple[Test, int]:
    """``path/any(x: <expression of x>)``, from the token after ``any``: whether any (all)
    of the collection's values make the expression true; ``x/name`` reads a value's property.
    """
    shape = [t[1] for t in tokens[position : position + 3]]
    if (
        len(shape) < 3
        or shape[0] != "("
        or shape[2] != ":"
        or tokens[position + 1][0] != "word"
    ):
        raise QueryError("the mock reads 'collection/any(x: expression of x)' only")
    name = tokens[position + 1][1]
    inner, position = _or(tokens, position + 3)
    if not _word(tokens, position, ")"):
        raise QueryError("the $filter has a '(' without its ')'")
    combine = all if every else any

    def test(item: Mapping[str, Any]) -> bool:
        values = _value(item, path)
        listed = values if isinstance(values, list) else []
        return combine(inner({**item, name: value}) for value in listed)

    return test, position + 1


def _isof(tokens: list[tuple[str, str]], position: int) -> tuple[Test, int]:
    """``isof('microsoft.graph.user')``, from ``isof``: the items of that type."""
    shape = [t[1] for t in tokens[position + 1 : position + 4]]
    if (
        len(shape) < 3
        or shape[0] != "("
        or tokens[position + 2][0] != "string"
        or shape[2] != ")"
    ):
        raise QueryError("the mock reads isof('type name') only")
    wanted = str(_literal("string", tokens[position + 2][1])).lstrip("#").lower()

    def test(item: Mapping[str, Any]) -> bool:
        return str(item.get("@odata.type", "")).lstrip("#").lower() == wanted

    return test, position + 4


def _term(tokens: list[tuple[str, str]], position: int) -> tuple[Test, int]:
    kind, word = tokens[position]
    if kind == "word" and word.lower() == "isof":
        return _isof(tokens, position)
    if kind == "word" and re.search(r"/(?:any|all)$", word, re.IGNORECASE):
        path, _, which = word.rpartition("/")
        return _lambda(tokens, position + 1, path, which.lower() == "all")
    if kind == "word" and word.lower() in _TEXT:
        shape = [t[1] for t in tokens[position + 1 : position + 6]]
        if len(shape) == 5 and shape[0] == "(" and shape[2] == "," and shape[4] == ")":
            prop, (literal_kind, literal) = (
                tokens[position + 2][1],
                tokens[position + 4],
            )
            expected = _literal(literal_kind, literal)
            check = _TEXT[word.lower()]
            return (
                lambda item: isinstance(_value(item, prop), str)
                and check(_value(item, prop), str(expected))
            ), position + 6
        raise QueryError(f"the mock reads {word}(property, 'text') only")
    if kind == "word" and _word(tokens, position + 1, "in"):
        return _in(tokens, position + 2, word)
    if (
        kind == "word"
        and position + 2 < len(tokens)
        and tokens[position + 1][1].lower() in _COMPARE
    ):
        operator = _COMPARE[tokens[position + 1][1].lower()]
        literal_kind, literal = tokens[position + 2]
        expected = _literal(literal_kind, literal)
        prop = word

        def compare(item: Mapping[str, Any]) -> bool:
            found = _value(item, prop)
            if isinstance(expected, datetime):
                found = _moment(found)
            elif isinstance(expected, str) and isinstance(found, str):
                found, wanted = (
                    found.lower(),
                    expected.lower(),
                )  # Graph compares text without case
                return bool(operator(found, wanted))
            try:
                return operator(found, expected)
            except TypeError:
                return False

        return compare, position + 3
    raise QueryError(
        f"the mock's $filter reads 'property eq value' and startswith/endswith/contains; not {word!r}"
    )


def _order(items: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    for clause in reversed([c.strip() for c in text.split(",") if c.strip()]):
        prop, _, direction = clause.partition(" ")
        if direction.strip().lower() not in ("", "asc", "desc"):
            raise QueryError(
                f"$orderby takes 'property asc' or 'property desc', not {clause!r}"
            )
        items = sorted(
            items,
            key=lambda item: (
                _value(item, prop) is None,
                (
                    str(_value(item, prop))
                    if not isinstance(_value(item, prop), (int, float))
                    else _value(item, prop)
                ),
            ),
            reverse=direction.strip().lower() == "desc",
        )
    return items


def select(
    item: dict[str, Any], text: str | None, expand: str | None = None
) -> dict[str, Any]:
    """Only the named properties (and the OData annotations), and those ``expand``
    (the ``$expand`` beside it) names: an expansion survives a ``$select``."""
    if not text:
        return item
    names = {name.strip() for name in text.split(",") if name.strip()}
    if "*" in names:
        return item
    if expand:
        names |= {name for name, _ in expanded(expand)}
    return {
        key: value
        for key, value in item.items()
        if key in names or key.startswith("@odata.") or key == "id"
    }


_CLAUSE = re.compile(r'\s*(?:"(?P<quoted>[^"]*)"|(?P<word>[^\s"()]+))')


def search(items: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """``$search`` as Graph reads it: ``"displayName:Adele" AND "mail:contoso"``, each clause
    a property and words its value holds (without regard to case), or words alone that
    any text of the item holds; clauses joined by ``AND`` (also when nothing joins them)
    or ``OR``."""
    groups: list[list[str]] = [[]]  # clauses ORed, each group's ANDed
    for found in _CLAUSE.finditer(text):
        quoted, word = found.group("quoted"), found.group("word")
        if word is not None and word.upper() == "OR":
            groups.append([])
        elif word is not None and word.upper() == "AND":
            continue
        elif word is not None and word.upper() == "NOT":
            raise QueryError("the mock's $search reads AND and OR, not NOT")
        elif (quoted if quoted is not None else word or "").strip():
            groups[-1].append((quoted if quoted is not None else word or "").strip())
    clauses = [group for group in groups if group]
    if not clauses:  # nothing to look for: everything is found
        return items
    return [
        item
        for item in items
        if any(all(_holds(item, c) for c in group) for group in clauses)
    ]


def _holds(item: Mapping[str, Any], clause: str) -> bool:
    name, colon, value = clause.partition(":")
    named = colon and re.fullmatch(r"[A-Za-z_][\w.]*", name.strip(), re.ASCII)
    if named:
        wanted = name.strip().lower()
        texts = _strings(
            next((v for k, v in item.items() if k.lower() == wanted), None)
        )
    else:
        texts, value = _strings(item), clause
    words = re.findall(r"\w[\w@.\-']*", value.lower())
    return bool(words) and all(any(w in t for t in texts) for w in words)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.lower()]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def apply(
    items: list[dict[str, Any]], found: Mapping[str, str]
) -> tuple[list[dict[str, Any]], int, int, int | None]:
    """Filtered, searched and ordered items, and (skip, top, count) for paging."""
    if "$filter" in found:
        test = parse_filter(found["$filter"])
        items = [item for item in items if test(item)]
    if "$search" in found:
        items = search(items, found["$search"])
    if "$orderby" in found:
        items = _order(items, found["$orderby"])
    top_text = found.get("$top", str(PAGE_SIZE))
    skip_text = found.get("$skiptoken") or found.get("$skip") or "0"
    if not (top_text.isdigit() and skip_text.isdigit() and int(top_text) >= 0):
        raise QueryError(
            "$top must be a whole number, $skip and $skiptoken ones from 0"
        )
    count = len(items) if found.get("$count", "").lower() == "true" else None
    return items, int(skip_text), min(int(top_text), PAGE_SIZE), count

"""jsonschema-rs decides validity, jsonschema explains: the two must give the same verdict.

Every documented example of the specs (and, when ``../shared/graph-docs/beta`` is there,
of the whole corpus), then payloads generated from the schemas, valid and broken: wrong
types, enum values, formats (date-time, date, duration, uuid, TimeOfDay), numbers at the
edges of their ranges and past 64 bits, nested polymorphic values chosen by @odata.type,
keys and strings that only a careful regular expression tells apart. Each format is also
held to its documented meaning on a table of cases. CI runs a fixed, derandomized set.
"""

from __future__ import annotations

import json
import os
import math
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GENERATED, ROOT, needs_corpus, write_docs
from generator.emit.views import Views
from generator.service.lint import _request_types, _values, example_type
from generator.model.ir import Model
from generator.pipeline import build_model
from generator.model.primitives import INT_RANGES
from generator.runtime.handlers import _validate
from generator.runtime.handlers._issues import BASE64, DECIMAL, FLOAT_WORDS, TIME_OF_DAY
from generator.runtime.handlers._validate import MAX_DEPTH, Validator
from generator.payloads.validation import SchemaError, SchemaSet
from pages import SHAPES, enum_page, resource

SETTINGS = settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def verdicts(check: Validator, payload: Any) -> tuple[bool, bool]:
    """(jsonschema-rs's verdict, jsonschema's verdict) on ``payload``."""
    assert check.fast is not None, "jsonschema-rs did not compile the schema"
    return check.fast(payload), next(iter(check.reference.iter_errors(payload)), None) is None


def typed_examples(model: Model) -> Iterator[tuple[str, Any, str]]:
    """(type, payload, where) for every documented example tied to a type, as lint checks them."""
    request_types = _request_types(model)
    for example in model.examples:
        type_name = example_type(example, request_types)
        values = _values(example, type_name) if type_name and example.body is not None else None
        for prefix, value in values or ():
            yield type_name, value, f"{example.source.path}:{example.source.line}{prefix}"  # type: ignore[misc]


def disagreements(schemas: SchemaSet, model: Model) -> tuple[int, int, list[str]]:
    checked = valid = 0
    found: list[str] = []
    for type_name, payload, where in typed_examples(model):
        try:
            check = schemas.check(type_name)
        except SchemaError:  # an undocumented type: lint reports it, there is nothing to compare
            continue
        fast, reference = verdicts(check, payload)
        checked += 1
        valid += reference
        if fast != reference:
            found.append(f"{where} ({type_name}): jsonschema-rs {fast}, jsonschema {reference}")
    return checked, valid, found


def test_every_spec_example_gets_the_same_verdict(spec_model: Model) -> None:
    checked, valid, found = disagreements(SchemaSet.from_dir(GENERATED / "schemas"), spec_model)
    assert found == []
    assert checked >= 20 and valid == checked


@needs_corpus
def test_every_corpus_example_gets_the_same_verdict(corpus_model: Model) -> None:
    start = time.perf_counter()
    model = corpus_model
    schemas = Views(model).schema_set
    checked, valid, found = disagreements(schemas, model)
    print(f"\ncorpus examples: {checked} checked, {valid} valid, in {time.perf_counter() - start:.1f}s")
    assert found == []
    assert checked > 2000 and valid > 1500


# -- payloads generated from the schemas -------------------------------------

# A model with every primitive, an enum, a flags enum, polymorphic values and an open type,
# beside the specs (which hold no Date, TimeOfDay, Binary, Double, Decimal or small integers).
PRIMITIVES = [
    "String", "Int16", "Int32", "Int64", "Byte", "SByte", "Boolean", "Double", "Single", "Decimal",
    "DateTimeOffset", "Date", "TimeOfDay", "Duration", "Guid", "Binary", "Edm.Untyped",
]  # fmt: skip
KITCHEN = {
    **SHAPES,
    "resources/every.md": resource(
        "every",
        [(f"p{kind.replace('.', '')}", kind, "Not nullable." if n % 3 == 0 else "") for n, kind in enumerate(PRIMITIVES)]
        + [("many", "Int64 collection", ""), ("when", "DateTimeOffset collection", ""), ("colour", "[colour](colour.md)", "")]
        + [("flow", "[flow](flow.md)", ""), ("figure", "[shape](shape.md)", ""), ("bag", "[bag](bag.md)", "")],
    ),
    "resources/bag.md": resource(
        "bag", [("key", "Guid", "")], annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.bag", "openType": true}'
    ),
    "resources/colour.md": enum_page("colour", [("red", "0", ""), ("green", "1", ""), ("blue", "2", "")]),
    # A base type with more derived types than jsonschema-rs is given case by case (as entity).
    "resources/animal.md": resource("animal", [("name", "String", "")]),
    **{
        f"resources/animal{n}.md": resource(
            f"animal{n}",
            [(f"legs{n}", "Int32", ""), ("born", "Date", "")],
            annotation=f'{{"blockType": "resource", "@odata.type": "microsoft.graph.animal{n}", "baseType": "microsoft.graph.animal"}}',
        )
        for n in range(40)
    },
    "resources/zoo.md": resource("zoo", [("animals", "[animal](animal.md) collection", ""), ("star", "[animal](animal.md)", "")]),
    "resources/flow.md": enum_page("flow", [("None", "0", ""), ("Add", "1", ""), ("Update", "2", ""), ("Delete", "4", "")]).replace(
        "Values of flow.", "Values of flow. This is a flags enumeration."
    ),
}


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> SchemaSet:
    model = build_model(write_docs(tmp_path_factory.mktemp("kitchen"), KITCHEN))  # type: ignore[arg-type]
    return Views(model).schema_set


@pytest.fixture(scope="module")
def specs() -> SchemaSet:
    return SchemaSet.from_dir(GENERATED / "schemas")


def date_parts(draw: st.DrawFn) -> str:
    year = draw(st.sampled_from(["0000", "0001", "1900", "2000", "2024", "2026", "9999", "1996"]))
    month = draw(st.sampled_from(["00", "01", "02", "04", "06", "12", "13"]))
    day = draw(st.sampled_from(["00", "01", "28", "29", "30", "31", "32"]))
    return f"{year}-{month}-{day}"


@st.composite
def dates(draw: st.DrawFn) -> str:
    return mutate(draw, date_parts(draw))


@st.composite
def date_times(draw: st.DrawFn) -> str:
    clock = ":".join(
        draw(st.sampled_from(values))
        for values in (["00", "01", "12", "22", "23", "24"], ["00", "58", "59", "60"], ["00", "30", "59", "60", "61"])
    )
    fraction = draw(st.sampled_from(["", "", ".5", ".123456789", ".", ",5"]))
    zone = draw(
        st.sampled_from(["Z", "z", "+00:00", "-00:00", "+01:00", "-01:00", "+23:59", "-23:59", "+24:00", "+00:60", "+0100", "", "+01"])
    )
    separator = draw(st.sampled_from(["T", "T", "t", " "]))
    return mutate(draw, f"{date_parts(draw)}{separator}{clock}{fraction}{zone}")


@st.composite
def durations(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 4)) == 0:  # anything made of a duration's characters
        return draw(st.text(st.sampled_from("PYMWDTHS0123456789.,-+"), max_size=12))
    number = st.sampled_from(["0", "1", "40", "1.5", "0,5", "1.", ".5", "12345678901234567890"])
    date = "".join(draw(number) + unit for unit in "YMWD" if draw(st.integers(0, 2)) == 0)
    clock = "".join(draw(number) + unit for unit in "HMS" if draw(st.integers(0, 2)) == 0)
    sign = draw(st.sampled_from(["", "", "-", "+"]))
    text = f"{sign}P{date}" + (f"T{clock}" if clock or draw(st.integers(0, 5)) == 0 else "")
    return mutate(draw, text)


@st.composite
def uuids(draw: st.DrawFn) -> str:
    groups = [draw(st.text(st.sampled_from("0123456789abcdefABCDEFg"), min_size=size - 1, max_size=size + 1)) for size in (8, 4, 4, 4, 12)]
    text = draw(st.sampled_from(["-", "-", "-", "", "_"])).join(groups)
    text = draw(st.sampled_from(["{}", "urn:uuid:{}", "{{{}}}", "{}", "{}"])).format(text)
    return mutate(draw, text)


def mutate(draw: st.DrawFn, text: str) -> str:
    """Sometimes break ``text`` the ways that only a careful check notices."""
    how = draw(st.integers(0, 9))
    if how == 0:
        return text + "\n"
    if how == 1:
        return " " + text
    if how == 2 and text:  # a digit from another script
        return text.replace("0", "\uff10", 1).replace("2", "\u0662", 1)
    if how == 3:
        return text.upper() if draw(st.booleans()) else text.lower()
    return text


SPACES = "\t\n\x0b\x0c\r \x1c\x85\xa0\u1680\u180e\u2000\u200b\u2028\u202f\u3000\ufeff"
BIG = [2**53, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 2**64 + 1, -(2**63), -(2**63) - 1, 9**40, -(9**40)]


@st.composite
def numbers(draw: st.DrawFn, low: int | None = None, high: int | None = None) -> Any:
    edges: list[Any] = list(BIG)
    for bound in (low, high):
        if bound is not None:
            near = float(bound)
            edges += [bound - 1, bound, bound + 1, near, math.nextafter(near, math.inf), math.nextafter(near, -math.inf)]
    return draw(
        st.one_of(
            st.sampled_from(edges),
            st.integers(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.sampled_from([0, -0.0, 1.0, 1.5, 1e308, -1e308, 5e-324, True, False]),
        )
    )


def pattern_text(draw: st.DrawFn, pattern: str) -> str:
    if pattern == TIME_OF_DAY:
        text = draw(st.from_regex(r"[0-2][0-9]:[0-6][0-9](:[0-6][0-9](\.[0-9]{0,13})?)?", fullmatch=True))
    elif pattern == BASE64:
        text = draw(st.text(st.sampled_from("AZaz09+/_-=!"), max_size=10))
    elif pattern == FLOAT_WORDS:
        text = draw(st.sampled_from(["NaN", "INF", "-INF", "nan", "Infinity", "1.5"]))
    elif pattern == DECIMAL:
        text = draw(st.from_regex(r"-?[0-9]{0,3}(\.[0-9]{0,2})?([eE][+-]?[0-9]{0,2})?", fullmatch=True))
    else:  # a flags enum: members joined by commas and any white space
        members = pattern.split("(")[1].split(")")[0].split("|")
        parts = draw(st.lists(st.sampled_from([*members, "Nope"]), min_size=1, max_size=3))
        text = "".join(part + ("," + draw(st.text(st.sampled_from(SPACES), max_size=2)) if i < len(parts) - 1 else "") for i, part in enumerate(parts))
    if draw(st.integers(0, 5)) == 0:
        text += draw(st.sampled_from(["\n", "\r", " ", "\u2028"]))
    return text


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


class Generator:
    """Draws payloads that follow a schema set's schemas, and breaks them now and then."""

    def __init__(self, schemas: SchemaSet, draw: st.DrawFn) -> None:
        self.schemas = schemas
        self.draw = draw

    def resolve(self, base: str, ref: str) -> tuple[str, dict[str, Any]]:
        target = urljoin(base, ref)
        document, _, fragment = target.partition("#")
        node: Any = self.schemas.by_id[document]
        for part in filter(None, fragment.split("/")):
            node = node[part]
        return document, node

    def value(self, schema: Any, base: str, depth: int) -> Any:
        draw = self.draw
        if draw(st.integers(0, 29)) == 0:  # anything at all where this value belongs
            return draw(JSON)
        if not isinstance(schema, dict) or not schema:
            return draw(JSON)
        if "$ref" in schema and "properties" not in schema:
            base, target = self.resolve(base, schema["$ref"])
            return self.value(target, base, depth)
        if "anyOf" in schema:  # a nullable value
            branch = draw(st.sampled_from(schema["anyOf"]))
            return self.value(branch, base, depth)
        kinds = schema.get("type", [])
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        if "null" in kinds and draw(st.integers(0, 5)) == 0:
            return None
        if "enum" in schema:
            return draw(st.sampled_from([*schema["enum"], "Sleeping", schema["enum"][0] + "\n", schema["enum"][0].lower()]))
        if "object" in kinds:
            return self.object(schema, base, depth)
        if "array" in kinds:
            count = draw(st.integers(0, 3 if depth < 3 else 0))
            return [self.value(schema.get("items", {}), base, depth + 1) for _ in range(count)]
        fmt = schema.get("format")
        if fmt is not None:
            return draw({"date-time": date_times(), "date": dates(), "duration": durations(), "uuid": uuids()}[fmt])
        if "pattern" in schema and ("string" in kinds or draw(st.booleans())):
            return pattern_text(draw, schema["pattern"])
        if "integer" in kinds or "number" in kinds:
            return draw(numbers(schema.get("minimum"), schema.get("maximum")))
        if "boolean" in kinds:
            return draw(st.sampled_from([True, False, 0, 1, "true"]))
        return draw(st.text(max_size=10))

    def object(self, root: dict[str, Any], base: str, depth: int) -> dict[str, Any]:
        """An object of the type ``root`` describes, or of a type derived from it."""
        draw = self.draw
        names = root.get("properties", {}).get("@odata.type", {}).get("enum", [])
        payload: dict[str, Any] = {}
        exact_base, exact = base, root
        if names:
            chosen = draw(st.sampled_from(names))
            if draw(st.integers(0, 3)) > 0:
                payload["@odata.type"] = chosen if draw(st.integers(0, 9)) else "#microsoft.graph.nothing"
            exact_base, exact = self.resolve(self.schemas.by_name[chosen.lstrip("#")], "#/$defs/exact")
        properties = exact.get("properties", {})
        for name in sorted(properties):
            if name != "@odata.type" and draw(st.integers(0, 2 + depth)) == 0:
                payload[name] = self.value(properties[name], exact_base, depth + 1)
        extra = draw(st.integers(0, 7))
        if extra == 0:
            payload[draw(st.sampled_from(["colour", "a@odata.type\n", "x@odata.nextLink", "@odata.etag", "b@odata.ＴYPE"]))] = "x"
        return payload


def type_names(schemas: SchemaSet) -> list[str]:
    return sorted(schemas.by_name)


@st.composite
def generated(draw: st.DrawFn, schemas: SchemaSet) -> tuple[str, Any]:
    name = draw(st.sampled_from(type_names(schemas)))
    generator = Generator(schemas, draw)
    return name, generator.value({"$ref": schemas.by_name[name]}, "", 0)


@SETTINGS
@given(data=st.data())
def test_generated_payloads_get_the_same_verdict(specs: SchemaSet, kitchen: SchemaSet, data: st.DataObject) -> None:
    schemas = data.draw(st.sampled_from([specs, kitchen]), label="schema set")
    name, payload = data.draw(generated(schemas), label="payload")
    fast, reference = verdicts(schemas.check(name), payload)
    assert fast == reference, (name, payload)


def test_generated_payloads_are_both_valid_and_invalid(specs: SchemaSet, kitchen: SchemaSet) -> None:
    """The generator is worth its runs: it makes plenty of each verdict."""
    seen = {True: 0, False: 0}

    @settings(SETTINGS, max_examples=100)
    @given(data=st.data())
    def count(data: st.DataObject) -> None:
        schemas = data.draw(st.sampled_from([specs, kitchen]))
        name, payload = data.draw(generated(schemas))
        seen[verdicts(schemas.check(name), payload)[1]] += 1

    count()
    assert seen[True] >= 20 and seen[False] >= 20, seen


# -- each format and pattern on its own ---------------------------------------


def single(schemas: SchemaSet, schema: dict[str, Any]) -> Validator:
    return schemas.schemas.validator(schema)


@SETTINGS
@given(
    case=st.one_of(
        date_times().map(lambda t: ("date-time", t)),
        dates().map(lambda t: ("date", t)),
        durations().map(lambda t: ("duration", t)),
        uuids().map(lambda t: ("uuid", t)),
    )
)
def test_formats_get_the_same_verdict(specs: SchemaSet, case: tuple[str, str]) -> None:
    fmt, text = case
    fast, reference = verdicts(single(specs, {"type": "string", "format": fmt}), text)
    assert fast == reference == _validate.FORMATS[fmt](text), (fmt, text)
    if fmt != "duration":  # jsonschema-rs's own check is the one used: graphdoc's agrees with it
        native = jsonschema_rs.Draft202012Validator({"format": fmt}, validate_formats=True)
        assert native.is_valid(text) == reference, (fmt, text)


@SETTINGS
@given(data=st.data())
def test_patterns_get_the_same_verdict(kitchen: SchemaSet, data: st.DataObject) -> None:
    flags = kitchen.by_id[kitchen.by_name["microsoft.graph.flow"]]["pattern"]
    pattern = data.draw(st.sampled_from([TIME_OF_DAY, BASE64, FLOAT_WORDS, DECIMAL, flags]))
    text = pattern_text(data.draw, pattern)
    fast, reference = verdicts(single(kitchen, {"type": "string", "pattern": pattern}), text)
    assert fast == reference, (pattern, text)


DOCUMENTED = {
    # README: DateTimeOffset is format date-time, RFC 3339: a UTC offset always, a leap
    # second only at 23:59 UTC, no line break after.
    "date-time": {
        "2026-01-15T08:30:00Z": True,
        "2026-01-15t08:30:00.1234567z": True,
        "2026-01-15T08:30:00+01:00": True,
        "2026-06-30T23:59:60Z": True,
        "2026-07-01T01:59:60+02:00": True,
        "0000-01-01T00:00:00Z": True,
        "2024-02-29T00:00:00Z": True,
        "2026-02-29T00:00:00Z": False,
        "2026-06-30T22:59:60Z": False,
        "2026-01-15T08:30:00": False,
        "2026-01-15 08:30:00Z": False,
        "2026-01-15T08:30Z": False,
        "2026-01-15T08:30:00+24:00": False,
        "2026-01-15T08:30:00Z\n": False,
        "\uff12026-01-15T08:30:00Z": False,
    },
    "date": {
        "2026-02-28": True,
        "2024-02-29": True,
        "0000-02-29": True,
        "2026-02-29": False,
        "2026-2-28": False,
        "20260228": False,
        "2026-02-28\n": False,
        "2026-02-2\u0668": False,
    },
    # README: Duration is ISO 8601; Graph writes fractions of a second and negative spans.
    "duration": {
        "PT40M": True,
        "P1DT2H": True,
        "PT0.5S": True,
        "PT0,5S": True,
        "-PT1H": True,
        "P1Y2M3DT4H5M6.7S": True,
        "P2W": True,
        "PT1.5H": True,
        "P": False,
        "PT": False,
        "P1DT": False,
        "P1.5DT1H": False,
        "P1W2D": False,
        "P-1D": False,
        "PT.5S": False,
        "pt40m": False,
        "PT40M\n": False,
    },
    "uuid": {
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6": True,
        "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6": True,
        "f81d4fae7dec11d0a76500a0c91e6bf6": False,
        "{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}": False,
        "f81d4fae-7dec-11d0-a765-00a0c91e6b_6": False,
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf\uff16": False,
    },
}


@pytest.mark.parametrize("fmt", sorted(DOCUMENTED))
def test_formats_mean_what_the_readme_says(specs: SchemaSet, fmt: str) -> None:
    check = single(specs, {"type": "string", "format": fmt})
    for text, meant in DOCUMENTED[fmt].items():
        assert verdicts(check, text) == (meant, meant), (fmt, text)


def test_patterns_read_as_ecma_262(kitchen: SchemaSet) -> None:
    """A line break after a time of day is no time of day; ECMA's white space separates flags."""
    flags = kitchen.by_id[kitchen.by_name["microsoft.graph.flow"]]["pattern"]
    cases = [
        (TIME_OF_DAY, "08:30", True),
        (TIME_OF_DAY, "08:30\n", False),
        (BASE64, "aGVsbG8=\n", False),
        (flags, "Add, Update", True),
        (flags, "Add,\ufeffUpdate", True),
        (flags, "Add,\x1cUpdate", False),
        (flags, "Add\n", False),
    ]
    for pattern, text, meant in cases:
        assert verdicts(single(kitchen, {"type": "string", "pattern": pattern}), text) == (meant, meant), (pattern, text)
    annotations = kitchen.check("shape")  # closed: it takes annotations, and nothing else
    assert verdicts(annotations, {"name@odata.type": "x"}) == (True, True)
    assert verdicts(annotations, {"name@odata.type\n": "x"}) == (False, False)


@pytest.mark.parametrize("kind", sorted(INT_RANGES))
def test_integers_at_the_edges_of_their_ranges(specs: SchemaSet, kind: str) -> None:
    low, high = INT_RANGES[kind]
    check = specs.check(kind)
    for bound in (low, high):
        near = float(bound)
        for value in (bound - 1, bound, bound + 1, near, math.nextafter(near, math.inf), math.nextafter(near, -math.inf), *BIG):
            fast, reference = verdicts(check, value)
            assert fast == reference == (low <= value <= high and value == int(value)), (kind, value)


def test_recursion_the_compiled_validator_takes_is_recursion_jsonschema_can_check(specs: SchemaSet) -> None:
    """jsonschema-rs follows a recursive type MAX_DEPTH arrays and objects deep, then leaves the
    payload to jsonschema; jsonschema must check that deep itself, or the answer would change
    from "too deep to check" to "valid" (and thousands deep, jsonschema-rs would crash)."""

    def nested(levels: int) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        node = payload
        for _ in range(levels):
            node["parameters"] = [{"value": {}}]
            node = node["parameters"][0]["value"]
        return payload

    check = specs.check("attributeMappingSource")
    within = nested((MAX_DEPTH - 1) // 3)  # three containers a level: {"parameters": [{...}]}
    assert check.valid(within)
    assert verdicts(check, within) == (True, True)  # no RecursionError from jsonschema
    assert not check.valid(nested(MAX_DEPTH // 3 + 1))  # deeper: jsonschema decides
    assert not check.valid(nested(100_000))  # no crash
    assert check.valid(nested(3))  # and a payload in bounds is decided again


def test_a_wide_base_type_dispatches_on_odata_type(kitchen: SchemaSet) -> None:
    """A base type with many derived types is compiled as a tree of halves chosen by
    @odata.type, each derived type on its own: every spelling still picks its own type."""
    zoo = kitchen.check("zoo")
    for n in range(40):
        for spelling in (f"#microsoft.graph.animal{n}", f"microsoft.graph.animal{n}"):
            for animal, meant in (
                ({"@odata.type": spelling, f"legs{n}": 4, "name": "x"}, True),
                ({"@odata.type": spelling, f"legs{(n + 1) % 40}": 4}, False),
                ({"@odata.type": spelling, f"legs{n}": "four"}, False),
            ):
                assert verdicts(zoo, {"animals": [animal], "star": animal}) == (meant, meant), animal
    for animal, meant in (({"name": "x"}, True), ({"legs3": 4}, False), ({"@odata.type": 3}, False), ({"@odata.type": "#microsoft.graph.animal"}, True)):
        assert verdicts(zoo, {"animals": [animal]}) == (meant, meant), animal


def test_values_json_cannot_hold_go_to_jsonschema(specs: SchemaSet) -> None:
    check = specs.check("synchronizationSchedule")
    for payload in ({"state": "\ud800"}, {1: "x"}, {"interval": float("nan")}, {"state": {"Active"}}):
        assert not check.valid(payload)
    assert specs.validate({"state": "\ud800"}, "synchronizationSchedule")[0].pointer == "/state"


# -- without jsonschema-rs ----------------------------------------------------


def test_without_jsonschema_rs_jsonschema_decides_with_one_note(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"state": "Active", "interval": "PT0.5S"}), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"state": "Sleeping"}), encoding="utf-8")
    script = "import sys; sys.modules['jsonschema_rs'] = None; from generator.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", script, "validate", str(good), str(bad), str(good), "--type", "synchronizationSchedule"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert result.stdout == f'{bad}: /state: expected one of "Active", "Disabled", "Paused", found string "Sleeping"\n'
    notes = [line for line in result.stderr.splitlines() if "jsonschema-rs" in line]
    assert notes == ["graphdoc: jsonschema-rs is not installed; jsonschema checks payloads alone (slower)"]


def test_without_jsonschema_rs_a_generate_that_fits_on_two_cores_says_so_once(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['jsonschema_rs'] = None\n"
        "import generator.payloads.mockdata as mockdata; from generator.cli import main\n"
        "mockdata.FIT_FROM, mockdata.count = 1, lambda asked=None: 2  # the specs' examples fitted on two cores\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    command = [sys.executable, "-c", script, "generate", str(ROOT / "specs"), "--out", str(tmp_path / "out"), "-q"]
    env = {**os.environ, "GRAPHDOC_CACHE_DIR": "", "PYTHONPATH": str(ROOT)}  # no cache: the examples are fitted
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "jsonschema-rs" in line]
    assert notes == ["graphdoc: jsonschema-rs is not installed; jsonschema checks payloads alone (slower)"]


def test_a_schema_jsonschema_rs_cannot_compile_falls_back_with_one_note(
    specs: SchemaSet, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise jsonschema_rs.ReferencingError("no")

    monkeypatch.setattr(_validate.jsonschema_rs, "Draft202012Validator", refuse)
    monkeypatch.setattr(_validate, "_notes", set())
    schemas = SchemaSet.from_dir(GENERATED / "schemas")
    for name in ("synchronizationSchedule", "synchronizationJob"):
        assert schemas.check(name).fast is None
    assert schemas.validate({"state": "Active"}, "synchronizationSchedule") == []
    assert [i.pointer for i in schemas.validate({"state": "Sleeping"}, "synchronizationSchedule")] == ["/state"]
    notes = [r.getMessage() for r in caplog.records if "jsonschema-rs" in r.getMessage()]
    assert len(notes) == 1 and "can't compile microsoft.graph.synchronizationSchedule" in notes[0]


def test_every_spec_type_has_a_compiled_validator(specs: SchemaSet) -> None:
    for name in type_names(specs):
        assert specs.check(name).fast is not None, name

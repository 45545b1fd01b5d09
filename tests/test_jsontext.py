"""Printed JSON: one layout, the same whether a value is printed whole or in nested parts."""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.emit import jsontext

# JSON values, with the numbers orjson treats specially: integers past 64 bits, and
# floats whose spelling differs between orjson and the standard library.
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(exclude_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_printed_text_reads_back_to_the_value_and_prints_again_the_same(value: object) -> None:
    text = jsontext.dumps(value)
    assert text.endswith("\n")
    assert json.loads(text) == value
    assert jsontext.dumps(json.loads(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(values, min_size=1, max_size=5))
@example([2**70, 1.5e-05, 1e16])  # orjson and json spell these floats differently
def test_nested_parts_print_as_the_whole(items: list[object]) -> None:
    """What the bundle, OpenAPI and operations templates rely on."""
    assembled = "[\n  " + ",\n  ".join(jsontext.nested(jsontext.dumps(item), 2) for item in items) + "\n]\n"
    assert assembled == jsontext.dumps(items)


def test_tuples_print_as_lists_with_long_integers_kept() -> None:
    assert jsontext.dumps({"a": (2**70, 1.5e-05)}) == jsontext.dumps({"a": [2**70, 1.5e-05]})
    assert json.loads(jsontext.dumps((2**70,))) == [2**70]


@settings(max_examples=200, deadline=None)
@given(values, st.lists(st.tuples(st.text(max_size=12), values), max_size=4))
def test_a_template_printed_straight_to_bytes_is_its_text_encoded(paths: object, schemas: list[tuple[str, object]]) -> None:
    """``render_encoded`` splices the printed values in as bytes: the same bytes as the
    rendered text, whatever the values hold (NUL, non-ASCII text, long integers)."""
    from generator.emit.render import render, render_encoded

    context = {
        "dialect": "d\0",
        "error": "E",
        "reference": "R",
        "references": True,
        "version": "beta",
        "versions": ("v1.0", "beta"),
        "schemes": {"delegated": {"type": "oauth2"}},
        "paths": paths,
        "schemas": dict(schemas),
    }
    assert render_encoded("openapi/openapi.json.j2", **context) == render("openapi/openapi.json.j2", **context).encode()
    assert jsontext.encoded(paths) == jsontext.dumps(paths).encode()

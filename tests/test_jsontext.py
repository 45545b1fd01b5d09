"""The JSON text helpers give what the standard library gives, only faster."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import jsontext

# Every JSON value, with the numbers and strings orjson treats differently from json:
# integers past 64 bits, floats at the ends of their range, and lone surrogates.
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_loads_reads_back_what_json_reads(value: object) -> None:
    for text in (json.dumps(value), json.dumps(value, ensure_ascii=False), jsontext.compact(value)):
        assert repr(jsontext.loads(text)) == repr(json.loads(text))


@settings(max_examples=300, deadline=None)
@given(values)
def test_dumps_writes_the_same_value_as_json(value: object) -> None:
    text = jsontext.dumps(value)
    assert repr(json.loads(text)) == repr(json.loads(json.dumps(value)))
    assert repr(json.loads(jsontext.compact(value))) == repr(json.loads(json.dumps(value)))
    if "." not in json.dumps(value) and "e" not in json.dumps(value):  # floats may be spelled otherwise
        assert text == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def test_numbers_past_64_bits_stay_integers() -> None:
    assert jsontext.loads("[18446744073709551616, -9223372036854775809]") == [2**64, -(2**63) - 1]
    assert jsontext.loads('{"a": 1e400}') == {"a": float("inf")}

"""``graphdoc validate`` reads payloads with orjson when that gives exactly what the strict
reader gives, and leaves everything else to the strict reader and its messages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.payloads.files import PayloadError, parse, parse_bytes


def strict(data: bytes) -> tuple[str, Any]:
    """What the strict reader (graphdoc's only reader before orjson) makes of ``data``."""
    try:
        return "value", parse(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return "error", f"not UTF-8 text (byte {error.start})"
    except PayloadError as error:
        return "error", str(error)


def fast(data: bytes) -> tuple[str, Any]:
    try:
        return "value", parse_bytes(data)
    except PayloadError as error:
        return "error", str(error)


def same(data: bytes) -> None:
    expected, got = strict(data), fast(data)
    # repr tells 0 from 0.0 and -0.0, and compares NaN-free floats digit for digit
    assert (got[0], repr(got[1])) == (expected[0], repr(expected[1])), data[:200]


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=20
)
NUMBERS = st.from_regex(r"-?(0|[1-9][0-9]{0,25})(\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?", fullmatch=True)


@st.composite
def texts(draw: st.DrawFn) -> bytes:
    """JSON texts, some broken the ways the strict reader refuses with a message of its own."""
    text = json.dumps(draw(VALUES), ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))
    how = draw(st.integers(0, 12))
    if how == 0:  # a key twice
        text = '{"k": 1, ' + draw(st.sampled_from(['"k": 2', '"K": 2', '"k\\u0000": 2', '"\\u006b": 2'])) + ', "v": ' + text + "}"
    elif how == 1:  # a number written any way JSON allows, or past what a double holds
        text = "[" + draw(NUMBERS) + ", " + text + "]"
    elif how == 2:
        text = '{"x": ' + draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", "7" * 4301, "1" * 19, "-9223372036854775809"])) + "}"
    elif how == 3:  # half of a surrogate pair, or a whole one
        text = '["' + draw(st.sampled_from(["\\ud800", "\\udfff", "a\\ud83d", "\\ud83d\\ude00"])) + '", ' + text + "]"
    elif how == 4:
        depth = draw(st.sampled_from([10, 254, 255, 300, 899, 900, 995, 1023, 1024, 1025, 5000]))
        text = "[" * depth + text + "]" * depth
    elif how == 5:
        text = text[: draw(st.integers(0, len(text)))]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 19)) == 0:
        data += b"\xff"
    return data


@settings(max_examples=300, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=texts())
def test_the_fast_reader_reads_what_the_strict_one_does(data: bytes) -> None:
    same(data)


@pytest.mark.parametrize(
    "text",
    [
        b'{"state": "Active", "state": "Paused"}',
        b'{"a": [{"k": 1}, {"k": 1, "k": 2}]}',
        b'{"x": NaN}',
        b'{"x": 1e400}',
        b'{"x": ' + b"7" * 5000 + b"}",
        b'{"x": 123456789012345678901234567890}',
        b'{"s": "\\ud800"}',
        b'{"a\\udfffb": 1}',
        b'{"s": "\xff"}',
        b"\xef\xbb\xbf" + b'{"s": 1}',
        b"[" * 300 + b"]" * 300,
        b"[" * 1000 + b"]" * 1000,
        b'{"quote\\"": "a\\\\", "b": 1}',
    ],
)
def test_what_orjson_reads_otherwise_goes_to_the_strict_reader(text: bytes) -> None:
    same(text)

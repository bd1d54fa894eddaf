import math

import pytest
from hypothesis import given, strategies as st

from signing.errors import CanonicalizationError
from signing.jcs import canonicalize


def test_sorts_keys_and_removes_whitespace():
    assert canonicalize({"b": [1, "x"], "a": {"d": True, "c": None}}) == (
        b'{"a":{"c":null,"d":true},"b":[1,"x"]}'
    )


def test_keys_sorted_by_utf16_code_units_and_unicode_kept():
    # RFC 8785 3.2.3: sorting uses UTF-16 code units; non-ASCII stays literal UTF-8.
    assert canonicalize({"\U0001f600": 1, "\ufb33": 2, "碳": 3}) == (
        '{"碳":3,"\U0001f600":1,"\ufb33":2}'.encode("utf-8")
    )


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_raise_bilingual_error(value):
    with pytest.raises(CanonicalizationError) as caught:
        canonicalize({"quantity": [1, value]})
    assert "NaN" in caught.value.en and "/quantity/1" in caught.value.en
    assert "不允许" in caught.value.zh


def test_integer_beyond_safe_range_raises():
    with pytest.raises(CanonicalizationError, match="safe range"):
        canonicalize({"n": 2**60})


def test_non_string_key_raises():
    with pytest.raises(CanonicalizationError):
        canonicalize({1: "x"})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_canonical_form_is_a_fixed_point(value):
    import json

    once = canonicalize(value)
    assert canonicalize(json.loads(once)) == once


# --- the plain-value fast path writes exactly what rfc8785 writes -----------------------------

def _reference(obj):
    """canonicalize as it was before the fast path: the non-finite check, then rfc8785 for everything."""
    import rfc8785

    from signing.jcs import _find_non_finite

    bad = _find_non_finite(obj, "")
    if bad is not None:
        raise CanonicalizationError(
            f"JSON 中不允许 NaN 或无穷大（位置 {bad or '/'}）",
            f"NaN or infinity is not allowed in JSON (at {bad or '/'})",
        )
    try:
        return rfc8785.dumps(obj)
    except rfc8785.IntegerDomainError as error:
        raise CanonicalizationError(
            f"整数超出 JSON 安全范围（±2^53）：{error}",
            f"integer outside the JSON safe range (±2^53): {error}",
        ) from None
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as error:
        raise CanonicalizationError(
            f"无法规范化为 JCS：{error}", f"cannot canonicalize with JCS: {error}"
        ) from None


def _outcome(function, obj):
    try:
        return function(obj)
    except CanonicalizationError as error:
        return (error.zh, error.en)


class _Str(str):
    pass


awkward_text = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF)) | st.sampled_from(
    ["\ud800", "a\udfffb", "\U0001f600", "\ufb33", "\x7f", "\u2028", "é", "e\u0301", ""])
awkward_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**54), 2**54) | st.floats() | awkward_text
    | st.builds(_Str, st.text(max_size=3)),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(awkward_text | st.integers(0, 3) | st.builds(_Str, st.text(max_size=2)), inner, max_size=4),
    max_leaves=25,
)


@given(awkward_values)
def test_same_bytes_or_error_as_rfc8785(value):
    assert _outcome(canonicalize, value) == _outcome(_reference, value)


@given(json_values)
def test_same_bytes_as_rfc8785_for_json_values(value):
    assert canonicalize(value) == _reference(value)


def test_every_code_point_is_escaped_as_rfc8785_escapes_it():
    characters = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert canonicalize([characters, {"k": characters}]) == _reference([characters, {"k": characters}])
    for c in range(0x80):
        assert canonicalize({chr(c): chr(c), "k": [chr(c)]}) == _reference({chr(c): chr(c), "k": [chr(c)]})


def test_deep_nesting_fails_as_before():
    deep = []
    for _ in range(5000):
        deep = [deep]
    for function in (canonicalize, _reference):
        with pytest.raises(RecursionError):
            function(deep)

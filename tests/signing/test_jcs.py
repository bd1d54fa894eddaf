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

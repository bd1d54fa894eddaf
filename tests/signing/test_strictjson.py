import pytest

from signing.errors import StrictJSONError
from signing.strictjson import load_path, loads


def test_accepts_plain_document():
    assert loads('{"a": ["1.50", 2, true, null], "名": "碳"}') == {"a": ["1.50", 2, True, None], "名": "碳"}


@pytest.mark.parametrize(
    "text, fragment",
    [
        ('{"a": 1, "a": 2}', "duplicate key"),
        ('{"a": {"b": 1, "b": 1}}', "duplicate key"),
        ('{"a": NaN}', "NaN"),
        ('{"a": Infinity}', "Infinity"),
        ('{"a": -Infinity}', "Infinity"),
        ('{"a": 1.5}', "float"),
        ('{"a": 1e3}', "float"),
        ('{"a": 9007199254740992}', "2^53"),
        ('{"a": -9007199254740992}', "2^53"),
        ('{"a": ', "syntax"),
        ('{"a": "e\u0301"}', "NFC"),
    ],
)
def test_refuses(text, fragment):
    with pytest.raises(StrictJSONError) as caught:
        loads(text)
    assert fragment in caught.value.en
    assert " / " in str(caught.value)


def test_largest_safe_integer_accepted():
    assert loads("[9007199254740991]") == [2**53 - 1]


def test_floats_allowed_on_request():
    assert loads("[1.5]", allow_floats=True) == [1.5]


def test_refuses_bom_invalid_utf8_and_oversize():
    with pytest.raises(StrictJSONError, match="byte-order mark"):
        loads(b"\xef\xbb\xbf{}")
    with pytest.raises(StrictJSONError, match="UTF-8"):
        loads(b'{"a": "\xff"}')
    with pytest.raises(StrictJSONError, match="limit"):
        loads(b"[" + b"1," * 100 + b"1]", max_bytes=100)


def test_load_path_reports_unreadable_file(tmp_path):
    with pytest.raises(StrictJSONError, match="cannot read"):
        load_path(tmp_path / "missing.json")
    (tmp_path / "big.json").write_bytes(b'"' + b"x" * 200 + b'"')
    with pytest.raises(StrictJSONError, match="limit"):
        load_path(tmp_path / "big.json", max_bytes=100)

import pytest

from signing.errors import StrictJSONError, UnreadableJSONError
from signing.strictjson import load_path, loads


@pytest.mark.parametrize("data", [b"{", b"\xef\xbb\xbf{}", b"\xff", b"[" * 10 + b"]" * 10 + b" " * 2_000_000])
def test_unreadable_input(data):
    with pytest.raises(UnreadableJSONError):
        loads(data)


@pytest.mark.parametrize("data", [b'{"a": 1, "a": 2}', b"[NaN]", b"[1.5]", b"[9007199254740993]", '["e\u0301"]'.encode()])
def test_readable_but_refused(data):
    with pytest.raises(StrictJSONError) as caught:
        loads(data)
    assert not isinstance(caught.value, UnreadableJSONError)


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableJSONError, match="cannot read"):
        load_path(tmp_path / "absent.json")

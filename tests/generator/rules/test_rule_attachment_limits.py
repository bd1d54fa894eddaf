"""Archive attachments go through the same kind of limits as YAML: a docx zip bomb and a
billion-laughs docx are refused (P105) quickly, each in under 2 s (issue 16)."""
from __future__ import annotations

import time

import pytest
from documentkit import attach, billion_laughs_docx, docx, zip_bomb_docx
from gentestkit import run, with_code

from generator.documents.extract import Refused, extract_bytes


@pytest.mark.parametrize("build", [zip_bomb_docx, billion_laughs_docx])
def test_bombs_are_refused_by_the_reader_in_under_2_s(build):
    data = build()
    start = time.monotonic()
    with pytest.raises(Refused):
        extract_bytes(data, "ooxml")
    assert time.monotonic() - start < 2.0


@pytest.mark.parametrize("name,build", [("bomb.docx", zip_bomb_docx), ("laughs.docx", billion_laughs_docx)])
def test_bombs_in_a_registry_are_p105_errors(reg, name, build):
    where = attach(reg, name, build())
    start = time.monotonic()
    result = run(reg)
    elapsed = time.monotonic() - start
    (hit,) = with_code(result, "P105")
    assert hit.location.path == where and result.failed()
    assert elapsed < 30  # the whole check of the sample; the reader's own time is bounded above


def test_ordinary_docx_is_read():
    content = extract_bytes(docx([["a", "b"]]), "ooxml")
    assert "ab" in "".join(s.text for s in content.segments)


def test_text_longer_than_the_limit_is_refused():
    """The declared limit on extracted text (MAX_TEXT_CHARS) holds: a text just over it is refused,
    one at it is read (the limit passed in small, so the test does not build 20 million characters)."""
    data = ("a" * 100).encode()
    assert extract_bytes(data, "text", max_text_chars=100).segments[0].text == "a" * 100
    with pytest.raises(Refused, match="101 characters, over the 100-character limit"):
        extract_bytes(data + b"a", "text", max_text_chars=100)

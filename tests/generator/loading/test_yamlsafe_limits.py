"""Bounded input: file size (Y101), nesting depth (Y107), non-finite and over-long numbers (Y110)."""
from pathlib import Path

import pytest

from generator.loading import yamlsafe
from generator.loading.yamlsafe import MAX_BYTES, MAX_DEPTH, MAX_NUMBER_CHARS, load_yaml, load_yaml_bytes


def test_file_over_the_size_limit(tmp_path: Path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# padding\n" + b"a: 1\n" + b"#" * MAX_BYTES)
    assert path.stat().st_size > MAX_BYTES
    doc, [f] = load_yaml(path, "big.yaml")
    assert doc is None
    assert (f.code, f.location.path, f.location.line) == ("Y101", "big.yaml", 1)
    assert str(MAX_BYTES) in f.en


def test_file_at_the_size_limit_is_read(tmp_path: Path):
    path = tmp_path / "edge.yaml"
    body = b"a: 1\n"
    path.write_bytes(body + b"#" * (MAX_BYTES - len(body)))
    assert path.stat().st_size == MAX_BYTES
    doc, findings = load_yaml(path)
    assert findings == [] and doc.data == {"a": 1}


def test_size_limit_is_read_at_call_time(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(yamlsafe, "MAX_BYTES", 10)
    path = tmp_path / "small.yaml"
    path.write_bytes(b"a: 12345678\n")
    doc, [f] = load_yaml(path)
    assert f.code == "Y101"


def test_missing_file_is_y100(tmp_path: Path):
    doc, [f] = load_yaml(tmp_path / "nope.yaml", "nope.yaml")
    assert doc is None and f.code == "Y100"


def _nested(depth: int) -> bytes:
    return b"a: " + b"[" * depth + b"1" + b"]" * depth + b"\n"


def test_nesting_just_inside_the_limit():
    doc, findings = load_yaml_bytes(_nested(MAX_DEPTH - 1), "n.yaml")
    assert findings == []


def test_nesting_over_the_limit():
    doc, [f] = load_yaml_bytes(_nested(MAX_DEPTH + 5), "n.yaml")
    assert doc is None
    assert (f.code, f.location.line) == ("Y107", 1)


def test_nesting_deep_enough_to_exhaust_the_parser_is_still_y107():
    doc, [f] = load_yaml_bytes(_nested(20_000), "n.yaml")
    assert doc is None
    assert f.code == "Y107"


def test_deep_block_mapping_nesting():
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 3)) + "  " * (MAX_DEPTH + 3) + "x\n"
    doc, [f] = load_yaml_bytes(text.encode(), "n.yaml")
    assert f.code == "Y107"


@pytest.mark.parametrize("literal", [".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"])
def test_non_finite_numbers_refused(literal):
    doc, [f] = load_yaml_bytes(f"a: 1\nvalue: {literal}\n".encode(), "n.yaml")
    assert doc is None
    assert (f.code, f.location.line, f.location.column) == ("Y110", 2, 8)
    assert literal in f.en


def test_quoted_inf_is_just_a_string():
    doc, findings = load_yaml_bytes(b"value: '.inf'\n", "n.yaml")
    assert findings == [] and doc.data == {"value": ".inf"}


@pytest.mark.parametrize("literal", ["1" * (MAX_NUMBER_CHARS + 1), "0." + "5" * MAX_NUMBER_CHARS])
def test_over_long_numbers_refused(literal):
    doc, [f] = load_yaml_bytes(f"ok: 1\nn: {literal}\n".encode(), "n.yaml")
    assert (f.code, f.location.line) == ("Y110", 2)
    assert str(MAX_NUMBER_CHARS) in f.en


def test_number_at_the_length_limit_is_accepted():
    literal = "9" * MAX_NUMBER_CHARS
    doc, findings = load_yaml_bytes(f"n: {literal}\n".encode(), "n.yaml")
    assert findings == [] and doc.data["n"] == int(literal)


def test_empty_file_is_y104():
    doc, [f] = load_yaml_bytes(b"# only a comment\n", "e.yaml")
    assert (f.code, f.location.line) == ("Y104", 1)


def test_syntax_error_is_y103_at_its_line():
    doc, [f] = load_yaml_bytes(b"a: 1\nb: [1, 2\nc: 3\n", "s.yaml")
    assert f.code == "Y103" and f.location.line in (2, 3)
    assert "YAML" in f.en and "语法" in f.zh

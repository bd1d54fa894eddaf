"""Duplicate keys are refused (Y106), at the line of the second key, naming the first."""
from pathlib import Path

from generator.loading.yamlsafe import load_yaml, load_yaml_bytes


def test_duplicate_top_level_key_points_at_second_key():
    doc, findings = load_yaml_bytes(b"id: a\nname: x\nid: b\n", "f.yaml")
    assert doc is None
    [f] = findings
    assert (f.code, f.location.path, f.location.line, f.location.column) == ("Y106", "f.yaml", 3, 1)
    assert "'id'" in f.en and "line 1" in f.en
    assert "重复" in f.zh


def test_duplicate_key_deep_in_a_list(tmp_path: Path):
    text = "lines:\n  - id: A\n    phase: hosting\n  - id: B\n    phase: hosting\n    phase: closing\n"
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    doc, [f] = load_yaml(path, "report.yaml")
    assert doc is None
    assert (f.code, f.location.line, f.location.column) == ("Y106", 6, 5)
    assert "first at line 5" in f.en


def test_same_key_in_sibling_mappings_is_fine():
    doc, findings = load_yaml_bytes(b"a:\n  x: 1\nb:\n  x: 2\n", "f.yaml")
    assert findings == []
    assert doc.data == {"a": {"x": 1}, "b": {"x": 2}}

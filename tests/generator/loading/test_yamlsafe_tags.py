"""Only plain mappings, lists and core scalars: custom and non-core tags are refused (Y111)."""
import pytest

from generator.loading.yamlsafe import load_yaml_bytes


@pytest.mark.parametrize("text, tag", [
    ("a: !python/object:os.system ls\n", "!python/object:os.system"),
    ("a: !!python/name:os.system ''\n", "python/name:os.system"),
    ("a: !!binary aGVsbG8=\n", "binary"),
    ("a: !!set {x: null}\n", "set"),
    ("a: !!omap [x: 1]\n", "omap"),
    ("a: !custom {x: 1}\n", "!custom"),
])
def test_custom_tag_refused(text, tag):
    doc, [f] = load_yaml_bytes(text.encode(), "t.yaml")
    assert doc is None
    assert (f.code, f.location.line, f.location.column) == ("Y111", 1, 4)
    assert tag in f.en and tag in f.zh


def test_tag_on_a_later_line_is_located():
    doc, [f] = load_yaml_bytes(b"a: 1\nb:\n  - x\n  - !evil y\n", "t.yaml")
    assert (f.code, f.location.line, f.location.column) == ("Y111", 4, 5)


def test_explicit_core_str_tag_is_plain_data():
    doc, findings = load_yaml_bytes(b"a: !!str 12\n", "t.yaml")
    assert findings == [] and doc.data == {"a": "12"}

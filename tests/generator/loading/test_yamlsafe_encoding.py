"""UTF-8 only: other encodings are refused (Y102) with the line of the first bad byte."""
from pathlib import Path

from generator.loading.yamlsafe import load_yaml, load_yaml_bytes


def test_latin1_refused_at_the_bad_line(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.write_bytes("id: x\nname:\n  zh: caf\xe9\n".encode("latin-1"))
    doc, [f] = load_yaml(path, "plan.yaml")
    assert doc is None
    assert (f.code, f.location.path, f.location.line) == ("Y102", "plan.yaml", 3)
    assert "UTF-8" in f.en and "UTF-8" in f.zh


def test_utf16_with_bom_refused():
    raw = "id: x\n".encode("utf-16")  # starts with the FF FE byte-order mark
    assert raw[:2] == b"\xff\xfe"
    doc, [f] = load_yaml_bytes(raw, "u16.yaml")
    assert doc is None
    assert f.code == "Y102" and f.location.line == 1


def test_utf16_big_endian_with_bom_refused():
    raw = "\ufeffid: x\n".encode("utf-16-be")
    assert raw[:2] == b"\xfe\xff"
    doc, [f] = load_yaml_bytes(raw, "u16.yaml")
    assert doc is None and f.code == "Y102"


def test_utf8_bom_is_accepted_and_hashed_as_is():
    import hashlib

    raw = "\ufeffname: 上海\n".encode("utf-8")
    doc, findings = load_yaml_bytes(raw, "bom.yaml")
    assert findings == []
    assert doc.data == {"name": "上海"}
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()

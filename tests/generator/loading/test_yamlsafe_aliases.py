"""Anchors and aliases are refused (Y105), so an alias bomb is refused before it expands."""
import time

from generator.loading.yamlsafe import load_yaml_bytes


def _bomb(levels: int = 10, width: int = 10) -> bytes:
    rows = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        rows.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    rows.append(f"boom: *l{levels - 1}")
    return ("\n".join(rows) + "\n").encode()


def test_billion_laughs_refused_fast():
    started = time.perf_counter()
    doc, [f] = load_yaml_bytes(_bomb(), "bomb.yaml")  # 10**10 leaves if it were expanded
    elapsed = time.perf_counter() - started
    assert doc is None
    assert (f.code, f.location.line) == ("Y105", 1)
    assert elapsed < 5, elapsed  # an expanding loader would not finish at all


def test_single_anchor_and_alias_refused_at_the_anchor():
    doc, [f] = load_yaml_bytes(b"name: x\nbase: &b {zh: a, en: b}\ncopy: *b\n", "a.yaml")
    assert doc is None
    assert (f.code, f.location.line, f.location.column) == ("Y105", 2, 7)
    assert "&" in f.en and "&" in f.zh


def test_anchor_without_alias_is_refused_too():
    doc, [f] = load_yaml_bytes(b"a: 1\nb: &x 2\n", "a.yaml")
    assert (f.code, f.location.line) == ("Y105", 2)


def test_merge_key_refused_as_y109():
    doc, [f] = load_yaml_bytes(b"a: 1\nb:\n  <<: {c: 1}\n  d: 2\n", "m.yaml")
    assert doc is None
    assert (f.code, f.location.line, f.location.column) == ("Y109", 3, 3)
    assert "<<" in f.en


def test_complex_key_refused_as_y109():
    doc, [f] = load_yaml_bytes(b"a: 1\n? [x, y]\n: 2\n", "m.yaml")
    assert (f.code, f.location.line) == ("Y109", 2)

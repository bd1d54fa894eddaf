"""Writes are atomic: a failed build keeps the published site; a folder carbonreg did not build is
never written into."""
from __future__ import annotations

import os

from sitetestkit import build, build_ok, copy_registry, tree_hashes


def test_a_registry_with_errors_keeps_the_previous_site(tmp_path):
    registry = copy_registry(tmp_path / "registry")
    out = build_ok(registry, tmp_path / "_site")
    index = (out / "index.html").read_bytes()
    published = os.readlink(out)
    before = tree_hashes(out)

    plan = sorted(registry.glob("events/*/*/plan.yaml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("\nkind: ", "\nkind: not-a-kind-", 1), encoding="utf-8")
    proc = build(registry, out)
    assert proc.returncode == 1, proc.stderr
    assert "error" in proc.stderr
    assert os.readlink(out) == published
    assert (out / "index.html").read_bytes() == index
    assert tree_hashes(out) == before


def test_a_folder_carbonreg_did_not_build_is_refused(tmp_path):
    registry = copy_registry(tmp_path / "registry")
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my own notes\n", encoding="utf-8")
    (out / "sub").mkdir()
    (out / "sub" / "index.html").write_text("<p>mine</p>\n", encoding="utf-8")
    before = tree_hashes(out)
    proc = build(registry, out)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "--out" in proc.stderr
    assert not out.is_symlink()
    assert tree_hashes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "registry"]   # nothing written beside it

"""Writes are atomic: a failed build keeps the published site; a folder carbonreg did not build is
never written into."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sitetestkit import build, build_ok, copy_registry, tree_hashes

from generator.site.output import MARKER, _publish, exchange, restore_parked


def test_a_registry_with_errors_keeps_the_previous_site(tmp_path):
    registry = copy_registry(tmp_path / "registry")
    out = build_ok(registry, tmp_path / "_site")
    index = (out / "index.html").read_bytes()
    published = os.stat(out).st_ino
    before = tree_hashes(out)

    plan = sorted(registry.glob("events/*/*/plan.yaml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("\nkind: ", "\nkind: not-a-kind-", 1), encoding="utf-8")
    proc = build(registry, out)
    assert proc.returncode == 1, proc.stderr
    assert "error" in proc.stderr
    assert os.stat(out).st_ino == published   # the very folder published before
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


def test_the_site_is_a_plain_folder_that_cp_and_tar_copy(tmp_path):
    registry = copy_registry(tmp_path / "registry")
    out = build_ok(registry, tmp_path / "_site")
    assert out.is_dir() and not out.is_symlink()
    subprocess.run(["cp", "-r", str(out), str(tmp_path / "copy")], check=True)
    diff = subprocess.run(["diff", "-r", str(out), str(tmp_path / "copy")], capture_output=True, text=True)
    assert diff.returncode == 0, diff.stdout[:2000]
    subprocess.run(["tar", "czf", str(tmp_path / "site.tgz"), "-C", str(tmp_path), "_site"], check=True)
    listing = subprocess.run(["tar", "tzf", str(tmp_path / "site.tgz")], capture_output=True, text=True, check=True)
    assert "_site/index.html" in listing.stdout.split()


def test_a_rebuild_swaps_the_folder_and_leaves_no_build_behind(tmp_path):
    registry = copy_registry(tmp_path / "registry")
    out = build_ok(registry, tmp_path / "_site")
    plan = registry / "events/2026/2026-riverside-light-art-festival/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("滨江灯光艺术节", "滨江灯笼艺术节"), encoding="utf-8")
    out = build_ok(registry, out)
    assert out.is_dir() and not out.is_symlink()
    page = (out / "events/2026-riverside-light-art-festival/index.html").read_text(encoding="utf-8")
    assert "滨江灯笼艺术节" in page
    builds = tmp_path / "._site.builds"
    assert [p.name for p in builds.iterdir() if p.name != ".trash"] == []


def test_an_old_symlinked_site_becomes_a_folder(tmp_path):
    registry = copy_registry(tmp_path / "registry")
    built = build_ok(registry, tmp_path / "first")
    (tmp_path / "._site.builds").mkdir()
    os.rename(built, tmp_path / "._site.builds" / "old")
    os.symlink("._site.builds/old", tmp_path / "_site")
    out = build_ok(registry, tmp_path / "_site")
    assert out.is_dir() and not out.is_symlink()
    assert (out / "index.html").is_file()


def _site_folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / MARKER).write_text("carbonreg\n", encoding="utf-8")
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path):
    old = _site_folder(tmp_path / "_site", "old")
    new = _site_folder(tmp_path / "new", "new")
    assert exchange(new, old)   # Linux with glibc >= 2.28 (Debian, CI); elsewhere the fallback below
    assert (tmp_path / "_site" / "index.html").read_text() == "new"
    assert (tmp_path / "new" / "index.html").read_text() == "old"


def test_the_fallback_publishes_and_a_kill_between_its_renames_is_repaired(tmp_path):
    builds = tmp_path / "._site.builds"
    builds.mkdir()
    out = _site_folder(tmp_path / "_site", "old")
    new = _site_folder(builds / "2", "new")
    _publish(out, new, swap=lambda a, b: False)
    assert (out / "index.html").read_text() == "new"
    assert [p.name for p in builds.iterdir()] == ["parked-2"]

    # killed right after the first rename: no _site for an instant; the next build puts it back
    shutil.rmtree(builds / "parked-2")
    os.rename(out, builds / "parked-3")
    assert not out.exists()
    restore_parked(out, builds)
    assert (out / "index.html").read_text() == "new"

"""Building the events' units on several processes gives exactly the bytes of building them in one."""
from __future__ import annotations

import hashlib
from pathlib import Path

from generator import forking
from generator.caches import Caches
from generator.demo.generate import DEMO_TODAY, generate
from generator.site.build import build


def _tree(site: Path) -> dict[str, str]:
    root = site.resolve()
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_parallel_rendering_is_identical(tmp_path, monkeypatch):
    registry = tmp_path / "registry"
    generate(registry, 24, "parallel")
    monkeypatch.setattr(forking, "MIN_ITEMS_PER_JOB", 4)  # force workers on a small registry
    one = build(registry, tmp_path / "one", DEMO_TODAY, epoch=1764000000, search=False, jobs=1,
                caches=Caches(tmp_path / "cache-one"))
    two = build(registry, tmp_path / "two", DEMO_TODAY, epoch=1764000000, search=False, jobs=2,
                caches=Caches(tmp_path / "cache-two"))
    assert one.files == two.files > 100
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")

"""A build killed at any moment leaves the previous site intact, and the next build is correct."""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

SAMPLE = pristine_sample()


def tree_digest(site: Path) -> dict[str, str]:
    root = site.resolve()
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def build_cmd(registry: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "build", "--registry", str(registry), "--out", str(out),
            "--today", "2026-11-24", "--no-search"]


def test_killed_builds_never_break_the_published_site(tmp_path):
    registry = tmp_path / "registry"
    shutil.copytree(SAMPLE, registry)
    out = tmp_path / "_site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764000000", "CARBONREG_CACHE": str(tmp_path / "cache")}
    subprocess.run(build_cmd(registry, out), check=True, env=env, capture_output=True)  # fills the cache
    start = time.perf_counter()  # the builds killed below are warm ones: time one of those
    subprocess.run(build_cmd(registry, out), check=True, env=env, capture_output=True)
    full = time.perf_counter() - start
    published = tree_digest(out)
    assert "index.html" in published
    rng = random.Random(20261124)
    killed_mid_build = 0
    for _ in range(8):
        proc = subprocess.Popen(build_cmd(registry, out), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, full * 1.1))
        if proc.poll() is None:
            killed_mid_build += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # whatever moment the kill hit, the published site is a complete build of this registry
        assert tree_digest(out) == published
    assert killed_mid_build >= 4  # most kills landed inside a running build
    subprocess.run(build_cmd(registry, out), check=True, env=env, capture_output=True)
    assert tree_digest(out) == published
    builds = [p for p in (tmp_path / "._site.builds").iterdir() if p.is_dir() and p.name != ".trash"]
    assert len(builds) <= 2  # half-written builds of killed runs were cleaned up
    trash = tmp_path / "._site.builds" / ".trash"
    for _ in range(100):  # deleted by a detached process after the build returned
        if not trash.exists() or not any(trash.iterdir()):
            break
        time.sleep(0.1)
    assert not trash.exists() or not any(trash.iterdir())

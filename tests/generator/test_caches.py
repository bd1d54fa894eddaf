"""generator/caches.py: the run's caches are decided once and passed down. A check given a
``Caches`` keeps every cache (records, memos, secret scans, attachment scans, verdicts) in it and
never in the folder the environment names; the environment is read only by ``from_environment``."""
from __future__ import annotations

from pathlib import Path

from gentestkit import SHOWN, TODAY, copy_sample

from generator.caches import Caches
from generator.pipeline import check, check_whole


def test_from_environment():
    assert Caches.from_environment({"CARBONREG_CACHE": "off"}).folder is None
    assert Caches.from_environment({"CARBONREG_CACHE": "/x/y"}).folder == Path("/x/y")
    assert Caches.from_environment({"XDG_CACHE_HOME": "/c"}).folder == Path("/c/carbonreg")


def test_a_check_uses_the_caches_it_is_given(tmp_path, monkeypatch):
    registry = copy_sample(tmp_path)
    named = tmp_path / "named-by-environment"
    monkeypatch.setenv("CARBONREG_CACHE", str(named))
    given = Caches(tmp_path / "given")
    check(registry, TODAY, SHOWN, caches=given)
    check_whole(registry, TODAY, SHOWN, caches=given)
    assert not named.exists()
    kept = {p.name for p in given.folder.iterdir()}
    assert {"records", "secrets", "personal-data", "verdicts"} <= kept, kept


def test_no_cache_on_disk_when_off(tmp_path, monkeypatch):
    registry = copy_sample(tmp_path)
    named = tmp_path / "named-by-environment"
    monkeypatch.setenv("CARBONREG_CACHE", str(named))
    off = check(registry, TODAY, SHOWN, caches=Caches(None))
    assert not named.exists()
    assert off.findings == check_whole(registry, TODAY, SHOWN, caches=Caches(None)).findings

"""The content-addressed record cache: same results, misses on any change, corrupted entries rebuilt."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.loading.cache import RecordCache
from generator.loading.registry import load_record
from generator.loading.walk import RegistryFile
from generator.pipeline import check

SAMPLE = pristine_sample()
PLAN = "events/2025/2025-pujiang-city-marathon/plan.yaml"


def _file(root: Path, rel: str = PLAN, kind: str = "plan") -> RegistryFile:
    return RegistryFile(kind, root / rel, rel)


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "records").rglob("*.json"))


def test_a_cached_load_equals_a_fresh_one(tmp_path):
    cache = RecordCache(tmp_path / "cache")
    fresh, _ = load_record(_file(SAMPLE), RecordCache(None))
    first, _ = load_record(_file(SAMPLE), cache)
    assert len(_entries(tmp_path / "cache")) == 1
    second, _ = load_record(_file(SAMPLE), cache)
    assert fresh == first == second
    assert second.doc.data == fresh.doc.data
    for path in (("estimate", "total_tco2e"), ("reduction_measures", 2, "description", "en"), ("phases", "closing")):
        assert second.doc.at(*path) == fresh.doc.at(*path) != fresh.doc.at()  # locations read again, exactly
    assert second.estimate_total == fresh.estimate_total  # Decimal survives the round trip exactly


def test_findings_are_cached_too(tmp_path):
    bad = tmp_path / "plan.yaml"
    bad.write_text("id: x\nid: y\n", encoding="utf-8")
    cache = RecordCache(tmp_path / "cache")
    first = load_record(RegistryFile("plan", bad, "plan.yaml"), cache)
    second = load_record(RegistryFile("plan", bad, "plan.yaml"), cache)
    assert first == second and first[1][0].code == "Y106"


def test_a_changed_file_misses(tmp_path):
    root = tmp_path / "registry"
    shutil.copytree(SAMPLE, root)
    cache = RecordCache(tmp_path / "cache")
    load_record(_file(root), cache)
    path = root / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace("on_site_participants: 38000", "on_site_participants: 39000"),
                    encoding="utf-8")
    record, _ = load_record(_file(root), cache)
    assert record.attendance["on_site_participants"] == 39000
    assert len(_entries(tmp_path / "cache")) == 2


def test_a_corrupted_entry_is_detected_and_rebuilt(tmp_path):
    cache = RecordCache(tmp_path / "cache")
    good, _ = load_record(_file(SAMPLE), cache)
    [entry] = _entries(tmp_path / "cache")
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("38000", "99999"), encoding="utf-8")  # payload edited, checksum now wrong
    record, _ = load_record(_file(SAMPLE), cache)
    assert record == good and record.attendance["on_site_participants"] == 38000
    assert "99999" not in entry.read_text(encoding="utf-8")  # rewritten from the file
    entry.write_bytes(b"\x00garbage")
    assert load_record(_file(SAMPLE), cache)[0] == good


def test_check_gives_the_same_findings_with_a_warm_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    cold = check(SAMPLE, date(2026, 11, 24))
    warm = check(SAMPLE, date(2026, 11, 24))
    monkeypatch.setenv("CARBONREG_CACHE", "off")
    uncached = check(SAMPLE, date(2026, 11, 24))
    assert cold.findings == warm.findings == uncached.findings
    assert {k: a.total for k, a in warm.accounts.items()} == {k: a.total for k, a in uncached.accounts.items()}

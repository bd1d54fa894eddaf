"""A build sharded over machines (``build --shard K/N`` then ``build --merge``) gives the one-machine
site byte for byte, search index included, and refuses parts that do not belong together."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sitetestkit import copy_registry, tree_hashes

from generator.site.build import BuildRefused, build
from generator.site.shards import MANIFEST, Shard, ShardError, build_shard, merge_parts, parse_shard, shard_of

DAY = date(2026, 12, 1)  # the demo registry's reference date
EPOCH = 1795132800


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shards") / "registry"
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "demo", "--events", "200", "--seed", "5", "--out", str(out)],
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


def test_four_shards_merge_into_the_one_machine_site(demo, tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    one = build(demo, tmp_path / "one", DAY, EPOCH, "registry", search=True)
    parts = []
    for k in range(1, 5):
        monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / f"cache-{k}"))  # one machine each: no shared cache
        build_shard(demo, tmp_path / f"part-{k}", DAY, Shard(k, 4), EPOCH, "registry")
        parts.append(tmp_path / f"part-{k}")
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache-merge"))
    merged = merge_parts(demo, parts, tmp_path / "merged", DAY, EPOCH, "registry", search=True)

    expected = tree_hashes(tmp_path / "one")
    assert any(p.startswith("pagefind/") for p in expected)
    assert tree_hashes(tmp_path / "merged") == expected
    assert merged.warnings == one.warnings  # the registry-wide rules ran over every part's facts
    # Each part built a share of the events, and no event twice.
    event_pages = [{p for p in tree_hashes(part) if p.startswith("en/events/")} for part in parts]
    assert all(30 < len(pages) < len({p for p in expected if p.startswith("en/events/")}) for pages in event_pages)
    assert sum(len(pages) for pages in event_pages) == len(set().union(*event_pages))


def test_an_event_stays_in_its_shard_as_the_registry_grows():
    assert shard_of("events/2026/2026-a", 4) == shard_of("events/2026/2026-a", 4)
    counts = [sum(shard_of(f"events/2026/e-{i}", 4) == k for i in range(400)) for k in range(1, 5)]
    assert min(counts) > 60  # spread over all four


@pytest.mark.parametrize("text", ["0/4", "5/4", "4", "a/b", "2/0"])
def test_a_bad_shard_number_is_refused(text):
    with pytest.raises(ShardError) as exc:
        parse_shard(text)
    assert "K/N" in exc.value.zh and "K/N" in exc.value.en


def test_missing_repeated_or_foreign_parts_are_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    registry = copy_registry(tmp_path / "registry")
    day = date(2026, 11, 20)
    for k in (1, 2):
        build_shard(registry, tmp_path / f"p{k}", day, Shard(k, 2), EPOCH, "registry")
    build_shard(registry, tmp_path / "other-day", day.replace(day=21), Shard(2, 2), EPOCH, "registry")
    out = tmp_path / "site"
    for parts, says in ([["p1"], "1/2"], [["p1", "p1"], "once"], [["p1", "other-day"], "--today"],
                        [["p1", "registry"], MANIFEST]):
        with pytest.raises(ShardError) as exc:
            merge_parts(registry, [tmp_path / p for p in parts], out, day, EPOCH, "registry")
        assert says in exc.value.en and exc.value.zh
        assert not out.exists()  # nothing published


def test_the_merge_refuses_a_registry_the_one_machine_build_refuses(tmp_path, monkeypatch):
    """Serials retired twice, by events in different shards: each shard alone is clean, only the
    registry-wide rules over every part's facts (run by the merge) find it."""
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    registry = copy_registry(tmp_path / "registry")
    day = date(2026, 11, 20)
    forum = registry / "events/2026/2026-pujiang-low-carbon-forum"            # open
    (forum / "certificate.json").unlink()  # it binds the retirement edited below (C102 in its own shard)
    expo = registry / "events/2025/2025-yrd-green-building-expo"              # retired SHVER-2024-FO-0007 100001-100510
    assert shard_of("events/2026/2026-pujiang-low-carbon-forum", 2) != shard_of("events/2025/2025-yrd-green-building-expo", 2)
    assert "SHVER-2024-FO-0007" in (expo / "retirements/exhb-2026-shver-001.yaml").read_text(encoding="utf-8")
    retirement = forum / "retirements/pjlcf-2026-shver-001.yaml"
    text = retirement.read_text(encoding="utf-8")
    old = '{prefix: SHVER-2025-CI-0031, first: "000008001", last: "000008028"}'
    assert old in text
    retirement.write_text(text.replace(old, '{prefix: SHVER-2024-FO-0007, first: "000100001", last: "000100028"}'), encoding="utf-8")
    with pytest.raises(BuildRefused) as whole:
        build(registry, tmp_path / "one", day, EPOCH, "registry", search=False)
    assert "R510" in {f.code for f in whole.value.result.findings}
    parts = []
    for k in (1, 2):
        build_shard(registry, tmp_path / f"p{k}", day, Shard(k, 2), EPOCH, "registry")  # each alone is clean
        parts.append(tmp_path / f"p{k}")
    with pytest.raises(BuildRefused) as merged:
        merge_parts(registry, parts, tmp_path / "merged", day, EPOCH, "registry", search=False)
    assert merged.value.result.findings == whole.value.result.findings
    assert not (tmp_path / "merged").exists()

"""The event-by-event check with its memo finds exactly what the whole-registry check finds."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from gentestkit import SAMPLE, SHOWN, TODAY, edit

from generator.caches import Caches
from generator.demo import DEMO_TODAY, generate
from generator.incremental.check import check_incremental
from generator.pipeline import check_whole as check


def _same(full, inc) -> None:
    assert [f.message for f in inc.findings] == [f.message for f in full.findings]
    assert [(f.location, f.related) for f in inc.findings] == [(f.location, f.related) for f in full.findings]
    assert inc.counts() == full.counts()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("incdemo") / "registry"
    generate(out, 24, seed=7)
    return out


def _copy(src: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "registry"
    shutil.copytree(src, dst, symlinks=True)
    return dst


def _events(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("events/*/*") if p.is_dir())


def test_sample_registry_same_findings_cold_warm_and_without_cache(reg, tmp_path):
    full = check(reg, TODAY, SHOWN)
    cold = check_incremental(reg, TODAY, SHOWN, caches=Caches(tmp_path / "cache"))
    warm = check_incremental(reg, TODAY, SHOWN, caches=Caches(tmp_path / "cache"))
    off = check_incremental(reg, TODAY, SHOWN, caches=Caches(None))
    for result in (cold, warm, off):
        _same(full, result)
    assert cold.reused == 0 and off.reused == 0
    assert warm.reused == len(full.registry.events) == 7


def test_cross_event_conflicts_are_found_from_memo_facts(demo, tmp_path):
    """A retirement copied into another event: same id and serials in two events (R105, R510), one
    of them taken from the memo; an offer reusing a retirement id (O106); a notice naming an unknown event."""
    root = _copy(demo, tmp_path)
    cache = tmp_path / "cache"
    check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))  # memo of the clean registry
    with_retirements = [e for e in _events(root) if any((e / "retirements").glob("*.yaml"))]
    source, target = with_retirements[0], with_retirements[1]
    ret = sorted((source / "retirements").glob("*.yaml"))[0]
    shutil.copy(ret, target / "retirements" / ret.name)
    inc = check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    assert inc.reused == len(_events(root)) - 1  # only the event given the copy was checked again
    assert {"R105", "R510"} <= {f.code for f in inc.findings}
    _same(check(root, DEMO_TODAY, SHOWN), inc)
    # An offer is registry-wide but no event's own result depends on it: every event is reused.
    sample_offer = sorted((SAMPLE / "offers").glob("*.yaml"))[0]
    (root / "offers").mkdir(exist_ok=True)
    offer = root / "offers" / sample_offer.name
    shutil.copy(sample_offer, offer)
    edit(offer, f"id: {offer.stem}", f"id: {ret.stem}")
    inc = check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    assert inc.reused == len(_events(root)) and "O106" in {f.code for f in inc.findings}
    _same(check(root, DEMO_TODAY, SHOWN), inc)
    notice = sorted((root / "revocations").glob("*.yaml"))
    assert notice
    if notice:
        text = notice[0].read_text(encoding="utf-8")
        event_line = next(line for line in text.splitlines() if line.strip().startswith("event:"))
        edit(notice[0], event_line, event_line.split(":")[0] + ": 2099-no-such-event-00000")
    full = check(root, DEMO_TODAY, SHOWN)
    inc = check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    _same(full, inc)
    codes = {f.code for f in inc.findings}
    assert {"R105", "R510", "O106", "R950"} <= codes


def test_one_edited_event_is_checked_again_and_global_change_rechecks_all(demo, tmp_path):
    root = _copy(demo, tmp_path)
    cache = tmp_path / "cache"
    n = len(_events(root))
    assert check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache)).reused == 0
    plan = _events(root)[3] / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("name:", "name:", 1) + "\nbogus_field: 1\n", encoding="utf-8")
    inc = check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    assert inc.reused == n - 1
    _same(check(root, DEMO_TODAY, SHOWN), inc)
    assert any(f.code.startswith("S") and "plan.yaml" in f.location.path for f in inc.findings)
    rules = sorted((root / "rules").glob("*.yaml"))[0]
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a comment changes the bytes\n", encoding="utf-8")
    assert check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache)).reused == 0
    # Another reference date changes deadlines: nothing is reused either.
    assert check_incremental(root, DEMO_TODAY.replace(year=DEMO_TODAY.year + 1), SHOWN, caches=Caches(cache)).reused == 0


def test_same_size_same_mtime_edit_is_still_seen(demo, tmp_path):
    """An edit that keeps the size and restores the modification time still changes the change time."""
    root = _copy(demo, tmp_path)
    cache = tmp_path / "cache"
    plan = _events(root)[0] / "plan.yaml"
    old = os.stat(plan)
    os.utime(plan, ns=(old.st_atime_ns, old.st_mtime_ns - 10_000_000_000))  # make it old: not racy
    check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    before = os.stat(plan)
    data = plan.read_bytes()
    i = data.index(b"name:")
    plan.write_bytes(data[:i] + b"nAme:" + data[i + 5:])  # same size, breaks the schema
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    inc = check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    assert inc.errors > 0 and inc.reused == len(_events(root)) - 1
    _same(check(root, DEMO_TODAY, SHOWN), inc)


def test_a_corrupted_memo_row_is_recomputed_not_trusted(demo, tmp_path):
    root = _copy(demo, tmp_path)
    cache = tmp_path / "cache"
    first = check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    db = sqlite3.connect(cache / "state.sqlite")
    db.execute("UPDATE memo SET value = replace(value, '\"findings\":[', '\"findings\":[[\"X999\",\"error\",[\"forged\",1,1],\"x\",\"x\",[]],') ")
    db.commit()
    db.close()
    again = check_incremental(root, DEMO_TODAY, SHOWN, caches=Caches(cache))
    assert again.reused == 0
    assert "X999" not in {f.code for f in again.findings}
    _same(first, again)


def test_an_unreadable_state_database_only_costs_time(reg, tmp_path):
    """A corrupted SQLite file is not an error: the check runs without the memo and finds the same."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "state.sqlite").write_bytes(b"this is not a database" * 100)
    full = check(reg, TODAY, SHOWN)
    inc = check_incremental(reg, TODAY, SHOWN, caches=Caches(cache))
    _same(full, inc)
    assert inc.reused == 0


def test_memo_from_another_checkout_points_into_this_one(tmp_path):
    """A memo written by a checkout elsewhere (the per-user cache, a build shard from another machine)
    must point its findings into this checkout: a serial reused in one event is reported in the other,
    whose memo is reused, at the block's own line (was 1:1, the old checkout's file being gone)."""
    from gentestkit import MARATHON, SALON, line_of

    cache = tmp_path / "cache"
    first = _copy(SAMPLE, tmp_path / "first")
    check_incremental(first, TODAY, SHOWN, caches=Caches(cache))
    shutil.rmtree(first)
    second = _copy(SAMPLE, tmp_path / "second")
    salon = second / SALON / "retirements" / "css-2026-ccer-001.yaml"
    edit(salon, "prefix: CCER-310000-2024-0112", "prefix: CCER-310000-2024-0087")
    edit(salon, 'first: "000000501", last: "000000502"', 'first: "000000001", last: "000000002"')
    result = check_incremental(second, TODAY, SHOWN, caches=Caches(cache))
    assert result.reused == 6
    marathon = second / MARATHON / "retirements" / "pjm-2026-ccer-001.yaml"
    r510 = [f.location for f in result.findings if f.code == "R510" and f.location.path.endswith("pjm-2026-ccer-001.yaml")]
    assert [loc.line for loc in r510] == [line_of(marathon, "- {prefix:")]


def test_a_cache_restored_into_a_checkout_at_another_path_is_reused_with_that_checkouts_paths(demo, tmp_path):
    """The shown root defaults to the registry's absolute path, so a cache restored into a checkout
    elsewhere (a developer's second clone, a shard machine) missed every event: the memo key held
    that path (3,000 events: 50 s instead of 1.6 s). Now every event is reused, and what it reports
    is what a whole check of the new checkout reports: findings at the new paths, and the paths
    quoted in messages (a copied retirement: R105, R510 name the other event's file)."""
    first = _copy(demo, tmp_path / "first")
    plan = _events(first)[3] / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert 'content: {zh: "' in text
    plan.write_text(text.replace('content: {zh: "', 'content: {zh: "联系 13812345678 ', 1), encoding="utf-8")
    with_retirements = [e for e in _events(first) if any((e / "retirements").glob("*.yaml"))]
    ret = sorted((with_retirements[0] / "retirements").glob("*.yaml"))[0]
    shutil.copy(ret, with_retirements[1] / "retirements" / ret.name)
    cache = tmp_path / "cache"
    check_incremental(first, DEMO_TODAY, caches=Caches(cache))  # shown as its absolute path
    second = tmp_path / "second" / "checkout"
    shutil.copytree(first, second, symlinks=True)
    shutil.rmtree(first)
    moved = check_incremental(second, DEMO_TODAY, caches=Caches(cache))
    assert moved.reused == len(_events(second))
    full = check(second, DEMO_TODAY)
    _same(full, moved)
    codes = {f.code for f in moved.findings}
    assert {"P101", "R105", "R510"} <= codes
    assert all(str(first) not in f"{f.location} {f.message} {f.related}" for f in moved.findings)
    assert any(f.code == "P101" and f.location.path.startswith(f"{second}/events/") for f in moved.findings)
    # A run that shows paths bare has no prefix to map them with: its memos are its own.
    bare = check_incremental(second, DEMO_TODAY, ".", caches=Caches(cache))
    assert bare.reused == 0
    _same(check(second, DEMO_TODAY, "."), bare)


def test_a_memo_maps_every_shown_path_it_holds_including_those_quoted_in_messages(tmp_path):
    """memo.encode / decode alone, with a finding that quotes a shown path in both languages and
    names a related place: read back under another shown root, each names the new root; under the
    same root, the finding comes back as it was."""
    from generator.findings import Location, error
    from generator.incremental import memo
    from generator.rules.facts import EventFacts

    old, new = "/home/a/registry", "ci/registry"
    finding = error("X999", Location(f"{old}/events/2026/e/plan.yaml", 3, 1),
                    f"与 {old}/events/2026/f/plan.yaml 重复", f"same as {old}/events/2026/f/plan.yaml",
                    related=(Location(f"{old}/events/2026/f/plan.yaml", 7, 2),))
    facts = EventFacts(rel_dir="events/2026/e", plan_id="e", ids=(), serials=(), declaration=None, has_report=False,
                       retirements=0, has_declaration=False, standing_level=None, status="planned", placeholder_lines=0)
    value = memo.encode([finding], facts, tmp_path, old)
    assert old not in repr(value)
    (back,), _ = memo.decode(value, tmp_path, new)
    assert back.location == Location("ci/registry/events/2026/e/plan.yaml", 3, 1)
    assert back.zh == "与 ci/registry/events/2026/f/plan.yaml 重复"
    assert back.en == "same as ci/registry/events/2026/f/plan.yaml"
    assert back.related == (Location("ci/registry/events/2026/f/plan.yaml", 7, 2),)
    assert memo.decode(value, tmp_path, old)[0] == [finding]
    # Only a path that starts with the prefix is one: "registry/" inside a URL or a longer name is text.
    text = "see https://example.org/registry/a, other-registry/b and registry/c"
    value = memo.encode([error("X998", Location("registry/events/2026/e/plan.yaml"), text, text)], facts, tmp_path, "registry")
    (back,), _ = memo.decode(value, tmp_path, new)
    assert back.en == "see https://example.org/registry/a, other-registry/b and ci/registry/c"
    assert back.location.path == "ci/registry/events/2026/e/plan.yaml"

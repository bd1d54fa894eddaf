"""The tests read the sample, not whatever a user filed in the working tree's ``registry/``.

Issue 15: an organizer filed a valid event in a clone and ``make test`` then failed by the dozen.
Here a copy of the repository's registry gets an extra, valid event (0 errors from the check) and
the kit must hand the tests the very same files as without it.
"""
from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

from samplekit import REPO, SAMPLE, SAMPLE_EVENTS, copy_sample_from, extra_events

from generator.pipeline import check

RIVERSIDE = "events/2026/2026-riverside-light-art-festival"


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _add_valid_event(registry: Path) -> str:
    """A new planned event, as an organizer files one: a plan copied from the sample, renamed."""
    folder = registry / "events/2027/2027-lujiazui-test-regatta"
    folder.mkdir(parents=True)
    text = (registry / RIVERSIDE / "plan.yaml").read_text(encoding="utf-8")
    text = (text.replace("2026-riverside-light-art-festival", "2027-lujiazui-test-regatta")
                .replace("2026 滨江灯光艺术节", "2027 陆家嘴龙舟赛").replace("2026 Riverside Light Art Festival",
                                                                     "2027 Lujiazui Dragon Boat Race"))
    for old, new in (("2026-10-01", "2027-03-01"), ("2026-12-17", "2027-05-31"), ("2026-12-18", "2027-06-01"),
                     ("2026-12-31", "2027-06-02"), ("2027-01-01", "2027-06-03"), ("2027-01-10", "2027-06-10"),
                     ("2027-06-30", "2027-12-31")):
        assert old in text, old
        text = text.replace(old, new)
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    return "2027/2027-lujiazui-test-regatta"


def test_an_extra_valid_event_in_the_working_tree_is_left_out(tmp_path):
    clone = tmp_path / "clone-registry"
    shutil.copytree(REPO / "registry", clone)
    added = _add_valid_event(clone)
    result = check(clone, date(2026, 11, 20), "registry")
    assert result.errors == 0, [f"{f.location} {f.code} {f.en}" for f in result.findings if f.severity == "error"]
    assert any(e.plan and e.plan.id == "2027-lujiazui-test-regatta" for e in result.registry.events)

    assert added in extra_events(clone)
    copied = copy_sample_from(clone, tmp_path / "copy")
    assert _tree(copied) == _tree(SAMPLE)
    assert not (copied / "events" / added).exists()
    assert not (copied / "events" / "2027").exists()   # nor its year folder (a test may create it)


def test_every_sample_event_is_in_the_repository_and_kept():
    present = {p.name for p in (REPO / "registry" / "events").glob("*/*") if p.is_dir()}
    assert SAMPLE_EVENTS <= present, f"named in samplekit.SAMPLE_EVENTS but not in registry/: {SAMPLE_EVENTS - present}"
    kept = {p.name for p in (SAMPLE / "events").glob("*/*") if p.is_dir()}
    assert kept == SAMPLE_EVENTS
    assert _tree(SAMPLE / "trust") == _tree(REPO / "registry" / "trust")

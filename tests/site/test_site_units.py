"""Rebuilds: unchanged events' files are linked from the previous site, checked, and the result is
byte for byte the site a build from nothing makes."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.demo.generate import DEMO_TODAY, generate
from generator.site import opendata
from generator.site.build import build

EPOCH = 1764000000
SAMPLE = pristine_sample()


def _tree(site: Path) -> dict[str, str]:
    root = site.resolve()
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("units") / "registry"
    generate(out, 16, "units")
    return out


def _fresh(registry: Path, tmp_path: Path, name: str, monkeypatch) -> tuple:
    """A build from nothing: its own empty cache, no previous site."""
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / f"cache-{name}"))
    report = build(registry, tmp_path / name, DEMO_TODAY, epoch=EPOCH, search=False)
    return report, _tree(tmp_path / name)


def test_rebuild_after_one_edit_reuses_the_rest_and_equals_a_fresh_build(demo, tmp_path, monkeypatch):
    registry = tmp_path / "registry"
    shutil.copytree(demo, registry)
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    first = build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    events = sorted(p for p in registry.glob("events/*/*") if (p / "plan.yaml").is_file())
    unsigned = [p for p in events if not (p / "certificate.json").exists() and not (p / "declaration.json").exists()]
    plan = unsigned[0] / "plan.yaml"  # a signed event's records can no longer be edited (C102)
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('en: "', 'en: "Renamed ', 1), encoding="utf-8")
    again = build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    assert first.reused == 0 and again.reused == len(events) - 1
    _, expected = _fresh(registry, tmp_path, "fresh", monkeypatch)
    assert _tree(tmp_path / "site") == expected
    assert again.files == first.files


def test_a_tampered_previous_file_is_not_carried_over(demo, tmp_path, monkeypatch):
    registry = tmp_path / "registry"
    shutil.copytree(demo, registry)
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    page = next((tmp_path / "site").resolve().glob("events/*/index.html"))
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<script>alert(1)</script></body>"))
    again = build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    events = len([p for p in registry.glob("events/*/*") if p.is_dir()])
    assert again.reused == events - 1  # that event's unit was built again
    _, expected = _fresh(registry, tmp_path, "fresh", monkeypatch)
    assert _tree(tmp_path / "site") == expected
    assert b"alert(1)" not in (tmp_path / "site" / page.relative_to(page.parents[2])).read_bytes()


def test_a_new_offer_rebuilds_every_event(demo, tmp_path, monkeypatch):
    """An open event's page lists matching offers, so offers are part of every unit's key."""
    registry = tmp_path / "registry"
    shutil.copytree(demo, registry)
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    (registry / "offers").mkdir(exist_ok=True)
    offer = sorted((SAMPLE / "offers").glob("*.yaml"))[0]
    shutil.copy(offer, registry / "offers" / offer.name)
    again = build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    assert again.reused == 0
    _, expected = _fresh(registry, tmp_path, "fresh", monkeypatch)
    assert _tree(tmp_path / "site") == expected


def test_registry_json_is_the_dump_of_the_events_files(demo, tmp_path, monkeypatch):
    """data/registry.json is assembled from the events' own files without parsing them again: it must
    be exactly what dumping the whole structure gives."""
    _fresh(demo, tmp_path, "site", monkeypatch)
    site = (tmp_path / "site").resolve()
    whole = json.loads((site / "data" / "registry.json").read_bytes())
    assert len(whole["events"]) >= 10
    assert (site / "data" / "registry.json").read_bytes() == opendata._dump(whole)
    for record in whole["events"]:
        assert (site / "data" / "events" / f"{record['id']}.json").read_bytes() == opendata._dump(record)


def test_a_same_size_edit_of_a_previous_file_is_not_carried_over(demo, tmp_path, monkeypatch):
    """An edit that keeps the size changes the modification time, so the file is read and its
    SHA-256 compared: the unit is built again."""
    registry = tmp_path / "registry"
    shutil.copytree(demo, registry)
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    page = next((tmp_path / "site").resolve().glob("events/*/index.html"))
    data = page.read_bytes()
    page.write_bytes(data.replace(b"<body", b"<BODY", 1))  # same size
    again = build(registry, tmp_path / "site", DEMO_TODAY, epoch=EPOCH, search=False)
    events = len([p for p in registry.glob("events/*/*") if p.is_dir()])
    assert again.reused == events - 1
    _, expected = _fresh(registry, tmp_path, "fresh", monkeypatch)
    assert _tree(tmp_path / "site") == expected

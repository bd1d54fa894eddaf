"""The same registry and SOURCE_DATE_EPOCH give the same bytes; a changed registry changes them."""
from __future__ import annotations

from sitetestkit import build_ok, copy_registry, tree_hashes


def rename_event(registry, event_id: str, new_en: str) -> None:
    plan = next(registry.glob(f"events/*/{event_id}/plan.yaml"))
    text = plan.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    # the first "  en:" line after "name:" is the English name
    at = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    en = next(i for i in range(at + 1, len(lines)) if lines[i].lstrip().startswith("en:"))
    lines[en] = lines[en].split("en:")[0] + f"en: {new_en}\n"
    plan.write_text("".join(lines), encoding="utf-8")


def test_two_builds_are_byte_identical_and_a_change_shows(site, result, tmp_path):
    registry = copy_registry(tmp_path / "registry")
    first = tree_hashes(build_ok(registry, tmp_path / "one" / "_site"))
    second = tree_hashes(build_ok(registry, tmp_path / "two" / "_site"))
    assert first and first == second
    assert first == tree_hashes(site.root)          # same bytes from a registry at another path
    assert tree_hashes(build_ok(registry, tmp_path / "one" / "_site")) == first   # rebuild in place

    event_id = sorted(e.plan.id for e in result.registry.events  # an unsigned event: editable (the riverside
                      if e.plan and not e.certificate and not e.declaration_credential)[0]  # festival since the forum's certificate)
    rename_event(registry, event_id, "Renamed For The Determinism Test")
    third = tree_hashes(build_ok(registry, tmp_path / "three" / "_site"))
    changed = {path for path in first.keys() | third.keys() if first.get(path) != third.get(path)}
    assert f"en/events/{event_id}/index.html" in changed
    assert f"data/events/{event_id}.json" in changed
    assert f"events/{event_id}/attachments" not in {p.rsplit("/", 1)[0] for p in changed}
    page = (tmp_path / "three" / "_site" / "en" / "events" / event_id / "index.html").read_text(encoding="utf-8")
    assert "Renamed For The Determinism Test" in page


def test_source_date_epoch_is_the_only_clock(tmp_path):
    registry = copy_registry(tmp_path / "registry")
    one = tree_hashes(build_ok(registry, tmp_path / "a" / "_site", epoch="1790000000"))
    two = tree_hashes(build_ok(registry, tmp_path / "b" / "_site", epoch="1790000000"))
    other = tree_hashes(build_ok(registry, tmp_path / "c" / "_site", epoch="1790086400"))
    assert one == two
    assert one != other          # the feed's <updated> and the report footer carry the build date

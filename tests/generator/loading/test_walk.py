"""Walking a registry folder: unknown files are warned about (L301), an event needs a plan (L302)."""
from pathlib import Path

from gentestkit import MARATHON, RIVERSIDE, only, run, shown


def test_stray_file_in_event_folder_warned(reg: Path):
    (reg / MARATHON / "notes.txt").write_text("hello", encoding="utf-8")
    result = run(reg)
    f = only(result, "L301")
    assert f.location.path == shown(f"{MARATHON}/notes.txt")
    assert f.severity.value == "warning"
    assert not result.failed() and result.failed(strict=True)


def test_non_yaml_in_retirements_warned(reg: Path):
    (reg / MARATHON / "retirements" / "draft.yml").write_text("id: x\n", encoding="utf-8")
    assert only(run(reg), "L301").location.path == shown(f"{MARATHON}/retirements/draft.yml")


def test_event_folder_without_plan(reg: Path):
    (reg / RIVERSIDE / "plan.yaml").unlink()
    (reg / RIVERSIDE / "README.md").write_text("draft\n", encoding="utf-8")
    result = run(reg)
    f = only(result, "L302")
    assert f.location.path == shown(f"{RIVERSIDE}/plan.yaml")
    assert result.failed()


def test_symlinked_record_is_not_loaded(reg: Path, tmp_path: Path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    link = reg / MARATHON / "retirements" / "linked.yaml"
    link.symlink_to(outside)
    result = run(reg)
    assert only(result, "L301").location.path == shown(f"{MARATHON}/retirements/linked.yaml")

"""R101 event id equals its folder; R102 the year folder is the hosting year."""
import shutil
from pathlib import Path

from gentestkit import EXPO, MARATHON, assert_at, codes, edit, line_of, only, run, with_code


def test_sample_passes(reg: Path):
    assert not {"R101", "R102"} & codes(run(reg))


def test_r101_id_differs_from_folder(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "id: 2025-pujiang-city-marathon", "id: 2025-pujiang-marathon")
    f = only(run(reg), "R101")
    assert_at(f, f"{MARATHON}/plan.yaml", line_of(plan, "id: 2025-pujiang-marathon"), 5)
    assert "2025-pujiang-marathon" in f.en and "2025-pujiang-city-marathon" in f.en


def test_r102_wrong_year_folder(reg: Path):
    moved = reg / "events" / "2024" / "2025-yrd-green-building-expo"
    moved.parent.mkdir()
    shutil.move(reg / EXPO, moved)
    rel = "events/2024/2025-yrd-green-building-expo"
    result = run(reg)
    f = only(result, "R102")
    assert_at(f, f"{rel}/plan.yaml", line_of(moved / "plan.yaml", "hosting: {start: 2025-10-15"))
    assert "events/2025/" in f.en
    assert not with_code(result, "R101")

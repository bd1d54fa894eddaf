"""R301 each phase ends after it starts; R302 phases follow each other."""
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, column_of, edit, line_of, only, run


def test_sample_passes(reg: Path):
    assert not {"R301", "R302"} & codes(run(reg))


def test_r301_phase_ends_before_it_starts(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "closing: {start: 2025-11-17, end: 2025-11-30}", "closing: {start: 2025-11-17, end: 2025-11-10}")
    f = only(run(reg), "R301")
    assert_at(f, f"{MARATHON}/plan.yaml", line_of(plan, "end: 2025-11-10"), column_of(plan, "2025-11-10"))


def test_r302_closing_starts_before_hosting_ends(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "closing: {start: 2025-11-17,", "closing: {start: 2025-11-15,")
    f = only(run(reg), "R302")
    assert_at(f, f"{MARATHON}/plan.yaml", line_of(plan, "closing: {start: 2025-11-15"), column_of(plan, "2025-11-15", nth=2))
    assert "hosting" in f.en


def test_r302_hosting_starts_before_preparation_ends(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "preparation: {start: 2025-06-01, end: 2025-11-15}", "preparation: {start: 2025-06-01, end: 2025-11-20}")
    f = only(run(reg), "R302")
    assert f.location.line == line_of(plan, "hosting: {start:")


def test_r302_same_day_boundary_is_allowed(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "closing: {start: 2025-11-17,", "closing: {start: 2025-11-16,")
    assert "R302" not in codes(run(reg))

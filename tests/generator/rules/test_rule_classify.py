"""R201 Art. 2 classification: below every threshold is a warning (exit 0), failing only with --strict."""
from pathlib import Path

from gentestkit import EXPO, MARATHON, SALON, SAMPLE, assert_at, edit, line_of, only, run, with_code

from generator.cli import main


def test_sample_has_exactly_the_small_salon(reg: Path):
    f = only(run(reg), "R201")
    assert f.severity.value == "warning"
    assert_at(f, f"{SALON}/plan.yaml", line_of(reg / SALON / "plan.yaml", "on_site_participants: 180"))
    assert "180 < 400" in f.en


def test_r201_threshold_is_inclusive(reg: Path):
    edit(reg / SALON / "plan.yaml", "on_site_participants: 180", "on_site_participants: 400")
    assert not with_code(run(reg), "R201")
    edit(reg / SALON / "plan.yaml", "on_site_participants: 400", "on_site_participants: 399")
    assert only(run(reg), "R201")


def test_r201_exhibition_meets_any_criterion(reg: Path):
    plan = reg / EXPO / "plan.yaml"
    edit(plan, "visits: 32000", "visits: 9999")
    assert not [x for x in with_code(run(reg), "R201") if EXPO in x.location.path]  # 18000 m2 still qualifies
    edit(plan, "exhibition_area_m2: 18000", "exhibition_area_m2: 4999")
    f = [x for x in with_code(run(reg), "R201") if EXPO in x.location.path]
    assert len(f) == 1 and "9999 < 10000" in f[0].en and "4999 < 5000" in f[0].en


def test_r201_missing_metric_counts_as_below(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "  on_site_participants: 38000   # 30,000 runners, 6,000 volunteers and staff, 2,000 others\n",
         "  online_participants: 90000\n")
    f = [x for x in with_code(run(reg), "R201") if MARATHON in x.location.path]
    assert len(f) == 1 and "not given" in f[0].en


def test_warning_exit_0_without_strict_and_1_with(capsys):
    assert main(["check", str(SAMPLE), "--today", "2026-07-01"]) == 0
    out = capsys.readouterr().out
    assert "R201 warning" in out
    assert main(["check", str(SAMPLE), "--today", "2026-07-01", "--strict"]) == 1

"""R303 expected neutrality date; R304 no future retirements; R305 report after the event; R306 declaration dates."""
from datetime import date
from pathlib import Path

from gentestkit import EXPO, FORUM, MARATHON, assert_at, codes, edit, line_of, only, run, with_code


def test_sample_passes(reg: Path):
    assert not {"R303", "R304", "R305", "R306"} & codes(run(reg))


def test_r303_expected_before_the_end_is_an_error(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "expected_neutral_by: 2026-03-31", "expected_neutral_by: 2025-11-01")
    f = only(run(reg), "R303")
    assert f.severity.value == "error"
    assert_at(f, f"{MARATHON}/plan.yaml", line_of(plan, "expected_neutral_by:"), 22)


def test_r303_expected_after_the_deadline_is_a_warning(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "expected_neutral_by: 2026-03-31", "expected_neutral_by: 2026-11-17")  # deadline 2026-11-16
    f = only(run(reg), "R303")
    assert f.severity.value == "warning" and "2026-11-16" in f.en


def test_r304_retirement_in_the_future(reg: Path):
    ret = reg / EXPO / "retirements" / "exhb-2026-shea-001.yaml"
    edit(ret, "retired_on: 2026-02-02", "retired_on: 2026-08-01")
    f = only(run(reg, today=date(2026, 7, 1)), "R304")
    assert_at(f, f"{EXPO}/retirements/exhb-2026-shea-001.yaml", line_of(ret, "retired_on:"), 13)
    assert "2026-07-01" in f.en
    assert not with_code(run(reg, today=date(2026, 8, 1)), "R304")  # --today on the day itself


def test_r305_report_before_the_event_ended(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "prepared_on: 2026-05-15", "prepared_on: 2026-04-22")
    assert_at(only(run(reg), "R305"), f"{FORUM}/report.yaml", line_of(report, "prepared_on:"))


def test_r306_declaration_in_the_future(reg: Path):
    decl = reg / MARATHON / "declaration.yaml"
    edit(decl, "declared_on: 2026-03-01", "declared_on: 2026-09-01")
    f = only(run(reg), "R306")
    assert_at(f, f"{MARATHON}/declaration.yaml", line_of(decl, "declared_on:"))
    assert "future" in f.en


def test_r306_declaration_before_a_retirement_it_relies_on(reg: Path):
    decl = reg / MARATHON / "declaration.yaml"
    edit(decl, "declared_on: 2026-03-01", "declared_on: 2026-02-01")  # the CCER was retired 2026-02-10
    f = only(run(reg), "R306")
    assert_at(f, f"{MARATHON}/declaration.yaml", line_of(decl, "declared_on:"))
    assert "2026-02-10" in f.en


def test_r303_names_the_deadline_the_rules_set(reg: Path):
    """The neutrality deadline is data (deadline_months_after_end), so the message says what the
    rules in force say: here 6 months (the marathon ended 2025-11-16, so the deadline is 2026-05-16)."""
    edit(reg / "rules/shanghai-2025.yaml", "deadline_months_after_end: 12", "deadline_months_after_end: 6")
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "expected_neutral_by: 2026-03-31", "expected_neutral_by: 2026-05-17")
    [f] = [f for f in with_code(run(reg), "R303") if f.location.path.endswith(f"{MARATHON}/plan.yaml")]
    assert f.severity.value == "warning" and "2026-05-16" in f.en
    assert "within 6 months of the end" in f.en and "活动结束后 6 个月内" in f.zh
    assert "one year" not in f.en

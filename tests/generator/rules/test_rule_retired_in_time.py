"""R507 retired no later than the deadline (hosting end + the rules' months, Art. 12)."""
from datetime import date
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, edit, line_of, only, run

from generator.accounting.compute import add_months

CEA = f"{MARATHON}/retirements/pjm-2026-cea-001.yaml"
HOSTING_END = date(2025, 11, 16)
DEADLINE = date(2026, 11, 16)  # one year after the marathon's hosting ended


def test_deadline_is_one_year_after_the_end():
    assert add_months(HOSTING_END, 12) == DEADLINE


def test_on_the_deadline_is_in_time(reg: Path):
    edit(reg / CEA, "retired_on: 2026-01-15", f"retired_on: {DEADLINE}")
    assert "R507" not in codes(run(reg, today=date(2026, 12, 1)))


def test_r507_retired_after_one_year(reg: Path):
    ret = reg / CEA
    edit(ret, "retired_on: 2026-01-15", "retired_on: 2026-11-17")
    f = only(run(reg, today=date(2026, 12, 1)), "R507")
    assert_at(f, CEA, line_of(ret, "retired_on:"), 13)
    assert str(DEADLINE) in f.en


def test_a_late_retirement_does_not_count(reg: Path):
    """Status, level and the summary agree with R507: the 40 late units are not counted, so the
    marathon (needing 733 for full, 693 for basic) falls back to basic on the 700 CCER units."""
    edit(reg / CEA, "retired_on: 2026-01-15", "retired_on: 2026-11-17")
    (reg / MARATHON / "declaration.json").unlink()  # its signed totals would differ (C103)
    result = run(reg, today=date(2026, 12, 1))
    acc = result.accounts[MARATHON]
    assert acc.retired == 700 and acc.retired_late == 40 and acc.late == ("pjm-2026-cea-001",)
    assert acc.level == "basic" and acc.status == "overdue"  # the plan targets the full scope
    counts = result.counts()
    assert (counts["neutral_full"], counts["neutral_basic"]) == (2, 3)  # the sample has 3 full, 2 basic
    decl = reg / MARATHON / "declaration.yaml"
    r704 = only(result, "R704")
    assert_at(r704, f"{MARATHON}/declaration.yaml", line_of(decl, "retirements:"))
    assert "pjm-2026-cea-001" in r704.en and "R507" in r704.en
    assert "R701" in codes(result)  # the full-scope declaration is no longer covered
    f = only(result, "R507")
    assert "40 tCO2e" in f.en and "do not count" in f.en and "原则上" in f.zh

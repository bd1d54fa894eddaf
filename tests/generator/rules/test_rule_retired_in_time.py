"""R507 retired no later than the deadline (hosting end + the rules' months, Art. 12)."""
from datetime import date
from pathlib import Path

from generator.accounting.compute import add_months

from gentestkit import MARATHON, assert_at, codes, edit, line_of, only, run

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

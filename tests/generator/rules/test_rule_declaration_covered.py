"""R701 a declaration needs retirements covering its scope; R702 it lists this event's retirements; R703 a report exists."""
from pathlib import Path

from gentestkit import FESTIVAL, MARATHON, assert_at, codes, column_of, edit, line_of, only, run

from generator.accounting.compute import whole_tonnes_needed

DECL = f"{MARATHON}/declaration.yaml"


def test_sample_passes(reg: Path):
    assert not {"R701", "R702", "R703"} & codes(run(reg))


def test_r701_full_scope_not_covered(reg: Path):
    decl = reg / DECL
    edit(decl, "retirements: [pjm-2026-cea-001, pjm-2026-ccer-001]", "retirements: [pjm-2026-ccer-001]")
    result = run(reg)
    f = only(result, "R701")
    assert_at(f, DECL, line_of(decl, "scope: full"), 8)
    needed = whole_tonnes_needed(result.accounts[MARATHON].total)
    assert 700 < needed <= 740  # the CCER alone (700) is short, both (740) are enough
    assert f"{needed} tCO2e" in f.en and "700 tCO2e" in f.en


def test_r701_basic_declaration_covered_but_full_is_not(reg: Path):
    decl = reg / FESTIVAL / "declaration.yaml"
    assert "R701" not in codes(run(reg))
    edit(decl, "scope: basic", "scope: full")
    assert_at(only(run(reg), "R701"), f"{FESTIVAL}/declaration.yaml", line_of(decl, "scope: full"))


def test_r702_unknown_retirement(reg: Path):
    decl = reg / DECL
    edit(decl, "retirements: [pjm-2026-cea-001, pjm-2026-ccer-001]",
         "retirements: [pjm-2026-cea-001, pjm-2026-ccer-001, exhb-2026-shea-001]")
    f = only(run(reg), "R702")
    assert_at(f, DECL, line_of(decl, "retirements:"), column_of(decl, "exhb-2026-shea-001"))
    assert "exhb-2026-shea-001" in f.en  # another event's retirement does not count


def test_r703_declaration_without_report(reg: Path):
    (reg / MARATHON / "report.yaml").unlink()
    f = only(run(reg), "R703")
    assert_at(f, DECL, line_of(reg / DECL, "scope: full"))

"""R401 the report covers at least the hosting phase (Art. 11)."""
from pathlib import Path

from gentestkit import SALON, assert_at, codes, edit, line_of, only, run


def test_sample_passes(reg: Path):
    assert "R401" not in codes(run(reg))


def test_r401_no_hosting_line(reg: Path):
    report = reg / SALON / "report.yaml"
    edit(report, "phase: hosting", "phase: closing", count=4)
    f = only(run(reg), "R401")
    assert_at(f, f"{SALON}/report.yaml", line_of(report, "- id: ELEC"))
    assert "hosting" in f.en and "举办" in f.zh


def test_r401_hosting_lines_of_amount_zero_do_not_count(reg: Path):
    report = reg / SALON / "report.yaml"
    for amount in ("amount: 1200,", "amount: 360,", "amount: 9000,", "amount: 50,"):
        edit(report, amount, "amount: 0,")
    f = only(run(reg), "R401")
    assert_at(f, f"{SALON}/report.yaml", line_of(report, "- id: ELEC"))
    assert "amount 0" in f.en and "数量为 0" in f.zh

"""R801 events past their neutrality deadline (against --today) are reported as overdue."""
from datetime import date
from pathlib import Path

from gentestkit import FORUM, RIVERSIDE, assert_at, codes, line_of, run, shown, with_code

from generator.cli import main


def test_nothing_overdue_today(reg: Path):
    result = run(reg)
    assert "R801" not in codes(result)
    assert result.accounts[FORUM].status == "open"


def test_r801_overdue_far_in_the_future(reg: Path):
    result = run(reg, today=date(2030, 1, 1))
    found = {f.location.path: f for f in with_code(result, "R801")}
    assert set(found) == {shown(f"{FORUM}/plan.yaml"), shown(f"{RIVERSIDE}/plan.yaml")}
    f = found[shown(f"{FORUM}/plan.yaml")]
    assert f.severity.value == "warning"
    assert_at(f, f"{FORUM}/plan.yaml", line_of(reg / FORUM / "plan.yaml", "expected_neutral_by:"))
    assert result.accounts[FORUM].status == "overdue"
    assert str(result.accounts[FORUM].deadline) in f.en


def test_deadline_day_itself_is_not_overdue(reg: Path):
    deadline = run(reg).accounts[FORUM].deadline
    assert "R801" not in codes(run(reg, today=deadline))
    assert [f.location.path for f in with_code(run(reg, today=date.fromordinal(deadline.toordinal() + 1)), "R801")] \
        == [shown(f"{FORUM}/plan.yaml")]


def test_today_flag_drives_the_cli(reg: Path, capsys):
    # 2027-05-01 is past the forum's deadline (hosting ended 2026-04-23, plus 12 months).
    rc = main(["check", str(reg), "--today", "2027-05-01"])
    out = capsys.readouterr().out
    assert f"{reg}/{FORUM}/plan.yaml:" in out and "R801 warning" in out
    assert rc == (1 if " error: " in out else 0)  # R801 itself is only a warning
    assert main(["check", str(reg), "--today", "2027-05-01", "--strict"]) == 1
    capsys.readouterr()
    assert main(["check", str(reg), "--today", "2026-07-01"]) == 0
    assert "R801" not in capsys.readouterr().out

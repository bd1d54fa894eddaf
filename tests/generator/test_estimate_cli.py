"""``carbonreg estimate EVENT``: the plan's estimate per category and total, zh and en, exact decimals,
the offsets it would need in whole tonnes rounded up; clear errors with the check's exit codes."""
import json

from gentestkit import FORUM, MARATHON, edit

from generator.cli import main


def test_forum_estimate_printed_exactly(reg, capsys):
    assert main(["estimate", str(reg / FORUM)]) == 0
    out = capsys.readouterr().out
    assert "2026 浦江低碳发展论坛 / 2026 Pujiang Low-Carbon Development Forum" in out
    assert "480 人/people × 2800 passenger-km = 1344000 passenger-km × 0.15 kgCO2e/passenger-km = 201.6 tCO2e" in out
    assert "出行 / Travel [拓展范围 / extended scope]: 224.66" in out  # 201.6 + 22.88 + 0.18, by hand
    assert "基本范围 / basic scope: 34.38 tCO2e" in out  # 18.9 + 9 + 6.48
    assert "拓展范围 / extended scope: 273.76 tCO2e" in out
    assert "合计 / total: 308.14 tCO2e" in out
    assert "基本范围 / basic 35 t · 全部范围 / full 309 t" in out  # ceil(34.38), ceil(308.14)
    lines = out.splitlines()
    first_category = lines.index("按类别 / by category (tCO2e):") + 1
    assert "[基本范围 / basic scope]" in lines[first_category]  # basic scope first


def test_json_and_typed_totals(reg, capsys):
    assert main(["estimate", str(reg / FORUM), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["neededFull"], data["source"]) == ("308.14", 309, "lines")
    total = data["vsActual"][-1]
    assert (total["estimate"], total["actual"], total["difference"]) == ("308.14", "312.9247", "4.7847")
    assert main(["estimate", str(reg / MARATHON)]) == 0  # shanghai-2025: the typed totals
    out = capsys.readouterr().out
    assert "合计 / total: 720 tCO2e" in out and "basic 45 t" in out


def test_bad_estimate_line_is_located(reg, capsys):
    plan = reg / FORUM / "plan.yaml"
    edit(plan, "factor: {key: travel-metro}", "factor: {key: travel-subway}")
    assert main(["estimate", str(reg / FORUM)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing half-computed is printed
    assert "plan.yaml:" in captured.err and "E103" in captured.err and "travel-subway" in captured.err
    assert "1 个错误" in captured.err and "1 errors" in captured.err


def test_schema_error_in_plan_is_located(reg, capsys):
    edit(reg / FORUM / "plan.yaml", "activity: {people: 480, per_person: 2800, unit: passenger-km}",
         "activity: {people: 480, amount: 2800, unit: passenger-km}")
    assert main(["estimate", str(reg / FORUM)]) == 1
    err = capsys.readouterr().err
    assert "plan.yaml:" in err and "S2" in err


def test_not_an_event_folder(reg, tmp_path, capsys):
    assert main(["estimate", str(reg / "events" / "2026" / "2026-no-such-event")]) == 2
    assert "找不到活动文件夹" in capsys.readouterr().err
    assert main(["estimate", str(reg)]) == 2
    err = capsys.readouterr().err
    assert "不是登记库中的活动文件夹" in err and "is not an event folder" in err
    (reg / "events" / "2026" / "2026-empty").mkdir()
    assert main(["estimate", str(reg / "events" / "2026" / "2026-empty")]) == 2
    assert "carbonreg new event" in capsys.readouterr().err

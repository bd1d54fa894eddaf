"""Text output: ``path:line:column: CODE severity: 中文 / English`` per finding, then the summary."""
import re
from pathlib import Path

from gentestkit import MARATHON, SAMPLE, edit, line_of, run

from generator.findings import Location, error
from generator.formats import text

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) (?P<sev>error|warning): "
                  r"(?P<zh>.*[\u4e00-\u9fff].*) / (?P<en>.*[A-Za-z].*)$")


def test_sample_output(capsys):
    out = text.render(run(SAMPLE))
    lines = out.splitlines()
    m = LINE.match(lines[0])
    assert m and m["code"] == "R201" and m["sev"] == "warning"
    events = len([p for p in (SAMPLE / "events").glob("*/*") if p.is_dir()])
    assert lines[-2].startswith(f"已检查 {events} 个活动") and "错误 0，警告 1" in lines[-2]
    assert lines[-1].startswith(f"checked {events} events") and "0 errors, 1 warnings" in lines[-1]
    assert "(as of 2026-07-01)" in lines[-1]


def test_every_finding_line_is_well_formed(reg: Path):
    edit(reg / MARATHON / "plan.yaml", "district: huangpu", "district: atlantis")
    edit(reg / MARATHON / "retirements" / "pjm-2026-cea-001.yaml", "quantity: 40", "quantity: 41")
    result = run(reg)
    out = text.render(result).splitlines()
    finding_lines = out[: len(result.findings)]
    parsed = [LINE.match(x) for x in finding_lines]
    assert all(parsed), finding_lines
    by_code = {m["code"]: m for m in parsed}
    assert by_code["R202"]["path"] == f"registry/{MARATHON}/plan.yaml"
    assert int(by_code["R202"]["line"]) == line_of(reg / MARATHON / "plan.yaml", "district: atlantis")
    assert int(by_code["R504"]["line"]) == line_of(reg / MARATHON / "retirements" / "pjm-2026-cea-001.yaml", "quantity: 41")


def test_related_locations_are_listed():
    f = error("R510", Location("a.yaml", 3, 5), "重复", "twice", related=(Location("b.yaml", 7, 5),))
    assert text.finding_line(f) == "a.yaml:3:5: R510 error: 重复 / twice\n    ↳ b.yaml:7:5"


def test_location_without_line():
    f = error("L302", Location("events/x/plan.yaml"), "缺少", "missing")
    assert text.finding_line(f) == "events/x/plan.yaml: L302 error: 缺少 / missing"

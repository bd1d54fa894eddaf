"""R402 a category the rules put in neither scope is warned about and left out of the totals."""
from pathlib import Path

from gentestkit import EXPO, MARATHON, assert_at, codes, edit, line_of, run


def test_sample_passes(reg: Path):
    assert "R402" not in codes(run(reg))


def test_r402_category_in_no_scope(reg: Path):
    edit(reg / "rules" / "shanghai-2025.yaml", "categories: [travel, accommodation, catering, materials, waste]",
         "categories: [travel, accommodation, catering, materials]")
    before = run(reg)
    assert before.accounts[MARATHON].total  # sanity
    result = run(reg)
    mine = [f for f in result.findings if f.code == "R402" and MARATHON in f.location.path]
    assert len(mine) == 1
    f = mine[0]
    assert f.severity.value == "warning"
    assert_at(f, f"{MARATHON}/report.yaml", line_of(reg / MARATHON / "report.yaml", "category: waste"))
    acc = result.accounts[MARATHON]
    waste = sum(x.tco2e for x in acc.lines if x.line.category == "waste")
    assert waste > 0 and acc.total == acc.basic + acc.extended
    assert acc.extended == sum(x.tco2e for x in acc.lines if x.line.category in
                               {"travel", "accommodation", "catering", "materials"})
    assert {f.location.path for f in result.findings if f.code == "R402"} >= {
        f"registry/{MARATHON}/report.yaml", f"registry/{EXPO}/report.yaml"}

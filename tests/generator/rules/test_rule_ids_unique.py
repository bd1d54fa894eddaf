"""R105 ids are unique in the whole registry, across events, and point at the first use."""
from pathlib import Path

from gentestkit import MARATHON, SALON, assert_at, codes, edit, line_of, only, run, shown


def test_sample_passes(reg: Path):
    assert "R105" not in codes(run(reg))


def test_r105_retirement_id_reused_by_another_event(reg: Path):
    # The salon (sorted first) files a retirement under the marathon's retirement id.
    old = reg / SALON / "retirements" / "css-2026-ccer-001.yaml"
    new = old.with_name("pjm-2026-ccer-001.yaml")
    old.rename(new)
    edit(new, "id: css-2026-ccer-001", "id: pjm-2026-ccer-001")
    edit(reg / SALON / "declaration.yaml", "retirements: [css-2026-ccer-001]", "retirements: [pjm-2026-ccer-001]")
    result = run(reg)
    f = only(result, "R105")
    marathon_ret = reg / MARATHON / "retirements" / "pjm-2026-ccer-001.yaml"
    assert_at(f, f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml", line_of(marathon_ret, "id: pjm-2026-ccer-001"))
    [rel] = f.related
    assert rel.path == shown(f"{SALON}/retirements/pjm-2026-ccer-001.yaml")
    assert rel.line == line_of(new, "id: pjm-2026-ccer-001")
    assert shown(f"{SALON}/retirements/pjm-2026-ccer-001.yaml") in f.en
    assert not {"R104", "R702"} & codes(result)


def test_r105_declaration_id_reused(reg: Path):
    decl = reg / SALON / "declaration.yaml"
    edit(decl, "id: css-2026-declaration", "id: pjm-2026-declaration")
    f = only(run(reg), "R105")
    assert f.location.path == shown(f"{MARATHON}/declaration.yaml")
    assert f.related[0].path == shown(f"{SALON}/declaration.yaml")

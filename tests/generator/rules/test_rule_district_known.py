"""R202 the venue's district is one the rules know."""
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, edit, line_of, only, run


def test_sample_passes(reg: Path):
    assert "R202" not in codes(run(reg))


def test_r202_unknown_district(reg: Path):
    plan = reg / MARATHON / "plan.yaml"
    edit(plan, "district: huangpu", "district: atlantis")
    f = only(run(reg), "R202")
    assert_at(f, f"{MARATHON}/plan.yaml", line_of(plan, "district: atlantis"), 13)
    assert "'atlantis'" in f.en and "pudong" in f.en

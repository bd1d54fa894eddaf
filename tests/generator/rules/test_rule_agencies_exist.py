"""R106 a report prepared by an agency names a registered agency."""
from pathlib import Path

from gentestkit import EXPO, MARATHON, assert_at, codes, edit, line_of, only, run


def test_sample_passes(reg: Path):
    assert "R106" not in codes(run(reg))


def test_r106_unknown_agency(reg: Path):
    report = reg / MARATHON / "report.yaml"
    edit(report, "agency: hupu-carbon-services", "agency: no-such-agency")
    f = only(run(reg), "R106")
    assert_at(f, f"{MARATHON}/report.yaml", line_of(report, "agency: no-such-agency"), 11)
    assert "no-such-agency" in f.en and "hupu-carbon-services" in f.en


def test_r106_agency_role_without_agency(reg: Path):
    report = reg / EXPO / "report.yaml"
    edit(report, "prepared_by: {role: agency, agency: hupu-carbon-services}", "prepared_by: {role: agency}")
    assert_at(only(run(reg), "R106"), f"{EXPO}/report.yaml", line_of(report, "prepared_by:"))

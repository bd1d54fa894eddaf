"""R403 line ids are unique within a report."""
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, column_of, edit, line_of, only, run


def test_sample_passes(reg: Path):
    assert "R403" not in codes(run(reg))


def test_r403_repeated_line_id(reg: Path):
    report = reg / MARATHON / "report.yaml"
    edit(report, "- id: C-ELEC", "- id: H-ELEC")
    f = only(run(reg), "R403")
    assert_at(f, f"{MARATHON}/report.yaml", line_of(report, "- id: H-ELEC", nth=2), column_of(report, "H-ELEC", nth=2))
    assert "'H-ELEC'" in f.en

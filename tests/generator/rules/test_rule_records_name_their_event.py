"""R103 records name the event of their folder; R104 a retirement's id is its file name."""
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, edit, line_of, only, run


def test_sample_passes(reg: Path):
    assert not {"R103", "R104"} & codes(run(reg))


def test_r103_report_names_another_event(reg: Path):
    report = reg / MARATHON / "report.yaml"
    edit(report, "event: 2025-pujiang-city-marathon", "event: 2025-yrd-green-building-expo")
    f = only(run(reg), "R103")
    assert_at(f, f"{MARATHON}/report.yaml", line_of(report, "event: 2025-yrd"), 8)


def test_r103_declaration_names_another_event(reg: Path):
    decl = reg / MARATHON / "declaration.yaml"
    edit(decl, "event: 2025-pujiang-city-marathon", "event: 2025-pujiang-marathon")
    assert_at(only(run(reg), "R103"), f"{MARATHON}/declaration.yaml", line_of(decl, "event: 2025-pujiang-marathon"))


def test_r104_retirement_file_name_differs(reg: Path):
    old = reg / MARATHON / "retirements" / "pjm-2026-cea-001.yaml"
    new = old.with_name("pjm-2026-cea-A.yaml")
    old.rename(new)
    f = only(run(reg), "R104")
    assert_at(f, f"{MARATHON}/retirements/pjm-2026-cea-A.yaml", line_of(new, "id: pjm-2026-cea-001"))
    assert "pjm-2026-cea-A.yaml" in f.en

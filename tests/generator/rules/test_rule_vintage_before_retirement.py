"""R508 units are not retired before they exist: the vintage of the record or the year in a serial
prefix is not after the retirement date."""
from pathlib import Path

from gentestkit import FESTIVAL, MARATHON, assert_at, codes, column_of, edit, line_of, only, run

from generator.rules.retirements import prefix_year

SHEA = f"{FESTIVAL}/retirements/wblmf-2026-shea-001.yaml"
CCER = f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml"


def test_sample_passes(reg: Path):
    assert "R508" not in codes(run(reg))


def test_years_read_from_serial_prefixes():
    assert prefix_year("SHEA-2025") == 2025
    assert prefix_year("CEA-2024-SH") == 2024
    assert prefix_year("CCER-310000-2024-0112") == 2024  # 310000 (province code) and 0112 are not years
    assert prefix_year("SHVER-2025-CI-0031") == 2025
    assert prefix_year("VCS-VCU-1507-VER-ET-14-1340") is None
    assert prefix_year("X-2024-2025") is None  # two years: nothing is stated


def test_r508_serial_prefix_after_the_retirement(reg: Path):
    ret = reg / SHEA
    edit(ret, "retired_on: 2026-01-08", "retired_on: 2024-12-30")
    f = only(run(reg), "R508")
    assert_at(f, SHEA, line_of(ret, "SHEA-2025"), column_of(ret, "SHEA-2025"))
    assert "2025" in f.en and "2024-12-30" in f.en and "尚未产生" in f.zh


def test_r508_project_vintage_after_the_retirement(reg: Path):
    ret = reg / CCER
    edit(ret, "vintage: 2024", "vintage: 2027")
    f = only(run(reg), "R508")
    assert_at(f, CCER, line_of(ret, "vintage: 2027"), column_of(ret, "2027"))
    assert "vintage 2027" in f.en

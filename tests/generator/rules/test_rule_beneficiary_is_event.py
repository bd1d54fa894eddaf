"""R506 the retirement's beneficiary is the event it is filed for."""
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, edit, line_of, only, run

CEA = f"{MARATHON}/retirements/pjm-2026-cea-001.yaml"


def test_sample_passes(reg: Path):
    assert "R506" not in codes(run(reg))


def test_r506_other_beneficiary(reg: Path):
    ret = reg / CEA
    edit(ret, "beneficiary:\n  event: 2025-pujiang-city-marathon", "beneficiary:\n  event: 2025-yrd-green-building-expo")
    f = only(run(reg), "R506")
    assert_at(f, CEA, line_of(ret, "event: 2025-yrd-green-building-expo"), 10)
    assert "2025-yrd-green-building-expo" in f.en

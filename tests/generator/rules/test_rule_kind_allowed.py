"""R501 offset kind allowed by the rules in force; R502 retired in its registry; R503 CCER from Shanghai."""
from pathlib import Path

from gentestkit import MARATHON, assert_at, codes, edit, line_of, only, run

CCER = f"{MARATHON}/retirements/pjm-2026-ccer-001.yaml"


def test_sample_passes(reg: Path):
    assert not {"R501", "R502", "R503"} & codes(run(reg))


def test_r501_vcs_not_allowed(reg: Path):
    ret = reg / CCER
    edit(ret, "kind: ccer", "kind: vcs")
    edit(ret, "registry: national-ccer-registry", "registry: verra")
    f = only(run(reg), "R501")
    assert_at(f, CCER, line_of(ret, "kind: vcs"), 7)
    assert "vcs" in f.en and "shanghai-2025" in f.en


def test_r502_wrong_registry(reg: Path):
    ret = reg / CCER
    edit(ret, "registry: national-ccer-registry", "registry: shanghai-ver-registry")
    f = only(run(reg), "R502")
    assert_at(f, CCER, line_of(ret, "registry: shanghai-ver-registry"), 11)
    assert "national-ccer-registry" in f.en


def test_r503_ccer_from_outside_shanghai(reg: Path):
    ret = reg / CCER
    edit(ret, "location: {province: shanghai, city: shanghai}", "location: {province: jiangsu, city: nantong}")
    f = only(run(reg), "R503")
    assert_at(f, CCER, line_of(ret, "province: jiangsu"))
    assert "jiangsu" in f.en and "Art. 12" in f.en

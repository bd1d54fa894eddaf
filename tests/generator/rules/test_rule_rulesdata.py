"""R960 weights and points between 0 and 1; R961 the showcase's three weights sum to 1 (rules data)."""
from pathlib import Path

from gentestkit import assert_at, codes, edit, line_of, only, run

RULES = "rules/shanghai-2026.yaml"


def test_sample_passes(reg: Path):
    assert not {"R960", "R961"} & codes(run(reg))


def test_r961_weights_not_summing_to_one(reg: Path):
    rules = reg / RULES
    edit(rules, 'weights: {scope: "0.4", offset: "0.3", support: "0.3"}', 'weights: {scope: "0.5", offset: "0.3", support: "0.3"}')
    f = only(run(reg), "R961")
    assert f.severity.value == "error" and "1.1" in f.en and "1.1" in f.zh
    assert_at(f, RULES, line_of(rules, "  weights:"))


def test_r960_a_point_above_one(reg: Path):
    rules = reg / RULES
    edit(rules, 'scope_points: {full_all_phases: "1",', 'scope_points: {full_all_phases: "1.5",')
    f = only(run(reg), "R960")
    assert "showcase.scope_points.full_all_phases" in f.en and "1.5" in f.en
    assert_at(f, RULES, line_of(rules, "  scope_points:"))


def test_r960_an_offset_quality_above_one(reg: Path):
    rules = reg / RULES
    edit(rules, 'quality: "0.9"', 'quality: "1.2"')
    f = only(run(reg), "R960")
    assert "offsets.3.quality" in f.en
    assert_at(f, RULES, line_of(rules, 'quality: "1.2"'))

"""Rules O101-O107: each failing case is reported once, at the right file and line."""
from __future__ import annotations

import shutil

from offerstestkit import CCER, SAMPLE, SHEA, SHVER, codes, edit, line_of, only, run


def _at(finding, root, rel, needle):
    assert finding.location.path == f"registry/{rel}"
    assert finding.location.line == line_of(root / rel, needle), str(finding.location)
    assert finding.zh and finding.en and finding.zh != finding.en


def test_sample_has_no_offer_findings():
    assert not [c for c in codes(run(SAMPLE)) if c.startswith("O")]


def test_o101_kind_not_allowed(reg):
    edit(reg / CCER, "kind: ccer", "kind: vcs")
    edit(reg / CCER, "registry: national-ccer-registry", "registry: verra")
    f = only(run(reg), "O101")
    _at(f, reg, CCER, "kind: vcs")
    assert "Art. 12" in f.en and "vcs" in f.en


def test_o101_no_rules_in_force_at_valid_from(reg):
    edit(reg / SHEA, "valid_from: 2026-05-01", "valid_from: 2024-05-01")
    f = only(run(reg), "O101")
    _at(f, reg, SHEA, "valid_from: 2024-05-01")


def test_o102_registry_not_allowed_for_kind(reg):
    edit(reg / SHEA, "registry: shanghai-ets-registry", "registry: national-ets-registry")
    _at(only(run(reg), "O102"), reg, SHEA, "registry: national-ets-registry")


def test_o103_ccer_must_be_generated_in_shanghai(reg):
    edit(reg / CCER, "location: {province: shanghai, city: shanghai}", "location: {province: jiangsu, city: nantong}")
    f = only(run(reg), "O103")
    _at(f, reg, CCER, "province: jiangsu")
    assert "shanghai" in f.en


def test_o104_valid_until_after_valid_from(reg):
    edit(reg / SHVER, "valid_until: 2026-12-31", "valid_until: 2026-04-01")
    _at(only(run(reg), "O104"), reg, SHVER, "valid_until: 2026-04-01")


def test_o105_id_unique(reg):
    copy = "offers/zz-ccer-copy.yaml"
    shutil.copy(reg / CCER, reg / copy)
    result = run(reg)
    f = only(result, "O105")
    _at(f, reg, copy, "id: ccer-2026-chongming-wind")
    assert f.related and f.related[0].path == f"registry/{CCER}"
    _at(only(result, "O107"), reg, copy, "id: ccer-2026-chongming-wind")


def test_o106_never_a_retirement_id(reg):
    rel = "offers/pjlcf-2026-shver-001.yaml"
    (reg / SHVER).rename(reg / rel)
    edit(reg / rel, "id: shver-2026-metro-carbon-inclusion", "id: pjlcf-2026-shver-001")
    f = only(run(reg), "O106")
    _at(f, reg, rel, "id: pjlcf-2026-shver-001")
    assert f.related[0].path.endswith("retirements/pjlcf-2026-shver-001.yaml")


def test_o107_id_matches_file_name(reg):
    edit(reg / SHEA, "id: shea-2026-lingang-power", "id: shea-2026-lingang-power-2")
    _at(only(run(reg), "O107"), reg, SHEA, "id: shea-2026-lingang-power-2")


def test_offer_errors_fail_the_check(reg):
    edit(reg / SHEA, "registry: shanghai-ets-registry", "registry: national-ets-registry")
    assert run(reg).failed()

"""Green electricity (绿电/绿证): a line may use a factor of 0 only with its certificate or contract ids
and proof (A507); green_power belongs on purchased electricity (A508); a certificate id is claimed
once in the whole registry (R511), with both places named, by the whole and the incremental check alike."""
from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

from gentestkit import FORUM, SALON, SHOWN, TODAY, assert_at, codes, column_of, edit, line_of, only, run, with_code

from generator.caches import Caches
from generator.incremental.check import check_incremental
from generator.pipeline import check_whole

GREEN_PDF = "attachments/green-certificates.pdf"
ID = "GEC-2026-SH-004510033"


def _salon_green_line(reg: Path, ids: str, kind: str = "certificate") -> Path:
    """Give the salon a green-power line of its own with the forum's proof file."""
    shutil.copy(reg / FORUM / GREEN_PDF, reg / SALON / GREEN_PDF)
    digest = next(line for line in (reg / FORUM / "report.yaml").read_text(encoding="utf-8").splitlines()
                  if "167967ab" in line).split(":")[1].strip()
    report = reg / SALON / "report.yaml"
    edit(report, "\nattachments:\n",
         "\n  - id: GREEN\n    phase: hosting\n    category: purchased_electricity\n"
         "    description: {zh: 绿电, en: Green power}\n    activity: {amount: 1000, unit: kWh}\n"
         f"    green_power: {{kind: {kind}, ids: [{ids}], evidence: {GREEN_PDF}}}\n"
         f'    factor: {{source: measured, value: "0", unit: tCO2/10^4kWh, evidence: {GREEN_PDF}}}\n'
         "attachments:\n"
         f"  - path: {GREEN_PDF}\n    sha256: {digest}\n    title: {{zh: 绿证, en: Certificates}}\n")
    return report


def test_sample_green_line_counts_zero(reg: Path):
    result = run(reg)
    assert not {"A507", "A508", "R511"} & codes(result)
    green = next(x for x in result.accounts[FORUM].lines if x.line.id == "GREEN")
    assert green.tco2e == 0 and green.line.green_power.kind == "certificate" and len(green.line.green_power.ids) == 8
    # by hand: 36,000 kWh x 4.2 t / 10^4 kWh; the 8 MWh of green power add nothing
    assert result.accounts[FORUM].by_category["purchased_electricity"] == D(36000) / D(10000) * D("4.2")


def test_r511_same_certificate_in_two_events_both_located(reg: Path):
    salon = _salon_green_line(reg, f"GEC-9, {ID.lower()}")  # ids compare regardless of case
    forum = reg / FORUM / "report.yaml"
    found = with_code(run(reg), "R511")
    assert len(found) == 2
    at_salon = next(f for f in found if SALON in f.location.path)
    at_forum = next(f for f in found if FORUM in f.location.path)
    assert_at(at_salon, f"{SALON}/report.yaml", line_of(salon, "green_power:"), column_of(salon, ID.lower()))
    assert_at(at_forum, f"{FORUM}/report.yaml", line_of(forum, ID), column_of(forum, ID))
    assert at_salon.related == (at_forum.location,) and at_forum.related == (at_salon.location,)
    assert "GREEN" in at_salon.en and "绿证" in at_salon.zh and "remove the repeated id" in at_salon.en


def test_r511_found_alike_by_the_whole_and_the_incremental_check(reg: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    check_incremental(reg, TODAY, SHOWN, caches=Caches(cache))  # the forum's facts come from its memo below
    _salon_green_line(reg, ID)
    inc = check_incremental(reg, TODAY, SHOWN, caches=Caches(cache))
    whole = check_whole(reg, TODAY, SHOWN)
    assert inc.reused >= 1
    assert [(f.code, f.location, f.related) for f in inc.findings] == [(f.code, f.location, f.related) for f in whole.findings]
    assert len(with_code(whole, "R511")) == 2


def test_a_contract_may_serve_several_lines(reg: Path):
    """Only certificates are unique: one green power contract can supply several events."""
    report = reg / FORUM / "report.yaml"
    edit(report, "      kind: certificate\n", "      kind: contract\n")
    _salon_green_line(reg, "GEC-2026-SH-004510031", kind="contract")
    assert "R511" not in codes(run(reg))


def test_a507_zero_factor_without_green_power(reg: Path):
    report = reg / FORUM / "report.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("    green_power:\n")
    report.write_text(text[:start] + text[text.index("    factor:\n      source: measured"):], encoding="utf-8")
    f = only(run(reg), "A507")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, 'value: "0"'), column_of(report, '"0"'))
    assert "green_power" in f.en and "绿色电力" in f.zh


def test_a508_green_power_on_another_category(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "    category: purchased_electricity\n    description: {zh: 分论坛",
         "    category: purchased_heat\n    description: {zh: 分论坛")
    f = only(run(reg), "A508")
    assert_at(f, f"{FORUM}/report.yaml", line_of(report, "kind: certificate"), 7)
    assert "purchased_electricity" in f.en


def test_green_power_needs_ids_and_proof(reg: Path):
    report = reg / FORUM / "report.yaml"
    edit(report, "      evidence: attachments/green-certificates.pdf\n    factor:", "    factor:")
    f = only(run(reg), "S201")
    assert "evidence" in f.en

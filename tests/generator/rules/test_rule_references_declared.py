"""R605 every attachment a record relies on (proof, evidence) is listed with its SHA-256."""
from pathlib import Path

from gentestkit import EXPO, MARATHON, assert_at, codes, edit, line_of, only, run


def test_sample_passes(reg: Path):
    assert "R605" not in codes(run(reg))


def test_r605_unlisted_activity_evidence(reg: Path):
    report = reg / EXPO / "report.yaml"
    edit(report, "amount: 6, unit: t, evidence: attachments/visitor-travel-and-logistics.pdf",
         "amount: 6, unit: t, evidence: attachments/print-invoices.pdf")
    f = only(run(reg), "R605")
    assert_at(f, f"{EXPO}/report.yaml", line_of(report, "attachments/print-invoices.pdf"))
    assert "print-invoices.pdf" in f.en


def test_r605_unlisted_proof(reg: Path):
    ret = reg / MARATHON / "retirements" / "pjm-2026-cea-001.yaml"
    edit(ret, "proof: attachments/cea-cancellation.pdf", "proof: attachments/cea-cancellation-v2.pdf")
    assert_at(only(run(reg), "R605"), f"{MARATHON}/retirements/pjm-2026-cea-001.yaml", line_of(ret, "proof:"), 8)


def test_r605_unlisted_measured_factor_evidence(reg: Path):
    report = reg / EXPO / "report.yaml"
    edit(report, "      evidence: attachments/gas-lab-report.pdf", "      evidence: attachments/gas-lab-report-2.pdf")
    assert_at(only(run(reg), "R605"), f"{EXPO}/report.yaml", line_of(report, "gas-lab-report-2.pdf"))

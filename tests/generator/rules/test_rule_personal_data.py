"""Personal data (PIPL) is refused in records and in readable attachments, with synthetic data."""
from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.pipeline import check
from generator.rules.personal import find_personal_data, luhn_valid, resident_id_valid

SAMPLE = pristine_sample()
TODAY = date(2026, 11, 24)


def _id_with_check(body17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body17 + "10X98765432"[sum(int(d) * w for d, w in zip(body17, weights)) % 11]


def _luhn_complete(prefix: str) -> str:
    for last in "0123456789":
        if luhn_valid(prefix + last):
            return prefix + last
    raise AssertionError


@pytest.fixture
def registry(tmp_path) -> Path:
    target = tmp_path / "registry"
    shutil.copytree(SAMPLE, target)
    return target


def codes(text: str) -> list[str]:
    return [code for code, _, _ in find_personal_data(text)]


def test_resident_id_check_digit_is_computed_not_guessed():
    good = _id_with_check("31010119900307421")
    assert resident_id_valid(good)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    assert not resident_id_valid(wrong)
    assert codes(f"身份证 {good}") == ["P102"]
    assert codes(f"身份证 {wrong}") == []


@pytest.mark.parametrize("text", ["13912345678", "+86 139 1234 5678", "139-1234-5678", "电话15800001111。"])
def test_mobile_numbers(text):
    assert codes(text) == ["P101"]


@pytest.mark.parametrize("text", ["021-62345678", "amount 2100000 kWh", "serial 000120001", "2026-04-10"])
def test_not_personal(text):
    assert codes(text) == []


def test_bank_card_needs_luhn():
    card = _luhn_complete("622202020011234567")
    assert codes(f"账号 {card}") == ["P104"]
    broken = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert codes(f"账号 {broken}") == []


def test_personal_mail_only():
    assert codes("contact zhang.san@qq.com") == ["P103"]
    assert codes("press@pujiang-sports.example.org") == []


def test_mobile_in_a_plan_is_an_error_at_its_line(registry):
    plan = registry / "events/2025/2025-pujiang-city-marathon/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("en: Full marathon, half marathon and fun run with 30,000 runners.",
                        "en: Full marathon, half marathon and fun run with 30,000 runners. Call Ms Li on 13700001234.")
    plan.write_text(text, encoding="utf-8")
    line = next(i for i, text_line in enumerate(text.splitlines(), 1) if "13700001234" in text_line)
    result = check(registry, TODAY)
    hits = [f for f in result.findings if f.code == "P101"]
    assert [(Path(f.location.path).name, f.location.line) for f in hits] == [("plan.yaml", line)]
    assert "138" not in hits[0].en and "****1234" in hits[0].en  # the number is masked in the message
    assert result.failed()


def test_resident_id_in_an_attachment_is_found(registry):
    event = registry / "events/2025/2025-west-bank-lawn-music-festival"
    csv = event / "attachments/energy-and-fuel.pdf"
    # a plain-text attachment replacing the PDF, with its digest updated so only the personal data is wrong
    new = event / "attachments/staff.csv"
    new.write_text(f"name,id\nZhang San,{_id_with_check('31011519851111123')}\n", encoding="utf-8")
    report = event / "report.yaml"
    digest = hashlib.sha256(new.read_bytes()).hexdigest()
    report.write_text(report.read_text(encoding="utf-8") + (
        f"  - path: attachments/staff.csv\n    sha256: {digest}\n    title: {{zh: 人员, en: Staff}}\n"), encoding="utf-8")
    assert csv.exists()
    result = check(registry, TODAY)
    hits = [f for f in result.findings if f.code == "P102"]
    assert len(hits) == 1 and hits[0].location.path.endswith("attachments/staff.csv")


def test_sample_registry_has_no_personal_data():
    result = check(SAMPLE, TODAY)
    assert not [f for f in result.findings if f.code.startswith("P1")]

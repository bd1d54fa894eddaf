"""R901/R902 (keys and tokens anywhere in the registry), R950-R952 (revocation notices), R107
(reports by suspended agencies), each with a passing and a failing case on a copy of the sample."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.pipeline import check

SAMPLE = pristine_sample()
TODAY = date(2026, 11, 24)
NOTICE = "revocations/rev-2026-001.yaml"


@pytest.fixture
def registry(tmp_path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(SAMPLE, root)
    return root


def codes(root: Path) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check(root, TODAY).findings:
        out.setdefault(f.code, []).append((Path(f.location.path).name, f.location.line))
    return out


def test_sample_has_no_secrets_or_notice_problems():
    found = codes(SAMPLE)
    assert not {c for c in found if c in ("R901", "R902", "R950", "R951", "R952", "R107")}


def test_a_real_private_key_in_an_attachment_folder_is_refused(registry):
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    target = registry / "events/2026/2026-pujiang-low-carbon-forum/attachments/notes.txt"
    target.write_bytes(b"meeting notes\n" + pem)
    assert ("notes.txt", 2) in codes(registry)["R901"]


def test_a_token_in_a_yaml_comment_is_refused(registry):
    plan = registry / "events/2026/2026-riverside-light-art-festival/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "# deploy with ghp_" + "a1B2" * 9 + "\n", encoding="utf-8")
    found = codes(registry)["R902"]
    assert found and found[0][0] == "plan.yaml"


def test_notice_for_an_unknown_declaration(registry):
    path = registry / NOTICE
    path.write_text(path.read_text(encoding="utf-8").replace("id: hes-2025-declaration", "id: hes-2025-nothing"),
                    encoding="utf-8")
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "hes-2025-nothing" in text)
    assert ("rev-2026-001.yaml", line) in codes(registry)["R950"]


def test_notice_dated_in_the_future_or_before_the_declaration(registry):
    path = registry / NOTICE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("decided_on: 2026-06-15", "decided_on: 2027-01-01"), encoding="utf-8")
    assert "R951" in codes(registry)
    path.write_text(text.replace("decided_on: 2026-06-15", "decided_on: 2025-11-01"), encoding="utf-8")
    assert "R951" in codes(registry)


def test_notice_suspending_an_agency_that_agencies_shows_active(registry):
    agency = registry / "agencies/jiangnan-green-verification.yaml"
    text = agency.read_text(encoding="utf-8")
    agency.write_text(text.replace("status: suspended\nsuspended_since: 2026-06-15\n", "status: active\n"), encoding="utf-8")
    assert "R952" in codes(registry)


def test_report_dated_after_its_agency_was_suspended(registry):
    report = registry / "events/2025/2025-harbour-esports-showcase/report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("prepared_on: 2025-09-05", "prepared_on: 2026-07-01"), encoding="utf-8")
    line = next(i for i, text in enumerate(report.read_text(encoding="utf-8").splitlines(), 1) if "prepared_on" in text)
    assert ("report.yaml", line) in codes(registry)["R107"]

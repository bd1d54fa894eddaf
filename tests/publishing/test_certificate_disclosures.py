"""Issue 12: a certificate's subject carries the exclusions, the intensity, the share of emissions
resting on placeholder factors and the agency's verification statement; the credential still
verifies, and both shape checkers (Python and the browser's) refuse a malformed statement alike."""
from __future__ import annotations

import copy

from signing.credential_shape import check_shape


def _credential():
    from signing.credential import build_credential

    return build_credential(
        kind="certificate", number="CN-2026-0009", issuer_did="did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        issuer_name={"zh": "机构", "en": "Agency"}, valid_from="2026-07-01T00:00:00Z",
        event={"id": "2026-x", "name": {"zh": "甲", "en": "A"}, "kind": "conference", "organizer": {"zh": "乙", "en": "B"},
               "venue": {"zh": "丙", "en": "C"}, "district": "xuhui", "start": "2026-04-22", "end": "2026-04-23"},
        scope="basic", emissions={"basic": "1.5", "extended": "0", "total": "1.5"},
        offsets={"needed": "2", "retired": "2", "retirements": [
            {"id": "r-1", "kind": "ccer", "registry": "national-ccer-registry", "quantity": "2", "retiredOn": "2026-05-01",
             "serials": [{"prefix": "CCER-310000-2024-0112", "first": "000000001", "last": "000000002"}]}]},
        evidence=[{"path": "events/2026/2026-x/plan.yaml", "sha256": "0" * 64}],
        agency={"id": "a", "name": {"zh": "机构", "en": "Agency"}},
        disclosures={"exclusions": [{"category": "event_vehicles", "reason": {"zh": "无", "en": "none"}}],
                     "indicators": {"placeholderShare": "0.84", "estimatedShare": "0.3",
                                    "intensity": {"perParticipant": "0.0015"}},
                     "verification": {"assuranceLevel": "reasonable", "materiality": "5", "siteVisit": "2026-04-22",
                                      "opinion": {"zh": "无重大错报", "en": "no material misstatement"},
                                      "qualifications": [{"zh": "差旅为抽样估算", "en": "travel is estimated from a survey"}]}})


def test_subject_carries_the_disclosures_and_keeps_its_shape():
    credential = _credential()
    subject = credential["credentialSubject"]
    assert subject["exclusions"][0]["category"] == "event_vehicles"
    assert subject["indicators"]["placeholderShare"] == "0.84"
    assert subject["indicators"]["estimatedShare"] == "0.3"
    assert subject["verification"]["assuranceLevel"] == "reasonable"
    assert check_shape(credential) == []


def test_a_malformed_statement_is_refused():
    credential = _credential()
    bad = copy.deepcopy(credential)
    bad["credentialSubject"]["verification"]["assuranceLevel"] = "high"
    bad["credentialSubject"]["verification"]["materiality"] = 5
    bad["credentialSubject"]["indicators"]["extra"] = "1"
    bad["credentialSubject"]["indicators"]["estimatedShare"] = 0.3
    paths = {p.path for p in check_shape(bad)}
    assert {"/credentialSubject/verification/assuranceLevel", "/credentialSubject/verification/materiality",
            "/credentialSubject/indicators/extra", "/credentialSubject/indicators/estimatedShare"} <= paths

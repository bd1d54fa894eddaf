import copy

import pytest
from trustfixtures import multikey, new_keys, signed_root

from signing.authorizations import (
    authorization_at,
    parse_authorizations,
    update_reasons,
    verify_authorizations,
)
from signing.eddsa_jcs_2022 import public_key_of
from signing.errors import TrustError
from signing.multikey import did_key_method
from signing.timefmt import parse_timestamp as ts
from signing.trust import load_trusted_root, sign_metadata

AT = ts("2025-06-01T00:00:00Z")


@pytest.fixture
def world():
    roots, auth, status = new_keys(2), new_keys(1), new_keys(1)
    root = load_trusted_root(signed_root(1, roots, auth, status))
    agency_keys = new_keys(3)
    return {"root": root, "auth": auth, "agency_keys": agency_keys, "status": status}


def _signed(agency_keys, version=1, **overrides):
    old, current, other = agency_keys
    agency = {
        "id": "agency-green",
        "names": {"zh": "绿色认证中心", "en": "Green Certification Centre"},
        "accreditation": {"from": "2024-01-01T00:00:00Z", "until": "2027-01-01T00:00:00Z"},
        "status": {"state": "active", "since": "2024-01-01T00:00:00Z"},
        "keys": [
            {"publicKeyMultibase": multikey(old), "validFrom": "2024-01-01T00:00:00Z",
             "validUntil": "2025-01-01T00:00:00Z"},
            {"publicKeyMultibase": multikey(current), "validFrom": "2025-01-01T00:00:00Z",
             "validUntil": "2026-01-01T00:00:00Z"},
        ],
    }
    second = {
        "id": "agency-blue",
        "names": {"zh": "蓝天评估", "en": "Blue Sky Assessments"},
        "accreditation": {"from": "2024-01-01T00:00:00Z", "until": "2027-01-01T00:00:00Z"},
        "status": {"state": "active", "since": "2024-01-01T00:00:00Z"},
        "keys": [{"publicKeyMultibase": multikey(other), "validFrom": "2024-01-01T00:00:00Z",
                  "validUntil": "2027-01-01T00:00:00Z"}],
    }
    agency.update(overrides)
    return {"_type": "authorizations", "version": version, "expires": "2026-01-01T00:00:00Z",
            "agencies": [agency, second]}


def _vm(key):
    return did_key_method(public_key_of(key)).id


def _verdict(signed, key, at=AT, trusted=True):
    return authorization_at(parse_authorizations(signed), _vm(key), at, time_is_trusted=trusted)


def test_verified_document_and_authorized_key(world):
    envelope = sign_metadata(_signed(world["agency_keys"]), world["auth"])
    document = verify_authorizations(envelope, world["root"], AT)
    verdict = authorization_at(document, _vm(world["agency_keys"][1]), AT, time_is_trusted=False)
    assert verdict.authorized and verdict.reasons == ()
    assert verdict.agency.id == "agency-green" and verdict.agency.name_zh == "绿色认证中心"


def test_signed_by_wrong_role_refused(world):
    envelope = sign_metadata(_signed(world["agency_keys"]), world["status"])
    with pytest.raises(TrustError, match="not enough valid signatures"):
        verify_authorizations(envelope, world["root"], AT)


def test_expired_and_rolled_back_refused(world):
    envelope = sign_metadata(_signed(world["agency_keys"], version=3), world["auth"])
    with pytest.raises(TrustError, match="expired"):
        verify_authorizations(envelope, world["root"], ts("2026-01-01T00:00:00Z"))
    with pytest.raises(TrustError, match="rollback"):
        verify_authorizations(envelope, world["root"], AT, last_seen_version=4)
    assert verify_authorizations(envelope, world["root"], AT, last_seen_version=3).version == 3


def test_tampered_document_refused(world):
    envelope = sign_metadata(_signed(world["agency_keys"]), world["auth"])
    envelope["signed"]["agencies"][0]["keys"][0]["validUntil"] = "2030-01-01T00:00:00Z"
    with pytest.raises(TrustError, match="not enough"):
        verify_authorizations(envelope, world["root"], AT)


def test_old_key_still_authorized_for_its_own_time(world):
    signed = _signed(world["agency_keys"])
    old = world["agency_keys"][0]
    assert _verdict(signed, old, ts("2024-06-01T00:00:00Z")).authorized
    verdict = _verdict(signed, old, AT)
    assert not verdict.authorized
    assert verdict.reasons == (("该时间不在密钥有效期内", "time is outside the key's validity window"),)


def test_key_window_upper_bound_exclusive(world):
    signed = _signed(world["agency_keys"])
    old = world["agency_keys"][0]
    assert _verdict(signed, old, ts("2024-12-31T23:59:59Z")).authorized
    assert not _verdict(signed, old, ts("2025-01-01T00:00:00Z")).authorized
    assert _verdict(signed, world["agency_keys"][1], ts("2025-01-01T00:00:00Z")).authorized


def test_outside_accreditation(world):
    signed = _signed(world["agency_keys"], accreditation={"from": "2024-01-01T00:00:00Z", "until": "2025-03-01T00:00:00Z"})
    verdict = _verdict(signed, world["agency_keys"][1], AT)
    assert [en for _, en in verdict.reasons] == ["time is outside the agency's accreditation window"]


def test_suspension(world):
    signed = _signed(world["agency_keys"], status={"state": "suspended", "since": "2025-05-01T00:00:00Z"})
    current = world["agency_keys"][1]
    assert not _verdict(signed, current, AT).authorized
    assert _verdict(signed, current, ts("2025-04-30T00:00:00Z")).authorized
    backdated = _verdict(signed, current, ts("2025-04-30T00:00:00Z"), trusted=False)
    assert [en for _, en in backdated.reasons] == ["agency is suspended and no trusted time is available"]


def test_compromised_key(world):
    signed = _signed(world["agency_keys"])
    signed["agencies"][0]["keys"][1]["compromisedSince"] = "2025-05-01T00:00:00Z"
    current = world["agency_keys"][1]
    assert _verdict(signed, current, ts("2025-04-01T00:00:00Z")).authorized
    assert [en for _, en in _verdict(signed, current, AT).reasons] == ["key was compromised at that time"]
    untrusted = _verdict(signed, current, ts("2025-04-01T00:00:00Z"), trusted=False)
    assert [en for _, en in untrusted.reasons] == ["key is compromised and no trusted time is available"]


def test_unknown_key_and_bad_method(world):
    signed = _signed(world["agency_keys"])
    stranger = new_keys(1)[0]
    assert _verdict(signed, stranger).reasons[0][1] == "key belongs to no authorized agency"
    verdict = authorization_at(parse_authorizations(signed), "https://example.org#k", AT, time_is_trusted=True)
    assert not verdict.authorized and "did:key" in verdict.reasons[0][1]


def test_each_agency_keeps_its_own_keys(world):
    signed = _signed(world["agency_keys"])
    verdict = _verdict(signed, world["agency_keys"][2])
    assert verdict.authorized and verdict.agency.id == "agency-blue"


@pytest.mark.parametrize(
    "change, fragment",
    [
        (lambda s: s["agencies"][1].update(id="agency-green"), "listed twice"),
        (lambda s: s["agencies"][1]["keys"].append(copy.deepcopy(s["agencies"][0]["keys"][0])), "listed twice"),
        (lambda s: s["agencies"][0]["status"].update(state="paused"), "invalid state"),
        (lambda s: s["agencies"][0]["keys"][0].update(validUntil="2023-01-01T00:00:00Z"), "window"),
        (lambda s: s["agencies"][0].pop("names"), "names"),
        (lambda s: s.update(_type="root"), "not agency"),
        (lambda s: s["agencies"][0]["keys"][0].update(publicKeyMultibase="z6Mk"), "ed01"),
    ],
)
def test_malformed_documents_refused(world, change, fragment):
    signed = _signed(world["agency_keys"])
    change(signed)
    with pytest.raises(Exception, match=fragment):
        parse_authorizations(signed)


def test_update_rules(world):
    keys = world["agency_keys"]
    old = parse_authorizations(_signed(keys, version=1))
    shrunk = _signed(keys, version=2)
    shrunk["agencies"][0]["keys"][1]["validUntil"] = "2025-09-01T00:00:00Z"
    shrunk["agencies"][0]["keys"][1]["compromisedSince"] = "2025-08-01T00:00:00Z"
    shrunk["agencies"][0]["status"] = {"state": "suspended", "since": "2025-08-01T00:00:00Z"}
    assert update_reasons(old, parse_authorizations(shrunk)) == ()

    same_version = parse_authorizations(_signed(keys, version=1))
    assert [en for _, en in update_reasons(old, same_version)] == ["version must increase"]

    longer = _signed(keys, version=2)
    longer["agencies"][0]["keys"][1]["validUntil"] = "2027-01-01T00:00:00Z"
    assert "may only shrink" in update_reasons(old, parse_authorizations(longer))[0][1]

    deleted_key = _signed(keys, version=2)
    deleted_key["agencies"][0]["keys"].pop(0)
    assert "may not be deleted" in update_reasons(old, parse_authorizations(deleted_key))[0][1]

    deleted_agency = _signed(keys, version=2)
    deleted_agency["agencies"].pop(1)
    assert "may not be deleted" in update_reasons(old, parse_authorizations(deleted_agency))[0][1]

    longer_accreditation = _signed(keys, version=2)
    longer_accreditation["agencies"][0]["accreditation"]["until"] = "2030-01-01T00:00:00Z"
    assert "accreditation" in update_reasons(old, parse_authorizations(longer_accreditation))[0][1]


def test_compromise_mark_cannot_be_lifted(world):
    keys = world["agency_keys"]
    marked = _signed(keys, version=2)
    marked["agencies"][0]["keys"][1]["compromisedSince"] = "2025-08-01T00:00:00Z"
    lifted = _signed(keys, version=3)
    later = _signed(keys, version=3)
    later["agencies"][0]["keys"][1]["compromisedSince"] = "2025-09-01T00:00:00Z"
    earlier = _signed(keys, version=3)
    earlier["agencies"][0]["keys"][1]["compromisedSince"] = "2025-07-01T00:00:00Z"
    base = parse_authorizations(marked)
    assert "compromise" in update_reasons(base, parse_authorizations(lifted))[0][1]
    assert "compromise" in update_reasons(base, parse_authorizations(later))[0][1]
    assert update_reasons(base, parse_authorizations(earlier)) == ()

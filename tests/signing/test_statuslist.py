from datetime import timedelta

import pytest
from trustfixtures import new_keys, signed_root

from signing.errors import TrustError
from signing.statuslist import parse_status_list, verify_status_list
from signing.timefmt import parse_timestamp as ts
from signing.trust import load_trusted_root, sign_metadata

AT = ts("2025-06-10T00:00:00Z")


@pytest.fixture
def world():
    roots, auth, status = new_keys(2), new_keys(1), new_keys(1)
    return {"root": load_trusted_root(signed_root(1, roots, auth, status)), "status": status, "auth": auth}


def _signed(version=5, issued="2025-06-01T00:00:00Z", expires="2025-06-15T00:00:00Z", entries=None):
    return {
        "_type": "status",
        "version": version,
        "issued": issued,
        "expires": expires,
        "registryVersion": "2025.06.01-abc123",
        "snapshot": {"root": {"version": 1, "sha256": "a" * 64}, "authorizations": {"version": 1, "sha256": "b" * 64},
                     "checkpoint": {"size": 0, "rootHash": "c" * 64}},
        "entries": entries if entries is not None else [
            {"id": "CN-2025-0007", "reason": "伪造注销证明 / forged retirement proof (Art. 16)",
             "revoked": "2025-06-01T00:00:00Z"},
            {"id": "CN-2025-0009", "reason": "机构被暂停 / agency suspended"},
        ],
    }


def test_fresh_list_verifies_and_reports_revocations(world):
    status = verify_status_list(sign_metadata(_signed(), world["status"]), world["root"], AT)
    assert status.revocation_of("CN-2025-0007", AT).reason.startswith("伪造注销证明")
    assert status.revocation_of("CN-2025-0009", AT) is not None
    assert status.revocation_of("CN-2025-0001", AT) is None
    # Not yet revoked as of a date before the revocation.
    assert status.revocation_of("CN-2025-0007", ts("2025-05-01T00:00:00Z")) is None


def test_stale_list_refused(world):
    envelope = sign_metadata(_signed(), world["status"])
    with pytest.raises(TrustError, match="expired"):
        verify_status_list(envelope, world["root"], ts("2025-06-15T00:00:00Z"))


def test_rollback_refused(world):
    envelope = sign_metadata(_signed(version=5), world["status"])
    with pytest.raises(TrustError, match="rollback"):
        verify_status_list(envelope, world["root"], AT, last_seen_version=6)
    assert verify_status_list(envelope, world["root"], AT, last_seen_version=5).version == 5


def test_other_registry_version_refused(world):
    envelope = sign_metadata(_signed(), world["status"])
    with pytest.raises(TrustError, match="another registry version"):
        verify_status_list(envelope, world["root"], AT, registry_version="2025.05.01-def456")


def test_only_the_status_role_may_sign(world):
    with pytest.raises(TrustError, match="not enough valid signatures"):
        verify_status_list(sign_metadata(_signed(), world["auth"]), world["root"], AT)


def test_removing_an_entry_breaks_the_signature(world):
    envelope = sign_metadata(_signed(), world["status"])
    envelope["signed"]["entries"].pop(0)
    with pytest.raises(TrustError, match="not enough valid signatures"):
        verify_status_list(envelope, world["root"], AT)


@pytest.mark.parametrize(
    "signed, fragment",
    [
        (_signed(expires="2025-08-01T00:00:00Z"), "at most 31 days"),
        (_signed(expires="2025-06-01T00:00:00Z"), "positive"),
        (_signed(entries=[{"id": "A", "reason": "x"}, {"id": "A", "reason": "y"}]), "duplicate"),
        (_signed(entries=[{"id": "A"}]), "reason"),
        (dict(_signed(), _type="root"), "not a status list"),
    ],
)
def test_malformed_lists_refused(signed, fragment):
    with pytest.raises(TrustError, match=fragment):
        parse_status_list(signed)


def test_validity_cap_is_a_parameter():
    signed = _signed(expires="2025-06-05T00:00:00Z")
    with pytest.raises(TrustError, match="at most 3 days"):
        parse_status_list(signed, max_validity=timedelta(days=3))


@pytest.mark.parametrize("snapshot, fragment", [
    (None, "lacks its snapshot"),
    ({"root": {"version": 1, "sha256": "a" * 64}, "authorizations": {"version": 1, "sha256": "b" * 64}}, "lacks its snapshot"),
    ({"root": {"version": 0, "sha256": "a" * 64}, "authorizations": {"version": 1, "sha256": "b" * 64},
      "checkpoint": {"size": 0, "rootHash": "c" * 64}}, "out of range"),
    ({"root": {"version": 1, "sha256": "A" * 64}, "authorizations": {"version": 1, "sha256": "b" * 64},
      "checkpoint": {"size": 0, "rootHash": "c" * 64}}, "lower-case hex"),
    ({"root": {"version": 1, "sha256": "a" * 64}, "authorizations": {"version": 1, "sha256": "b" * 64},
      "checkpoint": {"size": 0, "sha256": "c" * 64}}, "exactly size and rootHash"),
])
def test_a_list_must_name_the_current_trust_documents(snapshot, fragment):
    signed = _signed()
    if snapshot is None:
        del signed["snapshot"]
    else:
        signed["snapshot"] = snapshot
    with pytest.raises(TrustError, match=fragment):
        parse_status_list(signed)

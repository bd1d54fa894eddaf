import copy

import pytest
from trustfixtures import kid, new_keys, root_signed, signed_root

from signing.errors import TrustError
from signing.timefmt import parse_timestamp
from signing.trust import (
    load_trusted_root,
    parse_root,
    rotate_root,
    sign_metadata,
    verify_root_chain,
    verify_threshold,
)

NOW = parse_timestamp("2026-01-01T00:00:00Z")


@pytest.fixture
def keys():
    return {"root": new_keys(3), "auth": new_keys(1), "status": new_keys(1)}


def test_self_signed_root_loads(keys):
    root = load_trusted_root(signed_root(1, keys["root"], keys["auth"], keys["status"]))
    assert root.version == 1
    assert root.roles["root"].threshold == 2
    assert set(root.roles["root"].keyids) == {kid(k) for k in keys["root"]}


def test_threshold_counts_distinct_keys(keys):
    signed = root_signed(1, keys["root"], keys["auth"], keys["status"])
    envelope = sign_metadata(signed, [keys["root"][0]])
    envelope["signatures"] = envelope["signatures"] * 3  # the same key three times
    with pytest.raises(TrustError, match="1 of 2"):
        load_trusted_root(envelope)


def test_signatures_by_keys_outside_the_role_do_not_count(keys):
    envelope = signed_root(1, keys["root"], keys["auth"], keys["status"], signers=[keys["root"][0], keys["auth"][0]])
    with pytest.raises(TrustError, match="1 of 2"):
        load_trusted_root(envelope)


def test_tampered_signed_part_fails(keys):
    envelope = signed_root(1, keys["root"], keys["auth"], keys["status"])
    envelope["signed"]["expires"] = "2099-01-01T00:00:00Z"
    with pytest.raises(TrustError, match="0 of 2"):
        load_trusted_root(envelope)


def test_garbage_signature_entries_ignored(keys):
    envelope = signed_root(1, keys["root"], keys["auth"], keys["status"], signers=keys["root"][:2])
    envelope["signatures"] += ["x", {"keyid": kid(keys["root"][2]), "sig": "not multibase"}, {"keyid": 5}]
    assert load_trusted_root(envelope).version == 1


def test_key_id_must_match_key(keys):
    signed = root_signed(1, keys["root"], keys["auth"], keys["status"])
    first, second = list(signed["keys"])[:2]
    signed["keys"][first], signed["keys"][second] = signed["keys"][second], signed["keys"][first]
    with pytest.raises(TrustError, match="key id does not match"):
        parse_root(signed)


@pytest.mark.parametrize(
    "change, fragment",
    [
        (lambda s: s.update(_type="authorizations"), "not root"),
        (lambda s: s.update(version=0), "at least 1"),
        (lambda s: s.update(version=True), "version"),
        (lambda s: s.update(expires="2030-01-01"), "YYYY"),
        (lambda s: s["roles"].pop("status"), "exactly the roles"),
        (lambda s: s["roles"]["root"].update(threshold=4), "invalid threshold"),
        (lambda s: s["roles"]["root"].update(threshold=0), "invalid threshold"),
        (lambda s: s["roles"]["status"]["keyids"].append("ab" * 32), "not listed"),
        (lambda s: s["roles"]["root"]["keyids"].append(s["roles"]["root"]["keyids"][0]), "repeated"),
    ],
)
def test_malformed_roots_refused(keys, change, fragment):
    signed = root_signed(1, keys["root"], keys["auth"], keys["status"])
    change(signed)
    with pytest.raises(Exception, match=fragment):
        parse_root(signed)


def test_rotation_needs_old_and_new_thresholds(keys):
    trusted = load_trusted_root(signed_root(1, keys["root"], keys["auth"], keys["status"]))
    fresh = new_keys(3)
    # Signed by both thresholds: accepted.
    both = signed_root(2, fresh, keys["auth"], keys["status"], signers=keys["root"][:2] + fresh[:2])
    assert rotate_root(trusted, both).version == 2
    # Only the new keys: an attacker's own root.
    only_new = signed_root(2, fresh, keys["auth"], keys["status"], signers=fresh)
    with pytest.raises(TrustError, match="previous keys"):
        rotate_root(trusted, only_new)
    # Only the old keys: the new root's keys never agreed.
    only_old = signed_root(2, fresh, keys["auth"], keys["status"], signers=keys["root"])
    with pytest.raises(TrustError, match="new keys"):
        rotate_root(trusted, only_old)


def test_rotation_refuses_rollback_and_skips(keys):
    trusted = rotate_root(
        load_trusted_root(signed_root(1, keys["root"], keys["auth"], keys["status"])),
        signed_root(2, keys["root"], keys["auth"], keys["status"]),
    )
    with pytest.raises(TrustError, match="rollback"):
        rotate_root(trusted, signed_root(1, keys["root"], keys["auth"], keys["status"]))
    with pytest.raises(TrustError, match="rollback"):
        rotate_root(trusted, signed_root(2, keys["root"], keys["auth"], keys["status"]))
    with pytest.raises(TrustError, match="must be 3"):
        rotate_root(trusted, signed_root(4, keys["root"], keys["auth"], keys["status"]))


def test_chain_and_expiry(keys):
    first = signed_root(1, keys["root"], keys["auth"], keys["status"], expires="2025-01-01T00:00:00Z")
    fresh = new_keys(2)
    second = signed_root(2, fresh, keys["auth"], keys["status"], signers=keys["root"][:2] + fresh)
    # An expired old root does not stop a walk to a fresh one.
    assert verify_root_chain(first, [second], NOW).version == 2
    with pytest.raises(TrustError, match="expired"):
        verify_root_chain(first, [], NOW)
    # Expiry is exclusive: at the expiry second the root is no longer valid.
    with pytest.raises(TrustError, match="expired"):
        verify_root_chain(first, [], parse_timestamp("2025-01-01T00:00:00Z"))
    assert verify_root_chain(first, [], parse_timestamp("2024-12-31T23:59:59Z")).version == 1


def test_verify_threshold_requires_envelope(keys):
    root = load_trusted_root(signed_root(1, keys["root"], keys["auth"], keys["status"]))
    with pytest.raises(TrustError, match="signed"):
        verify_threshold({"signatures": []}, *root.role_keys("root"), "root")


def test_root_record_is_read_only(keys):
    root = load_trusted_root(signed_root(1, keys["root"], keys["auth"], keys["status"]))
    with pytest.raises(TypeError):
        root.keys["x"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        root.version = 5  # type: ignore[misc]
    assert copy.deepcopy(root.version) == 1

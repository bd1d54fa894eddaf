import copy

import pytest
from certfixtures import credential_fields
from trustfixtures import new_keys, root_signed

from signing.credential import build_credential, credential_digest, sign_credential
from signing.errors import LogError, TrustError
from signing.issue import create_platform, verification_method_of
from signing.jcs import canonicalize
from signing.merkle import leaf_hash, verify_consistency
from signing.transparency import (
    PublicationLog,
    make_leaf,
    make_receipt,
    sign_checkpoint,
    verify_checkpoint,
    verify_receipt,
)
from signing.trust import load_trusted_root, sign_metadata


@pytest.fixture
def platform():
    return create_platform()


@pytest.fixture
def root(platform):
    return load_trusted_root(platform.root())


def _signed(key, number, created="2026-03-01T00:00:00Z"):
    credential = build_credential(**credential_fields("certificate", key, number))
    return sign_credential(credential, key, verification_method_of(key), created)


@pytest.fixture
def logged(platform):
    key = platform.declaration_key  # any real key will do for the log itself
    credentials = [_signed(key, f"CN-2026-{i:04d}") for i in range(5)]
    log = PublicationLog()
    for i, credential in enumerate(credentials):
        log = log.append(make_leaf(credential, f"2026-03-0{i + 1}T00:00:00Z"))
    return credentials, log


def test_leaf_is_the_digest_time_and_id(logged):
    credentials, log = logged
    leaf = log.leaves[2]
    assert leaf == {"digest": credential_digest(credentials[2]), "published": "2026-03-03T00:00:00Z", "id": credentials[2]["id"]}
    assert log.leaf_hashes()[2] == leaf_hash(canonicalize(leaf))


def test_receipt_verifies_for_every_entry(platform, root, logged):
    credentials, log = logged
    checkpoint = platform.checkpoint(log, "2026-03-06T00:00:00Z")
    for index, credential in enumerate(credentials):
        publication = verify_receipt(make_receipt(log, credential["id"], checkpoint), credential, root)
        assert publication.index == index and publication.tree_size == 5
        assert publication.checkpoint.registry == platform.registry


def test_log_is_append_only_and_consistent(platform, logged):
    credentials, log = logged
    old_root = log.root_hash(3)
    assert verify_consistency(3, 5, old_root, log.root_hash(), log.consistency_proof(3))
    with pytest.raises(LogError, match="already been published"):
        log.append(make_leaf(credentials[0], "2026-03-09T00:00:00Z"))
    later = _signed(platform.declaration_key, "CN-2026-0099")
    with pytest.raises(LogError, match="may not precede"):
        log.append(make_leaf(later, "2026-03-01T00:00:00Z"))


def test_swapped_credential_no_longer_matches(platform, root, logged):
    credentials, log = logged
    receipt = make_receipt(log, credentials[1]["id"], platform.checkpoint(log, "2026-03-06T00:00:00Z"))
    with pytest.raises(LogError, match="another credential"):
        verify_receipt(receipt, credentials[2], root)
    # Same id, different content (re-signed after logging): the digest no longer matches.
    resigned = _signed(platform.declaration_key, "CN-2026-0001", created="2026-03-01T00:00:01Z")
    with pytest.raises(LogError, match="changed after it was logged"):
        verify_receipt(receipt, resigned, root)


def test_forged_leaf_time_breaks_the_inclusion_proof(platform, root, logged):
    credentials, log = logged
    receipt = make_receipt(log, credentials[4]["id"], platform.checkpoint(log, "2026-03-06T00:00:00Z"))
    receipt["leaf"]["published"] = "2026-01-01T00:00:00Z"  # backdated by whoever holds the bundle
    with pytest.raises(LogError, match="inclusion proof"):
        verify_receipt(receipt, credentials[4], root)


@pytest.mark.parametrize("change, fragment", [
    (lambda r: r.update(index=r["index"] + 1), "inclusion proof"),
    (lambda r: r.update(treeSize=4), "tree size"),
    (lambda r: r["auditPath"].pop(), "inclusion proof"),
    (lambda r: r["auditPath"].append("0" * 64), "inclusion proof"),
    (lambda r: r["auditPath"].__setitem__(0, "X" * 64), "hex"),
    (lambda r: r.update(index=-1), "non-negative"),
    (lambda r: r.update(extra=1), "exactly"),
    (lambda r: r["leaf"].update(extra="x"), "exactly digest"),
    (lambda r: r["checkpoint"]["signed"].update(rootHash="0" * 64), "not enough valid signatures"),
])
def test_tampered_receipts_fail(platform, root, logged, change, fragment):
    credentials, log = logged
    receipt = make_receipt(log, credentials[3]["id"], platform.checkpoint(log, "2026-03-06T00:00:00Z"))
    change(receipt)
    with pytest.raises((LogError, TrustError), match=fragment):
        verify_receipt(receipt, credentials[3], root)


def test_checkpoint_before_publication_refused(platform, root, logged):
    credentials, log = logged
    receipt = make_receipt(log, credentials[4]["id"], platform.checkpoint(log, "2026-03-04T00:00:00Z"))
    with pytest.raises(LogError, match="later than the checkpoint"):
        verify_receipt(receipt, credentials[4], root)


def test_checkpoint_needs_the_log_role_and_registry(platform, root, logged):
    _, log = logged
    by_status = sign_checkpoint(log, "2026-03-06T00:00:00Z", [platform.status_key], registry=platform.registry)
    with pytest.raises(TrustError, match="checkpoint \\(log\\)"):
        verify_checkpoint(by_status, root)
    staging = sign_checkpoint(log, "2026-03-06T00:00:00Z", [platform.log_key], registry="carbonreg:staging")
    with pytest.raises(LogError, match="another registry"):
        verify_checkpoint(staging, root)
    with pytest.raises(LogError, match="not a log checkpoint"):
        verify_checkpoint(sign_metadata({"_type": "status"}, [platform.log_key]), root)


def test_roots_without_a_log_role_use_the_status_role(logged):
    _, log = logged
    roots, auth, status = new_keys(2), new_keys(1), new_keys(1)
    old_style = load_trusted_root(sign_metadata(root_signed(1, roots, auth, status), roots))
    assert old_style.log_role == "status"
    assert verify_checkpoint(sign_checkpoint(log, "2026-03-06T00:00:00Z", status), old_style).size == 5
    with pytest.raises(TrustError):
        verify_checkpoint(sign_checkpoint(log, "2026-03-06T00:00:00Z", auth), old_style)


def test_receipt_refused_for_a_checkpoint_of_another_log(platform, logged):
    credentials, log = logged
    other = PublicationLog().append(make_leaf(credentials[0], "2026-03-01T00:00:01Z"))
    with pytest.raises(LogError, match="does not match the log"):
        make_receipt(log, credentials[0]["id"], platform.checkpoint(other, "2026-03-06T00:00:00Z"))
    with pytest.raises(LogError, match="not in the log"):
        make_receipt(other, credentials[3]["id"], platform.checkpoint(other, "2026-03-06T00:00:00Z"))


def test_old_checkpoint_gives_a_receipt_for_entries_it_covers(platform, root, logged):
    credentials, log = logged
    small = PublicationLog(log.leaves[:2])
    checkpoint = platform.checkpoint(small, "2026-03-02T12:00:00Z")
    assert verify_receipt(make_receipt(log, credentials[1]["id"], checkpoint), credentials[1], root).tree_size == 2
    with pytest.raises(LogError):
        make_receipt(log, credentials[3]["id"], checkpoint)
    assert copy.deepcopy(small).size == 2


def test_extend_is_appending_each_leaf_in_turn_with_the_same_refusals(platform, logged):
    credentials, log = logged
    more = [_signed(platform.declaration_key, f"CN-2026-{i:04d}") for i in range(10, 13)]
    leaves = [make_leaf(c, f"2026-04-0{i + 1}T00:00:00Z") for i, c in enumerate(more)]
    one_by_one = log
    for leaf in leaves:
        one_by_one = one_by_one.append(leaf)
    assert log.extend(leaves) == one_by_one and log.extend(leaves).root_hash() == one_by_one.root_hash()
    with pytest.raises(LogError, match="already been published"):  # twice within the same batch
        log.extend([leaves[0], leaves[1], leaves[0]])
    with pytest.raises(LogError, match="already been published"):  # already in the log
        log.extend([leaves[0], make_leaf(credentials[1], "2026-04-09T00:00:00Z")])
    with pytest.raises(LogError, match="may not precede"):  # out of order within the batch
        log.extend([leaves[1], leaves[0]])

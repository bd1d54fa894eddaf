"""Section 2 of issue 11: trust a bundle cannot roll back. One test per attack found against the
shipped bundles, named after the attack; real keys, real signatures, real git for the registry
version. Each failed on the verifier before the status list named its trust documents."""

import subprocess

import pytest
from certfixtures import NOW, World, dump

from signing.transparency import PublicationLog, make_leaf
from signing.verify import verify_bundle

COMPROMISE = "2026-03-05T00:00:00Z"


@pytest.fixture
def world():
    return World()


def check(world, bundle, **options):
    return verify_bundle(dump(bundle), world.root(), at=NOW, **options)


def ids(verdict):
    return [step.message_id for step in verdict.steps if not step.ok and not step.skipped]


def _old_and_new_authorizations(world):
    """v1 without a compromise mark; v2 marks the agency key compromised from COMPROMISE."""
    old = world.authorizations()
    world.authorizations_version, world.key_compromised_since = 2, COMPROMISE
    return old, world.authorizations()


def test_backdating_with_old_authorizations_and_a_fresh_status_list_is_refused(world):
    old, new = _old_and_new_authorizations(world)
    bundle = world.issue(created="2026-03-01T08:00:00Z")  # re-signed with the stolen key, dated before the compromise
    bundle["publication"] = None  # never logged: no trusted time
    assert check(world, bundle).exit_code == 1  # with the current authorizations: the compromise mark bites
    bundle["trust"]["authorizations"] = old  # the attack: serve the document from before the mark
    verdict = check(world, bundle)
    assert verdict.exit_code == 1 and not verdict.genuine
    assert "status.snapshot-authorizations-older" in ids(verdict)
    assert "older than v2 named by status list v7" in verdict.failed[0].en


def test_backdating_with_old_authorizations_and_an_old_status_list_never_exits_0(world):
    old, new = _old_and_new_authorizations(world)
    bundle = world.issue(created="2026-03-01T08:00:00Z")
    bundle["publication"] = None
    # An old status list (still within its validity) that named the old document: the snapshot
    # agrees with it, so only the missing log receipt stands between the forgery and exit 0.
    bundle["trust"]["authorizations"] = old
    bundle["trust"]["status"] = world.status_list(version=6, issued="2026-03-04T00:00:00Z",
                                                  expires="2026-03-11T00:00:00Z", authorizations=old)
    verdict = check(world, bundle)
    assert verdict.exit_code == 2 and verdict.outcome == "unlogged" and not verdict.valid
    assert "publication.unlogged" in ids(verdict)


def test_mix_and_match_an_older_root_with_a_newer_status_list_is_refused(world):
    root2 = world.platform.root(2)
    bundle = world.issue()
    bundle["trust"]["status"] = world.status_list(version=8, issued="2026-03-09T00:00:00Z",
                                                  expires="2026-03-16T00:00:00Z", root=root2)
    verdict = check(world, bundle)
    assert verdict.exit_code == 1 and "status.snapshot-root-older" in ids(verdict)
    bundle["trust"]["rootChain"] = [world.root(), root2]  # the root the list names: accepted
    assert check(world, bundle).exit_code == 0


def test_mix_and_match_another_authorizations_document_of_the_same_version_is_refused(world):
    bundle = world.issue()
    world.agency_state_since = "2024-02-01T00:00:00Z"  # a different v1, validly signed
    bundle["trust"]["status"] = world.status()
    verdict = check(world, bundle)
    assert verdict.exit_code == 1 and "status.snapshot-authorizations-differs" in ids(verdict)


def test_forked_log_checkpoint_of_the_named_size_is_refused(world):
    bundle = world.issue()  # the log holds one leaf: this credential
    forked = PublicationLog().append(make_leaf(bundle["credential"] | {"id": "urn:carbonreg:certificate:OTHER"},
                                               "2026-03-02T00:00:00Z"))
    bundle["trust"]["status"] = world.status_list(version=8, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z",
                                                  checkpoint=world.platform.checkpoint(forked, "2026-03-09T00:00:00Z"))
    verdict = check(world, bundle)
    assert verdict.exit_code == 1 and "status.snapshot-checkpoint-differs" in ids(verdict)


def test_a_receipt_against_an_older_checkpoint_still_verifies(world):
    """The log is append-only: inclusion in a smaller tree is still proof (an old bundle with a
    fresh --status keeps working when only the log grew)."""
    bundle = world.issue()
    world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z")  # the log grows to two leaves
    bundle["trust"]["status"] = world.status()  # names the two-leaf checkpoint
    assert check(world, bundle).exit_code == 0


def _git(folder, *args):
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout.strip()


def test_a_status_list_signed_for_another_registry_version_is_refused(world, tmp_path):
    registry = tmp_path / "registry"
    registry.mkdir()
    _git(registry, "init", "-q")
    (registry / "registry.yaml").write_text("name: test\n")
    _git(registry, "add", "-A")
    _git(registry, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "one")
    head = _git(registry, "rev-parse", "HEAD")
    bundle = world.issue()
    for version, refused in ((head, False), ("0123456789abcdef0123456789abcdef01234567", True), ("--output=x", True)):
        bundle["trust"]["status"] = world.status_list(version=8, issued="2026-03-09T00:00:00Z",
                                                      expires="2026-03-16T00:00:00Z", registry_version=version)
        verdict = check(world, bundle, registry_dir=registry)
        assert ("status.registry-version" in ids(verdict)) == refused, version
    assert not (registry / "x").exists()


def test_issuer_binding_a_credential_naming_another_issuer_signed_by_an_authorized_agency_key(world):
    """Issue 18's planted-bug survivor: issuer.id names another DID (here the platform's), the
    proof is valid and made with the authorized agency's key (signed directly: sign_credential
    refuses to). Without the binding check the key is found authorized and the credential passes
    as issued by someone who never signed it."""
    from certfixtures import credential_fields

    from signing.bundle import make_bundle
    from signing.credential import build_credential
    from signing.eddsa_jcs_2022 import sign_document
    from signing.issue import did_of, verification_method_of
    from signing.transparency import make_leaf, make_receipt

    fields = credential_fields("certificate", world.agency_key)
    fields["issuer_did"] = did_of(world.platform.declaration_key)  # another DID
    signed = sign_document(build_credential(**fields), world.agency_key, verification_method_of(world.agency_key),
                           created="2026-03-01T08:00:00Z")
    world.log = world.log.append(make_leaf(signed, "2026-03-02T00:00:00Z"))
    receipt = make_receipt(world.log, signed["id"], world.platform.checkpoint(world.log, "2026-03-02T00:00:00Z"))
    bundle = make_bundle(signed, receipt, [world.root()], world.authorizations(), world.status())
    verdict = check(world, bundle)
    assert verdict.exit_code == 1 and ids(verdict) == ["proof.issuer-binding"]

"""The verification algorithm end to end, and one test per attack: real keys, real signatures."""

import copy
import json

import pytest
from certfixtures import NOW, World, credential_fields, dump
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from signing.credential import build_credential, sign_credential
from signing.issue import create_platform, issue_bundle, verification_method_of
from signing.multikey import multibase_encode
from signing.timefmt import parse_timestamp as ts
from signing.trust import sign_metadata
from signing.verify import TIME_FROM_LOG, TIME_UNTRUSTED, verify_bundle
from signing.verify_steps import STEP_NAMES


@pytest.fixture
def world():
    return World()


def check(world, bundle, *, root=None, **options):
    options.setdefault("at", NOW)
    return verify_bundle(dump(bundle), world.root() if root is None else root, **options)


def failed(verdict):
    return [step.name for step in verdict.failed]


def test_a_certificate_verifies_with_every_step(world):
    verdict = check(world, world.issue())
    assert verdict.valid and verdict.genuine and verdict.exit_code == 0 and failed(verdict) == []
    assert [s.name for s in verdict.steps] == list(STEP_NAMES)
    assert verdict.kind == "certificate" and verdict.credential_id == "urn:carbonreg:certificate:CN-2026-0001"
    assert (verdict.issuer_id, verdict.issuer_name_en) == ("agency-green", "Green Certification Centre")
    assert (verdict.trusted_time, verdict.time_source) == ("2026-03-02T00:00:00Z", TIME_FROM_LOG)
    assert verdict.revocation == "not-revoked" and verdict.status_as_of == "2026-03-10T00:00:00Z"
    assert verdict.root_pinned and verdict.root_version == 1 and len(verdict.key_fingerprint) == 64
    assert verdict.seen_versions == {"root": 1, "authorizations": 1, "status": 7}
    assert json.loads(json.dumps(verdict.as_json()))["valid"] is True


def test_a_declaration_verifies_under_the_platform_key(world):
    verdict = check(world, world.issue("declaration", number="D-2026-0001"))
    assert verdict.valid and verdict.kind == "declaration" and verdict.issuer_id == "platform"


def test_forged_signature_fails(world):
    bundle = world.issue()
    proof = bundle["credential"]["proof"]
    proof["proofValue"] = multibase_encode(Ed25519PrivateKey.generate().sign(b"anything"))
    assert failed(check(world, bundle)) == ["proof"]


def test_tampered_content_fails_the_proof_and_the_log(world):
    bundle = world.issue()
    bundle["credential"]["credentialSubject"]["offsets"]["retired"] = "7400"
    bundle["credential"]["credentialSubject"]["offsets"]["retirements"][0]["quantity"] = "7360"
    verdict = check(world, bundle)
    assert "proof" in failed(verdict) and not verdict.valid and verdict.subject is None


def test_replayed_under_another_id_fails(world):
    bundle = world.issue()
    replay = copy.deepcopy(bundle)
    replay["credential"]["id"] = "urn:carbonreg:certificate:CN-2026-0777"
    replay["credential"]["credentialSubject"]["certificateNumber"] = "CN-2026-0777"
    assert "proof" in failed(check(world, replay))
    # A genuine second certificate carried with the first one's receipt.
    second = world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z")
    second["publication"] = bundle["publication"]
    assert failed(check(world, second)) == ["publication"]


def test_credential_swapped_after_logging_fails_the_inclusion(world):
    bundle = world.issue()
    signed = sign_credential(build_credential(**credential_fields("certificate", world.agency_key)), world.agency_key,
                             verification_method_of(world.agency_key), "2026-03-01T09:00:00Z")
    bundle["credential"] = signed  # same id, genuinely signed, but not what was logged
    verdict = check(world, bundle)
    assert failed(verdict) == ["publication"] and "changed after it was logged" in verdict.failed[0].en


def test_suspended_agency_before_and_after_suspension(world):
    world.agency_state, world.agency_state_since = "suspended", "2026-03-05T00:00:00Z"
    assert check(world, world.issue(published="2026-03-02T00:00:00Z")).valid
    late = check(world, world.issue(number="CN-2026-0002", published="2026-03-06T00:00:00Z", created="2026-03-06T00:00:00Z"))
    assert failed(late) == ["issuer"] and "suspended" in late.failed[0].en


def test_suspended_agency_without_trusted_time_fails(world):
    world.agency_state, world.agency_state_since = "suspended", "2026-03-05T00:00:00Z"
    bundle = world.issue()
    bundle["publication"] = None
    verdict = check(world, bundle)
    assert verdict.time_source == TIME_UNTRUSTED and failed(verdict) == ["issuer"]


@pytest.mark.parametrize("compromised, published, valid", [
    ("2026-03-05T00:00:00Z", "2026-03-02T00:00:00Z", True),   # published before the compromise
    ("2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z", False),  # published after it
    ("2026-03-06T00:00:00Z", "2026-03-06T00:00:00Z", False),  # at the compromise second
])
def test_compromised_key_by_trusted_publication_time(world, compromised, published, valid):
    world.key_compromised_since = compromised
    verdict = check(world, world.issue(published=published))
    assert verdict.valid is valid and (valid or failed(verdict) == ["issuer"])


def test_compromised_key_without_trusted_time_fails_even_if_backdated(world):
    world.key_compromised_since = "2026-03-05T00:00:00Z"
    bundle = world.issue(created="2026-01-01T00:00:00Z")  # backdated proof.created
    bundle["publication"] = None
    verdict = check(world, bundle)
    assert failed(verdict) == ["issuer"] and "no trusted time" in verdict.failed[0].en
    world.key_compromised_since = None
    assert check(world, world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z")).valid


def test_never_logged_is_genuine_at_best_never_valid(world):
    """A credential without a log receipt has no trusted time: exit 2 ("unlogged"), never 0."""
    bundle = world.issue()
    bundle["publication"] = None
    verdict = check(world, bundle)
    assert not verdict.valid and verdict.genuine and verdict.exit_code == 2 and verdict.outcome == "unlogged"
    assert verdict.trusted_time == "2026-03-01T08:00:00Z" and verdict.time_source == TIME_UNTRUSTED
    assert [s.message_id for s in verdict.steps if s.warning] == ["publication.unlogged"]


def test_proof_created_after_publication_refused(world):
    verdict = check(world, world.issue(created="2026-03-03T00:00:00Z", published="2026-03-02T00:00:00Z"))
    assert failed(verdict) == ["publication"]


def test_stale_status_list_is_genuine_but_revocation_unknown(world):
    world.status_issued, world.status_expires = "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z"
    verdict = check(world, world.issue())
    assert not verdict.valid and verdict.genuine and failed(verdict) == [] and verdict.exit_code == 2
    assert [s.name for s in verdict.warnings] == ["status", "revocation"]
    assert "cannot confirm not revoked" in verdict.warnings[0].en and "UNKNOWN" in verdict.warnings[1].en
    assert verdict.status_fresh is False and verdict.revocation == "unknown" and verdict.outcome == "revocation-unknown"


def test_no_status_list_is_genuine_but_revocation_unknown(world):
    bundle = world.issue()
    bundle["trust"]["status"] = None
    verdict = check(world, bundle)
    assert verdict.genuine and not verdict.valid and verdict.exit_code == 2 and verdict.revocation == "unknown"
    assert "no status list" in verdict.warnings[0].en


def test_stale_list_still_reports_a_revocation(world):
    world.status_issued, world.status_expires = "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z"
    world.status_entries = [{"id": "urn:carbonreg:certificate:CN-2026-0001", "reason": "伪造 / forged", "revoked": "2026-02-25T00:00:00Z"}]
    verdict = check(world, world.issue())
    assert failed(verdict) == ["revocation"] and verdict.revocation == "revoked" and verdict.exit_code == 1


def test_rolled_back_status_list_refused(world):
    bundle = world.issue()
    assert check(world, bundle, last_seen={"status": 7}).valid
    verdict = check(world, bundle, last_seen={"status": 8})
    assert failed(verdict) == ["status"] and "rollback" in verdict.failed[0].en


def test_revoked_certificate_fails_with_the_reason_as_of_a_date(world):
    world.status_entries = [{"id": "urn:carbonreg:certificate:CN-2026-0001",
                             "reason": "伪造注销证明 / forged retirement proof (Art. 16)", "revoked": "2026-03-08T00:00:00Z"}]
    bundle = world.issue()
    verdict = check(world, bundle)
    assert failed(verdict) == ["revocation"] and verdict.revocation_reason.startswith("伪造注销证明")
    # As of a time before the revocation (the list, issued later, is still current then): valid.
    before = check(world, bundle, at=ts("2026-03-07T23:59:59Z"))
    assert before.valid and before.revocation == "not-revoked"
    assert check(world, bundle, at=ts("2026-03-08T00:00:00Z")).revocation == "revoked"


def test_status_list_of_another_registry_refused(world):
    world.status_registry = "carbonreg:staging"
    verdict = check(world, world.issue())
    assert failed(verdict) == ["status"] and "another registry" in verdict.failed[0].en


def test_status_list_signed_by_another_role_refused(world):
    bundle = world.issue()
    bundle["trust"]["status"] = sign_metadata(bundle["trust"]["status"]["signed"], [world.platform.log_key])
    assert failed(check(world, bundle)) == ["status"]


def test_expired_authorizations_refused(world):
    world.authorizations_expires = "2026-03-09T00:00:00Z"
    verdict = check(world, world.issue())
    assert "authorizations" in failed(verdict) and "expired" in verdict.failed[0].en


def test_root_rotation_signed_by_too_few_keys_refused(world):
    platform = world.platform
    successor = create_platform(platform.registry)
    keys = platform.root_keys[:1] + successor.root_keys[:2]  # one old key of the two needed
    rotated = sign_metadata(successor.root_signed(2, "2035-01-01T00:00:00Z"), keys)
    bundle = world.issue(root_chain=[world.root(), rotated])
    verdict = check(world, bundle)
    assert failed(verdict) == ["root"] and "previous keys" in verdict.failed[0].en


def test_root_rotation_walked_forward_from_the_pinned_root():
    old = World()
    new_platform = create_platform(old.platform.registry)
    rotated = sign_metadata(new_platform.root_signed(2, "2035-01-01T00:00:00Z"), old.platform.root_keys[:2] + new_platform.root_keys[:2])
    pinned = old.root()
    world = World(platform=new_platform, agency_key=old.agency_key)
    verdict = check(world, world.issue(root_chain=[pinned, rotated]), root=pinned)
    assert verdict.valid and verdict.root_version == 2
    # The same bundle against a root pinned by someone else: refused.
    assert failed(check(world, world.issue(number="CN-2026-0002", root_chain=[pinned, rotated]), root=World().root())) == ["root"]


def test_bundle_root_that_differs_from_the_pinned_one_refused(world):
    bundle = world.issue()
    other = world.platform.root(1, expires="2034-01-01T00:00:00Z")  # same version, different content
    assert failed(check(world, bundle, root=other)) == ["root"]


def test_no_pinned_root_fails_closed_and_tofu_says_so(world):
    bundle = world.issue()
    closed = verify_bundle(dump(bundle), None, at=NOW)
    assert failed(closed) == ["root"] and "no pinned root" in closed.failed[0].en
    tofu = verify_bundle(dump(bundle), None, at=NOW, trust_on_first_use=True)
    assert tofu.valid and not tofu.root_pinned and "NOT pinned" in tofu.steps[3].en and tofu.root_fingerprint


def test_quantities_as_json_numbers_refused(world):
    bundle = world.issue()
    bundle["credential"]["credentialSubject"]["offsets"]["retired"] = 740
    verdict = check(world, bundle)
    assert failed(verdict) == ["shape"] and not verdict.unreadable


def test_duplicate_keys_refused_but_readable(world):
    text = dump(world.issue()).decode("utf-8")
    text = text.replace('"format":', '"format": "x",\n "format":', 1)
    verdict = verify_bundle(text.encode("utf-8"), world.root(), at=NOW)
    assert failed(verdict) == ["json"] and "duplicate key" in verdict.failed[0].en and not verdict.unreadable


def test_not_json_is_unreadable(world):
    verdict = verify_bundle(b"{not json", world.root(), at=NOW)
    assert verdict.unreadable and not verdict.valid and all(s.skipped for s in verdict.steps[1:])


def test_certificate_signed_with_the_platform_key_or_naming_another_agency_refused(world):
    platform_key = world.platform.declaration_key
    credential = build_credential(**credential_fields("certificate", platform_key))
    issued = issue_bundle(credential, platform_key, created="2026-03-01T00:00:00Z", published="2026-03-02T00:00:00Z",
                          log=world.log, sign_checkpoint_with=world.platform, root_chain=[world.root()],
                          authorizations=world.authorizations(), status=world.status())
    assert failed(check(world, issued.bundle)) == ["issuer"]
    fields = credential_fields("certificate", world.agency_key, "CN-2026-0009")
    fields["agency"] = {"id": "agency-blue", "name": fields["agency"]["name"]}
    issued = issue_bundle(build_credential(**fields), world.agency_key, created="2026-03-01T00:00:00Z",
                          published="2026-03-02T00:00:00Z", log=issued.log, sign_checkpoint_with=world.platform,
                          root_chain=[world.root()], authorizations=world.authorizations(), status=world.status())
    assert failed(check(world, issued.bundle)) == ["issuer"]


def test_declaration_signed_by_an_agency_refused(world):
    credential = build_credential(**credential_fields("declaration", world.agency_key, "D-2026-0002"))
    issued = issue_bundle(credential, world.agency_key, created="2026-03-01T00:00:00Z", published="2026-03-02T00:00:00Z",
                          log=world.log, sign_checkpoint_with=world.platform, root_chain=[world.root()],
                          authorizations=world.authorizations(), status=world.status())
    verdict = check(world, issued.bundle)
    assert failed(verdict) == ["issuer"] and "not a signing key of the platform" in verdict.failed[0].en


def test_verifying_before_publication_refused(world):
    assert failed(check(world, world.issue(), at=ts("2026-03-01T12:00:00Z"))) == ["publication"]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


def test_any_value_replaced_by_junk_gives_a_verdict_never_an_exception(world):
    bundle = world.issue()
    root = world.root()
    junk_values = (None, 7, [], {})
    for path in list(_paths(bundle))[1:]:
        for junk in junk_values:
            mutated = copy.deepcopy(bundle)
            target = mutated
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = junk
            verdict = verify_bundle(dump(mutated), root, at=NOW)
            assert verdict.steps and len(verdict.steps) == len(STEP_NAMES), path


def test_valid_from_in_the_future_refused(world):
    bundle = world.issue()
    assert failed(check(world, bundle, at=ts("2026-02-28T00:00:00Z"))) == ["publication"]

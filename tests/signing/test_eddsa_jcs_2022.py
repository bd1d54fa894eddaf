"""eddsa-jcs-2022 against the W3C Recommendation's vector (appendix B.3) and attacks on it."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from signing.eddsa_jcs_2022 import (
    configure_proof,
    create_proof,
    hash_data,
    public_key_of,
    sign_document,
    transform,
    verify_proof,
    verify_signature,
)
from signing.errors import ProofError
from signing.jcs import canonicalize
from signing.multikey import decode_public_key, decode_secret_key, did_key_method, multibase_encode

VECTORS = Path(__file__).parent / "vectors"
REC = VECTORS / "eddsa-jcs-2022"
PRE_REC = VECTORS / "pre-rec-2023"


def _text(path):
    return path.read_text(encoding="utf-8")


def _json(path):
    return json.loads(_text(path))


@pytest.fixture
def key_pair():
    pair = _json(REC / "keyPair.json")
    return Ed25519PrivateKey.from_private_bytes(decode_secret_key(pair["privateKeyMultibase"])), pair


@pytest.fixture
def signed():
    return _json(REC / "signedJCS.json")


@pytest.fixture
def unsecured(signed):
    return {k: v for k, v in signed.items() if k != "proof"}


# --- the published vector, every intermediate value -------------------------------------


def test_key_pair_matches(key_pair):
    private_key, pair = key_pair
    assert public_key_of(private_key) == decode_public_key(pair["publicKeyMultibase"])


def test_canonical_document(unsecured):
    proof_config = _json(REC / "proofConfigJCS.json")
    canonical = transform(unsecured, proof_config)
    assert canonical == _text(REC / "canonDocJCS.txt").encode("utf-8")
    assert hashlib.sha256(canonical).hexdigest() == _text(REC / "docHashJCS.txt")


def test_canonical_proof_config(unsecured):
    options = _json(REC / "proofConfigJCS.json")
    canonical = configure_proof(options, unsecured)
    assert canonical == _text(REC / "proofCanonJCS.txt").encode("utf-8")
    assert hashlib.sha256(canonical).hexdigest() == _text(REC / "proofHashJCS.txt")


def test_combined_hash_signature_and_proof_value(unsecured, key_pair):
    private_key, _ = key_pair
    options = _json(REC / "proofConfigJCS.json")
    data = hash_data(transform(unsecured, options), configure_proof(options, unsecured))
    assert data.hex() == _text(REC / "combinedHashJCS.txt")
    signature = private_key.sign(data)
    assert signature.hex() == _text(REC / "sigHexJCS.txt")
    assert multibase_encode(signature) == _text(REC / "sigBTC58JCS.txt")


def test_create_proof_reproduces_signed_document(unsecured, key_pair, signed):
    private_key, _ = key_pair
    options = {k: v for k, v in _json(REC / "proofConfigJCS.json").items() if k != "@context"}
    proof = create_proof(unsecured, options, private_key)
    assert proof == signed["proof"]
    assert proof["proofValue"] == _text(REC / "sigBTC58JCS.txt")


def test_signed_vector_verifies(signed, unsecured, key_pair):
    result = verify_proof(signed)
    assert result.verified, result.reasons
    assert result.verified_document == unsecured
    assert result.public_key == public_key_of(key_pair[0])
    assert result.created == "2023-02-24T23:36:38Z"


def test_pre_recommendation_vector_verifies_with_given_key(key_pair):
    pre = _json(PRE_REC / "signedJCS.json")
    raw = public_key_of(key_pair[0])
    assert pre["proof"]["proofValue"] == _text(PRE_REC / "sigBTC58JCS.txt")
    assert not verify_proof(pre).verified  # an https: method is not a did:key
    result = verify_proof(pre, resolve_key=lambda method: raw)
    assert result.verified, result.reasons
    unsecured = {k: v for k, v in pre.items() if k != "proof"}
    options = _json(PRE_REC / "proofConfigJCS.json")
    data = hash_data(transform(unsecured, options), configure_proof(options, unsecured))
    assert key_pair[0].sign(data).hex() == _text(PRE_REC / "sigHexJCS.txt")


# --- attacks on the vector --------------------------------------------------------------


def _assert_refused(document, fragment, **options):
    result = verify_proof(document, **options)
    assert not result.verified
    assert result.verified_document is None
    assert any(fragment in en for _, en in result.reasons), result.reasons


def test_tampered_subject_fails(signed):
    signed["credentialSubject"]["alumniOf"] = "The School of Forgeries"
    _assert_refused(signed, "signature invalid")


def test_added_field_fails(signed):
    signed["validUntil"] = "2099-01-01T00:00:00Z"
    _assert_refused(signed, "signature invalid")


def test_modified_created_fails(signed):
    signed["proof"]["created"] = "2023-02-24T23:36:37Z"
    _assert_refused(signed, "signature invalid")


def test_wrong_key_fails(signed, other_private_key):
    other = did_key_method(public_key_of(other_private_key)).id
    signed["proof"]["verificationMethod"] = other
    _assert_refused(signed, "signature invalid")


def test_wrong_key_from_resolver_fails(signed, other_private_key):
    raw = public_key_of(other_private_key)
    _assert_refused(signed, "signature invalid", resolve_key=lambda method: raw)


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "ecdsa-jcs-2019", "EDDSA-JCS-2022"])
def test_wrong_cryptosuite_fails(signed, suite):
    signed["proof"]["cryptosuite"] = suite
    _assert_refused(signed, "cryptosuite")


def test_wrong_proof_type_fails(signed):
    signed["proof"]["type"] = "Ed25519Signature2020"
    _assert_refused(signed, "proof type")


def test_wrong_purpose_fails(signed):
    signed["proof"]["proofPurpose"] = "authentication"
    _assert_refused(signed, "proof purpose")


def test_context_mismatch_fails(signed):
    signed["proof"]["@context"] = ["https://www.w3.org/ns/credentials/v2"]
    signed["@context"] = ["https://www.w3.org/ns/credentials/examples/v2"]
    _assert_refused(signed, "@context", exact_context=False)


def test_context_appended_to_document_fails_in_exact_mode(signed):
    signed["@context"] = signed["@context"] + ["https://evil.example/context"]
    _assert_refused(signed, "@context")
    # The specification's prefix rule alone lets it through: the proof's context is used.
    assert verify_proof(signed, exact_context=False).verified


def test_proof_without_context_fails_in_exact_mode(signed):
    del signed["proof"]["@context"]
    _assert_refused(signed, "@context")
    # Spec mode: Proof Configuration copies the document's context back in, so it verifies.
    assert verify_proof(signed, exact_context=False).verified


def test_proof_set_refused(signed):
    signed["proof"] = [signed["proof"]]
    _assert_refused(signed, "exactly one proof")


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("u" + "A" * 86, "base58btc"),
        ("z" + "1" * 10, "64 bytes"),
        (None, "proofValue"),
    ],
)
def test_malformed_proof_value_fails(signed, value, fragment):
    signed["proof"]["proofValue"] = value
    _assert_refused(signed, fragment)


def test_every_flipped_character_of_proof_value_fails(signed):
    value = signed["proof"]["proofValue"]
    for index in range(1, len(value)):
        tampered = copy.deepcopy(signed)
        replacement = "2" if value[index] != "2" else "3"
        tampered["proof"]["proofValue"] = value[:index] + replacement + value[index + 1:]
        assert not verify_proof(tampered).verified, index


def test_small_order_key_forgery_refused(signed):
    identity = bytes([1]) + bytes(31)
    forged = multibase_encode(identity + bytes(32))
    signed["proof"]["proofValue"] = forged
    signed["proof"]["verificationMethod"] = "did:key:{0}#{0}".format(
        multibase_encode(b"\xed\x01" + identity)
    )
    _assert_refused(signed, "small-order")
    assert not verify_signature(b"any", identity + bytes(32), identity)
    _assert_refused(signed, "signature invalid", resolve_key=lambda method: identity)


def test_bad_created_refused(signed):
    signed["proof"]["created"] = "yesterday"
    _assert_refused(signed, "created")


def test_not_an_object():
    assert not verify_proof(["not", "an", "object"]).verified


# --- our own documents ------------------------------------------------------------------


def test_sign_and_verify_round_trip(private_key):
    method = did_key_method(public_key_of(private_key)).id
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"], "name": "碳中和证书", "n": "12.50"}
    secured = sign_document(document, private_key, method, created="2025-06-01T00:00:00Z")
    assert secured["proof"]["@context"] == document["@context"]
    assert "proof" not in document
    result = verify_proof(secured)
    assert result.verified and result.verified_document == document


def test_sign_refuses_document_with_proof(private_key, signed):
    with pytest.raises(ProofError):
        sign_document(signed, private_key, "did:key:x#x")


def test_create_refuses_other_suite(private_key, unsecured):
    with pytest.raises(ProofError, match="cryptosuite"):
        create_proof(unsecured, {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022"}, private_key)


def test_created_defaults_to_now(private_key):
    method = did_key_method(public_key_of(private_key)).id
    secured = sign_document({"a": "b"}, private_key, method)
    assert secured["proof"]["created"].endswith("Z") and len(secured["proof"]["created"]) == 20
    assert verify_proof(secured).verified


def test_canonicalization_used_is_jcs(unsecured):
    assert transform(unsecured, _json(REC / "proofConfigJCS.json")) == canonicalize(unsecured)


def test_the_json_deepcopy_copies_as_copy_deepcopy_does():
    import copy

    from signing.eddsa_jcs_2022 import _deepcopy

    shared = {"a": [1, "x", None, True, 2.5]}
    value = {"one": shared, "two": shared, "list": [shared, [shared]], "text": "碳"}
    copied = _deepcopy(value)
    assert copied == copy.deepcopy(value) == value
    assert copied["one"] is copied["two"] is copied["list"][0] is copied["list"][1][0]  # sharing kept
    assert copied["one"] is not shared and copied["one"]["a"] is not shared["a"]
    odd = {"t": (1, [2])}  # a tuple: copy.deepcopy does it all
    assert _deepcopy(odd) == odd and _deepcopy(odd)["t"][1] is not odd["t"][1]
    deep = []
    for _ in range(100):
        deep = [deep]
    assert _deepcopy(deep) == deep

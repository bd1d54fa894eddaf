"""Data Integrity proofs with the eddsa-jcs-2022 cryptosuite.

Follows W3C "Data Integrity EdDSA Cryptosuites v1.0" (Recommendation, 2025-05-15), section
3.3: Create Proof (3.3.1), Verify Proof (3.3.2), Transformation (3.3.3), Hashing (3.3.4),
Proof Configuration (3.3.5), Proof Serialization (3.3.6) and Proof Verification (3.3.7).
Our own hardening (exactly one proof, a fixed proof purpose, 64-byte signatures, refused
weak keys, an exact ``@context`` match) is marked as such.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Callable, Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import KeyFormatError, ProofError, SigningError
from .jcs import canonicalize
from .multikey import check_public_key, multibase_decode, multibase_encode, parse_did_key_method
from .records import record
from .sha256 import sha256
from .timefmt import format_timestamp, utc_now
from .verifier_spec import text as spec_text

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-jcs-2022"
ASSERTION_METHOD = "assertionMethod"
SIGNATURE_LENGTH = 64

# XML Schema 1.1 dateTimeStamp: a dateTime with a mandatory time zone.
_DATE_TIME_STAMP = re.compile(
    r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"
)

Reason = tuple[str, str]
KeyResolver = Callable[[str], bytes]
_ATOMIC = (str, int, float, bool, type(None))
_MAX_COPY_DEPTH = 64


class _NotJSON(Exception):
    """A value :func:`_copy_json` leaves to ``copy.deepcopy``."""


def _copy_json(value: Any, memo: dict[int, Any], depth: int) -> Any:
    """``copy.deepcopy`` of a JSON value, step by step as it does it (the memo keeps shared parts shared)."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if depth > _MAX_COPY_DEPTH or (kind is not dict and kind is not list):
        raise _NotJSON
    copied = memo.get(id(value))
    if copied is not None:
        return copied
    if kind is dict:
        memo[id(value)] = copied = {}
        for key, item in value.items():
            copied[_copy_json(key, memo, depth + 1)] = _copy_json(item, memo, depth + 1)
    else:
        memo[id(value)] = copied = []
        for item in value:
            copied.append(_copy_json(item, memo, depth + 1))
    return copied


def _deepcopy(value: Any) -> Any:
    """``copy.deepcopy(value)``: JSON values are copied here, without importing ``copy`` (1 ms of
    a cold ``verify``); anything else, or anything nested deeper than 64, by ``copy.deepcopy``."""
    try:
        return _copy_json(value, {}, 0)
    except _NotJSON:
        import copy

        return copy.deepcopy(value)


def _is_date_time_stamp(value: object) -> bool:
    if not isinstance(value, str) or not _DATE_TIME_STAMP.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _check_suite(options: Mapping[str, Any]) -> None:
    if options.get("type") != PROOF_TYPE or options.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError(*spec_text("proof.type-and-cryptosuite-must-be", type=PROOF_TYPE, cryptosuite=CRYPTOSUITE))


def transform(unsecured_document: Mapping[str, Any], options: Mapping[str, Any]) -> bytes:
    """3.3.3 Transformation: check the suite, return the JCS bytes of the document."""
    _check_suite(options)
    return canonicalize(unsecured_document)


def configure_proof(options: Mapping[str, Any], unsecured_document: Mapping[str, Any]) -> bytes:
    """3.3.5 Proof Configuration: return the JCS bytes of the proof configuration."""
    proof_config = _deepcopy(dict(options))
    _check_suite(proof_config)
    if "created" in proof_config and not _is_date_time_stamp(proof_config["created"]):
        raise ProofError(*spec_text("proof.created-is-not-a-valid-datetimestamp-value", value=repr(proof_config["created"])))
    if "@context" in unsecured_document:
        proof_config["@context"] = _deepcopy(unsecured_document["@context"])
    return canonicalize(proof_config)


def hash_data(transformed_document: bytes, canonical_proof_config: bytes) -> bytes:
    """3.3.4 Hashing: SHA-256(proof config) followed by SHA-256(document), 64 bytes."""
    return (
        sha256(canonical_proof_config)
        + sha256(transformed_document)
    )


def serialize_proof(data: bytes, private_key: Ed25519PrivateKey) -> bytes:
    """3.3.6 Proof Serialization: the Ed25519 signature of the hash data."""
    return private_key.sign(data)


def verify_signature(data: bytes, proof_bytes: bytes, public_key: bytes) -> bool:
    """3.3.7 Proof Verification: Ed25519 verification; weak keys never verify."""
    if len(proof_bytes) != SIGNATURE_LENGTH:
        return False
    try:
        key = Ed25519PublicKey.from_public_bytes(check_public_key(public_key))
        key.verify(proof_bytes, data)
    except (InvalidSignature, KeyFormatError, ValueError):
        return False
    return True


def public_key_of(private_key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte public key of a private key."""
    # imported here: serialization pulls in SSH support, ~13 ms that verification never needs
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def create_proof(
    unsecured_document: Mapping[str, Any],
    options: Mapping[str, Any],
    private_key: Ed25519PrivateKey,
) -> dict[str, Any]:
    """3.3.1 Create Proof: return the proof object, ``proofValue`` included."""
    proof = _deepcopy(dict(options))
    if "@context" in unsecured_document:
        proof["@context"] = _deepcopy(unsecured_document["@context"])
    proof_config = configure_proof(proof, unsecured_document)
    transformed = transform(unsecured_document, proof)
    signature = serialize_proof(hash_data(transformed, proof_config), private_key)
    proof["proofValue"] = multibase_encode(signature)
    return proof


def sign_document(
    document: Mapping[str, Any],
    private_key: Ed25519PrivateKey,
    verification_method: str,
    *,
    created: str | None = None,
    proof_purpose: str = ASSERTION_METHOD,
) -> dict[str, Any]:
    """Return a copy of ``document`` secured with one eddsa-jcs-2022 proof."""
    if "proof" in document:
        raise ProofError(*spec_text("proof.document-already-has-a-proof"))
    options = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created or format_timestamp(utc_now()),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    secured = _deepcopy(dict(document))
    secured["proof"] = create_proof(document, options, private_key)
    return secured


@record
class VerificationResult:
    """Outcome of 3.3.2 Verify Proof, with the reasons of a failure (Chinese, English)."""

    verified: bool
    verified_document: dict[str, Any] | None
    verification_method: str | None = None
    public_key: bytes | None = None
    created: str | None = None
    reasons: tuple[Reason, ...] = ()


def _did_key_resolver(verification_method: str) -> bytes:
    return parse_did_key_method(verification_method).public_key


def _failure(reason: Reason, proof: Mapping[str, Any] | None = None) -> VerificationResult:
    method = proof.get("verificationMethod") if proof else None
    return VerificationResult(
        verified=False,
        verified_document=None,
        verification_method=method if isinstance(method, str) else None,
        reasons=(reason,),
    )


def _check_proof_shape(proof: Mapping[str, Any], expected_purpose: str) -> None:
    """Checks on the proof object before any hashing (Data Integrity 4.3, and ours)."""
    for name in ("type", "cryptosuite", "verificationMethod", "proofPurpose", "proofValue"):
        if not isinstance(proof.get(name), str):
            raise ProofError(*spec_text("proof.proof-lacks-string-field", name=name))
    _check_suite(proof)
    if proof["proofPurpose"] != expected_purpose:
        raise ProofError(*spec_text("proof.proof-purpose-must-be", purpose=expected_purpose))
    if "created" in proof and not _is_date_time_stamp(proof["created"]):
        raise ProofError(*spec_text("proof.created-is-not-a-valid-datetimestamp"))


def _context_reason(document: Mapping[str, Any], proof_context: Any, exact: bool) -> Reason | None:
    """Spec 3.3.2 step 4.1: the document's @context must start with the proof's; ours: equal."""
    doc_context = document.get("@context")
    proof_list = proof_context if isinstance(proof_context, list) else [proof_context]
    doc_list = doc_context if isinstance(doc_context, list) else [doc_context]
    if doc_list[: len(proof_list)] != proof_list or (exact and doc_context != proof_context):
        return spec_text("proof.proof-context-does-not-match-the-document")
    return None


def verify_proof(
    secured_document: Mapping[str, Any],
    *,
    expected_purpose: str = ASSERTION_METHOD,
    resolve_key: KeyResolver = _did_key_resolver,
    exact_context: bool = True,
) -> VerificationResult:
    """3.3.2 Verify Proof. Never raises for bad input: failures come back with reasons.

    ``resolve_key`` maps the verification method to raw public key bytes (did:key by
    default). ``exact_context`` (our hardening) requires the proof's ``@context`` to equal
    the document's rather than merely be its prefix, so nothing can be appended unsigned.
    """
    if not isinstance(secured_document, Mapping):
        return _failure(spec_text("proof.document-must-be-a-json-object"))
    proof = secured_document.get("proof")
    if not isinstance(proof, Mapping):
        return _failure(spec_text("proof.document-must-carry-exactly-one-proof-object"))
    try:
        _check_proof_shape(proof, expected_purpose)
        proof_bytes = multibase_decode(proof["proofValue"])
        if len(proof_bytes) != SIGNATURE_LENGTH:
            raise ProofError(*spec_text("proof.signature-must-be-64-bytes"))
        unsecured = {k: _deepcopy(v) for k, v in secured_document.items() if k != "proof"}
        proof_options = {k: _deepcopy(v) for k, v in proof.items() if k != "proofValue"}
        if "@context" in proof_options:
            reason = _context_reason(secured_document, proof_options["@context"], exact_context)
            if reason is not None:
                return _failure(reason, proof)
            unsecured["@context"] = _deepcopy(proof_options["@context"])
        elif exact_context and "@context" in secured_document:
            return _failure(spec_text("proof.proof-lacks-context"), proof)
        transformed = transform(unsecured, proof_options)
        proof_config = configure_proof(proof_options, unsecured)
        data = hash_data(transformed, proof_config)
        public_key = resolve_key(proof["verificationMethod"])
    except SigningError as error:
        return _failure((error.zh, error.en), proof)
    if not verify_signature(data, proof_bytes, public_key):
        return VerificationResult(
            verified=False,
            verified_document=None,
            verification_method=proof["verificationMethod"],
            public_key=public_key,
            reasons=(spec_text("proof.signature-invalid"),),
        )
    return VerificationResult(
        verified=True,
        verified_document=unsecured,
        verification_method=proof["verificationMethod"],
        public_key=public_key,
        created=proof.get("created"),
    )

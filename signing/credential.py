"""Certificates and declarations as W3C Verifiable Credentials (Data Model 2.0), eddsa-jcs-2022.

A certificate (Art. 15) is issued by an agency with one of its authorized keys; a declaration
(Art. 14) is signed by the platform's own key when it is published. Both carry, in the
``credentialSubject``, everything a reader needs without the registry, and bind the registry
files behind them (plan, report, retirements, attachments) by SHA-256. The ``@context``
values are pinned constants and never fetched. The shape rules are in ``credential_shape``.

Example (certificate, abridged)::

    {"@context": ["https://www.w3.org/ns/credentials/v2", "https://carbonreg.org/contexts/v1"],
     "id": "urn:carbonreg:certificate:CN-2025-0001",
     "type": ["VerifiableCredential", "CarbonNeutralityCertificate"],
     "issuer": {"id": "did:key:z6Mk…", "name": {"zh": "…", "en": "…"}},
     "validFrom": "2026-03-01T00:00:00Z",
     "credentialSubject": {"id": "urn:carbonreg:event:2025-pujiang-city-marathon",
        "certificateNumber": "CN-2025-0001", "event": {…}, "scope": "full",
        "emissions": {"basic": "612.4", "extended": "120.3", "total": "732.7"},
        "offsets": {"needed": "733", "retired": "740", "retirements": [{…}]},
        "agency": {"id": "agency-green", "name": {…}}, "evidence": [{"path": "…", "sha256": "…"}]},
     "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", …}}
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .credential_shape import CONTEXTS, NUMBER_FIELD, TYPES, Problem, check_shape, credential_kind
from .eddsa_jcs_2022 import public_key_of, sign_document
from .errors import CredentialError
from .jcs import canonicalize
from .multikey import parse_did_key_method
from .sha256 import sha256_hex

__all__ = [
    "CONTEXTS", "Problem", "build_credential", "check_shape", "credential_digest",
    "credential_kind", "decimal_text", "sign_credential",
]


def decimal_text(value: Any) -> Any:
    """A quantity as a decimal string: ``Decimal`` and ``int`` are converted, strings kept as they are.

    Anything else (a float in particular) is returned unchanged so that the shape check
    reports it rather than a rounding error slipping in.
    """
    from decimal import Decimal  # here: verify only needs credential_digest (decimal: 1.5 ms to import)

    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal) and value.is_finite():
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return value


def _decimals(mapping: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    import copy  # here, as in decimal_text (copy: 1 ms to import)

    result = copy.deepcopy(dict(mapping))
    for name in names:
        if name in result:
            result[name] = decimal_text(result[name])
    return result


def _problems_error(problems: list[Problem]) -> CredentialError:
    return CredentialError(
        "凭证格式错误：" + "；".join(f"{p.path or '/'} {p.zh}" for p in problems),
        "malformed credential: " + "; ".join(f"{p.path or '/'} {p.en}" for p in problems),
        tuple(problems),
    )


def build_credential(
    *,
    kind: str,
    number: str,
    issuer_did: str,
    issuer_name: Mapping[str, str],
    valid_from: str,
    event: Mapping[str, Any],
    scope: str,
    emissions: Mapping[str, Any],
    offsets: Mapping[str, Any],
    evidence: Sequence[Mapping[str, str]],
    agency: Mapping[str, Any] | None = None,
    disclosures: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """An unsigned credential of ``kind`` (``certificate`` or ``declaration``); shape checked.

    Quantities may be given as ``Decimal``, ``int`` or decimal strings; they are written as
    decimal strings. Raises :class:`CredentialError` listing every problem found.
    """
    import copy  # here, as in _decimals

    if kind not in TYPES:
        raise CredentialError(f"未知的凭证种类：{kind}", f"unknown credential kind: {kind}")
    offsets_out = _decimals(offsets, ("needed", "retired"))
    if isinstance(offsets_out.get("retirements"), list):
        offsets_out["retirements"] = [_decimals(r, ("quantity",)) for r in offsets_out["retirements"]]
    subject: dict[str, Any] = {
        "id": f"urn:carbonreg:event:{event.get('id')}",
        NUMBER_FIELD[kind]: number,
        "event": copy.deepcopy(dict(event)),
        "scope": scope,
        "emissions": _decimals(emissions, ("basic", "extended", "total")),
        "offsets": offsets_out,
    }
    if agency is not None:
        subject["agency"] = copy.deepcopy(dict(agency))
    subject["evidence"] = [dict(item) for item in evidence]
    for name in ("exclusions", "indicators", "verification"):  # optional parts (issue 12)
        if disclosures and name in disclosures:
            subject[name] = copy.deepcopy(disclosures[name])
    credential = {
        "@context": list(CONTEXTS),
        "id": f"urn:carbonreg:{kind}:{number}",
        "type": list(TYPES[kind]),
        "issuer": {"id": issuer_did, "name": dict(issuer_name)},
        "validFrom": valid_from,
        "credentialSubject": subject,
    }
    problems = check_shape(credential)
    if problems:
        raise _problems_error(problems)
    return credential


def sign_credential(
    credential: Mapping[str, Any],
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: str,
) -> dict[str, Any]:
    """Secure ``credential`` with one eddsa-jcs-2022 proof (purpose ``assertionMethod``).

    Refuses a malformed credential, a verification method that is not the issuer's own
    did:key, and a private key that does not match the verification method.
    """
    problems = check_shape(credential)
    if problems:
        raise _problems_error(problems)
    method = parse_did_key_method(verification_method)
    if method.did != credential["issuer"]["id"]:
        raise CredentialError("验证方法不属于签发者", "verification method does not belong to the issuer")
    if method.public_key != public_key_of(private_key):
        raise CredentialError("私钥与验证方法不匹配", "private key does not match the verification method")
    return sign_document(credential, private_key, verification_method, created=created)


def credential_digest(signed_credential: Mapping[str, Any]) -> str:
    """SHA-256 hex of the JCS bytes of a signed credential, proof included: what the log records."""
    return sha256_hex(canonicalize(signed_credential))

"""Certificates and declarations on the site: bundles to download, facts to show (the showcase score is
accounting's: generator/accounting/showcase.py)."""
from __future__ import annotations

from dataclasses import dataclass

from generator.model.bundles import bundle_bytes


@dataclass(frozen=True)
class CredentialView:
    kind: str  # certificate | declaration
    number: str
    credential: dict
    bundle: bytes
    issuer_name_zh: str
    issuer_name_en: str
    key_fingerprint: str
    verification_method: str
    created: str
    published: str | None

    @property
    def scope(self) -> str:
        return self.credential["credentialSubject"]["scope"]


def credential_view(trust, credential: dict) -> CredentialView:
    from signing.multikey import fingerprint, parse_did_key_method

    kind = "certificate" if "CarbonNeutralityCertificate" in credential.get("type", []) else "declaration"
    subject = credential["credentialSubject"]
    number = subject.get("certificateNumber") or subject.get("declarationId")
    vm = credential["proof"]["verificationMethod"]
    position = trust.log_position.get(credential["id"])
    published = trust.log_leaves[position]["published"] if position is not None else None
    return CredentialView(kind, number, credential, bundle_bytes(trust, credential),
                          credential["issuer"]["name"]["zh"], credential["issuer"]["name"]["en"],
                          fingerprint(parse_did_key_method(vm).public_key), vm, credential["proof"]["created"],
                          published)

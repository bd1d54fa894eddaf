"""Assemble the downloadable ``certificate.json`` bundle from a registry's signed documents."""
from __future__ import annotations

from generator.model.records import TrustDocuments


def bundle_for(trust: TrustDocuments, credential: dict) -> dict:
    """Credential + publication receipt (when it is in the log) + the trust documents."""
    from signing.bundle import make_bundle
    from signing.transparency import make_receipt

    receipt = None
    if trust.checkpoint is not None and credential.get("id") in trust.log_position:
        receipt = make_receipt(trust.publication_log, credential["id"], trust.checkpoint)
    return make_bundle(credential, receipt, list(trust.root_chain), trust.authorizations, trust.status)

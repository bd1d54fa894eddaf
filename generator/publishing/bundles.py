"""Assemble the downloadable ``certificate.json`` bundle from a registry's signed documents."""
from __future__ import annotations

from generator.model.records import TrustDocuments


def bundle_for(trust: TrustDocuments, credential: dict) -> dict:
    """Credential + publication receipt (when it is in the log) + the trust documents."""
    from signing.bundle import make_bundle
    from signing.transparency import PublicationLog, make_receipt

    log = PublicationLog(tuple(trust.log_leaves))
    receipt = None
    if trust.checkpoint is not None and any(leaf.get("id") == credential.get("id") for leaf in log.leaves):
        receipt = make_receipt(log, credential["id"], trust.checkpoint)
    return make_bundle(credential, receipt, list(trust.root_chain), trust.authorizations, trust.status)

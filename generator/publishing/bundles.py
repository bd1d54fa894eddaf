"""Assemble the downloadable ``certificate.json`` bundle from a registry's signed documents."""
from __future__ import annotations

from generator.model.records import TrustDocuments


_LOGS: dict[int, tuple] = {}


def _log_of(trust: TrustDocuments):
    """The publication log of ``trust`` and its id index, built once per trust object (not per credential)."""
    from signing.transparency import PublicationLog

    cached = _LOGS.get(id(trust))
    if cached is None or cached[0] is not trust:
        log = PublicationLog(tuple(trust.log_leaves))
        cached = (trust, log, {leaf.get("id"): i for i, leaf in enumerate(trust.log_leaves)})
        _LOGS.clear()
        _LOGS[id(trust)] = cached
    return cached[1], cached[2]


def bundle_for(trust: TrustDocuments, credential: dict) -> dict:
    """Credential + publication receipt (when it is in the log) + the trust documents."""
    from signing.bundle import make_bundle
    from signing.transparency import make_receipt

    log, index = _log_of(trust)
    receipt = None
    if trust.checkpoint is not None and credential.get("id") in index:
        receipt = make_receipt(log, credential["id"], trust.checkpoint)
    return make_bundle(credential, receipt, list(trust.root_chain), trust.authorizations, trust.status)

"""The certificate bundle: what the site offers as ``certificate.json`` and ``verify`` reads.

::

    {"format": "carbonreg-certificate-bundle/1",
     "credential": {…signed Verifiable Credential…},
     "publication": {"leaf": {…}, "index": 7, "treeSize": 12, "auditPath": ["…"], "checkpoint": {…}} | null,
     "trust": {"rootChain": [{root v1}, …, {root vN}],
               "authorizations": {…signed authorizations…},
               "status": {…signed status list…} | null}}

Everything in it is signed by someone; nothing in it is trusted by itself. Trust starts at a
root the verifier pinned beforehand and walks ``rootChain`` forward by the rotation rules.
``publication`` is null only for a credential that was never published through the log; it
then has no trusted time. ``status`` is null when no status list was available; ``verify``
then says the revocation status is unknown (exit code 2), never "not revoked".
"""

from __future__ import annotations

from typing import Any, Mapping

from .records import record
from .verifier_spec import LIMITS, text as spec_text

BUNDLE_FORMAT = "carbonreg-certificate-bundle/1"
TOP_FIELDS = ("format", "credential", "publication", "trust")
TRUST_FIELDS = ("rootChain", "authorizations", "status")
MAX_ROOT_CHAIN = LIMITS["rootChain"]  # signing/verifier.json

Reason = tuple[str, str]


@record
class Bundle:
    """The parts of a bundle whose outer shape is right (contents not yet verified)."""

    credential: Mapping[str, Any]
    publication: Mapping[str, Any] | None
    root_chain: tuple[Mapping[str, Any], ...]
    authorizations: Mapping[str, Any]
    status: Mapping[str, Any] | None


def make_bundle(
    credential: Mapping[str, Any],
    publication: Mapping[str, Any] | None,
    root_chain: list[Mapping[str, Any]],
    authorizations: Mapping[str, Any],
    status: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """Assemble a bundle from its signed parts."""
    return {
        "format": BUNDLE_FORMAT,
        "credential": dict(credential),
        "publication": None if publication is None else dict(publication),
        "trust": {"rootChain": [dict(r) for r in root_chain], "authorizations": dict(authorizations),
                  "status": None if status is None else dict(status)},
    }


def parse_bundle(document: Any) -> tuple[Bundle | None, tuple[Reason, ...]]:
    """The bundle's parts, or every reason why its outer shape is wrong."""
    reasons: list[Reason] = []
    if not isinstance(document, dict):
        return None, (spec_text("bundle.certificate-file-must-be-a-json-object"),)
    missing = [name for name in TOP_FIELDS if name not in document]
    extra = [name for name in document if name not in TOP_FIELDS]
    if missing or extra:
        reasons.append(spec_text("bundle.top-level-fields-must-be-exactly", fields=", ".join(TOP_FIELDS)))
    if document.get("format") != BUNDLE_FORMAT:
        reasons.append(spec_text("bundle.format-must-be", format=BUNDLE_FORMAT))
    if not isinstance(document.get("credential"), dict):
        reasons.append(spec_text("bundle.credential-must-be-a-json-object"))
    publication = document.get("publication")
    if publication is not None and not isinstance(publication, dict):
        reasons.append(spec_text("bundle.publication-must-be-a-json-object-or"))
    trust = document.get("trust")
    if not isinstance(trust, dict) or set(trust) != set(TRUST_FIELDS):
        reasons.append(spec_text("bundle.trust-must-have-exactly", fields=", ".join(TRUST_FIELDS)))
        trust = {}
    chain = trust.get("rootChain")
    if not isinstance(chain, list) or not chain or len(chain) > MAX_ROOT_CHAIN or not all(isinstance(r, dict) for r in chain):
        reasons.append(spec_text("bundle.rootchain-must-be-a-non-empty-array"))
    if trust and not isinstance(trust.get("authorizations"), dict):
        reasons.append(spec_text("bundle.trust-authorizations-must-be-a-json-object"))
    if trust and trust.get("status") is not None and not isinstance(trust.get("status"), dict):
        reasons.append(spec_text("bundle.trust-status-must-be-a-json-object"))
    if reasons:
        return None, tuple(reasons)
    return Bundle(document["credential"], publication, tuple(chain or ()), trust["authorizations"], trust["status"]), ()

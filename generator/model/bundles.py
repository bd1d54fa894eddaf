"""Assemble the downloadable ``certificate.json`` bundle from a registry's signed documents, and the
JSON text of signed files and bundles (``dump_json``). Part of the model: the check (C101), the site
and publishing all read bundles, and none of them has to import another for it."""
from __future__ import annotations

import json
from typing import Any

from generator.model.records import TrustDocuments


def dump_json(obj: Any) -> bytes:
    """The JSON text of a signed file or bundle: sorted keys, two-space indent, UTF-8, final newline."""
    return (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def bundle_for(trust: TrustDocuments, credential: dict) -> dict:
    """Credential + publication receipt (when it is in the log) + the trust documents."""
    from signing.bundle import make_bundle
    from signing.transparency import make_receipt

    receipt = None
    if trust.checkpoint is not None and credential.get("id") in trust.log_position:
        receipt = make_receipt(trust.publication_log, credential["id"], trust.checkpoint)
    assert trust.authorizations is not None, "a bundle needs the registry's authorizations document"
    return make_bundle(credential, receipt, list(trust.root_chain), trust.authorizations, trust.status)


def bundle_bytes(trust: TrustDocuments, credential: dict) -> bytes:
    """Exactly ``dump_json(bundle_for(trust, credential))``, with the part every bundle of a registry
    shares (its trust documents, most of the bytes) serialized once (``TrustDocuments.bundle_trust_json``):
    in JSON with ``indent=2`` a value nested one level deep is its own text indented by two more
    spaces (a test holds the two equal)."""
    bundle = bundle_for(trust, credential)
    parts = []
    for key in sorted(bundle):
        text = trust.bundle_trust_json if key == "trust" else nested_json(bundle[key])
        parts.append(f"  {json.dumps(key, ensure_ascii=False)}: {text}")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def nested_json(value) -> str:
    """``value`` as ``dump_json`` writes it one level deep inside an object."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n  ")

"""Write the verifier conformance vectors: one folder per case with ``bundle.json``, ``root.json``
and ``case.json`` (the time, and the expected exit code, outcome and message ids of the failed and
warning steps, written by hand in CASES below, not taken from a verifier's output).

Run once (``python tests/vectors/verify/generate.py``) after changing a case; the keys are derived
from fixed seeds so that the folders are reproducible. ``test_verify_vectors.py`` runs every case
through the Python verifier and, on a blank page, the browser verifier, and compares both with
``case.json`` and with each other (every step's outcome and message id)."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "signing"))  # certfixtures

AT = "2026-03-10T00:00:00Z"


def key(name: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"carbonreg verify vector {name}".encode()).digest())


def world():
    from certfixtures import World

    from signing.issue import Platform

    platform = Platform(root_keys=(key("root-1"), key("root-2"), key("root-3")), authorizations_key=key("authorizations"),
                        status_key=key("status"), log_key=key("log"), declaration_key=key("platform"))
    return World(platform=platform, agency_key=key("agency"))


def _plain(w):
    return w.issue()


def _declaration(w):
    return w.issue("declaration", number="DECL-2026-0001")


def _unlogged(w):
    bundle = w.issue()
    bundle["publication"] = None
    return bundle


def _no_status(w):
    bundle = w.issue()
    bundle["trust"]["status"] = None
    return bundle


def _revoked(w):
    w.status_entries = [{"id": "urn:carbonreg:certificate:CN-2026-0001", "reason": "伪造注销证明 / forged retirement proof",
                         "revoked": "2026-03-05T00:00:00Z"}]
    return w.issue()


def _tampered(w):
    bundle = w.issue()
    bundle["credential"]["credentialSubject"]["event"]["organizer"]["en"] += " and friends"
    return bundle


def _issuer_binding(w):
    from certfixtures import credential_fields

    from signing.bundle import make_bundle
    from signing.credential import build_credential
    from signing.eddsa_jcs_2022 import sign_document
    from signing.issue import did_of, verification_method_of
    from signing.transparency import make_leaf, make_receipt

    fields = credential_fields("certificate", w.agency_key)
    fields["issuer_did"] = did_of(w.platform.declaration_key)
    signed = sign_document(build_credential(**fields), w.agency_key, verification_method_of(w.agency_key),
                           created="2026-03-01T08:00:00Z")
    w.log = w.log.append(make_leaf(signed, "2026-03-02T00:00:00Z"))
    receipt = make_receipt(w.log, signed["id"], w.platform.checkpoint(w.log, "2026-03-02T00:00:00Z"))
    return make_bundle(signed, receipt, [w.root()], w.authorizations(), w.status())


def _backdated_with_old_authorizations(w):
    old = w.authorizations()
    w.authorizations_version, w.key_compromised_since = 2, "2026-03-05T00:00:00Z"
    bundle = w.issue(created="2026-03-01T08:00:00Z")
    bundle["publication"] = None
    bundle["trust"]["authorizations"] = old
    return bundle


def _older_root(w):
    bundle = w.issue()
    bundle["trust"]["status"] = w.status_list(version=8, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z",
                                              root=w.platform.root(2))
    return bundle


def _forked_checkpoint(w):
    from signing.transparency import PublicationLog, make_leaf

    bundle = w.issue()
    other = PublicationLog().append(make_leaf(bundle["credential"] | {"id": "urn:carbonreg:certificate:OTHER"},
                                              "2026-03-02T00:00:00Z"))
    bundle["trust"]["status"] = w.status_list(version=8, issued="2026-03-09T00:00:00Z", expires="2026-03-16T00:00:00Z",
                                              checkpoint=w.platform.checkpoint(other, "2026-03-09T00:00:00Z"))
    return bundle


def _nested(w):
    bundle = w.issue()
    bundle["credential"]["credentialSubject"]["event"]["venue"] = json.loads("[" * 600 + "]" * 600)
    return bundle


# name: (make, at, exit code, outcome, failed message ids, warning message ids) -- written by hand
CASES = {
    "valid-certificate": (_plain, AT, 0, "valid", [], []),
    "valid-declaration": (_declaration, AT, 0, "valid", [], []),
    "never-logged": (_unlogged, AT, 2, "unlogged", [], ["publication.unlogged"]),
    "stale-status-list": (_plain, "2026-03-20T00:00:00Z", 2, "revocation-unknown", [], ["status.stale", "revocation.warning"]),
    "no-status-list": (_no_status, AT, 2, "revocation-unknown", [], ["status.missing", "revocation.warning"]),
    "revoked": (_revoked, AT, 1, "revoked", ["revocation.failed"], []),
    "changed-after-signing": (_tampered, AT, 1, "invalid", ["proof.failed"], []),
    "issuer-binding": (_issuer_binding, AT, 1, "invalid", ["proof.issuer-binding"], []),
    "backdated-with-old-authorizations": (_backdated_with_old_authorizations, AT, 1, "invalid",
                                          ["status.snapshot-authorizations-older"], ["publication.unlogged"]),
    "older-root-than-the-status-list-names": (_older_root, AT, 1, "invalid", ["status.snapshot-root-older"], []),
    "forked-checkpoint": (_forked_checkpoint, AT, 1, "invalid", ["status.snapshot-checkpoint-differs"], []),
    "nested-too-deeply": (_nested, AT, 1, "invalid", ["json.nested"], []),
}


def main() -> None:
    for name, (make, at, code, outcome, failed, warnings) in CASES.items():
        w = world()
        folder = HERE / name
        folder.mkdir(exist_ok=True)
        (folder / "bundle.json").write_text(json.dumps(make(w), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (folder / "root.json").write_text(json.dumps(w.root(), indent=1) + "\n", encoding="utf-8")
        case = {"at": at, "exitCode": code, "outcome": outcome, "failed": failed, "warnings": warnings}
        (folder / "case.json").write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

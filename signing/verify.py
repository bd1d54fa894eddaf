"""Verify a certificate bundle offline, as named steps, ending in a verdict.

Inputs: the bundle's bytes (``bundle.py``), a root the verifier pinned beforehand (or none,
with trust on first use), the time ``at`` to verify as of (default: now), and optionally the
versions already seen (rollback protection across runs).

Steps, in order (each a frozen :class:`Step`; a step that cannot run after an earlier failure
is reported as skipped):

1. ``json`` - strict JSON (no duplicate keys, NaN, floats, BOM, huge integers, non-NFC).
2. ``bundle`` - the bundle's outer shape.
3. ``shape`` - the credential's strict shape (``credential_shape``), proof present.
4. ``root`` - the root chain, walked forward from the pinned root by the rotation rules.
5. ``authorizations`` - signed by the root's ``authorizations`` role, not rolled back.
6. ``proof`` - the eddsa-jcs-2022 proof, and the issuer owns the signing key.
7. ``publication`` - the receipt: leaf bound to this credential, inclusion proof against a
   checkpoint signed by the root's ``log`` role (or ``status``); gives the trusted time.
8. ``issuer`` - certificates: the key belongs to the named agency, which was accredited and
   not suspended and whose key was valid and not compromised at the trusted time.
   Declarations: the key is one of the platform's own keys (the ``platform`` entry of the
   authorization document, see ``authorizations.py``) under the same rules.
9. ``status`` - the status list: signed by the ``status`` role, same registry, not rolled
   back, not expired at ``at``. A stale list fails ("cannot confirm not revoked") unless
   ``allow_stale``.
10. ``revocation`` - the credential id is not revoked as of ``at``.

Which time each check uses:

- ``at`` (the verifier's clock, or ``--at``): expiry of the newest root, of the authorization
  document and of the status list; revocation "as of". These documents speak about the
  present, so they must be current when we rely on them. Intermediate roots of the chain may
  have expired (TUF). An authorization document that expired before ``at`` could hide a later
  suspension or compromise, so it is refused.
- The **trusted publication time** (the leaf's ``published``, vouched for by a signed log
  checkpoint): the agency's accreditation window and suspension, the key's validity window
  and its ``compromisedSince``. Credentials published before a suspension or compromise stay
  valid; those published at or after it do not.
- Without a verified receipt, ``proof.created`` is used for those windows but marked
  **untrusted** (a signer can backdate it): then any compromise mark on the key, or any
  suspension of the agency, invalidates the credential, whatever the dates.
- ``proof.created`` must not be later than the trusted publication time, and the credential
  must have been published (and ``validFrom`` reached) by ``at``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

TIME_FROM_LOG = "log checkpoint"
TIME_UNTRUSTED = "proof.created (untrusted)"


@dataclass(frozen=True)
class Step:
    """One named verification step and its bilingual outcome."""

    name: str
    ok: bool
    zh: str
    en: str
    skipped: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "skipped": self.skipped, "zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class Verdict:
    """The outcome of verifying one bundle."""

    valid: bool
    steps: tuple[Step, ...]
    unreadable: bool = False
    kind: str | None = None
    credential_id: str | None = None
    issuer_id: str | None = None
    issuer_name_zh: str | None = None
    issuer_name_en: str | None = None
    key_fingerprint: str | None = None
    trusted_time: str | None = None
    time_source: str | None = None
    revocation: str = "unknown"  # not-revoked | revoked | unknown
    revocation_reason: str | None = None
    status_as_of: str | None = None
    status_fresh: bool | None = None
    root_fingerprint: str | None = None
    root_version: int | None = None
    root_pinned: bool = True
    seen_versions: Mapping[str, int] = field(default_factory=dict)
    subject: Mapping[str, Any] | None = None

    @property
    def failed(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if not step.ok and not step.skipped)

    def as_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid, "kind": self.kind, "credentialId": self.credential_id,
            "issuer": {"id": self.issuer_id, "name": {"zh": self.issuer_name_zh, "en": self.issuer_name_en},
                       "keyFingerprint": self.key_fingerprint},
            "time": {"trusted": self.trusted_time, "source": self.time_source},
            "revocation": {"state": self.revocation, "reason": self.revocation_reason,
                           "asOf": self.status_as_of, "statusFresh": self.status_fresh},
            "root": {"fingerprint": self.root_fingerprint, "version": self.root_version, "pinned": self.root_pinned},
            "seenVersions": dict(self.seen_versions),
            "subject": None if self.subject is None else dict(self.subject),
            "steps": [step.as_json() for step in self.steps],
        }


def verify_bundle(
    data: bytes,
    pinned_root: Mapping[str, Any] | None,
    *,
    at: datetime | None = None,
    allow_stale: bool = False,
    trust_on_first_use: bool = False,
    last_seen: Mapping[str, int] | None = None,
) -> Verdict:
    """Verify the bundle in ``data`` against ``pinned_root``; never raises for bad input.

    ``pinned_root`` is a signed root envelope the caller trusts. Without one, verification
    fails closed unless ``trust_on_first_use`` is set (the bundle's first root is then
    trusted, and the verdict says so). ``last_seen`` maps ``root``, ``authorizations`` and
    ``status`` to the highest versions seen before; lower versions are refused.
    """
    from .verify_steps import run_steps  # the heavy imports (cryptography) only when verifying

    return run_steps(data, pinned_root, at=at, allow_stale=allow_stale,
                     trust_on_first_use=trust_on_first_use, last_seen=dict(last_seen or {}))

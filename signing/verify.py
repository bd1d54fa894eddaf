"""Verify a certificate bundle offline, as named steps, ending in a verdict and an exit code.

Inputs: the bundle's bytes (``bundle.py``); the verifier's trust material (``trustdir.py``):
a pinned root (``--root FILE``), or a ``--trust DIR`` (roots, and newer authorizations and
status list), or else the root shipped with the package for the bundle's registry
(``roots/``), or, only when asked, trust on first use; optionally a newer status list
(``--status FILE``), a registry checkout to check the evidence digests against
(``--registry PATH``), the time ``at`` to verify as of (default: now) and the versions
already seen (rollback protection across runs).

Steps, in order (each a frozen :class:`Step`; a step that cannot run after an earlier failure
is reported as skipped):

1. ``json`` - strict JSON (no duplicate keys, NaN, floats, BOM, huge integers, non-NFC).
2. ``bundle`` - the bundle's outer shape.
3. ``shape`` - the credential's strict shape (``credential_shape``), proof present.
4. ``root`` - the root chain, walked forward from the pinned root by the rotation rules
   (the verifier's roots and the bundle's chain together; one document per version).
5. ``authorizations`` - signed by the root's ``authorizations`` role, the newest of the
   bundle's and the ``--trust`` folder's copies, not expired, not rolled back.
6. ``proof`` - the eddsa-jcs-2022 proof, and the issuer owns the signing key.
7. ``publication`` - the receipt: leaf bound to this credential, inclusion proof against a
   checkpoint signed by the root's ``log`` role (or ``status``); gives the trusted time.
8. ``issuer`` - certificates: the key belongs to the named agency, which was accredited and
   not suspended and whose key was valid and not compromised at the trusted time.
   Declarations: the key is one of the platform's own keys (the ``platform`` entry of the
   authorization document, see ``authorizations.py``) under the same rules.
9. ``status`` - the status list: the newest of the bundle's copy, the ``--trust`` folder's and
   ``--status FILE`` (which must not be older than either: a rollback is refused), signed by
   the ``status`` role, same registry, not older than a version already seen. A list that
   has expired at ``at``, or no list at all, is a **warning**: revocation is then unknown.
10. ``revocation`` - the credential id is not revoked as of ``at``. A revocation in a signed
    list counts even when the list is stale; "not revoked" is only said with a fresh list.
11. ``evidence`` (only with ``--registry``) - each ``evidence[].path`` of the signed subject,
    relative to the registry checkout, exists and has the signed SHA-256. Totals cannot be
    recomputed here (``signing`` never imports the generator): ``carbonreg verify --registry``
    does that on top.

The verdict (:attr:`Verdict.exit_code`): **0** every step passed and the status list is fresh;
**2** genuine (every step passed or only warned) but the revocation status is stale or
unknown; **66** the input is not JSON at all (unreadable, a syntax error, over the size cap: an
input error, nothing was verified); **1** anything else: invalid, untrusted or revoked.

``--allow-stale`` was removed: exit code 2 says "genuine, revocation unknown" without
pretending to be valid, so a caller who accepts stale lists accepts exit code 2 instead.

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

import os
from datetime import datetime
from typing import Any, Mapping

from .inputfile import UnreadableFile
from .verdict import EXIT_INPUT, EXIT_INVALID, EXIT_STATUS_UNKNOWN, EXIT_VALID, TIME_FROM_LOG, TIME_UNTRUSTED, Step, Verdict
from .verifier_spec import text


def verify_bundle(
    data: bytes,
    pinned_root: Mapping[str, Any] | None,
    *,
    at: datetime | None = None,
    trust_on_first_use: bool = False,
    last_seen: Mapping[str, int] | None = None,
    inputs: Any = None,
    shipped_roots: bool = False,
    registry_dir: str | os.PathLike[str] | None = None,
) -> Verdict:
    """Verify the bundle in ``data``; never raises for bad input.

    Trust starts at ``pinned_root`` (a signed root envelope the caller trusts) or at the roots
    of ``inputs`` (a :class:`signing.trustdir.TrustInputs`, which may also carry newer
    authorizations and status lists); else, with ``shipped_roots``, at the root shipped for
    the bundle's registry (``signing.roots``). Without any, verification fails closed unless
    ``trust_on_first_use`` is set (the bundle's first root is then trusted, and the verdict
    says so). ``last_seen`` maps ``root``, ``authorizations`` and ``status`` to the highest
    versions seen before; lower versions are refused. ``registry_dir`` adds the ``evidence``
    step.
    """
    from .trustdir import TrustInputs, given_document
    from .verify_steps import run_steps  # the heavy imports (cryptography) only when verifying

    if inputs is None:
        inputs = TrustInputs()
    if pinned_root is not None:
        inputs = TrustInputs((given_document("--root", pinned_root),), *text("label.pinned-root"),
                             inputs.authorizations, inputs.status, inputs.status_override)
    return run_steps(data, inputs, at=at, trust_on_first_use=trust_on_first_use, shipped_roots=shipped_roots,
                     last_seen=dict(last_seen or {}), registry_dir=registry_dir)


def verify_file(
    path: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    trust_dir: str | os.PathLike[str] | None = None,
    status_file: str | os.PathLike[str] | None = None,
    registry_dir: str | os.PathLike[str] | None = None,
    at: datetime | None = None,
    trust_on_first_use: bool = False,
    last_seen: Mapping[str, int] | None = None,
    data: bytes | None = None,
) -> Verdict:
    """Verify the certificate bundle at ``path`` (or ``data``, its bytes already read) as the ``verify`` command does; never raises
    for bad input (an unreadable file fails the step it belongs to, e.g. ``json`` or ``root``).

    Trust: ``root`` (a root.json path, or an envelope already in memory), else ``trust_dir``
    (see ``trustdir.py``), else the root shipped for the bundle's registry
    (:func:`signing.roots.shipped_root`), else only with ``trust_on_first_use``. ``root`` and
    ``trust_dir`` are exclusive. ``status_file``: a newer status list. ``registry_dir``: check
    the evidence digests against a registry checkout (not the totals). Exit code:
    ``verdict.exit_code``.
    """
    from .trustdir import TrustInputs, given_document, read_document, read_trust_dir

    if root is not None and trust_dir is not None:
        raise ValueError("give root or trust_dir, not both")
    if trust_dir is not None:
        inputs = read_trust_dir(trust_dir)
    elif isinstance(root, Mapping):
        inputs = TrustInputs((given_document("root", root),), *text("label.root-given-by-the-caller"))
    elif root is not None:
        inputs = TrustInputs((read_document(root),), f"--root {root}", f"--root {root}")
    else:
        inputs = TrustInputs()
    if status_file is not None:
        inputs = TrustInputs(inputs.roots, inputs.source_zh, inputs.source_en, inputs.authorizations, inputs.status,
                             read_document(status_file))
    if data is None:
        data = read_certificate(path)
    return verify_bundle(data, None, at=at, trust_on_first_use=trust_on_first_use, last_seen=last_seen,
                         inputs=inputs, shipped_roots=True, registry_dir=registry_dir)


def read_certificate(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes (at most the strict JSON size cap + 1); an :class:`UnreadableFile` on error."""
    from .strictjson import MAX_BYTES

    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        unreadable = UnreadableFile(b"")
        unreadable.zh, unreadable.en = text("input.cannot-read", path=path, error=error.strerror)
        return unreadable


__all__ = ["EXIT_INPUT", "EXIT_INVALID", "EXIT_STATUS_UNKNOWN", "EXIT_VALID", "TIME_FROM_LOG", "TIME_UNTRUSTED", "Step",
           "UnreadableFile", "Verdict", "read_certificate", "verify_bundle", "verify_file"]

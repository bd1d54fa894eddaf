"""Produce trust documents, credentials, log entries and bundles: for tests, demos and ``certify``.

Private keys stay in memory as ``Ed25519PrivateKey`` objects; writing them to disk is the job
of ``keys.py`` (encrypted PKCS#8 only). Nothing here reads the clock: every time is given.

(a) :func:`create_platform` makes a fresh platform: root keys (threshold 2 of 3), one key each
    for the ``authorizations``, ``status`` and ``log`` roles, and the platform's declaration
    key; :meth:`Platform.root` signs a root, :meth:`Platform.authorizations` an authorization
    document, :meth:`Platform.status_list` a status list, :meth:`Platform.checkpoint` a log
    checkpoint.
(b) :func:`issue_bundle` signs a credential, appends it to the publication log, signs a
    checkpoint and assembles the ``certificate.json`` bundle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .bundle import make_bundle
from .credential import sign_credential
from .eddsa_jcs_2022 import public_key_of
from .multikey import did_key_method, encode_public_key
from .transparency import PublicationLog, make_leaf, make_receipt, sign_checkpoint
from .trust import key_id, sign_metadata

DEFAULT_REGISTRY = "carbonreg:shanghai"


def multikey_of(key: Ed25519PrivateKey) -> str:
    """The Multikey (``z6Mk…``) of a private key's public half."""
    return encode_public_key(public_key_of(key))


def verification_method_of(key: Ed25519PrivateKey) -> str:
    """``did:key:z6Mk…#z6Mk…`` of a private key's public half."""
    return did_key_method(public_key_of(key)).id


def did_of(key: Ed25519PrivateKey) -> str:
    """``did:key:z6Mk…`` of a private key's public half."""
    return did_key_method(public_key_of(key)).did


def key_entry(key: Ed25519PrivateKey, valid_from: str, valid_until: str, compromised_since: str | None = None) -> dict[str, str]:
    """One key of an agency (or of the platform) in the authorization document."""
    entry = {"publicKeyMultibase": multikey_of(key), "validFrom": valid_from, "validUntil": valid_until}
    if compromised_since is not None:
        entry["compromisedSince"] = compromised_since
    return entry


def agency_entry(
    agency_id: str,
    names: Mapping[str, str],
    keys: Sequence[Mapping[str, str]],
    *,
    accredited: tuple[str, str],
    state: str = "active",
    since: str | None = None,
) -> dict[str, Any]:
    """An agency (or the ``platform`` entry) of the authorization document."""
    return {
        "id": agency_id,
        "names": dict(names),
        "accreditation": {"from": accredited[0], "until": accredited[1]},
        "status": {"state": state, "since": since or accredited[0]},
        "keys": [dict(k) for k in keys],
    }


@dataclass(frozen=True)
class Platform:
    """A platform's keys, in memory. ``root_keys`` sign roots with ``threshold`` of them."""

    root_keys: tuple[Ed25519PrivateKey, ...]
    authorizations_key: Ed25519PrivateKey
    status_key: Ed25519PrivateKey
    log_key: Ed25519PrivateKey
    declaration_key: Ed25519PrivateKey
    registry: str = DEFAULT_REGISTRY
    threshold: int = 2
    names: Mapping[str, str] = field(default_factory=lambda: {"zh": "上海大型活动碳中和登记平台", "en": "Shanghai Large-Event Carbon Neutrality Registry"})

    def root_signed(self, version: int, expires: str) -> dict[str, Any]:
        """The ``signed`` part of a root of this platform."""
        roles = {"root": list(self.root_keys), "authorizations": [self.authorizations_key],
                 "status": [self.status_key], "log": [self.log_key]}
        every = [k for ks in roles.values() for k in ks]
        return {
            "_type": "root", "version": version, "expires": expires, "registry": self.registry,
            "keys": {key_id(public_key_of(k)): {"publicKeyMultibase": multikey_of(k)} for k in every},
            "roles": {name: {"keyids": [key_id(public_key_of(k)) for k in ks], "threshold": self.threshold if name == "root" else 1}
                      for name, ks in roles.items()},
        }

    def root(self, version: int = 1, expires: str = "2035-01-01T00:00:00Z", *, signers: Iterable[Ed25519PrivateKey] | None = None) -> dict[str, Any]:
        """A root envelope, signed by all root keys unless ``signers`` is given."""
        return sign_metadata(self.root_signed(version, expires), self.root_keys if signers is None else signers)

    def platform_entry(self, valid_from: str, valid_until: str, compromised_since: str | None = None) -> dict[str, Any]:
        """The ``platform`` entry of the authorization document: the declaration key."""
        key = key_entry(self.declaration_key, valid_from, valid_until, compromised_since)
        return agency_entry("platform", self.names, [key], accredited=(valid_from, valid_until))

    def authorizations(self, agencies: Sequence[Mapping[str, Any]], *, version: int = 1, expires: str,
                       platform: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """An authorization document signed by the ``authorizations`` key."""
        signed: dict[str, Any] = {"_type": "authorizations", "version": version, "expires": expires,
                                  "agencies": [dict(a) for a in agencies]}
        if platform is not None:
            signed["platform"] = dict(platform)
        return sign_metadata(signed, [self.authorizations_key])

    def status_list(self, *, version: int, issued: str, expires: str, entries: Sequence[Mapping[str, str]] = (),
                    registry_version: str = "unversioned", registry: str | None = None,
                    root: Mapping[str, Any] | None = None, authorizations: Mapping[str, Any] | None = None,
                    checkpoint: Mapping[str, Any] | None = None, site: str | None = None) -> dict[str, Any]:
        """A status list signed by the ``status`` key, naming ``root``, ``authorizations`` and
        ``checkpoint`` in its snapshot (by default: root v1, an empty authorization document v1
        and the checkpoint of an empty log)."""
        from .statuslist import snapshot_of
        from .transparency import PublicationLog

        snapshot = snapshot_of(root or self.root(1),
                               authorizations or self.authorizations([], expires="2035-01-01T00:00:00Z"),
                               checkpoint or self.checkpoint(PublicationLog(), issued))
        signed = {"_type": "status", "version": version, "issued": issued, "expires": expires,
                  "registryVersion": registry_version, "registry": registry or self.registry,
                  "snapshot": snapshot, "entries": [dict(e) for e in entries]}
        if site is not None:
            signed["site"] = site
        return sign_metadata(signed, [self.status_key])

    def checkpoint(self, log: PublicationLog, issued: str) -> dict[str, Any]:
        """A checkpoint of ``log`` signed by the ``log`` key."""
        return sign_checkpoint(log, issued, [self.log_key], registry=self.registry)


def create_platform(registry: str = DEFAULT_REGISTRY, *, root_key_count: int = 3, threshold: int = 2) -> Platform:
    """A fresh platform with new random keys (tests and demos)."""
    return Platform(
        root_keys=tuple(Ed25519PrivateKey.generate() for _ in range(root_key_count)),
        authorizations_key=Ed25519PrivateKey.generate(),
        status_key=Ed25519PrivateKey.generate(),
        log_key=Ed25519PrivateKey.generate(),
        declaration_key=Ed25519PrivateKey.generate(),
        registry=registry,
        threshold=threshold,
    )


@dataclass(frozen=True)
class Issued:
    """The result of :func:`issue_bundle`: the bundle and the log with the new leaf."""

    bundle: dict[str, Any]
    log: PublicationLog
    credential: dict[str, Any]


def issue_bundle(
    credential: Mapping[str, Any],
    signer: Ed25519PrivateKey,
    *,
    created: str,
    published: str,
    log: PublicationLog,
    sign_checkpoint_with: Platform,
    root_chain: Sequence[Mapping[str, Any]],
    authorizations: Mapping[str, Any],
    status: Mapping[str, Any] | None,
) -> Issued:
    """Sign ``credential`` with ``signer`` at ``created``, log it as published at ``published``
    (the checkpoint is issued at the same time), and assemble the bundle."""
    signed = sign_credential(credential, signer, verification_method_of(signer), created)
    new_log = log.append(make_leaf(signed, published))
    checkpoint = sign_checkpoint_with.checkpoint(new_log, published)
    receipt = make_receipt(new_log, signed["id"], checkpoint)
    bundle = make_bundle(signed, receipt, list(root_chain), authorizations, status)
    return Issued(bundle, new_log, signed)


def refresh_receipt(bundle: Mapping[str, Any], log: PublicationLog, checkpoint: Mapping[str, Any]) -> dict[str, Any]:
    """The same bundle with its receipt rebuilt against a newer checkpoint (done at every site build)."""
    receipt = make_receipt(log, bundle["credential"]["id"], checkpoint)
    trust = bundle["trust"]
    return make_bundle(bundle["credential"], receipt, trust["rootChain"], trust["authorizations"], trust["status"])

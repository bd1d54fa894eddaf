"""Trust metadata modeled on TUF: signed envelopes, thresholds, the root role and its rotation.

A metadata file is ``{"signed": {...}, "signatures": [{"keyid": ..., "sig": ...}]}``; each
signature is Ed25519 over the JCS bytes of ``signed``, written as multibase base58btc. A key
id is the SHA-256 hex of the raw public key, so a key id names exactly one key and a
threshold counts distinct keys. The root (``_type: root``) lists the keys and, for each role
(``root``, ``authorizations``, ``status``), the key ids allowed to sign it and how many must.

Two optional additions: a ``log`` role, whose keys sign the checkpoints of the publication log
(``transparency.py``; roots without it leave checkpoints to the ``status`` role), and a
``registry`` name (e.g. ``carbonreg:shanghai``) that status lists and checkpoints must repeat,
so that a staging registry signed with the same keys cannot stand in for the real one.
"""

from __future__ import annotations

from datetime import datetime
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .eddsa_jcs_2022 import public_key_of, verify_signature
from .errors import SigningError, TrustError
from .jcs import canonicalize
from .multikey import decode_public_key, encode_public_key, fingerprint, multibase_decode, multibase_encode
from .records import record
from .sha256 import sha256_hex
from .timefmt import parse_timestamp
from .verifier_spec import text as spec_text

ROLE_NAMES = ("root", "authorizations", "status")
OPTIONAL_ROLE_NAMES = ("log",)


@record
class TrustKey:
    """A public key listed in the root."""

    keyid: str
    public_key: bytes

    @property
    def multikey(self) -> str:
        return encode_public_key(self.public_key)


@record
class Role:
    """The keys allowed to sign one kind of metadata, and how many of them must."""

    keyids: frozenset[str]
    threshold: int


@record
class Root:
    """A verified root: version, expiry, keys and roles."""

    version: int
    expires: datetime
    keys: Mapping[str, TrustKey]
    roles: Mapping[str, Role]
    registry: str | None = None

    @property
    def log_role(self) -> str:
        """The role that signs log checkpoints: ``log`` when the root defines it, else ``status``."""
        return "log" if "log" in self.roles else "status"

    def role_keys(self, name: str) -> tuple[Mapping[str, TrustKey], Role]:
        role = self.roles[name]
        return {keyid: self.keys[keyid] for keyid in role.keyids}, role


def _field(mapping: Mapping[str, Any], name: str, kind: type, where: str) -> Any:
    value = mapping.get(name) if isinstance(mapping, Mapping) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TrustError(*spec_text("trust.missing-or-wrong-field", where=where, name=name))
    return value


def key_id(public_key: bytes) -> str:
    """The key id of a raw public key: SHA-256 hex."""
    return fingerprint(public_key)


def sign_metadata(signed: Mapping[str, Any], private_keys: Iterable[Ed25519PrivateKey]) -> dict[str, Any]:
    """Wrap ``signed`` in an envelope with one signature per private key."""
    message = canonicalize(signed)
    signatures = [
        {"keyid": key_id(public_key_of(key)), "sig": multibase_encode(key.sign(message))}
        for key in private_keys
    ]
    return {"signed": dict(signed), "signatures": signatures}


def verify_threshold(
    envelope: Mapping[str, Any], keys: Mapping[str, TrustKey], role: Role, role_name: str
) -> frozenset[str]:
    """Return the distinct key ids of ``role`` that validly signed; raise below the threshold."""
    signed = _field(envelope, "signed", dict, role_name)
    signatures = _field(envelope, "signatures", list, role_name)
    message = canonicalize(signed)
    valid: set[str] = set()
    for entry in signatures:
        if not isinstance(entry, Mapping):
            continue
        keyid, sig = entry.get("keyid"), entry.get("sig")
        if not isinstance(keyid, str) or keyid not in role.keyids or keyid not in keys or not isinstance(sig, str):
            continue
        try:
            signature = multibase_decode(sig)
        except SigningError:
            continue
        if verify_signature(message, signature, keys[keyid].public_key):
            valid.add(keyid)
    if len(valid) < role.threshold:
        raise TrustError(*spec_text("trust.not-enough-valid-signatures", role=role_name, valid=len(valid),
                                    threshold=role.threshold))
    return frozenset(valid)


def _parse_keys(raw: Any) -> dict[str, TrustKey]:
    if not isinstance(raw, Mapping):
        raise TrustError(*spec_text("root.root-missing-keys"))
    keys: dict[str, TrustKey] = {}
    for keyid, entry in raw.items():
        public_key = decode_public_key(_field(entry, "publicKeyMultibase", str, f"key {keyid}"))
        if key_id(public_key) != keyid:
            raise TrustError(*spec_text("root.key-id-does-not-match-its-key", keyid=keyid))
        keys[keyid] = TrustKey(keyid, public_key)
    return keys


def _parse_roles(raw: Any, keys: Mapping[str, TrustKey]) -> dict[str, Role]:
    if (
        not isinstance(raw, Mapping)
        or not set(ROLE_NAMES) <= set(raw)
        or not set(raw) <= set(ROLE_NAMES + OPTIONAL_ROLE_NAMES)
    ):
        raise TrustError(*spec_text("root.roles-must-be-exactly", roles=", ".join(ROLE_NAMES),
                                    optional=", ".join(OPTIONAL_ROLE_NAMES)))
    roles: dict[str, Role] = {}
    for name in [n for n in ROLE_NAMES + OPTIONAL_ROLE_NAMES if n in raw]:
        keyids = _field(raw[name], "keyids", list, f"role {name}")
        threshold = _field(raw[name], "threshold", int, f"role {name}")
        if not all(isinstance(k, str) for k in keyids) or len(set(keyids)) != len(keyids) or not set(keyids) <= set(keys):
            raise TrustError(*spec_text("root.role-key-ids-repeated-or-not-listed", name=name))
        if not 1 <= threshold <= len(keyids):
            raise TrustError(*spec_text("root.role-invalid-threshold", name=name, threshold=threshold))
        roles[name] = Role(frozenset(keyids), threshold)
    return roles


def parse_root(signed: Any) -> Root:
    """Check the shape of a root's ``signed`` part and return it as a record (signatures unchecked)."""
    if not isinstance(signed, Mapping) or signed.get("_type") != "root":
        raise TrustError(*spec_text("root.not-root-metadata"))
    version = _field(signed, "version", int, "root")
    if version < 1:
        raise TrustError(*spec_text("root.root-version-must-be-at-least-1"))
    expires = parse_timestamp(_field(signed, "expires", str, "root"))
    keys = _parse_keys(signed.get("keys"))
    roles = _parse_roles(signed.get("roles"), keys)
    registry = signed.get("registry")
    if registry is not None and (not isinstance(registry, str) or not registry):
        raise TrustError(*spec_text("root.root-registry-must-be-a-non-empty"))
    return Root(version, expires, MappingProxyType(keys), MappingProxyType(roles), registry)


def _self_verified(envelope: Mapping[str, Any]) -> Root:
    root = parse_root(_field(envelope, "signed", dict, "root"))
    verify_threshold(envelope, *root.role_keys("root"), "root")
    return root


def root_fingerprint(envelope: Mapping[str, Any]) -> str:
    """SHA-256 hex of the JCS bytes of a root's ``signed`` part: what people compare when pinning."""
    return sha256_hex(canonicalize(_field(envelope, "signed", dict, "root")))


def check_not_expired(expires: datetime, at: datetime, what: str) -> None:
    """Refuse metadata whose expiry is at or before ``at``."""
    if at >= expires:
        raise TrustError(*spec_text("trust.has-expired", what=what))


def load_trusted_root(envelope: Mapping[str, Any]) -> Root:
    """Accept an initial root (shipped with the package or given with --trust): self-signed."""
    return _self_verified(envelope)


def rotate_root(trusted: Root, new_envelope: Mapping[str, Any]) -> Root:
    """TUF root update: version N+1, signed by a threshold of N's root keys and of its own."""
    new_root = parse_root(_field(new_envelope, "signed", dict, "root"))
    if new_root.version <= trusted.version:
        raise TrustError(*spec_text("root.rollback", version=new_root.version, trusted=trusted.version))
    if new_root.version != trusted.version + 1:
        raise TrustError(*spec_text("root.version-must-be-the-next", version=trusted.version + 1))
    if trusted.registry is not None and new_root.registry != trusted.registry:
        raise TrustError(*spec_text("root.may-not-change-the-registry-name", registry=trusted.registry))
    verify_threshold(new_envelope, *trusted.role_keys("root"), "root (previous keys)")
    verify_threshold(new_envelope, *new_root.role_keys("root"), "root (new keys)")
    return new_root


def verify_root_chain(
    initial: Mapping[str, Any], updates: Iterable[Mapping[str, Any]], at: datetime
) -> Root:
    """Walk from a trusted initial root through each rotation; the last must be unexpired at ``at``."""
    root = load_trusted_root(initial)
    for envelope in updates:
        root = rotate_root(root, envelope)
    check_not_expired(root.expires, at, f"root v{root.version}")
    return root

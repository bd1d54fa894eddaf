"""Demo keys derived from the seed: the same seed gives the same keys, hence the same signatures.

Ed25519 signatures are deterministic (RFC 8032), so fixed keys and fixed times give fixed bytes.
These keys are public knowledge for anyone who knows the seed: never use them for anything real."""
from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from generator.publishing.ops import PlatformKeys


def derive_key(seed: int | str, role: str) -> Ed25519PrivateKey:
    """``Ed25519PrivateKey.from_private_bytes(sha256(seed|role))``."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"{seed}|{role}".encode("utf-8")).digest())


def platform_keys(seed: int | str) -> PlatformKeys:
    return PlatformKeys(
        root=tuple(derive_key(seed, f"root-{i}") for i in (1, 2, 3)),
        authorizations=derive_key(seed, "authorizations"),
        status=derive_key(seed, "status"),
        log=derive_key(seed, "log"),
        platform=derive_key(seed, "platform"),
    )


def agency_key(seed: int | str, agency_id: str) -> Ed25519PrivateKey:
    return derive_key(seed, f"agency:{agency_id}")

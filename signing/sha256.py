"""SHA-256 through ``cryptography``, which ``verify`` loads anyway for Ed25519.

``hashlib`` would give the same digests, but importing it loads a second OpenSSL binding
(``_hashlib``): about 3 ms of a cold ``verify`` run, for a handful of short hashes.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.hashes import SHA256, Hash


def sha256(data: bytes) -> bytes:
    """The SHA-256 digest of ``data`` (32 bytes)."""
    digest = Hash(SHA256())
    digest.update(data)
    return digest.finalize()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data`` as 64 lower-case hex digits."""
    return sha256(data).hex()

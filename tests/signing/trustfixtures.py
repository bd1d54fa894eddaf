"""Builders of real, signed trust metadata for the tests (no mocks)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from signing.eddsa_jcs_2022 import public_key_of
from signing.multikey import encode_public_key
from signing.trust import key_id, sign_metadata


def new_keys(count: int) -> list[Ed25519PrivateKey]:
    return [Ed25519PrivateKey.generate() for _ in range(count)]


def kid(key: Ed25519PrivateKey) -> str:
    return key_id(public_key_of(key))


def multikey(key: Ed25519PrivateKey) -> str:
    return encode_public_key(public_key_of(key))


def root_signed(
    version: int,
    root_keys: list,
    auth_keys: list,
    status_keys: list,
    *,
    threshold: int = 2,
    expires: str = "2030-01-01T00:00:00Z",
) -> dict:
    every = {kid(k): {"publicKeyMultibase": multikey(k)} for k in root_keys + auth_keys + status_keys}
    return {
        "_type": "root",
        "version": version,
        "expires": expires,
        "keys": every,
        "roles": {
            "root": {"keyids": [kid(k) for k in root_keys], "threshold": threshold},
            "authorizations": {"keyids": [kid(k) for k in auth_keys], "threshold": 1},
            "status": {"keyids": [kid(k) for k in status_keys], "threshold": 1},
        },
    }


def signed_root(version, root_keys, auth_keys, status_keys, signers=None, **options) -> dict:
    signed = root_signed(version, root_keys, auth_keys, status_keys, **options)
    return sign_metadata(signed, root_keys if signers is None else signers)

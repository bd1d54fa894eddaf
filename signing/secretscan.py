"""Find private key material in text, so that ``carbonreg check`` can keep it out of the registry."""

from __future__ import annotations

import re
from dataclasses import dataclass

import base58

_PEM = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
_MULTIBASE = re.compile(r"z[1-9A-HJ-NP-Za-km-z]{40,60}")
_KEY_NAMES = re.compile(
    r"""["']?(privateKeyMultibase|secretKeyMultibase|privateKeyBase58|privateKeyHex|privateKeyJwk)["']?\s*:"""
)
_JWK_KTY = re.compile(r"""["']?kty["']?\s*:""")
_JWK_D = re.compile(r"""["']?\bd["']?\s*:\s*["']?[A-Za-z0-9_-]{32,}""")
# multicodec headers (unsigned varint) of private keys: ed25519, secp256k1, x25519, p256, p384
_PRIVATE_HEADERS = (b"\x80\x26", b"\x81\x26", b"\x82\x26", b"\x86\x26", b"\x87\x26")


@dataclass(frozen=True)
class PrivateKeyHit:
    """One place in a text that holds private key material."""

    line: int
    kind: str


def _is_multibase_secret(token: str) -> bool:
    try:
        data = base58.b58decode(token[1:])
    except ValueError:
        return False
    return data[:2] in _PRIVATE_HEADERS and len(data) in (34, 50)


def find_private_key_material(text: str) -> tuple[PrivateKeyHit, ...]:
    """Every line of ``text`` that holds a PEM private key, a multibase secret key or a JWK "d"."""
    hits: list[PrivateKeyHit] = []
    has_kty = bool(_JWK_KTY.search(text))
    for number, line in enumerate(text.splitlines(), start=1):
        if _PEM.search(line):
            hits.append(PrivateKeyHit(number, "pem-private-key"))
        elif _KEY_NAMES.search(line):
            hits.append(PrivateKeyHit(number, "private-key-field"))
        elif any(_is_multibase_secret(token) for token in _MULTIBASE.findall(line)):
            hits.append(PrivateKeyHit(number, "multibase-secret-key"))
        elif has_kty and _JWK_D.search(line):
            hits.append(PrivateKeyHit(number, "jwk-private-key"))
    return tuple(hits)


def looks_like_private_key(text: str) -> bool:
    """True when ``text`` holds any private key material we can recognise."""
    return bool(find_private_key_material(text))

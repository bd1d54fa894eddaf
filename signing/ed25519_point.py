"""Checks on Ed25519 public key encodings that the ``cryptography`` library does not make.

OpenSSL accepts small-order points (e.g. the identity) as public keys; with such a key a
forged signature can verify for any message. We decode the point ourselves (RFC 8032
section 5.1.3), refuse non-canonical encodings, and refuse every point P with [8]P = O.
"""

from __future__ import annotations

from functools import lru_cache

_P = 2**255 - 19
_D = (-121665 * pow(121666, _P - 2, _P)) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def _decode_point(encoded: bytes) -> tuple[int, int] | None:
    """Decode a 32-byte point; return None for a non-canonical or off-curve encoding."""
    if len(encoded) != 32:
        return None
    number = int.from_bytes(encoded, "little")
    sign = number >> 255
    y = number & ((1 << 255) - 1)
    if y >= _P:
        return None
    u = (y * y - 1) % _P
    v = (_D * y * y + 1) % _P
    x = (u * pow(v, 3, _P) * pow(u * pow(v, 7, _P), (_P - 5) // 8, _P)) % _P
    check = (v * x * x) % _P
    if check == (-u) % _P:
        x = (x * _SQRT_M1) % _P
    elif check != u:
        return None
    if x == 0 and sign == 1:
        return None
    if x & 1 != sign:
        x = _P - x
    return x, y


def _add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    (x1, y1), (x2, y2) = a, b
    t = (_D * x1 * x2 * y1 * y2) % _P
    x3 = ((x1 * y2 + y1 * x2) * pow(1 + t, _P - 2, _P)) % _P
    y3 = ((y1 * y2 + x1 * x2) * pow(1 - t, _P - 2, _P)) % _P
    return x3, y3


@lru_cache(maxsize=4096)  # a pure function of the bytes; verifying one bundle meets each key many times
def weak_key_reason(encoded: bytes) -> tuple[str, str] | None:
    """Return a bilingual reason why ``encoded`` is not an acceptable public key, or None."""
    point = _decode_point(encoded)
    if point is None:
        return ("公钥不是有效的 Ed25519 点编码", "public key is not a valid Ed25519 point encoding")
    for _ in range(3):
        point = _add(point, point)
    if point == (0, 1):
        return ("拒绝小阶 Ed25519 公钥", "small-order Ed25519 public key refused")
    return None

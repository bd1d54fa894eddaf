"""Checks on Ed25519 public key encodings that the ``cryptography`` library does not make.

OpenSSL accepts small-order points (e.g. the identity) as public keys; with such a key a
forged signature can verify for any message. We check the encoding as RFC 8032 section 5.1.3
decodes it, refuse non-canonical encodings and points off the curve, and refuse every point P
with [8]P = O.

Why :func:`_decodes` accepts exactly what the RFC 8032 decoder accepts (the decoder is kept in
the tests as the reference, with this module's former point arithmetic):

1. The decoder takes y from the low 255 bits and fails if y >= p. It then needs x with
   x**2 = u/v, u = y**2 - 1, v = d*y**2 + 1; v is never 0 (d*y**2 = -1 would make -1/d a
   square, but d is not a square mod p and -1 is). Such an x exists exactly when u/v, that
   is u*v/v**2, is 0 or a square: when the Jacobi symbol (u*v / p), which for the prime p is
   the Legendre symbol, is not -1. Computing it costs a quarter of the square root the
   decoder takes.
2. The decoder fails if x = 0 and the sign bit is set; x = 0 exactly when u = 0.

Why comparing with the encodings in :data:`SMALL_ORDER_ENCODINGS` is the same as computing
[8]P (three doublings, as this module once did):

3. The group of edwards25519 points has order 8*l, with l an odd prime. The points with
   [8]P = O are those whose order divides 8: exactly its 2-Sylow subgroup, of order 8. The
   eight points listed (those of libsodium's and ed25519-dalek's blacklists) are distinct and
   each satisfies [8]P = O (tested with the point arithmetic), so they are all of them.
4. The decoder accepts only canonical encodings: y < p, and the sign bit equal to the parity
   of x (never set when x = 0). A point therefore has a single accepted encoding, and an
   accepted encoding is of a small-order point exactly when it is in the list. Non-canonical
   encodings of small-order points (y + p, a sign bit set with x = 0) are refused by 1 and 2,
   as "not a valid encoding", as before.
"""

from __future__ import annotations

from functools import lru_cache

from .verifier_spec import text as spec_text

_P = 2**255 - 19
_D = 0x52036CEE2B6FFE738CC740797779E89800700A4D4141D8AB75EB4DCA135978A3  # -121665 / 121666 mod p (tested)

SMALL_ORDER_ENCODINGS = frozenset(bytes.fromhex(text) for text in (
    "0100000000000000000000000000000000000000000000000000000000000000",  # the identity (0, 1)
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # order 2: (0, -1)
    "0000000000000000000000000000000000000000000000000000000000000000",  # order 4: (x, 0), x**2 = -1, x even
    "0000000000000000000000000000000000000000000000000000000000000080",  # order 4: (x, 0), x**2 = -1, x odd
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  # order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  # order 8
))


def _jacobi(a: int, n: int) -> int:
    """The Jacobi symbol (a / n) for an odd n > 0: 1, -1, or 0 when they share a factor."""
    a %= n
    result = 1
    while a:
        twos = (a & -a).bit_length() - 1  # (2 / n) = -1 exactly when n = 3 or 5 mod 8
        a >>= twos
        if twos & 1 and n & 7 in (3, 5):
            result = -result
        if a & n & 3 == 3:  # quadratic reciprocity: both 3 mod 4
            result = -result
        a, n = n % a, a
    return result if n == 1 else 0


def _decodes(encoded: bytes) -> bool:
    """Whether RFC 8032 (5.1.3) decodes ``encoded`` to a point: canonical and on the curve."""
    if len(encoded) != 32:
        return False
    number = int.from_bytes(encoded, "little")
    sign = number >> 255
    y = number & ((1 << 255) - 1)
    if y >= _P:
        return False
    u = (y * y - 1) % _P
    v = (_D * y * y + 1) % _P
    if u == 0:
        return sign == 0
    return _jacobi(u * v, _P) == 1


@lru_cache(maxsize=4096)  # a pure function of the bytes; verifying one bundle meets each key many times
def weak_key_reason(encoded: bytes) -> tuple[str, str] | None:
    """Return a bilingual reason why ``encoded`` is not an acceptable public key, or None."""
    if not _decodes(encoded):
        return spec_text("key.public-key-is-not-a-valid-ed25519")
    if encoded in SMALL_ORDER_ENCODINGS:  # the point has [8]P = O (see the module docstring)
        return spec_text("key.small-order-ed25519-public-key-refused")
    return None

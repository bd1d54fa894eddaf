import os

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from signing.ed25519_point import SMALL_ORDER_ENCODINGS, _decodes, _jacobi, weak_key_reason

P = 2**255 - 19
D = (-121665 * pow(121666, P - 2, P)) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
NOT_A_POINT = "public key is not a valid Ed25519 point encoding"
SMALL = "small-order Ed25519 public key refused"

SMALL_ORDER = [
    "0100000000000000000000000000000000000000000000000000000000000000",  # identity
    "0000000000000000000000000000000000000000000000000000000000000000",  # order 4
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # order 2
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  # order 8
    "0000000000000000000000000000000000000000000000000000000000000080",  # order 4, other x
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  # order 8, other x
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  # order 8, other x
]


# --- the reference: RFC 8032 decoding and [8]P = O by point arithmetic, as the module did ----

def _decode_point(encoded):
    """RFC 8032 5.1.3: the point, or None for a non-canonical or off-curve encoding."""
    if len(encoded) != 32:
        return None
    number = int.from_bytes(encoded, "little")
    sign = number >> 255
    y = number & ((1 << 255) - 1)
    if y >= P:
        return None
    u = (y * y - 1) % P
    v = (D * y * y + 1) % P
    x = (u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P)) % P
    check = (v * x * x) % P
    if check == (-u) % P:
        x = (x * SQRT_M1) % P
    elif check != u:
        return None
    if x == 0 and sign == 1:
        return None
    if x & 1 != sign:
        x = P - x
    return x, y


def _add(a, b):
    (x1, y1), (x2, y2) = a, b
    t = (D * x1 * x2 * y1 * y2) % P
    x3 = ((x1 * y2 + y1 * x2) * pow(1 + t, P - 2, P)) % P
    y3 = ((y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P)) % P
    return x3, y3


def _times8(point):
    for _ in range(3):
        point = _add(point, point)
    return point


def reference_reason(encoded):
    point = _decode_point(encoded)
    if point is None:
        return NOT_A_POINT
    return SMALL if _times8(point) == (0, 1) else None


def _encode(point):
    x, y = point
    return (y | (x & 1) << 255).to_bytes(32, "little")


def _reason(encoded):
    reason = weak_key_reason(encoded)
    return None if reason is None else reason[1]


# --- tests -----------------------------------------------------------------------------------

@pytest.mark.parametrize("hex_key", SMALL_ORDER)
def test_small_order_points_refused(hex_key):
    assert _reason(bytes.fromhex(hex_key)) == SMALL


def test_constants():
    from signing.ed25519_point import _D, _P

    assert (_P, _D) == (P, D) and SQRT_M1 * SQRT_M1 % P == P - 1
    assert pow(D, (P - 1) // 2, P) == P - 1 and pow(P - 1, (P - 1) // 2, P) == 1  # d not a square, -1 one


def test_jacobi_is_the_legendre_symbol_mod_p():
    import random

    rng = random.Random(8032)
    for a in [0, 1, 2, P - 1, P, P + 1, 2 * P] + [rng.randrange(P) for _ in range(300)]:
        legendre = pow(a, (P - 1) // 2, P)
        assert _jacobi(a, P) == (-1 if legendre == P - 1 else legendre), a


def test_decodes_exactly_what_rfc_8032_decodes():
    import random

    rng = random.Random(5113)
    samples = [os.urandom(32) for _ in range(400)] + _non_canonical_variants() + list(SMALL_ORDER_ENCODINGS)
    samples += [(y | sign << 255).to_bytes(32, "little") for y in list(range(40)) + [P - n for n in range(1, 40)]
                for sign in (0, 1)]
    samples += [(rng.randrange(P) | rng.randrange(2) << 255).to_bytes(32, "little") for _ in range(400)]
    samples += [bytes(31), bytes(33), b""]
    for encoded in samples:
        assert _decodes(encoded) == (_decode_point(encoded) is not None), encoded.hex()


def test_the_list_is_every_small_order_point():
    """Eight distinct points with [8]P = O: the whole 2-Sylow subgroup of a group of order 8*l."""
    points = [_decode_point(encoded) for encoded in SMALL_ORDER_ENCODINGS]
    assert len(set(points)) == 8 and None not in points
    assert all(_times8(point) == (0, 1) for point in points)
    assert {bytes.fromhex(h) for h in SMALL_ORDER} == SMALL_ORDER_ENCODINGS
    assert all(_encode(point) in SMALL_ORDER_ENCODINGS for point in points)


def test_identity_key_is_why_this_exists():
    # The cryptography library accepts the identity key and a forged signature with it.
    identity = bytes.fromhex(SMALL_ORDER[0])
    Ed25519PublicKey.from_public_bytes(identity).verify(identity + bytes(32), b"any message")
    assert weak_key_reason(identity)[1] == "small-order Ed25519 public key refused"


def test_non_canonical_encoding_refused():
    # y = p + 1 is a non-canonical encoding of y = 1.
    assert weak_key_reason(bytes.fromhex("ee" + "ff" * 30 + "7f")) is not None


def _non_canonical_variants():
    """Every non-canonical encoding: y + p for y < 19 (either sign), and x = 0 with the sign set."""
    variants = [((y + P) | sign << 255).to_bytes(32, "little") for y in range(19) for sign in (0, 1)]
    variants += [(1 | 1 << 255).to_bytes(32, "little"), ((P - 1) | 1 << 255).to_bytes(32, "little")]
    return variants


@pytest.mark.parametrize("encoded", _non_canonical_variants(), ids=lambda e: e.hex()[:4] + e.hex()[-2:])
def test_non_canonical_variants_refused_as_before(encoded):
    assert _reason(encoded) == reference_reason(encoded) == NOT_A_POINT


def test_agrees_with_the_point_arithmetic(private_key):
    from signing.eddsa_jcs_2022 import public_key_of

    keys = [public_key_of(private_key)] + [os.urandom(32) for _ in range(300)]
    torsion = [_decode_point(encoded) for encoded in SMALL_ORDER_ENCODINGS]
    real = _decode_point(keys[0])
    keys += [_encode(_add(real, point)) for point in torsion]  # mixed order: accepted, as before
    keys += [bytes([b]) * 32 for b in range(256)]
    for encoded in keys:
        assert _reason(encoded) == reference_reason(encoded), encoded.hex()
    assert all(_reason(_encode(_add(real, point))) is None for point in torsion)


def test_real_keys_accepted(private_key):
    from signing.eddsa_jcs_2022 import public_key_of

    for _ in range(20):
        assert weak_key_reason(public_key_of(private_key)) is None


def test_wrong_length_refused():
    assert weak_key_reason(bytes(31)) is not None

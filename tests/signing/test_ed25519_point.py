import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from signing.ed25519_point import weak_key_reason

SMALL_ORDER = [
    "0100000000000000000000000000000000000000000000000000000000000000",  # identity
    "0000000000000000000000000000000000000000000000000000000000000000",  # order 4
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # order 2
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  # order 8
    "0000000000000000000000000000000000000000000000000000000000000080",  # order 4, other x
]


@pytest.mark.parametrize("hex_key", SMALL_ORDER)
def test_small_order_points_refused(hex_key):
    assert weak_key_reason(bytes.fromhex(hex_key)) is not None


def test_identity_key_is_why_this_exists():
    # The cryptography library accepts the identity key and a forged signature with it.
    identity = bytes.fromhex(SMALL_ORDER[0])
    Ed25519PublicKey.from_public_bytes(identity).verify(identity + bytes(32), b"any message")
    assert weak_key_reason(identity)[1] == "small-order Ed25519 public key refused"


def test_non_canonical_encoding_refused():
    # y = p + 1 is a non-canonical encoding of y = 1.
    assert weak_key_reason(bytes.fromhex("ee" + "ff" * 30 + "7f")) is not None


def test_real_keys_accepted(private_key):
    from signing.eddsa_jcs_2022 import public_key_of

    for _ in range(20):
        assert weak_key_reason(public_key_of(private_key)) is None


def test_wrong_length_refused():
    assert weak_key_reason(bytes(31)) is not None

import hashlib

import pytest

from signing.eddsa_jcs_2022 import public_key_of
from signing.errors import KeyFormatError
from signing.multikey import (
    decode_public_key,
    decode_secret_key,
    did_key_method,
    encode_public_key,
    encode_secret_key,
    fingerprint,
    multibase_encode,
    parse_did_key_method,
)

VECTOR_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
VECTOR_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"


def test_vector_key_pair_round_trips():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = decode_secret_key(VECTOR_SECRET)
    raw = public_key_of(Ed25519PrivateKey.from_private_bytes(seed))
    assert encode_public_key(raw) == VECTOR_PUBLIC
    assert decode_public_key(VECTOR_PUBLIC) == raw
    assert encode_secret_key(seed) == VECTOR_SECRET


def test_generated_key_starts_with_z6mk(private_key):
    raw = public_key_of(private_key)
    assert encode_public_key(raw).startswith("z6Mk")
    assert decode_public_key(encode_public_key(raw)) == raw


def test_did_key_method_round_trip(private_key):
    raw = public_key_of(private_key)
    method = did_key_method(raw)
    assert method.id == f"did:key:{method.multikey}#{method.multikey}"
    assert parse_did_key_method(method.id) == method


@pytest.mark.parametrize(
    "url",
    [
        "did:key:" + VECTOR_PUBLIC,
        f"did:key:{VECTOR_PUBLIC}#key-1",
        f"did:web:example.org#{VECTOR_PUBLIC}",
        f"https://vc.example/issuers/5678#{VECTOR_PUBLIC}",
        f"did:key:{VECTOR_PUBLIC}#{VECTOR_PUBLIC}#x",
        None,
    ],
)
def test_parse_refuses_other_methods(url):
    with pytest.raises(KeyFormatError):
        parse_did_key_method(url)


def test_refuses_wrong_multicodec_and_base_and_length():
    raw = decode_public_key(VECTOR_PUBLIC)
    with pytest.raises(KeyFormatError, match="ed01"):
        decode_public_key(multibase_encode(b"\xe7\x01" + raw))  # secp256k1 header
    with pytest.raises(KeyFormatError, match="ed01"):
        decode_public_key(VECTOR_SECRET)
    with pytest.raises(KeyFormatError, match="base58btc"):
        decode_public_key("u" + VECTOR_PUBLIC[1:])
    with pytest.raises(KeyFormatError, match="32 bytes"):
        decode_public_key(multibase_encode(b"\xed\x01" + raw[:31]))
    with pytest.raises(KeyFormatError, match="base58btc"):
        decode_public_key("z0OIl")


def test_small_order_multikey_refused():
    identity = bytes([1]) + bytes(31)
    with pytest.raises(KeyFormatError, match="small-order"):
        decode_public_key(multibase_encode(b"\xed\x01" + identity))
    with pytest.raises(KeyFormatError, match="small-order"):
        encode_public_key(identity)


def test_fingerprint_is_sha256_of_raw_key():
    raw = decode_public_key(VECTOR_PUBLIC)
    assert fingerprint(raw) == hashlib.sha256(raw).hexdigest()
    assert len(fingerprint(raw)) == 64


def test_base58_agrees_with_the_base58_package():
    """multikey carries its own base58btc (no hashlib import); it must match the package's exactly."""
    import os
    import random

    import base58

    from signing.multikey import BASE58_ALPHABET, b58decode, b58encode

    rng = random.Random(58)
    samples = [b"", b"\0", b"\0\0\x01", b"\xff" * 34, bytes(64)] + [os.urandom(n) for n in range(70)]
    samples += [b"\0" * rng.randrange(4) + os.urandom(rng.randrange(1, 70)) for _ in range(200)]
    for data in samples:
        assert b58encode(data) == base58.b58encode(data)
        assert b58decode(b58encode(data)) == base58.b58decode(base58.b58encode(data)) == data
    texts = [b"", b"1", b"111", b" ", b"z", b"1 ", b"2\n", b"3\t\r\x0b\x0c ", b" 2", b"0", b"O", b"I", b"l", b"2l",
             b"\xff", b"1\x00", b"21\n1"]
    texts += [bytes(rng.choice(BASE58_ALPHABET + b"0OIl \n+/\x00") for _ in range(rng.randrange(12))) for _ in range(300)]
    for text in texts:
        try:
            expected = base58.b58decode(text)
        except ValueError:
            with pytest.raises(ValueError):
                b58decode(text)
        else:
            assert b58decode(text) == expected, text


def test_sha256_is_hashlibs():
    from signing.sha256 import sha256, sha256_hex

    for data in (b"", b"abc", bytes(range(256)) * 9):
        assert sha256(data) == hashlib.sha256(data).digest()
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()

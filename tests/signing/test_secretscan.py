import json

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from signing.eddsa_jcs_2022 import public_key_of
from signing.keys import encrypt_private_key
from signing.multikey import encode_public_key, encode_secret_key, multibase_encode
from signing.secretscan import find_private_key_material, looks_like_private_key


def _seed(key):
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def test_pem_private_keys(private_key):
    plain = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    encrypted = encrypt_private_key(private_key, b"long enough passphrase").decode()
    assert looks_like_private_key(plain)
    assert looks_like_private_key(encrypted)
    assert looks_like_private_key("x\n-----BEGIN OPENSSH PRIVATE KEY-----\n")
    assert looks_like_private_key("-----BEGIN RSA PRIVATE KEY-----")


def test_multibase_secret_key_found_anywhere(private_key):
    secret = encode_secret_key(_seed(private_key))
    assert secret.startswith("z3u2")
    text = f"name: test\nnote: see {secret} here\n"
    assert find_private_key_material(text)[0].line == 2
    assert find_private_key_material(text)[0].kind == "multibase-secret-key"


def test_key_field_names(private_key):
    assert looks_like_private_key('{"privateKeyMultibase": "..."}')
    assert looks_like_private_key("secretKeyMultibase: abc")


def test_jwk_with_d(private_key):
    import base64

    d = base64.urlsafe_b64encode(_seed(private_key)).rstrip(b"=").decode()
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": "abc", "d": d}
    assert looks_like_private_key(json.dumps(jwk, indent=2))
    del jwk["d"]
    assert not looks_like_private_key(json.dumps(jwk, indent=2))


def test_public_material_is_not_flagged(private_key):
    raw = public_key_of(private_key)
    text = "\n".join(
        [
            f"publicKeyMultibase: {encode_public_key(raw)}",
            f"verificationMethod: did:key:{encode_public_key(raw)}",
            f"proofValue: {multibase_encode(private_key.sign(b'x'))}",
            "-----BEGIN PUBLIC KEY-----",
            "d: short",
        ]
    )
    assert not looks_like_private_key(text)


def test_vector_secret_key_flagged():
    assert looks_like_private_key("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")


def test_random_key_each_time_is_flagged():
    for _ in range(20):
        assert looks_like_private_key(encode_secret_key(_seed(Ed25519PrivateKey.generate())))

"""Ed25519 keys as Multikey (``z6Mk...``), multibase secret keys and did:key methods.

base58btc is written out here rather than taken from the ``base58`` package, which imports
``hashlib`` (for Base58Check, never used here): about 3 ms of a cold ``verify`` run.
:func:`b58decode` and :func:`b58encode` give what ``base58.b58decode`` and ``base58.b58encode``
(2.1) give for bytes (tested against them).
"""

from __future__ import annotations

from functools import lru_cache

from .ed25519_point import weak_key_reason
from .errors import KeyFormatError
from .records import record
from .sha256 import sha256_hex
from .verifier_spec import text as spec_text

ED25519_PUB_HEADER = b"\xed\x01"  # multicodec ed25519-pub (0xed), unsigned varint
ED25519_PRIV_HEADER = b"\x80\x26"  # multicodec ed25519-priv (0x1300), unsigned varint
DID_KEY_PREFIX = "did:key:"
BASE58_ALPHABET = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"  # bitcoin's, as base58btc
_BASE58_VALUES = {char: value for value, char in enumerate(BASE58_ALPHABET)}


def b58decode(data: bytes) -> bytes:
    """Decode base58btc bytes; trailing ASCII whitespace is ignored, as by ``base58.b58decode``.

    Each leading ``1`` is a zero byte; raises ``ValueError`` on a character outside the alphabet.
    """
    data = data.rstrip()
    digits = data.lstrip(b"1")
    number = 0
    for char in digits:
        value = _BASE58_VALUES.get(char)
        if value is None:
            raise ValueError(f"Invalid character {chr(char)!r}")
        number = number * 58 + value
    return b"\0" * (len(data) - len(digits)) + number.to_bytes((number.bit_length() + 7) // 8, "big")


def b58encode(data: bytes) -> bytes:
    """Encode bytes as base58btc; each leading zero byte becomes a ``1``."""
    digits = bytes(data).lstrip(b"\0")
    number = int.from_bytes(digits, "big")
    encoded = bytearray()
    while number:
        number, value = divmod(number, 58)
        encoded.append(BASE58_ALPHABET[value])
    encoded.reverse()
    return b"1" * (len(data) - len(digits)) + bytes(encoded)


def _multibase_decode(text: object, what: tuple[str, str]) -> bytes:
    if not isinstance(text, str) or not text.startswith("z") or len(text) < 2:
        raise KeyFormatError(*spec_text("key.must-be-base58btc-multibase", what_zh=what[0], what_en=what[1]))
    try:
        return b58decode(text[1:].encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise KeyFormatError(*spec_text("key.not-valid-base58btc", what_zh=what[0], what_en=what[1])) from None


def multibase_encode(data: bytes) -> str:
    """Encode bytes as multibase base58btc (prefix ``z``)."""
    return "z" + b58encode(data).decode("ascii")


def multibase_decode(text: object) -> bytes:
    """Decode multibase base58btc text (prefix ``z``); refuse any other base."""
    return _multibase_decode(text, spec_text("label.value"))


def check_public_key(raw: bytes) -> bytes:
    """Return ``raw`` if it is an acceptable 32-byte Ed25519 public key; raise otherwise."""
    if not isinstance(raw, (bytes, bytearray)) or len(raw) != 32:
        raise KeyFormatError(*spec_text("key.an-ed25519-public-key-must-be-32"))
    reason = weak_key_reason(bytes(raw))
    if reason is not None:
        raise KeyFormatError(*reason)
    return bytes(raw)


def encode_public_key(raw: bytes) -> str:
    """Return the Multikey (``z6Mk...``) of a 32-byte Ed25519 public key."""
    return multibase_encode(ED25519_PUB_HEADER + check_public_key(raw))


def decode_public_key(multikey: object) -> bytes:
    """Return the 32 raw bytes of an Ed25519 Multikey; refuse other codecs and weak keys."""
    if type(multikey) is str:
        return _decode_public_key_text(multikey)
    return _decode_public_key(multikey)


@lru_cache(maxsize=4096)  # a pure function of the text (refusals are raised, not cached): a bundle repeats keys
def _decode_public_key_text(multikey: str) -> bytes:
    return _decode_public_key(multikey)


def _decode_public_key(multikey: object) -> bytes:
    data = _multibase_decode(multikey, spec_text("label.public-key"))
    if data[:2] != ED25519_PUB_HEADER:
        raise KeyFormatError(*spec_text("key.public-key-multicodec-must-be-ed01"))
    if len(data) != 34:
        raise KeyFormatError(*spec_text("key.an-ed25519-public-key-must-be-32"))
    return check_public_key(data[2:])


def encode_secret_key(seed: bytes) -> str:
    """Return the multibase form (``z3u2...``) of a 32-byte Ed25519 secret key seed."""
    if len(seed) != 32:
        raise KeyFormatError(*spec_text("key.an-ed25519-secret-key-must-be-32"))
    return multibase_encode(ED25519_PRIV_HEADER + bytes(seed))


def decode_secret_key(text: object) -> bytes:
    """Return the 32-byte seed of a multibase Ed25519 secret key (header 0x8026)."""
    data = _multibase_decode(text, spec_text("label.secret-key"))
    if data[:2] != ED25519_PRIV_HEADER or len(data) != 34:
        raise KeyFormatError(*spec_text("key.secret-key-must-be-multicodec-8026"))
    return data[2:]


def fingerprint(raw: bytes) -> str:
    """SHA-256 hex of the raw public key, for display and comparison by people."""
    return sha256_hex(bytes(raw))


@record
class DidKeyMethod:
    """A did:key verification method ``did:key:<multikey>#<multikey>``."""

    did: str
    multikey: str
    public_key: bytes

    @property
    def id(self) -> str:
        return f"{self.did}#{self.multikey}"


def did_key_method(raw: bytes) -> DidKeyMethod:
    """Build the did:key verification method of a raw Ed25519 public key."""
    multikey = encode_public_key(raw)
    return DidKeyMethod(did=DID_KEY_PREFIX + multikey, multikey=multikey, public_key=bytes(raw))


def parse_did_key_method(url: object) -> DidKeyMethod:
    """Parse ``did:key:z6Mk...#z6Mk...``; the fragment must repeat the key exactly."""
    if not isinstance(url, str) or not url.startswith(DID_KEY_PREFIX) or url.count("#") != 1:
        raise KeyFormatError(*spec_text("key.verification-method-must-be-did-key", url=repr(url)))
    did, fragment = url.split("#")
    multikey = did[len(DID_KEY_PREFIX):]
    if fragment != multikey:
        raise KeyFormatError(
            *spec_text("key.did-key-fragment-must-be-the-same")
        )
    return DidKeyMethod(did=did, multikey=multikey, public_key=decode_public_key(multikey))

"""Exceptions of the signing package; every message is bilingual (Chinese / English)."""

from __future__ import annotations


class SigningError(Exception):
    """Base error: carries a Chinese and an English message, shown as "zh / en"."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(f"{zh} / {en}")


class StrictJSONError(SigningError):
    """Untrusted JSON text is malformed or uses a construct we refuse."""


class UnreadableJSONError(StrictJSONError):
    """No JSON document could be read at all: I/O error, size cap, BOM, bad UTF-8 or syntax.

    Its parent, :class:`StrictJSONError`, also covers readable JSON that we refuse by policy
    (duplicate keys, NaN, floats, huge integers, non-NFC strings, nesting too deep); ``verify``
    exits 66 for the former (an input error: nothing was verified) and 1 for the latter (not a
    valid certificate).
    """


class CanonicalizationError(SigningError):
    """A value cannot be canonicalized with JCS (RFC 8785)."""


class TimestampError(SigningError):
    """A timestamp is not of the form YYYY-MM-DDTHH:MM:SSZ."""


class KeyFormatError(SigningError):
    """A Multikey, did:key or raw key is malformed or refused."""


class ProofError(SigningError):
    """A Data Integrity proof cannot be created or is malformed."""


class KeyFileError(SigningError):
    """A private key file cannot be written or read."""


class TrustError(SigningError):
    """Trust metadata (root, authorizations) is malformed, unsigned, expired or rolled back."""


class StaleStatusError(TrustError):
    """A status list is genuine but has expired: revocation cannot be confirmed."""


class CredentialError(SigningError):
    """A credential cannot be built or signed; ``problems`` lists every shape problem."""

    def __init__(self, zh: str, en: str, problems: tuple = ()) -> None:
        super().__init__(zh, en)
        self.problems = problems


class LogError(SigningError):
    """A publication log, proof, checkpoint or receipt is malformed or does not verify."""

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

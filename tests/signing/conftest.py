"""Shared fixtures for the signing tests: real Ed25519 keys, no mocks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# Let test modules import the shared builders in trustfixtures.py in any pytest import mode.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def other_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()

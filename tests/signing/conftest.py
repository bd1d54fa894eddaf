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


@pytest.fixture(autouse=True)
def no_shipped_roots(tmp_path_factory, monkeypatch):
    """Tests never see the roots shipped in signing/roots/ (the lead may add real ones):
    CARBONREG_ROOTS_DIR points at an empty folder unless a test points it elsewhere."""
    folder = tmp_path_factory.mktemp("shipped-roots")
    monkeypatch.setenv("CARBONREG_ROOTS_DIR", str(folder))
    return folder

"""Shared fixtures for the generator tests: a fresh copy of the sample registry per test."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Let test modules import the shared helpers in gentestkit.py under --import-mode=importlib.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from gentestkit import copy_sample  # noqa: E402


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    """A writable copy of the shipped sample registry, at <tmp>/registry."""
    return copy_sample(tmp_path)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch) -> None:
    """Each test gets an empty cache: some tests change a rule's limits at run time, which the event
    memo (keyed by the code on disk) cannot see."""
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "carbonreg-cache"))

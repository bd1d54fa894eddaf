"""Fixtures for the offer tests: a fresh copy of the sample registry per test."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Let test modules import offerstestkit.py under --import-mode=importlib.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from offerstestkit import copy_sample  # noqa: E402


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    """A writable copy of the shipped sample registry, at <tmp>/registry."""
    return copy_sample(tmp_path)

"""Fixtures for the scaffold tests: a copy of the sample registry and schemas in a temporary folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    """<tmp>/registry and <tmp>/schemas, with <tmp> as the current directory."""
    shutil.copytree(pristine_sample(), tmp_path / "registry")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    monkeypatch.chdir(tmp_path)
    return tmp_path

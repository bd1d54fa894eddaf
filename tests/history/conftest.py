"""Fixtures for the history tests (helpers in history_gitkit.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Let test modules import history_gitkit under --import-mode=importlib.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from history_gitkit import GitRepo, make_repo  # noqa: E402


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> GitRepo:
    """A git repository holding the sample registry on ``main``, with branch ``pr`` checked out;
    the current directory is its root, so findings show ``registry/...`` paths."""
    r = make_repo(tmp_path / "repo")
    monkeypatch.chdir(r.root)
    return r

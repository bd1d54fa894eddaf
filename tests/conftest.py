"""Settings for the whole test session.

Tests never touch the user's cache: the session gets its own empty ``$CARBONREG_CACHE`` (tests that
need a cache of their own still set one per test), so a test run neither reads results remembered by
an earlier run of other code nor leaves anything in ``~/.cache/carbonreg``.
"""
from __future__ import annotations

import os
import tempfile

import pytest


@pytest.fixture(scope="session", autouse=True)
def _session_cache():
    saved = os.environ.get("CARBONREG_CACHE")
    with tempfile.TemporaryDirectory(prefix="carbonreg-test-cache-") as folder:
        os.environ["CARBONREG_CACHE"] = folder
        try:
            yield folder
        finally:
            if saved is None:
                os.environ.pop("CARBONREG_CACHE", None)
            else:
                os.environ["CARBONREG_CACHE"] = saved

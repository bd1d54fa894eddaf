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



# The test kits import samplekit.py (the sample registry as test data). It is loaded by its path:
# putting tests/ on sys.path would let tests/generator and tests/signing shadow the packages.
import importlib.util  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

if "samplekit" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("samplekit", Path(__file__).with_name("samplekit.py"))
    sys.modules["samplekit"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["samplekit"])


def pytest_report_header(config):
    from samplekit import REPO, extra_events

    extra = extra_events(REPO / "registry")
    if extra:
        return [f"registry/ has events that are not the sample's, left out of every test: {', '.join(extra)}"]
    return []

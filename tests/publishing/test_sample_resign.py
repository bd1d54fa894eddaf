"""The sample stays verifiable (issue 15): the main job (``make``) re-signs a copy's status list with
the public demo status key, so a site built after the committed list expired still verifies, while
the committed files, untouched, are stale then. Dates are pinned: a day in 2027, after the expiry."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from samplekit import SAMPLE

REPO = Path(__file__).resolve().parents[2]
LATER = "2027-03-10"
BUNDLE = "events/2025-pujiang-city-marathon/declaration.json"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CARBONREG_PASSPHRASE": "carbonreg-demo-only", "SOURCE_DATE_EPOCH": "1804636800"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_the_makefile_re_signs_a_copy_with_the_demo_status_key():
    recipe = (REPO / "Makefile").read_text(encoding="utf-8")
    sign = re.search(r"carbonreg status sign --registry \$\(SAMPLE_COPY\)/registry \\\n\s+--key demo-keys/status\.pem --days 7", recipe)
    assert sign, "make's site job re-signs the copy's status list with the demo key"
    assert "cp -R registry $(SAMPLE_COPY)/registry" in recipe and "--registry registry --out ../_site" in recipe


def test_a_re_signed_copy_verifies_after_the_committed_list_expired(tmp_path):
    copy = tmp_path / "registry"
    shutil.copytree(SAMPLE, copy)
    signed = run("-m", "generator.cli", "status", "sign", "--registry", str(copy), "--key", str(REPO / "demo-keys/status.pem"),
                 "--days", "7", "--at", f"{LATER}T00:00:00Z", "--today", LATER, cwd=tmp_path)
    assert signed.returncode == 0, signed.stderr
    built = run("-m", "generator.cli", "build", "--registry", str(copy), "--out", str(tmp_path / "_site"), "--today", LATER,
                "--no-search", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    at = f"{LATER}T12:00:00Z"
    fresh = run("-m", "signing.cli", str(tmp_path / "_site" / BUNDLE), "--at", at, cwd=REPO)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    # the committed sample, as signed, is stale by then: what a new user saw before this change
    committed = tmp_path / "committed"
    shutil.copytree(SAMPLE, committed)
    built = run("-m", "generator.cli", "build", "--registry", str(committed), "--out", str(tmp_path / "_old"), "--today", LATER,
                "--no-search", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    stale = run("-m", "signing.cli", str(tmp_path / "_old" / BUNDLE), "--at", at, cwd=REPO)
    assert stale.returncode == 2, stale.stdout + stale.stderr

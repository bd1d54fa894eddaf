"""`carbonreg serve` previews the site on localhost and rebuilds it when a registry file changes."""
from __future__ import annotations
from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SAMPLE = pristine_sample()
PLAN = "events/2026/2026-riverside-light-art-festival/plan.yaml"  # unsigned: may be edited


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_on_change(tmp_path):
    registry = tmp_path / "registry"
    shutil.copytree(SAMPLE, registry)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--registry", str(registry),
                             "--out", str(tmp_path / "_site"), "--port", str(port), "--today", "2026-11-24"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
    page = f"http://127.0.0.1:{port}/en/events/2026-riverside-light-art-festival/"
    try:
        assert _wait_for(lambda: _get(page) is not None, 180), "the preview never came up"
        assert "2026 Riverside Light Art Festival" in _get(page)
        plan = registry / PLAN
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            "en: 2026 Riverside Light Art Festival", "en: 2026 Riverside Lantern Festival"), encoding="utf-8")
        assert _wait_for(lambda: "2026 Riverside Lantern Festival" in (_get(page) or ""), 180), "no rebuild seen"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()

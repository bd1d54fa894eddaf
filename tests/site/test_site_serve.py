"""`carbonreg serve` previews the site on localhost and rebuilds it when a registry file changes."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

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


@contextmanager
def _serving(tmp_path: Path):
    """`carbonreg serve` on a copy of the sample at a free port; yields (registry, base URL); stopped
    with Ctrl-C (SIGINT) at the end."""
    registry = tmp_path / "registry"
    shutil.copytree(SAMPLE, registry)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--registry", str(registry),
                             "--out", str(tmp_path / "_site"), "--port", str(port), "--today", "2026-11-24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ})
    try:
        yield registry, f"http://127.0.0.1:{port}/"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_serve_rebuilds_on_change(tmp_path):
    with _serving(tmp_path) as (registry, base):
        page = base + "en/events/2026-riverside-light-art-festival/"
        assert _wait_for(lambda: _get(page) is not None, 180), "the preview never came up"
        assert "2026 Riverside Light Art Festival" in _get(page)
        plan = registry / PLAN
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            "en: 2026 Riverside Light Art Festival", "en: 2026 Riverside Lantern Festival"), encoding="utf-8")
        assert _wait_for(lambda: "2026 Riverside Lantern Festival" in (_get(page) or ""), 180), "no rebuild seen"


def test_a_busy_port_is_named_before_anything_is_built(tmp_path):
    registry = tmp_path / "registry"
    shutil.copytree(SAMPLE, registry)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        start = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "--registry", str(registry),
                               "--out", str(tmp_path / "_site"), "--port", str(port), "--today", "2026-11-24"],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert f"端口 {port} 已被占用" in proc.stderr and f"port {port} is busy" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "_site").exists()   # nothing was built
    assert time.monotonic() - start < 60


def test_errors_show_on_every_page_until_fixed(tmp_path):
    with _serving(tmp_path) as (registry, base):
        page, home = base + "en/events/2026-riverside-light-art-festival/", base
        assert _wait_for(lambda: _get(page) is not None, 180), "the preview never came up"
        assert "carbonreg-serve-errors" not in _get(page)
        plan = registry / PLAN
        good = plan.read_text(encoding="utf-8")
        plan.write_text(good.replace("kind: performance", "kind: <script>bad</script>"), encoding="utf-8")
        assert _wait_for(lambda: "carbonreg-serve-errors" in (_get(page) or ""), 180), "no banner after an error"
        for url in (page, home):
            text = _get(url)
            assert "the registry has 1 errors" in text and "登记库有 1 个错误" in text
            assert "plan.yaml" in text and "<script>bad" not in text   # the finding, escaped
        assert "2026 Riverside Light Art Festival" in _get(page)      # still the last good site
        plan.write_text(good, encoding="utf-8")
        assert _wait_for(lambda: "carbonreg-serve-errors" not in (_get(page) or "carbonreg-serve-errors"), 180)

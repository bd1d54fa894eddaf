"""Progress shows on a terminal only: a real pseudo-terminal gets it, a pipe never does."""
from __future__ import annotations

import os
import pty
import subprocess
import sys

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

SAMPLE = pristine_sample()
CMD = [sys.executable, "-m", "generator.cli", "check", str(SAMPLE), "--today", "2026-11-24"]


def test_progress_on_a_terminal():
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(CMD, stdout=subprocess.DEVNULL, stderr=secondary, stdin=subprocess.DEVNULL)
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    proc.wait()
    os.close(primary)
    assert proc.returncode == 0
    assert "检查 / checking [".encode() in output and b"7/7" in output


def test_no_progress_in_a_pipe():
    proc = subprocess.run(CMD, capture_output=True, text=True)
    assert proc.returncode == 0
    assert "loading [" not in proc.stderr and "loading [" not in proc.stdout

"""A FIFO, device or socket anywhere in the registry is a located error (L303) and is never opened:
reading a FIFO blocks until a writer comes, which hung the check (issue 16)."""
from __future__ import annotations

import hashlib
import os
import signal
import socket
import time

import pytest
from gentestkit import FESTIVAL, run, shown, with_code


@pytest.fixture
def alarm():
    """Turn a hang into a failure: the check must end long before 20 s."""
    def on_alarm(*_):
        raise TimeoutError("the check hung")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_fifo_at_the_root_is_a_located_error_in_under_2_s(reg, alarm):
    run(reg)  # warm the cache, as a registry checked before
    os.mkfifo(reg / "notes.txt")
    start = time.monotonic()
    result = run(reg)
    elapsed = time.monotonic() - start
    (hit,) = with_code(result, "L303")
    assert hit.location.path == shown("notes.txt") and "FIFO" in hit.en and "命名管道" in hit.zh
    assert result.failed() and elapsed < 2.0, elapsed


def test_fifo_socket_in_event_folders_and_as_an_attachment(reg, alarm, tmp_path):
    event = reg / FESTIVAL
    os.mkfifo(event / "attachments" / "pipe.pdf")
    os.mkfifo(event / "stray")
    sock_path = event / "attachments" / "s.sock"
    if len(str(sock_path)) < 100:  # AF_UNIX paths are short
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(sock_path))
    report = event / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + (
        f"  - path: attachments/pipe.pdf\n    sha256: {hashlib.sha256(b'').hexdigest()}\n    title: {{zh: 管道, en: Pipe}}\n"),
        encoding="utf-8")
    result = run(reg)
    special = {f.location.path for f in with_code(result, "L303")}
    assert {shown(f"{FESTIVAL}/attachments/pipe.pdf"), shown(f"{FESTIVAL}/stray")} <= special
    if sock_path.exists():
        assert shown(f"{FESTIVAL}/attachments/s.sock") in special
    refused = [f for f in with_code(result, "R601") if "FIFO" in f.en]
    assert len(refused) == 1 and refused[0].location.path.endswith("report.yaml")


def test_safe_reading_refuses_special_files_and_large_files(tmp_path):
    from generator.loading.safefile import NotRegularFile, TooLarge, read_regular

    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path / "fifo", 10)
    with pytest.raises(NotRegularFile):
        read_regular("/dev/zero", 10)  # a character device: endless
    (tmp_path / "big").write_bytes(b"x" * 11)
    with pytest.raises(TooLarge):
        read_regular(tmp_path / "big", 10)
    assert read_regular(tmp_path / "big", 11) == b"x" * 11

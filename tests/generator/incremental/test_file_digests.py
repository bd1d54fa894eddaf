"""One file digest for every rule and for publishing (issue 18): a same-size edit that keeps the
modification time (an edit within one clock tick, or a tool that restores times) is seen."""
from __future__ import annotations

import hashlib
import os

from generator.incremental.fileids import Digests


def test_same_size_edit_with_the_same_mtime_is_seen(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"AAAA")
    st = os.stat(path)
    digests = Digests()
    assert digests.sha256(path) == hashlib.sha256(b"AAAA").hexdigest()
    path.write_bytes(b"BBBB")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same modification time
    assert digests.sha256(path) == hashlib.sha256(b"BBBB").hexdigest()


def test_old_files_are_remembered_and_changed_ones_read_again(tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes(b"x,y\n")
    os.utime(path, (1_700_000_000, 1_700_000_000))  # long ago; ctime is now, so it is still racy
    digests = Digests()
    first = digests.sha256(path)
    assert first == hashlib.sha256(b"x,y\n").hexdigest()
    path.write_bytes(b"x,z\n")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert digests.sha256(path) == hashlib.sha256(b"x,z\n").hexdigest()

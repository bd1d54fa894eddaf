"""The atomic writer gives a user's file the permissions any editor would (mkstemp's 0600 made files
that `carbonreg init`, `new`, `certify` and `import` wrote unreadable to the rest of a team sharing a
checkout and to a web server serving it), and a replaced file keeps its own."""
from __future__ import annotations

import os
import stat

import pytest

from generator.publishing.files import WriteRefused, write_atomic


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_file_gets_the_umask_mode(tmp_path, umask_022):
    path = write_atomic(tmp_path / "plan.yaml", b"x: 1\n", replace=False)
    assert _mode(path) == 0o644
    os.umask(0o027)
    assert _mode(write_atomic(tmp_path / "other.yaml", b"x: 1\n", replace=False)) == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    path = tmp_path / "certificate.json"
    path.write_bytes(b"{}")
    path.chmod(0o640)
    write_atomic(path, b'{"a": 1}', replace=True)
    assert path.read_bytes() == b'{"a": 1}' and _mode(path) == 0o640


def test_an_existing_file_is_never_overwritten_and_no_temporary_is_left(tmp_path, umask_022):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"mine")
    with pytest.raises(WriteRefused):
        write_atomic(path, b"theirs", replace=False)
    assert path.read_bytes() == b"mine" and sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]

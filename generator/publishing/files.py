"""Atomic file writes and strict JSON reads for registry documents."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from generator.errors import CarbonregError
from generator.model.bundles import dump_json  # noqa: F401 - the JSON text of signed files, re-exported for publishing


class WriteRefused(CarbonregError):
    pass


def write_atomic(path: Path, data: bytes, *, replace: bool) -> Path:
    """Write via a temporary file and a rename. With ``replace=False`` an existing file is never
    touched (the link into place fails instead), so no user file is ever overwritten silently."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not replace and path.exists():
        raise WriteRefused(f"文件已存在，拒绝覆盖：{path}", f"file exists, refusing to overwrite: {path}")
    mode = _mode_for(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, mode)  # mkstemp makes 0600; a user's file gets the mode any editor would give it
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if replace:
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)
            except FileExistsError:
                raise WriteRefused(f"文件已存在，拒绝覆盖：{path}", f"file exists, refusing to overwrite: {path}") from None
    finally:
        Path(temp).unlink(missing_ok=True)
    return path


def _mode_for(path: Path) -> int:
    """The permission bits of the file being replaced, or those the umask gives a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)  # reading the umask means setting it: put it back at once
        os.umask(umask)
        return 0o666 & ~umask


def read_json(path: Path, max_bytes: int | None = None) -> Any:
    from signing.strictjson import load_path

    return load_path(path, **({"max_bytes": max_bytes} if max_bytes else {}))

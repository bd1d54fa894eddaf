"""Reading a registry file safely: regular files only, never a FIFO, device or socket, and never
more than a size limit.

A FIFO opened for reading blocks until a writer comes, and a device can be endless: a registry is
untrusted, so every file is stat-ed without following links, opened without blocking and without
following links, checked again on the open handle, and read only up to its limit."""
from __future__ import annotations

import os
import stat as statmod
from pathlib import Path

_SPECIAL = ((statmod.S_ISFIFO, "FIFO", "命名管道（FIFO）"), (statmod.S_ISCHR, "character device", "字符设备"),
            (statmod.S_ISBLK, "block device", "块设备"), (statmod.S_ISSOCK, "socket", "套接字"))


class NotRegularFile(OSError):
    """The path is a FIFO, device or socket (or anything but a regular file)."""

    def __init__(self, path, kind_en: str, kind_zh: str):
        super().__init__(f"{path} is a {kind_en}, not a regular file")
        self.kind_en, self.kind_zh = kind_en, kind_zh


class TooLarge(OSError):
    def __init__(self, path, size: int, limit: int):
        super().__init__(f"{path} has {size} bytes, over the {limit}-byte limit")
        self.size, self.limit = size, limit


def special_kind(mode: int) -> tuple[str, str] | None:
    """(en, zh) name of a special file type (FIFO, device, socket), or None for files, folders and links."""
    for test, en, zh in _SPECIAL:
        if test(mode):
            return en, zh
    return None


def open_regular(path: str | Path) -> int:
    """A read-only descriptor of the regular file ``path``; NotRegularFile for anything else.
    Never blocks on a FIFO and never follows a symbolic link at the last step."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    st = os.fstat(fd)
    if not statmod.S_ISREG(st.st_mode):
        os.close(fd)
        en, zh = special_kind(st.st_mode) or ("special file", "特殊文件")
        raise NotRegularFile(path, en, zh)
    return fd


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused (TooLarge) above ``limit`` bytes before any is read."""
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise TooLarge(path, size, limit)
        data = handle.read(limit + 1)
    if len(data) > limit:  # grew since the stat
        raise TooLarge(path, len(data), limit)
    return data

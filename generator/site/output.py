"""Write a site atomically: each build goes into a fresh folder, then one atomic swap publishes it.

``out`` is a plain folder (``cp -r`` and ``tar`` copy it as it is). A build writes into
``.<out>.builds/<build>`` beside it; publishing swaps the two folders in one system call, Linux's
``renameat2(RENAME_EXCHANGE)`` (called through ctypes), so a build killed at any moment leaves the
previous site whole, and the next build starts clean (half-written build folders and the swapped-out
old site are removed then).

Fallback, where the exchange is not available (not Linux, glibc older than 2.28, or a file system
that refuses it): two renames, the old site aside to ``.<out>.builds/parked-<build>`` then the new
one to ``out``. A kill between the two leaves no ``out`` for an instant; the next build (or
``carbonreg serve``) puts the parked site back first. An ``out`` that is a symbolic link (the layout
of carbonreg before 0.2) is replaced by the folder in the same way.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.errors import CarbonregError

MARKER = ".carbonreg-site"
TRASH = ".trash"
PARKED = "parked-"
_RENAME_EXCHANGE = 2   # linux/fs.h
_AT_FDCWD = -100


class OutputError(CarbonregError):
    exit_code = 2


class Staging:
    """A build folder that pages are written into as they are rendered (nothing is held in memory),
    published by :meth:`publish` in one atomic swap, or discarded."""

    def __init__(self, out: Path):
        self.out = Path(os.path.abspath(out))
        if self.out.exists() and not self.out.is_symlink():
            if any(self.out.iterdir()) and not (self.out / MARKER).is_file():
                raise OutputError(f"{self.out} 已存在且不是 carbonreg 生成的网站；请换一个输出目录或先移走它",
                                  f"{self.out} exists and is not a site carbonreg built; choose another --out or move it away")
        self.builds = self.out.parent / f".{self.out.name}.builds"
        self.builds.mkdir(parents=True, exist_ok=True)
        restore_parked(self.out, self.builds)
        self.target = self.builds / f"{time.time_ns()}-{os.getpid()}"
        self.target.mkdir()
        self.files = 0
        self.bytes = 0
        # The site published now, whose unchanged files a build may link (see generator/site/units.py).
        self.previous = _published(self.out, self.builds)

    def count(self, files: int, size: int) -> None:
        """Files written into the folder by others (the per-event units)."""
        self.files += files
        self.bytes += size

    def add(self, rel: str, data) -> None:
        """Write ``data`` (bytes, or an iterable of bytes for a large file) at ``rel``."""
        path = self.target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            self.files += 1
        with open(path, "wb") as out:
            for chunk in (data,) if isinstance(data, bytes) else data:
                out.write(chunk)
                self.bytes += len(chunk)

    def add_all(self, *sources) -> None:
        for source in sources:
            for rel, data in source:
                self.add(rel, data)

    def publish(self) -> Path:
        """Publish the staged site atomically; if anything fails, nothing is published."""
        try:
            (self.target / MARKER).write_text("carbonreg\n", encoding="utf-8")
            _fsync_tree(self.target)
            _publish(self.out, self.target)
        except BaseException:
            self.discard()
            raise
        _prune(self.builds)
        return self.out

    def discard(self) -> None:
        shutil.rmtree(self.target, ignore_errors=True)


def _published(out: Path, builds: Path) -> Path | None:
    """The folder holding the published site, or None."""
    if out.is_symlink():  # the layout before 0.2: a link into the builds folder
        current = out.resolve()
        return current if current.parent == builds.resolve() and current.is_dir() else None
    return out if (out / MARKER).is_file() else None


def restore_parked(out: Path, builds: Path) -> None:
    """After a kill between the fallback's two renames: put the parked site back at ``out``."""
    if out.exists() or out.is_symlink() or not builds.is_dir():
        return
    parked = sorted(p for p in builds.iterdir() if p.name.startswith(PARKED) and (p / MARKER).is_file())
    if parked:
        os.rename(parked[-1], out)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False where the
    system or the file system cannot, so the caller falls back. Any other failure is raised."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # glibc < 2.28, or another C library without it
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _publish(out: Path, target: Path, swap=exchange) -> None:
    """Make ``target`` the folder at ``out``; the old site (or old link) ends up at ``target``'s path."""
    if not out.exists() and not out.is_symlink():
        os.rename(target, out)
        return
    if swap(target, out):
        if target.is_symlink():
            target.unlink()
        return
    parked = target.parent / f"{PARKED}{target.name}"
    os.replace(out, parked)        # a kill here leaves no out: restore_parked() puts it back
    os.replace(target, out)


def _prune(builds: Path) -> None:
    """Remove the old site (swapped out to the build's own path), and half-written builds of runs
    that were killed. They are renamed into ``.trash`` at once and deleted by a detached process, so
    the build does not wait for thousands of files to be unlinked; whatever a deletion leaves is
    removed by the next build."""
    others = [p for p in builds.iterdir() if p.name != TRASH and (p.is_dir() or p.is_symlink())]
    trash = builds / TRASH
    trash.mkdir(exist_ok=True)
    for path in others:
        try:
            os.replace(path, trash / path.name)
        except OSError:
            shutil.rmtree(path, ignore_errors=True)
    if any(trash.iterdir()):
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)


def _fsync_tree(root: Path) -> None:
    """Everything written reaches the disk before the swap publishes it (one sync, not one per file)."""
    os.sync()

"""Write a site atomically: each build goes into a fresh folder, then one symlink swap publishes it.

``out`` is a symbolic link to ``.<out>.builds/<build>``. Replacing a symlink with ``os.replace`` is
atomic, so a build killed at any moment leaves the previous site in place, and the next build
starts clean (half-written build folders are removed then)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

MARKER = ".carbonreg-site"
TRASH = ".trash"


class OutputError(Exception):
    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


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
        self.target = self.builds / f"{time.time_ns()}-{os.getpid()}"
        self.target.mkdir()
        self.files = 0
        self.bytes = 0
        current = self.out.resolve() if self.out.is_symlink() else None
        # The site published now, whose unchanged files a build may link (see generator/site/units.py).
        self.previous = current if current is not None and current.parent == self.builds.resolve() \
            and current.is_dir() else None

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

    def publish(self, before_publish=None) -> Path:
        """``before_publish(folder)`` may add files (e.g. a search index); if it fails, nothing is published."""
        try:
            if before_publish is not None:
                before_publish(self.target)
            (self.target / MARKER).write_text("carbonreg\n", encoding="utf-8")
            _fsync_tree(self.target)
            _publish(self.out, self.target)
        except BaseException:
            self.discard()
            raise
        _prune(self.builds, keep=self.target)
        return self.target

    def discard(self) -> None:
        shutil.rmtree(self.target, ignore_errors=True)


def write_site(out: Path, files: dict[str, bytes], before_publish=None) -> Path:
    """Publish exactly ``files`` at ``out``; returns the build folder. Never deletes a user's folder."""
    staging = Staging(out)
    try:
        staging.add_all(sorted(files.items()))
    except BaseException:
        staging.discard()
        raise
    return staging.publish(before_publish)


def _publish(out: Path, target: Path) -> None:
    link = out.parent / f".{out.name}.link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(os.path.relpath(target, out.parent), link)
    if out.exists() and not out.is_symlink():
        # A plain folder from an older layout that we built (checked above): move it aside once.
        shutil.rmtree(out) if not any(out.iterdir()) else os.replace(out, target.parent / f"legacy-{target.name}")
    os.replace(link, out)


def _prune(builds: Path, keep: Path) -> None:
    """Remove old and half-written builds, keeping the new one and the one published before it.

    They are renamed into ``.trash`` at once (nothing can publish them any more) and deleted by a
    detached process, so the build does not wait for thousands of files to be unlinked; whatever a
    deletion leaves is removed by the next build."""
    others = sorted((p for p in builds.iterdir() if p.is_dir() and p != keep and p.name != TRASH),
                    key=lambda p: p.stat().st_mtime_ns)
    trash = builds / TRASH
    trash.mkdir(exist_ok=True)
    for path in others[:-1]:
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

"""Content ids of files: the SHA-256 of their bytes, read again only when a file's stat changed.

Like git's index, a file whose size, modification time, inode and change time all match the stat
cache keeps its recorded digest; anything else is read and hashed. A symbolic link's id is its
target (links are never followed)."""
from __future__ import annotations

import hashlib
import os
import stat as statmod
import time
from pathlib import Path

from generator.incremental.store import Store
from generator.loading.safefile import open_regular, special_kind

# A file changed in the same clock tick as it was hashed could keep its stat signature (git's
# "racily clean" problem): digests of files changed in the last two seconds are not remembered.
RACY_NS = 2_000_000_000


def _signature(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}"


def sha256_of(path) -> str:
    """SHA-256 of a regular file's bytes, read in 1 MB pieces (a FIFO, device or socket raises
    ``NotRegularFile`` and is never read)."""
    digest = hashlib.sha256()
    with os.fdopen(open_regular(path), "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class Digests:
    """SHA-256 of files for one run (``Caches.digests``), each read once per file version: a digest is reused only
    while the file's size, modification time, inode and change time are unchanged, and never
    remembered for a file changed in the last two seconds (``RACY_NS``)."""

    def __init__(self):
        self._known: dict[str, tuple[str, str]] = {}

    def sha256(self, path) -> str:
        st = os.stat(path, follow_symlinks=False)
        key, sig = os.fspath(path), _signature(st)
        hit = self._known.get(key)
        if hit is not None and hit[0] == sig:
            return hit[1]
        sha = sha256_of(path)
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS:
            self._known[key] = (sig, sha)
        return sha


def digests_of(path, size: int) -> tuple[str, str | None]:
    """(SHA-256, git blob id) of a file's bytes from one read; the blob id is None when the file did
    not hold ``size`` bytes (it changed while it was read)."""
    digest, blob = hashlib.sha256(), hashlib.sha1(b"blob %d\0" % size)
    read = 0
    with os.fdopen(open_regular(path), "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            blob.update(chunk)
            read += len(chunk)
    return digest.hexdigest(), blob.hexdigest() if read == size else None


class FileIds:
    """Ids of every file under a registry root, in one pass, with the stat cache of ``store``."""

    def __init__(self, root: Path, store: Store):
        self.given = os.path.abspath(root)  # as the caller names it (it may pass through a symlink)
        self.root = os.path.realpath(root)  # the stat cache is kept by real path
        self.store = store
        self.known = store.file_table(self.root + os.sep)
        self.changed: list[tuple[str, str, str]] = []
        self.blobs: list[tuple[str, str]] = []  # (git blob id, SHA-256) of files hashed here
        self.read: list[str] = []  # the files read and hashed (the others' ids came from a cache)

    def tree(self, top: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        """(path relative to ``top``, id) of every file below ``top`` (the root or a folder in it, as
        the caller names it), sorted; folders named in ``skip`` (relative to ``top``) are left out."""
        top = os.path.abspath(top)
        if top == self.given or top.startswith(self.given + os.sep):
            top = self.root + top[len(self.given):]
        out: list[tuple[str, str]] = []
        self._scan(top, "", skip, out)
        out.sort()
        return out

    def _scan(self, folder: str, rel: str, skip: frozenset[str], out: list) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            out.append((rel, f"unreadable:{exc.errno}"))
            return
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_dir(follow_symlinks=False):
                if name not in skip and entry.name != ".git":
                    self._scan(entry.path, name, skip, out)
                continue
            out.append((name, self.file_id(entry.path, self.known.get(entry.path))))

    def file_id(self, path: str, hit: tuple[str, str] | None) -> str:
        """The id of the file at ``path`` (not followed), from ``hit`` (its stat cache row) while its
        stat signature matches, else read and hashed."""
        try:
            st = os.lstat(path)
            if statmod.S_ISLNK(st.st_mode):
                return "symlink:" + os.readlink(path)
            special = special_kind(st.st_mode)
            if special is not None:  # never opened: a FIFO would block the check for ever
                return f"special:{special[0]}"
            sig = _signature(st)
            if hit is not None and hit[0] == sig:
                return hit[1]
            self.read.append(path)
            sha, blob = digests_of(path, st.st_size)
        except OSError as exc:
            return f"unreadable:{exc.errno}"
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS:
            self.changed.append((path, sig, sha))  # a racily recent file is hashed every time
        if blob is not None:
            self.blobs.append((blob, sha))
        return sha

    def save(self) -> None:
        self.store.put_files(self.changed)
        self.store.put_blobs(self.blobs)
        self.changed, self.blobs = [], []

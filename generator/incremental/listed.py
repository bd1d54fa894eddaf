"""File ids from a listing git already holds (``check --base``): no stat of unchanged files.

The caller (``generator.history``) lists every file below the registry from git's index: a tracked
file whose work tree content git's own stat check found equal to its index blob comes with that
blob id, anything else (changed, untracked or ignored, a symbolic link, a flagged entry) with None.
A blob id names content, so its SHA-256 is read from the store's blob table, filled by every earlier
hash of the same bytes; only files without a known blob are read (through the stat cache, as
:class:`FileIds` does). The ids, and so every memo key, are the same as a full scan's: a test holds
them equal on real repositories."""
from __future__ import annotations

import bisect
import os
import stat as statmod
from dataclasses import dataclass
from pathlib import Path

from generator.incremental.fileids import FileIds, digests_of
from generator.incremental.store import Store


@dataclass(frozen=True)
class Listing:
    """Every file below the registry root, as git lists it (paths relative to the root, posix)."""

    files: dict[str, str | None]  # path -> index blob id, or None: read the file
    folders: tuple[str, ...] = ()  # untracked folders git does not list file by file: scanned


class ListedFileIds(FileIds):
    def __init__(self, root: Path, store: Store, listing: Listing):
        self.given = os.path.abspath(root)
        self.root = os.path.realpath(root)
        self.store = store
        self.known = {}  # stat cache rows, fetched only for the files that are read
        self.changed, self.blobs, self.read = [], [], []
        self.listing = listing
        self.paths = sorted(listing.files)
        self.sha_of_blob = store.blob_rows(sorted({b for b in listing.files.values() if b}))
        unknown = [p for p in self.paths if self.sha_of_blob.get(listing.files[p] or "") is None]
        self.known = store.file_rows([os.path.join(self.root, p) for p in unknown])

    def tree(self, top: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        rel = os.path.relpath(os.path.abspath(top), self.given)
        if rel.startswith(".."):
            return super().tree(top, skip)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        if any(prefix.startswith(folder + "/") for folder in self.listing.folders):
            return super().tree(top, skip)  # inside a folder git does not list
        out: list[tuple[str, str]] = []
        paths = self.paths
        # The skipped folders are ranges of the sorted paths ("/" sorts just before "0"): jump over them.
        jumps: dict[int, int] = {}
        for folder in skip:
            start = bisect.bisect_left(paths, f"{prefix}{folder}/")
            jumps[start] = max(jumps.get(start, start), bisect.bisect_left(paths, f"{prefix}{folder}0"))
        i = bisect.bisect_left(paths, prefix)
        while i < len(paths) and paths[i].startswith(prefix):
            if i in jumps and jumps[i] > i:
                i = jumps[i]
                continue
            path = paths[i]
            i += 1
            name = path[len(prefix):]  # git lists no .git folder
            file_id = self._listed_id(path)
            if file_id is not None:
                out.append((name, file_id))
        for folder in self.listing.folders:
            if folder.startswith(prefix) and not any(f"{folder[len(prefix):]}/".startswith(f"{s}/") for s in skip):
                self._scan(os.path.join(self.root, folder), folder[len(prefix):], skip, out)
        out.sort()
        return out

    def _listed_id(self, path: str) -> str | None:
        """The file's id; None when it is no file at all now (deleted, or a folder: its files are listed)."""
        blob = self.listing.files[path]
        sha = self.sha_of_blob.get(blob) if blob else None
        if sha is not None:
            return sha
        full = os.path.join(self.root, path)
        if not os.path.lexists(full) or (os.path.isdir(full) and not os.path.islink(full)):
            return None
        if blob is None:
            return self.file_id(full, self.known.get(full))
        try:  # a blob never hashed here: read it once, and remember its SHA-256 if git named these bytes
            st = os.lstat(full)
            if not statmod.S_ISREG(st.st_mode):
                return self.file_id(full, None)
            self.read.append(full)
            sha, read_blob = digests_of(full, st.st_size)
        except OSError as exc:
            return f"unreadable:{exc.errno}"
        if read_blob == blob:
            self.sha_of_blob[blob] = sha
            self.blobs.append((blob, sha))
        return sha


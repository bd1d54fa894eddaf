"""Every cache a run uses, in one value passed explicitly (rules, loaders, units, QR codes).

The environment is read once, where a command starts (:meth:`Caches.from_environment`):
``$CARBONREG_CACHE`` (``off`` disables the caches on disk), else ``$XDG_CACHE_HOME/carbonreg`` or
``~/.cache/carbonreg``. Library functions take a ``Caches``; those that are also entry points (a
check, a build) read the environment through this function when they are given none."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.incremental.fileids import Digests
from generator.loading.cache import DerivedCache, RecordCache


@dataclass(frozen=True, eq=False)
class Caches:
    folder: Path | None  # the caches on disk (records, derived results, memos); None: none kept
    digests: Digests = field(default_factory=Digests)  # file SHA-256s of this run, in memory

    @classmethod
    def from_environment(cls, environ=None) -> Caches:
        env = os.environ if environ is None else environ
        setting = env.get("CARBONREG_CACHE")
        if setting == "off":
            return cls(None)
        if setting:
            return cls(Path(setting))
        base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return cls(Path(base) / "carbonreg")

    def records(self) -> RecordCache:
        """Loaded and schema-checked files, by content."""
        return RecordCache(self.folder)

    def derived(self, namespace: str) -> DerivedCache:
        """Results computed from bytes (a secret scan, a verdict, a QR code), by content."""
        return DerivedCache(self.folder, namespace)

    def sha256(self, path) -> str:
        """A regular file's SHA-256, read again only when its stat changed (racily-clean guard:
        :class:`generator.incremental.fileids.Digests`)."""
        return self.digests.sha256(path)

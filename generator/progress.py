"""Progress on long checks and builds, only when stderr is a terminal (never in logs or pipes)."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._last = 0.0

    def tick(self, done: int, total: int, what: str) -> None:
        """``what done/total``, redrawn at most ten times a second, and once at the end."""
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 24
        filled = width * done // max(total, 1)
        self.stream.write(f"\r{what} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()

    def stage(self, name: str) -> None:
        if self.enabled:
            self.stream.write(f"\r… {name}\033[K")
            self.stream.flush()


QUIET = Progress(enabled=False)

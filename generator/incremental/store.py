"""One SQLite file in the cache folder holds the stat cache of file ids and the event memo.

SQLite gives atomic, concurrent-safe updates in one file (thousands of small entries as separate
files cost more to open than to compute). Every value is content-addressed: a row whose checksum
does not match its value is dropped and recomputed, never trusted; a database that cannot be opened
(corrupted, read-only, locked) only costs time."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any, Sequence

FORMAT = "carbonreg-state/1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stat TEXT NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, value TEXT NOT NULL, checksum TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (blob TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
"""


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    def __init__(self, folder: Path | None):
        self.db: sqlite3.Connection | None = None
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(folder / "state.sqlite", timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            self.db = db
        except sqlite3.Error:
            self.db = None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    # -- stat cache: path -> (stat signature, sha256) ------------------------------------------
    def file_table(self, prefix: str) -> dict[str, tuple[str, str]]:
        if self.db is None:
            return {}
        try:
            rows = self.db.execute("SELECT path, stat, sha256 FROM files WHERE path >= ? AND path < ?",
                                   (prefix, prefix + "\U0010ffff"))
            return {path: (stat, sha) for path, stat, sha in rows}
        except sqlite3.Error:
            return {}

    def put_files(self, rows: list[tuple[str, str, str]]) -> None:
        self._write("INSERT OR REPLACE INTO files (path, stat, sha256) VALUES (?, ?, ?)", rows)

    def file_rows(self, paths: list[str]) -> dict[str, tuple[str, str]]:
        """The stat cache rows of ``paths`` only."""
        return {path: (stat, sha) for path, stat, sha in self._select("SELECT path, stat, sha256 FROM files WHERE path IN ({})", paths)}

    # -- git blob id -> SHA-256 of the same bytes (both computed from one read) ----------------
    def blob_rows(self, blobs: list[str]) -> dict[str, str]:
        return dict(self._select("SELECT blob, sha256 FROM blobs WHERE blob IN ({})", blobs))

    def put_blobs(self, rows: list[tuple[str, str]]) -> None:
        self._write("INSERT OR REPLACE INTO blobs (blob, sha256) VALUES (?, ?)", rows)

    def _select(self, sql: str, keys: list[str]) -> list[tuple]:
        if self.db is None:
            return []
        rows: list[tuple] = []
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows += self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        except sqlite3.Error:
            return []
        return rows

    # -- event memo: key -> JSON value ---------------------------------------------------------
    def get_many(self, keys: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if self.db is None:
            return found
        bad: list[str] = []
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, value, checksum in self.db.execute(
                        f"SELECT key, value, checksum FROM memo WHERE key IN ({marks})", chunk):
                    if _checksum(value) != checksum:
                        bad.append(key)
                        continue
                    try:
                        found[key] = json.loads(value)
                    except ValueError:
                        bad.append(key)
        except sqlite3.Error:
            return {}
        if bad:
            self._write("DELETE FROM memo WHERE key = ?", [(k,) for k in bad])
        return found

    def put_many(self, items: Sequence[tuple[str, Any]]) -> None:
        rows = []
        for key, value in items:
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            rows.append((key, text, _checksum(text)))
        self._write("INSERT OR REPLACE INTO memo (key, value, checksum) VALUES (?, ?, ?)", rows)

    def _write(self, sql: str, rows: list) -> None:
        if self.db is None or not rows:
            return
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany(sql, rows)
        except sqlite3.Error:
            pass

"""Each event's share of the site (a *unit*): its pages in both languages, its certificate and
declaration pages, bundles and PDFs, its open data file and its attachments, plus its summary.

A unit is a function of the event's files, the registry-wide files, the code and theme, the
reference date and the offers (an open event's page lists matching offers). Its key is the SHA-256
of all of those (the event memo key covers all but the theme and the offers). When the key is in
the unit memo, the files are linked from the site published before, each checked to be the file
written then (same size, modification time and inode, or else the same SHA-256); anything missing
or different makes the unit be built again.
Units are independent, so they are built on several cores; each worker loads its own events."""
from __future__ import annotations

import hashlib
import os
import stat as statmod
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.accounting.compute import compute_event
from generator.caches import Caches
from generator.forking import fork_map
from generator.incremental.fileids import sha256_of
from generator.incremental.store import Store
from generator.loading.cache import code_digest
from generator.loading.registry import load_event
from generator.loading.walk import walk_event
from generator.model.records import Registry
from generator.site import opendata, pages
from generator.site.model import event_matches, site_event, site_model
from generator.site.render import THEME_DIR
from generator.site.summary import summarize


@dataclass(frozen=True)
class UnitJob:
    """Everything a worker needs to build units (plain values: it crosses a fork)."""

    registry: Registry  # the registry-wide records (events=())
    root: Path
    shown_root: str
    today: date
    stamp: str
    base_url: str | None
    target: Path  # the staging folder
    previous: Path | None  # the site published before, to link unchanged files from
    caches: Caches  # the run's caches (record cache, QR codes, unit memo)
    salt: str  # theme, offers and stamp: what a unit depends on beyond the event memo key


@dataclass
class UnitResult:
    summaries: list  # (position, summary JSON)
    made: set = field(default_factory=set)  # folders made in the staging folder (a mkdir is a system call even when it exists)
    files: int = 0
    bytes: int = 0
    reused: int = 0
    fresh: list = field(default_factory=list)  # memo rows to store: (key, value)

    def folder(self, path: Path) -> None:
        if path not in self.made:
            path.mkdir(parents=True, exist_ok=True)
            self.made.add(path)


def salt(stamp: str, offers_ids: list) -> str:
    digest = hashlib.sha256(f"carbonreg-unit/1\0{code_digest('all')}\0{stamp}".encode())
    for path in sorted(THEME_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(THEME_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(repr(offers_ids).encode())
    return digest.hexdigest()


def unit_key(job: UnitJob, event_key: str) -> str:
    return hashlib.sha256(f"{job.salt}\0{event_key}".encode()).hexdigest()


def build_units(job: UnitJob, events: list, jobs: int, progress=None) -> UnitResult:
    """``events``: (position, year, name, folder, event memo key) for every event folder."""
    result = UnitResult([], fresh=[])
    for part in fork_map(_run, job, events, jobs):  # on several processes (generator/forking.py)
        result.summaries += part.summaries
        result.files += part.files
        result.bytes += part.bytes
        result.reused += part.reused
        result.fresh += part.fresh
    store = Store(job.caches.folder)
    try:
        store.put_many(result.fresh)
    finally:
        store.close()
    result.summaries.sort(key=lambda item: item[0])
    return result


def _run(job: UnitJob, events: list) -> UnitResult:
    store = Store(job.caches.folder)
    cache = job.caches.records()
    out = UnitResult([], fresh=[])
    try:
        keys = {position: unit_key(job, ekey) for position, *_, ekey in events}
        known = store.get_many(sorted(keys.values()))
        for position, year, name, path, _ in events:
            key = keys[position]
            hit = known.get(key)
            if hit is not None and _link(job, hit["files"], out):
                out.summaries.append((position, hit["summary"]))
                out.reused += 1
                continue
            summary, written = _build(job, year, name, path, cache, out)
            if summary is not None:
                out.summaries.append((position, summary))
            out.fresh.append((key, {"summary": summary, "files": written}))
    finally:
        store.close()
    out.made.clear()  # not worth sending back from a worker
    return out


def _build(job: UnitJob, year, name, path, cache, out: UnitResult):
    files, _ = walk_event(path, job.root, job.shown_root)
    event, _ = load_event(job.root, job.shown_root, year, name, path, files, cache)
    account, _ = compute_event(job.registry, event, job.today)
    se = site_event(job.registry, event, account)
    if se is None:
        return None, []
    model = site_model(job.registry, [se], job.stamp, job.today, event_matches(job.registry, se, job.today))
    written = []
    for rel, data in unit_files(model, se, job.base_url, job.caches):
        target = job.target / rel
        out.folder(target.parent)
        target.write_bytes(data)
        st = os.stat(target)
        written.append([rel, hashlib.sha256(data).hexdigest(), len(data), st.st_mtime_ns, st.st_ino])
        out.files += 1
        out.bytes += len(data)
    return summarize(se, **_rows(se)), written


def _rows(se) -> dict:
    rows = opendata.event_rows(se)
    return {"index": rows.pop("index"), "rows": rows}


def unit_files(model, se, base_url: str | None, caches: Caches):
    """Every file of one event's unit, each once."""
    yield from pages.event_pages(model, base_url, caches)
    yield from pages.credential_pages(model, base_url, caches)
    yield opendata.event_file(se)
    for _, att in se.event.attachments():
        yield f"{se.path}{att.path}", (se.event.dir / att.path).read_bytes()


def _link(job: UnitJob, files: list, out: UnitResult) -> bool:
    """Link a unit's files from the previous site into the staging folder; False (and nothing
    linked) if any is missing or differs. A file is the one this build wrote when its size,
    modification time and inode are those recorded when it was written (a link keeps all three;
    any write changes the time); otherwise it is read and checked against its recorded SHA-256."""
    if job.previous is None:
        return False
    for entry in files:
        try:
            rel, sha, size, mtime, inode = entry
            source = job.previous / rel
            st = os.lstat(source)
            if not statmod.S_ISREG(st.st_mode) or st.st_size != size:
                return False
            if (st.st_mtime_ns, st.st_ino) != (mtime, inode) and sha256_of(source) != sha:
                return False
        except (OSError, ValueError, TypeError):  # missing file, or a memo row of another shape
            return False
    for rel, _, size, _, _ in files:
        target = job.target / rel
        out.folder(target.parent)
        try:
            os.link(job.previous / rel, target)
        except FileExistsError:
            continue
        except OSError:
            target.write_bytes((job.previous / rel).read_bytes())
        out.files += 1
        out.bytes += size
    return True

"""What every history rule reads: the change against the base, and the published ids of both sides.

Built once by :func:`read_change` (all git access goes through ``generator.history.git``)."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.findings import Location
from generator.history import git
from generator.history.records import PublishedId, RegistryPath, classify, ids_in


@dataclass(frozen=True)
class ChangedFile:
    change: git.Change
    shown: str  # as printed in findings
    registry: RegistryPath | None  # None when outside the registry folder
    old_registry: RegistryPath | None = None  # the renamed-from path, when inside the registry


@dataclass(frozen=True)
class ChangeContext:
    repo: Path
    base: str  # the commit compared with
    registry_rel: str  # the registry folder relative to the repository root ("" when the root)
    files: tuple[ChangedFile, ...]
    base_event_dirs: frozenset[str]  # "events/<year>/<id>" of every event in the base
    certified_in_base: frozenset[str]  # event folders that had a certificate.json in the base
    base_ids: dict[tuple[str, str], tuple[str, ...]]  # (id kind, id) -> homes in the base
    head_ids: dict[str, tuple[PublishedId, ...]] = field(default_factory=dict)  # changed registry path -> ids
    show_path: Callable[[str], str] | None = None  # repository-relative path -> shown path

    def shown(self, repo_path: str) -> str:
        return self.show_path(repo_path) if self.show_path else repo_path

    def location(self, repo_path: str, line: int = 1) -> Location:
        return Location(self.shown(repo_path), line, 1)

    def first_changed_line(self, repo_path: str) -> int:
        return git.first_changed_line(self.repo, self.base, repo_path)

    def repo_path(self, registry_rel: str) -> str:
        return f"{self.registry_rel}/{registry_rel}" if self.registry_rel else registry_rel


def home(path: RegistryPath, kind: str) -> str:
    """Where an id lives: a declaration or certificate number belongs to its event folder (its YAML
    and its signed JSON share it); a retirement or revocation id to its file."""
    return path.event_dir if kind in ("declaration", "certificate") and path.event_dir else path.rel


def _shower(repo: Path):
    cwd = Path.cwd().resolve()

    def show(repo_path: str) -> str:
        rel = os.path.relpath(repo / repo_path, cwd)
        return repo_path if rel.startswith("..") else Path(rel).as_posix()
    return show


def read_change(registry: Path, base_ref: str, caches) -> ChangeContext:
    repo = git.repo_root(registry.resolve())
    base = git.base_commit(repo, base_ref)
    registry_rel = Path(os.path.relpath(registry.resolve(), repo)).as_posix()
    registry_rel = "" if registry_rel == "." else registry_rel
    prefix = f"{registry_rel}/" if registry_rel else ""

    def inside(repo_path: str | None) -> RegistryPath | None:
        if repo_path is None or not repo_path.startswith(prefix):
            return None
        return classify(repo_path[len(prefix):])

    show = _shower(repo)
    files = tuple(ChangedFile(c, show(c.path), inside(c.path), inside(c.old)) for c in git.changes(repo, base))

    blobs = {p[len(prefix):]: blob for p, blob in git.blobs_at(repo, base, registry_rel) if p.startswith(prefix)}
    base_classified = [classify(p) for p in blobs]
    event_dirs = frozenset(p.event_dir for p in base_classified if p.event_dir)
    certified = frozenset(p.event_dir for p in base_classified if p.kind == "certificate" and p.event_dir)
    with_ids = [p for p in base_classified if p.kind in ("retirement", "declaration", "revocation",
                                                        "certificate", "declaration-credential")]
    found = _ids_by_blob(repo, [(p.kind or "", blobs[p.rel]) for p in with_ids], caches)
    base_ids: dict[tuple[str, str], set[str]] = {}
    for p in with_ids:
        for pid in found[(p.kind or "", blobs[p.rel])]:
            base_ids.setdefault((pid.kind, pid.value), set()).add(home(p, pid.kind))
    for d in event_dirs:
        base_ids.setdefault(("event", d.rsplit("/", 1)[1]), set()).add(d)

    head_ids: dict[str, tuple[PublishedId, ...]] = {}
    for f in files:
        if f.registry is not None and f.change.status != "D":
            try:
                raw = (repo / f.change.path).read_bytes()
            except OSError:
                continue
            head_ids[f.change.path] = tuple(ids_in(f.registry, raw))
    return ChangeContext(repo, base, registry_rel, files, event_dirs, certified,
                         {k: tuple(sorted(v)) for k, v in base_ids.items()}, head_ids, show)


def _ids_by_blob(repo: Path, wanted: list[tuple[str, str]], caches) -> dict[tuple[str, str], tuple[PublishedId, ...]]:
    """The published ids in each (kind, blob) of the base. A blob id names its content, so the ids
    read from it are kept in the cache's memo and only blobs never seen before are read from git."""
    from generator.incremental.store import Store
    from generator.loading.cache import code_digest

    salt = code_digest("all")
    keys = {item: hashlib.sha256(f"history-ids\0{salt}\0{item[0]}\0{item[1]}".encode()).hexdigest()
            for item in set(wanted)}
    store = Store(caches.folder)
    try:
        known = store.get_many(sorted(keys.values()))
        out: dict[tuple[str, str], tuple[PublishedId, ...]] = {}
        missing = [item for item, key in keys.items() if key not in known]
        raw = git.read_objects(repo, sorted({blob for _, blob in missing}))
        fresh = []
        for item in missing:
            ids = tuple(ids_in(RegistryPath("", item[0], None, None), raw.get(item[1], b"")))
            out[item] = ids
            fresh.append((keys[item], [[i.kind, i.value, i.line] for i in ids]))
        for item, key in keys.items():
            if key in known:
                out[item] = tuple(PublishedId(*i) for i in known[key])
        store.put_many(fresh)
        return out
    finally:
        store.close()

"""What every history rule reads: the change against the base, and the published ids of both sides.

Built once by :func:`read_change` (all git access goes through ``generator.history.git``)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

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
    show_path: object = None  # callable: repository-relative path -> shown path

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


def read_change(registry: Path, base_ref: str) -> ChangeContext:
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

    base_paths = [p[len(prefix):] for p in git.files_at(repo, base, registry_rel) if p.startswith(prefix)]
    base_classified = [classify(p) for p in base_paths]
    event_dirs = frozenset(p.event_dir for p in base_classified if p.event_dir)
    certified = frozenset(p.event_dir for p in base_classified if p.kind == "certificate")
    with_ids = [p for p in base_classified if p.kind in ("retirement", "declaration", "revocation",
                                                        "certificate", "declaration-credential")]
    blobs = git.read_at(repo, base, [prefix + p.rel for p in with_ids])
    base_ids: dict[tuple[str, str], set[str]] = {}
    for p in with_ids:
        for pid in ids_in(p, blobs.get(prefix + p.rel, b"")):
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

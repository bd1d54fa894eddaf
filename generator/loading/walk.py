"""Walk a registry folder: which file is which record kind, and what does not belong."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.findings import Finding, Location, warning

# Folder (relative to the registry root) -> record kind of the *.yaml files directly inside.
_SHARED = {"rules": "rules", "factors": "factor-set", "agencies": "agency", "revocations": "revocation",
           "offers": "offer"}
_EVENT_FILES = {"plan.yaml": "plan", "report.yaml": "report", "declaration.yaml": "declaration"}
# Files an event folder may hold that later issues fill (signed JSON documents).
_EVENT_OTHER = {"certificate.json", "declaration.json"}


@dataclass(frozen=True)
class RegistryFile:
    kind: str
    path: Path  # absolute
    shown: str  # as printed in findings: relative to the current directory when possible
    event_dir: str | None = None  # "events/<year>/<event-id>" for event files


@dataclass(frozen=True)
class Layout:
    files: tuple[RegistryFile, ...]
    event_dirs: tuple[tuple[str, str, Path], ...]  # (year, event folder name, absolute path)
    findings: tuple[Finding, ...]


def display_path(path: Path, root: Path, shown_root: str) -> str:
    text, base = str(path), str(root)
    if text.startswith(base + os.sep) and os.sep == "/":
        rel = text[len(base) + 1:]  # the same as relative_to(root).as_posix(), without pathlib's cost
    else:
        rel = path.relative_to(root).as_posix()
    return f"{shown_root.rstrip('/')}/{rel}" if shown_root not in ("", ".") else rel


def walk(root: Path, shown_root: str) -> Layout:
    """Every file of the registry, event folders included."""
    top = walk_top(root, shown_root)
    files, findings = list(top.files), list(top.findings)
    for _, _, path in top.event_dirs:
        event_files, found = walk_event(path, root, shown_root)
        files.extend(event_files)
        findings.extend(found)
    return Layout(tuple(files), top.event_dirs, tuple(findings))


def _stray(findings: list, shown: str) -> None:
    findings.append(warning("L301", Location(shown),
                            "不属于登记库结构的文件（只做密钥扫描）；请按登记库结构放置（见 README）",
                            "file is not part of the registry layout (only scanned for secrets); place files as the layout says (see README)"))


def walk_top(root: Path, shown_root: str) -> Layout:
    """The registry-wide files and the event folders, without looking inside the event folders."""
    files: list[RegistryFile] = []
    events: list[tuple[str, str, Path]] = []
    findings: list[Finding] = []

    def shown(p: Path) -> str:
        return display_path(p, root, shown_root)

    def stray(p: Path) -> None:
        _stray(findings, shown(p))

    meta = root / "registry.yaml"
    if meta.is_file():
        files.append(RegistryFile("registry", meta, shown(meta)))
    for folder, kind in _SHARED.items():
        for p in sorted((root / folder).glob("*")) if (root / folder).is_dir() else []:
            if p.suffix == ".yaml" and p.is_file() and not p.is_symlink():
                files.append(RegistryFile(kind, p, shown(p)))
            elif p.name != "README.md":
                stray(p)
    trust = root / "trust"
    for entry in _entries(trust):
        if entry.name == "README.md" and entry.is_file and not entry.is_link:  # a folder's note (carbonreg init writes one)
            continue
        if not entry.name.endswith(".json") or entry.name == ".json" or not entry.is_file or entry.is_link:
            stray(entry.path)  # signed trust documents are JSON; generator/rules/certificates.py checks them
    for year in _entries(root / "events"):
        if year.name == "README.md" and year.is_file and not year.is_link:
            continue
        if not year.is_dir or year.is_link:
            stray(year.path)
            continue
        for event in _entries(year.path):
            if not event.is_dir or event.is_link:
                stray(event.path)
                continue
            events.append((year.name, event.name, event.path))
    return Layout(tuple(files), tuple(events), tuple(findings))


def walk_event(event_dir: Path, root: Path, shown_root: str) -> tuple[list[RegistryFile], list[Finding]]:
    """The record files of one event folder, and its stray files."""
    findings: list[Finding] = []
    files = _event_files(event_dir, root, lambda p: display_path(p, root, shown_root),
                         lambda p: _stray(findings, display_path(p, root, shown_root)))
    return files, findings


class _Entry(NamedTuple):
    folder: Path
    name: str
    is_dir: bool  # these three come from the directory listing itself (no stat per entry)
    is_file: bool
    is_link: bool

    @property
    def path(self) -> Path:
        return self.folder / self.name


def _entries(folder: Path) -> list[_Entry]:
    """The entries of ``folder`` sorted by name; none when it is not a readable folder."""
    try:
        with os.scandir(folder) as it:
            listed = [_Entry(folder, e.name, e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=True),
                             e.is_symlink()) for e in it]
    except (NotADirectoryError, FileNotFoundError):
        return []
    return sorted(listed, key=lambda e: e.name)


def _event_files(event_dir: Path, root: Path, shown, stray) -> list[RegistryFile]:
    rel = display_path(event_dir, root, "")
    out: list[RegistryFile] = []
    for p in _entries(event_dir):
        name = p.name
        if name in _EVENT_FILES and p.is_file and not p.is_link:
            out.append(RegistryFile(_EVENT_FILES[name], p.path, shown(p.path), rel))
        elif name == "retirements" and p.is_dir:
            for r in _entries(p.path):
                if r.name.endswith(".yaml") and r.name != ".yaml" and r.is_file and not r.is_link:
                    out.append(RegistryFile("retirement", r.path, shown(r.path), rel))
                else:
                    stray(r.path)
        elif name == "attachments" and (p.is_dir or (p.is_link and p.path.is_dir())):
            continue  # attachments are checked through the records that cite them
        elif name in _EVENT_OTHER or name == "README.md":
            continue
        else:
            stray(p.path)
    return out

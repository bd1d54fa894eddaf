"""Walk a registry folder: which file is which record kind, and what does not belong."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    rel = path.relative_to(root).as_posix()
    return f"{shown_root.rstrip('/')}/{rel}" if shown_root not in ("", ".") else rel


def walk(root: Path, shown_root: str) -> Layout:
    files: list[RegistryFile] = []
    events: list[tuple[str, str, Path]] = []
    findings: list[Finding] = []

    def shown(p: Path) -> str:
        return display_path(p, root, shown_root)

    def stray(p: Path) -> None:
        findings.append(warning("L301", Location(shown(p)),
                                "不属于登记库结构的文件（只做密钥扫描）；请按登记库结构放置（见 README）",
                                "file is not part of the registry layout (only scanned for secrets); place files as the layout says (see README)"))

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
    for p in sorted(trust.iterdir()) if trust.is_dir() else []:
        if p.suffix != ".json" or not p.is_file() or p.is_symlink():
            stray(p)  # signed trust documents are JSON; generator/rules/certificates.py checks them
    events_root = root / "events"
    for year_dir in sorted(events_root.iterdir()) if events_root.is_dir() else []:
        if not year_dir.is_dir() or year_dir.is_symlink():
            stray(year_dir)
            continue
        for event_dir in sorted(year_dir.iterdir()):
            if not event_dir.is_dir() or event_dir.is_symlink():
                stray(event_dir)
                continue
            events.append((year_dir.name, event_dir.name, event_dir))
            files.extend(_event_files(event_dir, root, shown, stray))
    return Layout(tuple(files), tuple(events), tuple(findings))


def _event_files(event_dir: Path, root: Path, shown, stray) -> list[RegistryFile]:
    rel = event_dir.relative_to(root).as_posix()
    out: list[RegistryFile] = []
    for p in sorted(event_dir.iterdir()):
        if p.name in _EVENT_FILES and p.is_file() and not p.is_symlink():
            out.append(RegistryFile(_EVENT_FILES[p.name], p, shown(p), rel))
        elif p.name == "retirements" and p.is_dir() and not p.is_symlink():
            for r in sorted(p.iterdir()):
                if r.suffix == ".yaml" and r.is_file() and not r.is_symlink():
                    out.append(RegistryFile("retirement", r, shown(r), rel))
                else:
                    stray(r)
        elif p.name == "attachments" and p.is_dir():
            continue  # attachments are checked through the records that cite them
        elif p.name in _EVENT_OTHER or p.name == "README.md":
            continue
        else:
            stray(p)
    return out

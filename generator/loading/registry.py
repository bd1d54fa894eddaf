"""Load a whole registry folder into the frozen model, collecting every finding on the way."""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from generator.findings import Finding, Location, error
from generator.loading.cache import RecordCache
from generator.loading.document import Document
from generator.loading.signed import load_signed, load_trust
from generator.loading.walk import RegistryFile, walk
from generator.loading.yamlsafe import load_yaml_bytes, read_limited
from generator.model import build
from generator.model.records import Event, Registry
from generator.progress import QUIET, Progress
from generator.validation.messages import schema_findings
from generator.validation.schemas import validator


def _load_and_validate(kind: str, raw: bytes, shown: str) -> tuple[Document | None, list[Finding]]:
    doc, findings = load_yaml_bytes(raw, shown)
    if doc is None:
        return None, findings
    if not isinstance(doc.data, dict):
        return None, [error("S204", doc.at(), "文件顶层应为映射（键: 值）", "the top level must be a mapping (key: value)")]
    errors = schema_findings(doc, validator(kind).iter_errors(doc.data))
    return (None, errors) if errors else (doc, [])


def load_record(file: RegistryFile, cache: RecordCache | None = None):
    """Load, validate and build one file: (record or None, findings). Unchanged files come from the cache."""
    raw, findings = read_limited(file.path, file.shown)
    if raw is None:
        return None, findings
    cache = cache or RecordCache(None)
    key = cache.key(file.kind, file.shown, raw)
    hit = cache.get(key)
    if hit is None:
        hit = _load_and_validate(file.kind, raw, file.shown)
        cache.put(key, *hit)
    doc, findings = hit
    if doc is None:
        return None, findings
    return build.BUILDERS[file.kind](doc.slim(functools.partial(_relocate, file.path, file.shown))), []


def _relocate(path: Path, shown: str) -> tuple[dict, dict]:
    """The location tables of a file, read again when a rule needs to point into it."""
    raw, _ = read_limited(path, shown)
    doc, _ = load_yaml_bytes(raw, shown) if raw is not None else (None, [])
    return (doc.values or {}, doc.keys or {}) if doc is not None else ({}, {})


def load_registry(root: Path, shown_root: str | None = None, progress: Progress = QUIET,
                  cache: RecordCache | None = None) -> tuple[Registry, list[Finding]]:
    """Every record of the registry; ``cache``: the record cache (none: every file parsed)."""
    shown_root = str(root) if shown_root is None else shown_root
    layout = walk(root, shown_root)
    findings: list[Finding] = list(layout.findings)
    cache = cache if cache is not None else RecordCache(None)
    registry, found = load_globals(root, shown_root, layout, cache)
    findings.extend(found)
    by_event = files_by_event(layout)
    events = []
    for done, (year, name, path) in enumerate(layout.event_dirs, 1):
        progress.tick(done, len(layout.event_dirs), "读取 / loading")
        event, found = load_event(root, shown_root, year, name, path, by_event.get(_rel(root, path), ()), cache)
        findings.extend(found)
        events.append(event)
    return replace(registry, events=tuple(events)), findings


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def files_by_event(layout) -> dict[str, list[RegistryFile]]:
    by_event: dict[str, list[RegistryFile]] = defaultdict(list)
    for file in layout.files:
        if file.event_dir is not None:
            by_event[file.event_dir].append(file)
    return by_event


def load_globals(root: Path, shown_root: str, layout, cache: RecordCache) -> tuple[Registry, list[Finding]]:
    """The registry-wide records (rules, factors, agencies, notices, offers, trust), with no events."""
    findings: list[Finding] = []
    by_kind: dict[str, list] = defaultdict(list)
    for file in layout.files:
        if file.event_dir is None:
            record, found = load_record(file, cache)
            findings.extend(found)
            if record is not None:
                by_kind[file.kind].append(record)
    trust, found = load_trust(root / "trust", f"{shown_root.rstrip('/')}/trust")
    findings.extend(found)
    registry = Registry(
        root=root, shown_root=shown_root, meta=_one(by_kind.get("registry")),
        rules=tuple(sorted(by_kind.get("rules", ()), key=lambda x: (x.jurisdiction, x.effective_from, x.id))),
        factor_sets=tuple(sorted(by_kind.get("factor-set", ()), key=lambda x: (x.jurisdiction, x.valid_from, x.id))),
        agencies={a.id: a for a in sorted(by_kind.get("agency", ()), key=lambda x: x.id)},
        events=(),
        revocations=tuple(sorted(by_kind.get("revocation", ()), key=lambda x: (x.decided_on, x.id))),
        trust=trust,
        offers=tuple(sorted(by_kind.get("offer", ()), key=lambda x: x.id)),
    )
    return registry, findings


def load_event(root: Path, shown_root: str, year: str, name: str, path: Path, files,
               cache: RecordCache) -> tuple[Event, list[Finding]]:
    """One event folder's records and signed files."""
    findings: list[Finding] = []
    recs: dict[str, list] = defaultdict(list)
    unreadable: list[tuple[str, str]] = []
    for file in files:
        record, found = load_record(file, cache)
        findings.extend(found)
        if record is not None:
            recs[file.kind].append(record)
        elif found:
            unreadable.append((file.kind, file.shown))
    rel = _rel(root, path)
    if not (path / "plan.yaml").is_file():
        findings.append(error("L302", Location(f"{shown_root.rstrip('/')}/{rel}/plan.yaml"),
                              "活动文件夹缺少 plan.yaml（碳中和实施计划）；用 carbonreg 模板创建",
                              "event folder has no plan.yaml (the carbon neutrality plan); create it from the template"))
    certificate, found = load_signed(path / "certificate.json", f"{shown_root.rstrip('/')}/{rel}/certificate.json")
    findings.extend(found)
    declaration_vc, found = load_signed(path / "declaration.json", f"{shown_root.rstrip('/')}/{rel}/declaration.json")
    findings.extend(found)
    event = Event(
        folder_id=name, year_folder=year, rel_dir=rel, dir=path,
        plan=_one(recs.get("plan")), report=_one(recs.get("report")),
        retirements=tuple(sorted(recs.get("retirement", ()), key=lambda x: x.id)),
        declaration=_one(recs.get("declaration")),
        certificate=certificate, declaration_credential=declaration_vc, unreadable=tuple(unreadable),
    )
    return event, findings


def _one(items):
    return items[0] if items else None


def locate_in(path: Path, shown: str, keys: tuple) -> Location:
    """Where the value at ``keys`` starts in the file (read again for this one finding)."""
    values, keys_table = _relocate(path, shown)
    return Document(shown, None, values, keys_table).at(*keys)

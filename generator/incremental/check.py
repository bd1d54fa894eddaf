"""``carbonreg check`` event by event: unchanged events come from the memo, the rest are checked alone,
then the registry-wide rules run once over the facts of every event.

The result equals the whole-registry check (:func:`generator.pipeline.check`); a test holds them
equal on the sample registry and on edited demo registries."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.accounting.compute import compute_event
from generator.caches import Caches
from generator.findings import Finding, Outcome, sorted_findings
from generator.forking import fork_map
from generator.incremental import memo
from generator.incremental.fileids import FileIds
from generator.incremental.listed import ListedFileIds, Listing
from generator.incremental.store import FORMAT, Store
from generator.loading.cache import code_digest
from generator.loading.registry import load_event, load_globals
from generator.loading.walk import walk_event, walk_top
from generator.model.records import Registry
from generator.progress import QUIET, Progress
from generator.rules import check_event, check_registry
from generator.rules.facts import EventFacts, summary_counts

# The registry-wide files an event's own findings depend on (offers and stray files do not).
EVENT_INPUTS = frozenset({"registry.yaml", "rules", "factors", "agencies", "revocations", "trust"})


@dataclass(frozen=True)
class IncrementalResult(Outcome):
    """What a check found, with the facts the summary counts (no records are kept)."""

    registry: Registry  # the registry-wide records only (events=())
    facts: tuple[EventFacts, ...]
    findings: tuple[Finding, ...]
    today: date
    reused: int  # events whose result came from the memo
    keys: dict[str, str] = field(default_factory=dict, repr=False)  # event folder -> its memo key
    layout: object = field(default=None, repr=False)  # the registry-wide files and event folders (walk_top)
    review: object = field(default=None, repr=False)  # with check --base: what the change is (history/review.py)
    shared: str = ""  # digest of the code, date, shown root and registry-wide files (in every event key)
    memos: dict[str, object] = field(default_factory=dict, repr=False)  # event folder -> memo value (shards only)

    def counts(self) -> dict[str, int]:
        return summary_counts(self.facts, self.registry)


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def registry_wide(root: Path, today: date, shown_root: str, caches: Caches, ids: FileIds):
    """(layout, registry-wide records, their findings, the shared digest every event key includes):
    the code, whether shown paths have a prefix (not which: a memo holds none, see ``memo``), the
    date and every registry-wide file."""
    layout = walk_top(root, shown_root)              # registry-wide files and the event folders
    registry, findings = load_globals(root, shown_root, layout, caches.records())  # rules, factors, agencies...
    inputs = [(rel, id_) for rel, id_ in ids.tree(str(root), frozenset({"events", "offers"}))
              if rel.split("/", 1)[0] in EVENT_INPUTS]
    shared = _digest(FORMAT, code_digest(), memo.root_kind(shown_root), today.isoformat(), json.dumps(inputs))
    return layout, registry, [*layout.findings, *findings], shared


def whole_rules(registry: Registry, facts: tuple[EventFacts, ...], today: date, caches: Caches) -> list[Finding]:
    """The registry rules, once, over the facts of every event."""
    return check_registry(registry, facts, today, caches)


def check_incremental(root: Path, today: date, shown_root: str | None = None, progress: Progress = QUIET,
                      caches: Caches | None = None, jobs: int = 1,
                      listing: Listing | None = None, only=None) -> IncrementalResult:
    """``listing``: every file of the registry as git lists it (``check --base``), so unchanged files
    are not stat-ed one by one; the ids, keys and findings are the same as without it.
    ``only(rel)``: check only the event folders it accepts (a build shard); the registry-wide rules
    over every event are then left to whoever merges the shards (:func:`whole_rules`).
    ``caches``: none given, those the environment names (``Caches.from_environment``)."""
    shown_root = str(root) if shown_root is None else shown_root
    caches = Caches.from_environment() if caches is None else caches
    store = Store(caches.folder)
    try:
        ids = FileIds(root, store) if listing is None else ListedFileIds(root, store, listing)
        layout, registry, findings, shared = registry_wide(root, today, shown_root, caches, ids)
        chosen = [(f"events/{year}/{name}", (year, name, path)) for year, name, path in layout.event_dirs]
        if only is not None:
            chosen = [(rel, where) for rel, where in chosen if only(rel)]
        rels = [rel for rel, _ in chosen]
        wheres = [where for _, where in chosen]
        # Everything an event's result depends on: the shared digest and every file of the event folder.
        keys = [_digest(shared, rel, json.dumps(ids.tree(str(path)))) for rel, (_, _, path) in chosen]
        known = store.get_many(keys)
        todo = [(i, where) for i, (where, key) in enumerate(zip(wheres, keys)) if key not in known]
        checked = _check_events(registry, root, shown_root, today, caches, todo, jobs, progress)
        all_facts: list[EventFacts] = []
        fresh: list[tuple[str, dict]] = []
        memos: dict[str, object] = {}
        for i, key in enumerate(keys):
            value = known[key] if key in known else checked[i]
            if key not in known:
                fresh.append((key, value))
            if only is not None:
                memos[rels[i]] = value
            found, facts = memo.decode(value, root, shown_root)
            findings.extend(found)
            all_facts.append(facts)
        store.put_many(fresh)
        ids.save()
        if only is None:
            findings.extend(whole_rules(registry, tuple(all_facts), today, caches))
        return IncrementalResult(registry, tuple(all_facts), tuple(sorted_findings(findings)), today,
                                 len(rels) - len(fresh), dict(zip(rels, keys)), layout, shared=shared, memos=memos)
    finally:
        store.close()


def _check_events(registry, root, shown_root, today, caches, todo: list, jobs: int, progress) -> dict[int, dict]:
    """The memo value (findings and facts, as JSON) of each event to check, by position; events are
    independent, so they are checked on ``jobs`` processes (``generator.forking``: the registry-wide
    records are shared, not copied)."""
    out: dict[int, dict] = {}
    for part in fork_map(_check_chunk, (registry, root, shown_root, today, caches), todo, jobs, progress, "检查 / checking"):
        out.update(part)
    return out


def _check_chunk(shared, chunk: list) -> dict[int, dict]:
    registry, root, shown_root, today, caches = shared
    return {i: memo.encode(*_check_event(registry, root, shown_root, today, where, caches), root, shown_root) for i, where in chunk}


def _check_event(registry: Registry, root: Path, shown_root: str, today: date, where, caches: Caches) -> tuple[list[Finding], EventFacts]:
    """Walk, load, account and check one event alone (the registry-wide parts are left to the whole run)."""
    year, name, path = where
    files, strays = walk_event(path, root, shown_root)
    event, findings = load_event(root, shown_root, year, name, path, files, caches.records())
    findings = [*strays, *findings]
    account, found = compute_event(registry, event, today)
    findings.extend(found)
    found, facts = check_event(registry, event, account, today, caches)
    return [*findings, *found], facts

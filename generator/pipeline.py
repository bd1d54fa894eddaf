"""The check pipeline, readable in one function: load -> validate -> compute -> event rules per event ->
registry rules (``check_whole``); ``check`` gives the same findings event by event, from the memo
where nothing changed, through the same two rule calls (``generator.rules``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.accounting.compute import EventAccount, compute_all
from generator.caches import Caches
from generator.findings import Finding, Outcome, sorted_findings
from generator.loading.registry import load_registry
from generator.model.records import Registry
from generator.progress import QUIET, Progress
from generator.rules import check_event, check_registry
from generator.rules.facts import facts_of, summary_counts


@dataclass(frozen=True)
class CheckResult(Outcome):
    registry: Registry
    accounts: dict[str, EventAccount]
    findings: tuple[Finding, ...]
    today: date

    def counts(self) -> dict[str, int]:
        """What the check looked at, for the summary lines."""
        reg = self.registry
        return summary_counts(tuple(facts_of(e, self.accounts.get(e.rel_dir)) for e in reg.events), reg)


def check(root: Path, today: date, shown_root: str | None = None, progress: Progress = QUIET,
          caches: Caches | None = None, jobs: int = 1) -> CheckResult:
    """The findings of the event-by-event check (unchanged events come from the memo), with every
    record loaded and accounted for the commands that use them (build, certify, publish, match).
    ``caches``: none given, those the environment names (``Caches.from_environment``); ``jobs``:
    processes checking the events that are not in the memo."""
    from generator.incremental.check import check_incremental

    caches = Caches.from_environment() if caches is None else caches
    findings = check_incremental(root, today, shown_root, progress, caches, jobs=jobs).findings
    registry, _ = load_registry(root, shown_root, cache=caches.records())  # records, from the record cache
    accounts, _ = compute_all(registry, today)             # the findings of both are in `findings`
    return CheckResult(registry, accounts, findings, today)


def check_whole(root: Path, today: date, shown_root: str | None = None, progress: Progress = QUIET,
                caches: Caches | None = None) -> CheckResult:
    """The whole registry at once: the reference the event-by-event check is tested against."""
    caches = Caches.from_environment() if caches is None else caches
    registry, findings = load_registry(root, shown_root, progress, caches.records())  # load + validate every file
    accounts, found = compute_all(registry, today)                 # account every event exactly
    findings += found
    facts = []
    for event in registry.events:                                  # event rules, one event at a time
        found, fact = check_event(registry, event, accounts.get(event.rel_dir), today, caches)
        findings += found
        facts.append(fact)
    findings += check_registry(registry, tuple(facts), today, caches)    # registry rules over every event's facts
    return CheckResult(registry, accounts, tuple(sorted_findings(findings)), today)

"""The check pipeline, readable in one function: load -> validate -> compute -> rules (``check_whole``);
``check`` gives the same findings event by event, from the memo where nothing changed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.accounting.compute import EventAccount, compute_all
from generator.findings import Finding, Severity, sorted_findings
from generator.loading.registry import load_registry
from generator.progress import QUIET, Progress
from generator.model.records import Registry
from generator.rules import run_rules
from generator.rules.context import CheckContext


@dataclass(frozen=True)
class CheckResult:
    registry: Registry
    accounts: dict[str, EventAccount]
    findings: tuple[Finding, ...]
    today: date

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)

    def counts(self) -> dict[str, int]:
        """What the check looked at, for the summary lines."""
        reg, accounts = self.registry, self.accounts.values()
        return {
            "events": len(reg.events),
            "reports": sum(1 for e in reg.events if e.report is not None),
            "retirements": sum(len(e.retirements) for e in reg.events),
            "declarations": sum(1 for e in reg.events if e.declaration is not None),
            "agencies": len(reg.agencies), "rule_sets": len(reg.rules), "factor_sets": len(reg.factor_sets),
            "neutral_full": sum(1 for a in accounts if a.standing_level == "full"),
            "neutral_basic": sum(1 for a in accounts if a.standing_level == "basic"),
            "open": sum(1 for a in accounts if a.status in ("open", "planned")),
            "overdue": sum(1 for a in accounts if a.status == "overdue"),
            "revoked": sum(1 for a in accounts if a.status == "revoked"),
            "placeholder_lines": sum(a.placeholder_lines for a in accounts),
        }


def check(root: Path, today: date, shown_root: str | None = None, progress: Progress = QUIET) -> CheckResult:
    """The findings of the event-by-event check (unchanged events come from the memo), with every
    record loaded and accounted for the commands that use them (build, certify, publish, match)."""
    from generator.incremental.check import check_incremental

    findings = check_incremental(root, today, shown_root, progress).findings
    registry, _ = load_registry(root, shown_root)          # records, from the record cache
    accounts, _ = compute_all(registry, today)             # the findings of both are in `findings`
    return CheckResult(registry, accounts, findings, today)


def check_whole(root: Path, today: date, shown_root: str | None = None, progress: Progress = QUIET) -> CheckResult:
    """The whole registry at once: the reference the event-by-event check is tested against."""
    registry, findings = load_registry(root, shown_root, progress)  # load + validate every file
    accounts, found = compute_all(registry, today)                 # account every event exactly
    findings += found
    findings += run_rules(CheckContext(registry, accounts, today))  # cross-record rules
    return CheckResult(registry, accounts, tuple(sorted_findings(findings)), today)

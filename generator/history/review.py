"""What a pull request changes, for its review comment: the changed files and events, and each
changed event's totals (emissions, offsets needed for its target scope, tonnes retired).

The comment shows only findings on what the pull request changes (its files and the events they
belong to, plus the change rules H1xx); findings elsewhere in the registry are only counted."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from generator.findings import Finding


@dataclass(frozen=True)
class ChangedEvent:
    event_id: str
    folder: str           # shown path of the event folder
    new: bool             # not in the base branch
    name_zh: str
    name_en: str
    total: Decimal | None  # tCO2e, None without a readable report
    target: str | None     # the plan's target scope
    needed: int | None     # whole tonnes for the target scope
    retired: int


@dataclass(frozen=True)
class Review:
    files: tuple[str, ...]           # shown paths of the changed files
    events: tuple[ChangedEvent, ...]

    def concerns(self, finding: Finding) -> bool:
        """Whether ``finding`` is about what the pull request changes."""
        if finding.code.startswith("H"):
            return True
        places = [finding.location.path, *(r.path for r in finding.related)]
        folders = tuple(e.folder.rstrip("/") + "/" for e in self.events)
        return any(p in self.files or p.startswith(folders) for p in places)


def review_of(ctx, registry: Path, today: date, shown_root: str) -> Review:
    """The review data for the change ``ctx`` (a history ``ChangeContext``)."""
    files = tuple(sorted({f.shown for f in ctx.files}))
    dirs = sorted({f.registry.event_dir for f in ctx.files if f.registry and f.registry.event_dir})
    if not dirs:
        return Review(files, ())
    from generator.pipeline import check

    result = check(registry, today, shown_root)
    by_dir = {e.rel_dir: e for e in result.registry.events}
    events = []
    for rel in dirs:
        event = by_dir.get(rel)
        if event is None:  # the pull request deleted it
            continue
        account = result.accounts.get(rel)
        plan = event.plan
        target = plan.target_scope if plan else None
        name = plan.name if plan else None
        events.append(ChangedEvent(
            event.id, f"{shown_root.rstrip('/')}/{rel}", rel not in ctx.base_event_dirs,
            name.zh if name else "", name.en if name else "",
            account.total if account and event.report else None, target,
            account.needed(target) if account and target and event.report else None,
            account.retired if account else sum(r.quantity for r in event.retirements)))
    return Review(files, tuple(events))

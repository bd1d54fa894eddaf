"""What the registry-wide rules need to know of each event, small enough to keep for every event.

Rules that look across events (ids used once, serials retired once, notices pointing at real
declarations) read these facts instead of the loaded records, so a check can take the facts of an
unchanged event from the event memo (``generator.incremental``) without loading its files. A fact
points into its file by path; the location of a value is read from the file only when a finding
needs it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.findings import Location

Keys = tuple[str | int, ...]


@dataclass(frozen=True)
class Where:
    """A value in a file: its absolute path, the path shown in findings, and its keys in the document."""

    file: str
    shown: str
    keys: Keys

    def location(self) -> Location:
        from generator.loading.registry import locate_in

        return locate_in(Path(self.file), self.shown, self.keys)


@dataclass(frozen=True)
class IdFact:
    kind: str  # event | declaration | retirement
    value: str
    where: Where


@dataclass(frozen=True)
class SerialFact:
    registry: str
    prefix: str  # upper case
    first: int
    last: int
    retirement_id: str
    where: Where  # the serial block in its retirement file


@dataclass(frozen=True)
class GreenFact:
    """A green electricity certificate id claimed by a report line."""

    id: str  # upper case: ids are compared regardless of case
    line_id: str
    where: Where  # the id in its report file


@dataclass(frozen=True)
class EventFacts:
    rel_dir: str
    plan_id: str | None
    ids: tuple[IdFact, ...]
    serials: tuple[SerialFact, ...]
    declaration: tuple[str, str] | None  # (id, declared_on ISO date)
    # What the check's summary counts.
    has_report: bool
    retirements: int
    has_declaration: bool
    standing_level: str | None
    status: str | None
    placeholder_lines: int
    green_certificates: tuple[GreenFact, ...] = ()
    unreadable: int = 0  # record files filed but not readable (counted above too, never dropped)
    credentials: tuple[str, ...] = ()  # ids of the signed certificate.json / declaration.json here


def _where(event, rec, *keys) -> Where:
    name = Path(rec.doc.path).name
    folder = event.dir / "retirements" if rec.doc.path.rsplit("/", 2)[-2:-1] == ["retirements"] else event.dir
    return Where(str(folder / name), rec.doc.path, tuple(keys))


def facts_of(event, account) -> EventFacts:
    """The facts of one loaded event and its account (None when it has no valid plan)."""
    ids: list[IdFact] = []
    for kind, rec in (("event", event.plan), ("declaration", event.declaration),
                      *(("retirement", r) for r in event.retirements)):
        if rec is not None:
            ids.append(IdFact(kind, rec.id, _where(event, rec, "id")))
    serials = [SerialFact(ret.registry, block.prefix.upper(), block.first, block.last, ret.id,
                          _where(event, ret, "serials", block.index))
               for ret in event.retirements for block in ret.serials if block.last >= block.first]
    green = [GreenFact(cid.strip().upper(), line.id, _where(event, event.report, "lines", line.index, "green_power", "ids", k))
             for line in (event.report.lines if event.report is not None else ())
             if line.green_power is not None and line.green_power.kind == "certificate"
             for k, cid in enumerate(line.green_power.ids)]
    decl = event.declaration
    bad = [kind for kind, _ in event.unreadable]
    return EventFacts(
        rel_dir=event.rel_dir, plan_id=event.plan.id if event.plan else None,
        ids=tuple(ids), serials=tuple(serials),
        declaration=(decl.id, decl.declared_on.isoformat()) if decl is not None else None,
        has_report=event.report is not None or "report" in bad,
        retirements=len(event.retirements) + sum(1 for kind in bad if kind == "retirement"),
        has_declaration=decl is not None or "declaration" in bad,
        standing_level=account.standing_level if account is not None else None,
        status=account.status if account is not None else None,
        placeholder_lines=account.placeholder_lines if account is not None else 0,
        unreadable=len(bad),
        green_certificates=tuple(green),
        credentials=tuple(doc["id"] for doc in (event.certificate, event.declaration_credential)
                          if isinstance(doc, dict) and isinstance(doc.get("id"), str)),
    )


def summary_counts(facts: tuple[EventFacts, ...], registry) -> dict[str, int]:
    """What a check looked at, for its summary lines (``registry``: the registry-wide records)."""
    return {
        "events": len(facts),
        "reports": sum(1 for f in facts if f.has_report),
        "retirements": sum(f.retirements for f in facts),
        "declarations": sum(1 for f in facts if f.has_declaration),
        "agencies": len(registry.agencies), "rule_sets": len(registry.rules), "factor_sets": len(registry.factor_sets),
        "neutral_full": sum(1 for f in facts if f.standing_level == "full"),
        "neutral_basic": sum(1 for f in facts if f.standing_level == "basic"),
        "open": sum(1 for f in facts if f.status in ("open", "planned")),
        "overdue": sum(1 for f in facts if f.status == "overdue"),
        "revoked": sum(1 for f in facts if f.status == "revoked"),
        "placeholder_lines": sum(f.placeholder_lines for f in facts),
        "unreadable": sum(f.unreadable for f in facts),
    }

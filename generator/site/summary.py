"""What the registry-wide pages and files need of one event, small enough to keep for every event.

The build renders each event's own pages from its loaded records, then keeps only this summary
(and, in the unit memo, its JSON). Lists, statistics, the showcase, feeds and the aggregated open
data are made from summaries, so a large registry is never held in memory at once and an unchanged
event is not loaded again. Attribute names follow :class:`generator.site.model.SiteEvent`, so the
same templates read both."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from generator.model.records import Text


def _num(value: Decimal) -> str:
    """The decimal as a string that reads back as the same Decimal (digits and exponent)."""
    return str(value)


@dataclass(frozen=True)
class SumPlan:
    name: Text
    start: date
    end: date
    kind: str
    district: str
    attendance: dict[str, Decimal]  # the plan's figures (intensity by kind)


@dataclass(frozen=True)
class SumAccount:
    status: str
    level: str
    standing_level: str
    total: Decimal
    retired: int
    by_category: dict[str, Decimal]


@dataclass(frozen=True)
class SumDeclaration:
    scope: str
    declared_on: date


@dataclass(frozen=True)
class SumRetirement:
    kind: str
    quantity: int


@dataclass(frozen=True)
class SumRecords:
    """The ``e.event`` of a summary: what the lists read of the filed records."""

    declaration: SumDeclaration | None
    retirements: tuple[SumRetirement, ...]


@dataclass(frozen=True)
class SumCredential:
    number: str
    scope: str
    issuer_name_zh: str
    issuer_name_en: str
    created: str
    published: str | None


@dataclass(frozen=True)
class SumScore:
    scope: Decimal
    offset: Decimal
    support: Decimal
    total: Decimal


@dataclass(frozen=True)
class EventSummary:
    id: str
    plan: SumPlan
    account: SumAccount
    district: Text
    event: SumRecords
    certificate: SumCredential | None
    score: SumScore | None
    rows: dict  # pre-made open data rows: index entry, CSV rows, feed entry
    reported: bool = False  # a report is filed (its total counts in the intensity by kind)

    @property
    def year(self) -> int:
        return self.plan.start.year

    @property
    def path(self) -> str:
        return f"events/{self.id}/"


def summarize(e, index: dict, rows: dict) -> dict:
    """The JSON summary of a :class:`SiteEvent` (its open data rows already made)."""
    a, decl, cert = e.account, e.event.declaration, e.certificate
    return {
        "id": e.id,
        "plan": {"name": [e.plan.name.zh, e.plan.name.en], "start": e.plan.start.isoformat(),
                 "end": e.plan.end.isoformat(), "kind": e.plan.kind, "district": e.plan.district,
                 "attendance": {k: _num(v) for k, v in e.plan.attendance.items()}},
        "reported": e.reported,
        "account": {"status": a.status, "level": a.level, "standing_level": a.standing_level,
                    "total": _num(a.total), "retired": a.retired,
                    "by_category": {k: _num(v) for k, v in a.by_category.items()}},
        "district": [e.district.zh, e.district.en],
        "declaration": {"scope": decl.scope, "declared_on": decl.declared_on.isoformat()} if decl else None,
        "retirements": [[r.kind, r.quantity] for r in e.event.retirements],
        "certificate": {"number": cert.number, "scope": cert.scope, "issuer_name_zh": cert.issuer_name_zh,
                        "issuer_name_en": cert.issuer_name_en, "created": cert.created,
                        "published": cert.published} if cert else None,
        "score": {"scope": _num(e.score.scope), "offset": _num(e.score.offset), "support": _num(e.score.support),
                  "total": _num(e.score.total)} if e.score else None,
        "rows": {"index": index, **rows},
    }


def from_json(raw: dict) -> EventSummary:
    p, a, d, c, s = raw["plan"], raw["account"], raw["declaration"], raw["certificate"], raw["score"]
    return EventSummary(
        id=raw["id"],
        plan=SumPlan(Text(*p["name"]), date.fromisoformat(p["start"]), date.fromisoformat(p["end"]), p["kind"],
                     p["district"], {k: Decimal(v) for k, v in p["attendance"].items()}),
        account=SumAccount(a["status"], a["level"], a["standing_level"], Decimal(a["total"]), a["retired"],
                           {k: Decimal(v) for k, v in a["by_category"].items()}),
        district=Text(*raw["district"]),
        event=SumRecords(SumDeclaration(d["scope"], date.fromisoformat(d["declared_on"])) if d else None,
                         tuple(SumRetirement(k, q) for k, q in raw["retirements"])),
        certificate=SumCredential(**c) if c else None,
        score=SumScore(*(Decimal(s[k]) for k in ("scope", "offset", "support", "total"))) if s else None,
        rows=raw["rows"],
        reported=raw["reported"],
    )

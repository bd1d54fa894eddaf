"""Art. 15 showcase score of a certified event: accounting scope, offset quality and supporting material,
weighted as the event's rules say (``Rules.showcase``)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.accounting.compute import EventAccount
from generator.accounting.indicators import weak_share
from generator.model.records import Event, Showcase


@dataclass(frozen=True)
class Score:
    weights: tuple[Decimal, Decimal, Decimal]  # scope, offset, support (from the rules)
    scope: Decimal
    offset: Decimal
    support: Decimal

    @property
    def total(self) -> Decimal:
        w_scope, w_offset, w_support = self.weights
        value = 100 * (w_scope * self.scope + w_offset * self.offset + w_support * self.support)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def showcase_score(event: Event, account: EventAccount, scope: str) -> Score | None:
    """None when the event's rules set no showcase score. Accounting scope: the rules' points (full with
    all three phases, full, basic); offset quality: the rules' quality weight of each retirement's kind,
    weighted by quantity; support: share of emission lines backed by an evidence attachment, times the
    share of the total that rests neither on a placeholder factor nor on estimated activity data
    (``1 - weak_share``: a total mostly made of placeholder values or estimates is weakly supported,
    however many files are attached)."""
    rules = account.rules
    showcase: Showcase | None = rules.showcase if rules else None
    if rules is None or showcase is None:
        return None
    all_phases, full, basic = showcase.scope_points
    phases = {x.line.phase for x in account.lines}
    scope_part = basic if scope == "basic" else all_phases if len(phases) == 3 else full
    total_q = sum(r.quantity for r in event.retirements)
    weights = rules.offsets
    offset_part = (sum((Decimal(r.quantity) * (weights[r.kind].quality if r.kind in weights else Decimal(0))
                        for r in event.retirements), Decimal(0)) / total_q) if total_q else Decimal(0)
    lines = event.report.lines if event.report else ()
    backed = sum(1 for line in lines if line.evidence or line.factor.evidence)
    support_part = (Decimal(backed) / len(lines) if lines else Decimal(0)) * (1 - weak_share(account))
    return Score(showcase.weights, scope_part, offset_part, support_part)

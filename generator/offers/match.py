"""Offset matching (Art. 7): an event's remaining shortfall and the filed offers that can cover it.

The shortfall is what the scope needs minus what is already retired, never negative. Offers qualify
when they are valid on the reference date and usable under the event's rules (kind, registry,
place of generation, Art. 12). They are ranked by the rules' quality weight of the kind (higher
first), then donation before purchase, then price (lower first), then id; each contributes, in that
order, as much as it has until the shortfall is covered. Whole tonnes and exact Decimal prices only.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from generator.accounting.compute import PRECISION, EventAccount
from generator.model.records import Offer, Registry, Rules

SCOPES = ("basic", "full")


@dataclass(frozen=True)
class Candidate:
    offer: Offer
    quality: Decimal
    contributes: int  # whole tonnes this offer would cover, in ranking order

    @property
    def cost(self) -> Decimal:
        """What the contribution would cost in CNY (exact); 0 for a donation."""
        if self.offer.method == "donation":
            return Decimal(0)
        price = self.offer.price_per_tonne
        assert price is not None  # the offer schema requires a price for a purchase
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return price * self.contributes


@dataclass(frozen=True)
class Match:
    event_id: str
    scope: str
    as_of: date
    needed: int
    retired: int
    candidates: tuple[Candidate, ...]

    @property
    def shortfall(self) -> int:
        return remaining(self.needed, self.retired)

    @property
    def available(self) -> int:
        return sum(c.offer.quantity_available for c in self.candidates)

    @property
    def contributed(self) -> int:
        return sum(c.contributes for c in self.candidates)

    @property
    def covered(self) -> bool:
        return self.contributed >= self.shortfall

    @property
    def uncovered(self) -> int:
        return self.shortfall - self.contributed

    @property
    def contributing(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.contributes > 0)

    @property
    def cost(self) -> Decimal:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return sum((c.cost for c in self.candidates), Decimal(0))


def remaining(needed: int, retired: int) -> int:
    """Whole tonnes still to retire: what is needed minus what is retired, never negative."""
    return max(0, needed - retired)


def shortfall(account: EventAccount, scope: str) -> int:
    """Whole tonnes still to retire for ``scope`` ("basic" or "full"), never negative."""
    return remaining(account.needed(scope), account.retired)


def usable(offer: Offer, rules: Rules | None) -> bool:
    """Whether the event's rules accept the offer's units (kind, registry, place; Art. 12)."""
    if rules is None or offer.kind not in rules.offsets:
        return False
    allowed = rules.offsets[offer.kind]
    if allowed.registries and offer.registry not in allowed.registries:
        return False
    if allowed.project_province:
        return offer.project is not None and offer.project.province == allowed.project_province
    return True


def rank_key(offer: Offer, quality: Decimal):
    price = offer.price_per_tonne if offer.method == "purchase" else Decimal(0)
    return (-quality, 0 if offer.method == "donation" else 1, price, offer.id)


def allocate(needed: int, quantities: list[int]) -> list[int]:
    """Greedy: each in turn gives what it has until ``needed`` is met."""
    left, out = max(0, needed), []
    for q in quantities:
        take = min(q, left)
        out.append(take)
        left -= take
    return out


def match_offers(offers, rules: Rules | None, needed: int, retired: int, as_of: date,
                 event_id: str = "", scope: str = "full") -> Match:
    short = remaining(needed, retired)
    if short == 0:  # nothing is short: no offer is needed
        return Match(event_id, scope, as_of, needed, retired, ())
    if rules is None:  # no rules in force: no offer is usable
        return Match(event_id, scope, as_of, needed, retired, ())
    eligible = [o for o in offers if o.valid_on(as_of) and usable(o, rules)]
    ranked = sorted(((o, rules.offsets[o.kind].quality) for o in eligible), key=lambda x: rank_key(*x))
    gives = allocate(short, [o.quantity_available for o, _ in ranked])
    candidates = tuple(Candidate(o, q, g) for (o, q), g in zip(ranked, gives))
    return Match(event_id, scope, as_of, needed, retired, candidates)


def match_event(registry: Registry, account: EventAccount, scope: str, as_of: date) -> Match:
    """Offers for one event's remaining shortfall in ``scope``, as of ``as_of``."""
    if scope not in SCOPES:
        raise ValueError(scope)
    return match_offers(registry.offers, account.rules, account.needed(scope), account.retired, as_of,
                        account.event_id, scope)


def find_event(registry: Registry, text: str):
    """The event named by its id, its folder name, or its folder path (relative or absolute)."""
    from pathlib import Path

    wanted = text.rstrip("/")
    target = Path(wanted).resolve() if wanted else None
    for event in registry.events:
        if wanted in (event.id, event.folder_id, event.rel_dir) or event.dir.resolve() == target:
            return event
    return None

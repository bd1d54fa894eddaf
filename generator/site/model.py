"""The site model: everything pages show, computed once from a checked registry (then only read)."""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from generator.accounting.comparison import Comparison, estimate_vs_actual
from generator.accounting.compute import EventAccount
from generator.accounting.indicators import Indicators, indicators, pooled_intensity
from generator.accounting.showcase import Score, showcase_score
from generator.model.records import Agency, Event, Plan, Text, TrustDocuments
from generator.pipeline import CheckResult
from generator.rules.classification import classify_event
from generator.site.credentials import CredentialView, credential_view

ZERO = Decimal(0)


@dataclass(frozen=True)
class SiteEvent:
    event: Event
    account: EventAccount
    district: Text
    large: bool | None
    certificate: CredentialView | None = None
    declaration_vc: CredentialView | None = None
    score: Score | None = None

    @property
    def id(self) -> str:
        return self.plan.id

    @property
    def plan(self) -> Plan:
        plan = self.event.plan
        assert plan is not None  # site_event makes none for an event without a plan
        return plan

    @property
    def year(self) -> int:
        return self.plan.start.year

    @property
    def path(self) -> str:
        return f"events/{self.id}/"

    @functools.cached_property
    def comparison(self) -> Comparison:
        """The plan's estimate against the actual accounting, per category (accounting/comparison.py)."""
        return estimate_vs_actual(self.account, self.event.report is not None)

    @property
    def reported(self) -> bool:
        return self.event.report is not None

    @functools.cached_property
    def indicators(self) -> Indicators:
        """Intensity and data quality (accounting/indicators.py), computed once per event."""
        return indicators(self.account, self.plan.attendance)

    @property
    def shortfall(self) -> dict[str, int]:
        """Whole tonnes still to retire per scope (basic, full), as offer matching computes it."""
        from generator.offers.match import SCOPES, shortfall

        return {scope: shortfall(self.account, scope) for scope in SCOPES}


@dataclass(frozen=True)
class YearStats:
    year: int
    events: int
    neutral_full: int
    neutral_basic: int
    accounted: Decimal
    retired: int


@dataclass(frozen=True)
class SiteModel:
    name: Text
    events: tuple[Any, ...]  # newest first: SiteEvent, or EventSummary in the site-wide pass (site/summary.py)
    agencies: tuple[Agency, ...]
    years: tuple[YearStats, ...]
    by_kind: dict[str, tuple[int, Decimal]]
    # kind -> {perParticipant | perVisit | perSquareMetre: (tCO2e per unit, events counted)}, pooled over the
    # kind's events with a report whose plan gives the figure (accounting/indicators.pooled_intensity)
    intensity_by_kind: dict[str, dict[str, tuple[Decimal, int]]]
    by_category: dict[str, Decimal]
    by_offset_kind: dict[str, int]
    by_district: dict[str, tuple[Text, int, Decimal]]  # code -> (name, events, tCO2e accounted)
    by_month: dict[str, tuple[int, Decimal]]            # "YYYY-MM" of the start -> (events, tCO2e)
    totals: YearStats
    factor_sets: tuple
    rules: tuple
    source_date: str
    revocations: tuple = ()  # newest first
    trust: TrustDocuments | None = None
    offers: tuple = ()  # offers valid on the reference date (Art. 7 offset matching)
    matches: dict = field(default_factory=dict)  # event id -> Match, for events still open or overdue
    today: date | None = None  # the build's reference date (offers and matches are as of this date)
    operator: Text | None = None  # the platform operator (registry.yaml), named in every page's footer
    contact: str | None = None    # its public contact (mailto: or https:), in the footer and the data catalogue
    data_licence: tuple | None = None  # (SPDX id, URL) of the open data licence

    @property
    def showcase(self) -> list:
        return sorted((e for e in self.events if e.score is not None), key=lambda e: (-e.score.total, e.id))

    @property
    def showcase_formulas(self) -> list[tuple[Any, tuple[str, ...]]]:
        """Each distinct showcase formula of the registry's rules (weights and scope points), with the ids
        of the rules versions that set it, oldest first: the showcase page states what it ranks by."""
        formulas: dict[Any, list[str]] = {}
        for rules in self.rules:
            if rules.showcase is not None:
                formulas.setdefault((rules.showcase.weights, rules.showcase.scope_points), []).append(rules.id)
        return [(key, tuple(ids)) for key, ids in formulas.items()]

    @functools.cached_property
    def _revocations_by_event(self) -> dict[str, list]:
        by_event: dict[str, list] = {}
        for r in self.revocations:
            by_event.setdefault(r.event_id, []).append(r)
        return by_event

    def revocations_of(self, event_id: str) -> list:
        return self._revocations_by_event.get(event_id, [])

    def agency_name(self, agency_id: str | None) -> Text | None:
        """The agency's name (pages name agencies, never by id alone); None when unknown."""
        return next((a.name for a in self.agencies if a.id == agency_id), None)

    def event(self, event_id: str) -> SiteEvent:
        return next(e for e in self.events if e.id == event_id)


def site_event(registry, event: Event, account: EventAccount | None) -> SiteEvent | None:
    """What one event's pages show (None for a folder without a valid plan)."""
    if event.plan is None or account is None:
        return None
    rules = account.rules
    assert rules is not None  # without rules in force the check fails (A506) and nothing is built
    district = rules.districts.get(event.plan.district, Text(event.plan.district, event.plan.district))
    large, _ = classify_event(event.plan, rules)
    trust = registry.trust
    cert = credential_view(trust, event.certificate) if event.certificate and trust else None
    decl = credential_view(trust, event.declaration_credential) if event.declaration_credential and trust else None
    score = showcase_score(event, account, cert.scope) if cert and account.status != "revoked" else None
    return SiteEvent(event, account, district, large, cert, decl, score)


def site_model(registry, events, source_date: str, today, matches: dict | None = None) -> SiteModel:
    """The model of the pages: ``events`` are full :class:`SiteEvent` (one event's own pages) or
    :class:`generator.site.summary.EventSummary` (the registry-wide pages); the templates read both."""
    events = sorted(events, key=lambda e: (e.plan.start, e.id), reverse=True)
    by_year: dict[int, list] = defaultdict(list)
    by_kind: dict[str, tuple[int, Decimal]] = {}
    by_category: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_offset: dict[str, int] = defaultdict(int)
    by_district: dict[str, tuple[Text, int, Decimal]] = {}
    by_month: dict[str, tuple[int, Decimal]] = {}
    reported_by_kind: dict[str, list] = defaultdict(list)
    for e in events:
        if e.reported:
            reported_by_kind[e.plan.kind].append((e.account.total, e.plan.attendance))
        name, n, t = by_district.get(e.plan.district, (e.district, 0, ZERO))
        by_district[e.plan.district] = (name, n + 1, t + e.account.total)
        month = e.plan.start.strftime("%Y-%m")
        n, t = by_month.get(month, (0, ZERO))
        by_month[month] = (n + 1, t + e.account.total)
        by_year[e.year].append(e)
        n, t = by_kind.get(e.plan.kind, (0, ZERO))
        by_kind[e.plan.kind] = (n + 1, t + e.account.total)
        for cat, value in e.account.by_category.items():
            by_category[cat] += value
        for r in e.event.retirements:
            by_offset[r.kind] += r.quantity
    years = tuple(_year_stats(y, es) for y, es in sorted(by_year.items(), reverse=True))
    return SiteModel(
        name=registry.meta.name if registry.meta else Text("登记库", "Registry"),
        events=tuple(events), agencies=tuple(registry.agencies.values()), years=years,
        by_kind=dict(sorted(by_kind.items())),
        intensity_by_kind={k: pooled for k, v in sorted(reported_by_kind.items()) if (pooled := pooled_intensity(v))},
        by_category=dict(sorted(by_category.items())),
        by_offset_kind=dict(sorted(by_offset.items())), by_district=dict(sorted(by_district.items())),
        by_month=dict(sorted(by_month.items())), totals=_year_stats(0, events),
        factor_sets=registry.factor_sets, rules=registry.rules, source_date=source_date,
        revocations=tuple(sorted(registry.revocations, key=lambda r: (r.decided_on, r.id), reverse=True)),
        trust=registry.trust,
        offers=tuple(sorted((o for o in registry.offers if o.valid_on(today)), key=lambda o: (o.kind, o.id))),
        matches=matches or {}, today=today, operator=registry.meta.operator if registry.meta else None,
        contact=registry.meta.contact if registry.meta else None,
        data_licence=registry.meta.data_licence if registry.meta else None,
    )


def event_matches(registry, e: SiteEvent, today) -> dict:
    """Art. 7: for an event still open, its shortfall in its target scope and the offers that cover it."""
    from generator.offers.match import match_event

    if e.account.status not in ("open", "overdue"):
        return {}
    return {e.id: match_event(registry, e.account, e.plan.target_scope, today)}


def build_model(result: CheckResult, source_date: str) -> SiteModel:
    """The model of a whole loaded registry (every event's records in memory)."""
    reg = result.registry
    events = [se for se in (site_event(reg, ev, result.accounts.get(ev.rel_dir)) for ev in reg.events) if se]
    matches = {k: v for e in events for k, v in event_matches(reg, e, result.today).items()}
    return site_model(reg, events, source_date, result.today, matches)


def _year_stats(year: int, events: list) -> YearStats:
    return YearStats(
        year=year, events=len(events),
        neutral_full=sum(1 for e in events if e.account.standing_level == "full"),
        neutral_basic=sum(1 for e in events if e.account.standing_level == "basic"),
        accounted=sum((e.account.total for e in events), ZERO),
        retired=sum(e.account.retired for e in events),
    )

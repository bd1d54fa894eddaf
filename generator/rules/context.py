"""What rules read. There are two kinds of rule, in two lists (``generator.rules``):

- an *event rule* reads one event (:class:`EventContext`): its records and account, the registry-wide
  records its result depends on (rules, factors, agencies, revocations, trust) and the date;
- a *registry rule* reads what spans events (:class:`RegistryContext`): the registry-wide records
  (agencies, notices, offers, trust, stray files) and the :class:`EventFacts` of every event, never
  the events' records.

Every check, the whole-registry one and the event-by-event one, runs the event rules once per event
and then the registry rules once over every event's facts: one path, so both give the same findings.
Both contexts carry the run's caches (``generator.caches.Caches``): no rule reads the environment."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from generator.accounting.compute import EventAccount
from generator.caches import Caches
from generator.model.records import Event, Registry
from generator.rules.facts import EventFacts


@dataclass(frozen=True, eq=False)
class EventContext:
    """One event: ``registry.events`` is this event alone (:meth:`of`), with the registry-wide records."""

    registry: Registry
    account: EventAccount | None  # None: the event has no valid plan (nothing was accounted)
    today: date
    caches: Caches

    @classmethod
    def of(cls, registry: Registry, event: Event, account: EventAccount | None, today: date, caches: Caches) -> EventContext:
        return cls(replace(registry, events=(event,)), account, today, caches)

    @property
    def event(self) -> Event:
        return self.registry.events[0]

    def planned_events(self):
        """The event with its account, if it has a valid plan (zero or one pair)."""
        if self.event.plan is not None:
            yield self.event, self.account


@dataclass(frozen=True, eq=False)
class RegistryContext:
    """The registry-wide records (``registry.events`` is empty, :meth:`of`) and every event's facts."""

    registry: Registry
    facts: tuple[EventFacts, ...]  # every event's facts, in folder order
    today: date
    caches: Caches

    @classmethod
    def of(cls, registry: Registry, facts: tuple[EventFacts, ...], today: date, caches: Caches) -> RegistryContext:
        return cls(replace(registry, events=()), facts, today, caches)

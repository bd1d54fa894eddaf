"""What every rule reads: the loaded registry, the computed accounts and the reference date.

A check runs the rules either over the whole registry at once, or (see ``generator.incremental``)
once per changed event with ``whole=False`` and then once with no events loaded, ``whole=True`` and
the facts of every event. A rule therefore reads events only through ``registry.events``, reads
other events only through :meth:`all_facts`, and checks registry-wide records (agencies, notices,
offers, trust, stray files) only when ``whole`` is set."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from generator.accounting.compute import EventAccount
from generator.model.records import Event, Registry
from generator.rules.facts import EventFacts, facts_of


@dataclass(frozen=True, eq=False)
class CheckContext:
    registry: Registry
    accounts: dict[str, EventAccount]  # by event rel_dir
    today: date
    facts: tuple[EventFacts, ...] | None = None  # every event's facts; None: derived from registry.events
    whole: bool = True  # run the registry-wide parts too

    def planned_events(self):
        """Events with a valid plan, with their account."""
        for event in self.registry.events:
            if event.plan is not None:
                yield event, self.accounts.get(event.rel_dir)

    def account(self, event: Event) -> EventAccount | None:
        return self.accounts.get(event.rel_dir)

    def all_facts(self) -> tuple[EventFacts, ...]:
        """The facts of every event of the registry, in folder order."""
        return self.facts if self.facts is not None else self._derived_facts

    @functools.cached_property
    def _derived_facts(self) -> tuple[EventFacts, ...]:
        return tuple(facts_of(e, self.account(e)) for e in self.registry.events)

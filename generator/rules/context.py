"""What every rule reads: the loaded registry, the computed accounts and the reference date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.accounting.compute import EventAccount
from generator.model.records import Event, Registry


@dataclass(frozen=True)
class CheckContext:
    registry: Registry
    accounts: dict[str, EventAccount]  # by event rel_dir
    today: date

    def planned_events(self):
        """Events with a valid plan, with their account."""
        for event in self.registry.events:
            if event.plan is not None:
                yield event, self.accounts.get(event.rel_dir)

    def account(self, event: Event) -> EventAccount | None:
        return self.accounts.get(event.rel_dir)

"""Which rules and which default factor set apply to an event (Art. 20: versioned data)."""
from __future__ import annotations

from datetime import date

from generator.model.records import FactorSet, Registry, Rules


def rules_in_force(registry: Registry, on: date) -> Rules | None:
    jurisdiction = registry.meta.jurisdiction if registry.meta else None
    candidates = [r for r in registry.rules
                  if r.effective_from <= on and (jurisdiction is None or r.jurisdiction == jurisdiction)]
    return max(candidates, key=lambda r: (r.effective_from, r.id), default=None)


def factor_set_in_force(registry: Registry, on: date) -> FactorSet | None:
    jurisdiction = registry.meta.jurisdiction if registry.meta else None
    candidates = [s for s in registry.factor_sets
                  if s.valid_from <= on and (s.valid_until is None or on <= s.valid_until)
                  and (jurisdiction is None or s.jurisdiction == jurisdiction)]
    return max(candidates, key=lambda s: (s.valid_from, s.id), default=None)

"""What an event's accounting covers, and which retirements count: the conditions of a neutrality level.

Specification (Art. 11 and 12; the JavaScript port of the accounting follows this module):

- A category is *accounted* when the report has a line of that category with an activity amount
  above zero. A line of amount 0 accounts nothing: "nothing was used" is an exclusion with a reason.
- A category is *covered* when it is accounted or the report excludes it explicitly with a reason.
- The *required categories* are those of the rules' required scope (``Rules.required_categories``).
  The rules say how complete the coverage must be (``Rules.scope_completeness``):
  ``every_category``: each required category is covered; ``any_category`` (profile versions before
  exclusions were recorded): at least one is.
- ``unaccounted`` lists the required categories that break that condition (empty when it holds).
  While it is not empty the event reaches no neutrality level, whatever was retired: offsetting
  ``ceil(0) = 0`` tonnes of a scope nobody accounted is no neutrality.
- A retirement *counts* towards the level only when it is dated on or before the deadline (Art. 12:
  within the rules' months after the end). Later ones are kept and shown as late, never counted.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Iterable

from generator.model.records import EmissionLine, Exclusion, Retirement, Rules


def accounted_categories(lines: Iterable[EmissionLine]) -> frozenset[str]:
    """Categories with at least one line of an activity amount above zero."""
    return frozenset(line.category for line in lines if line.amount > Decimal(0))


def unaccounted(rules: Rules, lines: Iterable[EmissionLine], exclusions: Iterable[Exclusion]) -> tuple[str, ...]:
    """The required categories that keep the required scope from being accounted, sorted."""
    required = rules.required_categories
    covered = (accounted_categories(lines) | {x.category for x in exclusions}) & required
    if rules.scope_completeness == "every_category":
        return tuple(sorted(required - covered))
    return () if covered else tuple(sorted(required))


def late_retirements(retirements: Iterable[Retirement], deadline: date | None) -> tuple[Retirement, ...]:
    """Retirements dated after the deadline: they do not count towards the level."""
    if deadline is None:
        return ()
    return tuple(r for r in retirements if r.retired_on > deadline)

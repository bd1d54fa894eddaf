"""What a reader needs to weigh an event's total: its intensity and how much of it rests on placeholders.

Specification (the JavaScript port follows this module):

- ``placeholder_share``: the exact tCO2e of the lines counted in the totals (a scope) whose factor is
  a placeholder, divided by the exact total; 0 when the total is 0. Shown with 4 decimals, rounded
  half to even (a disclosure, not a quantity that is offset).
- ``intensity``: the total tCO2e per on-site participant, per visit and per m² of exhibition area,
  for each figure the plan gives above 0; shown with 6 decimals, rounded half to even.
"""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from generator.accounting.compute import EventAccount

SHARE_PLACES = Decimal("0.0001")
INTENSITY_PLACES = Decimal("0.000001")
# plan attendance figure -> name of the intensity (tCO2e per ...)
PER = {"on_site_participants": "perParticipant", "visits": "perVisit", "exhibition_area_m2": "perSquareMetre"}


def _decimal(value: Fraction, places: Decimal) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(places, rounding=ROUND_HALF_EVEN)


def exact_total(account: EventAccount) -> Fraction:
    return sum((x.exact for x in account.lines if x.scope is not None), Fraction(0))


def placeholder_share(account: EventAccount) -> Decimal:
    total = exact_total(account)
    if total == 0:
        return Decimal(0).quantize(SHARE_PLACES)
    resting = sum((x.exact for x in account.lines if x.scope is not None and x.factor_origin == "placeholder"), Fraction(0))
    return _decimal(resting / total, SHARE_PLACES)


def intensity(account: EventAccount, attendance: dict[str, Decimal]) -> dict[str, Decimal]:
    total = exact_total(account)
    return {name: _decimal(total / Fraction(attendance[figure]), INTENSITY_PLACES)
            for figure, name in PER.items() if attendance.get(figure, 0) > 0}

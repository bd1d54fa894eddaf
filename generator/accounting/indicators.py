"""What a reader needs to weigh an event's total: its intensity and how much of it rests on weak inputs.

Specification (the one place these are computed; pages, open data, credentials and the showcase read it):

- The shares are of the exact tCO2e of the lines counted in the totals (a scope), divided by the exact
  total; 0 when the total is 0. Shown with 4 decimals, rounded half to even (a disclosure, not a
  quantity that is offset).
- ``placeholder_share``: lines whose factor is a placeholder (factor status, ``factor_origin``).
- ``estimated_share``: lines whose activity data is an estimate (``activity.source: estimated``).
  ``None`` when no line of the report states its source (events accounted under rules versions where
  the source was optional): the share is then unknown, not 0.
- ``weak_share``: lines resting on a placeholder factor **or** on estimated activity data, each line
  counted once (the showcase score's supporting-material part uses ``1 - weak_share``). Lines that
  state no source count as not estimated.
- ``source_shares``: the share of each activity source (``metered``, ``invoiced``, ``surveyed``,
  ``estimated``, and ``unstated`` for lines without one), only the sources present.
- ``intensity``: the total tCO2e per on-site participant, per visit and per m² of exhibition area,
  for each figure the plan gives above 0; shown with 6 decimals, rounded half to even.
- ``pooled_intensity``: over several events (statistics by kind), the sum of the totals of the
  events giving a figure divided by the sum of that figure (same names and decimals), with the number
  of those events.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from functools import partial
from typing import Callable, Iterable

from generator.accounting.compute import EventAccount, LineResult

SHARE_PLACES = Decimal("0.0001")
INTENSITY_PLACES = Decimal("0.000001")
# plan attendance figure -> name of the intensity (tCO2e per ...)
PER = {"on_site_participants": "perParticipant", "visits": "perVisit", "exhibition_area_m2": "perSquareMetre"}
SOURCES = ("metered", "invoiced", "surveyed", "estimated")
UNSTATED = "unstated"


@dataclass(frozen=True)
class Indicators:
    """An event's indicators, computed once (``indicators``) and only read afterwards."""

    placeholder_share: Decimal
    estimated_share: Decimal | None  # None: no line states where its activity data comes from
    weak_share: Decimal  # placeholder factor or estimated activity data, each line once
    source_shares: dict[str, Decimal]
    intensity: dict[str, Decimal]


def _decimal(value: Fraction, places: Decimal) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(places, rounding=ROUND_HALF_EVEN)


def _counted(account: EventAccount) -> list[LineResult]:
    return [x for x in account.lines if x.scope is not None]


def exact_total(account: EventAccount) -> Fraction:
    return sum((x.exact for x in _counted(account)), Fraction(0))


def _share(account: EventAccount, resting: Callable[[LineResult], bool]) -> Decimal:
    total = exact_total(account)
    if total == 0:
        return Decimal(0).quantize(SHARE_PLACES)
    return _decimal(sum((x.exact for x in _counted(account) if resting(x)), Fraction(0)) / total, SHARE_PLACES)


def _placeholder(x: LineResult) -> bool:
    return x.factor_origin == "placeholder"


def _estimated(x: LineResult) -> bool:
    return x.line.activity_source == "estimated"


def placeholder_share(account: EventAccount) -> Decimal:
    return _share(account, _placeholder)


def estimated_share(account: EventAccount) -> Decimal | None:
    if not any(x.line.activity_source for x in account.lines):
        return None
    return _share(account, _estimated)


def weak_share(account: EventAccount) -> Decimal:
    return _share(account, lambda x: _placeholder(x) or _estimated(x))


def _source(x: LineResult) -> str:
    return x.line.activity_source or UNSTATED


def source_shares(account: EventAccount) -> dict[str, Decimal]:
    present = {_source(x) for x in _counted(account)}
    return {s: _share(account, partial(_is_source, s)) for s in (*SOURCES, UNSTATED) if s in present}


def _is_source(source: str, x: LineResult) -> bool:
    return _source(x) == source


def intensity(account: EventAccount, attendance: dict[str, Decimal]) -> dict[str, Decimal]:
    total = exact_total(account)
    return {name: _decimal(total / Fraction(attendance[figure]), INTENSITY_PLACES)
            for figure, name in PER.items() if attendance.get(figure, 0) > 0}


def indicators(account: EventAccount, attendance: dict[str, Decimal]) -> Indicators:
    return Indicators(placeholder_share(account), estimated_share(account), weak_share(account),
                      source_shares(account), intensity(account, attendance))


def pooled_intensity(events: Iterable[tuple[Decimal, dict[str, Decimal]]]) -> dict[str, tuple[Decimal, int]]:
    """Intensity over events given as (total tCO2e, plan attendance): per figure, the totals of the events
    giving it above 0 over the sum of the figure, with the number of those events."""
    sums: dict[str, tuple[Fraction, Fraction, int]] = {}
    for total, attendance in events:
        for figure in PER:
            if attendance.get(figure, 0) > 0:
                t, n, count = sums.get(figure, (Fraction(0), Fraction(0), 0))
                sums[figure] = (t + Fraction(total), n + Fraction(attendance[figure]), count + 1)
    return {name: (_decimal(sums[figure][0] / sums[figure][1], INTENSITY_PLACES), sums[figure][2])
            for figure, name in PER.items() if figure in sums}

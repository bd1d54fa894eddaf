"""The plan's estimate against the actual accounting, per category and per scope (Art. 9 and 11).

The one place this comparison is computed: the event page, the report page and open data read it.

- One row per category that the estimate or the report has: the estimate's tCO2e (``None`` when it
  says nothing per category: typed totals, or an estimate that is unknown; 0 for a category that
  estimate lines did not expect), the actual tCO2e
  (``None`` before the report is filed; 0 for a category the estimate has and the report does not),
  and the difference actual − estimate when both are known.
- Rows are ordered basic scope, extended scope, then categories in neither, each by name.
- Summary rows: basic scope, extended scope and total, alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from generator.accounting.compute import PRECISION, ZERO, EventAccount

SCOPE_ORDER = {"basic": 0, "extended": 1, None: 2}


@dataclass(frozen=True)
class Row:
    category: str | None  # None on the summary rows
    scope: str | None
    estimate: Decimal | None
    actual: Decimal | None
    difference: Decimal | None  # actual − estimate


@dataclass(frozen=True)
class Comparison:
    source: str | None  # the estimate's form: "lines" | "totals" | None when it is unknown
    categories: tuple[Row, ...]
    basic: Row
    extended: Row
    total: Row
    needed_basic: int | None  # offsets the estimate would need (whole tonnes, rounded up); None if unknown
    needed_full: int | None


def _row(category, scope, estimate, actual) -> Row:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        difference = actual - estimate if estimate is not None and actual is not None else None
    return Row(category, scope, estimate, actual, difference)


def _scope_of(account: EventAccount, category: str) -> str | None:
    return account.rules.scope_of(category) if account.rules is not None else None


def estimate_vs_actual(account: EventAccount, has_report: bool) -> Comparison:
    est = account.estimate
    by_estimate = est.by_category if est is not None else {}
    by_actual = account.by_category if has_report else {}
    categories = sorted(set(by_estimate) | set(by_actual), key=lambda c: (SCOPE_ORDER[_scope_of(account, c)], c))
    per_category = est is not None and est.source == "lines"
    rows = tuple(_row(c, _scope_of(account, c),
                      by_estimate.get(c, ZERO) if per_category else None,
                      by_actual.get(c, ZERO) if has_report else None)
                 for c in categories)

    def actual(value: Decimal) -> Decimal | None:
        return value if has_report else None

    return Comparison(
        est.source if est is not None else None, rows,
        _row(None, "basic", est.basic if est else None, actual(account.basic)),
        _row(None, "extended", est.extended if est else None, actual(account.extended)),
        _row(None, None, est.total if est else None, actual(account.total)),
        est.needed_basic if est else None, est.needed_full if est else None,
    )

"""Bar charts as HTML tables: each chart *is* its data table (a row per bar: label, value, and a bar
drawn with CSS), so screen readers read the numbers, the text is page text (never scaled below
its size on a phone), and nothing needs JavaScript. Templates render ``bar_table.html``."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | int
    width: str  # percent of the largest value, e.g. "42.5" (CSS width of the bar)
    key: str = ""  # what the label names (a category code, a year), when a template needs it


@dataclass(frozen=True)
class Chart:
    title: str
    label_head: str
    value_head: str
    bars: tuple[Bar, ...]
    whole: bool = False  # values are counts or whole tonnes (shown without decimals)


def chart(rows, title: str, label_head: str, value_head: str, ordered: bool = False, whole: bool = False) -> Chart:
    """``rows`` are (label, value) or (label, value, key). Unless ``ordered`` (years, months, phases keep their order), bars are
    sorted largest first, then by label."""
    rows = [tuple(r) + ("",) * (3 - len(r)) for r in rows]
    if not ordered:
        rows.sort(key=lambda r: (-Decimal(r[1]), r[0]))
    peak = max((Decimal(r[1]) for r in rows), default=Decimal(0))
    bars = tuple(Bar(label, value, _width(Decimal(value), peak), str(key)) for label, value, key in rows)
    return Chart(title, label_head, value_head, bars, whole)


def _width(value: Decimal, peak: Decimal) -> str:
    if peak <= 0 or value <= 0:
        return "0"
    pct = (value / peak * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{max(pct, Decimal('0.5')):f}"

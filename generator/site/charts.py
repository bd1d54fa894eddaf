"""Horizontal bar charts as inline SVG, made at build time: readable without JavaScript."""
from __future__ import annotations

from decimal import Decimal
from html import escape

ROW, LABEL_W, BAR_W, VALUE_W = 28, 190, 260, 90


def bar_chart(rows: list[tuple[str, Decimal | int]], title: str, unit: str = "") -> str:
    """``rows`` are (label, value); values are drawn to scale against the largest one."""
    if not rows:
        return ""
    peak = max((Decimal(v) for _, v in rows), default=Decimal(0)) or Decimal(1)
    height = ROW * len(rows) + 8
    width = LABEL_W + BAR_W + VALUE_W
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, value) in enumerate(rows):
        y = 4 + i * ROW
        w = int((Decimal(value) / peak * BAR_W).to_integral_value()) if value else 0
        parts.append(f'<text x="{LABEL_W - 6}" y="{y + 18}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL_W}" y="{y + 4}" width="{max(w, 1)}" height="{ROW - 10}" rx="3"/>')
        parts.append(f'<text x="{LABEL_W + max(w, 1) + 6}" y="{y + 18}">{escape(format_number(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def format_number(value: Decimal | int, places: int = 3) -> str:
    """Thousands separators; at most ``places`` decimals, trailing zeros dropped; exact for integers."""
    if isinstance(value, int):
        return f"{value:,}"
    q = Decimal(value).quantize(Decimal(1).scaleb(-places))
    text = f"{q:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text

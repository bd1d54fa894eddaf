"""Charts (issue 14 §4): each chart is its data table, its text is at least 12 px at 390 and 1366 px,
categorical bars are sorted, and the statistics page breaks down by district and by month (counts
checked against events.csv)."""
from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal

import pytest
from pagekinds import page_kinds

pytestmark = pytest.mark.browser


def _number(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", ""))


def test_chart_text_is_at_least_12px_at_both_widths(demo_site, demo_url, open_page):
    kinds = page_kinds(demo_site.root)
    page = open_page().page
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        for kind in ("statistics", "event-done"):
            for prefix in ("", "en/"):
                page.goto(demo_url + prefix + kinds[kind])
                sizes = page.locator("main table.chart").evaluate_all(
                    "ts => ts.flatMap(t => Array.from(t.querySelectorAll('caption, th, td, span.value'))"
                    ".filter(e => e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize)))")
                assert sizes and min(sizes) >= 12, (width, kind, prefix, min(sizes))
                assert page.locator("main svg text").count() == 0   # no scaled SVG text anywhere


def test_statistics_by_district_and_by_month_match_events_csv(demo_site, demo_url, open_page):
    with open(demo_site.root / "data" / "events.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_month = Counter(r["start"][:7] for r in rows)
    page = open_page().page
    page.goto(demo_url + "en/statistics/")
    month_table = page.locator("table.chart", has=page.locator("caption", has_text="Events filed by month"))
    shown = dict(zip(month_table.locator("tbody th").all_inner_texts(),
                     (int(_number(v)) for v in month_table.locator("tbody .value").all_inner_texts())))
    assert shown == dict(sorted(by_month.items()))
    district_table = page.locator("table.chart", has=page.locator("caption", has_text="Events filed by district"))
    counts = [int(_number(v)) for v in district_table.locator("tbody .value").all_inner_texts()]
    assert sorted(counts, reverse=True) == counts == sorted(Counter(r["district"] for r in rows).values(), reverse=True)
    for caption in ("Emissions accounted by district", "By event kind", "By category"):
        values = [_number(v) for v in page.locator("table.chart", has=page.locator("caption", has_text=caption))
                  .locator("tbody .value").all_inner_texts()]
        assert values and values == sorted(values, reverse=True), caption

"""The home page's headline figures are what the library computes for the registry."""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import pytest

pytestmark = pytest.mark.browser


def number(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", ""))


def expected_figures(result):
    """(events, full, basic, tCO2e accounted, offsets retired) overall and by year, from check()."""
    per_year = defaultdict(lambda: [0, 0, 0, Decimal(0), 0])
    total = [0, 0, 0, Decimal(0), 0]
    for event in result.registry.events:
        account = result.accounts.get(event.rel_dir)
        if event.plan is None or account is None:
            continue
        for row in (total, per_year[event.plan.start.year]):
            row[0] += 1
            row[1] += account.standing_level == "full"   # a revoked claim no longer counts
            row[2] += account.standing_level == "basic"
            row[3] += account.total
            row[4] += account.retired
    return total, dict(per_year)


def assert_row(shown: list[str], expected: list, where: str):
    n, full, basic, accounted, retired = expected
    assert [number(x) for x in (shown[0], shown[1], shown[2], shown[4])] == [n, full, basic, retired], where
    assert number(shown[3]) == accounted.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), where  # 0.1 t, half up


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_headline_figures_match_the_library(base_url, result, open_page, prefix):
    total, per_year = expected_figures(result)
    assert total[0] > 0
    page = open_page().page
    page.goto(base_url + prefix)
    shown = page.locator("section.figures strong").all_inner_texts()
    assert len(shown) == 5
    assert_row(shown, total, "headline")

    rows = page.locator("main table tbody tr")
    years = {}
    for i in range(rows.count()):
        cells = rows.nth(i).locator("th, td").all_inner_texts()   # the year is the row's header
        years[int(cells[0])] = cells[1:]
    assert set(years) == set(per_year)
    for year, cells in years.items():
        assert_row(cells, per_year[year], f"year {year}")

"""Narrative pages built by mkdocs use the same theme as generated pages; the methodology page lists
every factor of the registry's factor sets, marking placeholders."""
from __future__ import annotations

from decimal import Decimal

import pytest

from generator.site.quantities import unit

pytestmark = pytest.mark.browser
DOCS = ["docs/", "docs/guideline/", "docs/methodology/", "en/docs/filing/", "en/docs/", "en/docs/methodology/"]

HEADER = """() => ({
  links: [...document.querySelectorAll('header a')].map(a => [a.href, a.textContent.trim()]),
  css: [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href),
  bg: getComputedStyle(document.querySelector('header.top')).backgroundColor,
  lang: document.documentElement.lang,
})"""


@pytest.mark.parametrize("path", DOCS)
def test_docs_pages_share_the_site_theme(base_url, open_page, path):
    page = open_page().page
    lang_prefix = "en/" if path.startswith("en/") else ""
    page.goto(base_url + lang_prefix + "statistics/")
    generated = page.evaluate(HEADER)
    page.goto(base_url + path)
    narrative = page.evaluate(HEADER)
    # same header links (the language switch points at each page's own counterpart)
    assert narrative["links"][:-1] == generated["links"][:-1]
    assert narrative["links"][-1][1] == generated["links"][-1][1]
    assert narrative["css"][0] == generated["css"][0] == base_url + "assets/style.css"
    assert narrative["bg"] == generated["bg"]
    assert narrative["lang"] == generated["lang"] == ("en" if lang_prefix else "zh-Hans")
    assert page.locator("main article.doc h1").count() == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_methodology_lists_every_factor_and_marks_placeholders(base_url, result, open_page, lang):
    page = open_page().page
    page.goto(base_url + ("en/" if lang == "en" else "") + "docs/methodology/")
    mark = "占位" if lang == "zh" else "placeholder"
    factor_sets = result.registry.factor_sets
    assert factor_sets
    for fs in factor_sets:
        table = page.locator(f"main h2:has(code:text-is('{fs.id}')) + table")
        assert table.count() == 1, fs.id
        assert table.locator("tbody tr").count() == len(fs.factors)
        for factor in fs.factors.values():
            row = table.locator(f"tbody tr:has(td:first-child code:text-is('{factor.key}'))")
            assert row.count() == 1, factor.key
            cells = row.first.locator("td").all_inner_texts()
            assert Decimal(cells[2]) == Decimal(str(factor.value)), factor.key
            assert cells[3] == unit(factor.unit, lang)   # as readers write it (tests/site/test_site_quantities.py)
            assert (mark in cells[4]) == (factor.status == "placeholder"), (factor.key, cells[4])
            assert (("二手来源" if lang == "zh" else "secondary") in cells[4]) == (factor.status == "secondary"), \
                (factor.key, cells[4])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_methodology_factors_read_on_a_phone(base_url, open_page, lang):
    """At 390 px the six-column factor table broke numbers, units and keys over lines ("4." / "2",
    "tC" / "O₂/10⁴" / "kW" / "h"): each factor is a card whose value and unit stay on one line (a key
    longer than the card, such as electricity-national-excluding-market-non-fossil, wraps at its hyphens)."""
    page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True).page
    page.goto(base_url + ("en/" if lang == "en" else "") + "docs/methodology/")
    lines = page.evaluate("""() => [...document.querySelectorAll('main table.factors tbody tr')].map(tr => {
        const count = el => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects().length; };
        const cells = tr.querySelectorAll('td');
        return [cells[0].textContent, count(cells[2]), count(cells[3])];
    })""")
    assert lines
    broken = [row for row in lines if row[1:] != [1, 1]]
    assert not broken, broken

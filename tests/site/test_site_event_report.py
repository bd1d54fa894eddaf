"""An event page shows the computed emissions by phase, category and scope; the implementation
report prints on A4 without the site's header and navigation."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from generator.site.i18n import enum_label, label

pytestmark = pytest.mark.browser
TENTH = Decimal("0.1")   # pages round tonnes to 0.1 t, half up (the rule stated in every page's footer)


def number(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", ""))


def reported_events(result):
    return sorted((e for e in result.registry.events if e.plan and e.report and e.rel_dir in result.accounts),
                  key=lambda e: e.plan.id)


def table_values(page, selector: str) -> dict[str, Decimal]:
    """First cell -> last cell of each row of a table on the page."""
    values = {}
    rows = page.locator(f"{selector} tbody tr")
    for i in range(rows.count()):
        cells = rows.nth(i).locator("th, td").all_inner_texts()
        values[cells[0].strip()] = number(cells[-1])
    return values


def assert_close(shown: dict[str, Decimal], expected: dict[str, Decimal], where: str):
    assert set(shown) >= set(expected), where
    for key, value in expected.items():
        assert shown[key] == value.quantize(TENTH, rounding=ROUND_HALF_UP), \
            f"{where}: {key} shows {shown[key]}, computed {value}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_event_page_emissions_match_the_account(base_url, result, open_page, lang):
    page = open_page().page
    prefix = "en/" if lang == "en" else ""
    events = reported_events(result)
    assert events
    for event in events:
        account = result.accounts[event.rel_dir]
        page.goto(f"{base_url}{prefix}events/{event.plan.id}/")
        by_phase = {enum_label("phase", k, lang): v for k, v in account.by_phase.items()}
        assert_close(table_values(page, "table.by-phase"), by_phase, f"{event.plan.id} by phase")

        by_category = {enum_label("category", k, lang): v for k, v in account.by_category.items()}
        by_category |= {label("basic_scope", lang): account.basic, label("extended_scope", lang): account.extended,
                        label("total", lang): account.total}
        assert_close(table_values(page, "table.by-category"), by_category, f"{event.plan.id} by category")
        assert account.basic + account.extended == account.total

        # the charts are these tables: a bar per phase and per category, categories largest first
        assert page.locator("table.by-phase tbody .fill").count() == len(by_phase)
        shown = [number(v) for v in page.locator("table.by-category tbody td.bar .value").all_inner_texts()]
        assert len(shown) == len(account.by_category) and shown == sorted(shown, reverse=True)
        assert page.locator(f'main a[href$="events/{event.plan.id}/report/"]').count() == 1


def test_report_page_has_a_print_stylesheet(base_url, result, open_page):
    event = reported_events(result)[0]
    page = open_page().page
    page.goto(f"{base_url}events/{event.plan.id}/report/")
    assert page.locator("header.top").is_visible()
    assert page.locator("header.top nav").is_visible()
    assert page.locator("article.report h1").inner_text() == label("report_title", "zh")
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    assert page.locator("header.top nav").is_hidden()
    assert page.locator("footer.foot").is_hidden()
    assert page.locator(".noprint").is_hidden()
    assert page.locator("article.report h1").is_visible()
    assert page.locator("table.lines tbody tr").count() == len(result.accounts[event.rel_dir].lines)
    # printed, the page still says where it comes from: the platform's name and the page's address
    head = page.locator(".print-head")
    assert head.is_visible() and label("site_name", "zh") in head.inner_text()
    assert f"events/{event.plan.id}/report/" in head.inner_text()


def test_printed_event_and_certificate_pages_keep_their_qr_code(base_url, result, open_page):
    certified = sorted(e.plan.id for e in result.registry.events if e.plan and e.certificate)[0]
    page = open_page().page
    page.emulate_media(media="print")
    for path in (f"events/{certified}/", f"events/{certified}/certificate/"):
        page.goto(base_url + path)
        assert page.locator(".qr svg").is_visible(), path
        head = page.locator(".print-head:visible, .printonly:visible")   # the certificate prints its own
        assert head.count() == 1 and label("site_name", "zh") in head.inner_text(), path


def test_report_prints_to_an_a4_pdf(base_url, result, open_page, tmp_path):
    event = reported_events(result)[0]
    page = open_page().page
    page.goto(f"{base_url}en/events/{event.plan.id}/report/")
    pdf = page.pdf(format="A4", print_background=True)
    (tmp_path / "report.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    sizes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert sizes, "no page size found in the PDF"
    for width, height in sizes:   # A4 is 595.28 x 841.89 pt
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2

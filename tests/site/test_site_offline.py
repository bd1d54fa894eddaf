"""Charts are inline SVG that need no JavaScript; nothing is loaded from another host."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sitetestkit import html_pages, parse_html


def test_scripts_and_stylesheets_are_relative_to_the_site(site):
    outside = []
    for rel in html_pages(site.root):
        doc = parse_html((site.root / rel).read_text(encoding="utf-8"))
        refs = [t.attrs.get("src") for t in doc.all("script")] + [t.attrs.get("href") for t in doc.all("link")]
        refs += [t.attrs.get("src") for t in doc.tags if t.name in ("img", "iframe", "source", "video", "audio")]
        for ref in filter(None, refs):
            url = urlsplit(ref)
            if url.scheme == "data":  # inline content (the empty favicon), not a request to anyone
                continue
            if url.scheme or url.netloc or ref.startswith("/"):
                outside.append(f"{rel}: {ref}")
    assert not outside, "\n".join(outside)


@pytest.mark.browser
def test_charts_render_without_javascript(base_url, result, open_page):
    page = open_page(java_script_enabled=False).page
    event_id = sorted(e.plan.id for e in result.registry.events if e.plan and e.report)[0]
    for prefix in ("", "en/"):
        page.goto(base_url + prefix + "statistics/")
        charts = page.locator("main table.chart.bars")
        assert charts.count() >= 8   # year, month (events, tonnes), district (tonnes, events), kind, category, offset
        for i in range(charts.count()):
            assert charts.nth(i).is_visible()
            assert charts.nth(i).locator("caption").count() == 1
            bars = charts.nth(i).locator("tbody tr .fill")
            assert bars.count() >= 1 and bars.first.bounding_box()["width"] >= 1
        page.goto(f"{base_url}{prefix}events/{event_id}/")
        assert page.locator(".charts table.chart.bars").count() == 2   # by phase, by category (with the scopes)
        # the event list is readable without JavaScript too: every row of the first page is static HTML
        page.goto(base_url + prefix + "events/")
        assert page.locator("#event-rows tr").count() == min(50, len(result.accounts))


@pytest.mark.browser
def test_the_browser_requests_nothing_outside_the_site(site, base_url, open_page):
    w = open_page()
    page = w.page
    pages = [p[: -len("index.html")] for p in html_pages(site.root)]
    for path in pages:
        page.goto(base_url + path)
        if page.locator("script[src]").count():    # let scripts finish what they fetch
            page.wait_for_load_state("networkidle")
    page.goto(base_url + "events/?kind=conference")   # the filter script fetches the JSON index
    page.wait_for_load_state("networkidle")
    outside = [u for u in w.requests if urlsplit(u).hostname != "127.0.0.1" and not u.startswith(base_url)]
    assert not outside, outside
    assert all(u.startswith(base_url) for u in w.requests)
    assert not w.page_errors, w.page_errors
    assert not w.console_errors, w.console_errors
    assert not w.failed, w.failed

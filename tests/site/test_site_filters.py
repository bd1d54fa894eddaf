"""The event list's filters and sorting (assets/events.js) work in a real browser and keep their
state in the URL query, so a filtered list can be shared and reloaded."""
from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.site.i18n import enum_label

pytestmark = pytest.mark.browser


def listed(result):
    return [(e.plan, result.accounts[e.rel_dir]) for e in result.registry.events
            if e.plan and e.rel_dir in result.accounts]


def rows(page) -> list[list[str]]:
    body = page.locator("#event-rows tr")
    return [body.nth(i).locator("td").all_inner_texts() for i in range(body.count())]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_choosing_a_kind_filters_rows_and_goes_into_the_url(base_url, result, open_page, lang):
    events = listed(result)
    kinds = Counter(plan.kind for plan, _ in events)
    kind, count = min(kinds.items(), key=lambda kv: (kv[1], kv[0]))
    assert count < len(events), "the sample needs more than one kind of event"
    w = open_page()
    page = w.page
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{base_url}{prefix}events/")
    form = page.locator("form.filters")
    form.wait_for(state="visible")           # shown once the JSON index has loaded
    assert len(rows(page)) == len(events)

    page.select_option("form.filters select[name=kind]", kind)
    page.wait_for_function(f"document.querySelectorAll('#event-rows tr').length === {count}")
    shown = rows(page)
    names = sorted(getattr(plan.name, lang) for plan, _ in events if plan.kind == kind)
    assert sorted(r[0] for r in shown) == names
    assert {r[1] for r in shown} == {enum_label("kind", kind, lang)}
    assert parse_qs(urlsplit(page.url).query)["kind"] == [kind]
    assert urlsplit(page.url).path == f"/{prefix}events/"

    # the state survives a reload from the URL
    page.reload()
    page.locator("form.filters").wait_for(state="visible")
    page.wait_for_function(f"document.querySelectorAll('#event-rows tr').length === {count}")
    assert page.locator("form.filters select[name=kind]").input_value() == kind

    # back to any kind: every event again
    page.select_option("form.filters select[name=kind]", "")
    page.wait_for_function(f"document.querySelectorAll('#event-rows tr').length === {len(events)}")
    assert parse_qs(urlsplit(page.url).query).get("kind", [""]) == [""]
    assert not (w.page_errors or w.failed or w.console_errors), (w.page_errors, w.failed, w.console_errors)


def test_year_filter_and_sort_by_emissions(base_url, result, open_page):
    events = listed(result)
    years = Counter(plan.start.year for plan, _ in events)
    year, count = max(years.items())
    page = open_page().page
    page.goto(f"{base_url}en/events/?year={year}&sort=big")
    page.locator("form.filters").wait_for(state="visible")
    page.wait_for_function(f"document.querySelectorAll('#event-rows tr').length === {count}")
    expected = [plan.name.en for plan, account in
                sorted(((p, a) for p, a in events if p.start.year == year), key=lambda pa: -pa[1].total)]
    assert [r[0] for r in rows(page)] == expected
    query = parse_qs(urlsplit(page.url).query)
    assert query["year"] == [str(year)] and query["sort"] == ["big"]
    # a row links to the event's page
    page.locator("#event-rows tr a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.startswith("/en/events/") and page.locator("h1").inner_text() == expected[0]

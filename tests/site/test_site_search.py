"""Search (issue 14 §5): a search for an event's name returns that event's page first, titled with the
name and the page kind; list pages are not results; excerpts hold no button text; the home page has
a search box, and the other language's search gets the query."""
from __future__ import annotations

import csv
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def _names(root, step=1):
    with open(root / "data" / "events.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))[::step]


def _first(page, base, lang, query):
    prefix = "en/" if lang == "en" else ""
    page.goto(f"{base}{prefix}search/?q={quote(query)}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
    links = page.locator(".pagefind-ui__result-link")
    return links.first.inner_text(), links.first.get_attribute("href"), links.all_inner_texts()


@pytest.mark.parametrize("lang", [
    pytest.param("zh", marks=pytest.mark.xfail(strict=False, reason=(
        "Pagefind's Chinese segmentation at index time splits some names differently from the query "
        "(2026 滨江灯光艺术节 finds nothing; 灯光艺术节 finds it): issue 14 follow-up"))),
    "en"])
def test_an_event_name_finds_its_page_first_on_the_sample(site, base_url, open_page, lang):
    page = open_page().page
    kind = {"zh": "活动", "en": "Event"}[lang]
    for row in _names(site.root):
        name = row[f"name_{lang}"]
        title, href, titles = _first(page, base_url, lang, name)
        assert title == f"{name} · {kind}", (name, titles[:3])
        assert href.rstrip("/").endswith(f"events/{row['id']}")
        assert not any(t.startswith(("全部活动", "All events", "统计分析", "Statistics")) for t in titles)


def test_english_names_find_their_page_first_among_300_similar_events(demo_site, demo_url, open_page):
    """The demo's names repeat series ('2026 Expo Symphony Festival (edition 2)' and '(edition 6)')."""
    page = open_page().page
    for row in _names(demo_site.root, step=13):
        title, href, titles = _first(page, demo_url, "en", row["name_en"])
        assert href.rstrip("/").endswith(f"events/{row['id']}"), (row["name_en"], titles[:3])
        assert title == f"{row['name_en']} · Event"


def test_excerpts_are_content_and_the_home_box_and_other_language_carry_the_query(site, base_url, open_page):
    row = _names(site.root)[0]
    page = open_page().page
    page.goto(base_url + "en/")
    page.fill("#home-q", row["name_en"])
    page.press("#home-q", "Enter")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
    assert "search/" in page.url and page.locator(".pagefind-ui__result-link").first.inner_text().startswith(row["name_en"])
    excerpts = " ".join(page.locator(".pagefind-ui__result-excerpt").all_inner_texts())
    assert "Print" not in excerpts and "Download the offline-verifiable" not in excerpts
    other = page.locator("#other-lang-search")
    assert other.get_attribute("href").endswith("search/?q=" + quote(row["name_en"]))
    assert "en/" not in other.get_attribute("href")
    other.click()
    page.wait_for_selector(".pagefind-ui__search-input")
    assert page.locator(".pagefind-ui__search-input").input_value() == row["name_en"]

"""Every page exists in Chinese (/) and English (/en/); the language switch leads to the same page;
every internal link resolves; the header is the same small navigation on every page."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from sitetestkit import html_pages, page_url, parse_html


def page_kinds(result) -> dict[str, str]:
    """One zh path per page kind (the en page is the same path under en/)."""
    with_report = sorted(e.plan.id for e in result.registry.events if e.plan and e.report)
    event_id = with_report[0]
    revocations = sorted(r.id for r in result.registry.revocations)
    kinds = {
        "home": "", "events": "events/", "event": f"events/{event_id}/", "report": f"events/{event_id}/report/",
        "agencies": "agencies/", "statistics": "statistics/", "data": "data/", "docs": "docs/",
        "guideline": "docs/guideline/", "methodology": "docs/methodology/", "filing": "docs/filing/",
        "agency-guide": "docs/agencies/", "verify": "docs/verify/", "revocations": "revocations/",
        "search": "search/",
    }
    if revocations:
        kinds["revocation"] = f"revocations/{revocations[0]}/"
    return kinds


def test_every_page_kind_exists_in_both_languages(site, result):
    for kind, path in page_kinds(result).items():
        assert (site.root / path / "index.html").is_file(), f"zh {kind} page missing: {path}"
        assert (site.root / "en" / path / "index.html").is_file(), f"en {kind} page missing: en/{path}"


def test_every_page_has_a_counterpart_in_the_other_language(site):
    pages = set(html_pages(site.root))
    zh = {p for p in pages if not p.startswith("en/")}
    en = {p[3:] for p in pages if p.startswith("en/")}
    assert zh == en


def test_language_switch_link_points_at_the_same_page(site):
    for rel in html_pages(site.root):
        doc = parse_html((site.root / rel).read_text(encoding="utf-8"))
        switch = [t for t in doc.header_links() if "lang" in (t.attrs.get("class") or "").split()]
        assert len(switch) == 1, rel
        here = "http://site/" + page_url(rel)
        target = urlsplit(urljoin(here, switch[0].attrs["href"])).path.lstrip("/")
        expected = page_url(rel)[3:] if rel.startswith("en/") else "en/" + page_url(rel)
        assert target == expected, rel
        assert doc.lang == ("en" if rel.startswith("en/") else "zh-Hans"), rel


def test_every_internal_link_resolves(site):
    broken = []
    for rel in html_pages(site.root):
        doc = parse_html((site.root / rel).read_text(encoding="utf-8"))
        here = "http://site/" + page_url(rel)
        for tag in doc.tags:
            for attr in ("href", "src"):
                value = tag.attrs.get(attr)
                if not value or value.startswith("#"):
                    continue
                url = urlsplit(urljoin(here, value))
                if url.netloc != "site":
                    continue
                path = url.path.lstrip("/")
                target = site.root / (path + "index.html" if path.endswith("/") or not path else path)
                if not target.is_file():
                    broken.append(f"{rel}: {value}")
    assert not broken, "\n".join(broken)


def test_header_links_are_the_same_bounded_set_on_every_page(site):
    counts = {}
    for rel in html_pages(site.root):
        doc = parse_html((site.root / rel).read_text(encoding="utf-8"))
        counts[rel] = len(doc.header_links())
    assert len(set(counts.values())) == 1, counts
    assert 0 < next(iter(counts.values())) <= 13  # brand, 11 nav links (offers since issue 5, filing since issue 13, verify since issue 18), language


@pytest.mark.browser
def test_clicking_the_language_switch_opens_the_same_page(site, result, base_url, open_page):
    w = open_page()
    page = w.page
    for kind, path in page_kinds(result).items():
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.lang") == "zh-Hans", kind
        page.click("header a.lang")
        page.wait_for_load_state()
        assert page.url == base_url + "en/" + path, kind
        assert page.evaluate("document.documentElement.lang") == "en", kind
        page.click("header a.lang")
        page.wait_for_load_state()
        assert page.url == base_url + path, kind
        assert page.evaluate("document.documentElement.lang") == "zh-Hans", kind
    assert not w.page_errors

"""The 404 page (issue 14 §10): bilingual, self-contained (inline style, links from the site's path), so
that a host can serve it at any missing address."""
from __future__ import annotations

from sitetestkit import parse_html


def test_404_page_is_bilingual_and_needs_no_relative_file(site):
    html = (site.root / "404.html").read_text(encoding="utf-8")
    doc = parse_html(html)
    assert "找不到该页面" in html and "Page not found" in html
    assert not doc.all("link") and not doc.all("script")          # the style is inline
    hrefs = [t.attrs.get("href") for t in doc.all("a")]
    assert hrefs and all(h.startswith("/") for h in hrefs), hrefs   # absolute paths work at any depth
    assert "/en/events/" in hrefs and "/events/" in hrefs

"""The built site: an offers page in both languages, a nav link, and the open forum's shortfall."""
from __future__ import annotations

from pathlib import Path

import pytest
from offerstestkit import FORUM_ID, SAMPLE, TODAY

from generator.site.build import build


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    build(SAMPLE, out, TODAY, epoch=1764000000, search=False)
    return out


def _read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_offers_page_in_both_languages(site):
    zh, en = _read(site, "offers/index.html"), _read(site, "en/offers/index.html")
    assert "<h1>抵销供给</h1>" in zh and "<h1>Offset offers</h1>" in en
    for page in (zh, en):
        for offer_id in ("ccer-2026-chongming-wind", "shea-2026-lingang-power", "shver-2026-metro-carbon-inclusion",
                         "cea-2026-minhang-thermal"):
            assert f'id="{offer_id}"' in page
    assert "出售 86.50 元/吨" in zh and "Purchase 86.50 CNY/t" in en
    assert "捐赠" in zh and "Donation" in en
    assert "2026-03-01 – 2027-02-28" in en and "2026-11-24" in en


def test_nav_links_offers_next_to_showcase(site):
    for rel, word in (("index.html", "抵销供给"), ("en/index.html", "Offers")):
        page = _read(site, rel)
        showcase = page.index("showcase/\">")
        assert page.index(f"offers/\">{word}</a>") > showcase


def test_forum_page_shows_shortfall_and_matching_offers(site):
    zh = _read(site, f"events/{FORUM_ID}/index.html")
    en = _read(site, f"en/events/{FORUM_ID}/index.html")
    assert '<dd class="shortfall-full">285</dd>' in en and '<dd class="shortfall-basic">0</dd>' in en
    assert "全口径碳中和尚缺" in zh and "抵销撮合" in zh
    assert en.index("#ccer-2026-chongming-wind") < en.index("#shver-2026-metro-carbon-inclusion") < en.index("#cea-2026-minhang-thermal")
    assert "#shea-2026-lingang-power" not in en  # contributes nothing: the shortfall is already covered
    assert 'href="../../../en/offers/"' in en and "The offers on file cover the whole shortfall." in en


def test_done_event_page_has_no_matching(site):
    page = _read(site, "en/events/2025-pujiang-city-marathon/index.html")
    assert "offer-matching" not in page


def test_expired_offer_not_listed(tmp_path):
    out = tmp_path / "out"
    build(SAMPLE, out, __import__("datetime").date(2027, 1, 15), epoch=1764000000, search=False)
    page = _read(out, "en/offers/index.html")
    assert 'id="shver-2026-metro-carbon-inclusion"' not in page and 'id="ccer-2026-chongming-wind"' in page

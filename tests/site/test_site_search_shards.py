"""The search index in one Pagefind bundle per event year plus the main bundle: every page indexed
once, a rebuild re-indexes only the years whose pages changed, and the search page merges the
bundles in the browser (a real Chromium over real HTTP)."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from generator.site.build import build
from generator.site.search import BUNDLES, MAIN, STAMP, bundles
from sitetestkit import EPOCH, TODAY, copy_registry, html_pages


def test_every_page_is_in_exactly_one_bundle(site):
    plan = bundles(site.root)
    assert set(plan) == {MAIN, "pagefind-2025", "pagefind-2026"}
    pages = [page for _, listed in plan.values() for page in listed]
    assert sorted(pages) == html_pages(site.root) and len(pages) == len(set(pages))
    assert all("events/2025-" in p for p in plan["pagefind-2025"][1])
    assert all("events/2026-" in p for p in plan["pagefind-2026"][1])
    assert not any(p.split("events/", 1)[-1][:3] == "202" for p in plan[MAIN][1] if "events/" in p)
    counted = {}
    for name in plan:
        entry = json.loads((site.root / name / "pagefind-entry.json").read_text(encoding="utf-8"))
        for lang, info in entry["languages"].items():
            counted[lang] = counted.get(lang, 0) + info["page_count"]
    zh = [p for p in html_pages(site.root) if not p.startswith("en/")]
    assert counted == {"zh-hans": len(zh), "en": len(html_pages(site.root)) - len(zh)}
    assert json.loads((site.root / MAIN / BUNDLES).read_text(encoding="utf-8")) == ["pagefind-2025/", "pagefind-2026/"]


def test_a_rebuild_indexes_only_the_year_that_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONREG_CACHE", str(tmp_path / "cache"))
    registry = copy_registry(tmp_path / "registry")
    out = tmp_path / "_site"
    day = date.fromisoformat(TODAY)
    build(registry, out, day, int(EPOCH), "registry", search=True)
    before = {name: os.stat(out / name / "pagefind-entry.json").st_ino for name in (MAIN, "pagefind-2025", "pagefind-2026")}
    keys = {name: json.loads((out / name / STAMP).read_text(encoding="utf-8"))["key"] for name in before}
    plan = next(registry.glob("events/2026/2026-riverside-light-art-festival/plan.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8").replace("New-year light shows", "New-year lantern shows", 1), encoding="utf-8")
    build(registry, out, day, int(EPOCH), "registry", search=True)
    after = {name: os.stat(out / name / "pagefind-entry.json").st_ino for name in before}
    new_keys = {name: json.loads((out / name / STAMP).read_text(encoding="utf-8"))["key"] for name in before}
    assert after["pagefind-2025"] == before["pagefind-2025"] and new_keys["pagefind-2025"] == keys["pagefind-2025"]  # reused
    assert new_keys["pagefind-2026"] != keys["pagefind-2026"] and after["pagefind-2026"] != before["pagefind-2026"]  # indexed again


@pytest.mark.browser
def test_one_search_finds_events_of_every_year(site, base_url, open_page):
    w = open_page()
    w.page.goto(base_url + "en/search/")
    w.page.fill(".pagefind-ui__search-input", "Pujiang")
    w.page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
    w.page.wait_for_timeout(1500)  # every bundle answers
    links = w.page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
    assert any("2025-pujiang-city-marathon" in link for link in links), links      # pagefind-2025
    assert any("2026-pujiang-low-carbon-forum" in link for link in links), links   # pagefind-2026
    assert not w.page_errors and not w.failed, (w.page_errors, w.failed)

"""The search index of a large site in one Pagefind bundle per event year plus the main bundle: every
page indexed once, a rebuild re-indexes only the years whose pages changed, and the search page
merges the bundles in the browser (a real Chromium over real HTTP). A site below the size limit
keeps one bundle (Pagefind ranks within one index only)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from sitetestkit import serve

from generator.site.search import BUNDLES, MAIN, STAMP, bundles, index_site


def _copy_without_index(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, copy_function=os.link, ignore=lambda folder, names: [
        n for n in names if folder == str(src) and n.startswith("pagefind")])
    return dst


@pytest.fixture(scope="module")
def by_year(site, tmp_path_factory) -> Path:
    """The sample site indexed as a large one would be: one bundle per event year."""
    out = _copy_without_index(site.root.resolve(), tmp_path_factory.mktemp("by-year") / "site")
    assert index_site(out, None, max_pages=0) == {MAIN: "indexed", "pagefind-2025": "indexed", "pagefind-2026": "indexed"}
    return out


def test_a_small_site_keeps_one_bundle(site):
    assert list(bundles(site.root)) == [MAIN]
    assert json.loads((site.root / MAIN / BUNDLES).read_text(encoding="utf-8")) == []


def test_every_page_is_in_exactly_one_bundle(by_year):
    plan = bundles(by_year, max_pages=0)
    assert set(plan) == {MAIN, "pagefind-2025", "pagefind-2026"}
    pages = [page for _, listed in plan.values() for page in listed]
    every = sorted(p.relative_to(by_year).as_posix() for p in by_year.rglob("*.html"))
    assert sorted(pages) == every and len(pages) == len(set(pages)) and len(every) > 50
    assert all("events/2025-" in p for p in plan["pagefind-2025"][1])
    assert all("events/2026-" in p for p in plan["pagefind-2026"][1])
    assert not any(p.split("events/", 1)[-1][:3] == "202" for p in plan[MAIN][1] if "events/" in p)
    assert json.loads((by_year / MAIN / BUNDLES).read_text(encoding="utf-8")) == ["pagefind-2025/", "pagefind-2026/"]


def test_the_bundles_index_what_one_index_does(site, by_year):
    """Page counts per language: the year bundles and the main bundle add up to the one index."""
    one = json.loads((site.root / MAIN / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    counted: dict[str, int] = {}
    for name in bundles(by_year, max_pages=0):
        for lang, info in json.loads((by_year / name / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].items():
            counted[lang] = counted.get(lang, 0) + info["page_count"]
    assert counted == {lang: info["page_count"] for lang, info in one.items()}


def test_a_rebuild_indexes_only_the_year_that_changed(by_year, tmp_path):
    again = _copy_without_index(by_year, tmp_path / "site")
    page = next(again.glob("en/events/2026-*/index.html"))
    text = page.read_text(encoding="utf-8")
    page.unlink()  # a new file, as a build writes it (the copy is hard-linked)
    page.write_text(text.replace("</main>", "<p>lantern</p></main>", 1), encoding="utf-8")
    done = index_site(again, by_year, max_pages=0)
    assert done == {MAIN: "reused", "pagefind-2025": "reused", "pagefind-2026": "indexed"}
    assert os.stat(again / "pagefind-2025" / "pagefind-entry.json").st_ino == os.stat(by_year / "pagefind-2025" / "pagefind-entry.json").st_ino
    def stamp(root):
        return json.loads((root / "pagefind-2026" / STAMP).read_text(encoding="utf-8"))["key"]
    assert stamp(again) != stamp(by_year)


@pytest.mark.browser
def test_one_search_finds_events_of_every_year(by_year, open_page):
    with serve(by_year) as url:
        w = open_page()
        w.page.goto(url + "en/search/")
        w.page.fill(".pagefind-ui__search-input", "Pujiang")
        w.page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
        w.page.wait_for_timeout(1500)  # every bundle answers
        links = w.page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
        assert any("2025-pujiang-city-marathon" in link for link in links), links      # pagefind-2025
        assert any("2026-pujiang-low-carbon-forum" in link for link in links), links   # pagefind-2026
        assert not w.page_errors and not w.failed, (w.page_errors, w.failed)

"""The search index of a large site in bundles bounded by bytes: the main bundle, one per event year,
and a year above the limit cut into several at event boundaries. Every indexed page is in one bundle,
a rebuild re-indexes only the bundles whose pages changed, one changed event moves only the cuts
around it, and the search page merges the bundles in the browser (a real Chromium over real HTTP).
A site below the size limit keeps one bundle (Pagefind ranks within one index only)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from sitetestkit import serve

from generator.site.search import BODY, BUNDLES, MAIN, STAMP, bundles, cut, index_site, indexed_pages


def _copy_without_index(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, copy_function=os.link, ignore=lambda folder, names: [
        n for n in names if folder == str(src) and n.startswith("pagefind")])
    return dst


def _year_bytes(folder: Path) -> dict[str, int]:
    years: dict[str, int] = {}
    for page, (size, _) in indexed_pages(folder).items():
        rel = page.removeprefix("en/")
        if rel.startswith("events/20") and rel.count("/") > 1:
            years[rel[7:11]] = years.get(rel[7:11], 0) + size
    return years


@pytest.fixture(scope="module")
def limit(site) -> int:
    """A limit each year of the sample fits in but the whole site does not: one bundle per year."""
    return max(_year_bytes(site.root).values())


@pytest.fixture(scope="module")
def by_year(site, limit, tmp_path_factory) -> Path:
    """The sample site indexed as a large one would be: one bundle per event year."""
    out = _copy_without_index(site.root.resolve(), tmp_path_factory.mktemp("by-year") / "site")
    assert index_site(out, None, max_bytes=limit) == {MAIN: "indexed", "pagefind-2025": "indexed", "pagefind-2026": "indexed"}
    return out


def test_a_small_site_keeps_one_bundle(site):
    assert list(bundles(site.root)) == [MAIN]
    assert json.loads((site.root / MAIN / BUNDLES).read_text(encoding="utf-8")) == []


def test_every_indexed_page_is_in_exactly_one_bundle(by_year, limit):
    plan = bundles(by_year, max_bytes=limit)
    assert set(plan) == {MAIN, "pagefind-2025", "pagefind-2026"}
    pages = [page for listed in plan.values() for page in listed]
    html = [p for p in by_year.rglob("*.html") if not p.relative_to(by_year).parts[0].startswith(MAIN)]
    every = sorted(p.relative_to(by_year).as_posix() for p in html if BODY in p.read_bytes())
    assert sorted(pages) == every and len(pages) == len(set(pages)) and len(every) > 40
    assert len(html) > len(every)  # lists and other pages Pagefind would skip are never given to it
    assert all("events/2025-" in p for p in plan["pagefind-2025"])
    assert all("events/2026-" in p for p in plan["pagefind-2026"])
    assert not any(p.split("events/", 1)[-1][:3] == "202" for p in plan[MAIN] if "events/" in p)
    assert json.loads((by_year / MAIN / BUNDLES).read_text(encoding="utf-8")) == ["pagefind-2025/", "pagefind-2026/"]


def test_the_bundles_index_what_one_index_does(site, by_year, limit):
    """Page counts per language: the year bundles and the main bundle add up to the one index."""
    one = json.loads((site.root / MAIN / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    counted: dict[str, int] = {}
    for name in bundles(by_year, max_bytes=limit):
        for lang, info in json.loads((by_year / name / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].items():
            counted[lang] = counted.get(lang, 0) + info["page_count"]
    assert counted == {lang: info["page_count"] for lang, info in one.items()}


def test_a_rebuild_indexes_only_the_year_that_changed(by_year, limit, tmp_path):
    again = _copy_without_index(by_year, tmp_path / "site")
    page = next(again.glob("en/events/2026-*/index.html"))
    text = page.read_text(encoding="utf-8")
    page.unlink()  # a new file, as a build writes it (the copy is hard-linked)
    page.write_text(text.replace("</main>", "<p>lantern</p></main>", 1), encoding="utf-8")
    done = index_site(again, by_year, max_bytes=limit)
    assert done == {MAIN: "reused", "pagefind-2025": "reused", "pagefind-2026": "indexed"}
    assert os.stat(again / "pagefind-2025" / "pagefind-entry.json").st_ino == os.stat(by_year / "pagefind-2025" / "pagefind-entry.json").st_ino
    def stamp(root):
        return json.loads((root / "pagefind-2026" / STAMP).read_text(encoding="utf-8"))["key"]
    assert stamp(again) != stamp(by_year)


@pytest.fixture(scope="module")
def by_event(site, tmp_path_factory) -> Path:
    """The sample site indexed with a limit below a year's: years cut into several bundles."""
    out = _copy_without_index(site.root.resolve(), tmp_path_factory.mktemp("by-event") / "site")
    index_site(out, None, max_bytes=max(_year_bytes(site.root).values()) // 2)
    return out


def test_a_year_above_the_limit_is_cut_at_event_boundaries_within_the_limit(site, by_event):
    """The sample's pages, with a limit below a year's: each year in several bundles named after their
    first event, none above the limit unless one event is, and the pages of one event (zh and en,
    event and report) always together; the language counts still add up to the one index."""
    sizes = {page: size for page, (size, _) in indexed_pages(site.root).items()}
    limit = max(_year_bytes(site.root).values()) // 2
    plan = bundles(site.root, max_bytes=limit)
    events = sorted({p.removeprefix("en/").split("/")[1] for p in sizes if p.removeprefix("en/").startswith("events/20")
                     and p.count("/") > 1})
    assert len(plan) > 3 and MAIN in plan
    for name, pages in plan.items():
        if name == MAIN:
            continue
        owners = sorted({p.removeprefix("en/").split("/")[1] for p in pages})
        assert name == f"pagefind-{owners[0]}" or name == f"pagefind-{owners[0][:4]}", (name, owners)
        assert sum(sizes[p] for p in pages) <= limit or len(owners) == 1, name
        for event in owners:  # every page of the event is here
            assert {p for p in sizes if f"events/{event}/" in p} <= set(pages)
    assert sorted(e for n, pages in plan.items() if n != MAIN for e in {p.removeprefix("en/").split("/")[1] for p in pages}) == events
    out = by_event
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(MAIN)) == sorted(plan)
    one = json.loads((site.root / MAIN / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    counted: dict[str, int] = {}
    for name in plan:
        for lang, info in json.loads((out / name / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].items():
            counted[lang] = counted.get(lang, 0) + info["page_count"]
    assert counted == {lang: info["page_count"] for lang, info in one.items()}
    assert json.loads((out / MAIN / BUNDLES).read_text(encoding="utf-8")) == [f"{n}/" for n in plan if n != MAIN]
    # Pagefind's UI is loaded from the main bundle only: the others keep just what a merged index reads
    assert (out / MAIN / "pagefind-ui.js").is_file()
    for name in plan:
        if name != MAIN:
            assert not list((out / name).glob("pagefind-*ui.*")) and (out / name / "pagefind-entry.json").is_file()


def _units(count: int) -> list[tuple[str, int]]:
    return [(f"2030-event-{i:05d}", 40_000 + (i * 7919) % 60_000) for i in range(count)]


def test_the_cut_bounds_every_bundle_and_averages_about_half_the_limit():
    units = _units(3000)
    runs = cut(units, 4_000_000)
    size = dict(units)
    assert [name for run in runs for name in run] == [name for name, _ in units]
    totals = [sum(size[n] for n in run) for run in runs]
    assert max(totals) <= 4_000_000
    assert 1_500_000 < sum(totals) / len(totals) < 3_000_000, sum(totals) / len(totals)
    assert cut([("huge", 9_000_000), ("next", 10)], 4_000_000) == [["huge"], ["next"]]  # one unit above it: alone


@pytest.mark.parametrize("change", ["insert", "remove", "resize"])
def test_one_changed_event_moves_only_the_cuts_around_it(change):
    """A bundle is reused when its pages are unchanged: one event added, removed or edited in the middle
    of a large year must leave almost every other bundle as it was (cutting by running totals alone
    would shift every bundle after it)."""
    units = _units(3000)
    before = cut(units, 4_000_000)
    changed = list(units)
    if change == "insert":
        changed.insert(1500, ("2030-event-01499-b", 70_000))
    elif change == "remove":
        del changed[1500]
    else:
        changed[1500] = (changed[1500][0], changed[1500][1] + 30_000)
    after = cut(changed, 4_000_000)
    moved = {tuple(run) for run in after} - {tuple(run) for run in before}
    assert len(moved) <= 3 and len(before) > 30, (len(moved), len(before))  # the rest are reused as they are
    assert moved or change == "resize"  # a resized event may keep its bundle's members (its pages differ)


@pytest.mark.browser
@pytest.mark.parametrize("split", ["by_year", "by_event"])
def test_one_search_finds_events_of_every_year(split, request, open_page):
    with serve(request.getfixturevalue(split)) as url:
        w = open_page()
        w.page.goto(url + "en/search/")
        w.page.fill(".pagefind-ui__search-input", "Pujiang")
        w.page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
        w.page.wait_for_timeout(1500)  # every bundle answers
        links = w.page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
        assert any("2025-pujiang-city-marathon" in link for link in links), links      # pagefind-2025
        assert any("2026-pujiang-low-carbon-forum" in link for link in links), links   # pagefind-2026
        assert not w.page_errors and not w.failed, (w.page_errors, w.failed)

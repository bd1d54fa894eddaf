"""Search (issue 14 §5): a search for an event's name returns that event's page first, titled with the
name and the page kind; list pages are not results; excerpts hold no button text; the home page has
a search box, and the other language's search gets the query."""
from __future__ import annotations

import csv
import re
from urllib.parse import quote

import pytest
from samplekit import unpublish
from sitetestkit import build_ok, copy_registry, serve

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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_event_name_finds_its_page_first_on_the_sample(site, base_url, open_page, lang):
    """Pagefind cuts Chinese differently when it indexes (jieba) and when it searches (the browser's
    Intl.Segmenter): "2026 滨江灯光艺术节" found nothing before the name was indexed word by word."""
    page = open_page().page
    kind = {"zh": "活动", "en": "Event"}[lang]
    for row in _names(site.root):
        name = row[f"name_{lang}"]
        title, href, titles = _first(page, base_url, lang, name)
        assert title == f"{name} · {kind}", (name, titles[:3])
        assert href.rstrip("/").endswith(f"events/{row['id']}")
        assert not any(t.startswith(("全部活动", "All events", "统计分析", "Statistics")) for t in titles)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names_find_their_page_first_among_300_similar_events(demo_site, demo_url, open_page, lang):
    """The demo's names repeat series with an edition number ('2026 世博交响节（第 2 届）' and
    '（第 12 届）', '(edition 2)' and '(edition 12)'): the number decides which page comes first."""
    page = open_page().page
    kind = {"zh": "活动", "en": "Event"}[lang]
    rows = _names(demo_site.root)
    for row in rows[::13]:
        name = row[f"name_{lang}"]
        # a large demo repeats a name now and then (3,000 events: two "2027 Wusongkou City
        # Orienteering Week (edition 3)"): any event of that name may come first
        same = {r["id"] for r in rows if r[f"name_{lang}"] == name}
        title, href, titles = _first(page, demo_url, lang, name)
        assert href.rstrip("/").rsplit("/", 1)[1] in same, (name, titles[:3])
        assert title == f"{name} · {kind}"


# Names with digits and Latin letters inside Chinese, as organizers write them.
_MIXED = {
    "2026-riverside-light-art-festival": ("2026 F1滨江灯光艺术节（第3届）", "2026 F1 Riverside Light-Art Festival (3rd)"),
    "2026-pujiang-low-carbon-forum": ("2026浦江ESG低碳发展论坛·3x3", "2026 Pujiang ESG Low-Carbon Forum 3x3"),
}


@pytest.fixture(scope="module")
def mixed_url(tmp_path_factory):
    """The sample with two events renamed in their plans (the forum's certificate, which binds its plan,
    is removed from the copy: a signed plan edited is C102, and the site is not built)."""
    base = tmp_path_factory.mktemp("mixed-names")
    registry = copy_registry(base / "registry")
    for event_id, (zh, en) in _MIXED.items():
        unpublish(registry, f"events/{event_id[:4]}/{event_id}")
        plan = registry / "events" / event_id[:4] / event_id / "plan.yaml"
        text = plan.read_text(encoding="utf-8")
        old = re.search(r"^name:\n  zh: (.*)\n  en: (.*)\n", text, re.M)
        plan.write_text(text.replace(old.group(0), f"name:\n  zh: '{zh}'\n  en: '{en}'\n"), encoding="utf-8")
    with serve(build_ok(registry, base / "_site")) as url:
        yield url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names_with_digits_and_latin_letters_find_their_page_first(mixed_url, open_page, lang):
    page = open_page().page
    kind = {"zh": "活动", "en": "Event"}[lang]
    for event_id, names in _MIXED.items():
        name = names[0] if lang == "zh" else names[1]
        # as written; in full-width digits and letters (a Chinese input method's); in Chinese
        # without spaces and punctuation, in English with spaces for the punctuation
        wide = name.translate({c: c + 0xFEE0 for c in range(ord("0"), ord("z") + 1) if chr(c).isalnum()})
        bare = re.sub(r"[\s（）·]", "", name) if lang == "zh" else re.sub(r"[()·-]", " ", name)
        for query in (name, wide, bare):
            title, href, titles = _first(page, mixed_url, lang, query)
            assert title == f"{name} · {kind}", (query, titles[:3])
            assert href.rstrip("/").endswith(f"events/{event_id}")


# A browser whose dictionary cuts other words than jieba did at index time (Safari, Firefox and
# Chromium each ship their own): simulated by cutting every run of Han characters into its first
# character and then pairs ("滨 江灯 光艺 术节"), words that no page was indexed with.
_OTHER_CUT = """(() => {
  const Original = Intl.Segmenter;
  class OtherCut {
    constructor(locales, options) { this.word = options && options.granularity === "word"; this.inner = new Original(locales, options); }
    resolvedOptions() { return this.inner.resolvedOptions(); }
    segment(text) {
      if (!this.word) return this.inner.segment(text);
      const out = [], re = /[\\u3400-\\u9fff]+|[^\\u3400-\\u9fff]+/gu;
      for (let m; (m = re.exec(text));) {
        if (!/[\\u3400-\\u9fff]/u.test(m[0])) {
          out.push({ segment: m[0], index: m.index, input: text, isWordLike: /\\S/.test(m[0]) });
          continue;
        }
        for (let i = 0; i < m[0].length; i = i === 0 ? 1 : i + 2) {
          const w = i === 0 ? m[0].slice(0, 1) : m[0].slice(i, i + 2);
          out.push({ segment: w, index: m.index + i, input: text, isWordLike: true });
        }
      }
      return out;
    }
  }
  Intl.Segmenter = OtherCut;
})();"""


def test_a_chinese_name_is_found_whatever_the_browser_segmenter(site, base_url, open_page):
    page = open_page().page
    page.add_init_script(_OTHER_CUT)

    def patched_worker(route):  # Pagefind searches in a worker: it gets the same segmenter
        response = route.fetch()
        route.fulfill(response=response, body=_OTHER_CUT + "\n" + response.text())
    page.context.route("**/pagefind-worker.js", patched_worker)
    page.goto(base_url + "search/")
    cut = "() => [...new Intl.Segmenter('zh', {granularity: 'word'}).segment('2026 滨江灯光')].map(s => s.segment).join('|')"
    assert page.evaluate(cut) == "2026 |滨|江灯|光"
    for row in _names(site.root):
        title, href, titles = _first(page, base_url, "zh", row["name_zh"])
        assert title == f"{row['name_zh']} · 活动", (row["name_zh"], titles[:3])


def test_a_name_typed_into_the_box_finds_its_page_and_a_word_never_loads_the_names(site, base_url, open_page):
    w = open_page()
    page = w.page
    page.goto(base_url + "en/search/")
    page.fill(".pagefind-ui__search-input", "Marathon")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=20000)
    assert not any("events-index.json" in url for url in w.requests)
    page.goto(base_url + "search/")
    page.fill(".pagefind-ui__search-input", "2026 滨江灯光艺术节")   # typed: found nothing before the fix
    page.wait_for_function("() => { const a = document.querySelector('.pagefind-ui__result-link');"
                           " return a && a.textContent === '2026 滨江灯光艺术节 · 活动'; }", timeout=20000)
    assert any("events-index.json" in url for url in w.requests)


def test_a_part_of_a_chinese_name_finds_it_and_the_excerpt_is_the_page_text(site, base_url, open_page):
    page = open_page().page
    for query, event_id, name in (("长三角绿色建筑", "2025-yrd-green-building-expo", "2025 长三角绿色建筑博览会"),
                                  ("滨江灯光", "2026-riverside-light-art-festival", "2026 滨江灯光艺术节")):
        title, href, titles = _first(page, base_url, "zh", query)
        assert title == f"{name} · 活动", (query, titles[:3])
        assert href.rstrip("/").endswith(f"events/{event_id}")
        excerpt = page.locator(".pagefind-ui__result-excerpt").first.inner_text()
        # the hidden block of single characters never shows (excerpt or tag); the page's own text does
        assert " ".join(name.split(" ")[1]) not in excerpt and "举办单位" in excerpt, excerpt
        shown = page.locator(".pagefind-ui__result").first.inner_text()
        assert " ".join(name.split(" ")[1]) not in shown and "name_words" not in shown.lower(), shown


def test_a_query_that_is_no_name_is_searched_as_typed(site, base_url, open_page):
    """Only names become exact phrases: words from a page's text still find it ("马拉松" is in a
    name; "全程马拉松" is only in the marathon's description, "示例" on every page)."""
    page = open_page().page
    title, href, _ = _first(page, base_url, "zh", "全程马拉松")
    assert href.rstrip("/").endswith("events/2025-pujiang-city-marathon")
    _, _, titles = _first(page, base_url, "zh", "示例")
    assert len(titles) >= 5


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


def test_an_excerpt_keeps_a_label_apart_from_its_value(site, base_url, open_page):
    """Pagefind joins adjacent elements' text without a space: "OrganizerPujiang City Sports…" in every
    event's excerpt until the templates put a space between </dt> and <dd>."""
    page = open_page().page
    page.goto(base_url + "en/search/?q=Pujiang")
    page.wait_for_selector(".pagefind-ui__result-excerpt", timeout=20000)
    page.wait_for_timeout(1500)  # every result's excerpt is in
    excerpts = " ".join(page.locator(".pagefind-ui__result-excerpt").all_inner_texts())
    assert "Organizer Pujiang" in excerpts and "OrganizerPujiang" not in excerpts, excerpts

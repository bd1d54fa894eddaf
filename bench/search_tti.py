"""Search at scale (issue 14): the search index's size and the time from opening the search page with
an event's name (?q=) to that event being the first result, in Chinese and English.

Usage: python bench/search_tti.py SITE_FOLDER [N]   (a site built by carbonreg build; Debian's Chromium)
Prints the Pagefind bundle's size and file count, then for N names (default 20, spread over
data/events.csv) per language the median and slowest time to the first result and the bytes the
page fetched (the Chinese search also fetches data/events-index.json for the event names)."""
import csv
import pathlib
import statistics
import sys
from urllib.parse import quote

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "site"), str(REPO / "tests")]
from playwright.sync_api import sync_playwright  # noqa: E402
from sitetestkit import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

root = pathlib.Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
bundle = [p for p in (root / "pagefind").rglob("*") if p.is_file()]
print(f"pagefind/ {sum(p.stat().st_size for p in bundle) / 1e6:.1f} MB in {len(bundle)} files")
with open(root / "data" / "events.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
rows = rows[:: max(1, len(rows) // n)][:n]
with serve(root) as base, sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    for lang in ("zh", "en"):
        times, sizes, misses = [], [], 0
        for row in rows:
            ctx = browser.new_context()
            page = ctx.new_page()
            got = []
            page.on("requestfinished", lambda r, got=got: got.append(r.sizes()["responseBodySize"]))
            name = row[f"name_{lang}"]
            page.goto(f"{base}{'en/' if lang == 'en' else ''}search/?q={quote(name)}")
            page.wait_for_selector(".pagefind-ui__result-link", timeout=60000)
            times.append(page.evaluate("performance.now()"))
            href = page.locator(".pagefind-ui__result-link").first.get_attribute("href")
            misses += not href.rstrip("/").endswith(row["id"])
            page.wait_for_load_state("networkidle")
            sizes.append(sum(got))
            ctx.close()
        print(f"{lang}: first result in median {statistics.median(times):.0f} ms, slowest {max(times):.0f} ms; "
              f"fetched median {statistics.median(sizes) / 1e3:.0f} KB; {misses} of {len(rows)} not first")
    browser.close()

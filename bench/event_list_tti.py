"""The event list at scale (issue 14): size of data/events-index.json and time until the filters work.

Usage: python bench/event_list_tti.py SITE_FOLDER   (a site built by carbonreg build; Debian's Chromium)
Prints the index size (raw and gzip), DOMContentLoaded and the moment the filter form is shown (the
index fetched and parsed) for the plain list and a filtered, sorted page 3, at 390 and 1366 px."""
import gzip
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "site"), str(REPO / "tests")]
from playwright.sync_api import sync_playwright
from sitetestkit import CHROMIUM, CHROMIUM_ARGS, serve

root = pathlib.Path(sys.argv[1])
idx = root / "data/events-index.json"
raw = idx.read_bytes()
print("index bytes", len(raw), "gzip", len(gzip.compress(raw, 6)))
with serve(root) as base, sync_playwright() as pw:
    b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    for width in (390, 1366):
        ctx = b.new_context(viewport={"width": width, "height": 900})
        pg = ctx.new_page()
        for q in ("", "?year=2026&sort=big&page=3"):
            pg.goto(base + "events/" + q)
            pg.wait_for_function("!document.querySelector('form.filters').hidden")
            t = pg.evaluate("performance.now()")
            nav = pg.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
            print(width, q or "(none)", f"DOMContentLoaded {nav:.0f} ms, filters ready by {t:.0f} ms")
        ms = pg.evaluate("""() => { const s = document.querySelector('select[name=kind]'); const t0 = performance.now();
            s.value = s.options[1].value; s.dispatchEvent(new Event('change')); return performance.now() - t0; }""")
        print(width, f"one filter change re-renders in {ms:.1f} ms")
        ctx.close()
    b.close()

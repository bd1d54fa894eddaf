"""A registry with hostile strings renders them as text: no script runs, the HTML carries them escaped."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from ruamel.yaml import YAML
from samplekit import unpublish
from sitetestkit import build_ok, copy_registry, html_pages, serve

SCRIPT = "<script>alert(1)</script>"
ATTR = '" onmouseover="alert(1)'
JS_URL = "javascript:alert(1)"
# A right-to-left override is refused by the loader (Y112, see tests/hostile/rtl-override.yaml);
# here a non-ASCII letter stands in for text that must survive unchanged.
RLO = "\u00e9"
NAME_ZH = f"{SCRIPT}活动{ATTR}"
NAME_EN = f"{JS_URL} {RLO}tneve{ATTR}"
CONTENT = f"{SCRIPT} {ATTR} {JS_URL} {RLO}txet"


def poison(plan_path) -> str:
    yaml = YAML()           # round trip: ruamel quotes the strings as YAML needs
    yaml.preserve_quotes = True
    data = yaml.load(plan_path.read_text(encoding="utf-8"))
    data["name"]["zh"], data["name"]["en"] = NAME_ZH, NAME_EN
    data["content"]["zh"] = data["content"]["en"] = CONTENT
    data["organizer"]["name"]["en"] = SCRIPT
    data["reduction_measures"][0]["description"]["en"] = f"{ATTR}{SCRIPT}"
    with plan_path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return data["id"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, result):
    base = tmp_path_factory.mktemp("hostile")
    registry = copy_registry(base / "registry")
    # an event with a report and no signed declaration: the forum, whose certificate is removed from the
    # copy because its plan is edited below (C102); every sample event with a report is signed since issue 12
    reported = next(e for e in result.registry.events if e.plan and e.plan.id == "2026-pujiang-low-carbon-forum")
    assert reported.report and not reported.declaration_credential
    unpublish(registry, reported.rel_dir)
    planned = next(e for e in result.registry.events if e.plan and not e.report)
    ids = [poison(registry / e.rel_dir / "plan.yaml") for e in (reported, planned)]
    out = build_ok(registry, base / "_site")
    return out, ids


def test_hostile_strings_are_escaped_in_every_file(hostile):
    root, ids = hostile
    for rel in html_pages(root):
        html = (root / rel).read_text(encoding="utf-8")
        assert SCRIPT not in html, rel
        assert 'onmouseover="' not in html, rel
        assert 'href="javascript:' not in html.lower() and "src=\"javascript:" not in html.lower(), rel
    page = (root / "events" / ids[0] / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34; onmouseover=&#34;alert(1)" in page or "&quot; onmouseover=&quot;alert(1)" in page
    assert RLO in (root / "en" / "events" / ids[0] / "index.html").read_text(encoding="utf-8")
    # machine-readable outputs carry the exact strings and still parse
    index = json.loads((root / "data" / "events-index.json").read_text(encoding="utf-8"))
    zh = index["fields"].index("zh")
    assert {e[zh] for e in index["events"]} >= {NAME_ZH}
    ET.fromstring((root / "feed.xml").read_bytes())


@pytest.mark.browser
def test_no_script_runs_and_the_text_shows_as_text(hostile, open_page):
    root, ids = hostile
    w = open_page()
    page = w.page
    with serve(root) as base:
        paths = ["", "en/", "events/", "en/events/", "en/events/?sort=old", "statistics/"]
        for event_id in ids:
            paths += [f"events/{event_id}/", f"en/events/{event_id}/"]
            if (root / "events" / event_id / "report").is_dir():
                paths += [f"events/{event_id}/report/", f"en/events/{event_id}/report/"]
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            for element in page.locator("main h1, main a, main dd").all()[:40]:
                if element.is_visible():
                    element.hover()
            assert page.evaluate("document.querySelectorAll('[onmouseover]').length") == 0, path
            assert page.evaluate("[...document.querySelectorAll('a[href]')].filter(a => "
                                 "a.protocol === 'javascript:').length") == 0, path
        page.goto(f"{base}events/{ids[0]}/")
        assert page.locator("main h1").inner_text() == NAME_ZH
        page.goto(f"{base}en/events/{ids[0]}/")
        assert page.locator("main h1").inner_text() == NAME_EN
        page.goto(f"{base}en/events/?sort=old")   # rows rendered by events.js from the JSON index
        page.locator("form.filters").wait_for(state="visible")
        assert NAME_EN in page.locator("#event-rows a").all_inner_texts()
    assert w.dialogs == [], w.dialogs
    assert not w.page_errors, w.page_errors

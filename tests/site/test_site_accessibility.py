"""Accessibility (issue 14 §11): axe-core (vendored, tests/site/vendor/axe-core) on every page kind of a
300-event demo site, in Chinese and English, at 390 and 1366 px: no serious or critical violation."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pagekinds import both_languages, page_kinds

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # axe-core 4.14.1


@pytest.fixture(scope="module")
def axe_source() -> str:
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256, "tests/site/vendor/axe-core/axe.min.js is not 4.14.1"
    return data.decode("utf-8")


def _violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    return found


@pytest.mark.parametrize("width", [390, 1366])
def test_no_serious_or_critical_violation_on_any_page_kind(demo_site, demo_url, open_page, axe_source, width):
    w = open_page(viewport={"width": width, "height": 900})
    page = w.page
    problems = {}
    for name, path in both_languages(page_kinds(demo_site.root)):
        page.goto(demo_url + path)
        page.wait_for_load_state("networkidle")
        found = _violations(page, axe_source)
        if found:
            problems[name] = found
    # the event list after a filter (rows drawn by events.js) and the search page with results
    page.goto(demo_url + "events/?status=done&page=2")
    page.wait_for_function("!document.querySelector('form.filters').hidden")
    if _violations(page, axe_source):
        problems["events filtered"] = _violations(page, axe_source)
    assert not problems, problems


def test_the_checker_finds_a_planted_violation(demo_url, open_page, axe_source):
    """The harness can fail: an image without alt text and an unlabelled input are reported."""
    page = open_page().page
    page.goto(demo_url + "data/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\"><input type=text>')")
    found = _violations(page, axe_source)
    assert any(f.startswith("image-alt") for f in found) and any(f.startswith("label") for f in found), found

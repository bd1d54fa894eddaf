"""Defects 3 and 8 of issue 14: at 390 px no page of any kind, in either language, is wider than the
screen, on a 300-event demo site and with a name of the schema's maximum length (4,000 characters)."""
from __future__ import annotations

import pytest
from pagekinds import both_languages, page_kinds
from ruamel.yaml import YAML
from samplekit import unpublish
from sitetestkit import build_ok, copy_registry, serve

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def _too_wide(page, base: str, paths) -> dict:
    out = {}
    for name, path in paths:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width != inner:
            out[name] = (path, width, inner)
    return out


def test_every_page_kind_fits_a_phone_in_both_languages(demo_site, demo_url, open_page):
    w = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    kinds = page_kinds(demo_site.root)
    assert {"event-done", "event-planned", "event-revoked", "report", "certificate", "declaration",
            "revocation"} <= set(kinds)
    assert not _too_wide(w.page, demo_url, both_languages(kinds))
    # the events list shows each row as a card: name, emissions and status all on screen
    w.page.goto(demo_url + "events/")
    w.page.locator("form.filters").wait_for(state="visible")
    for cell in ("td.name a", "td.num", "td.badges .badge"):
        box = w.page.locator(f"#event-rows tr:first-child {cell}").first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], cell


@pytest.fixture(scope="module")
def long_name_site(tmp_path_factory, result):
    base = tmp_path_factory.mktemp("long-name")
    registry = copy_registry(base / "registry")
    # an event with a report and no declaration; its certificate, if any, is removed from the copy so
    # that its plan may be edited (a signed plan edited is C102, and the site is not built)
    event = sorted((e for e in result.registry.events if e.plan and e.report and not e.declaration_credential),
                   key=lambda e: e.plan.id)[0]
    unpublish(registry, event.rel_dir)
    yaml = YAML()
    plan = registry / event.rel_dir / "plan.yaml"
    data = yaml.load(plan.read_text(encoding="utf-8"))
    data["name"]["zh"] = "超长活动名称" * 666 + "末尾"                 # 3,998 + 2 characters
    data["name"]["en"] = "W" * 4000                                    # one unbroken word
    with plan.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return build_ok(registry, base / "_site"), data["id"]


def test_a_4000_character_name_wraps(long_name_site, open_page):
    root, event_id = long_name_site
    w = open_page(viewport=PHONE, is_mobile=True)
    paths = [(f"{p} {lang}", ("en/" if lang == "en" else "") + p) for lang in ("zh", "en")
             for p in ("events/", f"events/{event_id}/", f"events/{event_id}/report/", "")]
    with serve(root) as base:
        assert not _too_wide(w.page, base, paths)
        for width in (390, 1366):
            w.page.set_viewport_size({"width": width, "height": 900})
            w.page.goto(base + "en/events/")
            w.page.locator("form.filters").wait_for(state="visible")
            status = w.page.locator("#event-rows td.badges").first.bounding_box()
            assert status["x"] + status["width"] <= width, width   # the status column stays in view

"""On a phone (390x844) no page is wider than the screen: wide tables scroll inside their box."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def phone_pages(result) -> list[str]:
    event_id = sorted(e.plan.id for e in result.registry.events if e.plan and e.report)[0]
    certified = sorted(e.plan.id for e in result.registry.events if e.plan and e.certificate)
    declared = sorted(e.plan.id for e in result.registry.events if e.plan and e.declaration_credential)
    paths = ["", "events/", f"events/{event_id}/", f"events/{event_id}/report/", "statistics/", "agencies/",
             "data/", "revocations/", "docs/", "docs/methodology/", "docs/guideline/", "showcase/", "verify/",
             "search/"]
    paths += [f"events/{i}/certificate/" for i in certified] + [f"events/{i}/declaration/" for i in declared]
    paths += [f"revocations/{r.id}/" for r in result.registry.revocations]
    return paths + ["en/" + p for p in paths]


def test_no_page_overflows_a_phone_screen(base_url, result, open_page, tmp_path):
    w = open_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = w.page
    too_wide = {}
    for path in phone_pages(result):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")  # the events list fetches its index after load: let it finish
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1] + 1:
            too_wide[path] = widths
    assert not too_wide, f"pages wider than the phone (scrollWidth, innerWidth): {too_wide}"
    event_id = sorted(e.plan.id for e in result.registry.events if e.plan and e.report)[0]
    page.goto(f"{base_url}events/{event_id}/")
    shot = tmp_path / "phone-event.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    certified = sorted(e.plan.id for e in result.registry.events if e.plan and e.certificate)
    for event_id in certified:  # the certificate page too, on the phone and on a desktop
        for viewport in (PHONE, {"width": 1280, "height": 900}):
            page.set_viewport_size(viewport)
            page.goto(f"{base_url}events/{event_id}/certificate/")
            page.screenshot(path=str(tmp_path / f"certificate-{viewport['width']}.png"), full_page=True)
    assert certified
    assert not (w.page_errors or w.failed or w.console_errors), (w.page_errors, w.failed, w.console_errors)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_section_of_the_menu_is_on_a_phone_screen(base_url, open_page, lang):
    """The header's sections wrap onto rows on a phone: every link, Verify and File among them, lies
    inside the screen, none waits off to the side of a row that scrolls (as the English menu did)."""
    w = open_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = w.page
    page.goto(base_url + lang)
    links = page.evaluate("""[...document.querySelectorAll('header nav a')].map(a => {
        const r = a.getBoundingClientRect(); return [a.getAttribute('href'), r.left, r.right, r.height]; })""")
    assert len(links) == 11 and any(href.endswith("verify/") for href, *_ in links)
    outside = [(href, left, right) for href, left, right, _ in links if left < 0 or right > PHONE["width"]]
    assert not outside, outside
    assert all(height >= 24 for *_, height in links)  # WCAG 2.2 target size (minimum)

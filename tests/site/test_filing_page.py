"""The filing page (/file/, issue 13 §1), driven in Chromium at 390 px as an organizer would: a new
event with a plan, a report of several lines, one retirement with its proof attached; the zip it
downloads is unpacked into a copy of the sample registry and `carbonreg check` passes on it; the
totals the page shows are the hand-computed ones and `carbonreg`'s; problems appear next to their
fields in the page's language and block the download; an event's zip loads back and exports the same
bytes; no page wider than the phone; no serious or critical axe violation."""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from sitetestkit import REPO, TODAY, copy_registry

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
JS_YAML = REPO / "site" / "theme" / "assets" / "vendor" / "js-yaml" / "js-yaml.js"
EVENT = "2026-harbour-filing-forum"
ENERGY = b"Venue energy statement, sample: 12000 kWh of electricity and 50 GJ of district heat in September 2026.\n"
PROOF = b"Cancellation certificate, sample: 9 Shanghai voluntary emission reductions retired for the Harbour Filing Forum.\n"
MATERIALS = b"Supplier declaration, sample: 2.5 tCO2e per tonne of printed materials.\n"


def _show(page, dom_id: str):
    page.evaluate("""id => { const e = document.getElementById(id);
        if (!e) throw new Error('no field #' + id);
        for (let d = e.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true; }""", dom_id)
    return page.locator(f"#{dom_id}")


def fill(page, dom_id: str, value: str) -> None:
    field = _show(page, dom_id)
    if field.evaluate("e => e.tagName") == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)


def check_box(page, dom_id: str) -> None:
    _show(page, dom_id).check()


def add(page, key: str) -> None:
    button = page.locator(f'[data-add="{key}"]')
    button.evaluate("b => { for (let d = b.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true; }")
    button.click()


def text(page, prefix: str, path: str, zh: str, en: str) -> None:
    fill(page, f"{prefix}-{path}-zh", zh)
    fill(page, f"{prefix}-{path}-en", en)


def fill_new_event(page) -> None:
    page.set_input_files("#filing-attach", files=[
        {"name": "venue energy statement.txt", "mimeType": "text/plain", "buffer": ENERGY},
        {"name": "shver-cancellation.txt", "mimeType": "text/plain", "buffer": PROOF},
        {"name": "materials-factor.txt", "mimeType": "text/plain", "buffer": MATERIALS}])
    page.wait_for_selector("#filing-files li >> nth=2")
    fill(page, "filing-date", "2026-09-20")
    fill(page, "plan-id", EVENT)
    text(page, "plan", "name", "2026 港区填报论坛（测试）", "2026 Harbour Filing Forum (test)")
    fill(page, "plan-kind", "conference")
    text(page, "plan", "organizer-name", "港区低碳协会（测试）", "Harbour Low-Carbon Society (test)")
    text(page, "plan", "venue-name", "外滩会议中心（测试）", "Bund Conference Centre (test)")
    fill(page, "plan-venue-district", "huangpu")
    text(page, "plan", "content", "一天的低碳论坛。", "A one-day low-carbon forum.")
    fill(page, "plan-phases-hosting-end", "2026-09-21")
    fill(page, "plan-attendance-on_site_participants", "800")
    add(page, "plan:reduction_measures")
    fill(page, "plan-reduction_measures-0-phase", "hosting")
    fill(page, "plan-reduction_measures-0-area", "venue")
    text(page, "plan", "reduction_measures-0-description", "选择地铁直达的会场。", "A venue on the metro.")
    # the estimate (Art. 9; 2026 rules: estimate lines computed with the default factors, not typed totals)
    add(page, "plan:estimate.lines")
    fill(page, "plan-estimate-lines-0-id", "VENUE-ELEC")
    fill(page, "plan-estimate-lines-0-phase", "hosting")
    fill(page, "plan-estimate-lines-0-category", "purchased_electricity")
    text(page, "plan", "estimate-lines-0-description", "会场用电", "Venue electricity")
    fill(page, "plan-estimate-lines-0-activity-amount", "12000")
    fill(page, "plan-estimate-lines-0-activity-unit", "kWh")
    fill(page, "plan-estimate-lines-0-factor-key", "electricity-shanghai")
    fill(page, "plan-offset_plan-target_scope", "basic")
    check_box(page, "plan-offset_plan-kinds-shanghai_ver")
    fill(page, "plan-expected_neutral_by", "2026-12-31")
    # the report: prepared by the organizer, three lines, two exclusions (2026 rules: every basic category)
    fill(page, "report-prepared_by-role", "organizer")
    fill(page, "report-prepared_on", "2026-10-10")
    lines = [("ELEC", "purchased_electricity", "12000", "kWh", "electricity-shanghai", "会场用电", "Venue electricity"),
             ("HEAT", "purchased_heat", "50", "GJ", "heat-shanghai", "会场热力", "Venue heat")]
    for i, (lid, cat, amount, unit, key, zh, en) in enumerate(lines):
        add(page, "report:lines")
        fill(page, f"report-lines-{i}-id", lid)
        fill(page, f"report-lines-{i}-phase", "hosting")
        fill(page, f"report-lines-{i}-category", cat)
        text(page, "report", f"lines-{i}-description", zh, en)
        fill(page, f"report-lines-{i}-activity-amount", amount)
        fill(page, f"report-lines-{i}-activity-unit", unit)
        fill(page, f"report-lines-{i}-activity-source", "metered")  # required by shanghai-2026 (R406)
        fill(page, f"report-lines-{i}-activity-evidence", "attachments/venue-energy-statement.txt")
        fill(page, f"report-lines-{i}-factor-source", "default")
        fill(page, f"report-lines-{i}-factor-key", key)
    add(page, "report:lines")
    fill(page, "report-lines-2-id", "PRINT")
    fill(page, "report-lines-2-phase", "preparation")
    fill(page, "report-lines-2-category", "materials")
    text(page, "report", "lines-2-description", "印刷品", "Printed materials")
    fill(page, "report-lines-2-activity-amount", "2")
    fill(page, "report-lines-2-activity-unit", "t")
    fill(page, "report-lines-2-activity-source", "invoiced")
    fill(page, "report-lines-2-factor-source", "measured")
    fill(page, "report-lines-2-factor-value", "2.5")
    fill(page, "report-lines-2-factor-unit", "tCO2e/t")
    fill(page, "report-lines-2-factor-evidence", "attachments/materials-factor.txt")
    for i, (cat, zh, en) in enumerate([("stationary_fuel", "会场不使用燃料。", "The venue burns no fuel."),
                                       ("event_vehicles", "活动不使用专用车辆。", "The event runs no vehicles of its own.")]):
        add(page, "report:exclusions")
        fill(page, f"report-exclusions-{i}-category", cat)
        text(page, "report", f"exclusions-{i}-reason", zh, en)
    # one retirement covering the basic scope
    page.click("#filing-add-retirement")
    fill(page, "ret0-id", "hff-2026-shver-001")
    fill(page, "ret0-kind", "shanghai_ver")
    fill(page, "ret0-registry", "shanghai-ver-registry")
    fill(page, "ret0-project-id", "SHVER-2025-TEST-0099")
    text(page, "ret0", "project-name", "测试骑行项目", "Test cycling project")
    fill(page, "ret0-project-location-province", "shanghai")
    fill(page, "ret0-project-vintage", "2025")
    add(page, "ret0:serials")
    fill(page, "ret0-serials-0-prefix", "SHVER-2025-TEST-0099")
    fill(page, "ret0-serials-0-first", "000000001")
    fill(page, "ret0-serials-0-last", "000000009")
    fill(page, "ret0-quantity", "9")
    fill(page, "ret0-retired_on", "2026-10-20")
    text(page, "ret0", "beneficiary-statement", "用于 2026 港区填报论坛基本范围碳中和", "For the basic-scope neutrality of the 2026 Harbour Filing Forum")
    fill(page, "ret0-acquisition-method", "donation")
    text(page, "ret0", "acquisition-from", "某骑行运营企业（测试）", "A bike operator (test)")
    fill(page, "ret0-proof", "attachments/shver-cancellation.txt")


def problems(page) -> list[str]:
    page.click("#filing-check")
    return page.locator("#filing-problems li").all_inner_texts()


def totals(page) -> dict[str, str]:
    rows = page.locator("#filing-totals-body tr[data-total]")
    return {rows.nth(i).get_attribute("data-total"): rows.nth(i).get_attribute("data-exact") for i in range(rows.count())}


def shown(page, key: str) -> str:
    return page.locator(f'#filing-totals-body tr[data-total="{key}"] td').inner_text()


def download(page) -> bytes:
    with page.expect_download() as info:
        page.click("#filing-export")
    return Path(info.value.path()).read_bytes()


def _no_overflow(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.fixture(scope="module")
def filed(site, base_url, browser, tmp_path_factory):
    """The page filled at 390 px; what it showed and the zip it gave."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "file/")
    page.wait_for_selector("#form-plan input")
    fill_new_event(page)
    found = problems(page)
    assert found == [], found
    values, texts = totals(page), {k: shown(page, k) for k in ("total_all", "needed_basic", "needed_full", "level")}
    zipped = download(page)
    out = tmp_path_factory.mktemp("filed")
    page.screenshot(path=str(out / "filled-390.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    yield {"page": page, "problems": found, "totals": values, "texts": texts, "zip": zipped, "errors": errors,
           "requests": requests, "width": width, "out": out, "base_url": base_url}
    context.close()


def test_the_filled_page_has_no_problem_and_no_error(filed):
    assert filed["problems"] == []
    assert filed["errors"] == []
    assert filed["width"] <= 390
    assert all(u.startswith(filed["base_url"]) for u in filed["requests"]), "the page fetched from elsewhere"


def test_totals_are_the_hand_computed_ones(filed):
    # ELEC 12000 kWh = 1.2 x 10^4 kWh x 4.2 t = 5.04 t; HEAT 50 GJ x 0.06 t/GJ = 3 t (basic: 8.04 t);
    # PRINT 2 t x 2.5 tCO2e/t = 5 t (extended); total 13.04 t; offsets needed: 9 t basic, 14 t full.
    t = filed["totals"]
    assert Fraction(t["total_basic"]) == Fraction("8.04")
    assert Fraction(t["total_extended"]) == Fraction(5)
    assert Fraction(t["total_all"]) == Fraction("13.04")
    assert (t["needed_basic"], t["needed_full"], t["retired"], t["level"]) == ("9", "14", "9", "basic")
    # the plan's estimate line: 12000 kWh x 4.2 t per 10^4 kWh = 5.04 t
    assert Fraction(t["estimate_total"]) == Fraction("5.04")
    assert filed["texts"]["total_all"] == "13.0 tCO₂e"  # 0.1 t half up, the site's rule
    assert filed["texts"]["needed_full"] == "14 t"


def _unpack(zipped: bytes, registry: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(zipped)) as z:
        names = z.namelist()
        assert all(n.startswith(f"{EVENT}/") for n in names), names
        z.extractall(registry / "events" / "2026")
    return registry / "events" / "2026" / EVENT


def test_the_zip_checks_in_a_copy_of_the_sample(filed, tmp_path):
    with zipfile.ZipFile(io.BytesIO(filed["zip"])) as z:
        assert sorted(z.namelist()) == sorted(f"{EVENT}/{n}" for n in (
            "plan.yaml", "report.yaml", "retirements/hff-2026-shver-001.yaml", "attachments/venue-energy-statement.txt",
            "attachments/shver-cancellation.txt", "attachments/materials-factor.txt"))
        assert all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist())
        assert z.read(f"{EVENT}/attachments/shver-cancellation.txt") == PROOF
    registry = copy_registry(tmp_path / "registry")
    folder = _unpack(filed["zip"], registry)
    ret = (folder / "retirements" / "hff-2026-shver-001.yaml").read_text(encoding="utf-8")
    assert hashlib.sha256(PROOF).hexdigest() in ret  # hashed in the browser (WebCrypto)
    done = subprocess.run([sys.executable, "-m", "generator.cli", "check", str(registry), "--today", TODAY],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert EVENT not in done.stdout or " error" not in done.stdout


def test_the_zip_imports_with_carbonreg_import_and_checks(filed, tmp_path):
    """The operator's way: `carbonreg import EVENT.zip --into …` (then the same zip again: nothing to do)."""
    registry = copy_registry(tmp_path / "registry")
    source = tmp_path / f"{EVENT}.zip"
    source.write_bytes(filed["zip"])
    into = registry / "events" / "2026" / EVENT
    for expect in ("wrote", "unchanged"):
        done = subprocess.run([sys.executable, "-m", "generator.cli", "import", str(source), "--into", str(into)],
                              cwd=REPO, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and expect in done.stdout, done.stdout + done.stderr
    assert (into / "attachments" / "materials-factor.txt").read_bytes() == MATERIALS
    done = subprocess.run([sys.executable, "-m", "generator.cli", "check", str(registry), "--today", TODAY],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_page_totals_equal_carbonreg(filed, tmp_path):
    from generator.accounting.compute import compute_event
    from generator.loading.registry import load_registry

    registry = copy_registry(tmp_path / "registry")
    _unpack(filed["zip"], registry)
    reg, _ = load_registry(registry, "registry")
    event = next(e for e in reg.events if e.folder_id == EVENT)
    account, findings = compute_event(reg, event, date.fromisoformat(TODAY))
    assert not findings
    t = filed["totals"]
    basic = sum((x.exact for x in account.lines if x.scope == "basic"), Fraction(0))
    total = sum((x.exact for x in account.lines), Fraction(0))
    assert (Fraction(t["total_basic"]), Fraction(t["total_all"])) == (basic, total)
    assert (int(t["needed_basic"]), int(t["needed_full"]), int(t["retired"]), t["level"]) == \
        (account.needed_basic, account.needed_full, account.retired, account.level)


def test_loading_the_zip_back_gives_the_same_zip(filed, browser, base_url, tmp_path):
    source = tmp_path / f"{EVENT}.zip"
    source.write_bytes(filed["zip"])
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "en/file/")
    page.wait_for_selector("#form-plan input")
    context.set_offline(True)  # once loaded, the page needs no network: loading, totals and the download work offline
    page.set_input_files("#filing-load", str(source))
    page.wait_for_function("document.getElementById('filing-load-result').textContent.includes('loaded')")
    assert page.locator("#plan-id").input_value() == EVENT
    assert page.locator("#report-lines-2-factor-value").input_value() == "2.5"
    assert totals(page)["needed_full"] == "14"
    assert download(page) == filed["zip"]
    context.close()


def test_loading_a_sample_event_written_by_hand(site, browser, base_url, tmp_path):
    """A sample event's folder (flow mappings, unquoted values, comments), zipped with deflate by a
    zip tool, loads and gives the totals `carbonreg` gives; its unchanged files keep their bytes."""
    folder = site.registry / "events" / "2026" / "2026-pujiang-low-carbon-forum"
    source = tmp_path / "forum.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, f"2026-pujiang-low-carbon-forum/{path.relative_to(folder).as_posix()}")
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "en/file/")
    page.wait_for_selector("#form-plan input")
    page.set_input_files("#filing-load", str(source))
    page.wait_for_function("document.getElementById('filing-load-result').textContent.length > 0")
    assert "loaded" in page.locator("#filing-load-result").inner_text()
    from generator.accounting.compute import compute_event
    from generator.loading.registry import load_registry

    reg, _ = load_registry(site.registry, "registry")
    event = next(e for e in reg.events if e.folder_id == "2026-pujiang-low-carbon-forum")
    account, _ = compute_event(reg, event, date.fromisoformat(TODAY))
    t = totals(page)
    assert Fraction(t["total_all"]) == sum((x.exact for x in account.lines), Fraction(0))
    assert int(t["needed_full"]) == account.needed_full
    assert problems(page) == []
    zipped = download(page)
    with zipfile.ZipFile(io.BytesIO(zipped)) as z:
        assert z.read("2026-pujiang-low-carbon-forum/plan.yaml") == (folder / "plan.yaml").read_bytes()
        assert z.read("2026-pujiang-low-carbon-forum/report.yaml") == (folder / "report.yaml").read_bytes()
    context.close()


@pytest.mark.parametrize("lang,path,words", [("zh", "file/", "格式不正确"), ("en", "en/file/", "not in the expected form")])
def test_a_problem_is_shown_next_to_its_field_in_the_page_language(browser, base_url, lang, path, words):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_selector("#form-plan input")
    fill(page, "filing-date", "2026-09-20")
    fill(page, "plan-id", "Harbour Forum")
    page.click("#filing-export")
    near = page.locator("#plan-id-problem")
    assert words in near.inner_text()
    assert page.locator("#plan-id").get_attribute("aria-invalid") == "true"
    assert "plan.yaml id" in page.locator("#filing-problems").inner_text()
    assert page.locator("#filing-export-result").inner_text()  # says how many problems remain
    _no_overflow(page)
    context.close()


def test_choice_lists_come_from_the_rules_and_factors_in_force(browser, base_url, site):
    from generator.scaffold.context import in_force, registry_wide

    rules, fset = in_force(registry_wide(site.registry), date(2026, 9, 20))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "file/")
    page.wait_for_selector("#form-plan input")
    fill(page, "filing-date", "2026-09-20")
    options = lambda sel: [v for v in page.locator(f"{sel} option").evaluate_all("os => os.map(o => o.value)") if v]  # noqa: E731
    assert options("#plan-venue-district") == list(rules.districts)
    add(page, "report:lines")
    assert options("#report-lines-0-category") == sorted(rules.basic_categories | rules.extended_categories)
    fill(page, "report-lines-0-category", "purchased_heat")
    fill(page, "report-lines-0-factor-source", "default")
    assert options("#report-lines-0-factor-key") == [k for k, f in fset.factors.items() if f.category == "purchased_heat"]
    page.click("#filing-add-retirement")
    assert options("#ret0-kind") == list(rules.offsets)
    context.close()


def test_no_serious_accessibility_violation_on_the_filled_page(filed):
    page = filed["page"]
    page.click("#filing-check")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes[0].target.join(' '))""")
    assert found == []


def test_the_vendored_yaml_reader_is_the_published_one():
    assert hashlib.sha256(JS_YAML.read_bytes()).hexdigest() == "16f210b939b359b6ec8dde581eb62c157185711dc7b719b33779c43db5c31a91"


def test_screenshots_for_review(filed, browser, base_url):
    """Not an assertion of looks: the screenshots a reviewer opens (390 px filled, 1366 px empty)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(base_url + "en/file/")
    page.wait_for_selector("#form-plan input")
    page.screenshot(path=str(filed["out"] / "empty-1366.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    keep = os.environ.get("CARBONREG_SCREENSHOTS")  # a folder to keep them in, for a person to look at
    if keep:
        for name in ("filled-390.png", "empty-1366.png"):
            shutil.copy(filed["out"] / name, Path(keep) / name)
    context.close()


@pytest.mark.parametrize("day,required", [("2026-09-20", True), ("2025-09-20", False)])
def test_estimate_lines_are_asked_for_where_the_rules_say_so(browser, base_url, day, required):
    """shanghai-2026 says plan_estimate: lines (E101 without them): the page shows the estimate lines
    among the required fields and names E101 next to them; under shanghai-2025 they are optional."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "en/file/")
    page.wait_for_selector("#form-plan input")
    fill(page, "filing-date", day)
    button = page.locator('[data-add="plan:estimate.lines"]')
    assert button.evaluate("b => Boolean(b.closest('details'))") is (not required)
    page.click("#filing-check")
    assert ("E101" in page.locator("#plan-estimate-lines-problem").inner_text()) is required
    context.close()


@pytest.mark.parametrize("day,required", [("2026-09-20", True), ("2025-09-20", False)])
def test_a_field_the_rules_in_force_require_is_asked_for(browser, base_url, day, required):
    """activity.source is optional in the schema and required by the rules from shanghai-2026 (R406):
    the page shows it among the required fields and names the problem next to it only then."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "en/file/")
    page.wait_for_selector("#form-plan input")
    fill(page, "filing-date", day)
    add(page, "report:lines")
    in_details = page.locator("#report-lines-0-activity-source").evaluate("e => Boolean(e.closest('details'))")
    assert in_details is (not required)
    page.click("#filing-check")
    problem = page.locator("#report-lines-0-activity-source-problem").inner_text()
    assert ("R406" in problem) is required
    context.close()


@pytest.mark.parametrize("body,words", [
    (b"id: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(b"k%d: &a%d [*a%s, *a%s, *a%s, *a%s, *a%s, *a%s, *a%s, *a%s]\n"
                                                      % (i, i, *([b"" if i == 0 else str(i - 1).encode()] * 8)) for i in range(40)),
     "anchors and aliases"),
    (b"id: x\n" + b"# padding\n" * 120000, "over"),
])
def test_a_hostile_zip_is_refused_by_the_page_without_hanging(browser, base_url, tmp_path, body, words):
    """An alias bomb (each key 8 references to the previous) or an oversized record in a loaded zip is
    refused with its file named, at once; the page keeps working."""
    source = tmp_path / "bomb.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2026-x/plan.yaml", body)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "en/file/")
    page.wait_for_selector("#form-plan input")
    page.set_input_files("#filing-load", str(source))
    page.wait_for_function("document.getElementById('filing-load-result').textContent.length > 0", timeout=5000)
    said = page.locator("#filing-load-result").inner_text()
    assert "Cannot load" in said and "plan.yaml" in said and words in said
    fill(page, "plan-id", "2026-still-works")
    assert page.locator("#plan-id").input_value() == "2026-still-works"
    context.close()


def test_continuing_with_the_declaration(filed, browser, base_url, tmp_path):
    """The next step of a filed event: its zip loaded, the declaration added (scope, retirements and
    declarant filled from the plan and retirements), the new zip imported over the old folder without
    --force (the unchanged files have the same bytes) and `carbonreg check` passes."""
    source = tmp_path / f"{EVENT}.zip"
    source.write_bytes(filed["zip"])
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "file/")
    page.wait_for_selector("#form-plan input")
    page.set_input_files("#filing-load", str(source))
    page.wait_for_function("document.getElementById('filing-load-result').textContent.includes('" + EVENT + "')")
    page.check("#filing-with-declaration")
    assert page.locator("#declaration-scope").input_value() == "basic"
    assert page.locator("#declaration-retirements-hff-2026-shver-001").is_checked()
    assert page.locator("#declaration-declarant-zh").input_value() == "港区低碳协会（测试）"
    fill(page, "declaration-id", "hff-2026-declaration")
    fill(page, "declaration-declared_on", "2026-10-25")
    text(page, "declaration", "statement", "本活动已实现基本碳中和。", "The event is basic-scope carbon neutral.")
    assert problems(page) == []
    zipped = download(page)
    context.close()
    registry = copy_registry(tmp_path / "registry")
    _unpack(filed["zip"], registry)
    again = tmp_path / "again.zip"
    again.write_bytes(zipped)
    into = registry / "events" / "2026" / EVENT
    done = subprocess.run([sys.executable, "-m", "generator.cli", "import", str(again), "--into", str(into)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "declaration.yaml" in done.stdout, done.stdout + done.stderr
    assert "unchanged" in done.stdout
    done = subprocess.run([sys.executable, "-m", "generator.cli", "check", str(registry), "--today", TODAY],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]

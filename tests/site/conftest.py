"""Fixtures for the website tests: one build of the sample registry, served over real HTTP, and
Debian's Chromium driven by Playwright (never a downloaded browser)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

# Let test modules import sitetestkit.py under --import-mode=importlib.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from sitetestkit import CHROMIUM, CHROMIUM_ARGS, TODAY, build_ok, copy_registry, demo_events, serve  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@dataclass(frozen=True)
class BuiltSite:
    registry: Path   # the registry copy it was built from
    root: Path       # the published output (a symlink to the build folder)


_CHECKS: dict[Path, object] = {}


def _check(registry: Path):
    from generator.pipeline import check
    if registry not in _CHECKS:
        _CHECKS[registry] = check(registry, date.fromisoformat(TODAY))
    return _CHECKS[registry]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The sample registry (copied) built once into a temporary folder."""
    base = tmp_path_factory.mktemp("sample-site")
    registry = copy_registry(base / "registry")
    out = build_ok(registry, base / "_site")
    return BuiltSite(registry, out)


@pytest.fixture(scope="session")
def result(site):
    """What the library computes for the same registry (the site must agree with it)."""
    res = _check(site.registry)
    assert res.errors == 0
    return res


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    """A page plus everything it did: requests, console errors, page errors, dialogs."""
    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)   # "404 http://..." responses and failed requests


@pytest.fixture
def open_page(browser):
    """Factory: ``open_page(**context_options)`` gives a Watched page; contexts close after the test."""
    contexts = []

    def make(**options) -> Watched:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        w = Watched(page)
        page.on("request", lambda r: w.requests.append(r.url))
        # A 404 of a page's own resources is recorded in ``failed``; Chromium's automatic /favicon.ico
        # request is not a page resource (Playwright does not report it), so its console line is dropped.
        page.on("console", lambda m: w.console_errors.append(m.text)
                if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
        page.on("pageerror", lambda e: w.page_errors.append(str(e)))
        page.on("response", lambda r: w.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("requestfailed", lambda r: w.failed.append(f"{r.failure} {r.url}"))

        def on_dialog(d):
            w.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()
        page.on("dialog", on_dialog)
        return w

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> BuiltSite:
    """A demo registry (``carbonreg demo --events 300 --seed 3``) built once, with search.

    ``CARBONREG_SITE_DEMO_DIR=DIR`` keeps the registry and the site in DIR/registry and DIR/_site and
    reuses them when they are there (for the opt-in large run: generating 3,000 events takes long)."""
    from generator.demo.generate import DEMO_TODAY, generate

    kept = os.environ.get("CARBONREG_SITE_DEMO_DIR")
    base = Path(kept) if kept else tmp_path_factory.mktemp("demo-site")
    registry, out = base / "registry", base / "_site"
    if not (kept and registry.is_dir()):
        generate(registry, demo_events(), 3)
    if not (kept and out.exists()):
        build_ok(registry, out, today=DEMO_TODAY.isoformat())
    return BuiltSite(registry, out)


@pytest.fixture(scope="session")
def demo_url(demo_site):
    with serve(demo_site.root) as url:
        yield url

"""Helpers for the website tests: build a registry copy, serve a folder, read HTML without a browser."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

REPO = Path(__file__).resolve().parents[2]
SAMPLE = pristine_sample()
TODAY = "2026-11-20"            # a date on which the sample registry has no errors
EPOCH = "1795132800"            # SOURCE_DATE_EPOCH for every test build (2026-11-20T00:00:00Z)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def demo_events() -> int:
    """Events in the demo site: 300 in CI; a larger run is opt-in (``CARBONREG_SITE_DEMO_EVENTS=3000``:
    about 20 minutes to generate and 10 to build on two loaded cores; bench/README.md has its numbers)."""
    return int(os.environ.get("CARBONREG_SITE_DEMO_EVENTS", "300"))


def copy_registry(dest: Path) -> Path:
    shutil.copytree(SAMPLE, dest)
    return dest


def build(registry: Path, out: Path, epoch: str | None = EPOCH, today: str = TODAY) -> subprocess.CompletedProcess:
    """Run ``carbonreg build`` as a user would, in a child process."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--registry", str(registry), "--out", str(out),
         "--today", today],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


def build_ok(registry: Path, out: Path, **kw) -> Path:
    proc = build(registry, out, **kw)
    assert proc.returncode == 0, f"build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return out


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root`` (following the published symlink)."""
    hashes = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = Path(dirpath, name)
            hashes[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def html_pages(root: Path) -> list[str]:
    """Site-relative paths of every HTML page, e.g. 'en/events/x/index.html' (not the root's 404.html,
    which the host serves at any missing address: one bilingual, self-contained page, see
    test_site_not_found.py)."""
    return sorted(rel for rel in (p.relative_to(root).as_posix() for p in root.rglob("*.html")) if rel != "404.html")


def page_url(rel: str) -> str:
    """The directory URL of a page file: 'en/events/index.html' -> 'en/events/'."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


# --- HTML without a browser ----------------------------------------------------------------------

@dataclass
class Tag:
    name: str
    attrs: dict[str, str | None]
    in_header: bool


@dataclass
class Doc:
    tags: list[Tag] = field(default_factory=list)
    lang: str | None = None

    def all(self, name: str) -> list[Tag]:
        return [t for t in self.tags if t.name == name]

    def header_links(self) -> list[Tag]:
        return [t for t in self.tags if t.name == "a" and t.in_header]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doc = Doc()
        self.header_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.doc.lang = attrs.get("lang")
        if tag == "header":
            self.header_depth += 1
        self.doc.tags.append(Tag(tag, attrs, self.header_depth > 0))

    def handle_endtag(self, tag):
        if tag == "header" and self.header_depth:
            self.header_depth -= 1


def parse_html(text: str) -> Doc:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.doc


# --- a real HTTP server ---------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@contextlib.contextmanager
def serve(root: Path):
    """Serve ``root`` on 127.0.0.1 at a free port in a thread; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(Path(root).resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)

"""Full-text search with Pagefind (the extended build segments Chinese), one index per language,
split into bundles so that no single Pagefind run holds the whole site of a large registry.

Pagefind reads the built HTML, detects each page's ``<html lang>`` and writes a static index. Only
the pages it indexes count (those marked ``data-pagefind-body``; lists and other pages are never
given to it). A Pagefind run's peak memory is about 20 times the HTML it indexes (bench/README.md),
so the pages are split by bytes:

- a site whose indexed pages total at most ``MAX_BUNDLE_BYTES`` is one bundle (``pagefind/``, the one
  the search page loads): Pagefind ranks within one index only;
- above it, every page that is not an event's goes to the main bundle, and each event year's pages to
  ``pagefind-<year>/``; a year above the limit is cut further into bundles named after their first
  event (``pagefind-<event-id>/``), at event boundaries chosen by the events' own names and sizes
  (content-defined, as rsync and backup tools cut files), so a new or changed event moves the cut of
  its own bundle, not of every bundle after it, and no bundle passes the limit unless one event does.

``pagefind/carbonreg-bundles.json`` lists the other bundles; the search page merges them in the
browser (Pagefind's ``mergeIndex``), so a search covers every page as one index would. Each run
indexes a folder of hard links to just its pages (the same relative paths, so the same URLs and the
same bytes as a run over the site with a glob, which cannot list thousands of event folders).

Each bundle records the SHA-256 of its inputs (Pagefind's version, the pages it indexes and their
bytes) in ``carbonreg-bundle.json``; a rebuild copies a bundle from the previous site when that key
is unchanged, so only the bundles whose pages changed are indexed again."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from importlib import metadata
from pathlib import Path

MAIN = "pagefind"
BUNDLES = "carbonreg-bundles.json"
STAMP = "carbonreg-bundle.json"
BODY = b"data-pagefind-body"  # the mark of a page Pagefind indexes (site/theme/base.html)
_EVENT_PAGE = re.compile(r"^(?:en/)?events/((\d{4})-[^/]+)/")
# Indexed HTML per Pagefind run. Its peak is about 20 times this (bench/README.md: 393 MB for 17 MB,
# 3,068 MB for 169 MB), so 64 MiB keeps a run near 1.3 GB, within the 2 GB a build may use.
MAX_BUNDLE_BYTES = 64 * 2**20


# The Han characters (CJK unified ideographs, extensions A to F, compatibility ideographs). The same
# ranges are written in site/theme/assets/search.js: both sides must cut a name the same way.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_NAME_TOKEN = re.compile(f"[{_HAN}]|(?:(?![{_HAN}])[^\\W_])+")


# The first word of an event page's hidden name block, found nowhere else: the search page searches
# a whole name as the phrase "NAME_MARK word word ...", which only the named event's own page holds
# (a report's heading repeats the name, and Pagefind scores every exact-phrase hit alike).
NAME_MARK = "carbonregname"


def name_tokens(name: str) -> str:
    """An event name cut as the search page cuts a query for it: every Han character a word of its
    own, every run of other letters and digits a word, the rest (spaces, punctuation) dropped.

    Pagefind cuts Chinese at index time with jieba and a query in the browser with Intl.Segmenter,
    and the two disagree ("滨江" indexed, "滨" + "江" searched: the query finds nothing). An event page
    carries its name cut this way in a hidden, weighted block, and the search page turns a query
    that is (a part of) an event name into the same words as an exact phrase, so the name finds its
    page whatever either segmenter does. The block opens with ``NAME_MARK``, so a whole name, in
    either language, is the phrase of the mark and its words: among 3,000 demo events English
    ranking alone put "2025 Yangpu Riverside Sailing Race (edition 15)" before the 2026 edition."""
    words = _NAME_TOKEN.findall(unicodedata.normalize("NFKC", name))
    return " ".join([NAME_MARK, *words]) if words else ""


class SearchIndexError(Exception):
    def __init__(self, detail: str):
        super().__init__(detail)
        self.zh = f"生成搜索索引失败：{detail}"
        self.en = f"building the search index failed: {detail}"


def bundles(folder: Path, max_bytes: int = MAX_BUNDLE_BYTES) -> dict[str, list[str]]:
    """Bundle folder name -> the pages it indexes (sorted): see :func:`plan`."""
    return plan({page: size for page, (size, _) in indexed_pages(folder).items()}, max_bytes)


def plan(sizes: dict[str, int], max_bytes: int) -> dict[str, list[str]]:
    """Bundle folder name -> its pages (sorted), from the indexed pages' sizes: one bundle when they
    total at most ``max_bytes``, else the main bundle, one per event year, and a year above
    ``max_bytes`` cut into several (see the module's text)."""
    if sum(sizes.values()) <= max_bytes:
        return {MAIN: sorted(sizes)}
    bundled: dict[str, list[str]] = {MAIN: []}
    years: dict[str, dict[str, list[str]]] = {}  # year -> event id -> its pages (zh and en)
    for page in sorted(sizes):
        match = _EVENT_PAGE.match(page)
        if match:
            years.setdefault(match.group(2), {}).setdefault(match.group(1), []).append(page)
        else:
            bundled[MAIN].append(page)
    for year, events in sorted(years.items()):
        chunks = cut([(event, sum(sizes[page] for page in pages)) for event, pages in sorted(events.items())], max_bytes)
        for chunk in chunks:
            name = f"pagefind-{year}" if len(chunks) == 1 else f"pagefind-{chunk[0]}"
            bundled[name] = sorted(page for event in chunk for page in events[event])
    return dict(sorted(bundled.items()))


def cut(units: list[tuple[str, int]], max_bytes: int) -> list[list[str]]:
    """Cut ``units`` (name, bytes), in their order, into runs of at most ``max_bytes`` (a unit larger
    than that is a run of its own; units that fit together are one run). A run ends after a unit when it holds a quarter of ``max_bytes``
    and the unit's name draws a cut with odds of its bytes in a quarter of ``max_bytes`` (so runs
    average about half the limit), or before a unit that would pass the limit. The draw depends on
    the unit alone: inserting, removing or changing one unit changes the runs around it only."""
    if sum(nbytes for _, nbytes in units) <= max_bytes:
        return [[name for name, _ in units]]
    low = max(1, max_bytes // 4)
    runs: list[list[str]] = []
    run: list[str] = []
    size = 0
    for name, nbytes in units:
        if run and size + nbytes > max_bytes:
            runs.append(run)
            run, size = [], 0
        run.append(name)
        size += nbytes
        if size >= low and _draw(name) * low < nbytes:
            runs.append(run)
            run, size = [], 0
    if run:
        runs.append(run)
    return runs


def _draw(name: str) -> float:
    """A number in [0, 1) fixed by ``name``: the same cut on every machine and every build."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest()[:8], "big") / 2**64


def indexed_pages(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every page (relative path) Pagefind indexes, outside the search bundles, with its size and
    SHA-256: each page is read once, for the mark, the split and the bundles' keys."""
    found: dict[str, tuple[int, bytes]] = {}
    for page in _pages(folder, folder):
        data = (folder / page).read_bytes()
        if BODY in data:
            found[page] = (len(data), hashlib.sha256(data).digest())
    return found


def _pages(root: Path, top: Path) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not (folder == str(root) and d.startswith(MAIN)))
        rel = Path(folder).relative_to(root).as_posix()
        found += [name if rel == "." else f"{rel}/{name}" for name in files if name.endswith(".html")]
    return found


def index_site(folder: Path, previous: Path | None = None, max_bytes: int = MAX_BUNDLE_BYTES) -> dict[str, str]:
    """Index ``folder``'s pages into its bundles; each bundle is copied from ``previous`` (the site
    published before) when its inputs are unchanged. Returns bundle -> "reused" or "indexed"."""
    pages_found = indexed_pages(folder)
    bundled = plan({page: size for page, (size, _) in pages_found.items()}, max_bytes)
    version = metadata.version("pagefind")
    done: dict[str, str] = {}
    for name, pages in bundled.items():
        key = _key(version, name, [(page, pages_found[page][1]) for page in pages])
        if previous is not None and _reuse(previous / name, folder / name, key):
            done[name] = "reused"
            continue
        _run_pagefind(folder, name, pages)
        _sort_languages(folder / name / "pagefind-entry.json")
        if name != MAIN:
            _drop_ui(folder / name)
        (folder / name / STAMP).write_text(json.dumps({"key": key}) + "\n", encoding="utf-8")
        done[name] = "indexed"
    others = [f"{name}/" for name in bundled if name != MAIN]
    (folder / MAIN / BUNDLES).write_text(json.dumps(others) + "\n", encoding="utf-8")
    return done


def _key(version: str, name: str, pages: list[tuple[str, bytes]]) -> str:
    """What a bundle is built from: Pagefind's version, its name, its pages and their SHA-256."""
    digest = hashlib.sha256(f"carbonreg-search/1\0{version}\0{name}\0".encode())
    for page, sha in pages:
        digest.update(page.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(sha)
    return digest.hexdigest()


def _reuse(source: Path, target: Path, key: str) -> bool:
    """Copy the bundle ``source`` (hard links where possible) when it was built from ``key``."""
    try:
        if json.loads((source / STAMP).read_text(encoding="utf-8")).get("key") != key:
            return False
    except (OSError, ValueError, AttributeError):
        return False
    try:
        shutil.copytree(source, target, copy_function=_link_or_copy)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _run_pagefind(folder: Path, name: str, pages: list[str]) -> None:
    """One Pagefind run over ``pages``, written to ``folder/name``: the pages are hard-linked into a
    folder of their own beside the site (copied where links are refused) and Pagefind reads that."""
    stage = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
    try:
        for page in pages:
            (stage / page).parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(str(folder / page), str(stage / page))
        proc = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(stage), "--output-path", str(folder / name), "--silent"],
            capture_output=True, text=True, timeout=1800,
        )
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if proc.returncode != 0:
        raise SearchIndexError((proc.stderr or proc.stdout).strip()[-500:])


def _drop_ui(bundle: Path) -> None:
    """A merged bundle needs its index, fragments, metadata and WebAssembly, not Pagefind's UI (the
    search page loads that from the main bundle): about 420 KB a bundle, hundreds of bundles at
    national scale."""
    for pattern in ("pagefind-*ui.js", "pagefind-*ui.css", "pagefind-highlight.js"):
        for path in bundle.glob(pattern):
            path.unlink()


def _sort_languages(entry: Path) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run: sort them so
    the same site gives the same bytes."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

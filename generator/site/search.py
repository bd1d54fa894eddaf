"""Full-text search with Pagefind (the extended build segments Chinese), one index per language,
sharded so that no single Pagefind run holds the whole site of a large registry.

Pagefind reads the built HTML, detects each page's ``<html lang>`` and writes a static index. Its
memory grows with the pages it indexes, so above ``MAX_PAGES_ONE_BUNDLE`` pages (below it, one
bundle: exact ranking) the event pages are indexed in one bundle per event year
(``pagefind-<year>/``) and every other page (lists, statistics, docs...) in the main bundle
(``pagefind/``, the one the search page loads). ``pagefind/carbonreg-bundles.json`` lists the year
bundles; the search page merges them in the browser (Pagefind's ``mergeIndex``), so a search covers
every page as one index would.

Each bundle records the SHA-256 of its inputs (Pagefind's version, the pages it indexes and their
bytes) in ``carbonreg-bundle.json``; a rebuild copies a bundle from the previous site when that key
is unchanged, so only the years whose pages changed are indexed again."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

MAIN = "pagefind"
BUNDLES = "carbonreg-bundles.json"
STAMP = "carbonreg-bundle.json"
_YEAR = re.compile(r"^(\d{4})-")
_LANG_PREFIXES = ("", "en/")  # zh pages at the root, en pages under en/ (site/i18n.py)
# Up to this many pages, one bundle: Pagefind ranks within one index, and scores of separate bundles
# merged in the browser are not comparable (a small year's bundle weighs the same words more). Above
# it, one bundle per event year. That bounds a run by a year's pages, not by memory: a Pagefind run's
# peak is about 20 times the HTML it indexes (bench/README.md: 3.1 GB for the 169 MB of event and report
# pages of one year of the 10,000-event demo), so a national registry needs bundles split by bytes
# (issue 17, not done yet).
MAX_PAGES_ONE_BUNDLE = 20_000


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


def bundles(folder: Path, max_pages: int = MAX_PAGES_ONE_BUNDLE) -> dict[str, tuple[str, list[str]]]:
    """Bundle folder name -> (the Pagefind glob that selects its pages, those pages sorted): one
    bundle for a site of at most ``max_pages`` pages, else one per event year plus the main one."""
    every = sorted(_pages(folder, folder))
    if len(every) <= max_pages:
        return {MAIN: ("**/*.html", every)}
    years: dict[str, list[str]] = {}
    other_events: list[str] = []  # the events list pages (events/index.html, events/page/N/)
    for prefix in _LANG_PREFIXES:
        events = folder / prefix / "events"
        if not events.is_dir():
            continue
        for entry in sorted(os.scandir(events), key=lambda e: e.name):
            match = _YEAR.match(entry.name)
            if match and entry.is_dir(follow_symlinks=False):
                years.setdefault(match.group(1), []).extend(_pages(folder, Path(entry.path)))
            elif entry.is_dir(follow_symlinks=False):
                other_events.append(f"{_glob_escape(prefix + 'events/' + entry.name)}/**/*.html")
            elif entry.name.endswith(".html"):
                other_events.append(_glob_escape(prefix + "events/" + entry.name))
    plan: dict[str, tuple[str, list[str]]] = {}
    for year, pages in sorted(years.items()):
        plan[f"pagefind-{year}"] = ("{" + ",".join(f"{_glob_escape(prefix)}events/{year}-*/**/*.html" for prefix in _LANG_PREFIXES) + "}",
                                    sorted(pages))
    in_years = {page for _, pages in plan.values() for page in pages}
    main = [page for page in _pages(folder, folder) if page not in in_years]
    patterns = list(other_events)
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith(MAIN) or entry.name in ("events", "en"):
            continue
        patterns.append(f"{_glob_escape(entry.name)}/**/*.html" if entry.is_dir(follow_symlinks=False) else _glob_escape(entry.name))
    en = folder / "en"
    if en.is_dir():
        for entry in sorted(os.scandir(en), key=lambda e: e.name):
            if entry.name != "events":
                patterns.append(f"en/{_glob_escape(entry.name)}/**/*.html" if entry.is_dir(follow_symlinks=False) else f"en/{_glob_escape(entry.name)}")
    plan[MAIN] = ("{" + ",".join(p for p in patterns if p.endswith(".html")) + "}", sorted(main))
    return dict(sorted(plan.items()))


def _pages(root: Path, top: Path) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not (folder == str(root) and d.startswith(MAIN)))
        rel = Path(folder).relative_to(root).as_posix()
        found += [name if rel == "." else f"{rel}/{name}" for name in files if name.endswith(".html")]
    return found


def index_site(folder: Path, previous: Path | None = None, max_pages: int = MAX_PAGES_ONE_BUNDLE) -> dict[str, str]:
    """Index ``folder``'s pages into its bundles; each bundle is copied from ``previous`` (the site
    published before) when its inputs are unchanged. Returns bundle -> "reused" or "indexed"."""
    plan = bundles(folder, max_pages)
    version = metadata.version("pagefind")
    done: dict[str, str] = {}
    for name, (glob, pages) in plan.items():
        key = _key(folder, version, name, pages)
        if previous is not None and _reuse(previous / name, folder / name, key):
            done[name] = "reused"
            continue
        _run_pagefind(folder, name, glob)
        _sort_languages(folder / name / "pagefind-entry.json")
        (folder / name / STAMP).write_text(json.dumps({"key": key}) + "\n", encoding="utf-8")
        done[name] = "indexed"
    years = [f"{name}/" for name in plan if name != MAIN]
    (folder / MAIN / BUNDLES).write_text(json.dumps(years) + "\n", encoding="utf-8")
    return done


def _key(folder: Path, version: str, name: str, pages: list[str]) -> str:
    digest = hashlib.sha256(f"carbonreg-search/1\0{version}\0{name}\0".encode())
    for page in pages:
        digest.update(page.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256((folder / page).read_bytes()).digest())
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


def _run_pagefind(folder: Path, name: str, glob: str) -> None:
    """One Pagefind run over the pages ``glob`` selects, written to ``folder/name``."""
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", name, "--glob", glob, "--silent"],
        capture_output=True, text=True, timeout=1800,
    )
    if proc.returncode != 0:
        raise SearchIndexError((proc.stderr or proc.stdout).strip()[-500:])


def _glob_escape(path: str) -> str:
    return re.sub(r"([\\*?\[\]{},!()<>:#])", r"\\\1", path)


def _sort_languages(entry: Path) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run: sort them so
    the same site gives the same bytes."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

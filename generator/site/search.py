"""Full-text search with Pagefind (the extended build segments Chinese), one index per language.

Pagefind reads the built HTML, detects each page's ``<html lang>`` and writes a static index to
``pagefind/``; the search page loads it in the browser, with no server."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


class SearchIndexError(Exception):
    def __init__(self, detail: str):
        super().__init__(detail)
        self.zh = f"生成搜索索引失败：{detail}"
        self.en = f"building the search index failed: {detail}"


def index_site(folder: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", "pagefind", "--silent"],
        capture_output=True, text=True, timeout=1800,
    )
    if proc.returncode != 0:
        raise SearchIndexError((proc.stderr or proc.stdout).strip()[-500:])
    _sort_languages(folder / "pagefind" / "pagefind-entry.json")


def _sort_languages(entry: Path) -> None:
    """Pagefind writes its languages in hash-map order, which changes from run to run: sort them so
    the same site gives the same bytes."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

"""Narrative pages (guideline, method, guides) built by mkdocs with our own theme."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from generator import datadir
from generator.site.methodology import methodology_markdown
from generator.site.render import THEME_DIR

DOCS_DIR = datadir.DOCS
HOOKS = Path(__file__).with_name("mkdocs_hooks.py")
SKIP = {"sitemap.xml", "sitemap.xml.gz", "404.html"}


def build_docs(model, source_date_epoch: int) -> Iterator[tuple[str, bytes]]:
    """Run mkdocs on a copy of ``site/docs`` plus the generated method page; yield its pages."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory(prefix="carbonreg-docs-") as tmp:
        src, out = Path(tmp, "src"), Path(tmp, "out")
        shutil.copytree(DOCS_DIR, src)
        for lang, prefix in (("zh", ""), ("en", "en/")):
            (src / prefix / "docs" / "methodology.md").write_text(
                methodology_markdown(model.rules, model.factor_sets, lang), encoding="utf-8")
        config_file = Path(tmp, "mkdocs.yml")
        config_file.write_text(
            "site_name: carbonreg\n"
            f"docs_dir: {src}\nsite_dir: {out}\n"
            "use_directory_urls: true\nplugins: []\n"
            f"theme:\n  name: null\n  custom_dir: {THEME_DIR}\n"
            f"hooks:\n  - {HOOKS}\n"
            "markdown_extensions:\n  - tables\n  - toc\n  - attr_list\n  - fenced_code\n"
            # The guides link to files the generator writes beside them (templates/<rules>.xlsx, data/...),
            # which mkdocs cannot see; every link of the built site is checked by tests/site instead.
            "validation:\n  links:\n    not_found: info\n",
            encoding="utf-8")
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
        try:
            mkdocs_build(load_config(str(config_file)))
        finally:
            if previous is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)
            else:
                os.environ["SOURCE_DATE_EPOCH"] = previous
        for path in sorted(out.rglob("*")):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in SKIP and path.suffix == ".html":
                yield rel, path.read_bytes()

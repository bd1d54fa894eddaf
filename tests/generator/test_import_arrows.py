"""The arrows go one way (issue 18, change 3): the record model and the rules never import the
write operations (publishing) or the site; nor do offers and estimates, and the filing page's data and
spreadsheets never import the site; signing never imports the generator. Read from the
source with ast, so an import inside a function counts too."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "generator/model": ("generator.publishing", "generator.site", "generator.rules"),
    "generator/rules": ("generator.publishing", "generator.site"),
    "generator/accounting": ("generator.publishing", "generator.site", "generator.rules"),
    "signing": ("generator",),
    # The calculations and formats below the site: they read the records' labels from generator/model.
    "generator/offers": ("generator.publishing", "generator.site"),
    "generator/estimate": ("generator.publishing", "generator.site"),
    # Their importers write files with publishing's atomic writer; they never import the site.
    "generator/filing": ("generator.site",),
    "generator/spreadsheet": ("generator.site",),
}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_against_the_arrows(package):
    wrong = [f"{path.relative_to(REPO)}:{line} imports {name}"
             for path in sorted((REPO / package).rglob("*.py"))
             for line, name in _imports(path)
             if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package])]
    assert not wrong, "\n".join(wrong)

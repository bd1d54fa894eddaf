import ast
import subprocess
import sys
from pathlib import Path

from signing import cli

# signing.cli's folder, not signing.__file__: an editable install made before
# signing/__init__.py existed imports the package as a namespace package.
PACKAGE = Path(cli.__file__).parent


def test_no_signing_module_mentions_generator_in_an_import():
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n == "generator" or n.startswith("generator.") for n in names), path


def test_importing_every_signing_module_loads_no_generator():
    code = (
        "import importlib, pkgutil, sys, signing\n"
        "for info in pkgutil.iter_modules(signing.__path__):\n"
        "    importlib.import_module('signing.' + info.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'generator'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""Where the data folders that ship with carbonreg are: the schemas, the site theme and narrative
docs, the jurisdiction profiles, the sample registry and the workflow templates.

In a checkout (and an editable install) they sit beside ``generator/``. An installed wheel, as the
workflows of a registry repository install it (``pip install "carbonreg @ git+…"``), carries them in
the ``carbonreg_data`` package, whose folders are links to the same folders in the repository (see
``pyproject.toml``); the workflow templates are there as ``github/`` since packaging leaves out
hidden folders."""
from __future__ import annotations

from pathlib import Path

_BESIDE = Path(__file__).resolve().parents[1]


def _root() -> Path:
    if (_BESIDE / "schemas").is_dir():
        return _BESIDE
    return _BESIDE / "carbonreg_data"


ROOT = _root()
SCHEMAS = ROOT / "schemas"
THEME = ROOT / "site" / "theme"
DOCS = ROOT / "site" / "docs"
PROFILES = ROOT / "profiles"
SAMPLE_REGISTRY = ROOT / "registry"
GITHUB = ROOT / ".github" if (ROOT / ".github").is_dir() else ROOT / "github"

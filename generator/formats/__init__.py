"""Output formats for check results: each a small module with one ``render(result) -> str``."""
from __future__ import annotations

from generator.formats import github, jsonout, markdown, text

FORMATS = {"text": text.render, "json": jsonout.render, "github": github.render, "markdown": markdown.render}

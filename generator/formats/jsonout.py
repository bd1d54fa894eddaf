"""Machine-readable JSON: every finding with its location, and the summary counts."""
from __future__ import annotations

import json

from generator.formats.summary import counts


def _loc(loc) -> dict:
    return {"path": loc.path, "line": loc.line, "column": loc.column}


def render(result) -> str:
    doc = {
        "version": 1,
        "today": result.today.isoformat(),
        "summary": counts(result),
        "findings": [
            {"code": f.code, "severity": f.severity.value, **_loc(f.location),
             "message": {"zh": f.zh, "en": f.en}, "related": [_loc(r) for r in f.related]}
            for f in result.findings
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"

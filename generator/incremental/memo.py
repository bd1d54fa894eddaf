"""The memo of one event's check: its findings and facts, as JSON.

A memo is shared by every checkout of the same registry (the cache is per user, build shards come
from other machines), so the files its facts point into are stored relative to the registry root and
joined to the root of the run that reads them back."""
from __future__ import annotations

import os
from pathlib import Path

from generator.findings import Finding
from generator.loading.cache import _finding_in, _finding_out
from generator.rules.facts import EventFacts, GreenFact, IdFact, SerialFact, Where


def encode(findings: list[Finding], facts: EventFacts, root: Path) -> dict:
    def _where_out(w: Where) -> list:
        return [Path(os.path.relpath(w.file, root)).as_posix(), w.shown, list(w.keys)]

    return {
        "findings": [_finding_out(f) for f in findings],
        "facts": {
            "rel_dir": facts.rel_dir, "plan_id": facts.plan_id,
            "ids": [[i.kind, i.value, _where_out(i.where)] for i in facts.ids],
            "serials": [[s.registry, s.prefix, s.first, s.last, s.retirement_id, _where_out(s.where)]
                        for s in facts.serials],
            "declaration": list(facts.declaration) if facts.declaration else None,
            "has_report": facts.has_report, "retirements": facts.retirements,
            "has_declaration": facts.has_declaration, "standing_level": facts.standing_level,
            "status": facts.status, "placeholder_lines": facts.placeholder_lines,
            "unreadable": facts.unreadable,
            "green_certificates": [[g.id, g.line_id, _where_out(g.where)] for g in facts.green_certificates],
            "credentials": list(facts.credentials),
        },
    }


def decode(value: dict, root: Path) -> tuple[list[Finding], EventFacts]:
    def _where_in(raw: list) -> Where:
        return Where(str(root / raw[0]), raw[1], tuple(raw[2]))

    raw = value["facts"]
    facts = EventFacts(
        rel_dir=raw["rel_dir"], plan_id=raw["plan_id"],
        ids=tuple(IdFact(k, v, _where_in(w)) for k, v, w in raw["ids"]),
        serials=tuple(SerialFact(r, p, first, last, rid, _where_in(w)) for r, p, first, last, rid, w in raw["serials"]),
        declaration=tuple(raw["declaration"]) if raw["declaration"] else None,
        has_report=raw["has_report"], retirements=raw["retirements"], has_declaration=raw["has_declaration"],
        standing_level=raw["standing_level"], status=raw["status"], placeholder_lines=raw["placeholder_lines"],
        unreadable=raw.get("unreadable", 0),
        green_certificates=tuple(GreenFact(i, line, _where_in(w)) for i, line, w in raw.get("green_certificates", ())),
        credentials=tuple(raw.get("credentials", ())),
    )
    return [_finding_in(f) for f in value["findings"]], facts

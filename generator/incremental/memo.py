"""The memo of one event's check: its findings and facts, as JSON.

A memo is shared by every checkout of the same registry (the cache is per user, build shards come
from other machines, CI restores it into a new checkout), so it holds nothing of where the registry
was: the files its facts point into are stored relative to the registry root and joined to the root
of the run that reads them back, and every shown path (a finding's file, a fact's shown place, a
path quoted in a message) is stored split at the shown root's prefix and joined with the prefix of
the run that reads it. A run that shows paths bare (``shown_root`` "" or ".") has no prefix to split
at, so its memos are keyed apart (:func:`root_kind`)."""
from __future__ import annotations

import os
import re
from pathlib import Path

from generator.findings import Finding
from generator.loading.cache import _finding_in, _finding_out
from generator.rules.facts import EventFacts, GreenFact, IdFact, SerialFact, Where


def prefix(shown_root: str) -> str:
    """What every shown path of the registry starts with (as ``generator.loading.walk`` shows them)."""
    return "" if shown_root in ("", ".") else f"{shown_root.rstrip('/')}/"


def root_kind(shown_root: str) -> str:
    """The part of ``shown_root`` a memo's key holds: whether shown paths have a prefix at all."""
    return "prefixed" if prefix(shown_root) else "bare"


def _split(text: str, at: str) -> list[str]:
    """``text`` split where a shown path starts: at ``at`` not preceded by a character of a path or
    URL (so "other-registry/" or "https://…/registry/" stay text when ``at`` is "registry/")."""
    if not at or at not in text:
        return [text]
    if text.startswith(at) and text.find(at, 1) < 0:  # a shown path: the usual case, no regex
        return ["", text[len(at):]]
    return re.split(PATH_START + re.escape(at), text)


PATH_START = r"(?<![A-Za-z0-9._~/:%+-])"


def _finding_parts(f: Finding, at: str) -> list:
    """A finding as the record cache writes it (``_finding_out``), its shown paths and messages split
    at the shown root's prefix."""
    code, severity, (path, line, column), zh, en, related = _finding_out(f)
    return [code, severity, [_split(path, at), line, column], _split(zh, at), _split(en, at),
            [[_split(p, at), ln, col] for p, ln, col in related]]


def _finding_joined(raw: list, at: str) -> Finding:
    code, severity, (path, line, column), zh, en, related = raw
    return _finding_in([code, severity, [at.join(path), line, column], at.join(zh), at.join(en),
                        [[at.join(p), ln, col] for p, ln, col in related]])


def encode(findings: list[Finding], facts: EventFacts, root: Path, shown_root: str) -> dict:
    at = prefix(shown_root)

    def _where_out(w: Where) -> list:
        return [Path(os.path.relpath(w.file, root)).as_posix(), _split(w.shown, at), list(w.keys)]

    return {
        "findings": [_finding_parts(f, at) for f in findings],
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


def decode(value: dict, root: Path, shown_root: str) -> tuple[list[Finding], EventFacts]:
    at = prefix(shown_root)

    def _where_in(raw: list) -> Where:
        return Where(str(root / raw[0]), at.join(raw[1]), tuple(raw[2]))

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
    return [_finding_joined(f, at) for f in value["findings"]], facts

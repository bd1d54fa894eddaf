"""Open data: JSON for every record, the dataset as JSON and CSV, the schemas, an Atom feed."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from html import escape
from typing import Iterator

from generator.accounting.compute import exact_text
from generator.accounting.indicators import indicators
from generator.site.model import SiteEvent, SiteModel
from generator.validation.schemas import SCHEMA_DIR

Page = tuple[str, bytes]
SCHEMA_VERSION = "2.0"  # of every export; what may change within a major version, and the changelog: site/docs/docs/data.md
CSV_COLUMNS = {
    "events.csv": ["id", "name_zh", "name_en", "kind", "start", "end", "district", "basic_tco2e", "extended_tco2e",
                   "total_tco2e", "needed_basic", "needed_full", "retired", "level", "status", "deadline",
                   "estimate_basic_tco2e", "estimate_total_tco2e"],
    "emission-lines.csv": ["event", "line", "phase", "category", "mode", "amount", "unit", "factor", "factor_unit",
                           "factor_origin", "scope", "tco2e", "activity_source", "sample_size"],
    "retirements.csv": ["event", "id", "kind", "registry", "quantity", "retired_on", "serial_blocks"],
}
# The event list's index: field names once, then one array per event (compact at 10,000 events).
INDEX_FIELDS = ("id", "zh", "en", "kind", "start", "district", "status", "level", "total")


def _num(value: Decimal) -> str:
    """Exact decimal string, never a JSON float."""
    return exact_text(value) if value else "0"


def _dump(obj) -> bytes:
    """Compact JSON with sorted keys (written by the json module's C encoder: indented output would
    fall back to its pure-Python encoder, several times slower for the same data)."""
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def event_record(e: SiteEvent) -> dict:
    a, ev = e.account, e.event
    found = indicators(a, e.plan.attendance)
    return {
        "id": e.id,
        "schema_version": SCHEMA_VERSION,
        "plan": _public("plan", e.plan.doc.data),
        "report": _public("report", ev.report.doc.data) if ev.report else None,
        "retirements": [_public("retirement", r.doc.data) for r in ev.retirements],
        "declaration": _public("declaration", ev.declaration.doc.data) if ev.declaration else None,
        "computed": {
            "rules": a.rules.id if a.rules else None,
            "factorSet": a.factor_set.id if a.factor_set else None,
            "byPhase": {k: _num(v) for k, v in a.by_phase.items()},
            "byCategory": {k: _num(v) for k, v in a.by_category.items()},
            "basic": _num(a.basic), "extended": _num(a.extended), "total": _num(a.total),
            "neededBasic": str(a.needed_basic), "neededFull": str(a.needed_full), "retired": str(a.retired),
            "level": a.level, "status": a.status, "deadline": a.deadline.isoformat() if a.deadline else None,
            "exclusions": [{"category": x.category, "reason": {"zh": x.reason.zh, "en": x.reason.en}}
                           for x in a.exclusions],
            "unaccounted": list(a.unaccounted), "late": list(a.late), "retiredLate": str(a.retired_late),
            "placeholderShare": _num(found.placeholder_share),
            "estimatedShare": _num(found.estimated_share) if found.estimated_share is not None else None,
            "placeholderOrEstimatedShare": _num(found.weak_share),
            "activitySourceShares": {k: _num(v) for k, v in found.source_shares.items()},
            "intensity": {name: _num(v) for name, v in found.intensity.items()},
            "estimate": _estimate(e),
            "lines": [{"id": x.line.id, "scope": x.scope, "tco2e": _num(x.tco2e), "factorOrigin": x.factor_origin,
                       "activitySource": x.line.activity_source, "sampleSize": x.line.sample_size,
                       "derivation": x.derivation,
                       "greenPower": {"kind": x.line.green_power.kind, "ids": list(x.line.green_power.ids)}
                       if x.line.green_power else None} for x in a.lines],
        },
    }


def _public(kind: str, data: dict) -> dict:
    """Only the fields the record's schema marks public (generator/site/public.py)."""
    from generator.site.public import public_view

    return _jsonable(public_view(kind, data))


def _jsonable(value):
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _csv(header: list[str], rows: list[list]) -> bytes:
    """A CSV file; its last column is the schema_version of the export (the same on every row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*header, "schema_version"])
    writer.writerows([*row, SCHEMA_VERSION] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM so spreadsheet programs read UTF-8


def event_file(e: SiteEvent) -> Page:
    """The event's own open data file."""
    return f"data/events/{e.id}.json", _dump(event_record(e))


def event_rows(e: SiteEvent) -> dict:
    """The event's entries in the registry-wide files (kept in its summary, as strings)."""
    a = e.account
    return {
        "index": {"id": e.id, "zh": e.plan.name.zh, "en": e.plan.name.en, "kind": e.plan.kind, "year": e.year,
                  "start": e.plan.start.isoformat(), "district": e.plan.district, "status": a.status,
                  "level": a.level, "total": _num(a.total)},
        "events": [_cells([e.id, e.plan.name.zh, e.plan.name.en, e.plan.kind, e.plan.start, e.plan.end, e.plan.district,
                           _num(a.basic), _num(a.extended), _num(a.total), a.needed_basic, a.needed_full, a.retired,
                           a.level, a.status, a.deadline or "",
                           _opt(a.estimate_basic), _opt(a.estimate_total)])],
        "lines": [_cells([e.id, x.line.id, x.line.phase, x.line.category, x.line.mode or "", _num(x.line.amount),
                          x.line.unit, _num(x.factor_value), x.factor_unit, x.factor_origin, x.scope or "", _num(x.tco2e),
                          x.line.activity_source or "", x.line.sample_size or ""])
                  for x in a.lines],
        "retirements": [_cells([e.id, r.id, r.kind, r.registry, r.quantity, r.retired_on,
                                " ".join(f"{s.prefix}:{s.first}-{s.last}" for s in r.serials)])
                        for r in e.event.retirements],
    }


def _opt(value: Decimal | None) -> str:
    return "" if value is None else _num(value)


def _estimate(e: SiteEvent) -> dict | None:
    """The plan's estimate (Art. 9) and its comparison with the actual accounting per category, as
    accounting/comparison.py computes it; null while the plan's estimate has errors."""
    est, c = e.account.estimate, e.comparison
    if est is None:
        return None

    def row(r) -> dict:  # null where unknown: no per-category estimate (typed totals), no report yet
        return {k: None if v is None else _num(v) for k, v in (("estimate", r.estimate), ("actual", r.actual),
                                                                ("difference", r.difference))}

    return {
        "source": est.source, "basic": _num(est.basic), "extended": _num(est.extended), "total": _num(est.total),
        "neededBasic": str(est.needed_basic), "neededFull": str(est.needed_full),
        "lines": [{"id": x.line.id, "category": x.line.category, "scope": x.scope, "amount": _num(x.line.amount),
                   "unit": x.line.unit, "factorKey": x.factor_key, "tco2e": _num(x.tco2e), "derivation": x.derivation}
                  for x in est.lines],
        "vsActual": {"byCategory": [{"category": r.category, "scope": r.scope, **row(r)} for r in c.categories],
                     "basic": row(c.basic), "extended": row(c.extended), "total": row(c.total)},
    }


def _cells(values: list) -> list[str]:
    return [str(v) for v in values]  # what csv.writer writes of each value


def open_data(model: SiteModel, event_json) -> Iterator[Page]:
    """The registry-wide open data, from event summaries; ``event_json(id)`` gives the bytes of an
    event's own file (already written), which ``registry.json`` embeds."""
    yield "data/revocations.json", _dump({"schema_version": SCHEMA_VERSION,
                                          "revocations": [_public("revocation", r.doc.data) for r in model.revocations]})
    yield "data/offers.json", _dump({"schema_version": SCHEMA_VERSION,
                                     "offers": [_public("offer", o.doc.data) for o in model.offers]})
    yield "data/registry.json", _registry_json(model, (event_json(e.id) for e in model.events))
    yield "data/events-index.json", _dump({"schema_version": SCHEMA_VERSION, "fields": list(INDEX_FIELDS),
                                           "events": [[e.rows["index"][f] for f in INDEX_FIELDS] for e in model.events]})
    yield "data/events.csv", _csv(CSV_COLUMNS["events.csv"],
        [row for e in model.events for row in e.rows["events"]])
    yield "data/emission-lines.csv", _csv(CSV_COLUMNS["emission-lines.csv"],
        [row for e in model.events for row in e.rows["lines"]])
    yield "data/retirements.csv", _csv(CSV_COLUMNS["retirements.csv"],
        [row for e in model.events for row in e.rows["retirements"]])


def _registry_json(model: SiteModel, records):
    """``_dump({"events": [...], "name": ..., "sourceDate": ...})``, written piece by piece from the
    events' own files without parsing them again (a test holds the two equal)."""
    rest = _dump({"name": {"zh": model.name.zh, "en": model.name.en}, "schema_version": SCHEMA_VERSION,
                  "sourceDate": model.source_date})
    yield b'{"events":['
    for i, record in enumerate(records):
        yield (b"," if i else b"") + record.rstrip(b"\n")
    yield b"]," + rest[1:]


def schema_files() -> Iterator[Page]:
    """The schemas, served at the path of their ``$id`` (https://carbonreg.org/schemas/v1/...)."""
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        yield f"schemas/v1/{path.name}", path.read_bytes()


def atom_feed(model: SiteModel, base_url: str | None) -> Page:
    base = (base_url or "https://carbonreg.example.org/").rstrip("/") + "/"
    entries = []
    for e in model.events:
        d = e.event.declaration
        when = (d.declared_on if d else e.plan.start).isoformat() + "T00:00:00Z"
        kind = "声明 / declaration" if d else "活动 / event"
        entries.append((when, e.id, f"{e.plan.name.zh} / {e.plan.name.en} — {kind}"))
    entries.sort(reverse=True)
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{escape(model.name.zh)} / {escape(model.name.en)}</title>",
             f'<id>{escape(base)}</id><link rel="self" href="{escape(base)}feed.xml"/>',
             f"<updated>{model.source_date}</updated>"]
    for when, eid, title in entries:
        parts.append(f'<entry><id>{escape(base)}events/{escape(eid)}/</id><title>{escape(title)}</title>'
                     f'<updated>{when}</updated><link href="{escape(base)}events/{escape(eid)}/"/></entry>')
    parts.append("</feed>\n")
    return "feed.xml", "\n".join(parts).encode("utf-8")


def revocation_feed(model: SiteModel, base_url: str | None) -> Page:
    """Atom feed of revocation notices (Art. 16-17), newest first."""
    base = (base_url or "https://carbonreg.example.org/").rstrip("/") + "/"
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
             "<title>撤销公告 / Revocation notices</title>",
             f'<id>{escape(base)}revocations/</id><link rel="self" href="{escape(base)}revocations/feed.xml"/>',
             f"<updated>{model.source_date}</updated>"]
    for rev in model.revocations:
        url = f"{base}revocations/{rev.id}/"
        parts.append(f"<entry><id>{escape(url)}</id><title>{escape(rev.id)}: {escape(rev.event_id)}</title>"
                     f"<updated>{rev.decided_on.isoformat()}T00:00:00Z</updated><link href=\"{escape(url)}\"/>"
                     f"<summary>{escape(rev.reason.zh)} / {escape(rev.reason.en)}</summary></entry>")
    parts.append("</feed>\n")
    return "revocations/feed.xml", "\n".join(parts).encode("utf-8")


def trust_files(model: SiteModel) -> Iterator[Page]:
    """The platform's signed trust documents, so that a downloaded site verifies offline."""
    trust = model.trust
    if trust is None or not trust.root_chain:
        return
    for doc in trust.root_chain:
        yield f"trust/{doc['signed']['version']}.root.json", _dump(doc)
    yield "trust/root.json", _dump(trust.root_chain[-1])
    for name, signed in (("authorizations", trust.authorizations), ("status", trust.status),
                         ("checkpoint", trust.checkpoint)):
        if signed is not None:
            yield f"trust/{name}.json", _dump(signed)
    yield "trust/log.json", _dump({"leaves": list(trust.log_leaves)})

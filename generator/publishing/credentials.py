"""What a certificate or declaration says about an event, taken from the checked registry.

The subject carries what a reader needs without the registry, and binds the registry's evidence
(plan, report, each retirement and attachment) by SHA-256 so nobody can swap it afterwards."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.accounting.compute import EventAccount, exact_text
from generator.incremental.fileids import sha256_of
from generator.model.records import Event


def decimal_text(value: Decimal) -> str:
    return exact_text(value)


def evidence(registry_root: Path, event: Event) -> list[dict[str, str]]:
    """Every file the claim rests on, by registry-relative path and SHA-256, in a stable order."""
    files = [event.dir / "plan.yaml", event.dir / "report.yaml"]
    files += [event.dir / "retirements" / f"{r.id}.yaml" for r in event.retirements]
    files += [event.dir / att.path for _, att in event.attachments()]
    return [{"path": f.relative_to(registry_root).as_posix(), "sha256": sha256_of(f)} for f in files if f.is_file()]


def event_subject(event: Event, account: EventAccount) -> dict[str, Any]:
    plan = event.plan
    assert plan is not None  # an account exists only for an event with a plan
    return {
        "id": plan.id,
        "name": {"zh": plan.name.zh, "en": plan.name.en},
        "kind": plan.kind,
        "organizer": {"zh": plan.organizer.zh, "en": plan.organizer.en},
        "venue": {"zh": plan.venue.zh, "en": plan.venue.en},
        "district": plan.district,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
    }


def offsets(event: Event, account: EventAccount, scope: str) -> dict[str, Any]:
    return {
        "needed": str(account.needed(scope)),
        "retired": str(account.retired),
        "retirements": [
            {"id": r.id, "kind": r.kind, "registry": r.registry, "quantity": str(r.quantity),
             "retiredOn": r.retired_on.isoformat(),
             "serials": [{"prefix": s.prefix, "first": str(s.first).zfill(s.width_first),
                          "last": str(s.last).zfill(s.width_last)} for s in r.serials]}
            for r in event.retirements
        ],
    }


def disclosures(event: Event, account: EventAccount, verification: dict | None = None) -> dict[str, Any]:
    """Issue 12: the categories left out with their reasons, the intensity, the shares resting on
    placeholder factors and on estimated activity data (when the report states its sources), and the
    agency's verification statement when it gives one."""
    from generator.accounting.indicators import indicators as event_indicators

    out: dict[str, Any] = {}
    if account.exclusions:
        out["exclusions"] = [{"category": x.category, "reason": {"zh": x.reason.zh, "en": x.reason.en}}
                             for x in account.exclusions]
    assert event.plan is not None  # an account exists only for an event with a plan
    found = event_indicators(account, event.plan.attendance)
    indicators: dict[str, Any] = {"placeholderShare": decimal_text(found.placeholder_share)}
    if found.estimated_share is not None:
        indicators["estimatedShare"] = decimal_text(found.estimated_share)
    if found.intensity:
        indicators["intensity"] = {name: decimal_text(value) for name, value in found.intensity.items()}
    out["indicators"] = indicators
    if verification:
        out["verification"] = verification
    return out


def emissions(account: EventAccount) -> dict[str, str]:
    return {"basic": decimal_text(account.basic), "extended": decimal_text(account.extended),
            "total": decimal_text(account.total)}

"""``carbonreg verify``: the offline verifier of ``signing`` plus, with ``--registry``, a recomputation
of the signed totals from the registry checkout (which ``verify`` alone cannot do: it never imports
the generator)."""
from __future__ import annotations

from datetime import date
from pathlib import Path


def totals_problems(registry: Path, subject: dict, today: date) -> list[tuple[str, str]]:
    """(zh, en) for each signed total that differs from what the registry computes."""
    from generator.accounting.signed_totals import differing_totals
    from generator.pipeline import check

    result = check(registry, today)
    event_id = subject.get("event", {}).get("id")
    match = [(e, result.accounts.get(e.rel_dir)) for e in result.registry.events if e.plan and e.plan.id == event_id]
    if not match or match[0][1] is None:
        return [(f"登记库中没有活动 {event_id}", f"the registry has no event {event_id}")]
    account = match[0][1]
    assert account is not None  # checked above
    return [(f"签名的 {name} 为 {signed}，登记库计算为 {computed}", f"signed {name} is {signed}, the registry computes {computed}")
            for name, signed, computed in differing_totals(subject, account)]


def _check_totals(args, verdict, code: int) -> int:
    """After ``verify`` printed its result: with --registry, recompute the signed totals."""
    if args.registry is None or code not in (0, 2) or args.json or verdict.subject is None:
        return code
    problems = totals_problems(Path(args.registry), dict(verdict.subject), date.today())
    if problems:
        for zh, en in problems:
            print(f"  ✗ totals          {zh} / {en}")
        print("结论 / Verdict: ✗ 无效 / INVALID — 签名的合计与登记库不符 / signed totals differ from the registry")
        return 1
    print("  ✓ totals          登记库重新计算的合计与签名一致 / totals recomputed from the registry match the signed ones")
    return code


def main(argv: list[str]) -> int:
    """``carbonreg verify``: the ``verify`` command line (``signing.cli`` parses and runs it), then
    the totals recomputed with --registry."""
    from signing.cli import main as verify_main

    return verify_main(argv, _check_totals)

"""``carbonreg verify``: the offline verifier of ``signing`` plus, with ``--registry``, a recomputation
of the signed totals from the registry checkout (which ``verify`` alone cannot do: it never imports
the generator)."""
from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path


def _registry_arg(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--registry" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--registry="):
            return arg.split("=", 1)[1]
    return None


def totals_problems(registry: Path, subject: dict, today: date) -> list[tuple[str, str]]:
    """(zh, en) for each signed total that differs from what the registry computes."""
    from generator.pipeline import check

    result = check(registry, today)
    event_id = subject.get("event", {}).get("id")
    match = [(e, result.accounts.get(e.rel_dir)) for e in result.registry.events if e.plan and e.plan.id == event_id]
    if not match or match[0][1] is None:
        return [(f"登记库中没有活动 {event_id}", f"the registry has no event {event_id}")]
    _, account = match[0]
    scope = subject.get("scope")
    expected = {"emissions.basic": account.basic, "emissions.extended": account.extended,
                "emissions.total": account.total, "offsets.retired": Decimal(account.retired)}
    if scope in ("basic", "full"):
        expected["offsets.needed"] = Decimal(account.needed(scope))
    problems = []
    for name, computed in expected.items():
        section, key = name.split(".")
        try:
            signed = Decimal(str(subject.get(section, {}).get(key)))
        except (InvalidOperation, ValueError):
            signed = None
        if signed != computed:
            problems.append((f"签名的 {name} 为 {subject.get(section, {}).get(key)}，登记库计算为 {computed}",
                             f"signed {name} is {subject.get(section, {}).get(key)}, the registry computes {computed}"))
    return problems


def main(argv: list[str]) -> int:
    from signing.cli import main as verify_main

    code = verify_main(argv)
    registry = _registry_arg(argv)
    if registry is None or code not in (0, 2) or "--json" in argv:
        return code
    from signing.strictjson import load_path

    bundle = load_path(next(a for a in argv if not a.startswith("--") and a != registry))
    problems = totals_problems(Path(registry), bundle["credential"]["credentialSubject"], date.today())
    if problems:
        for zh, en in problems:
            print(f"  ✗ totals          {zh} / {en}")
        print("结论 / Verdict: ✗ 无效 / INVALID — 签名的合计与登记库不符 / signed totals differ from the registry")
        return 1
    print("  ✓ totals          登记库重新计算的合计与签名一致 / totals recomputed from the registry match the signed ones")
    return code

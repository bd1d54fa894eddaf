"""Art. 14: a self-declaration only when the retirements it relies on cover what its scope needs."""
from __future__ import annotations

from generator.findings import error
from generator.rules.context import CheckContext

SCOPE_NAMES = {"basic": ("基本碳中和", "basic neutrality"), "full": ("全口径碳中和", "full-scope neutrality")}


def declaration_covered(ctx: CheckContext):
    for event, account in ctx.planned_events():
        decl = event.declaration
        if decl is None:
            continue
        if event.report is None or account is None:
            yield error("R703", decl.doc.at("scope"), "尚无排放核算报告（report.yaml），不能发布声明",
                        "there is no emissions report (report.yaml) yet, so nothing can be declared")
            continue
        own = {r.id: r for r in event.retirements}
        counted = 0
        for i, rid in enumerate(decl.retirement_ids):
            if rid not in own:
                yield error("R702", decl.doc.at("retirements", i),
                            f"本活动没有编号为 {rid!r} 的注销证明；可用：{', '.join(own) or '-'}",
                            f"this event has no retirement {rid!r}; available: {', '.join(own) or '-'}")
            else:
                counted += own[rid].quantity
        needed = account.needed(decl.scope)
        if counted < needed:
            zh, en = SCOPE_NAMES[decl.scope]
            yield error("R701", decl.doc.at("scope"),
                        f"声明{zh}需抵销 {needed} tCO2e（排放 {account.total if decl.scope == 'full' else account.basic} 向上取整），所列注销仅 {counted} tCO2e",
                        f"declaring {en} needs {needed} tCO2e retired (emissions {account.total if decl.scope == 'full' else account.basic} rounded up), the listed retirements hold {counted} tCO2e")

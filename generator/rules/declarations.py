"""Art. 14: a self-declaration only when the retirements it relies on cover what its scope needs."""
from __future__ import annotations

from generator.findings import error
from generator.rules.context import EventContext

SCOPE_NAMES = {"basic": ("基本碳中和", "basic neutrality"), "full": ("全口径碳中和", "full-scope neutrality")}


def declaration_covered(ctx: EventContext):
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
            elif rid in account.late:
                yield error("R704", decl.doc.at("retirements", i),
                            f"注销 {rid} 晚于期限 {account.deadline}，不计入本声明的抵销量（见 R507）",
                            f"retirement {rid} was made after the deadline {account.deadline} and does not count towards this declaration (see R507)")
            else:
                counted += own[rid].quantity
        if account.unaccounted:
            yield error("R705", decl.doc.at("scope"),
                        f"必须核算范围的类别 {', '.join(account.unaccounted)} 既未核算也未排除（见 R404），不能声明碳中和",
                        f"the categories {', '.join(account.unaccounted)} of the required scope are neither accounted nor excluded (see R404), so "
                        "neutrality cannot be declared")
        needed = account.needed(decl.scope)
        if counted < needed:
            zh, en = SCOPE_NAMES[decl.scope]
            yield error("R701", decl.doc.at("scope"),
                        f"声明{zh}需抵销 {needed} tCO2e（排放 {account.total if decl.scope == 'full' else account.basic} 向上取整），所列注销仅 "
                        f"{counted} tCO2e",
                        f"declaring {en} needs {needed} tCO2e retired (emissions {account.total if decl.scope == 'full' else account.basic} rounded "
                        f"up), the listed retirements hold {counted} tCO2e")

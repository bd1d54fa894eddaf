"""Art. 11: what the report must cover: at least the hosting phase; each category in a scope."""
from __future__ import annotations

from generator.findings import error, warning
from generator.rules.context import CheckContext


def required_phases_accounted(ctx: CheckContext):
    for event, account in ctx.planned_events():
        if event.report is None or account is None or account.rules is None:
            continue
        present = {line.phase for line in event.report.lines}
        for phase in account.rules.required_phases:
            if phase not in present:
                yield error("R401", event.report.doc.at("lines"),
                            f"核算至少须包括{'举办' if phase == 'hosting' else phase}阶段（第十一条）；请加入该阶段的排放源",
                            f"the accounting must include the {phase} phase (Art. 11); add its emission lines")


def categories_in_scope(ctx: CheckContext):
    for event, account in ctx.planned_events():
        if account is None:
            continue
        for x in account.lines:
            if x.scope is None and account.rules is not None:
                yield warning("R402", event.report.doc.at("lines", x.line.index, "category"),
                              f"规则 {account.rules.id} 未将类别 {x.line.category} 列入基本或拓展范围，不计入合计",
                              f"rules {account.rules.id} put category {x.line.category} in neither the basic nor the extended scope; it is left out of the totals")


def line_ids_unique(ctx: CheckContext):
    for event, _ in ctx.planned_events():
        if event.report is None:
            continue
        seen: dict[str, int] = {}
        for line in event.report.lines:
            if line.id in seen:
                yield error("R403", event.report.doc.at("lines", line.index, "id"),
                            f"行编号 {line.id!r} 重复（第 {seen[line.id] + 1} 行已使用）",
                            f"line id {line.id!r} is repeated (already used by line {seen[line.id] + 1})")
            seen.setdefault(line.id, line.index)

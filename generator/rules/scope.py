"""Art. 11: what the report must cover: at least the hosting phase, at least the required scope
(each category accounted or excluded with a reason, see ``accounting/coverage.py``)."""
from __future__ import annotations

from decimal import Decimal

from generator.accounting.coverage import accounted_categories
from generator.findings import error, warning
from generator.rules.context import EventContext

SCOPE_ZH = {"basic": "基本范围", "full": "基本范围与拓展范围"}


def required_phases_accounted(ctx: EventContext):
    for event, account in ctx.planned_events():
        if event.report is None or account is None or account.rules is None:
            continue
        present = {line.phase for line in event.report.lines if line.amount > Decimal(0)}
        zero = {line.phase for line in event.report.lines} - present
        for phase in account.rules.required_phases:
            if phase not in present:
                name = '举办' if phase == 'hosting' else phase
                zh_zero = "（数量为 0 的排放行不算核算了该阶段）" if phase in zero else ""
                en_zero = " (lines of amount 0 do not account a phase)" if phase in zero else ""
                yield error("R401", event.report.doc.at("lines"),
                            f"核算至少须包括{name}阶段（第十一条）{zh_zero}；请加入该阶段实际发生的排放源",
                            f"the accounting must include the {phase} phase (Art. 11){en_zero}; add the emission lines of that phase")


def required_scope_covered(ctx: EventContext):
    """R404: every category of the required scope is accounted or excluded with a reason (as the
    rules in force require: every category, or at least one for profile versions before exclusions)."""
    for event, account in ctx.planned_events():
        if event.report is None or account is None or account.rules is None or not account.unaccounted:
            continue
        rules, report = account.rules, event.report
        missing = ", ".join(account.unaccounted)
        example = account.unaccounted[0]
        where = report.doc.at("exclusions") if report.exclusions else report.doc.at("lines")
        zero = sorted({line.category for line in report.lines} & set(account.unaccounted))
        zh_zero = f"（{', '.join(zero)} 只有数量为 0 的行，不算核算）" if zero else ""
        en_zero = f" ({', '.join(zero)} only has lines of amount 0, which account nothing)" if zero else ""
        scope_zh = SCOPE_ZH.get(rules.required_scope, rules.required_scope)
        if rules.scope_completeness == "every_category":
            zh = f"规则 {rules.id} 要求核算{scope_zh}的每个类别（第十一条）；{missing} 既未核算也未说明排除{zh_zero}"
            en = (f"rules {rules.id} require every category of the {rules.required_scope} scope to be accounted "
                  f"(Art. 11); {missing} is neither accounted nor excluded{en_zero}")
        else:
            zh = f"报告没有核算{scope_zh}的任何类别（第十一条：至少核算基本范围）：{missing}{zh_zero}；在此之前不能达到任何碳中和等级"
            en = (f"the report accounts no category of the {rules.required_scope} scope (Art. 11: at least the basic "
                  f"scope): {missing}{en_zero}; until it does, no neutrality level is reached")
        yield error("R404", where,
                    f"{zh}。请为每个这样的类别加入数量大于 0 的排放行，或在 exclusions 中写明排除理由，例如 "
                    f"{{category: {example}, reason: {{zh: 场馆内未燃烧燃料, en: no fuel burned on site}}}}",
                    f"{en}. For each such category add a line with an amount above 0, or exclude it with a reason under "
                    f"exclusions, e.g. {{category: {example}, reason: {{zh: 场馆内未燃烧燃料, en: no fuel burned on site}}}}")


def exclusions_consistent(ctx: EventContext):
    """R405: an excluded category has no emission line, and is excluded once."""
    for event, _ in ctx.planned_events():
        report = event.report
        if report is None:
            continue
        with_lines = {line.category for line in report.lines}
        accounted = accounted_categories(report.lines)
        seen: set[str] = set()
        for x in report.exclusions:
            where = report.doc.at("exclusions", x.index, "category")
            if x.category in seen:
                yield error("R405", where, f"类别 {x.category} 被重复排除；每个类别只列一次",
                            f"category {x.category} is excluded twice; list each category once")
            elif x.category in with_lines:
                kind_zh = "有排放行" if x.category in accounted else "有数量为 0 的排放行"
                kind_en = "has emission lines" if x.category in accounted else "has lines of amount 0"
                yield error("R405", where,
                            f"类别 {x.category} {kind_zh}，不能同时排除；请删除该排除说明或删除该类别的排放行",
                            f"category {x.category} {kind_en} and cannot also be excluded; remove the exclusion or the category's lines")
            seen.add(x.category)


def categories_in_scope(ctx: EventContext):
    for event, account in ctx.planned_events():
        if account is None:
            continue
        for x in account.lines:
            if x.scope is None and account.rules is not None:
                yield warning("R402", event.report.doc.at("lines", x.line.index, "category"),
                              f"规则 {account.rules.id} 未将类别 {x.line.category} 列入基本或拓展范围，不计入合计",
                              f"rules {account.rules.id} put category {x.line.category} in neither the basic nor the extended scope; it is left out "
                              "of the totals")


def line_ids_unique(ctx: EventContext):
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

"""Dates hang together: phases ordered, each period forward, records dated after what they rely on."""
from __future__ import annotations

from generator.findings import error, warning
from generator.model.records import PHASES
from generator.rules.context import EventContext

NAMES = {"preparation": "筹备", "hosting": "举办", "closing": "收尾"}


def phases_consistent(ctx: EventContext):
    for event, _ in ctx.planned_events():
        plan = event.plan
        phases = plan.phases
        for name, period in phases.items():
            if period.end < period.start:
                yield error("R301", plan.doc.at("phases", name, "end"),
                            f"{NAMES[name]}阶段结束 {period.end} 早于开始 {period.start}",
                            f"{name} phase ends ({period.end}) before it starts ({period.start})")
        present = [p for p in PHASES if p in phases]
        for before, after in zip(present, present[1:]):
            if phases[after].start < phases[before].end:
                yield error("R302", plan.doc.at("phases", after, "start"),
                            f"{NAMES[after]}阶段开始 {phases[after].start} 早于{NAMES[before]}阶段结束 {phases[before].end}；阶段须依次进行",
                            f"{after} phase starts ({phases[after].start}) before the {before} phase ends ({phases[before].end}); phases must follow "
                            "each other")


def records_dated_sensibly(ctx: EventContext):
    today = ctx.today
    for event, account in ctx.planned_events():
        plan = event.plan
        if plan.expected_neutral_by < plan.end:
            yield error("R303", plan.doc.at("expected_neutral_by"),
                        f"预期实现碳中和日期 {plan.expected_neutral_by} 早于活动结束 {plan.end}",
                        f"expected neutrality date {plan.expected_neutral_by} is before the event ends ({plan.end})")
        elif account and account.deadline and account.rules and plan.expected_neutral_by > account.deadline:
            months = account.rules.deadline_months  # the deadline is data of the rules in force
            yield warning("R303", plan.doc.at("expected_neutral_by"),
                          f"预期实现碳中和日期 {plan.expected_neutral_by} 晚于期限 {account.deadline}（第十二条：活动结束后 {months} 个月内）",
                          f"expected neutrality date {plan.expected_neutral_by} is after the deadline {account.deadline} "
                          f"(Art. 12: within {months} months of the end)")
        for ret in event.retirements:
            if ret.retired_on > today:
                yield error("R304", ret.doc.at("retired_on"),
                            f"注销日期 {ret.retired_on} 在未来（今天 {today}）；只登记已完成的注销",
                            f"retirement date {ret.retired_on} is in the future (today {today}); file only completed retirements")
        if event.report and event.report.prepared_on < plan.end:
            yield error("R305", event.report.doc.at("prepared_on"),
                        f"核算报告编制于 {event.report.prepared_on}，早于活动结束 {plan.end}；实际排放须在活动结束后核算",
                        f"the report is dated {event.report.prepared_on}, before the event ends ({plan.end}); actual emissions are accounted after the event")
        decl = event.declaration
        if decl is not None:
            if decl.declared_on > today:
                yield error("R306", decl.doc.at("declared_on"), f"声明日期 {decl.declared_on} 在未来",
                            f"declaration date {decl.declared_on} is in the future")
            latest = max((r.retired_on for r in event.retirements if r.id in decl.retirement_ids), default=None)
            if latest is not None and decl.declared_on < latest:
                yield error("R306", decl.doc.at("declared_on"),
                            f"声明日期 {decl.declared_on} 早于所依据的注销日期 {latest}",
                            f"declaration date {decl.declared_on} is before a retirement it relies on ({latest})")
